//! PDF renderer: the document laid out as pages of positioned items, then written.
//!
//! The stages are separate folders, as in typst (layout vs pdf), bottom first:
//! - [`page`]: what layout produces and the writer draws — pages of positioned glyph runs,
//!   rules and fills, the page frames (GB/T 9704) and the cursor that fills them;
//! - [`text`]: text setting — characters resolved to glyphs with the [`crate::fonts`]
//!   metrics, 禁则 line breaking, word-aware breaks, lines placed and justified;
//! - [`table`]: tables — cells on the grid, column widths, a readable size, rows drawn, the
//!   title block, and pagination with repeated headers;
//! - [`layout`]: the whole document — cover, 目录, body (headings, paragraphs, tables,
//!   charts, 落款) and page numbers;
//! - [`write`]: the file written directly: each face subset to the glyphs used, the
//!   pages drawn, bookmarks, links, metadata, streams compressed, objects packed in object
//!   streams, a deterministic `/ID`.
//!
//! What can stop a PDF is in `error.rs`. Fonts (discovery, chains, metrics, the glyphs
//! kept for subsetting) are their own service, [`crate::fonts`].

mod error;
mod layout;
mod page;
mod table;
mod text;
mod write;

use crate::document::Document;
use crate::fonts::FontSet;

pub use error::PdfError;
pub use page::{Folio, Item, Page};

/// Lays out `doc` and writes it as PDF bytes. Pure: same input, same bytes.
pub fn render(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    let laid = layout::lay_out(doc, fonts)?;
    write::write(&laid, doc, fonts)
}

/// Lays out `doc` without writing it: the pages of positioned items (for tests and tools).
pub fn lay_out_pages(doc: &Document, fonts: &FontSet) -> Result<Vec<Page>, PdfError> {
    Ok(layout::lay_out(doc, fonts)?.pages)
}
