//! Rolling over a department that sums its units (`[consolidate]`): its file holds no
//! amounts, only the reasons for the summed changes, so next year's file keeps everything
//! but those reasons; the 上年预算 come from the units' own next-year files.

use super::edit;
use toml_edit::{Item, Table};

/// Removes every reason under `[prior]`, and the entries left with nothing else (an item
/// with only its `code`, an empty comparison); returns how many reasons.
pub fn drop_reasons(root: &mut Table) -> usize {
    let Some(prior) = root.get_mut("prior").and_then(Item::as_table_like_mut) else {
        return 0;
    };
    let mut removed = 0;
    let keys: Vec<String> = prior.iter().map(|(k, _)| k.to_string()).collect();
    for key in keys {
        let Some(item) = prior.get_mut(&key) else {
            continue;
        };
        if let Some(items) = item.as_array_of_tables_mut() {
            for t in items.iter_mut() {
                removed += usize::from(edit::remove(t, "reason"));
            }
            let mut i = 0;
            while i < items.len() {
                if items
                    .get(i)
                    .is_some_and(|t| t.iter().all(|(k, _)| k == "code"))
                {
                    edit::remove_table(items, i);
                } else {
                    i += 1;
                }
            }
            if items.is_empty() {
                edit::remove(prior, &key);
            }
            continue;
        }
        removed += reasons_in(item);
        if item.as_table_like().is_some_and(|t| t.is_empty()) {
            edit::remove(prior, &key);
        }
    }
    if prior.is_empty() {
        edit::remove(root, "prior");
    }
    removed
}

/// Removes the reasons in a comparison (`{ reason = … }`) or a section of them, and the
/// comparisons left empty; returns how many.
fn reasons_in(item: &mut Item) -> usize {
    let Some(t) = item.as_table_like_mut() else {
        return 0;
    };
    let mut removed = usize::from(edit::remove(t, "reason"));
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    for key in keys {
        if let Some(child) = t.get_mut(&key) {
            removed += reasons_in(child);
            if child.as_table_like().is_some_and(|c| c.is_empty()) {
                edit::remove(t, &key);
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    #[test]
    fn reasons_go_and_what_held_only_them_goes_too() {
        let src = "[unit]\nyear = 2025\n\n[prior.income]\n# 收入\ngeneral = { reason = \"增加\" }\n\n\
                   [prior.spending]\nproject = { reason = \"x\" }\n\n[[prior.items]]\ncode = \"2050101\"\nreason = \"y\"\n";
        let mut doc: DocumentMut = src.parse().unwrap();
        assert_eq!(drop_reasons(doc.as_table_mut()), 3);
        let out = doc.to_string();
        assert!(!out.contains("reason"), "{out}");
        assert!(!out.contains("prior"), "{out}");
        assert!(out.contains("year = 2025"), "{out}");
    }

    #[test]
    fn a_file_without_prior_is_left_alone() {
        let mut doc: DocumentMut = "[unit]\nyear = 2025\n".parse().unwrap();
        assert_eq!(drop_reasons(doc.as_table_mut()), 0);
        assert_eq!(doc.to_string(), "[unit]\nyear = 2025\n");
    }
}
