//! Input: the TOML schema, parsing with spans, and validation into a clean budget.

pub mod budget;
pub mod choice;
pub mod codes;
pub mod consolidate;
pub mod diagnostic;
pub mod explicit;
pub mod member;
pub mod options;
pub mod parse;
pub mod placeholder;
mod placeholder_labels;
pub mod prior;
pub mod raw;
pub mod raw_sections;
pub mod snippet;
pub mod source;
mod syntax;
pub mod validate;

pub use budget::Budget;
pub use diagnostic::{Diagnostic, Severity};

use std::path::Path;

/// Parses and validates a budget's source text. `base_dir` resolves relative paths (fonts,
/// and the unit files of a department's `[consolidate]`). Returns the budget when one could
/// be built, and every diagnostic found (a unit file's ones belong to that file). A value
/// left as 待填写 is reported once, as such, and nothing else is said about it.
pub fn load_str(src: &str, base_dir: &Path) -> (Option<Budget>, Vec<Diagnostic>) {
    load(parse::parse(src), src, base_dir)
}

/// [`load_str`] of text already parsed.
fn load(parsed: parse::Parsed, src: &str, base_dir: &Path) -> (Option<Budget>, Vec<Diagnostic>) {
    let parse::Parsed {
        raw,
        mut diags,
        mistyped,
    } = parsed;
    let placeholders = placeholder::find(src);
    let Some(raw) = raw else {
        return (None, placeholder::apply(&placeholders, diags, "万元"));
    };
    let mut ctx = validate::Ctx::new(src);
    let mut budget = validate::validate(&raw, &mut ctx, base_dir);
    if let Some(c) = &raw.consolidate {
        budget = consolidate::consolidate(&raw, c, budget, &mut ctx, base_dir);
    }
    // A value reported for its type was left out: it is not missing as well.
    diags.extend(ctx.diags.into_iter().filter(|d| {
        d.file.is_some() || !(d.message.starts_with("缺少") && mistyped.contains(&d.key))
    }));
    let money_unit = ctx.unit.name();
    (budget, placeholder::apply(&placeholders, diags, money_unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.toml");

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
