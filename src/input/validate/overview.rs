//! `[overview]`: 主要职能 (numbering chosen, never typed), offices, staffing, and the
//! subordinate units a consolidated 机关运行经费 covers.

use super::ctx::Ctx;
use super::options;
use super::spending;
use super::text::TextRules;
use crate::budget::{HeadCount, Overview, Staffing};
use crate::diagnostic::header_span;
use crate::input::raw::RawOverview;

/// `[overview.operating_units]`: (行政单位, 事业单位), at least one of them.
fn operating_units(raw: &RawOverview, ctx: &mut Ctx<'_>) -> Option<(u32, u32)> {
    let u = raw.operating_units.as_ref()?;
    let key = "overview.operating_units";
    let a = u
        .administrative
        .as_ref()
        .and_then(|c| ctx.count(c, &format!("{key}.administrative")));
    let i = u
        .institutions
        .as_ref()
        .and_then(|c| ctx.count(c, &format!("{key}.institutions")));
    // A count that could not be read was reported already; the two are not known to be 0.
    if (u.administrative.is_some() && a.is_none()) || (u.institutions.is_some() && i.is_none()) {
        return None;
    }
    if a.unwrap_or(0) + i.unwrap_or(0) == 0 {
        let span = [&u.administrative, &u.institutions]
            .iter()
            .find_map(|c| c.as_ref().map(|c| c.span()))
            .or_else(|| header_span(ctx.src, key));
        ctx.error(
            span,
            key,
            "下属单位家数都是0或都没写：没有下属单位时删去 operating_units（no subordinate units）",
            Some("写 administrative（行政单位家数）和/或 institutions（事业单位家数）"),
        );
        return None;
    }
    Some((a.unwrap_or(0), i.unwrap_or(0)))
}

/// Numbering typed into a function's text, which `functions_numbering` already prints.
fn typed_numbering(raw: &RawOverview, ctx: &mut Ctx<'_>) {
    for (i, t) in raw.functions.iter().enumerate() {
        if let Some(n) = options::typed_numbering(t.get_ref()) {
            ctx.error(
                Some(t.span()),
                &format!("overview.functions[{i}]"),
                format!("职能文字自带编号“{n}”：编号由 gongkai 按 functions_numbering 打印（numbering typed into the text）"),
                Some("删去文字开头的编号；要换编号样式，设置 [overview] functions_numbering = \"（一）\"、\"(1)\"、\"1.\" 或 \"none\""),
            );
        }
    }
}

/// `[overview]`: functions, offices, staffing (checked against 实有人数). A department that
/// sums its units (`consolidating`) gives no staffing: it is their sum.
pub fn overview(
    raw: &RawOverview,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
    consolidating: bool,
) -> Option<Overview> {
    typed_numbering(raw, ctx);
    let list =
        |ctx: &mut Ctx<'_>, items: &[crate::input::raw::RawText], key: &str| -> Vec<String> {
            items
                .iter()
                .enumerate()
                .map(|(i, t)| ctx.text(t, &format!("{key}[{i}]"), rules))
                .collect()
        };
    let staffing = match (&raw.staffing, consolidating) {
        (Some(s), false) => staffing(s, ctx),
        // Refused in a consolidating department (see `consolidate::refuse_own_amounts`).
        (_, true) => Some(Staffing::default()),
        (None, false) => {
            ctx.required(&raw.staffing, "overview.staffing", None);
            None
        }
    };
    Some(Overview {
        functions_intro: ctx.opt_text(
            raw.functions_intro.as_ref(),
            "overview.functions_intro",
            rules,
        ),
        functions: list(ctx, &raw.functions, "overview.functions"),
        functions_numbering: options::numbering(raw.functions_numbering.as_ref(), ctx),
        subordinates: list(ctx, &raw.subordinates, "overview.subordinates"),
        office_word: raw
            .office_word
            .as_ref()
            .map(|w| ctx.text(w, "overview.office_word", rules))
            .unwrap_or_else(|| "处室".into()),
        offices: list(ctx, &raw.offices, "overview.offices"),
        operating_units: operating_units(raw, ctx),
        staffing: staffing?,
    })
}

/// `[overview.staffing]`, 实有人数 checked when given.
fn staffing(s: &crate::input::raw::RawStaffing, ctx: &mut Ctx<'_>) -> Option<Staffing> {
    let near = spending::near(
        &[&s.authorized, &s.in_service, &s.retired, &s.veteran]
            .map(|f| f.as_ref().map(|v| v.span())),
    );
    let mut head = |now: &Option<crate::input::raw::RawCount>,
                    prior: &Option<crate::input::raw::RawCount>,
                    key: &str| {
        let n = ctx.req_count(now, &format!("overview.staffing.{key}"), near.clone());
        let p = ctx.req_count(
            prior,
            &format!("overview.staffing.{key}_prior"),
            near.clone(),
        );
        Some(HeadCount { now: n?, prior: p? })
    };
    let in_service = head(&s.in_service, &s.in_service_prior, "in_service");
    let retired = head(&s.retired, &s.retired_prior, "retired");
    let veteran = head(&s.veteran, &s.veteran_prior, "veteran");
    let authorized = ctx.req_count(&s.authorized, "overview.staffing.authorized", near.clone());
    let staffing = Staffing {
        authorized: authorized?,
        in_service: in_service?,
        retired: retired?,
        veteran: veteran?,
    };
    ctx.rules(
        &staffing,
        "overview.staffing",
        s.authorized.as_ref().map(|a| a.span()),
    );
    if let Some(actual) = &s.actual {
        if let Some(a) = ctx.count(actual, "overview.staffing.actual") {
            let sum = staffing.in_service.now + staffing.retired.now + staffing.veteran.now;
            if a != sum {
                ctx.error(
                    Some(actual.span()),
                    "overview.staffing.actual",
                    format!(
                        "实有人数 {a} 不等于在职、退休、离休之和 {sum}（staffing does not add up）"
                    ),
                    Some("实有人数由在职+退休+离休自动得出，可以删去 actual"),
                );
            }
        }
    }
    Some(staffing)
}
