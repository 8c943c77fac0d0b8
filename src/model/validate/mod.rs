//! Validation: raw model → clean [`Budget`], every problem collected as a diagnostic.

mod ctx;
mod extras;
mod options;
mod overview;
mod prior;
mod project_texts;
mod projects;
mod publish;
mod spending;
mod text;
mod unused;

pub use ctx::{header_span, Ctx, MAX_COUNT};
pub use text::{years_in, TextRules};
pub use unused::report as report_unused;

use crate::model::budget::{
    Assets, Budget, ControlTotal, Date, Fonts, Notes, Scope, ShareRounding, Unit,
};
use crate::model::codes::Names;
use crate::model::consolidate;
use crate::model::explicit::Explicit;
use crate::model::raw::{RawBudget, RawControl, RawFonts, RawText, RawUnit};
use crate::money::MoneyUnit;
use std::collections::BTreeMap;
use std::path::Path;

/// Validates a raw budget. Returns the budget when the structure was complete enough to
/// build one (it may still carry errors in `ctx.diags`). A department that sums its units
/// (`[consolidate]`) gives only its texts here: its amounts are refused, its prior
/// sections give reasons only, and the amounts of the budget returned are zero until
/// [`consolidate::consolidate`] sums the units into it.
pub fn validate(raw: &RawBudget, ctx: &mut Ctx<'_>, base_dir: &Path) -> Option<Budget> {
    let consolidating = raw.consolidate.is_some();
    let unit = unit(&raw.unit, ctx);
    let rules = match &unit {
        Some(u) => TextRules::new(&u.name, &u.aliases, Some(u.year)),
        None => TextRules::new("", &[], None),
    };
    let mut extra_names = BTreeMap::new();
    for (code, name) in &raw.names {
        extra_names.insert(
            code.trim().to_string(),
            ctx.text(name, &format!("names.{code}"), &rules),
        );
    }
    let names = Names::with_extra(&extra_names);
    let overview = overview::overview(&raw.overview, ctx, &rules, consolidating);
    let (basic, basic_economic) = spending::basic(raw, ctx, &names);
    let projects = projects::projects(raw, ctx, &names, &rules);
    if consolidating {
        consolidate::refuse_own_amounts(raw, ctx);
    } else if !ctx.diags.iter().any(|d| d.is_error()) {
        spending::reconcile(raw, &basic, &basic_economic, ctx);
    }
    let prior = if consolidating {
        consolidate::reasons(&raw.prior, ctx, &rules)
    } else {
        prior::prior(&raw.prior, ctx, &names, &rules)
    };
    if !consolidating {
        let prior_items: Vec<_> = prior.items.keys().collect();
        unused::report(raw, &basic, &basic_economic, &projects, &prior_items, ctx);
    }
    let mut purposes = BTreeMap::new();
    for (code, text) in &raw.purposes {
        let key = format!("purposes.{code}");
        match crate::model::codes::FuncCode::parse(code) {
            Some(c) if c.as_str().len() == 3 => {
                purposes.insert(c, ctx.text(text, &key, &rules));
            }
            _ => ctx.error(
                Some(text.span()),
                &key,
                format!("“{code}”不是功能分类“类”级编码（expected a 3-digit class code）"),
                Some("[purposes] 的键是类级编码，例如 \"201\" = \"主要用于…\""),
            ),
        }
    }
    let procurement = if consolidating {
        None
    } else {
        explicit_section(raw.procurement.as_ref(), "procurement", "政府采购预算", ctx)
            .and_then(|p| extras::procurement(p, ctx))
    };
    if raw.assets.is_none() && !consolidating {
        ctx.error(
            Some(0..0),
            "assets",
            "缺少 [assets]（国有资产占用使用情况）：没有填写不等于没有（missing section）",
            Some("按上年末的资产账填写房屋、车辆、家具、其他资产和大型设备"),
        );
    }
    let assets = match (consolidating, raw.assets.as_ref()) {
        (true, _) => Some(Assets::default()),
        (false, a) => a.and_then(|a| extras::assets(a, ctx)),
    };
    let performance = extras::performance(&raw.performance, ctx, &rules, &projects, consolidating);
    let notes = Notes {
        nonfiscal_reason: ctx.opt_text(
            raw.notes.nonfiscal_reason.as_ref(),
            "notes.nonfiscal_reason",
            &rules,
        ),
        secret_reason: ctx.opt_text(
            raw.notes.secret_reason.as_ref(),
            "notes.secret_reason",
            &rules,
        ),
        other: raw
            .notes
            .other
            .iter()
            .enumerate()
            .map(|(i, t)| ctx.text(t, &format!("notes.other[{i}]"), &rules))
            .collect(),
    };
    let glossary = raw
        .glossary
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let key = format!("glossary[{i}]");
            (
                ctx.req_text(
                    &t.term,
                    &format!("{key}.term"),
                    t.definition.as_ref().map(|d| d.span()),
                    &rules,
                ),
                ctx.req_text(
                    &t.definition,
                    &format!("{key}.definition"),
                    t.term.as_ref().map(|d| d.span()),
                    &rules,
                ),
            )
        })
        .collect();
    let share_rounding = match raw.options.share_rounding.as_ref() {
        None => ShareRounding::LargestRemainder,
        Some(r) => match r.get_ref().as_str() {
            "largest_remainder" => ShareRounding::LargestRemainder,
            "independent" => ShareRounding::Independent,
            other => {
                ctx.error(
                    Some(r.span()),
                    "options.share_rounding",
                    format!("未知的占比舍入方式“{other}”（unknown rounding）"),
                    Some("可选 \"largest_remainder\"（最大余数法，合计恰为100.00%，默认）或 \"independent\"（各项分别四舍五入）"),
                );
                ShareRounding::LargestRemainder
            }
        },
    };
    let rounding_note = match raw.options.rounding_note.as_ref() {
        Some(t) => ctx.text(t, "options.rounding_note", &rules),
        None => crate::document::finish::DEFAULT_ROUNDING_NOTE.to_string(),
    };
    let options = options::options(&raw.options, ctx);
    Some(Budget {
        unit: unit?,
        overview: overview?,
        basic,
        basic_economic,
        projects,
        prior,
        purposes,
        procurement,
        assets: assets?,
        performance,
        notes,
        glossary,
        names,
        share_rounding,
        rounding_note,
        options,
        fonts: fonts(&raw.fonts, base_dir),
        publish: publish::publish(&raw.publish, ctx, &rules),
        control: control(&raw.control, ctx),
        members: Vec::new(),
    })
}

fn unit(raw: &RawUnit, ctx: &mut Ctx<'_>) -> Option<Unit> {
    let amount_unit = money_unit(raw.amount_unit.as_ref(), "unit.amount_unit", ctx);
    ctx.unit = amount_unit;
    let display_unit = money_unit(raw.display_unit.as_ref(), "unit.display_unit", ctx);
    let near = spending::near(&[
        raw.name.as_ref().map(|v| v.span()),
        raw.scope.as_ref().map(|v| v.span()),
        raw.year.as_ref().map(|v| v.span()),
        raw.issued.as_ref().map(|v| v.span()),
    ]);
    let year = ctx.req_count(&raw.year, "unit.year", near.clone());
    if let (Some(y), Some(span)) = (year, raw.year.as_ref().map(|v| v.span())) {
        if !(2000..=2100).contains(&y) {
            ctx.error(
                Some(span),
                "unit.year",
                format!("预算年度 {y} 不合理（year out of range）"),
                None,
            );
        }
    }
    let scope = match ctx.required(&raw.scope, "unit.scope", near.clone()) {
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
    };
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
    let year = year? as i32;
    let aliases: Vec<String> = raw
        .aliases
        .iter()
        .enumerate()
        .map(|(i, a)| {
            ctx.no_controls(a, &format!("unit.aliases[{i}]"));
            a.get_ref().trim().to_string()
        })
        .collect();
    let rules = TextRules::new(&name, &aliases, Some(year));
    let name = raw_name
        .map(|n| ctx.text(n, "unit.name", &rules))
        .unwrap_or_default();
    let issued_raw = ctx.required(
        &raw.issued,
        "unit.issued",
        raw.name.as_ref().map(|n| n.span()),
    );
    let issued = issued_raw.and_then(|d| {
        let parsed = parse_date(d.get_ref());
        if parsed.is_none() {
            ctx.error(
                Some(d.span()),
                "unit.issued",
                format!(
                    "“{}”不是有效的日期（expected a calendar date YYYY-MM-DD）",
                    d.get_ref()
                ),
                Some("例如 issued = \"2024-02-19\""),
            );
        }
        parsed
    });
    Some(Unit {
        name,
        scope,
        year,
        issued,
        aliases,
        amount_unit,
        display_unit,
        classification: classification(raw.classification.as_ref(), ctx),
    })
}

/// `[unit] classification`: the edition (a year) of the classification the codes follow;
/// default the embedded tables' edition.
fn classification(raw: Option<&RawText>, ctx: &mut Ctx<'_>) -> String {
    let Some(raw) = raw else {
        return crate::model::codes::EDITION.to_string();
    };
    let text = raw.get_ref().trim();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        ctx.error(
            Some(raw.span()),
            "unit.classification",
            format!("“{text}”不是分类科目的版本年份（expected an edition year）"),
            Some(&format!(
                "写政府收支分类科目的年份版本，例如 classification = \"{}\"（内置科目表的版本，默认）",
                crate::model::codes::EDITION
            )),
        );
    }
    text.to_string()
}

/// A section that must be given or marked `key = "none"`: reports its absence (at the
/// start of the file, where a section can be added) and returns the table when given.
pub fn explicit_section<'r, T>(
    raw: Option<&'r toml::Spanned<Explicit<T>>>,
    key: &str,
    what: &str,
    ctx: &mut Ctx<'_>,
) -> Option<&'r T> {
    match raw {
        Some(section) => section.get_ref().given(),
        None => {
            ctx.error(
                header_span(ctx.src, key).or(Some(0..0)),
                key,
                format!("缺少 {key}（{what}）：没有填写不等于没有（missing section）"),
                Some(&format!(
                    "填写这一节；确实没有时写 {key} = \"none\"，公开文件会据此说明“未安排”"
                )),
            );
            None
        }
    }
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

fn control(
    raw: &RawControl,
    ctx: &mut Ctx<'_>,
) -> Vec<(ControlTotal, crate::money::Declared, std::ops::Range<usize>)> {
    let fields = [
        (ControlTotal::Total, &raw.total),
        (ControlTotal::Fiscal, &raw.fiscal),
        (ControlTotal::Basic, &raw.basic),
        (ControlTotal::Project, &raw.project),
        (ControlTotal::FiscalCarryover, &raw.fiscal_carryover),
        (ControlTotal::NonfiscalCarryover, &raw.nonfiscal_carryover),
    ];
    let mut out = Vec::new();
    for (which, field) in fields {
        if let Some(f) = field {
            if let Some(m) = ctx.declared(f, &format!("control.{}", which.names().0)) {
                out.push((which, m, f.span()));
            }
        }
    }
    out
}

fn fonts(raw: &RawFonts, base: &Path) -> Fonts {
    let p =
        |t: &Option<crate::model::raw::RawText>| t.as_ref().map(|t| base.join(t.get_ref().trim()));
    Fonts {
        dir: p(&raw.dir),
        body: p(&raw.body),
        heading: p(&raw.heading),
        kai: p(&raw.kai),
        title: p(&raw.title),
        table: p(&raw.table),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;

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
