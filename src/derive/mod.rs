//! Derivation: totals, rollups, shares, changes and sentences, as data.

pub mod change;
pub mod checks;
pub mod figures;
pub mod ledger;
pub mod sentences;
pub mod shares;
pub mod structure;
pub mod totals;

pub use figures::{figures, Figures};
