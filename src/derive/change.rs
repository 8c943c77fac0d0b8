//! Year-on-year changes: amount, direction and percentage, with the references' wording.

use crate::money::{Money, MoneyUnit, Percent};

/// Which way an amount moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// 增加 / 增长.
    Up,
    /// 减少 / 下降.
    Down,
    /// No change (printed as 增加0.00万元，增长0.00%, as the references do).
    Flat,
}

/// A change from last year's budget to this year's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// This year.
    pub now: Money,
    /// Last year.
    pub prior: Money,
    /// Absolute difference.
    pub amount: Money,
    /// Direction.
    pub direction: Direction,
    /// Percentage of last year's amount; 100.00 when one side is zero.
    pub percent: Percent,
}

impl Change {
    /// Compares this year with last year.
    pub fn new(now: Money, prior: Money) -> Change {
        let diff = now - prior;
        let direction = if diff.is_zero() {
            Direction::Flat
        } else if diff.decimal().is_sign_positive() {
            Direction::Up
        } else {
            Direction::Down
        };
        let percent = if prior.is_zero() {
            if now.is_zero() {
                Percent::ZERO
            } else {
                Percent::from_percent(rust_decimal::Decimal::ONE_HUNDRED)
            }
        } else {
            Percent::ratio(diff.abs(), prior)
        };
        Change {
            now,
            prior,
            amount: diff.abs(),
            direction,
            percent,
        }
    }

    /// True when both years are zero.
    pub fn both_zero(&self) -> bool {
        self.now.is_zero() && self.prior.is_zero()
    }

    /// `增加12.00万元，增长3.45%` / `减少…，下降…` / `增加0.00万元，增长0.00%`, the
    /// amount printed in `unit`.
    pub fn phrase(&self, unit: MoneyUnit) -> String {
        let (verb, rate) = match self.direction {
            Direction::Up | Direction::Flat => ("增加", "增长"),
            Direction::Down => ("减少", "下降"),
        };
        format!(
            "{verb}{}，{rate}{}%",
            unit.with_name(self.amount),
            self.percent.plain()
        )
    }

    /// A reason is expected: a change of 10% or more, or from or to zero.
    pub fn needs_reason(&self) -> bool {
        match self.direction {
            Direction::Flat => false,
            _ => {
                self.prior.is_zero()
                    || self.now.is_zero()
                    || self.percent.decimal() >= rust_decimal::Decimal::TEN
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    #[test]
    fn decrease() {
        let c = Change::new(m("581.77"), m("1378.84"));
        assert_eq!(c.phrase(MoneyUnit::Wan), "减少797.07万元，下降57.81%");
        assert!(c.needs_reason());
    }

    #[test]
    fn increase_from_zero_is_100_percent() {
        assert_eq!(
            Change::new(m("502.00"), m("0")).phrase(MoneyUnit::Wan),
            "增加502.00万元，增长100.00%"
        );
    }

    #[test]
    fn to_zero_is_minus_100_percent() {
        assert_eq!(
            Change::new(m("0"), m("880.00")).phrase(MoneyUnit::Wan),
            "减少880.00万元，下降100.00%"
        );
    }

    #[test]
    fn flat_and_both_zero() {
        assert_eq!(
            Change::new(m("2.62"), m("2.62")).phrase(MoneyUnit::Wan),
            "增加0.00万元，增长0.00%"
        );
        let z = Change::new(m("0"), m("0"));
        assert!(z.both_zero());
        assert_eq!(z.phrase(MoneyUnit::Wan), "增加0.00万元，增长0.00%");
        assert!(!z.needs_reason());
    }

    #[test]
    fn small_change_needs_no_reason() {
        assert!(!Change::new(m("40.08"), m("42.42")).needs_reason());
        assert_eq!(
            Change::new(m("40.08"), m("42.42")).phrase(MoneyUnit::Wan),
            "减少2.34万元，下降5.52%"
        );
    }

    #[test]
    fn qitai_one_decimal_slips_are_two_decimals_here() {
        assert_eq!(Change::new(m("23.11"), m("35.39")).percent.plain(), "34.70");
        assert_eq!(Change::new(m("6.35"), m("6.25")).percent.plain(), "1.60");
    }
}
