//! The neutral document model both renderers consume, and its builder.

pub mod build;
pub mod model;

pub use build::build;
pub use model::*;
