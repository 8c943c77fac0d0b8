//! `[unit]`: name, scope, year, date of issue, amount units and classification edition.

use super::{spending, Ctx, TextRules};
use crate::budget::{Date, Scope, Unit};
use crate::input::raw::{RawText, RawUnit};
use crate::money::MoneyUnit;
use std::ops::Range;

/// Validates `[unit]`; sets the context's amount unit first, for every amount after it.
pub fn unit(raw: &RawUnit, ctx: &mut Ctx<'_>) -> Option<Unit> {
    let amount_unit = money_unit(raw.amount_unit.as_ref(), "unit.amount_unit", ctx);
    ctx.unit = amount_unit;
    let display_unit = money_unit(raw.display_unit.as_ref(), "unit.display_unit", ctx);
    let near = spending::near(&[
        raw.name.as_ref().map(|v| v.span()),
        raw.scope.as_ref().map(|v| v.span()),
        raw.year.as_ref().map(|v| v.span()),
        raw.issued.as_ref().map(|v| v.span()),
    ]);
    let year = year(raw, ctx, near.clone());
    let scope = scope(raw, ctx, near.clone());
    let raw_name = ctx.required(&raw.name, "unit.name", near);
    let name = raw_name
        .map(|n| n.get_ref().trim().to_string())
        .unwrap_or_default();
    if let Some(n) = raw_name.filter(|_| name.is_empty()) {
        ctx.error(
            Some(n.span()),
            "unit.name",
            "单位名称不能为空（empty unit name）",
            None,
        );
    }
    // Without a year the unit cannot be built, but the rest of it is still checked.
    let known = year.is_some();
    let year = year.unwrap_or(0) as i32;
    let aliases = aliases(raw, ctx);
    let rules = TextRules::new(&name, &aliases, plausible_year(year));
    let name = raw_name
        .map(|n| ctx.text(n, "unit.name", &rules))
        .unwrap_or_default();
    let issued = issued(raw, ctx, plausible_year(year).filter(|_| known));
    let classification = classification(raw.classification.as_ref(), ctx);
    known.then_some(Unit {
        name,
        scope,
        year,
        issued,
        aliases,
        amount_unit,
        display_unit,
        classification,
    })
}

/// `[unit] year`, required; a year outside 2000–2100 is reported but still returned.
fn year(raw: &RawUnit, ctx: &mut Ctx<'_>, near: Option<Range<usize>>) -> Option<u32> {
    let year = ctx.req_count(&raw.year, "unit.year", near);
    if let (Some(y), Some(span)) = (year, raw.year.as_ref().map(|v| v.span())) {
        if plausible_year(y as i32).is_none() {
            ctx.error(
                Some(span),
                "unit.year",
                format!("预算年度 {y} 不合理（year out of range）"),
                None,
            );
        }
    }
    year
}

/// `[unit] scope`, required: 部门 (also when absent or unknown, after reporting it) or 单位.
fn scope(raw: &RawUnit, ctx: &mut Ctx<'_>, near: Option<Range<usize>>) -> Scope {
    match ctx.required(&raw.scope, "unit.scope", near) {
        None => Scope::Department,
        Some(s) => match s.get_ref().trim() {
            "部门" => Scope::Department,
            "单位" => Scope::Unit,
            other => {
                ctx.error(
                    Some(s.span()),
                    "unit.scope",
                    format!("scope 应为“部门”或“单位”，实际是“{other}”（expected 部门 or 单位）"),
                    None,
                );
                Scope::Department
            }
        },
    }
}

/// `[unit] aliases`: the other correct spellings of the unit's name, trimmed.
fn aliases(raw: &RawUnit, ctx: &mut Ctx<'_>) -> Vec<String> {
    raw.aliases
        .iter()
        .enumerate()
        .map(|(i, a)| {
            ctx.no_controls(a, &format!("unit.aliases[{i}]"));
            a.get_ref().trim().to_string()
        })
        .collect()
}

/// `[unit] issued`, required: the date of issue, a calendar date. A date outside the
/// window a budget of `year` is issued in is reported as a warning ([`issued_window`]).
fn issued(raw: &RawUnit, ctx: &mut Ctx<'_>, year: Option<i32>) -> Option<Date> {
    let issued_raw = ctx.required(
        &raw.issued,
        "unit.issued",
        raw.name.as_ref().map(|n| n.span()),
    );
    let d = issued_raw?;
    let parsed = parse_date(d.get_ref());
    match (parsed, year) {
        (None, _) => ctx.error(
            Some(d.span()),
            "unit.issued",
            format!(
                "“{}”不是有效的日期（expected a calendar date YYYY-MM-DD）",
                d.get_ref()
            ),
            Some("例如 issued = \"2024-02-19\""),
        ),
        (Some(date), Some(year)) if !issued_window(year).contains(&(date.year, date.month)) => {
            ctx.warn(
                Some(d.span()),
                "unit.issued",
                format!(
                    "落款日期 {} 不在 {year} 年预算通常的公开时间内（{} 年 10 月至 {year} 年 12 月）（issued date far from the budget year）",
                    d.get_ref().trim(),
                    year - 1
                ),
                Some("检查年份是否写错：预算在上年末编制、本年初经人代会批准后 20 日内公开，落款日期一般在本年 1–3 月"),
            );
        }
        _ => {}
    }
    parsed
}

/// The months (year, month) in which a budget of `year` can plausibly be issued: from
/// October of the year before (a budget drafted and signed before the 人代会 meets) to
/// December of the budget year (a late publication). A date outside it is a typo in the
/// year far more often than a real date: budgets are approved in January–March of their
/// year and published within 20 days (预算法 第十四条).
fn issued_window(year: i32) -> std::ops::RangeInclusive<(i32, u32)> {
    (year - 1, 10)..=(year, 12)
}

/// `[unit] classification`: the edition (a year) of the classification the codes follow;
/// default the embedded tables' edition.
fn classification(raw: Option<&RawText>, ctx: &mut Ctx<'_>) -> String {
    let Some(raw) = raw else {
        return crate::budget::codes::EDITION.to_string();
    };
    let text = raw.get_ref().trim();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        ctx.error(
            Some(raw.span()),
            "unit.classification",
            format!("“{text}”不是分类科目的版本年份（expected an edition year）"),
            Some(&format!(
                "写政府收支分类科目的年份版本，例如 classification = \"{}\"（内置科目表的版本，默认）",
                crate::budget::codes::EDITION
            )),
        );
    }
    text.to_string()
}

/// `万元` (the default when absent) or `元`.
fn money_unit(raw: Option<&RawText>, key: &str, ctx: &mut Ctx<'_>) -> MoneyUnit {
    let Some(raw) = raw else {
        return MoneyUnit::Wan;
    };
    MoneyUnit::parse(raw.get_ref()).unwrap_or_else(|| {
        ctx.error(
            Some(raw.span()),
            key,
            format!(
                "金额单位应为“万元”或“元”，实际是“{}”（expected 万元 or 元）",
                raw.get_ref()
            ),
            None,
        );
        MoneyUnit::Wan
    })
}

/// A calendar date `YYYY-MM-DD` (2025-02-30 and 2023-02-29 are not dates).
fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (parts.next().is_none() && (1000..=9999).contains(&year) && (1..=days).contains(&day))
        .then_some(Date { year, month, day })
}

/// The budget year when it is plausible (2000–2100): what texts are checked against.
pub fn plausible_year(year: i32) -> Option<i32> {
    (2000..=2100).contains(&year).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use crate::input::load_str;
    use std::path::Path;

    const MINIMAL: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.toml"
    ));

    /// The warnings about `[unit] issued` for the minimal budget (year 2025) issued `date`.
    fn issued_warnings(date: &str) -> Vec<String> {
        let src = MINIMAL.replace("2025-02-10", date);
        let (budget, diags) = load_str(&src, Path::new("."));
        assert!(budget.is_some(), "{date}: {diags:#?}");
        diags
            .iter()
            .filter(|d| d.key == "unit.issued")
            .map(|d| format!("{:?} {}", d.severity, d.message))
            .collect()
    }

    /// A date of issue years away from the budget year is a warning; the months a budget
    /// is really issued in are not.
    #[test]
    fn an_issued_date_far_from_the_year_is_a_warning() {
        for near in ["2024-10-01", "2024-12-28", "2025-02-10", "2025-12-31"] {
            assert!(issued_warnings(near).is_empty(), "{near}");
        }
        for far in ["2015-02-10", "2024-09-30", "2026-01-01", "2052-02-10"] {
            let found = issued_warnings(far);
            assert_eq!(found.len(), 1, "{far}: {found:?}");
            assert!(
                found[0].starts_with(&format!(
                    "Warning 落款日期 {far} 不在 2025 年预算通常的公开时间内（2024 年 10 月至 2025 年 12 月）"
                )),
                "{found:?}"
            );
        }
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2025-02-28").is_some());
        assert!(parse_date("2025-12-31").is_some());
        for bad in [
            "2025-02-29",
            "2025-02-30",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-1-0",
            "24-1-1",
            "2024-01-01-01",
            "2024/01/01",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }
}
