//! Drawing a table's rows: shaded header cells, thin inner rules, a thick frame, and each
//! cell's lines placed in its padded box.

use super::grid::{GridCell, PAD_X};
use super::measure::Measured;
use crate::document::Align as CellAlign;
use crate::render::pdf::page::{Glyph, Item};
use crate::render::pdf::text::{self, Align, Shaped};

/// Inner rule width.
const THIN: f32 = 0.5;
/// Outer frame width.
const THICK: f32 = 1.0;

/// Draws the given grid rows (header rows first) from `top`, stacked in order. A cell
/// whose row span a page break cuts is drawn over the rows of it on this page, its text
/// repeated (产出指标 continues on the next page with its label).
pub fn draw_rows(meas: &Measured, left: f32, top: f32, rows: Vec<usize>) -> Vec<Item> {
    let mut y_of = vec![None; meas.heights.len()];
    let mut y = top;
    for &r in &rows {
        y_of[r] = Some(y);
        y += meas.heights[r];
    }
    let bottom = y;
    let mut xs = vec![left];
    for w in &meas.widths {
        xs.push(xs[xs.len() - 1] + w);
    }
    let right = xs[xs.len() - 1];
    let mut fills = Vec::new();
    let mut rules = Vec::new();
    let mut texts = Vec::new();
    for cell in &meas.cells {
        let end = (cell.row + cell.rowspan).min(meas.heights.len());
        let shown: Vec<usize> = (cell.row..end).filter(|&r| y_of[r].is_some()).collect();
        let Some(cy) = shown.first().and_then(|&r| y_of[r]) else {
            continue;
        };
        let h: f32 = shown.iter().map(|&r| meas.heights[r]).sum();
        let (x0, x1) = (xs[cell.col], xs[cell.col + cell.colspan]);
        if cell.header {
            fills.push(Item::Fill {
                x: x0,
                y: cy,
                w: x1 - x0,
                h,
                gray: 0.88,
            });
        }
        rules.push(rule(x1, cy, x1, cy + h, THIN));
        rules.push(rule(x0, cy + h, x1, cy + h, THIN));
        texts.extend(cell_text(meas, cell, x0, x1, cy, h));
    }
    rules.push(rule(left, top, right, top, THICK));
    rules.push(rule(left, bottom, right, bottom, THICK));
    rules.push(rule(left, top, left, bottom, THICK));
    rules.push(rule(right, top, right, bottom, THICK));
    fills.extend(rules);
    fills.extend(texts);
    fills
}

fn rule(x1: f32, y1: f32, x2: f32, y2: f32, width: f32) -> Item {
    Item::Rule {
        x1,
        y1,
        x2,
        y2,
        width,
        dotted: false,
    }
}

fn cell_text(meas: &Measured, cell: &GridCell, x0: f32, x1: f32, y: f32, h: f32) -> Vec<Item> {
    let size = meas.size;
    let lh = meas.line_height();
    let block = cell.lines.len() as f32 * lh;
    let top = y + (h - block) / 2.0;
    let indent = cell.indent * size;
    let inner_x = x0 + PAD_X + indent;
    let inner_w = x1 - x0 - 2.0 * PAD_X - indent;
    let align = match cell.align {
        CellAlign::Left => Align::Left,
        CellAlign::Center => Align::Center,
        CellAlign::Right => Align::Right,
    };
    let mut out = Vec::new();
    for (i, range) in cell.lines.iter().enumerate() {
        let baseline = top + i as f32 * lh + (lh - size) / 2.0 + 0.88 * size;
        out.extend(text::place(
            &cell.shaped[range.clone()],
            inner_x,
            baseline,
            inner_w,
            size,
            align,
        ));
    }
    if cell.code {
        draw_trailing_space(&mut out, cell.shaped.last());
    }
    out
}

/// Ends the last run of a code cell with its (invisible) space glyph, in the same face.
fn draw_trailing_space(items: &mut [Item], space: Option<&Shaped>) {
    let (Some(Item::Text { face, glyphs, .. }), Some(space)) = (items.last_mut(), space) else {
        return;
    };
    let Some(last) = glyphs.last() else { return };
    if space.ch == ' ' && space.face == *face {
        let x = last.x + last.advance;
        glyphs.push(Glyph {
            gid: space.gid,
            ch: ' ',
            x,
            advance: space.natural,
        });
    }
}
