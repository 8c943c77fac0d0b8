//! 政府采购, 国有资产 and 绩效 sections.

use super::ctx::Ctx;
use super::text::TextRules;
use crate::model::budget::{
    Assets, CountValue, Indicator, Performance, Procurement, Project, ProjectPerformance,
    UnitPerformance,
};
use crate::model::raw::{RawAssets, RawCountValue, RawIndicator, RawPerformance, RawProcurement};
use std::collections::BTreeSet;

/// Validates `[procurement]`, checking the parts against a declared total.
pub fn procurement(raw: &RawProcurement, ctx: &mut Ctx<'_>) -> Option<Procurement> {
    let goods = ctx.amount(&raw.goods, "procurement.goods");
    let works = ctx.amount(&raw.works, "procurement.works");
    let services = ctx.amount(&raw.services, "procurement.services");
    let sme = ctx.amount(&raw.sme_reserved, "procurement.sme_reserved");
    let small = ctx.amount(
        &raw.small_micro_reserved,
        "procurement.small_micro_reserved",
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
        if let Some(total) = ctx.amount(t, "procurement.total") {
            if total != sum {
                ctx.error(
                    Some(t.span()),
                    "procurement.total",
                    format!(
                        "政府采购合计 {} 万元不等于货物、工程、服务之和 {} 万元（parts do not add up）",
                        total.grouped(),
                        sum.grouped()
                    ),
                    Some("合计由三项自动相加得出，可以删去 total"),
                );
            }
        }
    }
    if p.sme_reserved > sum {
        ctx.error(
            Some(raw.sme_reserved.span()),
            "procurement.sme_reserved",
            "面向中小企业预留金额超过政府采购预算（reserved exceeds total）",
            None,
        );
    }
    if p.small_micro_reserved > p.sme_reserved {
        ctx.error(
            Some(raw.small_micro_reserved.span()),
            "procurement.small_micro_reserved",
            "小微企业预留金额超过面向中小企业预留金额（small/micro exceeds SME reservation）",
            None,
        );
    }
    Some(p)
}

fn count_value(raw: &RawCountValue, key: &str, ctx: &mut Ctx<'_>) -> Option<CountValue> {
    let count = ctx.count(&raw.count, &format!("{key}.count"));
    let value = ctx.amount(&raw.value, &format!("{key}.value"));
    Some(CountValue {
        count: count?,
        value: value?,
    })
}

/// Validates `[assets]`.
pub fn assets(raw: &RawAssets, ctx: &mut Ctx<'_>) -> Option<Assets> {
    let building_area = ctx.amount(&raw.building_area, "assets.building_area");
    let building_value = ctx.amount(&raw.building_value, "assets.building_value");
    let general = count_value(&raw.general_vehicles, "assets.general_vehicles", ctx);
    let enforcement = count_value(
        &raw.enforcement_vehicles,
        "assets.enforcement_vehicles",
        ctx,
    );
    let other = count_value(&raw.other_vehicles, "assets.other_vehicles", ctx);
    let furniture = ctx.amount(&raw.furniture_value, "assets.furniture_value");
    let other_value = ctx.amount(&raw.other_value, "assets.other_value");
    let e50 = ctx.count(&raw.equipment_over_50, "assets.equipment_over_50");
    let e100 = ctx.count(&raw.equipment_over_100, "assets.equipment_over_100");
    let mut plan = |c: &Option<crate::model::raw::RawCount>, key: &str| {
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
    for (i, r) in raw.iter().enumerate() {
        let k = format!("{key}[{i}]");
        let mut t = |v: &Option<crate::model::raw::RawText>, f: &str| {
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
        let level1 = ctx.text(&r.level1, &format!("{k}.level1"), rules);
        let weight = r
            .weight
            .as_ref()
            .and_then(|w| ctx.count(w, &format!("{k}.weight")));
        if let Some(w) = weight {
            sum += w;
            any_weight = true;
        }
        out.push(Indicator {
            level1,
            level2,
            level3,
            value,
            basis,
            prior_value,
            weight,
            scoring,
            evidence,
        });
    }
    if any_weight && sum != weight_total {
        let span = raw.first().map(|r| r.level1.span());
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
pub fn performance(
    raw: &RawPerformance,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
    projects: &[Project],
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
        goal: ctx.text(&u.goal, "performance.unit.goal", rules),
        indicators: indicators(
            &u.indicators,
            "performance.unit.indicators",
            ctx,
            rules,
            weight_total,
        ),
    });
    let names: BTreeSet<&str> = projects.iter().map(|p| p.name.as_str()).collect();
    let mut seen = BTreeSet::new();
    let mut tables = Vec::new();
    for (i, p) in raw.projects.iter().enumerate() {
        let key = format!("performance.projects[{i}]");
        let project = ctx.text(&p.project, &format!("{key}.project"), rules);
        if !names.contains(project.as_str()) {
            ctx.error(
                Some(p.project.span()),
                &format!("{key}.project"),
                format!(
                    "绩效目标表对应的项目“{project}”在 [[projects]] 中不存在（no such project）"
                ),
                Some("project 必须与 [[projects]] 的 name 完全一致"),
            );
        }
        if !seen.insert(project.clone()) {
            ctx.error(
                Some(p.project.span()),
                &format!("{key}.project"),
                format!("项目“{project}”有两张绩效目标表（duplicate table）"),
                None,
            );
        }
        tables.push(ProjectPerformance {
            unit_name: ctx.unit_name(p.unit_name.as_ref(), &format!("{key}.unit_name"), rules),
            manager: ctx.opt_text(p.manager.as_ref(), &format!("{key}.manager"), rules),
            goal: ctx.text(&p.goal, &format!("{key}.goal"), rules),
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
    }
}
