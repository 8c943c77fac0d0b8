//! Which characters the loaded fonts cannot print: `check` finds them in the TOML (with
//! their location) before `generate` would fail on them in the PDF.

use super::metrics::Metrics;
use super::role::Role;
use super::set::FontSet;

/// Answers, for one font set, whether a character can be printed in every role.
pub struct Coverage<'a> {
    metrics: Metrics<'a>,
    fonts: &'a FontSet,
}

impl<'a> Coverage<'a> {
    /// Coverage of `fonts`.
    pub fn new(fonts: &'a FontSet) -> Coverage<'a> {
        Coverage {
            metrics: Metrics::new(fonts),
            fonts,
        }
    }

    /// The first role (with its font chain) that cannot draw `ch`, or `None` when every
    /// role can. Whitespace and control characters are never drawn and always pass.
    pub fn missing(&self, ch: char) -> Option<String> {
        if ch.is_whitespace() || ch.is_control() {
            return None;
        }
        Role::ALL
            .into_iter()
            .find(|role| self.metrics.resolve(*role, ch).is_none())
            .map(|role| format!("{}：{}", role.name(), self.fonts.chain_names(role)))
    }
}
