//! Input: the TOML schema, parsing with spans, and validation into a clean budget.

pub mod budget;
pub mod choice;
pub mod codes;
pub mod diagnostic;
pub mod explicit;
pub mod options;
pub mod parse;
pub mod prior;
pub mod raw;
pub mod raw_sections;
pub mod source;
pub mod validate;

pub use budget::Budget;
pub use diagnostic::{Diagnostic, Severity};

use std::path::Path;

/// Parses and validates a budget's source text. `base_dir` resolves relative font paths.
/// Returns the budget when one could be built, and every diagnostic found.
pub fn load_str(src: &str, base_dir: &Path) -> (Option<Budget>, Vec<Diagnostic>) {
    let parse::Parsed {
        raw,
        mut diags,
        mistyped,
    } = parse::parse(src);
    let Some(raw) = raw else { return (None, diags) };
    let mut ctx = validate::Ctx::new(src);
    let budget = validate::validate(&raw, &mut ctx, base_dir);
    // A value reported for its type was left out: it is not missing as well.
    diags.extend(
        ctx.diags
            .into_iter()
            .filter(|d| !(d.message.starts_with("缺少必填的键") && mistyped.contains(&d.key))),
    );
    (budget, diags)
}
