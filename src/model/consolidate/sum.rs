//! The sum of the units' amounts: basic lines rolled up by (功能分类 项, source), the
//! economic cut by (经济分类 款, source), projects kept apart per unit, and 政府采购, 国有资产
//! and staffing added up. Every addition is exact and checked.

use crate::derive::figures::{line_split, split_known};
use crate::model::budget::{
    Assets, BasicLine, CountValue, EconomicLine, HeadCount, Member, Procurement, Project,
    ProjectId, ProjectPerformance, Staffing,
};
use crate::model::codes::{EconCode, FuncCode};
use crate::model::source::Source;
use crate::model::validate::MAX_COUNT;
use crate::money::{Money, MAX_WAN};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Checked addition that remembers the first sum out of range instead of panicking.
#[derive(Debug, Default)]
pub struct Adder {
    /// What overflowed first, for the error message.
    pub overflow: Option<String>,
}

impl Adder {
    /// `a + b`, or `a` (and the overflow recorded) when the sum is out of range.
    pub fn money(&mut self, a: Money, b: Money, what: &str) -> Money {
        a.checked_add(b).unwrap_or_else(|| self.fail(a, what))
    }

    /// A count `a + b`, at most [`MAX_COUNT`].
    pub fn count(&mut self, a: u32, b: u32, what: &str) -> u32 {
        a.checked_add(b)
            .filter(|n| *n <= MAX_COUNT)
            .unwrap_or_else(|| self.fail(a, what))
    }

    /// A quantity `a + b` (square metres).
    pub fn decimal(&mut self, a: Decimal, b: Decimal, what: &str) -> Decimal {
        a.checked_add(b)
            .filter(|d| *d < MAX_WAN)
            .unwrap_or_else(|| self.fail(a, what))
    }

    fn fail<T>(&mut self, keep: T, what: &str) -> T {
        self.overflow.get_or_insert_with(|| what.to_string());
        keep
    }
}

/// Basic spending by (功能分类 项, source). The 人员/公用 split of a summed line is given
/// (`personnel`) when every unit's line has a known split, so the department splits each
/// line as its units do.
pub fn basic(members: &[Member], add: &mut Adder) -> Vec<BasicLine> {
    let mut lines: BTreeMap<(FuncCode, Source), (Money, Option<Money>)> = BTreeMap::new();
    for m in members {
        for l in &m.budget.basic {
            let slot = lines
                .entry((l.code.clone(), l.source))
                .or_insert((Money::ZERO, Some(Money::ZERO)));
            slot.0 = add.money(slot.0, l.amount, "基本支出");
            slot.1 = match (slot.1, split_known(&m.budget, l)) {
                (Some(p), true) => {
                    Some(add.money(p, line_split(&m.budget, l).personnel, "人员经费"))
                }
                _ => None,
            };
        }
    }
    lines
        .into_iter()
        .map(|((code, source), (amount, personnel))| BasicLine {
            code,
            source,
            amount,
            personnel,
            span: None,
        })
        .collect()
}

/// Basic spending by (经济分类 款, source).
pub fn economic(members: &[Member], add: &mut Adder) -> Vec<EconomicLine> {
    let mut lines: BTreeMap<(EconCode, Source), Money> = BTreeMap::new();
    for l in members.iter().flat_map(|m| &m.budget.basic_economic) {
        let slot = lines.entry((l.code.clone(), l.source)).or_default();
        *slot = add.money(*slot, l.amount, "基本支出（经济分类）");
    }
    lines
        .into_iter()
        .map(|((code, source), amount)| EconomicLine {
            code,
            source,
            amount,
            span: None,
        })
        .collect()
}

/// The first project id of each member in the department: each unit's ids moved past the
/// previous units', so two units' projects of the same name stay two projects.
pub fn offsets(members: &[Member]) -> Vec<usize> {
    let mut next = 0;
    members
        .iter()
        .map(|m| {
            let first = next;
            next += m
                .budget
                .projects
                .iter()
                .map(|p| p.id.0 + 1)
                .max()
                .unwrap_or(0);
            first
        })
        .collect()
}

/// Every unit's project lines, unit by unit, each carrying its unit (and the unit as its
/// 项目承担单位 where the unit's file names none).
pub fn projects(members: &[Member], offsets: &[usize]) -> Vec<Project> {
    let mut out = Vec::new();
    for (k, (m, offset)) in members.iter().zip(offsets).enumerate() {
        for p in &m.budget.projects {
            let mut p = p.clone();
            p.id = ProjectId(p.id.0 + offset);
            p.member = Some(k);
            p.span = None;
            p.undertaker.get_or_insert_with(|| m.name.clone());
            out.push(p);
        }
    }
    out
}

/// Every unit's 项目支出绩效目标表, unit by unit, pointing at the department's project ids.
pub fn project_tables(members: &[Member], offsets: &[usize]) -> Vec<ProjectPerformance> {
    let mut out = Vec::new();
    for (m, offset) in members.iter().zip(offsets) {
        for t in &m.budget.performance.projects {
            let mut t = t.clone();
            t.id = t.id.map(|id| ProjectId(id.0 + offset));
            out.push(t);
        }
    }
    out
}

/// 政府采购: the sum of the units that have some; none when no unit has any.
pub fn procurement(members: &[Member], add: &mut Adder) -> Option<Procurement> {
    let mut out: Option<Procurement> = None;
    for p in members.iter().filter_map(|m| m.budget.procurement.as_ref()) {
        out = Some(match out {
            None => p.clone(),
            Some(s) => Procurement {
                goods: add.money(s.goods, p.goods, "政府采购"),
                works: add.money(s.works, p.works, "政府采购"),
                services: add.money(s.services, p.services, "政府采购"),
                sme_reserved: add.money(s.sme_reserved, p.sme_reserved, "政府采购"),
                small_micro_reserved: add.money(
                    s.small_micro_reserved,
                    p.small_micro_reserved,
                    "政府采购",
                ),
            },
        });
    }
    out
}

fn count_value(a: CountValue, b: CountValue, add: &mut Adder) -> CountValue {
    CountValue {
        count: add.count(a.count, b.count, "车辆数"),
        value: add.money(a.value, b.value, "车辆价值"),
    }
}

/// 国有资产: every figure added up.
pub fn assets(members: &[Member], add: &mut Adder) -> Assets {
    let mut s = Assets::default();
    for a in members.iter().map(|m| &m.budget.assets) {
        s.building_area = add.decimal(s.building_area, a.building_area, "房屋面积");
        s.building_value = add.money(s.building_value, a.building_value, "房屋价值");
        s.general_vehicles = count_value(s.general_vehicles, a.general_vehicles, add);
        s.enforcement_vehicles = count_value(s.enforcement_vehicles, a.enforcement_vehicles, add);
        s.other_vehicles = count_value(s.other_vehicles, a.other_vehicles, add);
        s.furniture_value = add.money(s.furniture_value, a.furniture_value, "办公家具价值");
        s.other_value = add.money(s.other_value, a.other_value, "其他资产价值");
        for (sum, n) in [
            (&mut s.equipment_over_50, a.equipment_over_50),
            (&mut s.equipment_over_100, a.equipment_over_100),
            (&mut s.plan_vehicles, a.plan_vehicles),
            (&mut s.plan_equipment_over_50, a.plan_equipment_over_50),
            (&mut s.plan_equipment_over_100, a.plan_equipment_over_100),
        ] {
            *sum = add.count(*sum, n, "资产数量");
        }
    }
    s
}

/// 编制与人员: every count added up.
pub fn staffing(members: &[Member], add: &mut Adder) -> Staffing {
    let mut s = Staffing::default();
    let head = |sum: HeadCount, h: HeadCount, add: &mut Adder| HeadCount {
        now: add.count(sum.now, h.now, "人数"),
        prior: add.count(sum.prior, h.prior, "人数"),
    };
    for u in members.iter().map(|m| &m.budget.overview.staffing) {
        s.authorized = add.count(s.authorized, u.authorized, "编制数");
        s.in_service = head(s.in_service, u.in_service, add);
        s.retired = head(s.retired, u.retired, add);
        s.veteran = head(s.veteran, u.veteran, add);
    }
    s
}
