//! The one document model every renderer consumes ([`model`]), how it is composed from the
//! budget and its figures ([`compose`]), finished in its display unit with the 尾差 notes
//! ([`finish`]), placed cell by cell ([`placement`]) and summarised for a batch's index
//! ([`summary`]).

pub mod compose;
pub mod finish;
pub mod model;
pub mod placement;
pub mod summary;

pub use compose::compose;
pub use model::*;
pub use placement::{place, Placed};
