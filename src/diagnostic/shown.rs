//! A path or file name as every message prints it: control characters (a newline, a
//! carriage return, an escape sequence…), line and paragraph separators and bidirectional
//! overrides are written as escapes (`\n`, `\u{202e}`), so a file's name cannot start a
//! line of its own, forge 「已生成 …」, or redraw the terminal.

use std::path::Path;

/// `text` with every character that could break or disguise a line escaped.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// [`shown`] of a path.
pub fn shown_path(path: &Path) -> String {
    shown(&path.display().to_string())
}

/// A character that moves the cursor, ends a line or reorders the text around it.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_escapes_are_shown_as_escapes() {
        assert_eq!(shown("预算/二中.toml"), "预算/二中.toml");
        assert_eq!(shown("a\n[2/2] 已生成 b.toml"), "a\\n[2/2] 已生成 b.toml");
        assert_eq!(shown("a\r\x1b[2Kb"), "a\\r\\u{1b}[2Kb");
        assert_eq!(shown("x\u{2028}y\u{202e}z"), "x\\u{2028}y\\u{202e}z");
        assert_eq!(shown_path(Path::new("out/a\tb.pdf")), "out/a\\tb.pdf");
    }
}
