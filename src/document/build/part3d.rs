//! 第三部分 十二: 机关运行经费, 政府采购, 国有资产, 预算绩效, 其他事项.

use super::part3a::{item, p};
use super::perf::{project_tables, unit_table};
use crate::budget::options::CountStyle;
use crate::budget::{Budget, ThreeKind};
use crate::derive::sentences::{amount_change, ReasonStyle};
use crate::derive::totals::project_counts;
use crate::derive::Figures;
use crate::document::model::{Block, Section};
use crate::money::Money;

fn sub(t: &str) -> Block {
    Block::Subheading {
        text: t.to_string(),
    }
}

/// 十二、其他重要事项.
pub fn other(b: &Budget, f: &Figures<'_>) -> Section {
    let (name, year, scope) = (&b.unit.name, b.unit.year, b.unit.scope.word());
    let mut blocks = vec![sub("（一）机关运行经费情况")];
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
    blocks.push(p(amount_change(
        b.unit.display_unit,
        &label,
        f.general_split.public,
        None,
        b.prior.operating.as_ref(),
        ReasonStyle::Period,
        None,
    )));
    blocks.push(sub("（二）政府采购情况"));
    match &b.procurement {
        Some(pr) => {
            let total = pr.goods + pr.works + pr.services;
            blocks.push(p(format!(
                "{year}年，{name}政府采购预算{}，其中：政府采购货物预算{}，政府采购工程预算{}，政府采购服务预算{}。",
                b.unit.money(total),
                b.unit.money(pr.goods),
                b.unit.money(pr.works),
                b.unit.money(pr.services)
            )));
            blocks.push(p(format!(
                "{year}年，{name}面向中小企业预留政府采购项目预算金额{}，小微企业预留政府采购项目预算金额{}。",
                b.unit.money(pr.sme_reserved),
                b.unit.money(pr.small_micro_reserved)
            )));
        }
        None => blocks.push(p(format!("{year}年，{name}未安排政府采购预算。"))),
    }
    blocks.push(sub("（三）国有资产占用使用情况"));
    let a = &b.assets;
    let vehicles = [a.general_vehicles, a.enforcement_vehicles, a.other_vehicles];
    let (count, value) = vehicles
        .iter()
        .fold((0, Money::ZERO), |(c, v), x| (c + x.count, v + x.value));
    blocks.push(p(format!(
        "截至{}年底，{name}占用使用国有资产总体情况为：",
        year - 1
    )));
    blocks.push(item(format!(
        "1. 房屋{}平方米，价值{}。",
        crate::money::group_thousands(&format!("{:.2}", crate::money::round2(a.building_area))),
        b.unit.money(a.building_value)
    )));
    blocks.push(item(format!(
        "2. 车辆{count}辆，价值{}；其中：一般公务用车{}辆，价值{}；执法执勤用车{}辆，价值{}；其他车辆{}辆，价值{}。",
        b.unit.money(value),
        a.general_vehicles.count,
        b.unit.money(a.general_vehicles.value),
        a.enforcement_vehicles.count,
        b.unit.money(a.enforcement_vehicles.value),
        a.other_vehicles.count,
        b.unit.money(a.other_vehicles.value)
    )));
    blocks.push(item(format!(
        "3. 办公家具价值{}。",
        b.unit.money(a.furniture_value)
    )));
    blocks.push(item(format!(
        "4. 其他资产价值{}。",
        b.unit.money(a.other_value)
    )));
    blocks.push(p(format!(
        "单位价值50万元以上大型设备{}台，单位价值100万元以上大型设备{}台。",
        a.equipment_over_50, a.equipment_over_100
    )));
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
    blocks.push(p(format!(
        "{year}年{scope}预算{vehicles}，安排购置50万元以上大型设备{}台，单位价值100万元以上大型设备{}台。",
        a.plan_equipment_over_50, a.plan_equipment_over_100
    )));
    blocks.push(sub("（四）预算绩效情况"));
    blocks.extend(performance(b, f));
    blocks.push(sub("（五）其他需说明的事项"));
    blocks.extend(notes(b, f));
    super::part3a::section("其他重要事项的情况说明".into(), blocks)
}

fn performance(b: &Budget, f: &Figures<'_>) -> Vec<Block> {
    let c = project_counts(b, f);
    let unit = unit_table(b, f);
    let money = |m: Money| b.unit.money(m);
    let mut clauses = Vec::new();
    if unit.is_some() {
        let amount = f.performance_funding(&b.performance.funding).total();
        clauses.push(format!("整体预算绩效目标1个，涉及金额{}", money(amount)));
    }
    match b.performance.count_style {
        CountStyle::Split => {
            clauses.push(format!(
                "当年财政拨款项目{}个，涉及预算金额{}",
                c.fiscal.0,
                money(c.fiscal.1)
            ));
            clauses.push(format!(
                "当年非财政拨款项目{}个，涉及预算金额{}",
                c.nonfiscal.0,
                money(c.nonfiscal.1)
            ));
        }
        CountStyle::Total => clauses.push(format!(
            "当年预算安排项目共{}个，涉及预算金额{}",
            c.all.0,
            money(c.all.1)
        )),
    }
    // The amount published without a table: of the non-fiscal projects when they are
    // counted apart, of all projects when they are counted together.
    let untabled = match b.performance.count_style {
        CountStyle::Split => c.nonfiscal_untabled.1,
        CountStyle::Total => c.untabled.1,
    };
    if b.performance.untabled_amount && !untabled.is_zero() {
        if let Some(last) = clauses.last_mut() {
            last.push_str(&format!(
                "，其中未公开绩效目标表涉及金额{}",
                money(untabled)
            ));
        }
    }
    let mut blocks = vec![p(format!(
        "{}年，本{}预算绩效管理{}。具体情况见下表（按项目分别填报）：",
        b.unit.year,
        b.unit.scope.word(),
        clauses.join("；"),
    ))];
    blocks.extend(unit.map(Block::Table));
    blocks.extend(project_tables(b, f).into_iter().map(Block::Table));
    blocks
}

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
