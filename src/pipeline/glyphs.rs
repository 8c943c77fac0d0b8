//! Characters no PDF font can print, found in the budget's texts before a render would fail
//! on them: each located at the character in its own file.

use crate::budget::Budget;
use crate::diagnostic::Diagnostic;
use crate::fonts::{Coverage, FontSet};

/// [`glyph_diagnostics`] of a budget's file and, for a department summed from its units,
/// of each unit's file (whose texts it prints), each located in its own file.
pub fn budget_glyph_diagnostics(src: &str, budget: &Budget, fonts: &FontSet) -> Vec<Diagnostic> {
    let mut out = glyph_diagnostics(src, fonts);
    for m in &budget.members {
        out.extend(
            glyph_diagnostics(&m.file.src, fonts)
                .into_iter()
                .map(|d| d.in_file(&m.file)),
        );
    }
    out
}

/// Every character of the source's texts that `fonts` cannot print in some role, located
/// at the character, once per text and character. Characters refused in every text
/// (control and invisible characters, separators) are reported by the text checks instead.
pub fn glyph_diagnostics(src: &str, fonts: &FontSet) -> Vec<Diagnostic> {
    let coverage = Coverage::new(fonts);
    if all_printable(src, &coverage) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (key, span, text) in crate::input::parse::strings(src) {
        let mut seen = Vec::new();
        for ch in text.chars() {
            if seen.contains(&ch) || crate::input::validate::is_refused(ch) {
                continue;
            }
            seen.push(ch);
            let Some(searched) = coverage.missing(ch) else {
                continue;
            };
            let raw = src.get(span.clone()).unwrap_or_default();
            let at = raw.find(ch).map_or(span.clone(), |i| {
                span.start + i..span.start + i + ch.len_utf8()
            });
            out.push(
                Diagnostic::error(
                    Some(at),
                    key.clone(),
                    format!(
                        "字符“{ch}”（U+{:04X}）在已安装的字体中没有字形，无法印在 PDF 上（no font has this character）",
                        u32::from(ch)
                    ),
                )
                .with_hint(format!(
                    "换成常用字或删去这个字符（表情符号、生僻字常见）；或安装覆盖它的字体，用 --font-dir 或 [fonts] 指定。已搜索的字体：{searched}"
                )),
            );
        }
    }
    out
}

/// Whether every character of the source — its strings, keys and comments alike — can be
/// printed: then so can every string's, and there is nothing to locate (the usual case,
/// found without parsing the source again). Not when a string may spell a character as a
/// `\u`/`\U` escape, which the source does not hold as such.
fn all_printable(src: &str, coverage: &Coverage<'_>) -> bool {
    if src.contains("\\u") || src.contains("\\U") {
        return false;
    }
    let mut seen = vec![0u64; 0x1_0000 / 64];
    for ch in src.chars() {
        let code = ch as usize;
        if let Some(word) = seen.get_mut(code / 64) {
            let bit = 1u64 << (code % 64);
            if *word & bit != 0 {
                continue;
            }
            *word |= bit;
        }
        if coverage.missing(ch).is_some() {
            return false;
        }
    }
    true
}
