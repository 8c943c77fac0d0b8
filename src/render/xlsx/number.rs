//! The one place an amount becomes a floating-point number.
//!
//! The xlsx format stores every number as an IEEE 754 double. An amount cell is written
//! from the figure the document prints (its `text`, already rounded to two decimals in the
//! display unit), never from the exact amount, and converted to a double only here, at the
//! cell write, and only when the double reads back as exactly that figure.

use rust_decimal::Decimal;
use std::str::FromStr;

/// The most significant digits for which every decimal survives the round trip through a
/// double (`DBL_DIG`): 15.
const EXACT_DIGITS: u32 = 15;

/// The figure an amount cell prints (`1,036.53`, `-2.00`) as the exact decimal it reads:
/// thousands separators dropped, nothing rounded. `None` for anything else.
pub fn printed_decimal(text: &str) -> Option<Decimal> {
    let plain: String = text.trim().chars().filter(|c| *c != ',').collect();
    let unsigned = plain.strip_prefix('-').unwrap_or(&plain);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    Decimal::from_str(&plain).ok()
}

/// The double an amount cell is written with: `printed` (the already-rounded figure the
/// PDF prints) as the nearest double, returned only when it holds at most 15 significant
/// digits (then the nearest double reads back as exactly `printed`) and the round trip is
/// confirmed: the shortest decimal of the double, which Excel and every reader show, equals
/// `printed`. `None` means the figure cannot be a number in the workbook; the cell then
/// keeps the printed text. This is the only conversion of an amount to `f64` in gongkai.
pub fn cell_value(printed: Decimal) -> Option<f64> {
    if significant_digits(printed) > EXACT_DIGITS {
        return None;
    }
    let value = f64::from_str(&printed.to_string()).ok()?;
    let back = Decimal::from_str(&value.to_string()).ok()?;
    (back == printed).then_some(value)
}

/// Significant digits of `d` once trailing zeros are dropped (0 for zero).
fn significant_digits(d: Decimal) -> u32 {
    let mut m = d.normalize().mantissa().unsigned_abs();
    let mut n = 0;
    while m > 0 {
        m /= 10;
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn printed_figures_read_exactly() {
        assert_eq!(printed_decimal("1,036.53"), Some(d("1036.53")));
        assert_eq!(printed_decimal("-2.00"), Some(d("-2")));
        assert_eq!(printed_decimal("0.00"), Some(Decimal::ZERO));
        for bad in ["", "—", "100%", "1e5", "=2家", "2011301x", ".5", "-"] {
            assert_eq!(printed_decimal(bad), None, "{bad}");
        }
    }

    /// Every printed figure of up to 15 significant digits, large or small, comes back from
    /// its double exactly, as the decimal and as the text Excel shows.
    #[test]
    fn figures_round_trip_through_the_double() {
        for s in [
            "0.00",
            "0.01",
            "0.10",
            "1036.53",
            "-1036.53",
            "581.55",
            "17954650.00",
            "99999999999.99",
            "1234567890123.45",
            "9999999999999.99",
            "-9999999999999.99",
            "0.07",
            "4503599627370.49",
        ] {
            let printed = d(s);
            let v = cell_value(printed).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(Decimal::from_str(&v.to_string()).unwrap(), printed, "{s}");
            assert_eq!(v, s.parse::<f64>().unwrap(), "{s}");
        }
    }

    #[test]
    fn figures_a_double_cannot_hold_stay_text() {
        // 16 and 18 significant digits: 元 figures near the 10^12 万元 limit.
        assert_eq!(cell_value(d("99999999999999.99")), None);
        assert_eq!(cell_value(d("9999999999999999.99")), None);
        assert_eq!(significant_digits(d("1036.50")), 5);
        assert_eq!(significant_digits(Decimal::ZERO), 0);
    }
}
