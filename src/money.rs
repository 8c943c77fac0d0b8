//! Exact money and percentage newtypes.
//!
//! Every amount in gongkai is a [`Money`] in 万元 holding a `rust_decimal::Decimal` at the
//! precision it was entered (up to the 分: six decimals of 万元); no amount ever passes
//! through a float, and every total is summed from exact values. Rounding happens only when
//! a figure is printed: two decimals in the [`MoneyUnit`] the document is printed in, half-up
//! (四舍五入), each printed figure from its own exact value.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

/// An amount in 万元, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero 万元.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps an exact decimal amount.
    pub fn new(d: Decimal) -> Self {
        Money(d)
    }

    /// The exact decimal value.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// True when the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The exact sum, or `None` when it would overflow or reach [`MAX_WAN`] (no budget
    /// amount is that large).
    pub fn checked_add(self, o: Money) -> Option<Money> {
        self.0
            .checked_add(o.0)
            .filter(|d| d.abs() < MAX_WAN)
            .map(Money)
    }

    /// Absolute value.
    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    /// The value rounded half-up to two decimals (the display value).
    pub fn rounded(self) -> Decimal {
        round2(self.0)
    }

    /// Two decimals, no separators: `1795.47`.
    pub fn plain(self) -> String {
        format!("{:.2}", self.rounded())
    }

    /// Two decimals with thousands separators: `1,795.47`.
    ///
    /// ```
    /// use gongkai::money::Money;
    /// let m = Money::parse_exact("1795.465").unwrap();
    /// assert_eq!(m.grouped(), "1,795.47"); // 四舍五入
    /// ```
    pub fn grouped(self) -> String {
        group_thousands(&self.plain())
    }

    /// Parses a user-written amount exactly: optional sign, digits, optional decimals.
    /// Thousands separators (`,` or `，`) are accepted only in their proper places
    /// (`1,312.00`, `12,345,678`); `_` only between digits, as TOML writes bare numbers.
    /// Anything else (`1,2,3`, `1,,9.00`, `,19.00`, `19,.00`, `1.2.3`) is not an amount.
    pub fn parse_exact(text: &str) -> Option<Money> {
        let t = text.trim();
        let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
        let (int, frac) = match unsigned.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (unsigned, None),
        };
        let digits_ok = |part: &str| {
            !part.is_empty()
                && part
                    .split('_')
                    .all(|run| !run.is_empty() && run.chars().all(|c| c.is_ascii_digit()))
        };
        let int_ok = if int.contains([',', '，']) {
            let mut groups = int.split([',', '，']);
            let first = groups.next().unwrap_or("");
            (1..=3).contains(&first.len())
                && first.chars().all(|c| c.is_ascii_digit())
                && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
        } else {
            digits_ok(int)
        };
        if !int_ok || !frac.is_none_or(digits_ok) {
            return None;
        }
        let cleaned: String = t
            .chars()
            .filter(|c| !matches!(c, ',' | '，' | '_'))
            .collect();
        cleaned.parse::<Decimal>().ok().map(Money)
    }
}

/// The unit amounts are written in (`[unit] amount_unit`) or printed in (`display_unit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyUnit {
    /// 万元 (the default): input up to six decimals (the 分), printed with two.
    #[default]
    Wan,
    /// 元: input up to two decimals (the 分), printed with two.
    Yuan,
}

/// The largest amount a budget line or total may hold, in 万元 (exclusive): 10^12 万元.
pub const MAX_WAN: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

impl MoneyUnit {
    /// Parses `万元` or `元`.
    pub fn parse(s: &str) -> Option<MoneyUnit> {
        match s.trim() {
            "万元" => Some(MoneyUnit::Wan),
            "元" => Some(MoneyUnit::Yuan),
            _ => None,
        }
    }

    /// `万元` or `元`.
    pub fn name(self) -> &'static str {
        match self {
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yuan => "元",
        }
    }

    /// How many decimals an amount written in this unit may have: down to the 分.
    pub fn max_decimals(self) -> u32 {
        match self {
            MoneyUnit::Wan => 6,
            MoneyUnit::Yuan => 2,
        }
    }

    /// The exact amount a number written in this unit stands for (元 ÷ 10,000, exact);
    /// `None` when it cannot be held exactly.
    pub fn to_money(self, written: Decimal) -> Option<Money> {
        match self {
            MoneyUnit::Wan => Some(Money(written)),
            MoneyUnit::Yuan => written.checked_div(Decimal::from(10_000)).map(Money),
        }
    }

    /// The exact value of `m` expressed in this unit.
    pub fn value(self, m: Money) -> Decimal {
        match self {
            MoneyUnit::Wan => m.0,
            MoneyUnit::Yuan => m.0 * Decimal::from(10_000),
        }
    }

    /// The printed value: exact value in this unit, rounded half-up to two decimals.
    pub fn rounded(self, m: Money) -> Decimal {
        round2(self.value(m))
    }

    /// Two decimals with thousands separators in this unit: `1,795.47` / `17,954,700.00`.
    pub fn grouped(self, m: Money) -> String {
        group_thousands(&format!("{:.2}", self.rounded(m)))
    }

    /// The figure followed by the unit's name: `1,795.47万元`.
    pub fn with_name(self, m: Money) -> String {
        format!("{}{}", self.grouped(m), self.name())
    }
}

/// A figure the clerk declares to check a derived one against (批复数, a 政府采购 total, a
/// performance table's budget), with the precision it was written at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    /// The declared amount.
    pub value: Money,
    /// Written as a printed figure (万元 with at most two decimals): it then matches every
    /// exact value that prints as it.
    pub as_printed: bool,
}

impl Declared {
    /// True when `actual` is the declared figure: equal at the precision it was written at.
    pub fn matches(self, actual: Money) -> bool {
        if self.as_printed {
            actual.rounded() == self.value.rounded()
        } else {
            actual == self.value
        }
    }
}

impl Money {
    /// The exact value and, when it differs, the printed one: `581.5497万元（公开数581.55万元）`
    /// or `581.55万元`. For messages.
    pub fn describe(self) -> String {
        let exact = self.0.normalize();
        if exact.scale() <= 2 {
            return format!("{}万元", self.grouped());
        }
        format!(
            "{}万元（公开数{}万元）",
            group_thousands(&exact.to_string()),
            self.grouped()
        )
    }
}

/// Rounds half-up (away from zero at the midpoint) to two decimals.
pub fn round2(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

/// Inserts `,` every three digits in the integer part of a plain decimal string.
pub fn group_thousands(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

impl Money {
    /// The exact value in 万元, at least two decimals and no trailing zeros beyond them:
    /// `1795.47`, `581.5497`.
    pub fn exact(self) -> String {
        let mut d = self.0.normalize();
        if d.scale() < 2 {
            d.rescale(2);
        }
        d.to_string()
    }
}

/// Serialized as the exact value ([`Money::exact`]); printed text is carried beside it.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.exact())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Money::parse_exact(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an amount: {s}")))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 += o.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0 - o.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + *b)
    }
}

/// A percentage already rounded to two decimals (e.g. `32.40` for 32.40%).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(Decimal);

impl Percent {
    /// Zero percent.
    pub const ZERO: Percent = Percent(Decimal::ZERO);

    /// Wraps a value already expressed in percent, rounding it half-up to two decimals.
    pub fn from_percent(d: Decimal) -> Self {
        Percent(round2(d))
    }

    /// `part / whole × 100`, rounded half-up to two decimals; zero when `whole` is zero.
    pub fn ratio(part: Money, whole: Money) -> Self {
        if whole.is_zero() {
            return Percent::ZERO;
        }
        Percent::from_percent(part.decimal() * Decimal::ONE_HUNDRED / whole.decimal())
    }

    /// The rounded value in percent.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Two decimals, e.g. `32.40`.
    pub fn plain(self) -> String {
        format!("{:.2}", round2(self.0))
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.plain())
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Money::parse_exact(&s)
            .map(|m| Percent(m.decimal()))
            .ok_or_else(|| serde::de::Error::custom(format!("not a percentage: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    #[test]
    fn exact_addition_has_no_float_error() {
        assert_eq!(m("0.1") + m("0.2"), m("0.3"));
        assert_eq!((m("0.1") + m("0.2")).plain(), "0.30");
    }

    #[test]
    fn checked_addition_is_exact_and_bounded() {
        assert_eq!(m("0.000001").checked_add(m("12.34")), Some(m("12.340001")));
        assert_eq!(
            m("999999999999").checked_add(m("0.999999")),
            Some(m("999999999999.999999"))
        );
        assert_eq!(m("999999999999").checked_add(m("1")), None);
        assert_eq!(Money::new(Decimal::MAX).checked_add(m("1")), None);
    }

    #[test]
    fn parses_thousands_separators() {
        assert_eq!(
            m("1,312.00").decimal(),
            Decimal::from_str("1312.00").unwrap()
        );
        assert_eq!(m("1,312.00").grouped(), "1,312.00");
        assert!(Money::parse_exact("12a").is_none());
        assert!(Money::parse_exact("").is_none());
        assert_eq!(m("12,345,678.5").grouped(), "12,345,678.50");
        assert_eq!(m("1，312").grouped(), "1,312.00");
        assert_eq!(m("1_312.0_5").grouped(), "1,312.05");
        assert_eq!(m("-0.5").plain(), "-0.50");
    }

    #[test]
    fn misplaced_separators_are_not_amounts() {
        for bad in [
            "1,2,3", "1,,9.00", ",19.00", "19,.00", "1234,567", "1,2345", "12.3,4", "1.2.3",
            "1__2", "_12", "12_", "1_.5", ".5", "5.", "--5", "+-5", "1 000", "0x10", "1e3",
        ] {
            assert!(Money::parse_exact(bad).is_none(), "{bad} must not parse");
        }
    }

    #[test]
    fn rounding_is_half_up() {
        assert_eq!(
            round2(Decimal::from_str("34.695").unwrap()).to_string(),
            "34.70"
        );
        assert_eq!(
            round2(Decimal::from_str("1.005").unwrap()).to_string(),
            "1.01"
        );
        assert_eq!(
            round2(Decimal::from_str("-1.005").unwrap()).to_string(),
            "-1.01"
        );
        assert_eq!(
            round2(Decimal::from_str("2.004").unwrap()).to_string(),
            "2.00"
        );
    }

    #[test]
    fn grouping() {
        assert_eq!(group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(group_thousands("999.00"), "999.00");
        assert_eq!(group_thousands("-1000.00"), "-1,000.00");
        assert_eq!(m("0").grouped(), "0.00");
    }

    #[test]
    fn units_convert_exactly_and_print_from_the_exact_value() {
        let yuan = MoneyUnit::Yuan;
        let m = yuan
            .to_money(Decimal::from_str("4097149.50").unwrap())
            .unwrap();
        assert_eq!(m.decimal(), Decimal::from_str("409.71495").unwrap());
        assert_eq!(m.grouped(), "409.71");
        assert_eq!(yuan.grouped(m), "4,097,149.50");
        assert_eq!(MoneyUnit::Wan.with_name(m), "409.71万元");
        assert_eq!(yuan.with_name(m), "4,097,149.50元");
        assert_eq!(MAX_WAN, Decimal::from(1_000_000_000_000_i64));
    }

    #[test]
    fn exact_text_keeps_every_decimal() {
        assert_eq!(m("581.5497").exact(), "581.5497");
        assert_eq!(m("1795.4700").exact(), "1795.47");
        assert_eq!(m("12").exact(), "12.00");
        assert_eq!(m("0").exact(), "0.00");
    }

    #[test]
    fn declared_figures_match_at_their_precision() {
        let printed = Declared {
            value: m("581.55"),
            as_printed: true,
        };
        assert!(printed.matches(m("581.5497")));
        assert!(printed.matches(m("581.545")));
        assert!(!printed.matches(m("581.5449")));
        let exact = Declared {
            value: m("581.5497"),
            as_printed: false,
        };
        assert!(exact.matches(m("581.5497")));
        assert!(!exact.matches(m("581.5498")));
        assert_eq!(m("581.5497").describe(), "581.5497万元（公开数581.55万元）");
        assert_eq!(m("1581.5").describe(), "1,581.50万元");
    }

    #[test]
    fn percent_ratio() {
        assert_eq!(Percent::ratio(m("581.77"), m("1795.47")).plain(), "32.40");
        assert_eq!(Percent::ratio(m("1"), m("0")).plain(), "0.00");
        // 12.28 / 35.39 = 34.6991… → 34.70 (the qitai reference printed 34.7)
        assert_eq!(Percent::ratio(m("12.28"), m("35.39")).plain(), "34.70");
    }
}
