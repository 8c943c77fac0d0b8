//! Small formatting helpers for the document builder: dates and lists.

use crate::budget::Date;

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
