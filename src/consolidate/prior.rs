//! 上年预算 of a department: each figure the sum of the units' figures (present when some
//! unit gives it), with the department's own reason for the change of the sum. A summed
//! figure without a reason is located in the department file, where the reason belongs; a
//! reason for a figure no unit gives is reported, never printed.

use super::sum::Adder;
use crate::budget::codes::FuncCode;
use crate::budget::{Comparison, IncomeKind, Member, Prior, PriorSplit, ThreeKind};
use crate::diagnostic::header_span;
use crate::input::validate::Ctx;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// Sums and reasons together, reporting in the department file.
struct Join<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    add: &'c mut Adder,
    fallback: Option<Range<usize>>,
}

impl Join<'_, '_> {
    /// The sum of the units' comparisons that exist; `None` when no unit gives one.
    fn sum<'m>(&mut self, all: impl Iterator<Item = Option<&'m Comparison>>) -> Option<Comparison> {
        let mut out: Option<Comparison> = None;
        for c in all.flatten() {
            let prior = match &out {
                Some(s) => self.add.money(s.prior, c.prior, "上年预算数"),
                None => c.prior,
            };
            out = Some(Comparison {
                prior,
                reason: None,
                span: None,
            });
        }
        out
    }

    /// A summed figure with the department's reason (and its place, or the place the
    /// reason would go).
    fn join(
        &mut self,
        summed: Option<Comparison>,
        reason: Option<&Comparison>,
        key: &str,
    ) -> Option<Comparison> {
        match (summed, reason) {
            (Some(mut s), Some(r)) => {
                s.reason.clone_from(&r.reason);
                s.span.clone_from(&r.span);
                Some(s)
            }
            (Some(mut s), None) => {
                s.span = header_span(self.ctx.src, key).or_else(|| self.fallback.clone());
                Some(s)
            }
            (None, Some(r)) => {
                self.ctx.error(
                    r.span.clone(),
                    key,
                    "没有哪个单位文件写了这一项的上年预算数，这条变动原因不会印出（unused entry）",
                    Some("检查键名是否写错；没有这一项时删去这条原因"),
                );
                None
            }
            (None, None) => None,
        }
    }

    fn split(
        &mut self,
        members: &[Member],
        of: fn(&Prior) -> &PriorSplit,
        reasons: &PriorSplit,
        key: &str,
    ) -> PriorSplit {
        let basic = self.sum(members.iter().map(|m| of(&m.budget.prior).basic.as_ref()));
        let project = self.sum(members.iter().map(|m| of(&m.budget.prior).project.as_ref()));
        PriorSplit {
            basic: self.join(basic, reasons.basic.as_ref(), &format!("{key}.basic")),
            project: self.join(project, reasons.project.as_ref(), &format!("{key}.project")),
        }
    }
}

/// The department's 上年预算: the units' figures summed, the department's reasons
/// attached. `fallback` locates a missing reason when the department has no `[prior…]`
/// section to point at.
pub fn prior(
    members: &[Member],
    reasons: &Prior,
    add: &mut Adder,
    ctx: &mut Ctx<'_>,
    fallback: Option<Range<usize>>,
) -> Prior {
    let mut j = Join { ctx, add, fallback };
    let mut income = BTreeMap::new();
    for kind in &IncomeKind::ALL {
        let summed = j.sum(members.iter().map(|m| m.budget.prior.income.get(kind)));
        let key = format!("prior.income.{}", kind.key());
        if let Some(c) = j.join(summed, reasons.income.get(kind), &key) {
            income.insert(*kind, c);
        }
    }
    let codes: BTreeSet<&FuncCode> = members
        .iter()
        .flat_map(|m| m.budget.prior.items.keys())
        .chain(reasons.items.keys())
        .collect();
    let mut items = BTreeMap::new();
    for code in codes {
        let summed = j.sum(members.iter().map(|m| m.budget.prior.items.get(code)));
        if let Some(c) = j.join(summed, reasons.items.get(code), "prior.items") {
            items.insert(code.clone(), c);
        }
    }
    let mut three_public = BTreeMap::new();
    for kind in &ThreeKind::ALL {
        let summed = j.sum(
            members
                .iter()
                .map(|m| m.budget.prior.three_public.get(kind)),
        );
        let key = format!("prior.three_public.{}", kind.key());
        if let Some(c) = j.join(summed, reasons.three_public.get(kind), &key) {
            three_public.insert(*kind, c);
        }
    }
    let operating = j.sum(members.iter().map(|m| m.budget.prior.operating.as_ref()));
    Prior {
        income,
        spending: j.split(
            members,
            |p| &p.spending,
            &reasons.spending,
            "prior.spending",
        ),
        general_budget: j.split(
            members,
            |p| &p.general_budget,
            &reasons.general_budget,
            "prior.general_budget",
        ),
        items,
        three_public,
        operating: j.join(operating, reasons.operating.as_ref(), "prior.operating"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidate::sum::tests::{member, OWN, SCHOOL};
    use crate::input::raw::RawPrior;
    use crate::money::Money;

    #[derive(serde::Deserialize)]
    struct Dept {
        prior: RawPrior,
    }

    /// The department's reasons over the units' summed figures.
    fn summed(dept: &str) -> (Prior, Vec<crate::diagnostic::Diagnostic>) {
        let raw: Dept = toml::from_str(dept).unwrap();
        let mut ctx = Ctx::new(dept);
        let rules = crate::input::validate::TextRules::new("示例县教育局", &[], Some(2025));
        let reasons = crate::input::validate::department::reasons(&raw.prior, &mut ctx, &rules);
        let members = [member(OWN), member(SCHOOL)];
        let p = prior(
            &members,
            &reasons,
            &mut Adder::default(),
            &mut ctx,
            Some(0..1),
        );
        (p, ctx.diags)
    }

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    #[test]
    fn last_years_figures_are_summed_with_the_departments_reasons() {
        let dept = "[prior.income]\ngeneral = { reason = \"学校经费增加\" }\n";
        let (p, diags) = summed(dept);
        assert!(diags.is_empty(), "{diags:?}");
        let general = &p.income[&IncomeKind::General];
        assert_eq!(general.prior, m("630"), "180.00万元 + 4,500,000.00元");
        assert_eq!(general.reason.as_deref(), Some("学校经费增加"));
        assert_eq!(general.span, dept.find("\"学校").map(|s| s..s + 20));
        let unit_funds = &p.income[&IncomeKind::UnitFunds];
        assert_eq!(unit_funds.prior, m("15"));
        assert_eq!(
            unit_funds.reason, None,
            "a unit's reason is not the department's"
        );
        assert_eq!(p.items[&FuncCode::parse("2210201").unwrap()].prior, m("40"));
        assert_eq!(p.three_public[&ThreeKind::Reception].prior, m("2"));
        assert_eq!(p.operating.as_ref().map(|c| c.prior), Some(m("70")));
    }

    #[test]
    fn a_reason_for_a_figure_no_unit_gives_is_reported() {
        let (p, diags) = summed("[prior.income]\nfund = { reason = \"基金增加\" }\n");
        assert!(!p.income.contains_key(&IncomeKind::Fund));
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("unused entry"), "{diags:?}");
        assert_eq!(diags[0].key, "prior.income.fund");
    }

    #[test]
    fn an_amount_in_the_department_is_refused() {
        let (_, diags) =
            summed("[prior.income]\ngeneral = { amount = \"1.00\", reason = \"x\" }\n");
        assert!(diags.iter().any(|d| d.key == "prior.income.general.amount"
            && d.message.contains("amount in a consolidating department")));
    }
}
