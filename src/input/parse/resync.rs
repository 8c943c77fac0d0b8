//! Every syntax error of a file in one run. The parser stops at the first error; after it
//! is reported, the statement in error is blanked in a private copy of the text (each of its
//! bytes replaced, so every later line and column stays where it was) and the copy is
//! parsed again, until it parses or nothing more can be learned.

use super::syntax::{self, Found};
use crate::diagnostic::Diagnostic;
use std::ops::Range;
use toml::de::DeTable;

/// How many syntax errors are reported before giving up on a file.
const MAX_SYNTAX_ERRORS: usize = 50;

/// Every syntax error of `src`, in source order, each reported once. Empty when the text
/// is valid TOML. A statement in error is left out of the rest of the parse, so what follows
/// it is not reported as a consequence of it; the parse stops where it cannot move on.
pub fn syntax_errors(src: &str) -> Vec<Diagnostic> {
    let mut work = src.to_string();
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut last_at: Option<usize> = None;
    while out.len() < MAX_SYNTAX_ERRORS {
        let Some((span, message)) = first_error(&work) else {
            break;
        };
        let at = span.as_ref().map_or(0, |s| s.start.min(work.len()));
        if last_at.is_some_and(|last| at <= last) {
            break;
        }
        last_at = Some(at);
        let Found { diag, blank } = syntax::explain(&work, span, &message);
        out.push(diag);
        if blank.is_empty() {
            break;
        }
        blank_out(&mut work, &blank);
    }
    out
}

/// The first syntax error of the text (the earliest in the text), if any.
fn first_error(text: &str) -> Option<(Option<Range<usize>>, String)> {
    let (_, errors) = DeTable::parse_recoverable(text);
    errors
        .iter()
        .min_by_key(|e| e.span().map_or(0, |s| s.start))
        .map(|e| (e.span(), e.message().to_string()))
}

/// Replaces the bytes of `range` with a comment of the same length: `#` then spaces, each
/// line's newline kept, so that positions after it do not move.
fn blank_out(work: &mut String, range: &Range<usize>) {
    let start = floor_char(work, range.start);
    let end = floor_char(work, range.end.min(work.len()));
    let blanked: String = work[start..end]
        .split_inclusive('\n')
        .map(|line| {
            let body = line.strip_suffix('\n').unwrap_or(line);
            let newline = if body.len() < line.len() { "\n" } else { "" };
            match body.len() {
                0 => newline.to_string(),
                n => format!("#{}{newline}", " ".repeat(n - 1)),
            }
        })
        .collect();
    work.replace_range(start..end, &blanked);
}

/// The nearest char boundary at or before `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blanking keeps every byte offset (and so every line and column) of the text.
    #[test]
    fn blanking_keeps_positions() {
        let mut work = "a = 1\nname ＝ \"x\"\nb = 2\n".to_string();
        let before = work.len();
        let end = work.find("b =").unwrap_or(0);
        blank_out(&mut work, &(6..end));
        assert_eq!(work.len(), before);
        assert_eq!(work.lines().nth(2), Some("b = 2"));
        assert!(DeTable::parse(&work).is_ok(), "{work}");
    }
}
