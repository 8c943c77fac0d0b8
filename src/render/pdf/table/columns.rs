//! Column widths of a table: what each column needs, level by level (no break inside a
//! figure; no break inside a word of a body cell; headers on a few lines; body cells on
//! one line; headers' words whole; headers on one line), and how the text block's width
//! is shared between the columns.
//!
//! The solver ([`solve`]) gives every column the most of these levels the width allows,
//! in order: a level is given to all columns before any column gets more, and the level
//! that does not fit is shared in proportion to what each column still lacks. So a column
//! whose words would be split widens first, taking the width that empty amount columns or
//! short figures do not need; a word of a body cell is split only when the words of the
//! table do not fit the text block at the smallest size. A header keeps every word that
//! fits its column whole; a compound longer than the column (国有资本经营预算 over an
//! amount column) is split rather than squeeze the names of every body row.

use super::cell_lines::lines;
use super::grid::{GridCell, PAD_X};
use crate::document::ColumnKind;
use crate::render::pdf::text::{self, Shaped};

/// What each column needs at each level, narrowest first (see [`solve`]).
pub struct Bounds {
    /// Every level, each at least as wide as the one before: no break inside a figure
    /// (words may split); no break inside a word of a body cell; headers on at most
    /// [`HEAD_LINES`] lines; body cells on one line; long headers capped at a few em;
    /// no break inside a word of a header either; headers a little wider when tight;
    /// headers on one line.
    levels: Vec<Vec<f32>>,
}

/// Index of the level that keeps every word of the body cells whole.
const BODY_WORDS: usize = 1;
/// Index of the level with body cells on one line, headers capped at a few em.
const NATURAL: usize = 4;

impl Bounds {
    /// Column widths summing to `avail` ([`solve`]).
    pub fn widths(&self, avail: f32) -> Vec<f32> {
        solve(&self.levels, avail)
    }

    /// Narrowest widths that split no word of a body cell (unit names, vocabulary words,
    /// bracketed units, figures): a table is set smaller before these are split.
    pub fn words(&self) -> &[f32] {
        &self.levels[BODY_WORDS]
    }

    /// Natural widths: body cells on one line, long headers capped at a few em.
    pub fn natural(&self) -> &[f32] {
        &self.levels[NATURAL]
    }
}

/// The width, in em, a long header asks for when the table is tight (about three lines).
const HEADER_TIGHT_EM: f32 = 6.0;
/// A header asks for the width that sets it on at most this many lines before body cells
/// get their natural width ([`head_width`]).
const HEAD_LINES: usize = 5;
/// A header's words up to this many em are kept whole before body cells get their
/// natural width; longer compounds only when the table has room to spare.
const HEAD_WORD_EM: f32 = 3.0;

/// The narrowest width from `from`, in steps of half an em up to `natural`, at which
/// `cell` takes at most [`HEAD_LINES`] lines, none of them a lone character.
fn head_width(cell: &GridCell, from: f32, natural: f32, size: f32) -> f32 {
    let edge = cell.indent * size + 2.0 * PAD_X;
    let fits = |w: f32| {
        let lines = lines(cell, w - edge);
        lines.len() <= HEAD_LINES && (lines.len() < 2 || !lines.iter().any(|r| lone(cell, r)))
    };
    let mut w = from;
    while w < natural && !fits(w) {
        w += size / 2.0;
    }
    w.min(natural).max(from)
}

/// True when the line `r` of `cell` holds a single character.
fn lone(cell: &GridCell, r: &std::ops::Range<usize>) -> bool {
    cell.shaped[r.clone()]
        .iter()
        .filter(|s| !s.ch.is_whitespace())
        .count()
        == 1
}

/// What every column needs at every level ([`Bounds`]).
pub fn bounds(cells: &[GridCell], kinds: &[ColumnKind], ncols: usize, size: f32) -> Bounds {
    let kind = |cell: &GridCell| kinds.get(cell.col).copied().unwrap_or(ColumnKind::Text);
    // What each cell asks, found once for every level below.
    let needs: Vec<Need> = cells.iter().map(|c| Need::of(c, kind(c), size)).collect();
    // A header's level, or a body cell's.
    let by_role = |header: fn(&Need) -> f32, body: fn(&Need) -> f32| {
        demand(cells, ncols, size, |i| {
            if cells[i].header {
                header(&needs[i])
            } else {
                body(&needs[i])
            }
        })
    };
    let hard = by_role(|n| n.hard, |n| n.hard);
    let body_words = by_role(|n| n.hard, |n| n.word);
    let head = by_role(|n| n.head, |n| n.word);
    let body = by_role(|n| n.head, |n| n.natural);
    let natural = by_role(|n| n.capped, |n| n.natural);
    let words = by_role(|n| n.word.max(n.capped), |n| n.natural);
    let mut want = natural.clone();
    for (cell, need) in cells.iter().zip(&needs) {
        if cell.header && cell.colspan == 1 {
            want[cell.col] = want[cell.col].max(need.natural);
        }
    }
    let cap = HEADER_TIGHT_EM * size + 2.0 * PAD_X;
    let tight = natural
        .iter()
        .zip(&want)
        .map(|(&hi, &w)| hi.max(w.min(cap)))
        .collect();
    let mut levels = vec![hard, body_words, head, body, natural, words, tight, want];
    for k in 1..levels.len() {
        let (lower, upper) = levels.split_at_mut(k);
        for (w, lo) in upper[0].iter_mut().zip(&lower[k - 1]) {
            *w = w.max(*lo);
        }
    }
    Bounds { levels }
}

/// The widths each column needs so that every cell gets `need` (of its index): cells
/// spanning several columns add what their columns lack, shared evenly, after the single
/// cells.
fn demand(cells: &[GridCell], ncols: usize, size: f32, need: impl Fn(usize) -> f32) -> Vec<f32> {
    let mut w = vec![2.0 * PAD_X + size; ncols];
    for pass_spans in [false, true] {
        for (i, cell) in cells.iter().enumerate() {
            if (cell.colspan > 1) != pass_spans {
                continue;
            }
            let want = need(i);
            let cols = cell.col..cell.col + cell.colspan;
            let have: f32 = w[cols.clone()].iter().sum();
            if want > have {
                let k = cell.colspan as f32;
                w[cols].iter_mut().for_each(|c| *c += (want - have) / k);
            }
        }
    }
    w
}

/// What one cell asks of its columns, padding and indent included.
struct Need {
    /// No break inside a figure with its unit, no lone wrapped character.
    hard: f32,
    /// No break inside a word either.
    word: f32,
    /// A header on at most [`HEAD_LINES`] lines.
    head: f32,
    /// On one line.
    natural: f32,
    /// On one line, a header's capped at a few em.
    capped: f32,
}

impl Need {
    fn of(cell: &GridCell, kind: ColumnKind, size: f32) -> Need {
        let edge = cell.indent * size + 2.0 * PAD_X;
        let natural = longest_line(&cell.shaped) + edge;
        // Amounts and codes never wrap; other cells wrap between words, and inside a
        // word only when no width the table can give holds it.
        let unbreakable = !cell.header
            && cell.colspan == 1
            && matches!(kind, ColumnKind::Amount | ColumnKind::Code);
        let chunk = |ok: &[bool]| {
            if unbreakable {
                natural
            } else {
                widest_chunk(&cell.shaped, ok) + edge
            }
        };
        let floor = if !cell.header && kind == ColumnKind::Text {
            natural.min(5.0 * size + 2.0 * PAD_X)
        } else {
            0.0
        };
        // A column that wraps text holds at least two characters a line, so that no line
        // of a cell is a lone character (人/员/经/费).
        let two = if cell.shaped.iter().filter(|s| !s.ch.is_whitespace()).count() > 1 {
            natural.min(2.0 * size + edge)
        } else {
            0.0
        };
        let hard = chunk(&cell.hard).max(floor).max(two);
        let word = hard.max(chunk(&cell.between_words));
        let head = if cell.header {
            head_width(
                cell,
                hard.max(word.min(natural.min(HEAD_WORD_EM * size + edge))),
                natural,
                size,
            )
        } else {
            word
        };
        let capped = if cell.header && cell.colspan == 1 {
            natural.min(hard.max(4.0 * size + 2.0 * PAD_X))
        } else {
            natural
        };
        Need {
            hard,
            word,
            head,
            natural,
            capped,
        }
    }
}

/// Column widths summing to `avail` from `levels` (each at least as wide as the one
/// before, column by column): the widest level that fits, stretched in proportion when
/// the widest fits, else that level plus a share of the next in proportion to what each
/// column lacks of it; the narrowest level scaled down when even it does not fit.
pub fn solve(levels: &[Vec<f32>], avail: f32) -> Vec<f32> {
    let sum = |l: &Vec<f32>| l.iter().sum::<f32>();
    let Some(first) = levels.first() else {
        return Vec::new();
    };
    if sum(first) >= avail {
        let scale = avail / sum(first).max(1.0);
        return first.iter().map(|w| w * scale).collect();
    }
    for pair in levels.windows(2) {
        let (lo, hi) = (&pair[0], &pair[1]);
        if sum(hi) > avail {
            let ratio = (avail - sum(lo)) / (sum(hi) - sum(lo));
            return lo
                .iter()
                .zip(hi)
                .map(|(a, b)| a + (b - a) * ratio)
                .collect();
        }
    }
    let top = &levels[levels.len() - 1];
    let extra = avail - sum(top);
    top.iter()
        .map(|w| w + extra * w / sum(top).max(1.0))
        .collect()
}
/// Widens, by an em each, the columns where a line of a cell is a lone character that
/// moving a break could not avoid (`资本` / `性支` / `出`, `商品` / `和` / `服务`), taking
/// the width from columns with room to spare — and when they have too little, from
/// columns above their minimum `min`, whose text then wraps a little more; returns false
/// when nothing could be moved.
pub fn widen_for_lone_lines(
    cells: &[GridCell],
    widths: &mut [f32],
    min: &[f32],
    size: f32,
) -> bool {
    let mut needy = vec![false; widths.len()];
    let mut used = vec![0.0f32; widths.len()];
    for cell in cells.iter().filter(|c| c.colspan == 1) {
        let line_w = |r: &std::ops::Range<usize>| text::width(&cell.shaped[r.clone()]);
        let mut widest = cell.lines.iter().map(line_w).fold(0.0, f32::max);
        if cell.lines.len() < 2 {
            // A line's trailing space (a code's) is drawn too: it is not room to spare.
            widest = widest.max(longest_line(&cell.shaped));
        }
        used[cell.col] = used[cell.col].max(widest + cell.indent * size + 2.0 * PAD_X);
        needy[cell.col] |= ends_lone(cell);
    }
    let want = needy.iter().filter(|n| **n).count() as f32 * size;
    let room = |floor: &dyn Fn(usize) -> f32| -> Vec<f32> {
        (0..widths.len())
            .map(|c| {
                if needy[c] {
                    0.0
                } else {
                    (widths[c] - floor(c)).max(0.0)
                }
            })
            .collect()
    };
    let mut slack = room(&|c| used[c]);
    if slack.iter().sum::<f32>() < want {
        slack = room(&|c| min[c].max(2.0 * size + 2.0 * PAD_X).min(widths[c]));
    }
    let spare: f32 = slack.iter().sum();
    if want == 0.0 || spare < 1.0 {
        return false;
    }
    let give = want.min(spare);
    for c in 0..widths.len() {
        if needy[c] {
            widths[c] += give / want * size;
        } else {
            widths[c] -= give * slack[c] / spare;
        }
    }
    true
}

/// True when the cell wraps and a line holds a single character (the last, or one
/// between two words: 商品 / 和 / 服务).
fn ends_lone(cell: &GridCell) -> bool {
    cell.lines.len() > 1 && cell.lines.iter().any(|r| lone(cell, r))
}

/// True when some cell's line is a lone wrapped character.
pub fn has_lone_lines(cells: &[GridCell]) -> bool {
    cells.iter().any(ends_lone)
}

fn longest_line(shaped: &[Shaped]) -> f32 {
    shaped
        .split(|s| s.ch == '\n')
        .map(text::width)
        .fold(0.0, f32::max)
}

/// The widest run of `shaped` no line may break (`ok`: where a line may start).
fn widest_chunk(shaped: &[Shaped], ok: &[bool]) -> f32 {
    let mut widest: f32 = 0.0;
    let mut run = 0.0;
    for (i, s) in shaped.iter().enumerate() {
        if i > 0 && (s.ch == '\n' || ok[i]) {
            widest = widest.max(run);
            run = 0.0;
        }
        run += s.advance;
    }
    widest.max(run)
}

#[cfg(test)]
mod tests {
    use super::{bounds, solve};
    use crate::document::ColumnKind;
    use crate::render::pdf::table::cell_lines::break_lines;
    use crate::render::pdf::table::grid::{test_cell, GridCell};
    use crate::render::pdf::text::words::Words;

    const SIZE: f32 = 10.0;

    /// A cell at (`row`, `col`) whose characters are an em wide (figures half an em).
    fn cell(words: &Words, row: usize, col: usize, header: bool, text: &str) -> GridCell {
        test_cell(words, (row, col), header, text, SIZE)
    }

    /// The lines of every cell at the widths the solver gives for `avail` points.
    fn lay(cells: &mut [GridCell], kinds: &[ColumnKind], avail: f32) -> Vec<f32> {
        let widths = bounds(cells, kinds, kinds.len(), SIZE).widths(avail);
        break_lines(cells, &widths, SIZE);
        widths
    }

    fn lines(cell: &GridCell) -> Vec<String> {
        let chars: Vec<char> = cell.shaped.iter().map(|s| s.ch).collect();
        cell.lines
            .iter()
            .map(|r| chars[r.clone()].iter().collect())
            .collect()
    }

    /// A name column and three amount columns under long headers; the amount columns
    /// are empty but for one short figure.
    fn name_and_amounts(words: &Words, name: &str) -> (Vec<GridCell>, Vec<ColumnKind>) {
        let kinds = vec![
            ColumnKind::Text,
            ColumnKind::Amount,
            ColumnKind::Amount,
            ColumnKind::Amount,
        ];
        let heads = [
            "单位名称",
            "上级补助收入合计",
            "事业单位经营收入",
            "其他收入",
        ];
        let mut cells: Vec<GridCell> = heads
            .iter()
            .enumerate()
            .map(|(c, h)| cell(words, 0, c, true, h))
            .collect();
        cells.push(cell(words, 1, 0, false, name));
        cells.push(cell(words, 1, 1, false, "2.00"));
        cells.push(cell(words, 1, 2, false, ""));
        cells.push(cell(words, 1, 3, false, ""));
        (cells, kinds)
    }

    #[test]
    fn a_name_column_widens_from_empty_amount_columns_before_a_name_is_split() {
        let words = Words::new(["奇台县商务和工业信息化局"]);
        let (mut cells, kinds) = name_and_amounts(&words, "奇台县商务和工业信息化局");
        // 12 em of name and 3 × 4 em of headers want 24 em and more; 21 em is given.
        let widths = lay(&mut cells, &kinds, 21.0 * SIZE);
        assert!((widths.iter().sum::<f32>() - 21.0 * SIZE).abs() < 0.01);
        assert_eq!(lines(&cells[4]), vec!["奇台县商务和工业信息化局"]);
        assert!(widths[0] >= 12.0 * SIZE, "{widths:?}");
        // The empty columns gave their width; the headers wrap between words.
        for c in &cells[..4] {
            assert!(lines(c).concat() == c.shaped.iter().map(|s| s.ch).collect::<String>());
        }
        assert_eq!(lines(&cells[3]), vec!["其他", "收入"]);
    }

    #[test]
    fn a_bracketed_unit_is_kept_whole() {
        let words = Words::new([]);
        let kinds = vec![ColumnKind::Text, ColumnKind::Amount, ColumnKind::Text];
        let mut cells = vec![
            cell(&words, 0, 0, false, "项目资金（万元）"),
            cell(&words, 0, 1, false, "1,795.47"),
            cell(&words, 0, 2, false, "年度预算总额（元）"),
        ];
        lay(&mut cells, &kinds, 16.0 * SIZE);
        for c in [&cells[0], &cells[2]] {
            let l = lines(c);
            assert!(
                l.iter()
                    .any(|l| l.ends_with("（万元）") || l.ends_with("（元）")),
                "{l:?}"
            );
            assert!(
                l.iter().all(|l| !l.ends_with('（') && !l.ends_with('万')),
                "{l:?}"
            );
        }
        assert_eq!(lines(&cells[1]), vec!["1,795.47"]);
    }

    #[test]
    fn a_word_longer_than_the_table_still_lays_out() {
        let words = Words::new(["奇台县商务和工业信息化局"]);
        let (mut cells, kinds) = name_and_amounts(&words, "奇台县商务和工业信息化局");
        let widths = lay(&mut cells, &kinds, 14.0 * SIZE);
        assert!((widths.iter().sum::<f32>() - 14.0 * SIZE).abs() < 0.01);
        let name = lines(&cells[4]);
        assert!(name.len() > 1, "{name:?}");
        assert_eq!(name.concat(), "奇台县商务和工业信息化局");
        assert_eq!(lines(&cells[5]), vec!["2.00"]);
    }

    #[test]
    fn natural_widths_are_stretched_to_the_block() {
        let w = solve(&[vec![10.0, 10.0], vec![20.0, 60.0]], 160.0);
        assert!((w.iter().sum::<f32>() - 160.0).abs() < 0.01);
        assert!((w[1] / w[0] - 3.0).abs() < 0.01);
    }

    #[test]
    fn tight_tables_share_the_space_level_by_level() {
        let levels = [
            vec![10.0, 10.0, 10.0],
            vec![10.0, 40.0, 10.0],
            vec![30.0, 110.0, 30.0],
        ];
        // The second level fits (60): what is left goes to what each lacks of the third.
        let w = solve(&levels, 100.0);
        assert!((w[1] - 40.0 - 70.0 * 40.0 / 110.0).abs() < 0.01, "{w:?}");
        assert!((w[0] - 10.0 - 20.0 * 40.0 / 110.0).abs() < 0.01, "{w:?}");
        // The second level does not fit: the second column gets its share of it first.
        let w = solve(&levels, 45.0);
        assert!(
            (w[1] - 25.0).abs() < 0.01 && (w[0] - 10.0).abs() < 0.01,
            "{w:?}"
        );
    }

    #[test]
    fn overfull_minimums_are_scaled_down() {
        let w = solve(&[vec![60.0, 60.0], vec![80.0, 80.0]], 100.0);
        assert!((w.iter().sum::<f32>() - 100.0).abs() < 0.01);
    }
}
