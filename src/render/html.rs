//! HTML renderer (being merged from the HTML work copy).

use crate::document::Document;
use std::path::Path;

/// HTML rendering errors.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// Not merged yet.
    #[error("HTML 渲染器尚未合并")]
    Missing,
}

/// The HTML renderer.
pub struct HtmlRenderer;

impl HtmlRenderer {
    /// Loads templates.
    pub fn new(_dir: Option<&Path>) -> Result<Self, HtmlError> {
        Err(HtmlError::Missing)
    }

    /// Renders.
    pub fn render(&self, _doc: &Document) -> Result<Vec<u8>, HtmlError> {
        Err(HtmlError::Missing)
    }
}
