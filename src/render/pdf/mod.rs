//! PDF renderer (being merged from the PDF work copy).

use crate::document::Document;
use std::path::PathBuf;

/// Font choices.
pub struct FontOptions {
    /// Extra dirs.
    pub dirs: Vec<PathBuf>,
    /// Body.
    pub body: Option<PathBuf>,
    /// Heading.
    pub heading: Option<PathBuf>,
    /// Kai.
    pub kai: Option<PathBuf>,
    /// Title.
    pub title: Option<PathBuf>,
    /// Table.
    pub table: Option<PathBuf>,
}

/// Loaded fonts.
pub struct FontSet;

/// PDF errors.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Not merged yet.
    #[error("PDF 渲染器尚未合并")]
    Missing,
}

/// Loads fonts.
pub fn load_fonts(_o: &FontOptions) -> Result<FontSet, PdfError> {
    Err(PdfError::Missing)
}

/// Renders.
pub fn render(_d: &Document, _f: &FontSet) -> Result<Vec<u8>, PdfError> {
    Err(PdfError::Missing)
}
