//! 政府采购 and 国有资产 sections.

use super::ctx::Ctx;
use super::spending::near;
use crate::budget::{Assets, CountValue, Procurement};
use crate::input::raw::{RawAssets, RawCountValue, RawProcurement};
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

/// The largest 房屋面积 a unit can report, in 平方米 (ten square kilometres of floor):
/// far above any budget unit's buildings, so a value above it is a slip (extra digits, or an
/// amount typed into the area).
const MAX_AREA: rust_decimal::Decimal =
    rust_decimal::Decimal::from_parts(10_000_000, 0, 0, false, 0);

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
        .and_then(|v| ctx.quantity(v, "assets.building_area", MAX_AREA, "平方米"));
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
