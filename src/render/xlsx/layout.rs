//! Column widths and row heights, estimated from the texts (CJK aware), since a sheet's
//! reader neither measures merged cells nor, everywhere, wrapped ones.
//!
//! Widths are in Excel's unit (the width of a `0` of the default font); a Chinese character
//! is about two of them. Heights are in points.

use crate::document::{Cell, ColumnKind, Placed, Table};

/// Points per line of 11 pt table text.
pub const LINE: f64 = 14.5;
/// Points added to a row for the cell's top and bottom padding.
const PAD: f64 = 4.0;
/// Lines a header cell may wrap into before its column is widened.
const HEADER_LINES: f64 = 3.0;

/// Width of `text` in Excel units: wide (CJK, full-width, Chinese quotation marks and
/// dashes) characters count 2, others 1.
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { 2.0 } else { 1.0 })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2014..=0x2026
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The (min, max) width of a column of `kind`.
fn bounds(kind: ColumnKind) -> (f64, f64) {
    match kind {
        ColumnKind::Code => (4.5, 12.0),
        ColumnKind::Text => (10.0, 40.0),
        ColumnKind::Amount => (11.0, 20.0),
        ColumnKind::Short => (6.0, 14.0),
    }
}

/// One width per grid column: the widest one-column body text (plus padding), wide enough
/// for each one-column header text in three lines, within the bounds of the column's kind.
pub fn column_widths(t: &Table, header: &[Vec<Placed>], body: &[Vec<Placed>]) -> Vec<f64> {
    let kinds: Vec<ColumnKind> = if t.columns.is_empty() {
        vec![ColumnKind::Text]
    } else {
        t.columns.clone()
    };
    let mut need: Vec<f64> = vec![0.0; kinds.len()];
    let header_cells = t.header.iter().zip(header);
    let body_cells = t.body.iter().map(|r| &r.cells).zip(body);
    for (cells, places) in header_cells {
        for (cell, at) in cells.iter().zip(places) {
            if cell.colspan <= 1 {
                if let Some(n) = need.get_mut(at.col) {
                    *n = n.max((text_width(&cell.text) / HEADER_LINES).ceil() + 1.0);
                }
            }
        }
    }
    for (cells, places) in body_cells {
        for (cell, at) in cells.iter().zip(places) {
            if cell.colspan <= 1 {
                if let Some(n) = need.get_mut(at.col) {
                    let indent = f64::from(cell.indent) * 2.0;
                    *n = n.max(text_width(&cell.text) + indent + 2.0);
                }
            }
        }
    }
    kinds
        .iter()
        .zip(need)
        .map(|(kind, n)| {
            let (min, max) = bounds(*kind);
            n.clamp(min, max)
        })
        .collect()
}

/// Lines `text` takes in a cell `width` units wide (at least one).
pub fn lines(text: &str, width: f64) -> f64 {
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| (text_width(line) / room).ceil().max(1.0))
        .sum()
}

/// Height of a row of text set `size` points large in a cell `width` units wide.
pub fn text_height(text: &str, width: f64, size: f64) -> f64 {
    let scale = size / 11.0;
    lines(text, width / scale) * LINE * scale + PAD
}

/// The height of each row of a grid: every one-row cell's text fits; a cell spanning rows
/// that would not fit in them makes the last of its rows taller.
pub fn row_heights(rows: &[&[Cell]], places: &[Vec<Placed>], widths: &[f64]) -> Vec<f64> {
    let span_width = |cell: &Cell, at: &Placed| -> f64 {
        let cols = usize::from(cell.colspan.max(1));
        let w: f64 = widths.iter().skip(at.col).take(cols).sum();
        w - f64::from(cell.indent) * 2.0
    };
    let mut heights = vec![LINE + PAD; rows.len()];
    let cells = || {
        rows.iter()
            .zip(places)
            .flat_map(|(cells, at)| cells.iter().zip(at))
    };
    for (cell, at) in cells().filter(|(c, _)| c.rowspan <= 1) {
        if let Some(h) = heights.get_mut(at.row) {
            *h = h.max(text_height(&cell.text, span_width(cell, at), 11.0));
        }
    }
    for (cell, at) in cells().filter(|(c, _)| c.rowspan > 1) {
        let span = at.row..(at.row + usize::from(cell.rowspan)).min(heights.len());
        let have: f64 = heights.get(span.clone()).map_or(0.0, |h| h.iter().sum());
        let want = text_height(&cell.text, span_width(cell, at), 11.0);
        if want > have {
            if let Some(last) = span.last().and_then(|r| heights.get_mut(r)) {
                *last += want - have;
            }
        }
    }
    heights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        assert_eq!(text_width("1,036.53"), 8.0);
        assert_eq!(text_width("行政运行"), 8.0);
        assert_eq!(text_width("“三公”经费"), 12.0);
        assert_eq!(text_width("（2024年）"), 10.0);
    }

    #[test]
    fn long_text_wraps_into_more_lines() {
        assert_eq!(lines("行政运行", 20.0), 1.0);
        assert_eq!(lines(&"字".repeat(30), 21.0), 3.0);
        assert_eq!(lines("a\nb", 20.0), 2.0);
        assert!(text_height("标题", 10.0, 18.0) > text_height("标题", 10.0, 11.0));
    }
}
