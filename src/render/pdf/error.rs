//! What can stop a PDF from being produced: a font problem (passed through from
//! [`crate::fonts`] with its own message), a failed subset, or a PDF that could not be
//! assembled.

use crate::fonts::FontError;

/// Everything that can stop a PDF from being produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No usable font, a bad font file, or a character no face can draw.
    #[error(transparent)]
    Font(#[from] FontError),
    /// Subsetting or embedding a font failed.
    #[error("字体 {font} 子集化失败：{reason}")]
    Subset {
        /// The face.
        font: String,
        /// Why.
        reason: String,
    },
    /// The PDF could not be assembled.
    #[error("生成 PDF 失败：{0}")]
    Write(String),
}
