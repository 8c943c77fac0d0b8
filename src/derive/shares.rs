//! Shares of a whole: each rounded half-up from its exact ratio (the default), or
//! largest-remainder rounding that makes a structure list sum to exactly 100.00%.
//!
//! A [`ShareBook`] rounds the shares of all the structure lists of one document, so that
//! under either mode one printed ratio (the same printed amount of the same printed whole)
//! prints one figure wherever it appears.

use crate::budget::ShareRounding;
use crate::money::{Money, Percent};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A ratio as the reader sees it: the printed part over the printed whole.
type Printed = (Decimal, Decimal);

/// Shares of `parts` in their sum, rounded by `mode`. A zero whole gives all zeros.
///
/// ```
/// use gongkai::derive::shares::shares;
/// use gongkai::budget::ShareRounding;
/// use gongkai::money::Money;
/// let parts: Vec<Money> = ["438.50", "69.54", "42.67", "500.00", "33.06"]
///     .iter().map(|s| Money::parse_exact(s).unwrap()).collect();
/// let own: Vec<String> = shares(&parts, ShareRounding::Independent).iter().map(|p| p.plain()).collect();
/// assert_eq!(own, ["40.46", "6.42", "3.94", "46.14", "3.05"]); // sums to 100.01: 尾差
/// let lr: Vec<String> = shares(&parts, ShareRounding::LargestRemainder).iter().map(|p| p.plain()).collect();
/// assert_eq!(lr, ["40.46", "6.42", "3.94", "46.13", "3.05"]); // sums to 100.00
/// ```
pub fn shares(parts: &[Money], mode: ShareRounding) -> Vec<Percent> {
    ShareBook::new(mode).shares(parts)
}

/// The shares printed so far in one document, so that a ratio printed twice prints alike.
#[derive(Debug, Clone)]
pub struct ShareBook {
    mode: ShareRounding,
    printed: BTreeMap<Printed, Percent>,
}

impl ShareBook {
    /// An empty book rounding by `mode`.
    pub fn new(mode: ShareRounding) -> Self {
        ShareBook {
            mode,
            printed: BTreeMap::new(),
        }
    }

    /// Shares of `parts` in their sum. Independent shares are their exact ratios rounded
    /// half-up. Largest-remainder shares keep any ratio this book already printed and give
    /// the missing hundredths to the other ratios, largest remainder first, never to only
    /// some of the parts that print alike; the list then sums to 100.00% unless the kept
    /// figures make that impossible (a 尾差 like any other).
    pub fn shares(&mut self, parts: &[Money]) -> Vec<Percent> {
        let whole: Money = parts.iter().sum();
        match self.mode {
            ShareRounding::Independent => parts.iter().map(|p| Percent::ratio(*p, whole)).collect(),
            ShareRounding::LargestRemainder => self.largest_remainder(parts, whole),
        }
    }

    fn largest_remainder(&mut self, parts: &[Money], whole: Money) -> Vec<Percent> {
        if whole.is_zero() {
            return vec![Percent::ZERO; parts.len()];
        }
        let keys: Vec<Printed> = parts
            .iter()
            .map(|p| (p.rounded(), whole.rounded()))
            .collect();
        let mut open = Vec::new();
        let mut value: BTreeMap<Printed, Decimal> = BTreeMap::new();
        for (i, key) in keys.iter().enumerate() {
            if value.contains_key(key) {
                continue;
            }
            let hundredths = match self.printed.get(key) {
                Some(p) => p.decimal() * Decimal::ONE_HUNDRED,
                None => {
                    let exact = parts[i].decimal() * TEN_THOUSAND / whole.decimal();
                    let count = keys.iter().filter(|k| *k == key).count();
                    open.push(Open {
                        key: *key,
                        remainder: exact - exact.floor(),
                        amount: parts[i],
                        count,
                    });
                    exact.floor()
                }
            };
            value.insert(*key, hundredths);
        }
        let assigned: Decimal = keys.iter().map(|k| value[k]).sum();
        round_up_largest(&mut open, &mut value, TEN_THOUSAND - assigned);
        for (key, v) in &value {
            self.printed
                .entry(*key)
                .or_insert_with(|| Percent::from_percent(v / Decimal::ONE_HUNDRED));
        }
        keys.iter()
            .map(|k| Percent::from_percent(value[k] / Decimal::ONE_HUNDRED))
            .collect()
    }
}

/// 100.00% in hundredths of a percent.
const TEN_THOUSAND: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// A printed ratio not fixed yet: its remainder below the next hundredth, its amount and
/// how many parts of the list print it.
struct Open {
    key: Printed,
    remainder: Decimal,
    amount: Money,
    count: usize,
}

/// Gives the `missing` hundredths to the open ratios, largest remainder first (larger
/// amount, then earlier, on ties); a ratio printed by several parts takes one for each, or
/// none.
fn round_up_largest(open: &mut [Open], value: &mut BTreeMap<Printed, Decimal>, missing: Decimal) {
    let mut missing = missing;
    open.sort_by(|a, b| b.remainder.cmp(&a.remainder).then(b.amount.cmp(&a.amount)));
    for o in open.iter() {
        let count = Decimal::from(o.count);
        if o.remainder.is_zero() || count > missing {
            continue;
        }
        if let Some(v) = value.get_mut(&o.key) {
            *v += Decimal::ONE;
            missing -= count;
        }
    }
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

    #[test]
    fn independent_is_the_default() {
        assert_eq!(ShareRounding::default(), ShareRounding::Independent);
    }

    #[test]
    fn a_ratio_printed_in_two_lists_prints_alike() {
        // manas: 517.36 of 1,700.46 is 30.4249%; alone the income list gives it the missing
        // hundredth (30.43%), the spending list would not (30.42%).
        let mut book = ShareBook::new(ShareRounding::LargestRemainder);
        let income = book.shares(&[m("517.3626"), m("1183.1000")]);
        let spending = book.shares(&[m("517.3626"), m("1183.1000")]);
        assert_eq!(income, spending);
        let mut book = ShareBook::new(ShareRounding::LargestRemainder);
        let first = book.shares(&[m("517.36"), m("400.00"), m("783.10")]);
        let second = book.shares(&[m("517.36"), m("1183.10")]);
        assert_eq!(first[0], second[0]);
        assert_eq!(plain(&first), ["30.43", "23.52", "46.05"]);
        assert_eq!(plain(&second), ["30.43", "69.57"]);
        assert_eq!(
            plain(&shares(
                &[m("517.36"), m("1183.10")],
                ShareRounding::LargestRemainder
            )),
            ["30.42", "69.58"]
        );
    }

    #[test]
    fn equal_parts_take_equal_shares() {
        // 1/3 each: the one missing hundredth cannot go to only one of three equal parts.
        let parts = [m("1.00"), m("1.00"), m("1.00")];
        assert_eq!(
            plain(&shares(&parts, ShareRounding::LargestRemainder)),
            ["33.33", "33.33", "33.33"]
        );
        let parts = [m("1.00"), m("1.00"), m("1.01")];
        let s = plain(&shares(&parts, ShareRounding::LargestRemainder));
        assert_eq!(s[0], s[1]);
    }

    proptest! {
        #[test]
        fn one_printed_ratio_one_figure(
            a in prop::collection::vec(0i64..1_000_000, 1..8),
            b in prop::collection::vec(0i64..1_000_000, 1..8),
            lr in any::<bool>(),
        ) {
            let mode = if lr { ShareRounding::LargestRemainder } else { ShareRounding::Independent };
            let to_money = |v: &Vec<i64>| -> Vec<Money> { v.iter().map(|c| Money::new(Decimal::new(*c, 2))).collect() };
            let (first, mut second) = (to_money(&a), to_money(&b));
            // Make the two lists share their whole and, often, some parts.
            let (wa, wb): (Money, Money) = (first.iter().sum(), second.iter().sum());
            if wa > wb {
                second.push(wa - wb);
            }
            let mut book = ShareBook::new(mode);
            let mut seen: BTreeMap<Printed, Percent> = BTreeMap::new();
            for list in [&first, &second] {
                let whole: Money = list.iter().sum();
                for (p, s) in list.iter().zip(book.shares(list)) {
                    let key = (p.rounded(), whole.rounded());
                    prop_assert_eq!(*seen.entry(key).or_insert(s), s);
                    if !lr {
                        prop_assert_eq!(s, Percent::ratio(*p, whole));
                    }
                }
            }
        }

        #[test]
        fn largest_remainder_sums_to_100_unless_parts_print_alike(cents in prop::collection::vec(0i64..10_000_000, 1..12)) {
            let parts: Vec<Money> = cents.iter().map(|c| Money::new(Decimal::new(*c, 2))).collect();
            let whole: Money = parts.iter().sum();
            let s = shares(&parts, ShareRounding::LargestRemainder);
            let total: Decimal = s.iter().map(|p| p.decimal()).sum();
            let distinct: std::collections::BTreeSet<Decimal> = parts.iter().map(|p| p.rounded()).collect();
            if whole.is_zero() {
                prop_assert_eq!(total, Decimal::ZERO);
            } else {
                if distinct.len() == parts.len() {
                    prop_assert_eq!(total, Decimal::ONE_HUNDRED);
                } else {
                    // Parts that print alike round alike: the list may fall short by a 尾差.
                    prop_assert!(total <= Decimal::ONE_HUNDRED);
                    prop_assert!(total >= Decimal::ONE_HUNDRED - Decimal::new(parts.len() as i64, 2));
                }
                for (p, ind) in s.iter().zip(shares(&parts, ShareRounding::Independent)) {
                    prop_assert!((p.decimal() - ind.decimal()).abs() <= Decimal::new(1, 2));
                }
            }
        }
    }
}
