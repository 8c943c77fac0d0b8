//! A table's cells placed on the grid (row and column spans as in the HTML), each shaped
//! at 1 pt and scaled to the size being tried, with where its lines may break.

use super::break_costs::break_costs;
use crate::document::{place, Align as CellAlign, Cell, ColumnKind, RowRole, Table};
use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, Shaped, Span};

/// Horizontal cell padding in points.
pub const PAD_X: f32 = 3.0;

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
    /// A 类/款/项 code in the body: `shaped` ends with a space that is drawn (invisible)
    /// after it, so that text extractors read 「201 一般公共服务支出」.
    pub code: bool,
    /// Where a line of the cell may start at all ([`Words::hard_breaks`]), one per shaped
    /// character.
    pub hard: Vec<bool>,
    /// Where a line may start between words ([`Words::breaks`]).
    pub between_words: Vec<bool>,
    /// What a break before each character costs ([`break_costs`]).
    pub breaks: Vec<f32>,
}

/// Places the header and body cells on the grid ([`place`], as the HTML does) and shapes
/// their text at 1 pt ([`at_size`] gives them at a size).
pub fn grid(m: &Metrics, words: &Words, table: &Table) -> Result<Vec<GridCell>, PdfError> {
    let ncols = table.columns.len().max(1);
    let header: Vec<&[Cell]> = table.header.iter().map(Vec::as_slice).collect();
    let body: Vec<&[Cell]> = table.body.iter().map(|r| r.cells.as_slice()).collect();
    let invalid = |e: String| PdfError::Write(format!("表格结构无效：{e}"));
    let header_at = place(&table.id, "header", &header, ncols).map_err(invalid)?;
    let body_at = place(&table.id, "body", &body, ncols).map_err(invalid)?;
    let rows = header
        .iter()
        .zip(&header_at)
        .map(|(cells, at)| (*cells, at, true, RowRole::Plain))
        .chain(
            body.iter()
                .zip(&body_at)
                .zip(&table.body)
                .map(|((cells, at), row)| (*cells, at, false, row.role)),
        );
    let names = group_names(table);
    let mut out = Vec::new();
    for (r, (cells, at, header, role)) in rows.enumerate() {
        let bold = header || matches!(role, RowRole::Total | RowRole::Class | RowRole::Group);
        let role = if bold { Role::TableBold } else { Role::Table };
        for (cell, placed) in cells.iter().zip(at) {
            let kind = table.columns.get(placed.col).copied();
            let code = !header && kind == Some(ColumnKind::Code) && !cell.text.is_empty();
            let spaced;
            let text = if code {
                spaced = format!("{} ", cell.text);
                &spaced
            } else {
                &cell.text
            };
            let shaped = text::shape(m, &[Span { role, text }], 1.0, 1.0)?;
            let chars: Vec<char> = shaped.iter().map(|s| s.ch).collect();
            let (hard, between_words, breaks) = breaks(words, &chars, &names, header);
            out.push(GridCell {
                row: r,
                col: placed.col,
                rowspan: usize::from(cell.rowspan.max(1)),
                colspan: usize::from(cell.colspan.max(1)),
                align: cell.align,
                indent: f32::from(cell.indent),
                header,
                shaped,
                lines: Vec::new(),
                code,
                breaks,
                hard,
                between_words,
            });
        }
    }
    Ok(out)
}

/// The cells of `em` (shaped at 1 pt by [`grid`]) at `size`: every advance is the same
/// product of the face's advance and the size that shaping at `size` gives.
pub fn at_size(em: &[GridCell], size: f32) -> Vec<GridCell> {
    em.iter()
        .map(|cell| {
            let mut cell = cell.clone();
            for s in &mut cell.shaped {
                s.natural *= size;
                s.advance = s.natural;
            }
            cell
        })
        .collect()
}

/// A single-span, left-aligned cell at (`row`, `col`) whose characters are `em` wide
/// (ASCII half of it), with its breaks as [`grid`] gives them: for unit tests.
#[cfg(test)]
pub fn test_cell(
    words: &Words,
    (row, col): (usize, usize),
    header: bool,
    text: &str,
    em: f32,
) -> GridCell {
    let shaped: Vec<Shaped> = text
        .chars()
        .map(|ch| {
            let w = if ch.is_ascii() { em / 2.0 } else { em };
            Shaped {
                ch,
                face: 0,
                gid: 0,
                natural: w,
                advance: w,
            }
        })
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let (hard, between_words, breaks) = breaks(words, &chars, &[], header);
    GridCell {
        row,
        col,
        rowspan: 1,
        colspan: 1,
        align: CellAlign::Left,
        indent: 0.0,
        header,
        shaped,
        lines: Vec::new(),
        code: false,
        hard,
        between_words,
        breaks,
    }
}

/// Where a line of a cell of `chars` may start at all, where between words (`names` kept
/// whole too), and what a break before each character costs.
fn breaks(
    words: &Words,
    chars: &[char],
    names: &[Vec<char>],
    header: bool,
) -> (Vec<bool>, Vec<bool>, Vec<f32>) {
    let hard = Words::hard_breaks(chars);
    let between_words = keep_whole(words.breaks(chars), chars, names);
    let parts = Words::part_breaks(chars, &between_words);
    let costs = break_costs(chars, (&between_words, &parts, &hard), header);
    (hard, between_words, costs)
}

/// The names the table's group rows print (the units of tables 7 and 11; not the row of
/// column headings inside a 绩效目标表's body): kept whole wherever the table prints
/// them, like the unit's own name.
fn group_names(table: &Table) -> Vec<Vec<char>> {
    let mut names: Vec<Vec<char>> = table
        .body
        .iter()
        .enumerate()
        .filter(|(i, row)| row.role == RowRole::Group && table.body_heads != Some(*i))
        .flat_map(|(_, row)| &row.cells)
        .map(|cell| cell.text.trim().chars().collect::<Vec<char>>())
        .filter(|name| name.len() > 1 && !name.iter().any(|c| c.is_ascii_digit()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `breaks` with no line starting inside an occurrence of one of `names` in `chars`.
fn keep_whole(mut breaks: Vec<bool>, chars: &[char], names: &[Vec<char>]) -> Vec<bool> {
    for name in names {
        for start in 0..chars.len().saturating_sub(name.len() - 1) {
            if chars[start..].starts_with(name) {
                breaks[start + 1..start + name.len()].fill(false);
            }
        }
    }
    breaks
}
