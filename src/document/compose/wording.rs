//! Wording shared by the tables and the 情况说明: dates, lists, the 空表 sentences and the
//! 「主要用于」 clause.

use crate::budget::{Budget, Date};

/// `2024年2月19日`: GB/T 9704 dates carry no leading zeros.
pub fn date(d: &Date) -> String {
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

/// A date as `YYYY-MM-DD` (the `PubDate` of the HTML metadata).
pub fn iso_date(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Joins with 、.
pub fn join(items: &[String]) -> String {
    items.join("、")
}

/// The 空表 sentence of a table (and of its section) whose money `what` was not used.
pub fn empty_statement(b: &Budget, what: &str, table: &str) -> String {
    format!(
        "{}{}年没有使用{}，{}为空表。",
        b.unit.name, b.unit.year, what, table
    )
}

/// The 空表 sentence of table 11 and of its section: no carried-over money is spent.
pub fn no_carryover(b: &Budget) -> String {
    format!(
        "{}{}年无上年结转结余预算的支出，上年结转结余情况明细表为空表。",
        b.unit.name, b.unit.year
    )
}

/// `，主要用于…` after an amount, from a purpose text (its final 。 dropped); empty without one.
pub fn used_for(purpose: Option<&String>) -> String {
    purpose
        .map(|u| format!("，主要用于{}", u.trim_end_matches('。')))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            date(&Date {
                year: 2024,
                month: 2,
                day: 19
            }),
            "2024年2月19日"
        );
    }
}
