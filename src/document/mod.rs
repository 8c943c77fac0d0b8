//! The neutral document model both renderers consume, and its builder.

pub mod build;
pub mod finish;
pub mod model;
pub mod placement;
pub mod summary;

pub use build::build;
pub use model::*;
pub use placement::{place, Placed};
