//! The whole pipeline: file → diagnostics → budget (a department's units summed) →
//! figures → document → the bytes of each format ([`Generator`]).

mod generator;
mod glyphs;

pub use generator::{Generated, Generator};

use crate::budget::Budget;
use crate::derive::{checks, figures};
use crate::diagnostic::{self, Diagnostic};
use crate::document::{compose, Document};
use std::path::{Path, PathBuf};

/// Why a document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("无法读取 {}：{}", crate::diagnostic::shown_path(.path), crate::diagnostic::io_reason(.source))]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The budget has errors; `report` is the rendered diagnostics.
    #[error("{report}")]
    Invalid {
        /// Rendered diagnostics (errors and warnings).
        report: String,
        /// Number of errors.
        errors: usize,
    },
}

/// Everything a check finds, and the budget if one could be built.
pub struct Checked {
    /// The validated budget (present even when it has errors, if the structure was readable).
    pub budget: Option<Budget>,
    /// Every diagnostic, parse and validation first, then derived checks.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Parses, validates and, when that found no error, runs the derived checks (which would
/// only repeat the same problem in other words otherwise).
pub fn check_source(src: &str, base_dir: &Path) -> Checked {
    check(src, base_dir, false).0
}

/// [`check_source`], and the document when nothing is wrong: the figures are derived once
/// for both the checks and the document.
pub fn check_and_build(src: &str, base_dir: &Path) -> (Checked, Option<Document>) {
    check(src, base_dir, true)
}

fn check(src: &str, base_dir: &Path, build_document: bool) -> (Checked, Option<Document>) {
    let (budget, mut diagnostics) = crate::consolidate::load(src, base_dir);
    let clean = !diagnostics.iter().any(|d| d.is_error());
    let mut doc = None;
    if let Some(b) = budget.as_ref().filter(|_| clean) {
        let f = figures(b);
        diagnostics.extend(checks::located(b, &f, src));
        if build_document && !diagnostics.iter().any(|d| d.is_error()) {
            doc = Some(compose(b, &f));
        }
    }
    let checked = Checked {
        budget,
        diagnostics,
    };
    (checked, doc)
}

/// Reads a budget file: a regular file of at most [`diagnostic::MAX_INPUT_BYTES`], in UTF-8.
pub fn read(path: &Path) -> Result<String, Error> {
    diagnostic::read_input_text(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The directory relative paths in a budget file are resolved against.
pub fn base_dir(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Builds the document of a checked budget without errors.
pub fn document(budget: &Budget) -> Document {
    compose(budget, &figures(budget))
}

/// File in, document out; errors carry the rendered diagnostics.
pub fn document_from_file(path: &Path) -> Result<(Document, Budget), Error> {
    let src = read(path)?;
    let (checked, doc) = check_and_build(&src, &base_dir(path));
    let errors = checked.errors();
    match (checked.budget, doc) {
        (Some(b), Some(doc)) if errors == 0 => Ok((doc, b)),
        _ => Err(Error::Invalid {
            report: diagnostic::render(&path.display().to_string(), &src, &checked.diagnostics),
            errors,
        }),
    }
}

/// Every text of a budget source that mentions `year` (once per text), as warnings located
/// at the year, with the advice to write `next` instead where the text speaks of the new
/// year: what `next-year` lists in the file it wrote.
pub fn texts_mentioning(src: &str, year: i32, next: i32) -> Vec<Diagnostic> {
    crate::input::validate::texts_mentioning(src, year, next)
}
