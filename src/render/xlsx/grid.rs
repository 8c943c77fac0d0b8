//! Writing a header or body grid: every cell at the position the shared placement gives
//! it, merged over its row and column spans; amounts as numbers, everything else as text.

use super::number;
use super::style::CellStyle;
use crate::document::{Cell, Placed};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Writes `rows` (placed at `places`) from sheet row `first_row` on; `style` gives each
/// cell's style from its grid row, its first column and the cell.
pub fn write(
    ws: &mut Worksheet,
    first_row: u32,
    rows: &[&[Cell]],
    places: &[Vec<Placed>],
    style: impl Fn(usize, usize, &Cell) -> CellStyle,
) -> Result<(), XlsxError> {
    for (cells, at) in rows.iter().zip(places) {
        for (cell, at) in cells.iter().zip(at) {
            let row = first_row + at.row as u32;
            write_cell(ws, row, at.col as u16, cell, style(at.row, at.col, cell))?;
        }
    }
    Ok(())
}

/// One cell: an amount cell whose printed figure a double holds exactly is a number with
/// the `#,##0.00` format (see [`number::cell_value`]); an empty cell stays empty (blank,
/// bordered); every other cell, codes included, is the printed text.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    style: CellStyle,
) -> Result<(), XlsxError> {
    let format = style.format();
    let value = match cell.amount {
        Some(_) => number::printed_decimal(&cell.text).and_then(number::cell_value),
        None => None,
    };
    let last_row = row + u32::from(cell.rowspan.max(1)) - 1;
    let last_col = col + cell.colspan.max(1) - 1;
    if last_row > row || last_col > col {
        let text = if value.is_some() { "" } else { &cell.text };
        ws.merge_range(row, col, last_row, last_col, text, &format)?;
    } else if value.is_none() {
        ws.write_string_with_format(row, col, &cell.text, &format)?;
    }
    if let Some(v) = value {
        ws.write_number_with_format(row, col, v, &format)?;
    }
    Ok(())
}
