//! The source excerpt under a diagnostic: the line its span starts on, numbered, with the
//! span underlined. Columns are display columns (a CJK character takes two).

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// The most columns underlined; a longer span is marked at its start, then `…`.
const MAX_CARETS: usize = 40;

/// The span's first line, numbered, with `^` under the span's part of it; a span that runs
/// on over later lines says on which line it ends.
pub fn underline(src: &str, span: Range<usize>) -> String {
    let start = boundary(src, span.start);
    let end = boundary(src, span.end).max(start);
    let line_start = src
        .get(..start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = src
        .get(start..)
        .and_then(|s| s.find('\n'))
        .map_or(src.len(), |i| start + i);
    let line_no = slice(src, 0, start).matches('\n').count() + 1;
    let text = slice(src, line_start, line_end).trim_end_matches('\r');
    let indent = width(slice(src, line_start, start));
    let carets = width(slice(src, start, end.min(line_end))).max(1);
    // A long text is marked at its start: the line above shows all of it.
    let (carets, cut) = if carets > MAX_CARETS {
        (MAX_CARETS, "…")
    } else {
        (carets, "")
    };
    let last_line = line_no
        + slice(src, start, end)
            .trim_end_matches('\n')
            .matches('\n')
            .count();
    let more = if last_line > line_no {
        format!(" （至第 {last_line} 行）")
    } else {
        String::new()
    };
    let number = line_no.to_string();
    let pad = " ".repeat(number.len());
    format!(
        "{pad} │\n{number} │ {}\n{pad} │ {}{}{cut}{more}\n",
        text.replace('\t', " "),
        " ".repeat(indent),
        "^".repeat(carets)
    )
}

/// The nearest character boundary at or before `i`, within the source.
fn boundary(src: &str, i: usize) -> usize {
    let mut i = i.min(src.len());
    while !src.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn slice(src: &str, a: usize, b: usize) -> &str {
    src.get(a..b.max(a)).unwrap_or_default()
}

/// Display width: wide characters two columns, a tab or control character one.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if c == '\t' { 1 } else { c.width().unwrap_or(1) })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underlines_wide_characters_by_display_width() {
        let src = "a = 1\namount_unit = \"千元\"\n";
        let at = src.find('"').unwrap();
        let out = underline(src, at..at + "\"千元\"".len());
        assert_eq!(
            out,
            "  │\n2 │ amount_unit = \"千元\"\n  │               ^^^^^^\n"
        );
    }

    #[test]
    fn a_span_over_several_lines_names_its_last_line() {
        let src = "[unit]\nname = \"x\"\nyear = 1\n";
        let out = underline(src, 0..src.len());
        assert!(out.contains("1 │ [unit]"), "{out}");
        assert!(out.contains("^^^^^^ （至第 3 行）"), "{out}");
    }

    #[test]
    fn a_long_span_is_underlined_at_its_start() {
        let src = format!("goal = \"{}\"\n", "很".repeat(100));
        let out = underline(&src, 7..src.len() - 1);
        assert!(
            out.ends_with(&format!("{}…\n", "^".repeat(MAX_CARETS))),
            "{out}"
        );
    }

    #[test]
    fn spans_outside_the_source_or_inside_a_character_do_not_panic() {
        let src = "名称 = 1";
        assert!(underline(src, 1..2).contains("名称"));
        assert!(underline(src, 100..200).contains('^'));
        assert!(underline("", 0..0).contains('^'));
    }
}
