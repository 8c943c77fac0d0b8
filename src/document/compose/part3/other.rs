//! 第三部分 十二 其他重要事项: （一） 机关运行经费, （二） 政府采购, （三） 国有资产, （四） 预算绩效
//! (in [`super::performance`]), （五） 其他需说明的事项.

use super::paragraph::{item, p, section, sub};
use super::performance;
use crate::budget::{Budget, ThreeKind};
use crate::derive::sentences::{amount_change, ReasonStyle};
use crate::derive::totals::project_counts;
use crate::derive::Figures;
use crate::document::model::{Block, Section};
use crate::money::{group_thousands, round2, Money};

/// 十二、其他重要事项.
pub fn other(b: &Budget, f: &Figures<'_>) -> Section {
    let mut blocks = vec![sub("（一）机关运行经费情况")];
    blocks.push(operating(b, f));
    blocks.push(sub("（二）政府采购情况"));
    blocks.extend(procurement(b));
    blocks.push(sub("（三）国有资产占用使用情况"));
    blocks.extend(assets(b));
    blocks.push(asset_plan(b, f));
    blocks.push(sub("（四）预算绩效情况"));
    blocks.extend(performance::blocks(b, f));
    blocks.push(sub("（五）其他需说明的事项"));
    blocks.extend(notes(b, f));
    section("其他重要事项的情况说明".into(), blocks)
}

/// （一）: the 机关运行经费 (the 一般公共预算 公用经费) and its change, naming the units it
/// covers when the file counts them.
fn operating(b: &Budget, f: &Figures<'_>) -> Block {
    let (name, year) = (&b.unit.name, b.unit.year);
    let covered = b
        .overview
        .operating_units
        .map(|(admin, inst)| {
            let parts: Vec<String> = [(admin, "行政单位"), (inst, "事业单位")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| format!("{n}家{w}"))
                .collect();
            format!("本级及下属{}", parts.join("和"))
        })
        .unwrap_or_default();
    let label = format!("{name}{covered}{year}年的机关运行经费财政拨款预算");
    p(amount_change(
        b.unit.display_unit,
        &label,
        f.general_split.public,
        None,
        b.prior.operating.as_ref(),
        ReasonStyle::Period,
        None,
    ))
}

/// （二）: the procurement budget by kind and what is reserved for small firms, or that
/// there is none.
fn procurement(b: &Budget) -> Vec<Block> {
    let (name, year) = (&b.unit.name, b.unit.year);
    let Some(pr) = &b.procurement else {
        return vec![p(format!("{year}年，{name}未安排政府采购预算。"))];
    };
    let total = pr.goods + pr.works + pr.services;
    vec![
        p(format!(
            "{year}年，{name}政府采购预算{}，其中：政府采购货物预算{}，政府采购工程预算{}，政府采购服务预算{}。",
            b.unit.money(total),
            b.unit.money(pr.goods),
            b.unit.money(pr.works),
            b.unit.money(pr.services)
        )),
        p(format!(
            "{year}年，{name}面向中小企业预留政府采购项目预算金额{}，小微企业预留政府采购项目预算金额{}。",
            b.unit.money(pr.sme_reserved),
            b.unit.money(pr.small_micro_reserved)
        )),
    ]
}

/// （三）: the assets held at the end of last year, item by item, and the large equipment.
fn assets(b: &Budget) -> Vec<Block> {
    let (name, year) = (&b.unit.name, b.unit.year);
    let a = &b.assets;
    let vehicles = [a.general_vehicles, a.enforcement_vehicles, a.other_vehicles];
    let (count, value) = vehicles
        .iter()
        .fold((0, Money::ZERO), |(c, v), x| (c + x.count, v + x.value));
    vec![
        p(format!(
            "截至{}年底，{name}占用使用国有资产总体情况为：",
            year - 1
        )),
        item(format!(
            "1. 房屋{}平方米，价值{}。",
            group_thousands(&format!("{:.2}", round2(a.building_area))),
            b.unit.money(a.building_value)
        )),
        item(format!(
            "2. 车辆{count}辆，价值{}；其中：一般公务用车{}辆，价值{}；执法执勤用车{}辆，价值{}；其他车辆{}辆，价值{}。",
            b.unit.money(value),
            a.general_vehicles.count,
            b.unit.money(a.general_vehicles.value),
            a.enforcement_vehicles.count,
            b.unit.money(a.enforcement_vehicles.value),
            a.other_vehicles.count,
            b.unit.money(a.other_vehicles.value)
        )),
        item(format!(
            "3. 办公家具价值{}。",
            b.unit.money(a.furniture_value)
        )),
        item(format!(
            "4. 其他资产价值{}。",
            b.unit.money(a.other_value)
        )),
        p(format!(
            "单位价值50万元以上大型设备{}台，单位价值100万元以上大型设备{}台。",
            a.equipment_over_50, a.equipment_over_100
        )),
    ]
}

/// （三）, last: what this year's budget buys — vehicles and large equipment.
fn asset_plan(b: &Budget, f: &Figures<'_>) -> Block {
    let (year, scope) = (b.unit.year, b.unit.scope.word());
    let a = &b.assets;
    let purchase = f.three_item(ThreeKind::VehiclePurchase);
    let vehicles = if a.plan_vehicles == 0 && purchase.is_zero() {
        "未安排购置车辆经费".to_string()
    } else {
        format!(
            "安排购置车辆{}辆，经费{}",
            a.plan_vehicles,
            b.unit.money(purchase)
        )
    };
    p(format!(
        "{year}年{scope}预算{vehicles}，安排购置50万元以上大型设备{}台，单位价值100万元以上大型设备{}台。",
        a.plan_equipment_over_50, a.plan_equipment_over_100
    ))
}

/// （五）其他需说明的事项: 涉密 and non-fiscal projects without a 绩效目标表, the notes.
fn notes(b: &Budget, f: &Figures<'_>) -> Vec<Block> {
    let c = project_counts(b, f);
    let scope = b.unit.scope.word();
    let mut blocks = Vec::new();
    if c.secret.0 > 0 {
        let reason = b
            .notes
            .secret_reason
            .clone()
            .unwrap_or_else(|| "涉密项目不公开项目绩效目标表".into());
        blocks.push(p(format!(
            "本{scope}当年财政拨款项目有{}个涉密项目，涉及预算资金{}，未公开绩效目标表原因：{}。",
            c.secret.0,
            b.unit.money(c.secret.1),
            reason.trim_end_matches('。')
        )));
    }
    if c.nonfiscal_untabled.0 > 0 {
        let reason = b
            .notes
            .nonfiscal_reason
            .clone()
            .unwrap_or_else(|| "非财政拨款项目未纳入绩效目标管理".into());
        blocks.push(p(format!(
            "本{scope}当年非财政拨款项目有{}个，涉及预算资金{}，未公开绩效目标表原因：{}。",
            c.nonfiscal_untabled.0,
            b.unit.money(c.nonfiscal_untabled.1),
            reason.trim_end_matches('。')
        )));
    }
    blocks.extend(b.notes.other.iter().map(|t| p(t.clone())));
    if blocks.is_empty() {
        blocks.push(p(format!("本{scope}无其他需说明事项。")));
    }
    blocks
}
