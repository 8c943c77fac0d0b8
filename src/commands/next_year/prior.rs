//! `[prior]` of next year's file: every entry set to this year's figure, reasons removed,
//! entries with no money this year removed (三公 and 机关运行经费, which are always written,
//! set to zero instead); the staffing's `*_prior` counts set to this year's.

use super::carry::ThisYear;
use super::edit::{self, amount_text, child, remove, remove_table, set_key};
use crate::money::{Money, MoneyUnit};
use toml_edit::{ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

/// What carrying over did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carried {
    /// Entries set to this year's figure.
    pub set: usize,
    /// Entries removed: nothing this year.
    pub removed: usize,
    /// Reasons removed.
    pub reasons: usize,
}

/// Carries this year's figures into `[prior]` of `root` (the document's top table).
pub fn carry(root: &mut Table, this: &ThisYear, unit: MoneyUnit) -> Carried {
    let mut done = Carried::default();
    if !root.contains_key("prior") {
        let mut t = Table::new();
        t.set_implicit(true);
        root.insert("prior", Item::Table(t));
    }
    let Some(prior) = child(root, "prior") else {
        return done;
    };
    section(prior, "income", &this.income, unit, &mut done);
    section(prior, "spending", &this.spending, unit, &mut done);
    section(
        prior,
        "general_budget",
        &this.general_budget,
        unit,
        &mut done,
    );
    items(prior, &this.items, unit, &mut done);
    three_public(prior, &this.three, unit, &mut done);
    comparison(
        prior,
        "operating",
        amount_text(this.operating, unit),
        &mut done,
    );
    done
}

/// Sets the comparison at `key` (a table with `amount` and `reason`) to `amount`, removing
/// its reason; writes `key = { amount = "…" }` when it is missing.
fn comparison(parent: &mut dyn TableLike, key: &str, amount: String, done: &mut Carried) {
    done.set += 1;
    if let Some(t) = child(parent, key) {
        set_key(t, "amount", amount);
        if remove(t, "reason") {
            done.reasons += 1;
        }
        return;
    }
    let mut t = InlineTable::new();
    t.insert("amount", amount.into());
    t.fmt();
    match parent.get_mut(key) {
        Some(item) => edit::set(item, t),
        None => {
            parent.insert(key, Item::Value(Value::InlineTable(t)));
        }
    }
}

/// A `[prior.KEY]` section of comparisons: each one with money this year is set, each one
/// without is removed.
fn section(
    prior: &mut dyn TableLike,
    key: &str,
    figures: &[(&'static str, Money)],
    unit: MoneyUnit,
    done: &mut Carried,
) {
    if child(prior, key).is_none() && figures.iter().any(|(_, m)| !m.is_zero()) {
        let mut t = Table::new();
        t.set_implicit(true);
        prior.insert(key, Item::Table(t));
    }
    let Some(table) = child(prior, key) else {
        return;
    };
    for (k, m) in figures {
        if m.is_zero() {
            if remove(table, k) {
                done.removed += 1;
            }
        } else {
            comparison(table, k, amount_text(*m, unit), done);
        }
    }
}

/// The code of a `[[prior.items]]` entry as written (string or integer).
fn code_of(t: &dyn TableLike) -> Option<String> {
    let item = t.get("code")?;
    item.as_str()
        .map(|s| s.trim().to_string())
        .or_else(|| item.as_integer().map(|i| i.to_string()))
}

/// `[[prior.items]]`: entries of 项 with 一般公共预算 this year are set, the others removed;
/// a 项 without an entry gets one.
fn items(
    prior: &mut dyn TableLike,
    figures: &[(crate::budget::codes::FuncCode, Money)],
    unit: MoneyUnit,
    done: &mut Carried,
) {
    if !prior.contains_key("items") && !figures.is_empty() {
        prior.insert("items", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(list) = prior.get_mut("items") else {
        return;
    };
    let mut seen = Vec::new();
    let mut drop = Vec::new();
    for (i, t) in edit::tables_mut(list).into_iter().enumerate() {
        let code = code_of(t);
        let figure = figures
            .iter()
            .find(|(c, _)| Some(c.as_str()) == code.as_deref());
        match figure {
            Some((c, m)) if !m.is_zero() && !seen.contains(c) => {
                seen.push(c.clone());
                done.set += 1;
                set_key(t, "amount", amount_text(*m, unit));
                if remove(t, "reason") {
                    done.reasons += 1;
                }
            }
            _ => drop.push(i),
        }
    }
    done.removed += drop.len();
    let missing = figures
        .iter()
        .filter(|(c, m)| !m.is_zero() && !seen.contains(c));
    if let Some(aot) = list.as_array_of_tables_mut() {
        for i in drop.into_iter().rev() {
            remove_table(aot, i);
        }
        for (c, m) in missing {
            let mut t = Table::new();
            t.insert("code", Item::Value(c.as_str().into()));
            t.insert("amount", Item::Value(amount_text(*m, unit).into()));
            aot.push(t);
            done.set += 1;
        }
    } else if let Some(Value::Array(array)) = list.as_value_mut() {
        for i in drop.into_iter().rev() {
            array.remove(i);
        }
        for (c, m) in missing {
            let mut t = InlineTable::new();
            t.insert("code", c.as_str().into());
            t.insert("amount", amount_text(*m, unit).into());
            t.fmt();
            array.push(t);
            done.set += 1;
        }
    }
}

/// `prior.three_public`: all four items written; `three_public = "none"` stays when this
/// year has no 三公 money, and becomes the four items when it has.
fn three_public(
    prior: &mut dyn TableLike,
    figures: &[(&'static str, Money); 4],
    unit: MoneyUnit,
    done: &mut Carried,
) {
    let any = figures.iter().any(|(_, m)| !m.is_zero());
    let declared_none = prior
        .get("three_public")
        .is_some_and(|i| i.as_str().is_some());
    if declared_none && !any {
        return;
    }
    if child(prior, "three_public").is_none() {
        let mut t = InlineTable::new();
        for (k, m) in figures {
            let mut c = InlineTable::new();
            c.insert("amount", amount_text(*m, unit).into());
            c.fmt();
            t.insert(*k, Value::InlineTable(c));
        }
        t.fmt();
        prior.insert("three_public", Item::Value(Value::InlineTable(t)));
        done.set += figures.len();
        return;
    }
    if let Some(table) = child(prior, "three_public") {
        for (k, m) in figures {
            comparison(table, k, amount_text(*m, unit), done);
        }
    }
}

/// `[overview.staffing]`: each `*_prior` count set to this year's count.
pub fn staffing(root: &mut Table, this: &ThisYear) -> usize {
    let Some(s) = edit::path(root, &["overview", "staffing"]) else {
        return 0;
    };
    for (key, n) in this.staffing {
        set_key(s, &format!("{key}_prior"), i64::from(n));
    }
    this.staffing.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::codes::FuncCode;
    use toml_edit::DocumentMut;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    fn this() -> ThisYear {
        ThisYear {
            income: vec![("general", m("100.5")), ("fund", Money::ZERO)],
            spending: [("basic", m("80")), ("project", m("20.5"))],
            general_budget: [("basic", m("80")), ("project", Money::ZERO)],
            items: vec![
                (FuncCode::parse("2010501").unwrap(), m("80")),
                (FuncCode::parse("2010507").unwrap(), m("20.5")),
            ],
            three: [
                ("outbound", Money::ZERO),
                ("vehicle_purchase", Money::ZERO),
                ("vehicle_operation", m("1.2")),
                ("reception", Money::ZERO),
            ],
            operating: m("12.345678"),
            staffing: [("in_service", 8), ("retired", 3), ("veteran", 0)],
        }
    }

    const SRC: &str = r#"[prior.income]
general = { amount = "95.00", reason = "增加" }  # 注
fund = { amount = "0.00", reason = "未安排" }

[prior.spending]
basic = { amount = "78.00" }
project = { amount = "17.00", reason = "普查" }

[prior.general_budget]
basic = { amount = "78.00" }
project = { amount = "17.00", reason = "普查" }

# 按项
[[prior.items]]
code = 2010599
amount = "5.00"
reason = "没了"

[[prior.items]]
code = "2010501"  # 行政运行
amount = "78.00"

[prior]
operating = { amount = "19.00" }
three_public = "none"
"#;

    #[test]
    fn carries_sets_removes_and_adds() {
        let mut doc: DocumentMut = SRC.parse().unwrap();
        let done = carry(doc.as_table_mut(), &this(), MoneyUnit::Wan);
        let out = doc.to_string();
        assert!(
            out.contains("general = { amount = \"100.50\" }  # 注"),
            "{out}"
        );
        assert!(!out.contains("fund ="), "{out}");
        assert!(out.contains("project = { amount = \"20.50\" }"), "{out}");
        assert!(!out.contains("2010599"), "{out}");
        assert!(
            out.contains("# 按项\n[[prior.items]]\ncode = \"2010501\""),
            "{out}"
        );
        assert!(
            out.contains("code = \"2010507\"\namount = \"20.50\""),
            "{out}"
        );
        assert!(
            out.contains("operating = { amount = \"12.345678\" }"),
            "{out}"
        );
        assert!(
            out.contains("vehicle_operation = { amount = \"1.20\" }"),
            "{out}"
        );
        assert!(!out.contains("reason"), "{out}");
        assert_eq!(done.removed, 3, "fund, general_budget.project, 2010599");
        assert_eq!(done.reasons, 2, "general, spending.project");
    }

    #[test]
    fn three_public_none_stays_when_nothing_this_year() {
        let mut doc: DocumentMut = SRC.parse().unwrap();
        let mut t = this();
        t.three[2].1 = Money::ZERO;
        carry(doc.as_table_mut(), &t, MoneyUnit::Yuan);
        let out = doc.to_string();
        assert!(out.contains("three_public = \"none\""), "{out}");
        assert!(out.contains("amount = \"123,456.78\""), "元: {out}");
    }
}
