//! The cell formats of the workbook: the title block's lines, header and body cells
//! (bordered, amounts as `#,##0.00`, text wrapped) and the notes under a table.

use crate::document::{Align, ColumnKind, RowRole};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

/// The number format of every amount cell: thousands separators, two decimals, as printed.
pub const AMOUNT_FORMAT: &str = "#,##0.00";
/// The face of every cell (the table face of the PDF's 公文 roles).
const FONT: &str = "宋体";
/// Size of table text, in points.
pub const TABLE_SIZE: f64 = 11.0;
/// Size of the table title, in points.
pub const TITLE_SIZE: f64 = 18.0;
/// Size of the 表N label and the subtitle, in points.
pub const LABEL_SIZE: f64 = 12.0;

fn base(size: f64) -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(size)
        .set_align(FormatAlign::VerticalCenter)
}

/// The `表2` label, above the title at the left.
pub fn label() -> Format {
    base(LABEL_SIZE).set_bold().set_align(FormatAlign::Left)
}

/// The table title, centred over the table.
pub fn title() -> Format {
    base(TITLE_SIZE)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap()
}

/// The subtitle (`（2024年）`), centred.
pub fn subtitle() -> Format {
    base(LABEL_SIZE).set_align(FormatAlign::Center)
}

/// The 编制单位 line (left, wrapped) or the 单位 line (right).
pub fn issuer_line(align: FormatAlign) -> Format {
    base(TABLE_SIZE).set_align(align).set_text_wrap()
}

/// The 空表 statement or the 尾差 note under a table.
pub fn note() -> Format {
    base(TABLE_SIZE)
        .set_align(FormatAlign::Left)
        .set_text_wrap()
}

/// What decides a grid cell's format.
#[derive(Debug, Clone, Copy)]
pub struct CellStyle {
    /// Horizontal alignment from the model.
    pub align: Align,
    /// Indentation level (款 1, 项 2).
    pub indent: u8,
    /// Header cells and 总计/类/group rows are bold, as in the PDF.
    pub bold: bool,
    /// An amount cell, or a blank cell of an amount column: `#,##0.00`; others wrap.
    pub amount: bool,
}

impl CellStyle {
    /// The style of a body cell of `role` in a column of `kind`.
    pub fn body(role: RowRole, kind: Option<ColumnKind>, cell: &crate::document::Cell) -> Self {
        CellStyle {
            align: cell.align,
            indent: cell.indent,
            bold: matches!(role, RowRole::Total | RowRole::Class | RowRole::Group),
            amount: cell.amount.is_some()
                || (cell.text.is_empty() && kind == Some(ColumnKind::Amount)),
        }
    }

    /// The style of a header cell: bold and centred, as in the PDF.
    pub fn header() -> Self {
        CellStyle {
            align: Align::Center,
            indent: 0,
            bold: true,
            amount: false,
        }
    }

    /// The format of a cell of this style.
    pub fn format(self) -> Format {
        let align = match self.align {
            Align::Left => FormatAlign::Left,
            Align::Center => FormatAlign::Center,
            Align::Right => FormatAlign::Right,
        };
        let mut f = base(TABLE_SIZE)
            .set_border(FormatBorder::Thin)
            .set_align(align);
        f = if self.amount {
            f.set_num_format(AMOUNT_FORMAT)
        } else {
            f.set_text_wrap()
        };
        if self.indent > 0 && self.align == Align::Left {
            f = f.set_indent(self.indent);
        }
        if self.bold {
            f = f.set_bold();
        }
        f
    }
}
