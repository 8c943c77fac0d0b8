//! A table cell's lines, the breaks of the whole cell chosen together: between words
//! (unit names, vocabulary words, bracketed units and figures stay whole) where they fit;
//! else between the parts of a compound (一般公共/预算, 家庭/的); inside a word only when
//! no other break fits, and then not next to its first or last character; and no line a
//! lone character (商品 / 和 / 服务) where the text can be shared otherwise.
//!
//! Each break has a cost by what it divides ([`super::break_costs`]), each line a cost for being there and for
//! the room it leaves (a cell's last line excepted), and a lone character a cost; the
//! least total wins (dynamic programming over the break positions, each line looked back
//! from its end only as far as the cell is wide).

use super::grid::{GridCell, PAD_X};
use std::ops::Range;

/// Every line a cell takes.
const LINE: f32 = 20.0;
/// A line's room left over, as a share of the cell's width, squared, times this.
const SLACK: f32 = 300.0;
/// A line holding a single character of a longer text.
const LONE: f32 = 150.0;

/// Breaks every cell into lines for the column widths ([`lines`]).
pub fn break_lines(cells: &mut [GridCell], widths: &[f32], size: f32) {
    for cell in cells.iter_mut() {
        cell.lines = lines(cell, inner_width(cell, widths, size));
    }
}

/// The width inside `cell`'s padding and indent for the column widths `widths`.
fn inner_width(cell: &GridCell, widths: &[f32], size: f32) -> f32 {
    let w: f32 = widths[cell.col..cell.col + cell.colspan].iter().sum();
    (w - 2.0 * PAD_X - cell.indent * size).max(size)
}

/// Breaks again, for the column widths `after`, the cells broken for `before` whose
/// columns changed width; the others keep their lines.
pub fn rebreak_lines(cells: &mut [GridCell], (before, after): (&[f32], &[f32]), size: f32) {
    for cell in cells.iter_mut() {
        let span = cell.col..cell.col + cell.colspan;
        if before[span.clone()] != after[span] {
            cell.lines = lines(cell, inner_width(cell, after, size));
        }
    }
}

/// The lines of `cell` in `inner` points: ranges into its characters, without the spaces
/// a line starts (after the first) or ends with; a `\n` forces a break.
pub fn lines(cell: &GridCell, inner: f32) -> Vec<Range<usize>> {
    let one_line: f32 = cell.shaped.iter().map(|s| s.advance).sum();
    if one_line <= inner + 0.01 && !cell.shaped.iter().any(|s| s.ch == '\n') {
        let mut end = cell.shaped.len();
        while end > 0 && is_space(cell.shaped[end - 1].ch) {
            end -= 1;
        }
        return vec![Range { start: 0, end }];
    }
    let chars: Vec<char> = cell.shaped.iter().map(|s| s.ch).collect();
    let mut prefix = Vec::with_capacity(chars.len() + 1);
    let mut visible = Vec::with_capacity(chars.len() + 1);
    let (mut sum, mut count) = (0.0, 0);
    prefix.push(sum);
    visible.push(count);
    for s in &cell.shaped {
        sum += s.advance;
        count += usize::from(!s.ch.is_whitespace());
        prefix.push(sum);
        visible.push(count);
    }
    let text = Text {
        chars: &chars,
        prefix: &prefix,
        visible: &visible,
        costs: &cell.breaks,
        inner,
    };
    let mut out = Vec::new();
    let mut start = 0;
    for end in (0..chars.len())
        .filter(|&i| chars[i] == '\n')
        .chain(std::iter::once(chars.len()))
    {
        let first = out.is_empty();
        out.extend(text.segment(start..end, first));
        start = end + 1;
    }
    out
}

/// A cell's characters, prefix sums of their advances and of the visible ones among
/// them, the cost of a break before each, and the width of a line.
struct Text<'a> {
    chars: &'a [char],
    prefix: &'a [f32],
    visible: &'a [usize],
    costs: &'a [f32],
    inner: f32,
}

impl Text<'_> {
    /// Where a line that follows a break at `b` begins: past the spaces after it.
    fn skip(&self, b: usize, end: usize, first: bool) -> usize {
        let mut k = b;
        while !first && k < end && is_space(self.chars[k]) {
            k += 1;
        }
        k
    }

    /// `r` without the spaces it ends with.
    fn trim(&self, mut r: Range<usize>) -> Range<usize> {
        while r.end > r.start && is_space(self.chars[r.end - 1]) {
            r.end -= 1;
        }
        r
    }

    /// The best lines of the stretch `range` between forced breaks; `first` when it
    /// starts the cell (its leading spaces are kept).
    fn segment(&self, range: Range<usize>, first: bool) -> Vec<Range<usize>> {
        let (s, e) = (range.start, range.end);
        let visible = self.visible[e] - self.visible[s];
        // best[k - s]: least cost of lines ending before k, and where the last began.
        let mut best: Vec<Option<(f32, usize)>> = vec![None; e - s + 1];
        best[0] = Some((0.0, s));
        for j in s + 1..=e {
            let last = j == e;
            let mut found: Option<(f32, usize)> = None;
            for i in (s..j).rev() {
                let Some((before, _)) = best[i - s] else {
                    continue;
                };
                let from = self.skip(i, j, first && i == s);
                let line = self.trim(from..j);
                let width = self.prefix[line.end] - self.prefix[line.start];
                if width > self.inner + 0.01 && line.len() > 1 {
                    break;
                }
                let lone = visible > 1 && self.visible[line.end] - self.visible[line.start] == 1;
                let room = ((self.inner - width) / self.inner).max(0.0);
                let cost = before
                    + if i > s { self.costs[i] } else { 0.0 }
                    + LINE
                    + if last { 0.0 } else { SLACK * room * room }
                    + if lone { LONE } else { 0.0 };
                if found.is_none_or(|(f, _)| cost < f) {
                    found = Some((cost, i));
                }
            }
            best[j - s] = found;
        }
        let mut ends = vec![e];
        let mut at = e;
        while at > s {
            let Some((_, before)) = best[at - s] else {
                break;
            };
            ends.push(before);
            at = before;
        }
        if ends.len() == 1 {
            ends.push(s);
        }
        ends.reverse();
        ends.windows(2)
            .enumerate()
            .map(|(k, w)| self.trim(self.skip(w[0], w[1], first && k == 0)..w[1]))
            .collect()
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\t'
}

#[cfg(test)]
mod tests {
    use super::lines;
    use crate::render::pdf::table::grid::test_cell;
    use crate::render::pdf::text::words::Words;

    /// A body cell's lines at `per_line` characters a line (CJK one wide, ASCII half).
    fn cell(words: &Words, text: &str, per_line: f32) -> Vec<String> {
        set(words, text, per_line, false)
    }

    /// A header cell's lines.
    fn head(words: &Words, text: &str, per_line: f32) -> Vec<String> {
        set(words, text, per_line, true)
    }

    fn set(words: &Words, text: &str, per_line: f32, header: bool) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let cell = test_cell(words, (0, 0), header, text, 1.0);
        lines(&cell, per_line)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn a_lone_character_takes_one_from_the_line_before() {
        let words = Words::figures();
        assert_eq!(
            cell(&words, "行政事业单位养老支出", 9.0),
            vec!["行政事业单位养老", "支出"]
        );
        assert_eq!(cell(&words, "人员", 1.0), vec!["人", "员"]);
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
    fn a_compound_wider_than_the_cell_breaks_between_its_parts() {
        let words = Words::new([]);
        assert_eq!(head(&words, "一般公共预算", 4.0), vec!["一般公共", "预算"]);
        assert_eq!(
            head(&words, "一般公共预算", 3.0),
            vec!["一般", "公共", "预算"]
        );
        assert_eq!(
            head(&words, "国有资本经营预算", 3.0),
            vec!["国有", "资本", "经营", "预算"]
        );
        assert_eq!(
            head(&words, "资本性支出（基本建设）", 5.0),
            vec!["资本性支出", "（基本", "建设）"]
        );
        assert_eq!(
            head(&words, "对个人和家庭的补助", 3.0),
            vec!["对个人", "和家庭", "的补助"]
        );
    }

    #[test]
    fn a_body_cell_takes_a_line_more_rather_than_split_a_word() {
        let words = Words::new([]);
        assert_eq!(
            cell(&words, "其他行政事业单位医疗支出", 6.0),
            vec!["其他行政", "事业单位医疗", "支出"]
        );
        assert_eq!(
            cell(&words, "其中：财政拨款", 5.0),
            vec!["其中：", "财政拨款"]
        );
        // A word no width holds is split between its parts first.
        assert_eq!(cell(&words, "事业单位", 3.0), vec!["事业", "单位"]);
    }

    #[test]
    fn no_line_is_a_lone_character_when_the_text_can_share() {
        let words = Words::new([]);
        let lines = cell(&words, "商品和服务支出", 3.0);
        assert!(lines.iter().all(|l| l.chars().count() > 1), "{lines:?}");
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
        assert!(
            lines.last().is_some_and(|l| l.ends_with("联系人")),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 5), "{lines:?}");
    }

    #[test]
    fn figures_and_forced_breaks_hold() {
        let words = Words::new([]);
        assert_eq!(
            cell(&words, "面积1377.81平方米", 7.0),
            vec!["面积", "1377.81平方米"]
        );
        assert_eq!(cell(&words, "甲乙\n丙丁", 9.0), vec!["甲乙", "丙丁"]);
    }
}
