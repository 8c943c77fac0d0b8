//! Shares of a whole: independent half-up rounding, or largest-remainder rounding that
//! makes a structure list sum to exactly 100.00%.

use crate::budget::ShareRounding;
use crate::money::{Money, Percent};
use rust_decimal::Decimal;

/// Shares of `parts` in their sum, rounded by `mode`. A zero whole gives all zeros.
///
/// ```
/// use gongkai::derive::shares::shares;
/// use gongkai::budget::ShareRounding;
/// use gongkai::money::Money;
/// let parts: Vec<Money> = ["438.50", "69.54", "42.67", "500.00", "33.06"]
///     .iter().map(|s| Money::parse_exact(s).unwrap()).collect();
/// let lr: Vec<String> = shares(&parts, ShareRounding::LargestRemainder).iter().map(|p| p.plain()).collect();
/// assert_eq!(lr, ["40.46", "6.42", "3.94", "46.13", "3.05"]); // sums to 100.00
/// ```
pub fn shares(parts: &[Money], mode: ShareRounding) -> Vec<Percent> {
    let whole: Money = parts.iter().sum();
    match mode {
        ShareRounding::Independent => parts.iter().map(|p| Percent::ratio(*p, whole)).collect(),
        ShareRounding::LargestRemainder => largest_remainder(parts, whole),
    }
}

fn largest_remainder(parts: &[Money], whole: Money) -> Vec<Percent> {
    if whole.is_zero() {
        return vec![Percent::ZERO; parts.len()];
    }
    let ten_thousand = Decimal::from(10_000);
    let exact: Vec<Decimal> = parts
        .iter()
        .map(|p| p.decimal() * ten_thousand / whole.decimal())
        .collect();
    let mut hundredths: Vec<Decimal> = exact.iter().map(|e| e.floor()).collect();
    let assigned: Decimal = hundredths.iter().sum();
    let missing = (ten_thousand - assigned).max(Decimal::ZERO);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - hundredths[a];
        let rb = exact[b] - hundredths[b];
        rb.cmp(&ra).then(parts[b].cmp(&parts[a])).then(a.cmp(&b))
    });
    let missing = missing.to_string().parse::<usize>().unwrap_or(0);
    for &i in order.iter().take(missing) {
        hundredths[i] += Decimal::ONE;
    }
    hundredths
        .into_iter()
        .map(|h| Percent::from_percent(h / Decimal::ONE_HUNDRED))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    fn plain(v: &[Percent]) -> Vec<String> {
        v.iter().map(|p| p.plain()).collect()
    }

    #[test]
    fn qitai_general_budget_structure_sums_to_100() {
        let parts = [m("438.50"), m("69.54"), m("42.67"), m("500.00"), m("33.06")];
        assert_eq!(
            plain(&shares(&parts, ShareRounding::Independent)),
            ["40.46", "6.42", "3.94", "46.14", "3.05"]
        );
        assert_eq!(
            plain(&shares(&parts, ShareRounding::LargestRemainder)),
            ["40.46", "6.42", "3.94", "46.13", "3.05"]
        );
    }

    #[test]
    fn manas_general_budget_structure_sums_to_100() {
        let parts = [m("424.47"), m("46.55"), m("20.36"), m("25.98")];
        assert_eq!(
            plain(&shares(&parts, ShareRounding::Independent)),
            ["82.05", "9.00", "3.94", "5.02"]
        );
        assert_eq!(
            plain(&shares(&parts, ShareRounding::LargestRemainder)),
            ["82.05", "9.00", "3.93", "5.02"]
        );
    }

    #[test]
    fn zero_whole() {
        assert_eq!(
            plain(&shares(
                &[Money::ZERO, Money::ZERO],
                ShareRounding::LargestRemainder
            )),
            ["0.00", "0.00"]
        );
    }

    proptest! {
        #[test]
        fn largest_remainder_always_sums_to_100(cents in prop::collection::vec(0i64..10_000_000, 1..12)) {
            let parts: Vec<Money> = cents.iter().map(|c| Money::new(Decimal::new(*c, 2))).collect();
            let whole: Money = parts.iter().sum();
            let s = shares(&parts, ShareRounding::LargestRemainder);
            let total: Decimal = s.iter().map(|p| p.decimal()).sum();
            if whole.is_zero() {
                prop_assert_eq!(total, Decimal::ZERO);
            } else {
                prop_assert_eq!(total, Decimal::ONE_HUNDRED);
                for (p, ind) in s.iter().zip(shares(&parts, ShareRounding::Independent)) {
                    prop_assert!((p.decimal() - ind.decimal()).abs() <= Decimal::new(1, 2));
                }
            }
        }
    }
}
