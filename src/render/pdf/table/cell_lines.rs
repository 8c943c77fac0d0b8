//! A table cell's lines: broken between words where a line allows it, never ending on a
//! lone wrapped character.

use super::grid::{GridCell, PAD_X};
use crate::render::pdf::text::linebreak::{break_preferring, can_break};
use std::ops::Range;

/// Breaks every cell into lines for the column widths, between words where a line allows
/// it; a cell's last line never holds a single wrapped character ([`no_lone_last`]).
pub fn break_lines(cells: &mut [GridCell], widths: &[f32], size: f32) {
    for cell in cells.iter_mut() {
        let w: f32 = widths[cell.col..cell.col + cell.colspan].iter().sum();
        let inner = (w - 2.0 * PAD_X - cell.indent * size).max(size);
        let chars: Vec<char> = cell.shaped.iter().map(|s| s.ch).collect();
        let advances: Vec<f32> = cell.shaped.iter().map(|s| s.advance).collect();
        let lines = break_preferring(
            &chars,
            &advances,
            (inner, inner),
            &cell.hard,
            &cell.between_words,
        );
        cell.lines = no_lone_last(&chars, lines);
    }
}

/// Moves the last break of a wrapped text back by a character or two when its last line
/// would hold a single character (`行政事业单位养老支` / `出` becomes `…养老` / `支出`),
/// where a line may break there and the line before keeps at least two characters.
pub fn no_lone_last(chars: &[char], mut lines: Vec<Range<usize>>) -> Vec<Range<usize>> {
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
        if cut >= prev.start + 2 && can_break(chars[cut - 1], chars[cut]) {
            lines[n - 2].end = cut;
            lines[n - 1].start = cut;
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::no_lone_last;

    fn split(text: &str, lines: &[std::ops::Range<usize>]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        no_lone_last(&chars, lines.to_vec())
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
}
