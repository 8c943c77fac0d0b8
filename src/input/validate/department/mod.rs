//! What a department that sums its units may not write itself: every amount is the sum of
//! the units' files (the 本级's amounts are in the 本级's own unit file), so an amount in
//! the department file would be counted beside them or contradict them.

mod reasons;

pub use reasons::reasons;

use crate::diagnostic::header_span;
use crate::input::raw::RawBudget;
use crate::input::validate::Ctx;
use std::ops::Range;

const HINT: &str = "汇总的部门文件只写文字（概况、用途、部门整体绩效、说明、名词解释）和变动原因；金额写在各单位文件里，本级的金额写在本级的单位文件中";

/// Reports every amount-bearing entry of a consolidating department file, located, and a
/// scope other than 部门.
pub fn refuse_own_amounts(raw: &RawBudget, ctx: &mut Ctx<'_>) {
    let first = |spans: &[Option<Range<usize>>]| spans.iter().flatten().next().cloned();
    for (i, l) in raw.basic.iter().enumerate() {
        let span = first(&[&l.code, &l.amount].map(|f| f.as_ref().map(|v| v.span())));
        refuse(ctx, span, &format!("basic[{i}]"), "基本支出");
    }
    for (i, l) in raw.basic_economic.iter().enumerate() {
        let span = first(&[&l.code, &l.amount].map(|f| f.as_ref().map(|v| v.span())));
        refuse(
            ctx,
            span,
            &format!("basic_economic[{i}]"),
            "基本支出（经济分类）",
        );
    }
    for (i, p) in raw.projects.iter().enumerate() {
        let span = first(&[
            p.name.as_ref().map(|v| v.span()),
            p.code.as_ref().map(|v| v.span()),
            p.amount.as_ref().map(|v| v.span()),
        ]);
        refuse(ctx, span, &format!("projects[{i}]"), "项目支出");
    }
    if let Some(p) = &raw.procurement {
        refuse(ctx, Some(p.span()), "procurement", "政府采购预算");
    }
    if let Some(a) = &raw.assets {
        let span =
            first(&[&a.building_area, &a.building_value].map(|f| f.as_ref().map(|v| v.span())));
        refuse(ctx, span, "assets", "国有资产");
    }
    if let Some(s) = raw.overview.as_ref().and_then(|o| o.staffing.as_ref()) {
        let span = first(&[&s.authorized, &s.in_service].map(|f| f.as_ref().map(|v| v.span())));
        refuse(ctx, span, "overview.staffing", "人员情况");
    }
    if let Some(scope) = raw
        .unit
        .as_ref()
        .and_then(|u| u.scope.as_ref())
        .filter(|s| s.get_ref().trim() != "部门")
    {
        ctx.error(
            Some(scope.span()),
            "unit.scope",
            format!(
                "只有部门文件（scope = \"部门\"）可以汇总下属单位，这里是“{}”（consolidation needs scope 部门）",
                scope.get_ref().trim()
            ),
            Some("汇总下属单位时写 scope = \"部门\"；单位文件删去 [consolidate]"),
        );
    }
}

fn refuse(ctx: &mut Ctx<'_>, span: Option<Range<usize>>, key: &str, what: &str) {
    let span = span.or_else(|| header_span(ctx.src, key));
    ctx.error(
        span,
        key,
        format!("汇总的部门文件不写自己的{what}：部门的数字是各单位文件之和（amounts in a consolidating department）"),
        Some(HINT),
    );
}
