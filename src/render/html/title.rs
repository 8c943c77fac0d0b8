//! Titles split into pieces so that a protected phrase — the unit's name, a year such as
//! `2024年` — never breaks over two lines: the template wraps each kept piece in
//! `<span class="keep">` (`display: inline-block`), which moves to the next line as a whole
//! and wraps inside itself only when it alone is wider than the line.

use serde::Serialize;

/// A run of a title's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Piece {
    /// The text.
    pub text: String,
    /// Kept on one line.
    pub keep: bool,
}

/// Splits `text` at the occurrences of the phrases of `keep` (the longest one where two
/// start at the same place) and of years (`2024年`), in order; the pieces joined give
/// `text` back. Empty phrases are ignored.
pub(super) fn pieces(text: &str, keep: &[&str]) -> Vec<Piece> {
    split_kept(text, |rest, after_digit| kept_len(rest, keep, after_digit))
}

/// Splits `text` into plain and kept pieces, a kept one wherever `kept` (given the rest of
/// the text and whether a digit comes before it) says how many bytes to keep; the pieces
/// joined give `text` back.
pub(super) fn split_kept(text: &str, kept: impl Fn(&str, bool) -> Option<usize>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        let after_digit = text[..at].ends_with(|c: char| c.is_ascii_digit());
        match kept(&text[at..], after_digit) {
            Some(len) => {
                if plain_from < at {
                    out.push(piece(&text[plain_from..at], false));
                }
                out.push(piece(&text[at..at + len], true));
                at += len;
                plain_from = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_from < text.len() {
        out.push(piece(&text[plain_from..], false));
    }
    out
}

fn piece(text: &str, keep: bool) -> Piece {
    Piece {
        text: text.to_string(),
        keep,
    }
}

/// Length in bytes of the protected phrase `rest` starts with, if any (a year only where
/// no digit comes before it).
fn kept_len(rest: &str, keep: &[&str], after_digit: bool) -> Option<usize> {
    let phrase = keep
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && rest.starts_with(p))
        .map(str::len)
        .max();
    phrase.or_else(|| year_len(rest).filter(|_| !after_digit))
}

/// `2024年` at the start of `rest`: four ASCII digits and 年.
fn year_len(rest: &str) -> Option<usize> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4 && rest[4..].starts_with('年')).then_some(4 + '年'.len_utf8())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The pieces joined, each kept one in brackets: 「[2024年]奇台…」.
    pub(in crate::render::html) fn show(p: &[Piece]) -> String {
        p.iter()
            .map(|p| {
                if p.keep {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn keeps_the_unit_name_and_years_whole() {
        let unit = ["奇台县商务和工业信息化局"];
        assert_eq!(
            show(&pieces("2024年奇台县商务和工业信息化局单位概况", &unit)),
            "[2024年][奇台县商务和工业信息化局]单位概况"
        );
        assert_eq!(
            show(&pieces(
                "一、关于奇台县商务和工业信息化局2024年收支预算情况的总体说明",
                &unit
            )),
            "一、关于[奇台县商务和工业信息化局][2024年]收支预算情况的总体说明"
        );
        assert_eq!(
            show(&pieces("编制单位：奇台县商务和工业信息化局", &unit)),
            "编制单位：[奇台县商务和工业信息化局]"
        );
    }

    #[test]
    fn plain_text_stays_one_piece_and_nothing_is_lost() {
        assert_eq!(
            pieces("单位收支总体情况表", &["奇台县"]),
            vec![piece("单位收支总体情况表", false)]
        );
        assert_eq!(pieces("", &["x"]), vec![]);
        // Not a year: five digits, or no 年.
        assert_eq!(show(&pieces("12024年 2024 年", &[""])), "12024年 2024 年");
        let text = "单位A单位AB单位";
        let joined: String = pieces(text, &["单位A", "单位AB"])
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(joined, text);
        assert_eq!(
            show(&pieces(text, &["单位A", "单位AB"])),
            "[单位A][单位AB]单位"
        );
    }
}
