//! Fonts as a service: which faces this machine has for each 公文 role, and what they can
//! draw. The PDF renderer lays text out and embeds subsets with them; `check` asks them
//! whether every character of a budget's texts can be printed. Nothing here knows about
//! PDF, the document or the pipeline.
//!
//! The front door is [`load_fonts`]: [`FontOptions`] in (`--font-dir`, TOML `[fonts]`;
//! `options.rs`), a [`FontSet`] out, or a [`FontError`] saying what to install
//! (`error.rs`). Inside, bottom first:
//! - [`role`]: the typographic roles of a 公文 ([`Role`]);
//! - [`discovery`]: which files on this machine can play each role, best first;
//! - [`substitute`]: roles drawn in a face that only stands in for the real one;
//! - [`set`]: the faces loaded once per process and each role's fallback chain;
//! - [`metrics`]: a character resolved to the face and glyph that draw it, and widths;
//! - [`coverage`]: which characters no face of some role can draw (for `check`);
//! - [`program`]: the font programs themselves — sfnt and CFF plumbing, and the glyphs of
//!   each CFF face kept for subsetting.

mod coverage;
mod discovery;
mod error;
mod metrics;
mod options;
pub(crate) mod program;
mod resolutions;
mod role;
mod set;
mod substitute;
#[cfg(test)]
mod tests;

pub use coverage::Coverage;
pub use error::FontError;
pub use metrics::Metrics;
pub use options::FontOptions;
pub use resolutions::Resolved;
pub use role::Role;
pub use set::{FontData, FontSet, LoadedFace};
pub use substitute::Substitute;

/// Discovers and loads the fonts for every role; call once per process and reuse.
pub fn load_fonts(opts: &FontOptions) -> Result<FontSet, FontError> {
    FontSet::load(opts)
}
