//! Every figure of the disclosure, computed once from the validated budget.

use super::ledger::{entries, rollup, sum, Entry, Kind, Tree};
use crate::budget::codes::EconCode;
use crate::budget::source::{
    Budget as Fiscal, Source, FISCAL_CARRYOVER, NONFISCAL_CARRYOVER, UNIT_FUNDS,
};
use crate::budget::{Budget, IncomeKind, ThreeKind};
use crate::money::Money;
use std::collections::BTreeMap;

/// The columns of table 2, in order after 总计.
pub const INCOME_COLUMNS: [&[Source]; 11] = [
    &[
        Source::General,
        Source::GeneralTransfer,
        Source::Fund,
        Source::FundTransfer,
        Source::Soe,
        Source::SoeTransfer,
    ],
    &[Source::General],
    &[Source::GeneralTransfer],
    &[Source::Fund],
    &[Source::FundTransfer],
    &[Source::Soe],
    &[Source::SoeTransfer],
    &[Source::SpecialAccount],
    &UNIT_FUNDS,
    &FISCAL_CARRYOVER,
    &NONFISCAL_CARRYOVER,
];

/// Basic spending split into 人员经费 and 公用经费.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BasicSplit {
    /// 人员经费.
    pub personnel: Money,
    /// 公用经费.
    pub public: Money,
}

/// One row of table 11 (上年结转结余).
#[derive(Debug, Clone, PartialEq)]
pub struct CarryoverRow {
    /// Project name, or 基本支出.
    pub name: String,
    /// 财政拨款: personnel, public, project.
    pub fiscal: [Money; 3],
    /// 非财政拨款: personnel, public, project.
    pub nonfiscal: [Money; 3],
    /// 主要用于.
    pub purpose: Option<String>,
    /// 涉密.
    pub secret: bool,
    /// The project, for project rows.
    pub project: Option<crate::budget::ProjectId>,
}

/// A project (its lines merged) as Part 3 and the performance section see it.
#[derive(Debug, Clone)]
pub struct ProjectSummary<'a> {
    /// Which project.
    pub id: crate::budget::ProjectId,
    /// Name (empty when the TOML gives none).
    pub name: &'a str,
    /// Total this year.
    pub total: Money,
    /// Of which current-year fiscal appropriation.
    pub fiscal: Money,
    /// Of which other money.
    pub other: Money,
    /// 涉密.
    pub secret: bool,
    /// The first line (texts).
    pub first: &'a crate::budget::Project,
}

/// Every derived figure.
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    /// All spending lines.
    pub entries: Vec<Entry<'a>>,
    /// Income by kind (all kinds present, zero included).
    pub income: BTreeMap<IncomeKind, Money>,
    /// Income by source.
    pub by_source: BTreeMap<Source, Money>,
    /// 收支总计.
    pub total: Money,
    /// 基本支出.
    pub basic: Money,
    /// 项目支出.
    pub project: Money,
    /// Current-year fiscal appropriation by budget (一般公共预算, 政府性基金, 国有资本经营).
    pub fiscal: BTreeMap<Fiscal, Money>,
    /// Table 2: 总计 + 11 source columns.
    pub income_tree: Tree,
    /// Table 3: 合计, 基本, 项目.
    pub spending_tree: Tree,
    /// Table 4 right side: 合计, 一般公共预算, 政府性基金, 国有资本经营 (current fiscal).
    pub fiscal_tree: Tree,
    /// Table 5 and the same for funds and SOE (8, 9): 合计, 基本, 项目.
    pub budget_trees: BTreeMap<Fiscal, Tree>,
    /// Table 8/9 basic split per 项 where known, by budget.
    pub budget_splits: BTreeMap<Fiscal, BTreeMap<crate::budget::codes::FuncCode, BasicSplit>>,
    /// 一般公共预算 basic spending by 经济分类 款.
    pub general_econ: BTreeMap<EconCode, Money>,
    /// 一般公共预算 basic: 人员经费 / 公用经费 (公用经费 is the 机关运行经费).
    pub general_split: BasicSplit,
    /// 三公 by item and budget.
    pub three: BTreeMap<ThreeKind, BTreeMap<Fiscal, Money>>,
    /// Table 11 rows.
    pub carryover: Vec<CarryoverRow>,
    /// Projects merged by name, in input order.
    pub projects: Vec<ProjectSummary<'a>>,
}

fn is_general(s: Source) -> bool {
    s.fiscal_budget() == Some(Fiscal::General)
}

/// The three budgets of fiscal appropriation, in table order.
/// The three budgets a 财政拨款 comes from, in their standard order.
pub const BUDGETS: [Fiscal; 3] = [Fiscal::General, Fiscal::Fund, Fiscal::Soe];

/// Computes every figure.
pub fn figures(b: &Budget) -> Figures<'_> {
    let entries = entries(b);
    let by_source = by_source(&entries);
    let income = income(&by_source);
    let total = entries.iter().map(|e| e.amount).sum();
    let basic = sum(&entries, |e| e.kind == Kind::Basic);
    let project = sum(&entries, |e| e.kind == Kind::Project);
    let fiscal = BUDGETS
        .iter()
        .map(|f| (*f, sum(&entries, |e| e.source.fiscal_budget() == Some(*f))))
        .collect();
    let general_econ = general_econ(b);
    let general_split = split_of(general_econ.iter().map(|(c, m)| (c, *m)));
    Figures {
        income,
        by_source,
        total,
        basic,
        project,
        fiscal,
        income_tree: income_tree(&entries),
        spending_tree: rollup(&entries, 3, |e| Some(by_kind(e))),
        fiscal_tree: fiscal_tree(&entries),
        budget_trees: budget_trees(&entries),
        budget_splits: BUDGETS.iter().map(|f| (*f, basic_splits(b, *f))).collect(),
        general_econ,
        general_split,
        three: three_public(b),
        carryover: carryover(b),
        projects: merge_projects(b),
        entries,
    }
}

/// Income by source: the sum of the lines of each source.
fn by_source(entries: &[Entry<'_>]) -> BTreeMap<Source, Money> {
    let mut by_source: BTreeMap<Source, Money> = BTreeMap::new();
    for e in entries {
        *by_source.entry(e.source).or_default() += e.amount;
    }
    by_source
}

/// Income by kind, every kind present (zero included).
fn income(by_source: &BTreeMap<Source, Money>) -> BTreeMap<IncomeKind, Money> {
    let mut income: BTreeMap<IncomeKind, Money> =
        IncomeKind::ALL.iter().map(|k| (*k, Money::ZERO)).collect();
    for (s, m) in by_source {
        *income.entry(IncomeKind::of(*s)).or_default() += *m;
    }
    income
}

/// Table 2: each line under 总计 and under each of the [`INCOME_COLUMNS`] it belongs to.
fn income_tree(entries: &[Entry<'_>]) -> Tree {
    rollup(entries, 12, |e| {
        let mut v = vec![e.amount];
        v.extend(INCOME_COLUMNS.iter().map(|c| {
            if c.contains(&e.source) {
                e.amount
            } else {
                Money::ZERO
            }
        }));
        Some(v)
    })
}

/// A line as 合计, 基本, 项目 columns.
fn by_kind(e: &Entry<'_>) -> Vec<Money> {
    vec![
        e.amount,
        if e.kind == Kind::Basic {
            e.amount
        } else {
            Money::ZERO
        },
        if e.kind == Kind::Project {
            e.amount
        } else {
            Money::ZERO
        },
    ]
}

/// Table 4's right side: current fiscal appropriation under 合计 and its budget.
fn fiscal_tree(entries: &[Entry<'_>]) -> Tree {
    rollup(entries, 4, |e| {
        let f = e.source.fiscal_budget()?;
        Some(vec![
            e.amount,
            on(f == Fiscal::General, e.amount),
            on(f == Fiscal::Fund, e.amount),
            on(f == Fiscal::Soe, e.amount),
        ])
    })
}

/// Tables 5, 8 and 9: each budget's lines as 合计, 基本, 项目.
fn budget_trees(entries: &[Entry<'_>]) -> BTreeMap<Fiscal, Tree> {
    BUDGETS
        .iter()
        .map(|f| {
            (
                *f,
                rollup(entries, 3, |e| {
                    (e.source.fiscal_budget() == Some(*f)).then(|| by_kind(e))
                }),
            )
        })
        .collect()
}

/// 一般公共预算 basic spending by 经济分类 款.
fn general_econ(b: &Budget) -> BTreeMap<EconCode, Money> {
    let mut general_econ: BTreeMap<EconCode, Money> = BTreeMap::new();
    for l in b.basic_economic.iter().filter(|l| is_general(l.source)) {
        *general_econ.entry(l.code.clone()).or_default() += l.amount;
    }
    general_econ
}

fn on(cond: bool, m: Money) -> Money {
    if cond {
        m
    } else {
        Money::ZERO
    }
}

fn split_of<'c>(lines: impl Iterator<Item = (&'c EconCode, Money)>) -> BasicSplit {
    let mut s = BasicSplit::default();
    for (c, m) in lines {
        if c.is_personnel() {
            s.personnel += m;
        } else {
            s.public += m;
        }
    }
    s
}

/// The 人员/公用 split of one source's basic spending per 功能分类 项: from the line's
/// `personnel` when given, else from the economic cut when that source is all one kind.
pub fn basic_splits(b: &Budget, f: Fiscal) -> BTreeMap<crate::budget::codes::FuncCode, BasicSplit> {
    let mut out: BTreeMap<_, BasicSplit> = BTreeMap::new();
    for l in b
        .basic
        .iter()
        .filter(|l| l.source.fiscal_budget() == Some(f))
    {
        let s = line_split(b, l);
        let slot = out.entry(l.code.clone()).or_default();
        slot.personnel += s.personnel;
        slot.public += s.public;
    }
    out
}

/// The split of one basic line (see [`basic_splits`]); unknown splits count as 公用经费
/// only after validation has reported them.
pub fn line_split(b: &Budget, l: &crate::budget::BasicLine) -> BasicSplit {
    if let Some(p) = l.personnel {
        return BasicSplit {
            personnel: p,
            public: l.amount - p,
        };
    }
    let econ = split_of(
        b.basic_economic
            .iter()
            .filter(|e| e.source == l.source)
            .map(|e| (&e.code, e.amount)),
    );
    if econ.public.is_zero() {
        BasicSplit {
            personnel: l.amount,
            public: Money::ZERO,
        }
    } else {
        BasicSplit {
            personnel: Money::ZERO,
            public: l.amount,
        }
    }
}

/// True when a basic line's split is determined (given, or its source is all one kind).
pub fn split_known(b: &Budget, l: &crate::budget::BasicLine) -> bool {
    if l.personnel.is_some() {
        return true;
    }
    let econ = split_of(
        b.basic_economic
            .iter()
            .filter(|e| e.source == l.source)
            .map(|e| (&e.code, e.amount)),
    );
    econ.public.is_zero() || econ.personnel.is_zero()
}

fn three_public(b: &Budget) -> BTreeMap<ThreeKind, BTreeMap<Fiscal, Money>> {
    let mut out: BTreeMap<ThreeKind, BTreeMap<Fiscal, Money>> = BTreeMap::new();
    let basic = b
        .basic_economic
        .iter()
        .map(|l| (&l.code, l.source, l.amount));
    let projects = b
        .projects
        .iter()
        .flat_map(|p| p.economic.iter().map(move |(c, m)| (c, p.source, *m)));
    for kind in ThreeKind::ALL {
        let slot = out.entry(kind).or_default();
        for (code, source, amount) in basic.clone().chain(projects.clone()) {
            if let (true, Some(f)) = (code.as_str() == kind.econ_code(), source.fiscal_budget()) {
                *slot.entry(f).or_default() += amount;
            }
        }
    }
    out
}

fn carryover(b: &Budget) -> Vec<CarryoverRow> {
    let mut rows: Vec<CarryoverRow> = Vec::new();
    let mut basic = CarryoverRow {
        name: "基本支出".into(),
        fiscal: [Money::ZERO; 3],
        nonfiscal: [Money::ZERO; 3],
        purpose: None,
        secret: false,
        project: None,
    };
    for l in b.basic.iter().filter(|l| l.source.is_carryover()) {
        let s = line_split(b, l);
        let side = if l.source.is_fiscal_carryover() {
            &mut basic.fiscal
        } else {
            &mut basic.nonfiscal
        };
        side[0] += s.personnel;
        side[1] += s.public;
    }
    if basic
        .fiscal
        .iter()
        .chain(basic.nonfiscal.iter())
        .any(|m| !m.is_zero())
    {
        rows.push(basic);
    }
    for p in b.projects.iter().filter(|p| p.source.is_carryover()) {
        let row = match rows.iter_mut().find(|r| r.project == Some(p.id)) {
            Some(r) => r,
            None => {
                rows.push(CarryoverRow {
                    name: p.name.clone(),
                    fiscal: [Money::ZERO; 3],
                    nonfiscal: [Money::ZERO; 3],
                    purpose: p.purpose.clone(),
                    secret: p.secret,
                    project: Some(p.id),
                });
                let last = rows.len() - 1;
                &mut rows[last]
            }
        };
        let side = if p.source.is_fiscal_carryover() {
            &mut row.fiscal
        } else {
            &mut row.nonfiscal
        };
        side[2] += p.total();
    }
    rows
}

fn merge_projects(b: &Budget) -> Vec<ProjectSummary<'_>> {
    let mut out: Vec<ProjectSummary> = Vec::new();
    for p in &b.projects {
        let fiscal = if p.source.fiscal_budget().is_some() {
            p.total()
        } else {
            Money::ZERO
        };
        match out.iter_mut().find(|s| s.id == p.id) {
            Some(s) => {
                s.total += p.total();
                s.fiscal += fiscal;
                s.other = s.total - s.fiscal;
                s.secret |= p.secret;
            }
            None => out.push(ProjectSummary {
                id: p.id,
                name: &p.name,
                total: p.total(),
                fiscal,
                other: p.total() - fiscal,
                secret: p.secret,
                first: p,
            }),
        }
    }
    out
}
