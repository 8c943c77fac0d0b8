//! Validation: raw model → clean [`Budget`], every problem collected as a diagnostic.

mod ctx;
pub mod department;
mod extras;
mod options;
mod overview;
mod prior;
mod project_texts;
mod projects;
mod publish;
mod spending;
mod text;
mod unit;
mod unused;

pub use ctx::{Ctx, MAX_COUNT};
pub use text::{years_in, TextRules};
pub use unused::report_summed as report_unused;

use crate::budget::codes::Names;
use crate::budget::{Assets, Budget, ControlTotal, Fonts, Notes, ShareRounding};
use crate::diagnostic::header_span;
use crate::input::raw::explicit::Explicit;
use crate::input::raw::{RawBudget, RawControl, RawFonts};
use std::collections::BTreeMap;
use std::path::Path;

/// Validates a raw budget. Returns the budget when the structure was complete enough to
/// build one (it may still carry errors in `ctx.diags`). A department that sums its units
/// (`[consolidate]`) gives only its texts here: its amounts are refused, its prior
/// sections give reasons only, and the amounts of the budget returned are zero until
/// the consolidation stage sums the units into it.
pub fn validate(raw: &RawBudget, ctx: &mut Ctx<'_>, base_dir: &Path) -> Option<Budget> {
    let consolidating = raw.consolidate.is_some();
    let unit = match &raw.unit {
        Some(u) => unit::unit(u, ctx),
        None => missing_table(ctx, "unit", "单位基本信息：名称、口径、年度、落款日期"),
    };
    let rules = match &unit {
        // A year out of range is reported once; texts are not checked against it.
        Some(u) => TextRules::new(&u.name, &u.aliases, unit::plausible_year(u.year)),
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
    let overview = match &raw.overview {
        Some(o) => overview::overview(o, ctx, &rules, consolidating),
        None => missing_table(ctx, "overview", "第一部分 概况：职能、机构设置和人员情况"),
    };
    let (basic, basic_economic) = spending::basic(raw, ctx, &names);
    let projects = projects::projects(raw, ctx, &names, &rules);
    if consolidating {
        department::refuse_own_amounts(raw, ctx);
    } else if !ctx.diags.iter().any(|d| d.is_error()) {
        spending::reconcile(raw, &basic, &basic_economic, ctx);
    }
    let prior = if consolidating {
        department::reasons(&raw.prior, ctx, &rules)
    } else {
        prior::prior(&raw.prior, ctx, &names, &rules)
    };
    if !consolidating {
        unused::report(raw, ctx);
    }
    let mut purposes = BTreeMap::new();
    for (code, text) in &raw.purposes {
        let key = format!("purposes.{code}");
        match crate::budget::codes::FuncCode::parse(code) {
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
    let performance = extras::performance(
        &raw.performance,
        ctx,
        &rules,
        &raw.projects,
        &projects,
        consolidating,
    );
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
        None => crate::budget::DEFAULT_ROUNDING_NOTE.to_string(),
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

/// A required table that is absent: reported at the start of the file, where it can be
/// added; nothing of it can be validated.
fn missing_table<T>(ctx: &mut Ctx<'_>, key: &str, what: &str) -> Option<T> {
    ctx.error(
        Some(0..0),
        key,
        format!("缺少必填的一节 [{key}]（{what}）（missing section）"),
        Some(&format!("补上 [{key}] 一节；各键的含义见 README 的“输入格式”一节，gongkai init 生成的起步文件里有完整的例子")),
    );
    None
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
    // A path left as 待填写 (reported as such) is not set: the default fonts are used.
    let p = |t: &Option<crate::input::raw::RawText>| {
        t.as_ref()
            .filter(|t| !crate::input::placeholder::is_placeholder(t.get_ref()))
            .map(|t| base.join(t.get_ref().trim()))
    };
    Fonts {
        dir: p(&raw.dir),
        body: p(&raw.body),
        heading: p(&raw.heading),
        kai: p(&raw.kai),
        title: p(&raw.title),
        table: p(&raw.table),
    }
}
