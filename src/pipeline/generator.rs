//! From budget TOML text to the bytes of every requested output: the one path that
//! `gongkai generate` (one file or many), `watch`, `serve`, `check` and the benchmark share.
//!
//! A [`Generator`] loads templates once and each distinct font configuration once, then
//! serves any number of budgets, from any number of threads. A document's outputs are
//! rendered side by side on the worker pool (the PDF and the HTML need nothing from each
//! other), and callers generate many budgets in parallel on the same pool.

use super::glyphs::budget_glyph_diagnostics;
use super::{check_and_build, check_source};
use crate::budget::Fonts;
use crate::diagnostic::Diagnostic;
use crate::document::summary::{self, Totals, UnitFacts};
use crate::document::Document;
use crate::fonts::{load_fonts, FontOptions, FontSet, Substitute};
use crate::format::Format;
use crate::render::html::HtmlRenderer;
use crate::render::pdf;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// What one budget gave.
#[derive(Debug)]
pub struct Generated {
    /// Every diagnostic of the budget (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// How many of them are errors; no output is produced when there is one.
    pub errors: usize,
    /// The bytes of each requested format, in the order requested.
    pub outputs: Vec<(Format, Vec<u8>)>,
    /// The unit's name, year and scope, when the file was readable that far.
    pub unit: Option<UnitFacts>,
    /// The document's key totals as printed, when it was generated.
    pub totals: Option<Totals>,
}

/// Templates and fonts loaded once, serving any number of budgets.
pub struct Generator {
    formats: Vec<Format>,
    /// The HTML renderer: a `--templates` directory's is loaded (and checked) at once; the
    /// built-in templates, known good, on the first HTML render, which runs beside the PDF's.
    html: OnceLock<Result<HtmlRenderer, String>>,
    font_dirs: Vec<PathBuf>,
    fonts: Mutex<Vec<(FontOptions, Arc<FontSet>)>>,
}

impl Generator {
    /// A generator of `formats`, with templates from `templates` (built-in ones otherwise)
    /// and fonts searched in `font_dirs` before the system directories.
    pub fn new(
        formats: &[Format],
        templates: Option<&Path>,
        font_dirs: &[PathBuf],
    ) -> Result<Generator, String> {
        let html = match (formats.contains(&Format::Html), templates) {
            (true, Some(dir)) => OnceLock::from(Ok(
                HtmlRenderer::new(Some(dir)).map_err(|e| format!("无法加载模板：{e}"))?
            )),
            _ => OnceLock::new(),
        };
        Ok(Generator {
            formats: formats.to_vec(),
            html,
            font_dirs: font_dirs.to_vec(),
            fonts: Mutex::new(Vec::new()),
        })
    }

    /// Checks the budget in `src` (relative paths resolved against `base_dir`) and, when
    /// it has no error, renders every format. `Err` only when rendering itself fails.
    pub fn generate(&self, src: &str, base_dir: &Path) -> Result<Generated, String> {
        let (checked, doc) = check_and_build(src, base_dir);
        let errors = checked.errors();
        let unit = checked.budget.as_ref().map(|b| UnitFacts::of(&b.unit));
        let (budget, doc) = match (checked.budget, doc) {
            (Some(b), Some(doc)) if errors == 0 => (b, doc),
            _ => {
                return Ok(Generated {
                    diagnostics: checked.diagnostics,
                    errors,
                    outputs: Vec::new(),
                    unit,
                    totals: None,
                })
            }
        };
        let fonts = if self.formats.contains(&Format::Pdf) {
            Some(self.fonts_for(&budget.fonts)?)
        } else {
            None
        };
        if let Some(fonts) = &fonts {
            let missing = budget_glyph_diagnostics(src, &budget, fonts);
            if !missing.is_empty() {
                let mut diagnostics = checked.diagnostics;
                diagnostics.extend(missing);
                return Ok(Generated {
                    errors: diagnostics.iter().filter(|d| d.is_error()).count(),
                    diagnostics,
                    outputs: Vec::new(),
                    unit,
                    totals: None,
                });
            }
        }
        let outputs = self
            .formats
            .par_iter()
            .map(|&format| {
                self.render(format, &doc, fonts.as_deref())
                    .map(|bytes| (format, bytes))
                    .map_err(|e| format!("生成 {} 失败：{e}", format.extension()))
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Generated {
            diagnostics: checked.diagnostics,
            errors,
            outputs,
            unit: Some(UnitFacts::of_document(&doc)),
            totals: Some(summary::totals(&doc)),
        })
    }

    /// What `gongkai check` reports: every diagnostic of [`check_source`], and every
    /// character of the budget's texts that the PDF fonts (found as `generate` finds them)
    /// cannot print. A machine without usable fonts gets a warning instead.
    pub fn check(&self, src: &str, base_dir: &Path) -> Vec<Diagnostic> {
        let checked = check_source(src, base_dir);
        let mut diagnostics = checked.diagnostics;
        if let Some(budget) = &checked.budget {
            match self.fonts_for(&budget.fonts) {
                Ok(fonts) => diagnostics.extend(budget_glyph_diagnostics(src, budget, &fonts)),
                Err(e) => diagnostics.push(
                    Diagnostic::warning(None, "fonts", format!("无法检查是否有字体缺字：{e}"))
                        .with_hint("安装中文字体（scripts/setup.sh）后再检查"),
                ),
            }
        }
        diagnostics
    }

    fn render(
        &self,
        format: Format,
        doc: &Document,
        fonts: Option<&FontSet>,
    ) -> Result<Vec<u8>, String> {
        match format {
            Format::Json => crate::render::json::render(doc).map_err(|e| e.to_string()),
            Format::Xlsx => crate::render::xlsx::render(doc).map_err(|e| e.to_string()),
            Format::Html => match self
                .html
                .get_or_init(|| HtmlRenderer::new(None).map_err(|e| format!("无法加载模板：{e}")))
            {
                Ok(html) => html.render(doc).map_err(|e| e.to_string()),
                Err(e) => Err(e.clone()),
            },
            Format::Pdf => match fonts {
                Some(fonts) => pdf::render(doc, fonts).map_err(|e| e.to_string()),
                None => Err("字体未加载".into()),
            },
        }
    }

    /// The 公文 roles drawn in a substitute face by the fonts loaded so far (every font
    /// configuration of the budgets generated), each role and face once, in role order.
    /// Empty when no PDF was made or every role has its real face.
    pub fn substitutes(&self) -> Vec<Substitute> {
        let Ok(loaded) = self.fonts.lock() else {
            return Vec::new();
        };
        let mut all: Vec<Substitute> = loaded
            .iter()
            .flat_map(|(_, set)| set.substitutes())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// The fonts for a budget's `[fonts]` section, loaded the first time they are asked for.
    fn fonts_for(&self, wanted: &Fonts) -> Result<Arc<FontSet>, String> {
        let mut dirs = self.font_dirs.clone();
        dirs.extend(wanted.dir.clone());
        let opts = FontOptions {
            dirs,
            body: wanted.body.clone(),
            heading: wanted.heading.clone(),
            kai: wanted.kai.clone(),
            title: wanted.title.clone(),
            table: wanted.table.clone(),
        };
        let mut loaded = self
            .fonts
            .lock()
            .map_err(|_| "字体缓存被异常线程锁定".to_string())?;
        if let Some((_, set)) = loaded.iter().find(|(o, _)| *o == opts) {
            return Ok(set.clone());
        }
        let set = Arc::new(load_fonts(&opts).map_err(|e| format!("生成 pdf 失败：{e}"))?);
        loaded.push((opts, set.clone()));
        Ok(set)
    }
}
