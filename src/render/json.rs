//! The document model as JSON (`--format json`): every block and cell exactly as the other
//! renderers receive it, for checking tools and for other systems to read.

use crate::document::Document;

/// The document as pretty-printed JSON bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec_pretty(doc)
}
