//! The Excel workbook (`--format xlsx`): one sheet per table of the document (tables 1–11
//! and the 绩效目标表), in document order, laid out from the same document model the PDF
//! and HTML render. Every figure is the printed one: an amount cell holds the number its
//! printed text reads (see [`number`]), formatted `#,##0.00`; codes and other texts are
//! text. The bytes depend on the document only (the creation date is the budget's date of
//! issue), so the same TOML gives the same file.

mod grid;
mod header;
mod layout;
pub mod names;
pub mod number;
mod sheet;
mod style;

use crate::document::Document;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

/// Why a workbook could not be made.
#[derive(Debug, thiserror::Error)]
pub enum XlsxRenderError {
    /// A table's grid does not fit a sheet.
    #[error("{0}")]
    Grid(String),
    /// The xlsx writer refused something.
    #[error("{0}")]
    Xlsx(#[from] XlsxError),
}

/// The workbook of `doc`'s tables, as xlsx bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, XlsxRenderError> {
    let mut workbook = Workbook::new();
    let created = creation_date(doc)?;
    let properties = DocProperties::new()
        .set_title(&doc.meta.title)
        .set_author(&doc.meta.unit_name)
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    let tables = doc.tables();
    for (table, name) in tables.iter().zip(names::sheet_names(&tables)) {
        sheet::write(workbook.add_worksheet(), table, &name)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The workbook's creation date: the budget's date of issue (`[unit] issued`), or 1 January
/// of the budget year; never the clock, so the bytes are the same on every run.
fn creation_date(doc: &Document) -> Result<ExcelDateTime, XlsxError> {
    let issued = doc.meta.publish.pub_date.as_deref().and_then(|d| {
        let mut parts = d.split('-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ExcelDateTime::from_ymd(y, m, day).ok()
    });
    match issued {
        Some(date) => Ok(date),
        None => u16::try_from(doc.meta.year)
            .ok()
            .and_then(|y| ExcelDateTime::from_ymd(y, 1, 1).ok())
            .map_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1), Ok),
    }
}
