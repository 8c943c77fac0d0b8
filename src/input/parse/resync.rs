//! Every syntax error of a file in one run. The parser stops at the first error; after it
//! is reported, a private copy of the text is mended — a full-width character replaced by
//! the ASCII one meant, or else the statement in error blanked — always byte for byte, so
//! every later line and column stays where it was, and the copy is parsed again, until it
//! parses or nothing more can be learned.

use super::mend::{Found, Mend};
use super::syntax;
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
        let Found { mut diag, mend } = syntax::explain(&work, span, &message);
        // Mended text has ASCII where the file has wider characters: the span is put back
        // on the file's characters.
        diag.span = diag
            .span
            .map(|s| floor_char(src, s.start)..ceil_char(src, s.end.max(s.start)));
        out.push(diag);
        match mend {
            Mend::Blank(blank) if blank.is_empty() => break,
            Mend::Blank(blank) => blank_out(&mut work, &blank),
            Mend::Ascii(chars) => work = best_ascii(&work, &chars),
        }
    }
    out
}

/// The text with full-width characters put right: the first alone (a “ opening a text
/// that an ASCII quote closes) or all of them on the line (“…”), whichever lets the parse
/// go further.
fn best_ascii(work: &str, chars: &[(Range<usize>, char)]) -> String {
    let mend = |chars: &[(Range<usize>, char)]| {
        let mut text = work.to_string();
        for (range, ascii) in chars {
            let padded = format!("{}{ascii}", " ".repeat(range.len() - 1));
            text.replace_range(range.clone(), &padded);
        }
        let reach = first_error(&text).map_or(usize::MAX, |(span, _)| span.map_or(0, |s| s.start));
        (reach, text)
    };
    let (first_reach, first) = mend(&chars[..chars.len().min(1)]);
    if chars.len() < 2 {
        return first;
    }
    let (all_reach, all) = mend(chars);
    if first_reach > all_reach {
        first
    } else {
        all
    }
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

/// The nearest char boundary at or after `i`.
fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.toml"
    ));

    /// Slips a clerk makes on one line, each turning the line into a syntax error. (A line
    /// such as a list's `]` commented out with ＃ would leave the list open once mended as
    /// the hint says: a second error of its own, so not tried here.)
    fn slips(line: &str) -> Vec<String> {
        let opens_statement = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '[');
        let mut slips = vec![
            line.replacen(" = ", " ＝ ", 1),
            line.replacen('"', "“", 1),
            line.replacen(']', "】", 1),
            line.replacen('"', "", 1),
            line.replacen('}', "", 1),
            line.replacen(']', "", 1),
            format!("{line} x"),
            line.replacen("= ", "= 1,080.00 ", 1),
            line.replacen('[', "", 1),
        ];
        if opens_statement {
            slips.push(format!("＃{line}"));
        }
        slips
    }

    /// One slip on one line of a valid file is one error: never two, never a panic, and
    /// nothing after it reported as its consequence.
    #[test]
    fn one_slip_is_one_error_on_every_line() {
        one_slip_per_line(MINIMAL, 1);
    }

    /// [`one_slip_is_one_error_on_every_line`] over every `step`th line of `file`.
    fn one_slip_per_line(file: &str, step: usize) {
        let lines: Vec<&str> = file.lines().collect();
        for (n, line) in lines.iter().enumerate().step_by(step) {
            for slip in slips(line) {
                let mut text = lines.clone();
                text[n] = &slip;
                let src = text.join("\n");
                let found = syntax_errors(&src);
                if DeTable::parse(&src).is_ok() {
                    assert!(found.is_empty(), "line {}: {slip}: {found:#?}", n + 1);
                    continue;
                }
                assert_eq!(found.len(), 1, "line {}: {slip}: {found:#?}", n + 1);
            }
        }
    }

    /// [`one_slip_is_one_error_on_every_line`] on the examples (every 11th line: every
    /// line takes half a minute), with their multi-line lists, quoted keys and comments.
    #[test]
    fn one_slip_is_one_error_in_the_examples() {
        for name in [
            "qitai-commerce-2024",
            "manas-commerce-2024",
            "changji-industry-2024",
        ] {
            let path = format!("{}/examples/{name}.toml", env!("CARGO_MANIFEST_DIR"));
            let src = std::fs::read_to_string(path).expect("the examples are readable");
            one_slip_per_line(&src, 11);
        }
    }

    /// Random damage (brackets, quotes, full-width signs, newlines) at random places never
    /// panics, and every error found is located on the text's characters.
    #[test]
    fn random_damage_is_reported_without_panic() {
        const PIECES: [&str; 12] = [
            "[", "]", "{", "\"", "'", "＝", "“", "\n", "#", "=", "，", "\"\"\"",
        ];
        let mut seed: u64 = 19;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for _ in 0..300 {
            let mut src = MINIMAL.to_string();
            for _ in 0..1 + next(4) {
                let mut at = next(src.len());
                while !src.is_char_boundary(at) {
                    at -= 1;
                }
                src.insert_str(at, PIECES[next(PIECES.len())]);
            }
            for d in syntax_errors(&src) {
                let span = d.span.clone().unwrap_or_default();
                assert!(span.end <= src.len(), "{d:?}");
                assert!(src.get(span.clone()).is_some(), "{d:?}");
            }
        }
    }

    /// Two slips far apart are both reported, each at its place.
    #[test]
    fn two_slips_are_two_errors() {
        let src = MINIMAL
            .replace("name = \"示例县统计局\"", "name ＝ \"示例县统计局\"")
            .replace("in_service = 8", "in_service ＝ 8");
        let found = syntax_errors(&src);
        let lines: Vec<usize> = found
            .iter()
            .filter_map(|d| d.span.as_ref())
            .map(|s| crate::diagnostic::line_col(&src, s.start).0)
            .collect();
        assert_eq!(lines, vec![5, 17], "{found:#?}");
    }

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
