//! gongkai（公开）: one budget unit's TOML in, its publishable 预算公开 disclosure out.
//!
//! The pipeline, one module each: [`model`] parses and validates the TOML into a clean
//! budget, [`derive`] computes every table and sentence figure, [`document`] assembles the
//! neutral document model, and [`render`] lays that model out as HTML or PDF; [`generate`]
//! runs the whole path for the command line and the benchmark.

pub mod cli;
pub mod commands;
pub mod derive;
pub mod document;
pub mod generate;
pub mod model;
pub mod money;
pub mod output;
pub mod pipeline;
pub mod render;
