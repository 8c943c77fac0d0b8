//! 绩效: the unit-wide table and one table per project, their indicators' weights, table
//! names vs the unit, tables vs projects.

use super::ctx::Ctx;
use super::spending::near;
use super::text::TextRules;
use crate::budget::{Indicator, Performance, Project, ProjectPerformance, UnitPerformance};
use crate::input::placeholder::is_placeholder;
use crate::input::raw::{
    RawIndicator, RawPerformance, RawProject, RawProjectPerformance, RawUnitPerformance,
};
use std::collections::BTreeSet;

/// One indicator row: its texts, its level1 (required) and its weight where written, then
/// its declared rules when it has a level1.
fn indicator(r: &RawIndicator, k: &str, ctx: &mut Ctx<'_>, rules: &TextRules) -> Indicator {
    let mut t = |v: &Option<crate::input::raw::RawText>, f: &str| {
        ctx.opt_text(v.as_ref(), &format!("{k}.{f}"), rules)
            .unwrap_or_default()
    };
    let level2 = t(&r.level2, "level2");
    let level3 = t(&r.level3, "level3");
    let value = t(&r.value, "value");
    let basis = t(&r.basis, "basis");
    let prior_value = t(&r.prior_value, "prior_value");
    let scoring = t(&r.scoring, "scoring");
    let evidence = t(&r.evidence, "evidence");
    let near =
        near(&[&r.level1, &r.level3, &r.value, &r.level2].map(|f| f.as_ref().map(|v| v.span())));
    let level1 = ctx.req_text(&r.level1, &format!("{k}.level1"), near.clone(), rules);
    let weight = r
        .weight
        .as_ref()
        .and_then(|w| ctx.count(w, &format!("{k}.weight")));
    let indicator = Indicator {
        level1,
        level2,
        level3,
        value,
        basis,
        prior_value,
        weight,
        scoring,
        evidence,
    };
    if r.level1.is_some() {
        let span = r.weight.as_ref().map(|w| w.span()).or(near);
        ctx.rules(&indicator, k, span);
    }
    indicator
}

/// A table's indicators, their weights adding up to `weight_total` when any is written.
fn indicators(
    raw: &[RawIndicator],
    key: &str,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
    weight_total: u32,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    let mut sum = 0u32;
    let mut any_weight = false;
    // A weight that could not be read (reported already) leaves the sum unknown.
    let mut unread_weight = false;
    for (i, r) in raw.iter().enumerate() {
        let indicator = indicator(r, &format!("{key}[{i}]"), ctx, rules);
        if let Some(w) = indicator.weight {
            sum += w;
            any_weight = true;
        }
        unread_weight |= r.weight.is_some() && indicator.weight.is_none();
        out.push(indicator);
    }
    if any_weight && !unread_weight && sum != weight_total {
        let span = raw
            .iter()
            .find_map(|r| r.level1.as_ref().or(r.level3.as_ref()).map(|v| v.span()));
        ctx.error(
            span,
            key,
            format!("指标分值权重合计 {sum}，应为 {weight_total}（weights do not add up）"),
            Some(
                "调整各指标的 weight；如本地区规定的合计不是90，请设置 [performance] weight_total",
            ),
        );
    }
    out
}

/// Validates `[performance]`: weights per table, table names vs the unit, tables vs projects.
/// Project names are compared with every `[[projects]]` entry as written, so a project whose
/// line failed to validate (or whose name is still 待填写) does not also lose its table.
/// A department that sums its units (`consolidating`) has no projects of its own: their
/// tables are in the units' files.
pub fn performance(
    raw: &RawPerformance,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
    raw_projects: &[RawProject],
    projects: &[Project],
    consolidating: bool,
) -> Performance {
    let weight_total = raw
        .weight_total
        .as_ref()
        .and_then(|w| ctx.count(w, "performance.weight_total"))
        .unwrap_or(90);
    let unit = raw
        .unit
        .as_ref()
        .map(|u| unit_table(u, ctx, rules, weight_total));
    let tables = if consolidating {
        refuse_project_tables(&raw.projects, ctx);
        Vec::new()
    } else {
        project_tables(
            &raw.projects,
            raw_projects,
            projects,
            ctx,
            rules,
            weight_total,
        )
    };
    Performance {
        unit,
        projects: tables,
        count_style: super::options::count_style(raw.count_style.as_ref(), ctx),
        untabled_amount: raw.untabled_amount.unwrap_or(false),
        funding: super::options::funding(raw.funding.as_ref(), ctx),
    }
}

/// `[performance.unit]`: the unit-wide table.
fn unit_table(
    u: &RawUnitPerformance,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
    weight_total: u32,
) -> UnitPerformance {
    UnitPerformance {
        unit_name: ctx.unit_name(u.unit_name.as_ref(), "performance.unit.unit_name", rules),
        contact: ctx.opt_text(u.contact.as_ref(), "performance.unit.contact", rules),
        phone: ctx.opt_text(u.phone.as_ref(), "performance.unit.phone", rules),
        goal: ctx.req_text(
            &u.goal,
            "performance.unit.goal",
            near(&[&u.unit_name, &u.contact, &u.phone].map(|f| f.as_ref().map(|v| v.span()))),
            rules,
        ),
        indicators: indicators(
            &u.indicators,
            "performance.unit.indicators",
            ctx,
            rules,
            weight_total,
        ),
    }
}

/// Where a project table is placed: the first of its keys that is written.
fn table_span(p: &RawProjectPerformance) -> Option<std::ops::Range<usize>> {
    near(&[&p.project, &p.goal, &p.manager, &p.unit_name].map(|f| f.as_ref().map(|v| v.span())))
}

/// A consolidating department's project tables: each refused, they belong in the units' files.
fn refuse_project_tables(raw: &[RawProjectPerformance], ctx: &mut Ctx<'_>) {
    for (i, p) in raw.iter().enumerate() {
        let key = format!("performance.projects[{i}]");
        ctx.error(
            table_span(p).or_else(|| super::header_span(ctx.src, "performance.projects")),
            &key,
            "汇总的部门文件不写项目绩效目标表：它们在项目所在单位的文件中（project table in a consolidating department）",
            Some("把这张表移到项目所在的单位文件；部门文件只写 [performance.unit]（部门整体绩效目标）"),
        );
    }
}

/// `[[performance.projects]]`: one table per project, each naming a project of
/// `[[projects]]` (as written) once, its budget (when written) that of the project.
fn project_tables(
    raw: &[RawProjectPerformance],
    raw_projects: &[RawProject],
    projects: &[Project],
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
    weight_total: u32,
) -> Vec<ProjectPerformance> {
    let names: BTreeSet<&str> = raw_projects
        .iter()
        .filter_map(|p| p.name.as_ref().map(|n| n.get_ref().trim()))
        .collect();
    let names_known = !names.iter().any(|n| is_placeholder(n));
    let mut seen = BTreeSet::new();
    let mut tables = Vec::new();
    for (i, p) in raw.iter().enumerate() {
        let key = format!("performance.projects[{i}]");
        let span = table_span(p);
        let project = ctx.req_text(&p.project, &format!("{key}.project"), span.clone(), rules);
        if p.project.is_some() && names_known && !names.contains(project.as_str()) {
            ctx.error(
                span.clone(),
                &format!("{key}.project"),
                format!(
                    "绩效目标表对应的项目“{project}”在 [[projects]] 中不存在（no such project）"
                ),
                Some("project 必须与 [[projects]] 的 name 完全一致"),
            );
        }
        if !seen.insert(project.clone()) {
            ctx.error(
                span.clone(),
                &format!("{key}.project"),
                format!("项目“{project}”有两张绩效目标表（duplicate table）"),
                None,
            );
        }
        check_table_budget(p, &key, &project, raw_projects, projects, ctx);
        let id = projects
            .iter()
            .find(|l| !project.is_empty() && l.name == project)
            .map(|l| l.id);
        tables.push(ProjectPerformance {
            id,
            unit_name: ctx.unit_name(p.unit_name.as_ref(), &format!("{key}.unit_name"), rules),
            manager: ctx.opt_text(p.manager.as_ref(), &format!("{key}.manager"), rules),
            goal: ctx.req_text(&p.goal, &format!("{key}.goal"), span.clone(), rules),
            indicators: indicators(
                &p.indicators,
                &format!("{key}.indicators"),
                ctx,
                rules,
                weight_total,
            ),
            project,
        });
    }
    tables
}

/// A table's 年度预算总额, when written, against the project's amount: compared only when
/// every line of the project validated (otherwise its sum is unknown).
fn check_table_budget(
    p: &RawProjectPerformance,
    key: &str,
    project: &str,
    raw_projects: &[RawProject],
    projects: &[Project],
    ctx: &mut Ctx<'_>,
) {
    if let (Some(declared), Some(raw_budget)) = (
        p.budget
            .as_ref()
            .and_then(|m| ctx.declared(m, &format!("{key}.budget"))),
        p.budget.as_ref(),
    ) {
        let built: Vec<&Project> = projects.iter().filter(|l| l.name == project).collect();
        let actual: crate::money::Money = built.iter().map(|l| l.total()).sum();
        let written: usize = raw_projects
            .iter()
            .filter(|q| q.name.as_ref().map(|n| n.get_ref().trim()) == Some(project))
            .map(|q| q.lines.len().max(1))
            .sum();
        if p.project.is_some() && written > 0 && written == built.len() && !declared.matches(actual)
        {
            ctx.error(
                Some(raw_budget.span()),
                &format!("{key}.budget"),
                format!(
                    "绩效目标表的年度预算总额 {}与项目“{project}”的预算 {}不一致（table budget differs from the project）",
                    declared.value.describe(),
                    actual.describe()
                ),
                Some("年度预算总额由项目金额自动得出，可以删去 budget"),
            );
        }
    }
}
