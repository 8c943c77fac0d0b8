//! 第三部分 五 to 七: 一般公共预算 appropriation, basic spending, projects.

use super::paragraph::{about, item, p, section, sub};
use crate::budget::codes::FuncCode;
use crate::budget::options::ChangeOrder;
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::ledger::Level;
use crate::derive::sentences::{amount_change, unarranged, ReasonStyle};
use crate::derive::structure::Structures;
use crate::derive::Figures;
use crate::document::compose::wording::empty_statement;
use crate::document::model::{Block, Chart, Section};
use crate::money::Money;
use std::collections::BTreeSet;

/// `一般公共服务支出（类）商贸事务（款）行政运行（项）`.
pub fn full_name(b: &Budget, code: &FuncCode) -> String {
    format!(
        "{}（类）{}（款）{}（项）",
        b.names.functional_or_code(&code.class()),
        b.names.functional_or_code(&code.kuan()),
        b.names.functional_or_code(code)
    )
}

/// 五、一般公共预算当年拨款: （一） its scale and change, （二） its structure by 类, （三） each
/// 项's use and change.
pub fn general(b: &Budget, f: &Figures<'_>, s: &Structures) -> Section {
    let mut blocks = vec![sub("（一）一般公共预算当年拨款规模变化情况")];
    blocks.extend(general_scale(b, f));
    blocks.push(sub("（二）一般公共预算当年拨款结构情况"));
    blocks.extend(general_structure(b, f, s));
    blocks.push(sub("（三）一般公共预算当年拨款具体使用情况"));
    blocks.extend(general_use(b, f));
    section(about(b, "一般公共预算当年拨款情况说明"), blocks)
}

/// （一）: the total, then the basic and project spending with their changes; when both are
/// zero both years with no reason given, only that nothing is arranged.
fn general_scale(b: &Budget, f: &Figures<'_>) -> Vec<Block> {
    let tree = &f.budget_trees[&Fiscal::General];
    let g = &b.prior.general_budget;
    if unarranged(tree.total[1], g.basic.as_ref()) && unarranged(tree.total[2], g.project.as_ref())
    {
        return vec![p(none_this_year(b))];
    }
    let change = |label: &str, now: Money, prior| {
        p(amount_change(
            b.unit.display_unit,
            label,
            now,
            None,
            prior,
            ReasonStyle::Period,
            Some("本年未安排此项预算"),
        ))
    };
    vec![
        p(format!(
            "{}{}年一般公共预算拨款合计{}，其中：",
            b.unit.name,
            b.unit.year,
            b.unit.money(tree.total[0])
        )),
        change("基本支出", tree.total[1], g.basic.as_ref()),
        change("项目支出", tree.total[2], g.project.as_ref()),
    ]
}

/// （二）: each 类 with its amount and share, and the chart of them.
fn general_structure(b: &Budget, f: &Figures<'_>, s: &Structures) -> Vec<Block> {
    let tree = &f.budget_trees[&Fiscal::General];
    let n = s.general_by_class.len();
    if n == 0 {
        return vec![p(none_this_year(b))];
    }
    let mut blocks = Vec::new();
    for (i, part) in s.general_by_class.iter().enumerate() {
        let end = if i + 1 == n { "。" } else { "；" };
        blocks.push(item(format!(
            "{}. {}（类）{}，占{}%{end}",
            i + 1,
            b.names.functional_or_code(&part.key),
            b.unit.money(part.amount),
            part.share.plain()
        )));
    }
    let items = s
        .general_by_class
        .iter()
        .map(|x| (b.names.functional_or_code(&x.key), x.amount, x.share));
    blocks.push(Block::Chart(Chart::new(
        "chart-general",
        "一般公共预算当年拨款结构",
        tree.total[0],
        items,
        b.unit.display_unit,
    )));
    blocks
}

/// `{单位}{年}年未安排一般公共预算当年拨款。`: （一）, （二） and （三） when there is nothing
/// to tell.
fn none_this_year(b: &Budget) -> String {
    format!(
        "{}{}年未安排一般公共预算当年拨款。",
        b.unit.name, b.unit.year
    )
}

/// （三）: each 项 of this year and each of last year's that fell away, in the office's
/// order, with its amount and change.
fn general_use(b: &Budget, f: &Figures<'_>) -> Vec<Block> {
    let tree = &f.budget_trees[&Fiscal::General];
    let current: BTreeSet<FuncCode> = tree.level(Level::Item).map(|r| r.code.clone()).collect();
    let fell: BTreeSet<FuncCode> = b
        .prior
        .items
        .keys()
        .filter(|c| !current.contains(*c))
        .cloned()
        .collect();
    let codes: Vec<FuncCode> = match b.options.change_order {
        ChangeOrder::CurrentFirst => current.into_iter().chain(fell).collect(),
        ChangeOrder::Code => current.union(&fell).cloned().collect(),
    };
    if codes.is_empty() {
        return vec![p(none_this_year(b))];
    }
    let mut blocks = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let now = tree
            .rows
            .iter()
            .find(|r| &r.code == code && r.level == Level::Item)
            .map(|r| r.values[0])
            .unwrap_or_default();
        let label = format!(
            "{}. {}：{}年预算数为",
            i + 1,
            full_name(b, code),
            b.unit.year
        );
        blocks.push(item(amount_change(
            b.unit.display_unit,
            &label,
            now,
            None,
            b.prior.items.get(code),
            ReasonStyle::Period,
            Some("本年未安排此项预算"),
        )));
    }
    blocks
}

/// 六、一般公共预算基本支出.
pub fn basic(b: &Budget, f: &Figures<'_>) -> Section {
    let s = f.general_split;
    let names = |personnel: bool| -> String {
        f.general_econ
            .iter()
            .filter(|(c, m)| c.is_personnel() == personnel && !m.is_zero())
            .map(|(c, _)| b.names.economic_or_code(c))
            .collect::<Vec<_>>()
            .join("、")
    };
    let line = |label: &str, m: Money, personnel: bool| {
        if m.is_zero() {
            format!("{label}{}。", b.unit.money(Money::ZERO))
        } else {
            format!(
                "{label}{}，主要包括：{}。",
                b.unit.money(m),
                names(personnel)
            )
        }
    };
    let heading = about(b, "一般公共预算基本支出情况说明");
    if (s.personnel + s.public).is_zero() {
        let none = format!(
            "{}{}年未安排一般公共预算基本支出。",
            b.unit.name, b.unit.year
        );
        return section(heading, vec![p(none)]);
    }
    let blocks = vec![
        p(format!(
            "{}{}年一般公共预算基本支出{}，其中：",
            b.unit.name,
            b.unit.year,
            b.unit.money(s.personnel + s.public)
        )),
        p(line("人员经费", s.personnel, true)),
        p(line("公用经费", s.public, false)),
    ];
    section(heading, blocks)
}

/// 七、一般公共预算项目支出: one item per 表7 line, in the order the TOML gives them, each
/// with its own amount and texts.
pub fn projects(b: &Budget) -> Section {
    let lines: Vec<_> = b
        .projects
        .iter()
        .filter(|l| l.source.fiscal_budget() == Some(Fiscal::General))
        .collect();
    let mut blocks = Vec::new();
    if lines.is_empty() {
        blocks.push(p(empty_statement(
            b,
            "一般公共预算安排项目支出",
            "一般公共预算项目支出情况表",
        )));
    }
    const SECRET: &str = "完全不予公开。";
    for (i, l) in lines.iter().enumerate() {
        let text = |v: &Option<String>| {
            if l.secret {
                SECRET.to_string()
            } else {
                v.clone().unwrap_or_default()
            }
        };
        blocks.push(item(format!("{}. 项目名称：{}", i + 1, l.name)));
        blocks.push(item(format!("设立的政策依据：{}", text(&l.basis))));
        blocks.push(item(format!("预算安排规模：{}", b.unit.money(l.total()))));
        let undertaker = if l.secret {
            SECRET.to_string()
        } else {
            l.undertaker.clone().unwrap_or_else(|| b.unit.name.clone())
        };
        blocks.push(item(format!("项目承担单位：{undertaker}")));
        blocks.push(item(format!("资金分配情况：{}", text(&l.allocation))));
        if !l.secret {
            for (label, t) in &l.subsidy {
                blocks.push(item(format!("{label}：{t}")));
            }
        }
        blocks.push(item(format!("资金执行时间：{}", text(&l.period))));
    }
    section(about(b, "一般公共预算项目支出情况说明"), blocks)
}
