//! gongkai（公开）: one budget unit's TOML in, its publishable 预算公开 disclosure out.
//!
//! The modules follow the pipeline, bottom layer first (ARCHITECTURE.md is the map):
//! [`money`], [`numerals`] and [`format`] are small shared things; [`diagnostic`] holds
//! located problems and how they print; [`budget`] is the validated budget every later stage
//! reads; [`input`] reads and validates the TOML into it; [`derive`] computes every figure;
//! [`consolidate`] sums a department's units; [`document`] composes the one document model;
//! [`fonts`] finds and measures the faces; [`render`] lays the document out as HTML, PDF and
//! Excel; [`pipeline`] runs the stages; [`output`] writes a set of files; [`commands`] is
//! the command line.

pub mod budget;
pub mod commands;
pub mod consolidate;
pub mod derive;
pub mod diagnostic;
pub mod document;
pub mod fonts;
pub mod format;
pub mod input;
pub mod money;
pub mod numerals;
pub mod output;
pub mod pipeline;
pub mod regular_file;
pub mod render;
