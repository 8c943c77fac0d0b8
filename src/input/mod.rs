//! Input: what a budget file says and how it is read — the TOML schema with spans
//! ([`raw`]), parsing ([`parse`]), 待填写 placeholders ([`placeholder`]) and validation
//! into the clean [`Budget`] ([`validate`]). A department's units are summed by the stage
//! above (`consolidate`), which reads each unit file through this one.

pub mod parse;
pub mod placeholder;
pub mod raw;
pub mod validate;

use crate::budget::Budget;
use crate::diagnostic::Diagnostic;
use std::path::Path;

/// A budget file parsed and validated, before anything is summed into it: its raw model,
/// the budget when one could be built, and the context holding the validation's
/// diagnostics. [`Read::finish`] gives the budget and every diagnostic.
pub struct Read<'s> {
    /// The TOML as written, when its structure could be read.
    pub raw: Option<raw::RawBudget>,
    /// The validated budget, when the structure was complete enough to build one.
    pub budget: Option<Budget>,
    /// Validation's context: where later checks of this file report their problems.
    pub ctx: validate::Ctx<'s>,
    diags: Vec<Diagnostic>,
    mistyped: Vec<String>,
    placeholders: Vec<placeholder::Found>,
}

/// Parses and validates a budget's source text. `base_dir` resolves relative paths (fonts,
/// and the unit files of a department's `[consolidate]`).
pub fn read<'s>(src: &'s str, base_dir: &Path) -> Read<'s> {
    read_parsed(parse::parse(src), src, base_dir)
}

/// [`read`] of text already parsed.
pub fn read_parsed<'s>(parsed: parse::Parsed, src: &'s str, base_dir: &Path) -> Read<'s> {
    let parse::Parsed {
        raw,
        diags,
        mistyped,
    } = parsed;
    let placeholders = placeholder::find(src);
    let mut ctx = validate::Ctx::new(src);
    let budget = raw
        .as_ref()
        .and_then(|raw| validate::validate(raw, &mut ctx, base_dir));
    Read {
        raw,
        budget,
        ctx,
        diags,
        mistyped,
        placeholders,
    }
}

impl Read<'_> {
    /// The budget and every diagnostic found. A value left as 待填写 is reported once, as
    /// such, and nothing else is said about it.
    pub fn finish(self) -> (Option<Budget>, Vec<Diagnostic>) {
        let Read {
            raw,
            budget,
            ctx,
            mut diags,
            mistyped,
            placeholders,
        } = self;
        if raw.is_none() {
            return (None, placeholder::apply(&placeholders, diags, "万元"));
        }
        // A value reported for its type was left out: it is not missing as well.
        diags.extend(ctx.diags.into_iter().filter(|d| {
            d.file.is_some() || !(d.message.starts_with("缺少") && mistyped.contains(&d.key))
        }));
        let money_unit = ctx.unit.name();
        (budget, placeholder::apply(&placeholders, diags, money_unit))
    }
}

/// Parses and validates a budget's source text: [`read`], then [`Read::finish`]. A
/// department's units are not summed here (`consolidate::load` does).
pub fn load_str(src: &str, base_dir: &Path) -> (Option<Budget>, Vec<Diagnostic>) {
    read(src, base_dir).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.toml"
    ));

    /// A section written with the wrong type is reported once, for its type, not also as
    /// missing.
    #[test]
    fn a_mistyped_section_is_not_also_missing() {
        for (from, to) in [
            ("procurement = \"none\"", "procurement = 7"),
            ("three_public = \"none\"", "three_public = 7"),
            ("[options]", "[options]"),
        ] {
            let src = format!(
                "{}\n[options]\nempty_tables = 3\n",
                MINIMAL.replace(from, to)
            );
            let (_, diags) = load_str(&src, Path::new("."));
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            let expected = if from == to { 1 } else { 2 };
            assert_eq!(errors.len(), expected, "{to}: {errors:#?}");
            assert!(
                errors.iter().all(|d| d.message.starts_with("类型不对")),
                "{errors:#?}"
            );
        }
    }
}
