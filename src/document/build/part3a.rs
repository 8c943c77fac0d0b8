//! 第三部分 一 to 四: overall, income, spending, fiscal appropriation.

use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, IncomeKind};
use crate::derive::sentences::{amount_change, ReasonStyle};
use crate::derive::structure::Structures;
use crate::derive::Figures;
use crate::document::model::{Block, Chart, ParagraphStyle, Section};
use crate::money::Money;

/// A body paragraph.
pub fn p(text: String) -> Block {
    Block::Paragraph {
        text,
        style: ParagraphStyle::Body,
    }
}

/// A list-item paragraph.
pub fn item(text: String) -> Block {
    Block::Paragraph {
        text,
        style: ParagraphStyle::Item,
    }
}

/// A section of part 3; its number (in heading and id) is given when the printed sections
/// are numbered.
pub fn section(heading: String, blocks: Vec<Block>) -> Section {
    Section {
        id: String::new(),
        heading: Some(heading),
        blocks,
    }
}

/// `关于{单位}{年}年{what}`.
pub fn about(b: &Budget, what: &str) -> String {
    format!("关于{}{}年{}", b.unit.name, b.unit.year, what)
}

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
        .level(crate::derive::ledger::Level::Class)
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
            p(format!(
                "收入预算包括：{}。",
                super::fmt::join(&income_list(f))
            )),
            p(format!("支出预算包括：{}。", super::fmt::join(&classes))),
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

/// 四、财政拨款收支总体.
pub fn fiscal(b: &Budget, f: &Figures<'_>) -> Section {
    let budgets = [
        (Fiscal::General, "一般公共预算"),
        (Fiscal::Fund, "政府性基金预算"),
        (Fiscal::Soe, "国有资本经营预算"),
    ];
    let amount = |k: Fiscal| f.fiscal.get(&k).copied().unwrap_or_default();
    let total: Money = budgets.iter().map(|(k, _)| amount(*k)).sum();
    let mut blocks = vec![p(format!(
        "{}{}年财政拨款收支总预算{}。",
        b.unit.name,
        b.unit.year,
        b.unit.money(total)
    ))];
    let present: Vec<&str> = budgets
        .iter()
        .filter(|(k, _)| !amount(*k).is_zero())
        .map(|(_, n)| *n)
        .collect();
    let absent: Vec<String> = budgets
        .iter()
        .filter(|(k, _)| amount(*k).is_zero())
        .map(|(_, n)| format!("{n}拨款"))
        .collect();
    if total.is_zero() {
        blocks.push(p("本年没有财政拨款收支预算。".into()));
        return section(about(b, "财政拨款收支预算情况的总体说明"), blocks);
    }
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
    blocks.push(p(format!("{head}{tail}。")));
    let parts: Vec<String> = budgets
        .iter()
        .filter(|(k, _)| !amount(*k).is_zero())
        .map(|(k, n)| format!("{n}拨款{}", b.unit.money(amount(*k))))
        .collect();
    blocks.push(p(format!("收入预算包括：{}。", parts.join("，"))));
    for (k, name) in budgets {
        let Some(tree) = f.budget_trees.get(&k).filter(|t| !t.is_empty()) else {
            continue;
        };
        let lines: Vec<String> = tree
            .level(crate::derive::ledger::Level::Class)
            .map(|r| {
                let purpose = b
                    .purposes
                    .get(&r.code)
                    .map(|u| format!("，主要用于{}", u.trim_end_matches('。')))
                    .unwrap_or_default();
                format!(
                    "{}{}{purpose}",
                    b.names.functional_or_code(&r.code),
                    b.unit.money(r.values[0])
                )
            })
            .collect();
        blocks.push(p(format!("{name}支出包括：{}。", lines.join("；"))));
    }
    section(about(b, "财政拨款收支预算情况的总体说明"), blocks)
}
