//! The rows above a table's grid, as the PDF prints them: the `表N` label at the left, the
//! title centred over the table's width, the subtitle, and the 编制单位 line with
//! `单位：万元` at the right of it.

use super::layout::text_height;
use super::style::{self, LABEL_SIZE, TABLE_SIZE, TITLE_SIZE};
use crate::document::Table;
use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

/// Writes the title block of `t` from row 0 for a grid of columns `widths` wide (at least
/// one); returns the first row after it.
pub fn title_block(ws: &mut Worksheet, t: &Table, widths: &[f64]) -> Result<u32, XlsxError> {
    let last = widths.len().saturating_sub(1) as u16;
    let total: f64 = widths.iter().sum();
    let mut row = 0;
    if let Some(label) = &t.label {
        ws.write_string_with_format(row, 0, label, &style::label())?;
        ws.set_row_height(row, text_height(label, total, LABEL_SIZE))?;
        row += 1;
    }
    across(ws, row, 0, last, &t.title, &style::title())?;
    ws.set_row_height(row, text_height(&t.title, total, TITLE_SIZE))?;
    row += 1;
    if let Some(sub) = &t.subtitle {
        across(ws, row, 0, last, sub, &style::subtitle())?;
        ws.set_row_height(row, text_height(sub, total, LABEL_SIZE))?;
        row += 1;
    }
    let (issuer, unit) = (t.issuer.as_deref(), t.unit.as_deref());
    if issuer.is_none() && unit.is_none() {
        return Ok(row);
    }
    // The unit takes the last column, the issuer the rest; a one-column table gives the
    // unit a row of its own.
    let own_row = last == 0 && issuer.is_some();
    let issuer_last = if unit.is_some() && !own_row {
        last - 1
    } else {
        last
    };
    let left = style::issuer_line(FormatAlign::Left);
    let right = style::issuer_line(FormatAlign::Right);
    let mut height = text_height("", total, TABLE_SIZE);
    if let Some(issuer) = issuer {
        across(ws, row, 0, issuer_last, issuer, &left)?;
        let room: f64 = widths.iter().take(usize::from(issuer_last) + 1).sum();
        height = height.max(text_height(issuer, room, TABLE_SIZE));
    }
    if own_row {
        ws.set_row_height(row, height)?;
        row += 1;
    }
    if let Some(unit) = unit {
        ws.write_string_with_format(row, last, unit, &right)?;
    }
    ws.set_row_height(row, height)?;
    Ok(row + 1)
}

/// `text` in row `row` over columns `first..=last`, merged when that is more than one.
pub fn across(
    ws: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last > first {
        ws.merge_range(row, first, row, last, text, format)?;
    } else {
        ws.write_string_with_format(row, first, text, format)?;
    }
    Ok(())
}
