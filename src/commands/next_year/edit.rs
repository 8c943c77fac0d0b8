//! Editing the TOML in place with `toml_edit`: values replaced with the comments and
//! spacing around them kept, entries removed with the full-line comments above them moved
//! to what follows, amounts written exactly.

use crate::money::{group_thousands, Money, MoneyUnit};
use toml_edit::{ArrayOfTables, Item, TableLike, Value};

/// What a cleared figure is set to; `check` reports each one until it is filled.
pub const PLACEHOLDER: &str = "待填写";

/// Sets `item` to `new`, keeping the whitespace and trailing comment of the old value.
pub fn set(item: &mut Item, new: impl Into<Value>) {
    let mut new = new.into();
    if let Some(old) = item.as_value() {
        *new.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(new);
}

/// Sets `key` of `table` to `new` (kept in place when present, appended otherwise).
pub fn set_key(table: &mut dyn TableLike, key: &str, new: impl Into<Value>) {
    match table.get_mut(key) {
        Some(item) => set(item, new),
        None => {
            table.insert(key, Item::Value(new.into()));
        }
    }
}

/// True when `item` is the placeholder string.
pub fn is_placeholder(item: &Item) -> bool {
    item.as_str() == Some(PLACEHOLDER)
}

/// Every leaf value under `item` (in tables, inline tables and arrays) becomes the
/// placeholder; returns how many.
pub fn clear_all(item: &mut Item) -> usize {
    if let Some(t) = item.as_table_like_mut() {
        return t.iter_mut().map(|(_, v)| clear_all(v)).sum();
    }
    if let Some(aot) = item.as_array_of_tables_mut() {
        return aot
            .iter_mut()
            .flat_map(|t| t.iter_mut())
            .map(|(_, v)| clear_all(v))
            .sum();
    }
    if let Some(Value::Array(array)) = item.as_value_mut() {
        let mut n = 0;
        for v in array.iter_mut() {
            let mut leaf = Item::Value(v.clone());
            n += clear_all(&mut leaf);
            if let Item::Value(cleared) = leaf {
                *v = cleared;
            }
        }
        return n;
    }
    if item.is_value() && !is_placeholder(item) {
        set(item, PLACEHOLDER);
        return 1;
    }
    0
}

/// Clears the given keys of `table` (each present one, with all it holds).
pub fn clear_keys(table: &mut dyn TableLike, keys: &[&str]) -> usize {
    let mut n = 0;
    for k in keys {
        if let Some(item) = table.get_mut(k) {
            n += clear_all(item);
        }
    }
    n
}

/// The tables of an array of tables (`[[basic]]`) or of an inline array (`basic = [{…}]`).
pub fn tables_mut(item: &mut Item) -> Vec<&mut dyn TableLike> {
    match item {
        Item::ArrayOfTables(aot) => aot.iter_mut().map(|t| t as &mut dyn TableLike).collect(),
        Item::Value(Value::Array(array)) => array
            .iter_mut()
            .filter_map(|v| match v {
                Value::InlineTable(t) => Some(t as &mut dyn TableLike),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The table (standard, dotted or inline) at `key` of `table`.
pub fn child<'a>(table: &'a mut dyn TableLike, key: &str) -> Option<&'a mut dyn TableLike> {
    table.get_mut(key).and_then(Item::as_table_like_mut)
}

/// The table at a path of keys from `root`.
pub fn path<'a>(root: &'a mut dyn TableLike, keys: &[&str]) -> Option<&'a mut dyn TableLike> {
    let (first, rest) = keys.split_first()?;
    let next = child(root, first)?;
    if rest.is_empty() {
        Some(next)
    } else {
        path(next, rest)
    }
}

/// The full-line comments of a prefix (`None` when it holds none).
fn comments(prefix: Option<&str>) -> Option<String> {
    prefix.filter(|p| p.contains('#')).map(str::to_string)
}

/// `moved` put before an entry whose own prefix is `own`.
fn joined(moved: &str, own: Option<&str>) -> String {
    format!(
        "{moved}{}",
        own.unwrap_or_default().trim_start_matches(['\n', '\r'])
    )
}

/// Removes `key` from `table`. Full-line comments above it move to the entry that follows
/// (the next key, or for a `[section]` the next section beside it), so a heading comment
/// written above the first entry stays. Returns whether the key was there.
pub fn remove(table: &mut dyn TableLike, key: &str) -> bool {
    let Some(item) = table.get(key) else {
        return false;
    };
    if item.is_table() {
        remove_section(table, key);
    } else {
        remove_value(table, key);
    }
    true
}

/// Removes the `[section]` `key`; its full-line comments go to the next section beside it.
fn remove_section(table: &mut dyn TableLike, key: &str) {
    let Some(t) = table.get(key).and_then(Item::as_table) else {
        return;
    };
    let moved = comments(t.decor().prefix().and_then(|p| p.as_str()));
    let position = t.position();
    table.remove(key);
    if let (Some(moved), Some(position)) = (moved, position) {
        let next = table
            .iter_mut()
            .filter_map(|(_, v)| v.as_table_mut())
            .filter(|t| t.position().is_some_and(|p| p > position))
            .min_by_key(|t| t.position());
        if let Some(next) = next {
            let own = next.decor().prefix().and_then(|p| p.as_str());
            let prefix = joined(&moved, own);
            next.decor_mut().set_prefix(prefix);
        }
    }
}

/// Removes the value `key`; its full-line comments go to the next key, and the space
/// before an inline table's `}` (the last value's suffix) stays.
fn remove_value(table: &mut dyn TableLike, key: &str) {
    let moved = table
        .key(key)
        .and_then(|k| comments(k.leaf_decor().prefix().and_then(|p| p.as_str())));
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let next = keys
        .iter()
        .skip_while(|k| k.as_str() != key)
        .nth(1)
        .filter(|k| table.get(k).is_some_and(Item::is_value))
        .cloned();
    let suffix = table
        .get(key)
        .and_then(Item::as_value)
        .and_then(|v| v.decor().suffix())
        .and_then(|s| s.as_str())
        .filter(|s| s.trim().is_empty())
        .map(str::to_string);
    let before_last = match keys.split_last() {
        Some((last, rest)) if last == key => rest.last(),
        _ => None,
    };
    table.remove(key);
    if let (Some(suffix), Some(k)) = (suffix, before_last) {
        if let Some(v) = table.get_mut(k).and_then(Item::as_value_mut) {
            let own = v.decor().suffix().and_then(|s| s.as_str());
            if own.is_none_or(|s| s.trim().is_empty()) {
                v.decor_mut().set_suffix(suffix);
            }
        }
    }
    if let (Some(moved), Some(next)) = (moved, next) {
        if let Some(mut k) = table.key_mut(&next) {
            let own = k
                .leaf_decor()
                .prefix()
                .and_then(|p| p.as_str())
                .map(str::to_string);
            k.leaf_decor_mut()
                .set_prefix(joined(&moved, own.as_deref()));
        }
    }
}

/// Removes the `index`th table of an array of tables, moving its full-line comments to the
/// table after it.
pub fn remove_table(aot: &mut ArrayOfTables, index: usize) {
    if index >= aot.len() {
        return;
    }
    let removed = aot.remove(index);
    let moved = comments(removed.decor().prefix().and_then(|p| p.as_str()));
    if let (Some(moved), Some(next)) = (moved, aot.get_mut(index)) {
        let own = next.decor().prefix().and_then(|p| p.as_str());
        let prefix = joined(&moved, own);
        next.decor_mut().set_prefix(prefix);
    }
}

/// An amount written exactly in the file's unit: at least two decimals, thousands
/// separated, as the examples write them (`"1,378.84"`, `"581.5451"`, `"5,815,451.00"`).
pub fn amount_text(m: Money, unit: MoneyUnit) -> String {
    let mut d = unit.value(m).normalize();
    if d.scale() < 2 {
        d.rescale(2);
    }
    group_thousands(&d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    #[test]
    fn amounts_are_exact_in_the_files_unit() {
        assert_eq!(amount_text(m("581.5451"), MoneyUnit::Wan), "581.5451");
        assert_eq!(amount_text(m("1378.84"), MoneyUnit::Wan), "1,378.84");
        assert_eq!(amount_text(m("2"), MoneyUnit::Wan), "2.00");
        assert_eq!(amount_text(Money::ZERO, MoneyUnit::Wan), "0.00");
        assert_eq!(amount_text(m("581.5451"), MoneyUnit::Yuan), "5,815,451.00");
        assert_eq!(amount_text(m("0.000001"), MoneyUnit::Wan), "0.000001");
        assert_eq!(amount_text(m("0.000001"), MoneyUnit::Yuan), "0.01");
    }

    #[test]
    fn set_keeps_the_trailing_comment() {
        let mut doc: DocumentMut = "a = \"1.00\"  # 说明\n".parse().unwrap();
        set(&mut doc["a"], PLACEHOLDER);
        assert_eq!(doc.to_string(), "a = \"待填写\"  # 说明\n");
    }

    #[test]
    fn clearing_reaches_inline_tables_and_counts() {
        let mut doc: DocumentMut = "e = { \"302\" = \"1.00\", \"303\" = 2 }\n".parse().unwrap();
        assert_eq!(clear_all(&mut doc["e"]), 2);
        assert_eq!(clear_all(&mut doc["e"]), 0, "already cleared");
        assert_eq!(
            doc.to_string(),
            "e = { \"302\" = \"待填写\", \"303\" = \"待填写\" }\n"
        );
    }

    #[test]
    fn a_removed_key_hands_its_comments_on() {
        let src = "[t]\n# 标题\na = 1\nb = 2 # 尾注\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        let t = doc["t"].as_table_like_mut().unwrap();
        assert!(remove(t, "a"));
        assert!(!remove(t, "a"));
        assert_eq!(doc.to_string(), "[t]\n# 标题\nb = 2 # 尾注\n");
    }

    #[test]
    fn a_removed_section_hands_its_comments_on() {
        let src = "# 头\n\n# 收入\n[p.a]\nx = 1\n\n[p.b]\nx = 2\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        let p = doc["p"].as_table_like_mut().unwrap();
        remove(p, "a");
        assert_eq!(doc.to_string(), "# 头\n\n# 收入\n[p.b]\nx = 2\n");
    }

    #[test]
    fn a_removed_array_entry_hands_its_comments_on() {
        let src = "# 项\n[[i]]\nc = 1\n\n[[i]]\nc = 2\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        let aot = doc["i"].as_array_of_tables_mut().unwrap();
        remove_table(aot, 0);
        assert_eq!(doc.to_string(), "# 项\n[[i]]\nc = 2\n");
    }
}
