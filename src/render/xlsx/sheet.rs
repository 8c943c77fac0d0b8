//! One table as one sheet: its title block, header grid and body grid as the document
//! holds them, the 空表 statement or 尾差 note under it, and its print setup (A4 in the
//! table's orientation, fit to the page width, header rows on every page, frozen header).

use super::header::{across, title_block};
use super::style::{self, CellStyle, TABLE_SIZE};
use super::{grid, layout, XlsxRenderError};
use crate::document::{place, Cell, Orientation, Table};
use rust_xlsxwriter::{IgnoreError, Worksheet};

/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Excel's last row and column (zero-based).
const MAX_ROW: usize = 1_048_575;
const MAX_COL: usize = 16_383;

/// Writes table `t` into `ws`, named `name`.
pub fn write(ws: &mut Worksheet, t: &Table, name: &str) -> Result<(), XlsxRenderError> {
    ws.set_name(name)?;
    let width = t.columns.len().max(1);
    let header: Vec<&[Cell]> = t.header.iter().map(Vec::as_slice).collect();
    let body: Vec<&[Cell]> = t.body.iter().map(|r| r.cells.as_slice()).collect();
    let header_at = place(&t.id, "header", &header, width).map_err(XlsxRenderError::Grid)?;
    let body_at = place(&t.id, "body", &body, width).map_err(XlsxRenderError::Grid)?;
    // Title block (at most 5 rows), grid and note: the casts below are then lossless.
    if width > MAX_COL || header.len() + body.len() + 6 > MAX_ROW {
        return Err(XlsxRenderError::Grid(format!(
            "表格 {} 超出 Excel 工作表的行列上限（table too large for a sheet）",
            t.id
        )));
    }
    let widths = layout::column_widths(t, &header_at, &body_at);
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    let last_col = (width - 1) as u16;

    let header_row = title_block(ws, t, &widths)?;
    grid::write(ws, header_row, &header, &header_at, |_, _, _| {
        CellStyle::header()
    })?;
    let heights = layout::row_heights(&header, &header_at, &widths);
    for (i, h) in heights.iter().enumerate() {
        ws.set_row_height(header_row + i as u32, *h)?;
    }

    let body_row = header_row + header.len() as u32;
    grid::write(ws, body_row, &body, &body_at, |r, c, cell| {
        let role = t.body.get(r).map(|row| row.role);
        CellStyle::body(
            role.unwrap_or(crate::document::RowRole::Plain),
            t.columns.get(c).copied(),
            cell,
        )
    })?;
    let heights = layout::row_heights(&body, &body_at, &widths);
    for (i, h) in heights.iter().enumerate() {
        ws.set_row_height(body_row + i as u32, *h)?;
    }

    let end = body_row + body.len() as u32;
    let statement = match (&t.empty_statement, t.body.is_empty()) {
        (Some(s), true) => Some(s),
        _ => t.rounding_note.as_ref(),
    };
    let mut last_row = end.saturating_sub(1);
    if let Some(text) = statement {
        across(ws, end, 0, last_col, text, &style::note())?;
        let total: f64 = widths.iter().sum();
        ws.set_row_height(end, layout::text_height(text, total, TABLE_SIZE))?;
        last_row = end;
    }
    ws.ignore_error_range(0, 0, last_row, last_col, IgnoreError::NumberStoredAsText)?;

    print_setup(ws, t, header_row, body_row)?;
    Ok(())
}

/// A4 in the table's orientation, one page wide, centred; the header rows (or, in a
/// 绩效目标表, the row of indicator heads) printed on every page; panes frozen under the
/// header; page numbers in the footer.
fn print_setup(
    ws: &mut Worksheet,
    t: &Table,
    header_row: u32,
    body_row: u32,
) -> Result<(), XlsxRenderError> {
    ws.set_paper_size(A4);
    match t.orientation {
        Orientation::Landscape => ws.set_landscape(),
        Orientation::Portrait => ws.set_portrait(),
    };
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_footer("&C第 &P 页，共 &N 页");
    if body_row > header_row {
        ws.set_repeat_rows(header_row, body_row - 1)?;
        ws.set_freeze_panes(body_row, 0)?;
    } else if let Some(heads) = t.body_heads.filter(|h| *h < t.body.len()) {
        let row = body_row + heads as u32;
        ws.set_repeat_rows(row, row)?;
    }
    Ok(())
}
