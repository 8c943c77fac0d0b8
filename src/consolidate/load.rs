//! Reading the unit files a department lists: each one checked as `gongkai check` checks it
//! (its diagnostics belong to its own file), and the list itself checked for missing
//! files, duplicates, nesting and cycles, located at the entry in the department file.

use crate::budget::Budget;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::SourceFile;
use crate::input::parse;
use crate::input::raw::{RawConsolidate, RawText};
use crate::input::validate::Ctx;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A unit file that could be read.
pub struct Loaded {
    /// The key of its entry: `consolidate.units[1]`.
    pub key: String,
    /// Where its entry is written in the department file.
    pub span: Range<usize>,
    /// The file.
    pub file: Arc<SourceFile>,
    /// Its budget, when its structure could be read.
    pub budget: Option<Budget>,
    /// True when its own check found no error.
    pub clean: bool,
}

/// Reads and checks every listed unit file. Problems of the list are reported in `ctx` (the
/// department file's); each unit file's own diagnostics are reported there too, belonging
/// to that file.
pub fn load_units(c: &RawConsolidate, ctx: &mut Ctx<'_>, base_dir: &Path) -> Vec<Loaded> {
    let mut out = Vec::new();
    let mut seen: Vec<(PathBuf, String)> = Vec::new();
    let own_dir = canonical(base_dir);
    for (i, entry) in c.units.iter().enumerate() {
        let key = format!("consolidate.units[{i}]");
        let span = entry.span();
        let Some((path, src)) = read(entry, &key, ctx, base_dir) else {
            continue;
        };
        let name = path.display().to_string();
        let shown = crate::diagnostic::shown(&name);
        let real = canonical(&path);
        if let Some((_, first)) = seen.iter().find(|(p, _)| *p == real) {
            ctx.error(
                Some(span),
                &key,
                format!("单位文件“{shown}”重复列出（duplicate unit: it would be counted twice）"),
                Some(&format!(
                    "它已列在 {first}；每个单位只列一次，否则它的金额会被加两次"
                )),
            );
            continue;
        }
        seen.push((real.clone(), key.clone()));
        if real.parent() == Some(own_dir.as_path()) && src == ctx.src {
            ctx.error(
                Some(span),
                &key,
                format!("“{shown}”就是本部门文件（cycle: the department lists itself）"),
                Some("units 只列下属单位（含本级）的文件，不列部门文件自身"),
            );
            continue;
        }
        let parsed = parse::parse(&src);
        let unit_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some(inner) = parsed.raw.as_ref().and_then(|r| r.consolidate.as_ref()) {
            nested(inner, &unit_dir, &shown, &key, span, ctx);
            continue;
        }
        let file = Arc::new(SourceFile { name, src });
        let (budget, diags) = check_unit(parsed, &file, &unit_dir);
        let clean = !diags.iter().any(Diagnostic::is_error);
        ctx.diags
            .extend(diags.into_iter().map(|d| d.in_file(&file)));
        out.push(Loaded {
            key,
            span,
            file,
            budget,
            clean,
        });
    }
    out
}

/// The file of an entry and its text; a located error when it cannot be read.
fn read(
    entry: &RawText,
    key: &str,
    ctx: &mut Ctx<'_>,
    base_dir: &Path,
) -> Option<(PathBuf, String)> {
    let written = entry.get_ref().trim();
    if written.is_empty() {
        ctx.error(
            Some(entry.span()),
            key,
            "单位文件路径为空（empty path）",
            Some("写单位预算文件的路径，相对于本部门文件所在的目录，例如 \"本级.toml\""),
        );
        return None;
    }
    let path = base_dir.join(written);
    match crate::diagnostic::read_input_text(&path) {
        Ok(src) => Some((path, src)),
        Err(e) => {
            let why = crate::diagnostic::io_reason(&e);
            let what = match e.kind() {
                std::io::ErrorKind::NotFound => "missing unit file",
                _ => "unreadable unit file",
            };
            ctx.error(
                Some(entry.span()),
                key,
                format!(
                    "无法读取单位文件“{}”：{why}（{what}）",
                    crate::diagnostic::shown_path(&path)
                ),
                Some("路径相对于本部门文件所在的目录；检查文件名和扩展名"),
            );
            None
        }
    }
}

/// A unit file that itself sums units: refused (one level of consolidation), named a
/// cycle when it lists the department back.
fn nested(
    inner: &RawConsolidate,
    unit_dir: &Path,
    name: &str,
    key: &str,
    span: Range<usize>,
    ctx: &mut Ctx<'_>,
) {
    let back = inner.units.iter().any(|u| {
        crate::diagnostic::read_input_text(&unit_dir.join(u.get_ref().trim()))
            .is_ok_and(|s| s == ctx.src)
    });
    let message = if back {
        format!("“{name}”又把本部门文件列为单位：循环汇总（cycle）")
    } else {
        format!("“{name}”本身也是汇总文件（[consolidate]）：不支持多级汇总（nested consolidation）")
    };
    ctx.error(
        Some(span),
        key,
        message,
        Some("units 只列单位文件（scope = \"单位\"，没有 [consolidate]）；多级部门请直接列出最底层的各单位文件"),
    );
}

/// A unit file checked as `gongkai check` checks it: validation, then (when that found no
/// error) the checks on its derived figures.
fn check_unit(
    parsed: parse::Parsed,
    file: &SourceFile,
    unit_dir: &Path,
) -> (Option<Budget>, Vec<Diagnostic>) {
    let (budget, mut diags) = crate::input::read_parsed(parsed, &file.src, unit_dir).finish();
    if let Some(b) = budget
        .as_ref()
        .filter(|_| !diags.iter().any(Diagnostic::is_error))
    {
        let f = crate::derive::figures(b);
        diags.extend(crate::derive::checks::located(b, &f, &file.src));
    }
    (budget, diags)
}

/// A path made absolute with links resolved, to recognise one file listed twice; the path
/// itself when that fails (it was read, so it exists).
fn canonical(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
