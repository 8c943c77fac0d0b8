//! The view of a table: header cells with their scopes, row and column classes, and cells
//! marked as figures that must not break (part of the page view in `view.rs`).

use super::title::{pieces, Piece};
use super::HtmlError;
use crate::document::{place, Align, Cell, ColumnKind, Placed, RowRole, Table};
use serde::Serialize;

/// A table as laid out.
#[derive(Debug, Serialize)]
pub(super) struct TableView {
    /// Anchor id.
    pub id: String,
    /// Id of its title.
    pub title_id: String,
    /// Id of its caption, which names its scroll region.
    pub caption_id: String,
    /// HTML heading level of its title.
    pub heading_level: u8,
    /// `表2`.
    pub label: Option<String>,
    /// Title.
    pub title: String,
    /// The title in pieces, the unit's name kept whole.
    pub title_pieces: Vec<Piece>,
    /// Line under the title.
    pub subtitle: Option<String>,
    /// The line under the title in pieces.
    pub subtitle_pieces: Option<Vec<Piece>>,
    /// What it is about when its title is shared (in its caption, so in its region's name).
    pub subject: Option<String>,
    /// `编制单位：…`.
    pub issuer: Option<String>,
    /// `编制单位：…` in pieces, the unit's name kept whole.
    pub issuer_pieces: Option<Vec<Piece>>,
    /// `单位：万元`.
    pub unit: Option<String>,
    /// Prints on landscape pages.
    pub landscape: bool,
    /// One class per grid column (`code`, `text`, `amount`, `short`).
    pub cols: Vec<&'static str>,
    /// Header rows.
    pub header: Vec<Vec<CellView>>,
    /// Body rows.
    pub body: Vec<RowView>,
    /// The 空表 statement, printed under the header when there are no rows.
    pub empty_statement: Option<String>,
    /// The 尾差 note under the table, when its printed totals need it.
    pub rounding_note: Option<String>,
}

/// A body row.
#[derive(Debug, Serialize)]
pub(super) struct RowView {
    /// Row class from its role (`total`, `class`, `kuan`, `item`, `group`, `plain`).
    pub role: &'static str,
    /// Its cells.
    pub cells: Vec<CellView>,
}

/// A cell as laid out.
#[derive(Debug, Serialize)]
pub(super) struct CellView {
    /// `th` or `td`.
    pub tag: &'static str,
    /// `col`, `colgroup` or `row` for header cells.
    pub scope: Option<&'static str>,
    /// Text.
    pub text: String,
    /// Column span when above one.
    pub colspan: Option<u16>,
    /// Row span when above one.
    pub rowspan: Option<u16>,
    /// Classes: alignment, indentation, figures.
    pub class: String,
}

fn column_class(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Code => "code",
        ColumnKind::Text => "text",
        ColumnKind::Amount => "amount",
        ColumnKind::Short => "short",
    }
}

fn role_class(role: RowRole) -> &'static str {
    match role {
        RowRole::Total => "total",
        RowRole::Class => "class",
        RowRole::Kuan => "kuan",
        RowRole::Item => "item",
        RowRole::Group => "group",
        RowRole::Plain => "plain",
    }
}

/// The view of table `t`, its title's HTML heading at `heading_level`; `keep` are the
/// phrases (the unit's name) its titles never break inside.
pub(super) fn table(t: &Table, heading_level: u8, keep: &[&str]) -> Result<TableView, HtmlError> {
    let width = t.columns.len();
    let header_rows: Vec<&[Cell]> = t.header.iter().map(Vec::as_slice).collect();
    let body_rows: Vec<&[Cell]> = t.body.iter().map(|r| r.cells.as_slice()).collect();
    let header_places = place(&t.id, "header", &header_rows, width).map_err(HtmlError::Layout)?;
    let body_places = place(&t.id, "body", &body_rows, width).map_err(HtmlError::Layout)?;
    let header = header_views(t, &header_places);
    let body = body_views(t, &body_places);

    Ok(TableView {
        id: t.id.clone(),
        title_id: format!("{}-title", t.id),
        caption_id: format!("{}-caption", t.id),
        heading_level,
        label: t.label.clone(),
        title: t.title.clone(),
        title_pieces: pieces(&t.title, keep),
        subtitle: t.subtitle.clone(),
        subtitle_pieces: t.subtitle.as_deref().map(|x| pieces(x, keep)),
        subject: t.subject.clone(),
        issuer: t.issuer.clone(),
        issuer_pieces: t.issuer.as_deref().map(|x| pieces(x, keep)),
        unit: t.unit.clone(),
        landscape: t.orientation == crate::document::Orientation::Landscape,
        cols: t.columns.iter().map(|k| column_class(*k)).collect(),
        header,
        body,
        empty_statement: if t.body.is_empty() {
            t.empty_statement.clone()
        } else {
            None
        },
        rounding_note: t.rounding_note.clone(),
    })
}

/// The header rows: every cell a `th` scoped to its column or column group.
fn header_views(t: &Table, places: &[Vec<Placed>]) -> Vec<Vec<CellView>> {
    t.header
        .iter()
        .zip(places)
        .map(|(cells, places)| {
            cells
                .iter()
                .zip(places)
                .map(|(cell, at)| {
                    let scope = if cell.colspan > 1 { "colgroup" } else { "col" };
                    cell_view(cell, "th", Some(scope), t.columns.get(at.col).copied())
                })
                .collect()
        })
        .collect()
}

/// The body rows: a non-empty cell of the first text column is the row's `th`, every
/// other cell a `td`.
fn body_views(t: &Table, places: &[Vec<Placed>]) -> Vec<RowView> {
    let row_header_col = t.columns.iter().position(|k| *k == ColumnKind::Text);
    t.body
        .iter()
        .zip(places)
        .map(|(row, places)| RowView {
            role: role_class(row.role),
            cells: row
                .cells
                .iter()
                .zip(places)
                .map(|(cell, at)| {
                    let is_row_header =
                        Some(at.col) == row_header_col && !cell.text.trim().is_empty();
                    let (tag, scope) = if is_row_header {
                        ("th", Some("row"))
                    } else {
                        ("td", None)
                    };
                    cell_view(cell, tag, scope, t.columns.get(at.col).copied())
                })
                .collect(),
        })
        .collect()
}

fn cell_view(
    cell: &Cell,
    tag: &'static str,
    scope: Option<&'static str>,
    kind: Option<ColumnKind>,
) -> CellView {
    let mut class = String::from(match cell.align {
        Align::Left => "l",
        Align::Center => "c",
        Align::Right => "r",
    });
    if cell.indent > 0 {
        class.push_str(if cell.indent == 1 { " i1" } else { " i2" });
    }
    if let Some(kind) = kind {
        class.push_str(match kind {
            ColumnKind::Code => " k-code",
            ColumnKind::Text => " k-text",
            ColumnKind::Amount => " k-amount",
            ColumnKind::Short => " k-short",
        });
    }
    if cell.amount.is_some() || (kind == Some(ColumnKind::Amount) && tag == "td") {
        class.push_str(" num");
    } else if kind == Some(ColumnKind::Short) && is_short_figure(&cell.text) {
        class.push_str(" nb");
    }
    CellView {
        tag,
        scope,
        text: cell.text.clone(),
        colspan: (cell.colspan > 1).then_some(cell.colspan),
        rowspan: (cell.rowspan > 1).then_some(cell.rowspan),
        class,
    }
}

/// Longest text kept on one line as a figure (`=1377.81平方米`, `>=95%`, `2024年12月`).
const SHORT_FIGURE_CHARS: usize = 16;

/// A short value with a digit in it (an indicator value such as `>=95%` or `=1377.81平方米`,
/// a weight), which must not break over two lines.
fn is_short_figure(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= SHORT_FIGURE_CHARS
        && text.chars().any(|c| c.is_ascii_digit())
        && !text.chars().any(char::is_whitespace)
}
