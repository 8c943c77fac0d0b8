//! Totals that several places print (a table and a sentence, or two sentences): defined once
//! here so every place reads the same figure.

use super::figures::Figures;
use crate::budget::options::{FundingRow, FundingRules};
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, IncomeKind, ThreeKind};
use crate::money::Money;

/// How many projects, and how much money, of each kind 第三部分十二（四）（五） report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProjectCounts {
    /// 当年财政拨款项目: count, amount.
    pub fiscal: (usize, Money),
    /// 当年非财政拨款项目: count, amount.
    pub nonfiscal: (usize, Money),
    /// Of the fiscal ones, 涉密: count, amount.
    pub secret: (usize, Money),
    /// Non-fiscal projects without a performance table: count, amount.
    pub nonfiscal_untabled: (usize, Money),
    /// Every project with current-year money: count, amount.
    pub all: (usize, Money),
    /// Of those, the ones published without a performance table: count, amount.
    pub untabled: (usize, Money),
}

/// The funding lines of the unit-wide performance table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PerformanceFunding {
    /// 财政资金：上级安排 (transfers).
    pub superior: Money,
    /// 财政资金：本级安排 (own fiscal money, and what the rules file here).
    pub local: Money,
    /// 其他资金.
    pub other: Money,
}

impl PerformanceFunding {
    /// The table's 合计 (and the 整体 amount of the 预算绩效 sentence).
    pub fn total(&self) -> Money {
        self.superior + self.local + self.other
    }
}

impl Figures<'_> {
    /// 当年财政拨款 from one budget.
    pub fn fiscal_of(&self, budget: Fiscal) -> Money {
        self.fiscal.get(&budget).copied().unwrap_or_default()
    }

    /// 当年财政拨款 from the three budgets together (表4's 财政拨款（补助）, 四's 总预算).
    pub fn fiscal_total(&self) -> Money {
        super::figures::BUDGETS
            .iter()
            .map(|k| self.fiscal_of(*k))
            .sum()
    }

    /// 三公 of one item from one budget.
    pub fn three_of(&self, kind: ThreeKind, budget: Fiscal) -> Money {
        self.three
            .get(&kind)
            .and_then(|m| m.get(&budget))
            .copied()
            .unwrap_or_default()
    }

    /// 三公 of one item, all budgets.
    pub fn three_item(&self, kind: ThreeKind) -> Money {
        self.three
            .get(&kind)
            .map(|m| m.values().copied().sum())
            .unwrap_or_default()
    }

    /// 三公 in total.
    pub fn three_total(&self) -> Money {
        ThreeKind::ALL.iter().map(|k| self.three_item(*k)).sum()
    }

    /// 上年结转结余: (财政拨款, 非财政拨款).
    pub fn carryover_totals(&self) -> (Money, Money) {
        let fiscal = self
            .carryover
            .iter()
            .flat_map(|r| r.fiscal.iter())
            .copied()
            .sum();
        let nonfiscal = self
            .carryover
            .iter()
            .flat_map(|r| r.nonfiscal.iter())
            .copied()
            .sum();
        (fiscal, nonfiscal)
    }

    /// Income of one kind.
    pub fn income_of(&self, kind: IncomeKind) -> Money {
        self.income.get(&kind).copied().unwrap_or_default()
    }

    /// The unit-wide performance table's funding lines: transfers are 上级安排, the
    /// unit's own fiscal money 本级安排, the rest where `rules` file it.
    pub fn performance_funding(&self, rules: &FundingRules) -> PerformanceFunding {
        use IncomeKind::*;
        let sum = |kinds: &[IncomeKind]| kinds.iter().map(|k| self.income_of(*k)).sum();
        let mut f = PerformanceFunding {
            superior: sum(&[GeneralTransfer, FundTransfer, SoeTransfer]),
            local: sum(&[General, Fund, Soe]),
            other: Money::ZERO,
        };
        for (kind, row) in [
            (FiscalCarryover, rules.fiscal_carryover),
            (NonfiscalCarryover, rules.nonfiscal_carryover),
            (UnitFunds, rules.unit_funds),
            (SpecialAccount, rules.special_account),
        ] {
            let m = self.income_of(kind);
            match row {
                FundingRow::Superior => f.superior += m,
                FundingRow::Local => f.local += m,
                FundingRow::Other => f.other += m,
                FundingRow::Excluded => {}
            }
        }
        f
    }
}

/// Counts projects by the money they use this year (carry-over is not 当年).
pub fn project_counts(b: &Budget, f: &Figures<'_>) -> ProjectCounts {
    let mut c = ProjectCounts::default();
    for s in &f.projects {
        let lines = b.projects.iter().filter(|l| l.id == s.id);
        let fiscal: Money = lines
            .clone()
            .filter(|l| l.source.fiscal_budget().is_some())
            .map(|l| l.total())
            .sum();
        let nonfiscal: Money = lines
            .filter(|l| l.source.is_current_nonfiscal())
            .map(|l| l.total())
            .sum();
        let tabled =
            !s.name.is_empty() && b.performance.projects.iter().any(|t| t.id == Some(s.id));
        if !fiscal.is_zero() {
            c.fiscal = (c.fiscal.0 + 1, c.fiscal.1 + fiscal);
            if s.secret {
                c.secret = (c.secret.0 + 1, c.secret.1 + fiscal);
            }
        }
        let current = fiscal + nonfiscal;
        if !current.is_zero() {
            c.all = (c.all.0 + 1, c.all.1 + current);
            if !tabled {
                c.untabled = (c.untabled.0 + 1, c.untabled.1 + current);
            }
        }
        if !nonfiscal.is_zero() {
            c.nonfiscal = (c.nonfiscal.0 + 1, c.nonfiscal.1 + nonfiscal);
            if !tabled {
                c.nonfiscal_untabled = (
                    c.nonfiscal_untabled.0 + 1,
                    c.nonfiscal_untabled.1 + nonfiscal,
                );
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::options::FundingRow;
    use crate::derive::figures;

    const MINIMAL: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.toml"
    ));

    fn wan(n: i64) -> Money {
        Money::new(rust_decimal::Decimal::from(n))
    }

    /// The minimal budget with 5.00 of 单位资金 basic spending and a 3.00 unnamed 单位资金
    /// project added.
    fn budget() -> Budget {
        let src = MINIMAL.replace(
            "[prior.income]",
            "[[basic]]\ncode = \"2010501\"\nsource = \"其他收入\"\namount = \"5.00\"\n\n\
             [[basic_economic]]\ncode = \"30201\"\nsource = \"其他收入\"\namount = \"5.00\"\n\n\
             [[projects]]\ncode = \"2010507\"\nsource = \"其他收入\"\namount = \"3.00\"\n\n\
             [prior.income]",
        );
        let (b, diags) = crate::input::load_str(&src, std::path::Path::new("."));
        b.unwrap_or_else(|| panic!("{diags:?}"))
    }

    #[test]
    fn funding_rows_follow_the_rules_and_add_up() {
        let b = budget();
        let f = figures(&b);
        let standard = f.performance_funding(&FundingRules::default());
        assert_eq!(standard.local, wan(100));
        assert_eq!(standard.other, wan(8));
        assert_eq!(standard.total(), f.total);
        let excluded = f.performance_funding(&FundingRules {
            unit_funds: FundingRow::Excluded,
            ..FundingRules::default()
        });
        assert_eq!(excluded.other, Money::ZERO);
        assert_eq!(excluded.total(), f.total - wan(8));
        let local = f.performance_funding(&FundingRules {
            unit_funds: FundingRow::Local,
            ..FundingRules::default()
        });
        assert_eq!(local.local, wan(108));
    }

    #[test]
    fn unnamed_projects_count_once_each_and_untabled_ones_are_summed() {
        let b = budget();
        let f = figures(&b);
        let c = project_counts(&b, &f);
        assert_eq!(c.fiscal, (1, wan(20)));
        assert_eq!(c.nonfiscal, (1, wan(3)));
        assert_eq!(c.all, (2, wan(23)));
        assert_eq!(c.untabled, (1, wan(3)));
    }
}
