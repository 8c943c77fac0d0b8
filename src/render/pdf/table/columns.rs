//! Column widths of a table: what each column needs (minimum, natural, header on one
//! line) and how the text block's width is shared between the columns.

use super::grid::{GridCell, PAD_X};
use crate::document::ColumnKind;
use crate::render::pdf::text::{self, Shaped};

/// What each column needs: its minimum, its natural width (long headers capped at a
/// few em), and the width that sets its header on one line.
pub struct Bounds {
    /// Narrowest width without breaking inside a word or number.
    pub min: Vec<f32>,
    /// Natural width (long headers capped at a few em).
    pub max: Vec<f32>,
    want: Vec<f32>,
    tight: Vec<f32>,
}

impl Bounds {
    /// Column widths summing to `avail`: when the natural widths fit, the room left goes
    /// first to header-heavy columns (so their headers wrap less), then to every column;
    /// when they do not, header-heavy columns ask for a little more than their cap.
    pub fn widths(&self, avail: f32) -> Vec<f32> {
        if self.max.iter().sum::<f32>() < avail {
            fit(&self.max, &self.want, avail)
        } else {
            fit(&self.min, &self.tight, avail)
        }
    }
}

/// The width, in em, a long header asks for when the table is tight (about three lines).
const HEADER_TIGHT_EM: f32 = 6.0;

/// Minimum, natural and header-on-one-line width of every column.
pub fn bounds(cells: &[GridCell], kinds: &[ColumnKind], ncols: usize, size: f32) -> Bounds {
    let mut min = vec![2.0 * PAD_X + size; ncols];
    let mut max = min.clone();
    let mut want = min.clone();
    for pass_spans in [false, true] {
        for cell in cells.iter().filter(|c| (c.colspan > 1) == pass_spans) {
            let (lo, hi) = cell_bounds(cell, kinds, size);
            let cols = cell.col..cell.col + cell.colspan;
            let have_lo: f32 = min[cols.clone()].iter().sum();
            let have_hi: f32 = max[cols.clone()].iter().sum();
            let k = cell.colspan as f32;
            for c in cols {
                if lo > have_lo {
                    min[c] += (lo - have_lo) / k;
                }
                if hi > have_hi {
                    max[c] += (hi - have_hi) / k;
                }
                max[c] = max[c].max(min[c]);
            }
        }
    }
    for c in 0..ncols {
        want[c] = want[c].max(max[c]);
    }
    for cell in cells.iter().filter(|c| c.header && c.colspan == 1) {
        let natural = longest_line(&cell.shaped) + cell.indent * size + 2.0 * PAD_X;
        want[cell.col] = want[cell.col].max(natural);
    }
    let cap = HEADER_TIGHT_EM * size + 2.0 * PAD_X;
    let tight = max
        .iter()
        .zip(&want)
        .map(|(&hi, &w)| hi.max(w.min(cap)))
        .collect();
    Bounds {
        min,
        max,
        want,
        tight,
    }
}

/// What one cell asks of its columns: the narrowest width it allows (no break inside a
/// word or figure, no lone wrapped character) and its natural width (a header's capped).
fn cell_bounds(cell: &GridCell, kinds: &[ColumnKind], size: f32) -> (f32, f32) {
    let natural = longest_line(&cell.shaped) + cell.indent * size + 2.0 * PAD_X;
    let kind = kinds.get(cell.col).copied().unwrap_or(ColumnKind::Text);
    // Amounts and codes never wrap; short values (indicator names and values, weights)
    // wrap between characters but never inside a figure with its unit.
    let unbreakable =
        !cell.header && cell.colspan == 1 && matches!(kind, ColumnKind::Amount | ColumnKind::Code);
    let chunk = if unbreakable {
        natural
    } else {
        widest_chunk(&cell.shaped, &cell.hard) + cell.indent * size + 2.0 * PAD_X
    };
    let floor = if !cell.header && kind == ColumnKind::Text {
        natural.min(5.0 * size + 2.0 * PAD_X)
    } else {
        0.0
    };
    // A column that wraps text holds at least two characters a line, so that no line
    // of a cell is a lone character (人/员/经/费).
    let two = if cell.shaped.iter().filter(|s| !s.ch.is_whitespace()).count() > 1 {
        natural.min(2.0 * size + cell.indent * size + 2.0 * PAD_X)
    } else {
        0.0
    };
    let lo = chunk.max(floor).max(two);
    let hi = if cell.header && cell.colspan == 1 {
        natural.min(lo.max(4.0 * size + 2.0 * PAD_X))
    } else {
        natural
    };
    (lo, hi)
}

/// Column widths summing to `avail`: natural widths stretched when they fit, else the
/// minimums plus a share of the remaining space proportional to what each column wants.
pub fn fit(min: &[f32], max: &[f32], avail: f32) -> Vec<f32> {
    let sum_min: f32 = min.iter().sum();
    let sum_max: f32 = max.iter().sum();
    if sum_max <= avail {
        let extra = avail - sum_max;
        return max
            .iter()
            .map(|w| w + extra * w / sum_max.max(1.0))
            .collect();
    }
    if sum_min >= avail {
        let scale = avail / sum_min.max(1.0);
        return min.iter().map(|w| w * scale).collect();
    }
    let ratio = (avail - sum_min) / (sum_max - sum_min);
    min.iter()
        .zip(max)
        .map(|(lo, hi)| lo + (hi - lo) * ratio)
        .collect()
}

/// Widens, by an em each, the columns where a cell's last line is a lone character that
/// moving a break could not avoid (`资本` / `性支` / `出`), taking the width from columns
/// with room to spare — and when they have too little, from columns above their minimum
/// `min`, whose text then wraps a little more; returns false when nothing could be moved.
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
        let widest = cell.lines.iter().map(line_w).fold(0.0, f32::max);
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

/// True when the cell wraps and its last line holds a single character.
fn ends_lone(cell: &GridCell) -> bool {
    cell.lines.len() > 1
        && cell.lines.last().is_some_and(|r| {
            cell.shaped[r.clone()]
                .iter()
                .filter(|s| !s.ch.is_whitespace())
                .count()
                == 1
        })
}

/// True when some cell's last line is a lone wrapped character.
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
    use super::fit;

    #[test]
    fn natural_widths_are_stretched_to_the_block() {
        let w = fit(&[10.0, 10.0], &[20.0, 60.0], 160.0);
        assert!((w.iter().sum::<f32>() - 160.0).abs() < 0.01);
        assert!((w[1] / w[0] - 3.0).abs() < 0.01);
    }

    #[test]
    fn tight_tables_share_the_space_by_demand() {
        let w = fit(&[10.0, 10.0, 30.0], &[10.0, 110.0, 30.0], 100.0);
        assert_eq!(w[0], 10.0);
        assert_eq!(w[2], 30.0);
        assert!((w[1] - 60.0).abs() < 0.01);
    }

    #[test]
    fn overfull_minimums_are_scaled_down() {
        let w = fit(&[60.0, 60.0], &[80.0, 80.0], 100.0);
        assert!((w.iter().sum::<f32>() - 100.0).abs() < 0.01);
    }
}
