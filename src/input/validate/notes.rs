//! The closing texts: `[notes]` (其他需说明的事项 and the reasons for unpublished
//! performance tables) and `[[glossary]]` (名词解释).

use super::ctx::Ctx;
use super::text::TextRules;
use crate::budget::Notes;
use crate::input::raw::{RawNotes, RawTerm};

/// Validates `[notes]`: the two reasons, then each other note in order.
pub fn notes(raw: &RawNotes, ctx: &mut Ctx<'_>, rules: &TextRules) -> Notes {
    Notes {
        nonfiscal_reason: ctx.opt_text(
            raw.nonfiscal_reason.as_ref(),
            "notes.nonfiscal_reason",
            rules,
        ),
        secret_reason: ctx.opt_text(raw.secret_reason.as_ref(), "notes.secret_reason", rules),
        other: raw
            .other
            .iter()
            .enumerate()
            .map(|(i, t)| ctx.text(t, &format!("notes.other[{i}]"), rules))
            .collect(),
    }
}

/// Validates `[[glossary]]`: each entry's term and definition, both required.
pub fn glossary(raw: &[RawTerm], ctx: &mut Ctx<'_>, rules: &TextRules) -> Vec<(String, String)> {
    raw.iter()
        .enumerate()
        .map(|(i, t)| {
            let key = format!("glossary[{i}]");
            (
                ctx.req_text(
                    &t.term,
                    &format!("{key}.term"),
                    t.definition.as_ref().map(|d| d.span()),
                    rules,
                ),
                ctx.req_text(
                    &t.definition,
                    &format!("{key}.definition"),
                    t.term.as_ref().map(|d| d.span()),
                    rules,
                ),
            )
        })
        .collect()
}
