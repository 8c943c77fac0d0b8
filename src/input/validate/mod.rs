//! Validation: raw model → clean [`Budget`], every problem collected as a diagnostic.

mod ctx;
pub mod department;
mod extras;
mod names;
mod notes;
mod options;
mod overview;
mod performance;
mod prior;
mod project_texts;
mod projects;
mod publish;
mod spending;
mod text;
mod unit;
mod unused;

pub use ctx::{Ctx, MAX_COUNT};
pub use text::{is_refused, mentions, texts_mentioning, Mention, TextRules};
pub use unused::report_summed as report_unused;

use crate::budget::codes::{FuncCode, Names};
use crate::budget::{
    Assets, BasicLine, Budget, ControlTotal, EconomicLine, Fonts, Prior, Procurement, Scope, Unit,
};
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
    let rules = text_rules(unit.as_ref());
    let names = names::extra_names(raw, ctx, &rules);
    let overview = match &raw.overview {
        Some(o) => overview::overview(o, ctx, &rules, consolidating),
        None => missing_table(ctx, "overview", "第一部分 概况：职能、机构设置和人员情况"),
    };
    let (basic, basic_economic) = spending::basic(raw, ctx, &names);
    let projects = projects::projects(raw, ctx, &names, &rules);
    let prior = cross_checks_and_prior(raw, ctx, &names, &rules, &basic, &basic_economic);
    let purposes = purposes(raw, ctx, &rules);
    let procurement = procurement(raw, ctx);
    let assets = assets(raw, ctx);
    let performance = performance::performance(
        &raw.performance,
        ctx,
        &rules,
        &raw.projects,
        &projects,
        consolidating,
    );
    let notes = notes::notes(&raw.notes, ctx, &rules);
    let glossary = notes::glossary(&raw.glossary, ctx, &rules);
    let share_rounding = options::share_rounding(raw.options.share_rounding.as_ref(), ctx);
    let rounding_note = options::rounding_note(raw.options.rounding_note.as_ref(), ctx, &rules);
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
        fonts: fonts(&raw.fonts, base_dir, ctx),
        publish: publish::publish(&raw.publish, ctx, &rules),
        control: control(&raw.control, ctx),
        members: Vec::new(),
    })
}

/// What texts are checked against: the unit's names and its budget year when plausible (a
/// year out of range is reported once; texts are not checked against it).
fn text_rules(unit: Option<&Unit>) -> TextRules {
    match unit {
        Some(u) => TextRules::new(&u.name, &u.aliases, unit::plausible_year(u.year))
            .unit_document(u.scope == Scope::Unit),
        None => TextRules::new("", &[], None),
    }
}

/// The checks of the amounts as a whole, then `[prior]`: a consolidating department's own
/// amounts are refused and its prior sections give reasons only; a budget file's basic
/// spending is reconciled (when all else is clean), its prior figures read, and its unused
/// entries reported.
fn cross_checks_and_prior(
    raw: &RawBudget,
    ctx: &mut Ctx<'_>,
    names: &Names,
    rules: &TextRules,
    basic: &[BasicLine],
    basic_economic: &[EconomicLine],
) -> Prior {
    if raw.consolidate.is_some() {
        department::refuse_own_amounts(raw, ctx);
        return department::reasons(&raw.prior, ctx, rules);
    }
    if !ctx.diags.iter().any(|d| d.is_error()) {
        spending::reconcile(raw, basic, basic_economic, ctx);
    }
    let prior = prior::prior(&raw.prior, ctx, names, rules);
    unused::report(raw, ctx);
    prior
}

/// `[purposes]`: what each 类 of spending is mainly for, keyed by a 3-digit class code.
fn purposes(raw: &RawBudget, ctx: &mut Ctx<'_>, rules: &TextRules) -> BTreeMap<FuncCode, String> {
    let mut purposes = BTreeMap::new();
    for (code, text) in &raw.purposes {
        let key = format!("purposes.{code}");
        match FuncCode::parse(code) {
            Some(c) if c.as_str().len() == 3 => {
                purposes.insert(c, ctx.text(text, &key, rules));
            }
            _ => ctx.error(
                Some(text.span()),
                &key,
                format!("“{code}”不是功能分类“类”级编码（expected a 3-digit class code）"),
                Some("[purposes] 的键是类级编码，例如 \"201\" = \"主要用于…\""),
            ),
        }
    }
    purposes
}

/// `[procurement]`, required (or `"none"`) of a budget file; a consolidating department
/// has none of its own.
fn procurement(raw: &RawBudget, ctx: &mut Ctx<'_>) -> Option<Procurement> {
    if raw.consolidate.is_some() {
        return None;
    }
    explicit_section(raw.procurement.as_ref(), "procurement", "政府采购预算", ctx)
        .and_then(|p| extras::procurement(p, ctx))
}

/// `[assets]`, required of a budget file; a consolidating department's are zero until the
/// units' are summed into it.
fn assets(raw: &RawBudget, ctx: &mut Ctx<'_>) -> Option<Assets> {
    if raw.consolidate.is_some() {
        return Some(Assets::default());
    }
    if raw.assets.is_none() {
        ctx.error(
            Some(0..0),
            "assets",
            "缺少 [assets]（国有资产占用使用情况）：没有填写不等于没有（missing section）",
            Some("按上年末的资产账填写房屋、车辆、家具、其他资产和大型设备"),
        );
    }
    raw.assets.as_ref().and_then(|a| extras::assets(a, ctx))
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

/// `[fonts]`: each path resolved against the TOML file's directory. A path that names no
/// file (`dir`: no directory) is an error located at its key: the PDF could not use it.
fn fonts(raw: &RawFonts, base: &Path, ctx: &mut Ctx<'_>) -> Fonts {
    let mut p = |t: &Option<crate::input::raw::RawText>, key: &str| {
        // A path left as 待填写 (reported as such) is not set: the default fonts are used.
        let t = t
            .as_ref()
            .filter(|t| !crate::input::placeholder::is_placeholder(t.get_ref()))?;
        let path = base.join(t.get_ref().trim());
        let (exists, what, english) = if key == "dir" {
            (path.is_dir(), "字体目录", "font directory")
        } else {
            (path.is_file(), "字体文件", "font file")
        };
        if exists {
            return Some(path);
        }
        // Reported here, once; the PDF's own font check then sees the default fonts.
        ctx.error(
            Some(t.span()),
            &format!("fonts.{key}"),
            format!(
                "{what}“{}”不存在（{english} not found: {}）",
                t.get_ref().trim(),
                path.display()
            ),
            Some("相对路径从本 TOML 文件所在的目录算起；改正路径，或删去这一项以使用系统字体"),
        );
        None
    };
    Fonts {
        dir: p(&raw.dir, "dir"),
        body: p(&raw.body, "body"),
        heading: p(&raw.heading, "heading"),
        kai: p(&raw.kai, "kai"),
        title: p(&raw.title, "title"),
        table: p(&raw.table, "table"),
    }
}
