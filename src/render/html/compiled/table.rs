//! `table.html`: a table with its head, caption, rows and notes.

use super::{given, Html};
use crate::render::html::table_view::{CellView, TableView};

/// `table.html`.
pub(super) fn table(out: &mut Html, t: &TableView) {
    out.raw("<div class=\"table-block");
    if t.landscape {
        out.raw(" landscape");
    }
    out.raw("\" id=\"");
    out.text(&t.id);
    out.raw("\">\n<div class=\"table-head\">");
    head(out, t);
    out.raw("\n</div>\n<div class=\"scroll\" role=\"region\" aria-labelledby=\"");
    out.text(&t.caption_id);
    out.raw(concat!(
        "\" tabindex=\"0\">\n<div class=\"scroll-body\">\n",
        "<p class=\"scroll-hint\" aria-hidden=\"true\"><span>表格较宽，可左右滑动查看 →</span></p>\n",
        "<table>\n<caption id=\""
    ));
    out.text(&t.caption_id);
    out.raw("\">");
    caption(out, t);
    out.raw("</caption>\n<colgroup>");
    for c in &t.cols {
        out.raw("<col class=\"");
        out.text(c);
        out.raw("\">");
    }
    out.raw("</colgroup>\n<thead>");
    for row in &t.header {
        out.raw("\n<tr>");
        cells(out, row);
        out.raw("</tr>");
    }
    out.raw("\n</thead>");
    if !t.body.is_empty() {
        out.raw("\n<tbody>");
        for row in &t.body {
            out.raw("\n<tr class=\"");
            out.text(row.role);
            out.raw("\">");
            cells(out, &row.cells);
            out.raw("</tr>");
        }
        out.raw("\n</tbody>");
    }
    out.raw("\n</table>\n</div>\n</div>");
    out.optional(
        given(&t.empty_statement),
        "\n<p class=\"empty-statement\">",
        "</p>",
    );
    out.optional(
        given(&t.rounding_note),
        "\n<p class=\"rounding-note\">",
        "</p>",
    );
    out.raw("\n</div>\n");
}

/// The label, title, subtitle, issuer and unit above the table.
fn head(out: &mut Html, t: &TableView) {
    out.optional(given(&t.label), "\n<p class=\"table-label\">", "</p>");
    out.raw("\n<h");
    out.int(t.heading_level);
    out.raw(" class=\"table-title\" id=\"");
    out.text(&t.title_id);
    out.raw("\">");
    out.pieces(&t.title_pieces, "keep");
    out.raw("</h");
    out.int(t.heading_level);
    out.raw(">");
    if given(&t.subtitle).is_some() {
        out.raw("\n<p class=\"table-subtitle\">");
        out.pieces(t.subtitle_pieces.as_deref().unwrap_or_default(), "keep");
        out.raw("</p>");
    }
    let unit = given(&t.unit);
    if given(&t.issuer).is_some() || unit.is_some() {
        out.raw("\n<p class=\"table-meta\">");
        if given(&t.issuer).is_some() {
            out.raw("<span class=\"issuer\">");
            out.pieces(t.issuer_pieces.as_deref().unwrap_or_default(), "keep");
            out.raw("</span>");
        }
        out.optional(unit, "<span class=\"unit\">", "</span>");
        out.raw("</p>");
    }
}

/// The caption: label, title, subtitle, subject and unit on one line.
fn caption(out: &mut Html, t: &TableView) {
    out.optional(given(&t.label), "", " ");
    out.text(&t.title);
    out.optional(given(&t.subtitle), " ", "");
    out.optional(given(&t.subject), " ", "");
    out.optional(given(&t.unit), "（", "）");
}

/// A row's cells.
fn cells(out: &mut Html, cells: &[CellView]) {
    for cell in cells {
        out.raw("<");
        out.text(cell.tag);
        out.optional(cell.scope, " scope=\"", "\"");
        span(out, " colspan=\"", cell.colspan);
        span(out, " rowspan=\"", cell.rowspan);
        out.raw(" class=\"");
        out.text(&cell.class);
        out.raw("\">");
        out.text(&cell.text);
        out.raw("</");
        out.text(cell.tag);
        out.raw(">");
    }
}

/// A `colspan` or `rowspan` attribute, when the span is given and not zero.
fn span(out: &mut Html, attribute: &str, n: Option<u16>) {
    if let Some(n) = n.filter(|&n| n != 0) {
        out.raw(attribute);
        out.int(n);
        out.raw("\"");
    }
}
