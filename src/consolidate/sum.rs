//! The sum of the units' amounts: basic lines rolled up by (功能分类 项, source), the
//! economic cut by (经济分类 款, source), projects kept apart per unit, and 政府采购, 国有资产
//! and staffing added up. Every addition is exact and checked.

use crate::budget::codes::{EconCode, FuncCode};
use crate::budget::source::Source;
use crate::budget::{
    Assets, BasicLine, CountValue, EconomicLine, HeadCount, Member, Procurement, Project,
    ProjectId, ProjectPerformance, Staffing,
};
use crate::derive::figures::{line_split, split_known};
use crate::input::validate::MAX_COUNT;
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
            p.undertaker.get_or_insert_with(|| m.label());
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

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use std::path::Path;
    use std::sync::Arc;

    pub const OWN: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/consolidate/本级.toml"
    ));
    pub const SCHOOL: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/consolidate/二中.toml"
    ));

    /// A unit of a test department, loaded from its source.
    pub fn member(src: &str) -> Member {
        let (b, diags) = crate::input::load_str(src, Path::new("."));
        let budget = b.unwrap_or_else(|| panic!("{diags:?}"));
        assert!(!diags.iter().any(|d| d.is_error()), "{diags:#?}");
        Member {
            name: budget.unit.name.clone(),
            own: false,
            file: Arc::new(SourceFile {
                name: "unit.toml".into(),
                src: src.into(),
            }),
            budget,
        }
    }

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    fn line<'l>(lines: &'l [BasicLine], code: &str, source: Source) -> &'l BasicLine {
        lines
            .iter()
            .find(|l| l.code.as_str() == code && l.source == source)
            .unwrap()
    }

    /// Lines of the same 项 and source add up exactly, one file in 万元 and one in 元.
    #[test]
    fn basic_lines_roll_up_by_code_and_source_exactly() {
        let members = [member(OWN), member(SCHOOL)];
        let mut add = Adder::default();
        let lines = basic(&members, &mut add);
        assert!(add.overflow.is_none());
        let housing = line(&lines, "2210201", Source::General);
        assert_eq!(housing.amount, m("40.00005"), "10.00万元 + 300,000.50元");
        assert_eq!(line(&lines, "2080505", Source::General).amount, m("55.20"));
        assert_eq!(
            line(&lines, "2050203", Source::OperatingRevenue).amount,
            m("10")
        );
        let total: Money = lines.iter().map(|l| l.amount).sum();
        let parts: Money = members
            .iter()
            .flat_map(|m| &m.budget.basic)
            .map(|l| l.amount)
            .sum();
        assert_eq!(total, parts);
        assert_eq!(lines.len(), 5, "2210201 and 2080505 are one line each");
        let econ = economic(&members, &mut add);
        let office = econ
            .iter()
            .find(|l| l.code.as_str() == "30201" && l.source == Source::General)
            .unwrap();
        assert_eq!(office.amount, m("56.178912"));
    }

    /// The 本级 with a 事业收入 line whose economic cut is `econ`.
    fn own_with_revenue(econ: &str) -> String {
        OWN.replace(
            "[prior.income]",
            &format!(
                "[[basic]]\ncode = \"2050203\"\nsource = \"事业收入\"\namount = \"1.00\"\n\n{econ}\n\n[prior.income]\nunit_funds = {{ amount = \"1.00\" }}\n"
            ),
        )
    }

    /// A summed line is split as its units split it: given when every unit can tell its
    /// split, none when one cannot (the department never guesses).
    #[test]
    fn a_summed_line_is_split_only_when_every_unit_can_tell() {
        let public =
            "[[basic_economic]]\ncode = \"30201\"\nsource = \"事业收入\"\namount = \"1.00\"";
        let members = [member(&own_with_revenue(public)), member(SCHOOL)];
        let lines = basic(&members, &mut Adder::default());
        let revenue = line(&lines, "2050203", Source::OperatingRevenue);
        assert_eq!(revenue.amount, m("11"));
        assert_eq!(
            revenue.personnel,
            Some(Money::ZERO),
            "公用经费 in both units"
        );
        let mixed = format!(
            "{}\n\n[[basic_economic]]\ncode = \"30101\"\nsource = \"事业收入\"\namount = \"0.50\"",
            public.replace("\"1.00\"", "\"0.50\"")
        );
        let members = [member(&own_with_revenue(&mixed)), member(SCHOOL)];
        let lines = basic(&members, &mut Adder::default());
        let revenue = line(&lines, "2050203", Source::OperatingRevenue);
        assert_eq!(revenue.amount, m("11"));
        assert_eq!(revenue.personnel, None);
    }

    /// Two units' projects of the same name stay two projects, each with its unit.
    #[test]
    fn projects_stay_apart_per_unit() {
        let mut own = member(OWN);
        own.own = true;
        let members = [own, member(SCHOOL)];
        let offsets = offsets(&members);
        assert_eq!(offsets, vec![0, 2]);
        let ps = projects(&members, &offsets);
        let named: Vec<_> = ps.iter().filter(|p| p.name == "教育信息化建设").collect();
        assert_eq!(named.len(), 2);
        assert_ne!(named[0].id, named[1].id);
        assert_eq!(named[0].member, Some(0));
        assert_eq!(named[1].member, Some(1));
        assert_eq!(named[1].undertaker.as_deref(), Some("示例县第二中学"));
        let tables = project_tables(&members, &offsets);
        assert_eq!(tables[1].id, Some(named[1].id));
        assert_eq!(tables[1].unit_name, "示例县第二中学");
    }

    #[test]
    fn procurement_assets_and_staffing_add_up() {
        let members = [member(OWN), member(SCHOOL)];
        let mut add = Adder::default();
        let p = procurement(&members, &mut add).unwrap();
        assert_eq!((p.goods, p.services), (m("32"), m("15")));
        let a = assets(&members, &mut add);
        assert_eq!(a.building_area.to_string(), "9200.75");
        assert_eq!(a.building_value, m("2760"));
        assert_eq!(a.other_vehicles.count, 1);
        let s = staffing(&members, &mut add);
        assert_eq!(
            (s.authorized, s.in_service.now, s.in_service.prior),
            (100, 94, 95)
        );
        assert!(add.overflow.is_none());
    }

    #[test]
    fn an_overflowing_sum_is_recorded_not_panicked() {
        let mut add = Adder::default();
        let big = m("999999999999");
        assert_eq!(add.money(big, big, "基本支出"), big);
        assert_eq!(add.count(MAX_COUNT, 1, "人数"), MAX_COUNT);
        assert_eq!(add.overflow.as_deref(), Some("基本支出"));
    }
}
