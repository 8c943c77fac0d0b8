//! Renderers: the document model as bytes, one module per format — [`html`] (tera
//! templates), [`pdf`] (own layout and writer, faces from `crate::fonts`), [`xlsx`] and
//! [`json`]; [`chart`] is the chart layout HTML and PDF both draw, [`figures`] the units a
//! figure keeps on its line in both. They compute no figure and write no file.

pub mod chart;
pub mod figures;
pub mod html;
pub mod json;
pub mod pdf;
pub mod xlsx;
