//! Chinese numerals for the numbering of parts, sections, items and terms (一、 （二）).

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
}
