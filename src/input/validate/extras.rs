//! 政府采购, 国有资产 and 绩效 sections.

use super::ctx::Ctx;
use super::spending::near;
use super::text::TextRules;
use crate::budget::{
    Assets, CountValue, Indicator, Performance, Procurement, Project, ProjectPerformance,
    UnitPerformance,
};
use crate::input::placeholder::is_placeholder;
use crate::input::raw::{
    RawAssets, RawCountValue, RawIndicator, RawPerformance, RawProcurement, RawProject,
};
use std::collections::BTreeSet;
use std::ops::Range;

/// Validates `[procurement]`, checking the parts against a declared total.
pub fn procurement(raw: &RawProcurement, ctx: &mut Ctx<'_>) -> Option<Procurement> {
    let all = [
        &raw.goods,
        &raw.works,
        &raw.services,
        &raw.total,
        &raw.sme_reserved,
        &raw.small_micro_reserved,
    ];
    let near = near(&all.map(|f| f.as_ref().map(|v| v.span())));
    let goods = ctx.req_amount(&raw.goods, "procurement.goods", near.clone());
    let works = ctx.req_amount(&raw.works, "procurement.works", near.clone());
    let services = ctx.req_amount(&raw.services, "procurement.services", near.clone());
    let sme = ctx.req_amount(&raw.sme_reserved, "procurement.sme_reserved", near.clone());
    let small = ctx.req_amount(
        &raw.small_micro_reserved,
        "procurement.small_micro_reserved",
        near.clone(),
    );
    let p = Procurement {
        goods: goods?,
        works: works?,
        services: services?,
        sme_reserved: sme?,
        small_micro_reserved: small?,
    };
    let sum = p.goods + p.works + p.services;
    if let Some(t) = &raw.total {
        if let Some(total) = ctx.declared(t, "procurement.total") {
            if !total.matches(sum) {
                ctx.error(
                    Some(t.span()),
                    "procurement.total",
                    format!(
                        "政府采购合计 {} 不等于货物、工程、服务之和 {}（parts do not add up）",
                        total.value.describe(),
                        sum.describe()
                    ),
                    Some("合计由三项自动相加得出，可以删去 total"),
                );
            }
        }
    }
    if p.sme_reserved > sum {
        ctx.error(
            raw.sme_reserved.as_ref().map(|v| v.span()),
            "procurement.sme_reserved",
            "面向中小企业预留金额超过政府采购预算（reserved exceeds total）",
            None,
        );
    }
    if p.small_micro_reserved > p.sme_reserved {
        ctx.error(
            raw.small_micro_reserved.as_ref().map(|v| v.span()),
            "procurement.small_micro_reserved",
            "小微企业预留金额超过面向中小企业预留金额（small/micro exceeds SME reservation）",
            None,
        );
    }
    Some(p)
}

fn count_value(
    raw: &Option<RawCountValue>,
    key: &str,
    ctx: &mut Ctx<'_>,
    near: Option<Range<usize>>,
) -> Option<CountValue> {
    let raw = ctx.required(raw, key, near)?;
    let near = raw
        .count
        .as_ref()
        .map(|c| c.span())
        .or_else(|| raw.value.as_ref().map(|v| v.span()));
    let count = ctx.req_count(&raw.count, &format!("{key}.count"), near.clone());
    let value = ctx.req_amount(&raw.value, &format!("{key}.value"), near);
    Some(CountValue {
        count: count?,
        value: value?,
    })
}

/// Validates `[assets]`.
pub fn assets(raw: &RawAssets, ctx: &mut Ctx<'_>) -> Option<Assets> {
    let near = near(&[
        raw.building_area.as_ref().map(|v| v.span()),
        raw.building_value.as_ref().map(|v| v.span()),
        raw.furniture_value.as_ref().map(|v| v.span()),
        raw.other_value.as_ref().map(|v| v.span()),
        raw.equipment_over_50.as_ref().map(|v| v.span()),
    ]);
    let building_area = ctx
        .required(&raw.building_area, "assets.building_area", near.clone())
        .and_then(|v| ctx.quantity(v, "assets.building_area"));
    let building_value = ctx.req_amount(&raw.building_value, "assets.building_value", near.clone());
    let general = count_value(
        &raw.general_vehicles,
        "assets.general_vehicles",
        ctx,
        near.clone(),
    );
    let enforcement = count_value(
        &raw.enforcement_vehicles,
        "assets.enforcement_vehicles",
        ctx,
        near.clone(),
    );
    let other = count_value(
        &raw.other_vehicles,
        "assets.other_vehicles",
        ctx,
        near.clone(),
    );
    let furniture = ctx.req_amount(&raw.furniture_value, "assets.furniture_value", near.clone());
    let other_value = ctx.req_amount(&raw.other_value, "assets.other_value", near.clone());
    let e50 = ctx.req_count(
        &raw.equipment_over_50,
        "assets.equipment_over_50",
        near.clone(),
    );
    let e100 = ctx.req_count(&raw.equipment_over_100, "assets.equipment_over_100", near);
    let mut plan = |c: &Option<crate::input::raw::RawCount>, key: &str| {
        c.as_ref().map_or(Some(0), |c| ctx.count(c, key))
    };
    let pv = plan(&raw.plan.vehicles, "assets.plan.vehicles");
    let p50 = plan(&raw.plan.equipment_over_50, "assets.plan.equipment_over_50");
    let p100 = plan(
        &raw.plan.equipment_over_100,
        "assets.plan.equipment_over_100",
    );
    Some(Assets {
        building_area: building_area?,
        building_value: building_value?,
        general_vehicles: general?,
        enforcement_vehicles: enforcement?,
        other_vehicles: other?,
        furniture_value: furniture?,
        other_value: other_value?,
        equipment_over_50: e50?,
        equipment_over_100: e100?,
        plan_vehicles: pv?,
        plan_equipment_over_50: p50?,
        plan_equipment_over_100: p100?,
    })
}

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
        let k = format!("{key}[{i}]");
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
        let near = near(
            &[&r.level1, &r.level3, &r.value, &r.level2].map(|f| f.as_ref().map(|v| v.span())),
        );
        let level1 = ctx.req_text(&r.level1, &format!("{k}.level1"), near.clone(), rules);
        let weight = r
            .weight
            .as_ref()
            .and_then(|w| ctx.count(w, &format!("{k}.weight")));
        if let Some(w) = weight {
            sum += w;
            any_weight = true;
        }
        unread_weight |= r.weight.is_some() && weight.is_none();
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
            ctx.rules(&indicator, &k, span);
        }
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
    let unit = raw.unit.as_ref().map(|u| UnitPerformance {
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
    });
    let names: BTreeSet<&str> = raw_projects
        .iter()
        .filter_map(|p| p.name.as_ref().map(|n| n.get_ref().trim()))
        .collect();
    let names_known = !names.iter().any(|n| is_placeholder(n));
    let mut seen = BTreeSet::new();
    let mut tables = Vec::new();
    for (i, p) in raw.projects.iter().enumerate() {
        let key = format!("performance.projects[{i}]");
        let span = near(
            &[&p.project, &p.goal, &p.manager, &p.unit_name].map(|f| f.as_ref().map(|v| v.span())),
        );
        if consolidating {
            ctx.error(
                span.or_else(|| super::header_span(ctx.src, "performance.projects")),
                &key,
                "汇总的部门文件不写项目绩效目标表：它们在项目所在单位的文件中（project table in a consolidating department）",
                Some("把这张表移到项目所在的单位文件；部门文件只写 [performance.unit]（部门整体绩效目标）"),
            );
            continue;
        }
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
        if let (Some(declared), Some(raw_budget)) = (
            p.budget
                .as_ref()
                .and_then(|m| ctx.declared(m, &format!("{key}.budget"))),
            p.budget.as_ref(),
        ) {
            let built: Vec<&Project> = projects.iter().filter(|l| l.name == project).collect();
            let actual: crate::money::Money = built.iter().map(|l| l.total()).sum();
            // Every line of the project validated: otherwise its sum is unknown.
            let written: usize = raw_projects
                .iter()
                .filter(|q| q.name.as_ref().map(|n| n.get_ref().trim()) == Some(project.as_str()))
                .map(|q| q.lines.len().max(1))
                .sum();
            if p.project.is_some()
                && written > 0
                && written == built.len()
                && !declared.matches(actual)
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
    Performance {
        unit,
        projects: tables,
        count_style: super::options::count_style(raw.count_style.as_ref(), ctx),
        untabled_amount: raw.untabled_amount.unwrap_or(false),
        funding: super::options::funding(raw.funding.as_ref(), ctx),
    }
}
