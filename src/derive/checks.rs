//! Checks that need derived figures: last year's figures present, reasons for large
//! changes, control totals, splits the tables need, performance tables for projects.

use super::change::Change;
use super::figures::{split_known, Figures};
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, Comparison, ControlTotal, IncomeKind, ThreeKind};
use crate::diagnostic::Diagnostic;
use crate::money::Money;

/// Every derived check of the budget read from `src`, each problem without a span of its
/// own pointed at the header of its key's table: what `check` adds after validation, for a
/// budget file and for each unit file of a department alike.
pub fn located(b: &Budget, f: &Figures<'_>, src: &str) -> Vec<Diagnostic> {
    let mut out = check(b, f);
    for d in out.iter_mut().filter(|d| d.span.is_none()) {
        d.span = crate::diagnostic::header_span(src, &d.key);
    }
    out
}

/// Runs every derived check.
pub fn check(b: &Budget, f: &Figures<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    prior_income(b, f, &mut out);
    prior_spending(b, f, &mut out);
    prior_general_budget(b, f, &mut out);
    prior_items_not_spent(b, f, &mut out);
    prior_three_public(b, f, &mut out);
    compare(
        &mut out,
        f.general_split.public,
        b.prior.operating.as_ref(),
        "prior.operating",
        "机关运行经费",
    );
    controls(b, f, &mut out);
    // A consolidated department's lines and projects are its units': each unit's own
    // check reports these in its file.
    if !b.is_consolidated() {
        splits(b, &mut out);
        project_tables(b, f, &mut out);
    }
    unit_table(b, &mut out);
    unused_notes(b, f, &mut out);
    out
}

/// This year's income of each kind against last year's.
fn prior_income(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    for kind in &IncomeKind::ALL {
        let key = kind.key();
        let now = f.income.get(kind).copied().unwrap_or_default();
        compare(
            out,
            now,
            b.prior.income.get(kind),
            &format!("prior.income.{key}"),
            kind.name(),
        );
    }
}

/// This year's basic and project spending against last year's.
fn prior_spending(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    compare(
        out,
        f.basic,
        b.prior.spending.basic.as_ref(),
        "prior.spending.basic",
        "基本支出",
    );
    compare(
        out,
        f.project,
        b.prior.spending.project.as_ref(),
        "prior.spending.project",
        "项目支出",
    );
}

/// This year's 一般公共预算 spending, basic, project and per 项, against last year's.
fn prior_general_budget(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    let Some(t) = f.budget_trees.get(&Fiscal::General) else {
        return;
    };
    compare(
        out,
        t.total[1],
        b.prior.general_budget.basic.as_ref(),
        "prior.general_budget.basic",
        "一般公共预算基本支出",
    );
    compare(
        out,
        t.total[2],
        b.prior.general_budget.project.as_ref(),
        "prior.general_budget.project",
        "一般公共预算项目支出",
    );
    for row in t.level(super::ledger::Level::Item) {
        let name = format!(
            "一般公共预算 {}（{}）",
            row.code,
            b.names.functional_or_code(&row.code)
        );
        compare(
            out,
            row.values[0],
            b.prior.items.get(&row.code),
            "prior.items",
            &name,
        );
    }
}

/// Last year's 一般公共预算 项 with no 一般公共预算 spending this year.
fn prior_items_not_spent(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    for (code, c) in &b.prior.items {
        let now = f
            .budget_trees
            .get(&Fiscal::General)
            .and_then(|t| t.rows.iter().find(|r| &r.code == code))
            .map(|r| r.values[0])
            .unwrap_or_default();
        if now.is_zero() {
            compare(
                out,
                now,
                Some(c),
                "prior.items",
                &format!("一般公共预算 {code}"),
            );
        }
    }
}

/// This year's “三公” items against last year's.
fn prior_three_public(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    for kind in ThreeKind::ALL {
        let now = f.three_item(kind);
        compare(
            out,
            now,
            b.prior.three_public.get(&kind),
            &format!("prior.three_public.{}", kind.key()),
            kind.name(),
        );
    }
}

/// A figure of this year against last year's: the prior figure must be written when this
/// year's is not zero, and a large change needs a reason.
fn compare(
    out: &mut Vec<Diagnostic>,
    now: Money,
    prior: Option<&Comparison>,
    key: &str,
    name: &str,
) {
    match prior {
        // Located at the prior section (by its key), not at this year's line.
        None if !now.is_zero() => out.push(
            Diagnostic::error(
                None,
                key,
                format!(
                    "{name}本年 {}，缺少上年预算数（missing last year's figure）",
                    now.describe()
                ),
            )
            .with_hint(if key == "prior.items" {
                "加一条 [[prior.items]]：code = \"这一项的编码\"，amount = \"上年预算数\"，变动较大时加 reason = \"…\"".to_string()
            } else {
                format!("写上 {key} = {{ amount = \"上年预算数\", reason = \"变动原因\" }}")
            }),
        ),
        Some(c) => {
            let change = Change::new(now, c.prior);
            if change.needs_reason() && c.reason.is_none() {
                out.push(
                    Diagnostic::error(
                        c.span.clone(),
                        key,
                        format!("{name}比上年预算{}，缺少变动原因（a change of 10% or more needs a reason）", change.phrase(crate::money::MoneyUnit::Wan)),
                    )
                    .with_hint("变动10%以上（或从无到有、从有到无）必须说明主要原因：加上 reason = \"…\""),
                );
            }
        }
        None => {}
    }
}

fn controls(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    let fiscal_carry = f
        .income
        .get(&IncomeKind::FiscalCarryover)
        .copied()
        .unwrap_or_default();
    let nonfiscal_carry = f
        .income
        .get(&IncomeKind::NonfiscalCarryover)
        .copied()
        .unwrap_or_default();
    for (which, declared, span) in &b.control {
        let derived = match which {
            ControlTotal::Total => f.total,
            ControlTotal::Fiscal => f.fiscal.values().copied().sum(),
            ControlTotal::Basic => f.basic,
            ControlTotal::Project => f.project,
            ControlTotal::FiscalCarryover => fiscal_carry,
            ControlTotal::NonfiscalCarryover => nonfiscal_carry,
        };
        if !declared.matches(derived) {
            let (key, name) = which.names();
            out.push(
                Diagnostic::error(
                    Some(span.clone()),
                    format!("control.{key}"),
                    format!(
                        "{name}：批复数 {}，明细合计 {}，相差 {}（control total differs）",
                        declared.value.describe(),
                        derived.describe(),
                        (declared.value - derived).describe()
                    ),
                )
                .with_hint("检查明细是否漏录或多录；明细合计由 [[basic]] 和 [[projects]] 自动得出"),
            );
        }
    }
}

fn splits(b: &Budget, out: &mut Vec<Diagnostic>) {
    for (i, l) in b.basic.iter().enumerate() {
        let needs = matches!(
            l.source.fiscal_budget(),
            Some(Fiscal::Fund) | Some(Fiscal::Soe)
        ) || l.source.is_carryover();
        if needs && !split_known(b, l) {
            out.push(
                Diagnostic::error(l.span.clone(), format!("basic[{i}]"), format!(
                    "{} {}（{}）的基本支出需要分出人员经费和公用经费，表8、表9或表11要用（personnel split needed）",
                    l.code, b.names.functional_or_code(&l.code), l.source.name()
                ))
                .with_hint("在这一行加上 personnel = \"…\"（其中人员经费），其余为公用经费"),
            );
        }
    }
}

fn project_tables(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    for p in &f.projects {
        let current_fiscal = b
            .projects
            .iter()
            .any(|l| l.id == p.id && l.source.fiscal_budget().is_some());
        let has_table =
            !p.name.is_empty() && b.performance.projects.iter().any(|t| t.id == Some(p.id));
        if current_fiscal && !p.secret && !has_table {
            out.push(Diagnostic::warning(
                p.first.span.clone(),
                "performance.projects",
                format!(
                    "财政拨款项目“{}”没有绩效目标表（no performance table）",
                    if p.name.is_empty() {
                        "（未写名称）"
                    } else {
                        p.name
                    }
                ),
            ));
        }
        if p.secret && has_table {
            out.push(Diagnostic::error(
                p.first.span.clone(),
                "performance.projects",
                format!(
                    "涉密项目“{}”不得公开绩效目标表（secret project must not publish its table）",
                    p.name
                ),
            ));
        }
    }
}

fn unit_table(b: &Budget, out: &mut Vec<Diagnostic>) {
    if b.performance.unit.is_none() {
        out.push(Diagnostic::warning(
            None,
            "performance.unit",
            format!(
                "缺少{}整体绩效目标表（no unit-wide performance table）",
                b.unit.scope.word()
            ),
        ));
    }
}

/// A `[notes]` reason the document will not print: nothing it explains exists.
fn unused_notes(b: &Budget, f: &Figures<'_>, out: &mut Vec<Diagnostic>) {
    let c = super::totals::project_counts(b, f);
    let unused = [
        (
            b.notes.secret_reason.is_some() && c.secret.0 == 0,
            "notes.secret_reason",
            "没有涉密的财政拨款项目",
        ),
        (
            b.notes.nonfiscal_reason.is_some() && c.nonfiscal_untabled.0 == 0,
            "notes.nonfiscal_reason",
            "没有未公开绩效目标表的非财政拨款项目",
        ),
    ];
    for (_, key, why) in unused.into_iter().filter(|(u, _, _)| *u) {
        out.push(
            Diagnostic::warning(None, key, format!("{key} 不会印出：{why}（unused entry）"))
                .with_hint("检查项目是否漏录或标错；不需要时删去这一条"),
        );
    }
}
