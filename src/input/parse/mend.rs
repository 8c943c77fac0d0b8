//! What a syntax error found and how the private copy of the text is mended before it is
//! parsed again; the characters of a line where TOML syntax lives.

use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// A syntax error explained: its diagnostic, and how to mend the text before it is parsed
/// again, so that the rest of the file is read as the clerk meant it.
pub struct Found {
    /// The error, located where it can be mended.
    pub diag: Diagnostic,
    /// What to do to the text before parsing it again.
    pub mend: Mend,
}

/// How the private copy of the text is mended after an error.
pub enum Mend {
    /// Blank the statement the error spoils (the line, a table header's whole table, or a
    /// list left open): it is left out of the next parse.
    Blank(Range<usize>),
    /// Put the ASCII character for each full-width one typed in its place.
    Ascii(Vec<(Range<usize>, char)>),
}

/// The characters of a line outside ASCII-quoted strings and comments (where syntax
/// lives), with their byte offsets.
pub fn syntax_chars(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut quote: Option<char> = None;
    let mut comment = false;
    line.char_indices().filter(move |(_, c)| {
        if comment {
            return false;
        }
        match quote {
            Some(q) => {
                if *c == q {
                    quote = None;
                }
                false
            }
            None if *c == '"' || *c == '\'' => {
                quote = Some(*c);
                false
            }
            None if *c == '#' => {
                comment = true;
                false
            }
            None => true,
        }
    })
}
