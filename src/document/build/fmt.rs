//! Small formatting helpers for the document builder: Chinese numerals, dates, lists.

use crate::model::budget::Date;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 12 → 十二, 22 → 二十二 (1–99).
pub fn chinese_number(n: usize) -> String {
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        _ => {
            let (t, u) = (n / 10 % 10, n % 10);
            if u == 0 {
                format!("{}十", DIGITS[t])
            } else {
                format!("{}十{}", DIGITS[t], DIGITS[u])
            }
        }
    }
}

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
    fn numerals() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(11), "十一");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(22), "二十二");
    }

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
