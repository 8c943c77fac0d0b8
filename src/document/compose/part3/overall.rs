//! 第三部分 一 to 四: overall, income, spending, fiscal appropriation.

use super::paragraph::{about, p, section};
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, IncomeKind};
use crate::derive::ledger::Level;
use crate::derive::sentences::{amount_change, ReasonStyle};
use crate::derive::structure::Structures;
use crate::derive::Figures;
use crate::document::compose::wording::{join, used_for};
use crate::document::model::{Block, Chart, Section};

/// The kinds of income the budget has, by name, in the standard order.
fn income_list(f: &Figures<'_>) -> Vec<String> {
    let has = |k: &[IncomeKind]| {
        k.iter()
            .any(|k| f.income.get(k).is_some_and(|m| !m.is_zero()))
    };
    let mut v = Vec::new();
    let names: [(&[IncomeKind], &str); 7] = [
        (
            &[IncomeKind::General, IncomeKind::GeneralTransfer],
            "一般公共预算",
        ),
        (
            &[IncomeKind::Fund, IncomeKind::FundTransfer],
            "政府性基金预算",
        ),
        (
            &[IncomeKind::Soe, IncomeKind::SoeTransfer],
            "国有资本经营预算",
        ),
        (&[IncomeKind::SpecialAccount], "财政专户管理资金"),
        (&[IncomeKind::UnitFunds], "单位资金"),
        (&[IncomeKind::FiscalCarryover], "财政拨款结转结余"),
        (&[IncomeKind::NonfiscalCarryover], "非财政拨款结转结余"),
    ];
    for (kinds, name) in names {
        if has(kinds) {
            v.push(name.to_string());
        }
    }
    v
}

/// 一、总体说明.
pub fn overall(b: &Budget, f: &Figures<'_>) -> Section {
    let scope = b.unit.scope.word();
    let classes: Vec<String> = f
        .spending_tree
        .level(Level::Class)
        .map(|r| b.names.functional_or_code(&r.code))
        .collect();
    section(
        about(b, "收支预算情况的总体说明"),
        vec![
            p(format!(
                "按照全口径预算的原则，{}{}年所有收入和支出均纳入{scope}预算管理。收支总预算{}。",
                b.unit.name,
                b.unit.year,
                b.unit.money(f.total)
            )),
            p(format!("收入预算包括：{}。", join(&income_list(f)))),
            p(format!("支出预算包括：{}。", join(&classes))),
        ],
    )
}

/// 二、收入预算.
pub fn income(b: &Budget, f: &Figures<'_>, s: &Structures) -> Section {
    let mut blocks = vec![p(format!(
        "{}{}收入预算{}，其中：",
        b.unit.name,
        b.unit.scope.word(),
        b.unit.money(f.total)
    ))];
    for part in &s.income {
        let prior = b.prior.income.get(&part.key);
        if part.amount.is_zero() && prior.is_none() && !part.key.always_listed() {
            continue;
        }
        blocks.push(p(amount_change(
            b.unit.display_unit,
            part.key.name(),
            part.amount,
            Some(part.share),
            prior,
            ReasonStyle::Comma,
            None,
        )));
    }
    let items = s
        .income
        .iter()
        .filter(|x| !x.amount.is_zero())
        .map(|x| (x.key.name().to_string(), x.amount, x.share));
    blocks.push(Block::Chart(Chart::new(
        "chart-income",
        "收入预算构成",
        f.total,
        items,
        b.unit.display_unit,
    )));
    section(about(b, "收入预算情况说明"), blocks)
}

/// 三、支出预算.
pub fn spending(b: &Budget, f: &Figures<'_>, s: &Structures) -> Section {
    let mut blocks = vec![p(format!(
        "{}{}年支出预算{}，其中：",
        b.unit.name,
        b.unit.year,
        b.unit.money(f.total)
    ))];
    let priors = [
        b.prior.spending.basic.as_ref(),
        b.prior.spending.project.as_ref(),
    ];
    for (part, prior) in s.spending.iter().zip(priors) {
        blocks.push(p(amount_change(
            b.unit.display_unit,
            part.key,
            part.amount,
            Some(part.share),
            prior,
            ReasonStyle::Comma,
            None,
        )));
    }
    section(about(b, "支出预算情况说明"), blocks)
}

/// The three budgets a 财政拨款 comes from, with their names.
const BUDGETS: [(Fiscal, &str); 3] = [
    (Fiscal::General, "一般公共预算"),
    (Fiscal::Fund, "政府性基金预算"),
    (Fiscal::Soe, "国有资本经营预算"),
];

/// 四、财政拨款收支总体.
pub fn fiscal(b: &Budget, f: &Figures<'_>) -> Section {
    let total = f.fiscal_total();
    let heading = about(b, "财政拨款收支预算情况的总体说明");
    if total.is_zero() {
        let none = format!("{}{}年未安排财政拨款收支预算。", b.unit.name, b.unit.year);
        return section(heading, vec![p(none)]);
    }
    let mut blocks = vec![p(format!(
        "{}{}年财政拨款收支总预算{}。",
        b.unit.name,
        b.unit.year,
        b.unit.money(total)
    ))];
    blocks.extend(fiscal_income(b, f));
    for (k, name) in BUDGETS {
        let Some(tree) = f.budget_trees.get(&k).filter(|t| !t.is_empty()) else {
            continue;
        };
        let lines: Vec<String> = tree
            .level(Level::Class)
            .map(|r| {
                format!(
                    "{}{}{}",
                    b.names.functional_or_code(&r.code),
                    b.unit.money(r.values[0]),
                    used_for(b.purposes.get(&r.code))
                )
            })
            .collect();
        blocks.push(p(format!("{name}支出包括：{}。", lines.join("；"))));
    }
    section(heading, blocks)
}

/// The income paragraphs of 四: which budgets the 财政拨款 come from (and which not), then
/// the amount of each.
fn fiscal_income(b: &Budget, f: &Figures<'_>) -> Vec<Block> {
    let amount = |k: Fiscal| f.fiscal_of(k);
    let present: Vec<&str> = BUDGETS
        .iter()
        .filter(|(k, _)| !amount(*k).is_zero())
        .map(|(_, n)| *n)
        .collect();
    let absent: Vec<String> = BUDGETS
        .iter()
        .filter(|(k, _)| amount(*k).is_zero())
        .map(|(_, n)| format!("{n}拨款"))
        .collect();
    let head = if present.len() == 1 {
        format!("收入全部为{}拨款", present[0])
    } else {
        format!(
            "收入包括{}",
            present
                .iter()
                .map(|n| format!("{n}拨款"))
                .collect::<Vec<_>>()
                .join("、")
        )
    };
    let tail = if absent.is_empty() {
        String::new()
    } else {
        format!("，无{}", absent.join("和"))
    };
    let parts: Vec<String> = BUDGETS
        .iter()
        .filter(|(k, _)| !amount(*k).is_zero())
        .map(|(k, n)| format!("{n}拨款{}", b.unit.money(amount(*k))))
        .collect();
    vec![
        p(format!("{head}{tail}。")),
        p(format!("收入预算包括：{}。", parts.join("，"))),
    ]
}
