//! This year's figures as next year's 上年预算: read from the derived figures (the values
//! the document prints and `check` compares), keyed as `[prior]` writes them.

use crate::budget::codes::FuncCode;
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, IncomeKind, ThreeKind};
use crate::derive::figures::Figures;
use crate::derive::ledger::Level;
use crate::money::Money;

/// This year's figure of every `[prior]` entry, and the head counts.
#[derive(Debug, Clone, PartialEq)]
pub struct ThisYear {
    /// `prior.income.*`: every kind, zero included.
    pub income: Vec<(&'static str, Money)>,
    /// `prior.spending.basic` and `.project`.
    pub spending: [(&'static str, Money); 2],
    /// `prior.general_budget.basic` and `.project`.
    pub general_budget: [(&'static str, Money); 2],
    /// `[[prior.items]]`: 一般公共预算 by 项, the 项 with money this year.
    pub items: Vec<(FuncCode, Money)>,
    /// `prior.three_public.*`: all four items, zero included.
    pub three: [(&'static str, Money); 4],
    /// `prior.operating`: 一般公共预算 公用经费 (机关运行经费).
    pub operating: Money,
    /// `overview.staffing`: (this year's key, this year's count).
    pub staffing: [(&'static str, u32); 3],
}

/// Reads this year's figures: the same [`Figures`] fields the derived checks compare with
/// last year's and the document prints (第三部分二、三、五、十、十二).
pub fn this_year(b: &Budget, f: &Figures<'_>) -> ThisYear {
    let income = IncomeKind::ALL
        .iter()
        .map(|k| (k.key(), f.income.get(k).copied().unwrap_or_default()))
        .collect();
    let general = f.budget_trees.get(&Fiscal::General);
    let column = |i: usize| general.map(|t| t.total[i]).unwrap_or_default();
    let items = general
        .map(|t| {
            t.level(Level::Item)
                .map(|r| (r.code.clone(), r.values[0]))
                .collect()
        })
        .unwrap_or_default();
    let three = ThreeKind::ALL.map(|k| (k.key(), f.three_item(k)));
    let s = &b.overview.staffing;
    ThisYear {
        income,
        spending: [("basic", f.basic), ("project", f.project)],
        general_budget: [("basic", column(1)), ("project", column(2))],
        items,
        three,
        operating: f.general_split.public,
        staffing: [
            ("in_service", s.in_service.now),
            ("retired", s.retired.now),
            ("veteran", s.veteran.now),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::figures;
    use std::path::Path;

    fn qitai() -> Budget {
        let src = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/qitai-commerce-2024.toml"
        ));
        let (b, d) = crate::input::load_str(src, Path::new("."));
        assert!(!d.iter().any(|d| d.is_error()));
        b.unwrap()
    }

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    #[test]
    fn reads_the_printed_figures() {
        let b = qitai();
        let t = this_year(&b, &figures(&b));
        assert!(t.income.contains(&("general", m("581.77"))));
        assert!(t.income.contains(&("fund", Money::ZERO)));
        assert_eq!(
            t.spending,
            [("basic", m("467.77")), ("project", m("1327.70"))]
        );
        assert_eq!(
            t.general_budget,
            [("basic", m("467.77")), ("project", m("616.00"))]
        );
        assert_eq!(t.operating, m("21.72"));
        assert_eq!(t.three[2], ("vehicle_operation", m("1.80")));
        let codes: Vec<&str> = t.items.iter().map(|(c, _)| c.as_str()).collect();
        assert!(codes.contains(&"2011308"));
        assert!(
            !codes.contains(&"2011399"),
            "no 一般公共预算 on 2011399 this year"
        );
        assert_eq!(t.staffing[0], ("in_service", 25));
    }
}
