//! Measuring a table: the cells on the grid ([`super::grid`]), column widths fitted to
//! their content within the text block ([`super::columns`]), the largest size that stays
//! readable (tighter when that keeps the table on one page), and every row's height.

use super::cell_lines::{break_lines, rebreak_lines};
use super::columns::{bounds, has_lone_lines, widen_for_lone_lines, Bounds};
use super::grid::{at_size, grid, GridCell};
use crate::document::Table;
use crate::fonts::Metrics;
use crate::render::pdf::error::PdfError;
use crate::render::pdf::text::words::Words;

/// Line height as a multiple of the size.
pub const LEADING: f32 = 1.25;

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
    /// Vertical padding of a cell, in points.
    pub pad_y: f32,
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

    /// Splits every body row taller than `max_h` (a page's room for rows under the
    /// repeated header) into rows that fit, each carrying the next lines of its cells, so
    /// a row taller than a page continues on the next page instead of being cut off.
    /// Rows that a row span crosses are kept whole. `track`, a grid row, follows its row.
    pub fn split_tall_rows(&mut self, max_h: f32, track: &mut Option<usize>) {
        let lh = self.line_height();
        let per_row = ((max_h - 2.0 * self.pad_y) / lh).floor().max(1.0) as usize;
        let mut r = self.header_rows;
        while r < self.heights.len() {
            let spanned = self
                .cells
                .iter()
                .any(|c| c.rowspan > 1 && c.row <= r && r < c.row + c.rowspan);
            let most = self
                .cells
                .iter()
                .filter(|c| c.row == r)
                .map(|c| c.lines.len())
                .max()
                .unwrap_or(0);
            if spanned || self.heights[r] <= max_h || most <= per_row {
                r += 1;
                continue;
            }
            let pieces = most.div_ceil(per_row);
            if let Some(t) = track.as_mut().filter(|t| **t > r) {
                *t += pieces - 1;
            }
            for c in self.cells.iter_mut().filter(|c| c.row > r) {
                c.row += pieces - 1;
            }
            let mut added = Vec::new();
            for c in self.cells.iter_mut().filter(|c| c.row == r) {
                let lines = std::mem::take(&mut c.lines);
                for (i, chunk) in lines.chunks(per_row).enumerate() {
                    if i == 0 {
                        c.lines = chunk.to_vec();
                    } else {
                        added.push(GridCell {
                            row: r + i,
                            lines: chunk.to_vec(),
                            ..c.clone()
                        });
                    }
                }
            }
            self.cells.extend(added);
            let piece_h = |i: usize| {
                let n = self
                    .cells
                    .iter()
                    .filter(|c| c.row == r + i)
                    .map(|c| c.lines.len())
                    .max()
                    .unwrap_or(0)
                    .max(1);
                n as f32 * lh + 2.0 * self.pad_y
            };
            let new: Vec<f32> = (0..pieces).map(piece_h).collect();
            self.heights.splice(r..=r, new);
            r += pieces;
        }
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
/// Tighter vertical padding, used only when it lets a table fit on one page.
const TIGHT_PAD_Y: f32 = 0.12;
/// Sizes tried, largest first: the largest at which the columns fit the width wins.
/// Portrait tables never go below 9 pt: a table that needs smaller type is landscape.
const PORTRAIT_SIZES: [f32; 4] = [10.5, 10.0, 9.5, 9.0];
const LANDSCAPE_SIZES: [f32; 7] = [10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5];
/// Smallest size a table shrinks to so that it fits on one page, as published
/// disclosures set a nearly fitting table slightly tighter rather than spill a row.
const PORTRAIT_ONE_PAGE_FLOOR: f32 = 9.0;
const LANDSCAPE_ONE_PAGE_FLOOR: f32 = 9.0;

/// Measures `table` for a text block `avail_w` points wide: the largest size at which
/// every column's minimum fits — set tighter (smaller row padding, then smaller sizes
/// down to 9 pt) if that keeps the whole table within
/// `one_page` points of height.
pub fn measure(
    m: &Metrics,
    words: &Words,
    table: &Table,
    avail_w: f32,
    one_page: f32,
    landscape: bool,
) -> Result<Measured, PdfError> {
    let (sizes, floor): (&[f32], f32) = if landscape {
        (&LANDSCAPE_SIZES, LANDSCAPE_ONE_PAGE_FLOOR)
    } else {
        (&PORTRAIT_SIZES, PORTRAIT_ONE_PAGE_FLOOR)
    };
    // Shaping and break opportunities do not depend on the size: found once, scaled.
    let em = grid(m, words, table)?;
    let mut trials: Vec<Option<Trial>> = sizes.iter().map(|_| None).collect();
    let start = if landscape {
        natural_start(&em, table, sizes, (avail_w, floor), &mut trials)
    } else {
        0
    };
    let header_rows = table.header.len();
    let nrows = header_rows + table.body.len();
    let mut first: Option<Measured> = None;
    for (i, &size) in sizes.iter().enumerate().skip(start) {
        if first.is_some() && size < floor {
            break;
        }
        let Trial { mut cells, bounds } = match trials[i].take() {
            Some(t) => t,
            None => Trial::new(&em, table, size),
        };
        // A size at which the columns do not fit is tried only as the last resort, never
        // to squeeze a table that fits the width at a larger size onto one page.
        let fits_width = bounds.words().iter().sum::<f32>() <= avail_w;
        if !fits_width && (i + 1 < sizes.len() || first.is_some()) {
            continue;
        }
        let widths = fit_columns(&mut cells, &bounds, avail_w, size);
        // A lone wrapped character no width could avoid: a smaller size has more room.
        if has_lone_lines(&cells) && i + 1 < sizes.len() && first.is_none() {
            continue;
        }
        let mut tightest = f32::MAX;
        for pad in [PAD_Y, TIGHT_PAD_Y] {
            let heights = heights(&cells, nrows, size, pad);
            tightest = heights.iter().sum::<f32>();
            let fits = tightest <= one_page;
            if fits || first.is_none() {
                let measured = Measured {
                    size,
                    widths: widths.clone(),
                    header_rows,
                    heights,
                    cells: cells.clone(),
                    pad_y: size * pad,
                };
                if fits {
                    return Ok(measured);
                }
                first = Some(measured);
            }
        }
        if tightest * (floor / size) * HOPELESS > one_page {
            break;
        }
    }
    first.ok_or_else(|| PdfError::Write("表格没有可用字号".into()))
}

/// Column widths for `avail_w` points, with every cell broken into lines for them: the
/// widths are adjusted (up to three times) where a cell would end on a lone character.
fn fit_columns(cells: &mut [GridCell], bounds: &Bounds, avail_w: f32, size: f32) -> Vec<f32> {
    let mut widths = bounds.widths(avail_w);
    break_lines(cells, &widths, size);
    for _ in 0..3 {
        let before = widths.clone();
        if !widen_for_lone_lines(cells, &mut widths, bounds.words(), size) {
            break;
        }
        rebreak_lines(cells, (&before, &widths), size);
    }
    widths
}

/// A table is not tried at smaller sizes once its tightest height, scaled down to the
/// floor size, would still exceed a page by this margin.
const HOPELESS: f32 = 0.85;

/// A table's cells shaped at one size, and its column bounds at that size.
struct Trial {
    cells: Vec<GridCell>,
    bounds: Bounds,
}

impl Trial {
    /// The trial at `size` of `table`, whose cells `em` holds shaped at 1 pt.
    fn new(em: &[GridCell], table: &Table, size: f32) -> Trial {
        let cells = at_size(em, size);
        let bounds = bounds(&cells, &table.columns, table.columns.len().max(1), size);
        Trial { cells, bounds }
    }
}

/// The first of `sizes` at which every column's natural width fits `avail_w` (so a wide
/// landscape table is not set so large that its headers wrap into many lines); when
/// none at or above `floor` does, the largest size. Trials made are kept in `trials`.
fn natural_start(
    em: &[GridCell],
    table: &Table,
    sizes: &[f32],
    (avail_w, floor): (f32, f32),
    trials: &mut [Option<Trial>],
) -> usize {
    for (i, &size) in sizes.iter().enumerate() {
        if size < floor {
            break;
        }
        let trial = Trial::new(em, table, size);
        let fits = trial.bounds.natural().iter().sum::<f32>() <= avail_w;
        trials[i] = Some(trial);
        if fits {
            return i;
        }
    }
    0
}

/// The height of every grid row for the cells' lines, with vertical padding `pad` em.
fn heights(cells: &[GridCell], rows: usize, size: f32, pad: f32) -> Vec<f32> {
    let lh = size * LEADING;
    let pad_y = size * pad;
    let mut heights = vec![lh + 2.0 * pad_y; rows];
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
    heights
}
