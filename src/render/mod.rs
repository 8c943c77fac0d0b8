//! Renderers: lay out the document model; they compute no figure.

pub mod html;
pub mod pdf;
