//! A department's consolidated budget (部门预算汇总): a `scope = "部门"` file lists its
//! units' files in `[consolidate] units`, and its budget is their sum.
//!
//! The department file gives the texts (`[unit]`, `[overview]` functions and offices,
//! `[purposes]`, `[performance.unit]`, `[notes]`, `[[glossary]]`, `[options]`) and the
//! reasons for the changes of the summed 上年预算 figures; every amount comes from the units
//! (the 本级's from the 本级's own unit file) and an amount in the department file is an
//! error. Each unit file is checked as `gongkai check` checks it, its diagnostics
//! belonging to it; the list is checked in the department file, at each entry. The result
//! is an ordinary [`Budget`] (with [`Budget::members`]), so derivation, the document and
//! the renderers work on it unchanged.

mod load;
mod members;
mod prior;
mod sum;

use crate::budget::Budget;
use crate::diagnostic::{header_span, Diagnostic};
use crate::input::raw::{RawBudget, RawConsolidate};
use crate::input::validate::{report_unused, Ctx};
use std::path::Path;

/// Reads and validates a budget's source text and, for a department that lists its units
/// under `[consolidate]`, sums the units into it. `base_dir` resolves relative paths
/// (fonts, unit files). Returns the budget when one could be built, and every diagnostic
/// found (a unit file's ones belong to that file).
pub fn load(src: &str, base_dir: &Path) -> (Option<Budget>, Vec<Diagnostic>) {
    let mut read = crate::input::read(src, base_dir);
    if let Some(raw) = &read.raw {
        if let Some(c) = &raw.consolidate {
            read.budget = consolidate(raw, c, read.budget.take(), &mut read.ctx, base_dir);
        }
    }
    read.finish()
}

/// The unit files a department's source lists under `[consolidate] units`, resolved
/// against `base_dir`, as written (whether or not they exist or are valid): what a change
/// of the department's document may come from. Empty for any other source.
pub fn unit_files(src: &str, base_dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(table) = toml::de::DeTable::parse(src) else {
        return Vec::new();
    };
    let units = table
        .get_ref()
        .get("consolidate")
        .and_then(|c| match c.get_ref() {
            toml::de::DeValue::Table(t) => t.get("units"),
            _ => None,
        });
    match units.map(|u| u.get_ref()) {
        Some(toml::de::DeValue::Array(items)) => items
            .iter()
            .filter_map(|i| match i.get_ref() {
                toml::de::DeValue::String(s) => Some(base_dir.join(s.trim())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Sums the units listed in `c` into `dept`, the department file's own validated budget
/// (texts and reasons, zero amounts). Every problem is reported in `ctx`; the department's
/// budget is returned without the sum when a unit is missing, broken or does not fit.
pub fn consolidate(
    raw: &RawBudget,
    c: &RawConsolidate,
    dept: Option<Budget>,
    ctx: &mut Ctx<'_>,
    base_dir: &Path,
) -> Option<Budget> {
    let at = header_span(ctx.src, "consolidate");
    if c.units.is_empty() {
        ctx.error(
            at.clone().or(Some(0..0)),
            "consolidate.units",
            "[consolidate] 没有列出任何单位文件（no units）",
            Some("写 units = [\"本级.toml\", \"下属单位.toml\"]，路径相对于本部门文件所在目录"),
        );
    }
    let loaded = load::load_units(c, ctx, base_dir);
    let mut dept = dept?;
    let at = c.units.first().map(|u| u.span()).or(at);
    let Some((members, places)) = members::members(c.units.len(), loaded, &dept, ctx, at.clone())
    else {
        return Some(dept);
    };
    let mut add = sum::Adder::default();
    let offsets = sum::offsets(&members);
    dept.basic = sum::basic(&members, &mut add);
    dept.basic_economic = sum::economic(&members, &mut add);
    dept.projects = sum::projects(&members, &offsets);
    dept.performance.projects = sum::project_tables(&members, &offsets);
    dept.procurement = sum::procurement(&members, &mut add);
    dept.assets = sum::assets(&members, &mut add);
    dept.overview.staffing = sum::staffing(&members, &mut add);
    dept.prior = prior::prior(&members, &dept.prior, &mut add, ctx, at.clone());
    dept.names = members::names(&dept.names, &members, &places, ctx);
    members::overview(raw, &mut dept, &members, ctx);
    let prior_items: Vec<_> = dept.prior.items.keys().collect();
    report_unused(
        raw,
        &dept.basic,
        &dept.basic_economic,
        &dept.projects,
        &prior_items,
        ctx,
    );
    if let Some(what) = add.overflow {
        ctx.error(
            at,
            "consolidate.units",
            format!("各单位的{what}相加超出了可能的预算金额或数量（sum out of range）"),
            Some("检查各单位文件中是否有多写数字的金额或数量"),
        );
    }
    dept.members = members;
    Some(dept)
}
