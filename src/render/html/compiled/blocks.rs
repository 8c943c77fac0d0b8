//! `part.html`, `blocks.html` and `chart.html`: a part, its sections and their blocks.

use super::{given, table, Html};
use crate::render::html::chart::ChartView;
use crate::render::html::view::{BlockView, PartView, SectionView, TermView};

/// `part.html`.
pub(super) fn part(out: &mut Html, part: &PartView) {
    out.line(
        &[
            "<section class=\"part\" id=\"",
            "\" aria-labelledby=\"",
            "\">\n<h2 id=\"",
            "\"><span class=\"part-number keep\">",
            "</span> ",
        ],
        &[&part.id, &part.heading_id, &part.heading_id, &part.number],
    );
    out.pieces(&part.title_pieces, "keep");
    out.raw("</h2>");
    for s in &part.sections {
        section(out, s);
    }
    out.raw("\n</section>\n");
}

/// A section of `part.html`.
fn section(out: &mut Html, section: &SectionView) {
    out.raw("\n<section class=\"section\" id=\"");
    out.text(&section.id);
    out.raw("\"");
    out.optional(given(&section.heading_id), " aria-labelledby=\"", "\"");
    out.raw(">");
    if given(&section.heading).is_some() {
        out.raw("\n<h3 id=\"");
        out.text(section.heading_id.as_deref().unwrap_or_default());
        out.raw("\">");
        out.pieces(
            section.heading_pieces.as_deref().unwrap_or_default(),
            "keep",
        );
        out.raw("</h3>");
    }
    for b in &section.blocks {
        out.raw("\n");
        block(out, b);
    }
    out.raw("\n</section>");
}

/// `blocks.html`.
fn block(out: &mut Html, block: &BlockView) {
    match block {
        BlockView::Subheading { pieces, level, .. } => {
            out.raw("<h");
            out.int(*level);
            out.raw(" class=\"subheading\">");
            out.pieces(pieces, "keep");
            out.raw("</h");
            out.int(*level);
            out.raw(">");
        }
        BlockView::Paragraph { pieces, style, .. } => {
            out.raw("<p class=\"");
            out.text(style);
            out.raw("\">");
            out.pieces(pieces, "fig");
            out.raw("</p>");
        }
        BlockView::Table(t) => table::table(out, t),
        BlockView::Chart(c) => chart(out, c),
        BlockView::Glossary { terms } => glossary(out, terms),
    }
}

/// The glossary list of `blocks.html`.
fn glossary(out: &mut Html, terms: &[TermView]) {
    out.raw("<dl class=\"glossary\">");
    for t in terms {
        out.line(
            &[
                "\n<div class=\"term\"><dt><span class=\"term-number\">",
                "</span><dfn>",
                "</dfn>：</dt><dd>",
                "</dd></div>",
            ],
            &[&t.number, &t.term, &t.definition],
        );
    }
    out.raw("\n</dl>");
}

/// `chart.html`.
fn chart(out: &mut Html, chart: &ChartView) {
    out.line(
        &[
            "<figure class=\"chart\" id=\"",
            "\" aria-labelledby=\"",
            "\">\n<figcaption id=\"",
            "\">",
            "</figcaption>\n<ul class=\"chart-rows\">",
        ],
        &[&chart.id, &chart.title_id, &chart.title_id, &chart.title],
    );
    for row in &chart.rows {
        out.line(
            &[
                "\n<li><span class=\"chart-label\">",
                "</span><span class=\"chart-plot\"><svg class=\"chart-bar\" width=\"",
                concat!(
                    "%\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">",
                    "<rect width=\"100%\" height=\"100%\"/></svg><span class=\"chart-value num\">"
                ),
                "</span></span></li>",
            ],
            &[&row.label, &row.bar, &row.value],
        );
    }
    out.raw("\n</ul>\n</figure>\n");
}
