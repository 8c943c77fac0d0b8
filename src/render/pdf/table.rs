//! Tables: place header and body cells on a grid (row and column spans as in the HTML),
//! fit column widths to their content within the text block, pick a size that stays
//! readable, and measure every row. Drawing and pagination are in [`super::paginate`].

use super::fonts::Role;
use super::linebreak::can_break;
use super::metrics::Metrics;
use super::text::{self, Shaped, Span};
use super::PdfError;
use crate::document::{Align as CellAlign, Cell, ColumnKind, RowRole, Table};

/// Horizontal cell padding in points.
pub const PAD_X: f32 = 2.5;
/// Line height as a multiple of the size.
pub const LEADING: f32 = 1.25;

/// A cell placed on the grid, shaped at the table's size.
#[derive(Debug, Clone)]
pub struct GridCell {
    /// First grid row (header rows first, then body rows).
    pub row: usize,
    /// First grid column.
    pub col: usize,
    /// Rows spanned.
    pub rowspan: usize,
    /// Columns spanned.
    pub colspan: usize,
    /// Alignment.
    pub align: CellAlign,
    /// Indent in em.
    pub indent: f32,
    /// True for header cells (shaded).
    pub header: bool,
    /// The shaped text.
    pub shaped: Vec<Shaped>,
    /// The text lines once columns are known: ranges into `shaped`.
    pub lines: Vec<std::ops::Range<usize>>,
}

/// A table measured for one frame width.
#[derive(Debug, Clone)]
pub struct Measured {
    /// Type size of the cells.
    pub size: f32,
    /// Column widths.
    pub widths: Vec<f32>,
    /// Number of header rows.
    pub header_rows: usize,
    /// Height of every grid row (header rows first).
    pub heights: Vec<f32>,
    /// The cells.
    pub cells: Vec<GridCell>,
}

impl Measured {
    /// Line height at the table's size.
    pub fn line_height(&self) -> f32 {
        self.size * LEADING
    }

    /// Total header height.
    pub fn header_height(&self) -> f32 {
        self.heights[..self.header_rows].iter().sum()
    }

    /// Body rows grouped so that no row span crosses a group boundary, with each
    /// group's height: a page break may only fall between groups.
    pub fn body_groups(&self) -> Vec<(std::ops::Range<usize>, f32)> {
        let h = self.header_rows;
        let n = self.heights.len();
        let mut reach = (0..n).map(|r| r + 1).collect::<Vec<_>>();
        for c in &self.cells {
            reach[c.row] = reach[c.row].max(c.row + c.rowspan);
        }
        let mut groups = Vec::new();
        let mut start = h;
        while start < n {
            let mut end = reach[start];
            let mut r = start;
            while r < end && r < n {
                end = end.max(reach[r]);
                r += 1;
            }
            let end = end.min(n);
            groups.push((start..end, self.heights[start..end].iter().sum()));
            start = end;
        }
        groups
    }
}

/// Vertical cell padding as a multiple of the size.
const PAD_Y: f32 = 0.25;
/// Sizes tried for portrait and landscape tables, largest first; 7.5 pt is the floor.
const PORTRAIT_SIZES: [f32; 5] = [10.5, 10.0, 9.5, 9.0, 7.5];
const LANDSCAPE_SIZES: [f32; 4] = [9.0, 8.5, 8.0, 7.5];
/// Smallest size a portrait table shrinks to so that it fits on one page.
const PORTRAIT_ONE_PAGE_FLOOR: f32 = 9.0;

/// Measures `table` for a text block `avail_w` points wide: the largest size at which
/// every column's minimum fits — smaller still (down to 9 pt portrait, 7.5 pt landscape)
/// if that keeps the whole table within `one_page` points of height.
pub fn measure(
    m: &Metrics,
    table: &Table,
    avail_w: f32,
    one_page: f32,
    landscape: bool,
) -> Result<Measured, PdfError> {
    let sizes: &[f32] = if landscape {
        &LANDSCAPE_SIZES
    } else {
        &PORTRAIT_SIZES
    };
    let floor = if landscape {
        7.5
    } else {
        PORTRAIT_ONE_PAGE_FLOOR
    };
    let mut chosen: Option<Measured> = None;
    for &size in sizes {
        let cells = grid(m, table, size)?;
        let (min, max) = bounds(&cells, &table.columns, table.columns.len().max(1), size);
        let fits_width = min.iter().sum::<f32>() <= avail_w;
        if !fits_width && size > sizes[sizes.len() - 1] {
            continue;
        }
        let measured = rows(cells, table, fit(&min, &max, avail_w), size);
        let height: f32 = measured.heights.iter().sum();
        if height <= one_page || size < floor {
            return Ok(chosen.filter(|_| size < floor).unwrap_or(measured));
        }
        if chosen.is_none() {
            chosen = Some(measured);
        }
    }
    chosen.ok_or_else(|| PdfError::Write("表格没有可用字号".into()))
}

/// Breaks every cell into lines for the column widths and sizes the rows.
fn rows(mut cells: Vec<GridCell>, table: &Table, widths: Vec<f32>, size: f32) -> Measured {
    let header_rows = table.header.len();
    let rows = header_rows + table.body.len();
    let lh = size * LEADING;
    let pad_y = size * PAD_Y;
    let mut heights = vec![lh + 2.0 * pad_y; rows];
    for cell in cells.iter_mut() {
        let w: f32 = widths[cell.col..cell.col + cell.colspan].iter().sum();
        let inner = (w - 2.0 * PAD_X - cell.indent * size).max(size);
        cell.lines = text::lines(&cell.shaped, inner, inner);
    }
    for pass_rowspan in [false, true] {
        for cell in cells.iter().filter(|c| (c.rowspan > 1) == pass_rowspan) {
            let need = cell.lines.len().max(1) as f32 * lh + 2.0 * pad_y;
            let end = (cell.row + cell.rowspan).min(rows);
            let have: f32 = heights[cell.row..end].iter().sum();
            if need > have && end > cell.row {
                heights[end - 1] += need - have;
            }
        }
    }
    Measured {
        size,
        widths,
        header_rows,
        heights,
        cells,
    }
}

/// Places the header and body cells on the grid and shapes their text.
fn grid(m: &Metrics, table: &Table, size: f32) -> Result<Vec<GridCell>, PdfError> {
    let ncols = table.columns.len().max(1);
    let header_rows = table.header.len();
    let all_rows: Vec<(&[Cell], bool, RowRole)> = table
        .header
        .iter()
        .map(|r| (r.as_slice(), true, RowRole::Plain))
        .chain(
            table
                .body
                .iter()
                .map(|r| (r.cells.as_slice(), false, r.role)),
        )
        .collect();
    let nrows = all_rows.len();
    let mut taken = vec![vec![false; ncols]; nrows];
    let mut out = Vec::new();
    for (r, (cells, header, role)) in all_rows.iter().enumerate() {
        let mut c = 0;
        for cell in cells.iter() {
            while c < ncols && taken[r][c] {
                c += 1;
            }
            if c >= ncols {
                break;
            }
            let colspan = usize::from(cell.colspan.max(1)).min(ncols - c);
            let limit = if *header { header_rows } else { nrows };
            let rowspan = usize::from(cell.rowspan.max(1)).min(limit - r);
            for row in taken.iter_mut().skip(r).take(rowspan) {
                for slot in row.iter_mut().skip(c).take(colspan) {
                    *slot = true;
                }
            }
            let bold = *header || matches!(role, RowRole::Total | RowRole::Class | RowRole::Group);
            let role = if bold { Role::TableBold } else { Role::Table };
            let shaped = text::shape(
                m,
                &[Span {
                    role,
                    text: &cell.text,
                }],
                size,
                1.0,
            )?;
            out.push(GridCell {
                row: r,
                col: c,
                rowspan,
                colspan,
                align: cell.align,
                indent: f32::from(cell.indent),
                header: *header,
                shaped,
                lines: Vec::new(),
            });
            c += colspan;
        }
    }
    Ok(out)
}

/// Minimum and natural width of every column.
fn bounds(
    cells: &[GridCell],
    kinds: &[ColumnKind],
    ncols: usize,
    size: f32,
) -> (Vec<f32>, Vec<f32>) {
    let mut min = vec![2.0 * PAD_X + size; ncols];
    let mut max = min.clone();
    let measure = |cell: &GridCell| {
        let natural = longest_line(&cell.shaped) + cell.indent * size + 2.0 * PAD_X;
        let kind = kinds.get(cell.col).copied().unwrap_or(ColumnKind::Text);
        let unbreakable = !cell.header && cell.colspan == 1 && kind != ColumnKind::Text;
        let chunk = if unbreakable {
            natural
        } else {
            widest_chunk(&cell.shaped) + cell.indent * size + 2.0 * PAD_X
        };
        let floor = if !cell.header && kind == ColumnKind::Text {
            natural.min(5.0 * size + 2.0 * PAD_X)
        } else {
            0.0
        };
        let lo = chunk.max(floor);
        let hi = if cell.header && cell.colspan == 1 {
            natural.min(lo.max(4.0 * size + 2.0 * PAD_X))
        } else {
            natural
        };
        (lo, hi)
    };
    for pass_spans in [false, true] {
        for cell in cells.iter().filter(|c| (c.colspan > 1) == pass_spans) {
            let (lo, hi) = measure(cell);
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
    (min, max)
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

fn longest_line(shaped: &[Shaped]) -> f32 {
    shaped
        .split(|s| s.ch == '\n')
        .map(text::width)
        .fold(0.0, f32::max)
}

fn widest_chunk(shaped: &[Shaped]) -> f32 {
    let mut widest: f32 = 0.0;
    let mut run = 0.0;
    for (i, s) in shaped.iter().enumerate() {
        if i > 0 && (s.ch == '\n' || can_break(shaped[i - 1].ch, s.ch)) {
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
