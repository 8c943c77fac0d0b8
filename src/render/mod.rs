//! Renderers: lay out the document model; they compute no figure.

pub mod chart;
pub mod html;
pub mod pdf;
pub mod xlsx;
