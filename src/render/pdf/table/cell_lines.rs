//! A table cell's lines: broken only between words (unit names, vocabulary words,
//! bracketed units and figures stay whole) — inside a word only when the word alone is
//! wider than the cell — never ending on a lone wrapped character.

use super::grid::{GridCell, PAD_X};
use crate::render::pdf::text::linebreak::break_preferring;
use std::ops::Range;

/// Breaks every cell into lines for the column widths, only where [`allowed`] lets a line
/// start; a cell's last line never holds a single wrapped character ([`no_lone_last`]).
pub fn break_lines(cells: &mut [GridCell], widths: &[f32], size: f32) {
    for cell in cells.iter_mut() {
        let w: f32 = widths[cell.col..cell.col + cell.colspan].iter().sum();
        let inner = (w - 2.0 * PAD_X - cell.indent * size).max(size);
        let chars: Vec<char> = cell.shaped.iter().map(|s| s.ch).collect();
        let advances: Vec<f32> = cell.shaped.iter().map(|s| s.advance).collect();
        let ok = allowed(&chars, &advances, (&cell.between_words, &cell.hard), inner);
        let lines = break_preferring(&chars, &advances, (inner, inner), &ok, &ok);
        cell.lines = no_lone_last(&chars, lines, &ok);
    }
}

/// How many lines `cell` takes in a column whose text is `inner` points wide.
pub fn line_count(cell: &GridCell, inner: f32) -> usize {
    let chars: Vec<char> = cell.shaped.iter().map(|s| s.ch).collect();
    let advances: Vec<f32> = cell.shaped.iter().map(|s| s.advance).collect();
    let ok = allowed(&chars, &advances, (&cell.between_words, &cell.hard), inner);
    break_preferring(&chars, &advances, (inner, inner), &ok, &ok).len()
}

/// Where a line of a cell `inner` points wide may start: between words (`words`), and
/// inside a word (where `hard` allows, not next to its first or last character) only when
/// the word is wider than `inner` — the least bad split when no width the table can give
/// holds it.
pub fn allowed(
    chars: &[char],
    advances: &[f32],
    (words, hard): (&[bool], &[bool]),
    inner: f32,
) -> Vec<bool> {
    let mut ok = words.to_vec();
    let mut start = 0;
    for end in 1..=chars.len() {
        let newline = end < chars.len() && (chars[end] == '\n' || chars[end - 1] == '\n');
        if end < chars.len() && !words[end] && !newline {
            continue;
        }
        let width: f32 = advances[start..end].iter().sum();
        if width > inner + 0.01 {
            // A long word keeps two characters together at each end (政府性/基金, not
            // 政府性基/金), when it has four or more.
            let margin = if end - start >= 4 { 2 } else { 1 };
            ok[start + margin..=end - margin].copy_from_slice(&hard[start + margin..=end - margin]);
        }
        start = end;
    }
    ok
}

/// Moves the last break of a wrapped text back by a character or two when its last line
/// would hold a single character (`行政事业单位养老支` / `出` becomes `…养老` / `支出`),
/// where a line may start there (`ok`) and the line before keeps at least two characters.
pub fn no_lone_last(
    chars: &[char],
    mut lines: Vec<Range<usize>>,
    ok: &[bool],
) -> Vec<Range<usize>> {
    let n = lines.len();
    if n < 2 {
        return lines;
    }
    let (prev, last) = (lines[n - 2].clone(), lines[n - 1].clone());
    let visible = |r: &Range<usize>| {
        chars[r.clone()]
            .iter()
            .filter(|c| !c.is_whitespace())
            .count()
    };
    if visible(&last) != 1 || prev.end != last.start {
        return lines;
    }
    for back in 1..=2 {
        let Some(cut) = last.start.checked_sub(back) else {
            break;
        };
        if cut >= prev.start + 2 && ok[cut] {
            lines[n - 2].end = cut;
            lines[n - 1].start = cut;
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{allowed, no_lone_last};
    use crate::render::pdf::text::linebreak::{break_preferring, opportunities};
    use crate::render::pdf::text::words::Words;

    fn split(text: &str, lines: &[std::ops::Range<usize>]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        no_lone_last(&chars, lines.to_vec(), &opportunities(&chars))
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn a_lone_last_character_takes_one_from_the_line_before() {
        assert_eq!(
            split("行政事业单位养老支出", &[0..9, 9..10]),
            vec!["行政事业单位养老", "支出"]
        );
    }

    #[test]
    fn a_two_character_line_is_not_robbed() {
        assert_eq!(
            split("资本性支出", &[0..2, 2..4, 4..5]),
            vec!["资本", "性支", "出"]
        );
        assert_eq!(split("人员", &[0..1, 1..2]), vec!["人", "员"]);
    }

    /// A cell's lines at `per_line` characters a line (every character one wide).
    fn cell(words: &Words, text: &str, per_line: f32) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let advances = vec![1.0; chars.len()];
        let (between, hard) = (words.breaks(&chars), Words::hard_breaks(&chars));
        let ok = allowed(&chars, &advances, (&between, &hard), per_line);
        let lines = break_preferring(&chars, &advances, (per_line, per_line), &ok, &ok);
        no_lone_last(&chars, lines, &ok)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn a_cell_breaks_only_between_words_when_they_fit() {
        let words = Words::new(["奇台县商务和工业信息化局"]);
        assert_eq!(
            cell(&words, "奇台县商务和工业信息化局", 12.0),
            vec!["奇台县商务和工业信息化局"]
        );
        // A short first line rather than a word split.
        assert_eq!(cell(&words, "单位联系人", 4.0), vec!["单位", "联系人"]);
        assert_eq!(
            cell(&words, "项目资金（万元）", 6.0),
            vec!["项目资金", "（万元）"]
        );
    }

    #[test]
    fn a_word_wider_than_the_cell_is_split_where_the_rules_allow() {
        let words = Words::new(["奇台县商务和工业信息化局"]);
        let lines = cell(&words, "奇台县商务和工业信息化局", 5.0);
        assert_eq!(lines.concat(), "奇台县商务和工业信息化局");
        assert!(lines.iter().all(|l| l.chars().count() <= 5), "{lines:?}");
        // Only the word that does not fit is split; the others stay whole.
        let lines = cell(&words, "部门奇台县商务和工业信息化局联系人", 5.0);
        assert!(lines[0].starts_with("部门"), "{lines:?}");
        assert_eq!(
            lines.last().map(String::as_str),
            Some("联系人"),
            "{lines:?}"
        );
    }
}
