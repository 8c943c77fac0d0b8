//! `part.html`, `blocks.html` and `chart.html`: a part, its sections and their blocks.

use super::{given, table, Html};
use crate::render::html::chart::ChartView;
use crate::render::html::view::{BlockView, PartView, SectionView, TermView};

/// `part.html`.
pub(super) fn part(out: &mut Html, part: &PartView) {
    out.raw("<section class=\"part\" id=\"");
    out.text(&part.id);
    out.raw("\" aria-labelledby=\"");
    out.text(&part.heading_id);
    out.raw("\">\n<h2 id=\"");
    out.text(&part.heading_id);
    out.raw("\"><span class=\"part-number keep\">");
    out.text(&part.number);
    out.raw("</span> ");
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
        out.raw("\n<div class=\"term\"><dt><span class=\"term-number\">");
        out.text(&t.number);
        out.raw("</span><dfn>");
        out.text(&t.term);
        out.raw("</dfn>：</dt><dd>");
        out.text(&t.definition);
        out.raw("</dd></div>");
    }
    out.raw("\n</dl>");
}

/// `chart.html`.
fn chart(out: &mut Html, chart: &ChartView) {
    out.raw("<figure class=\"chart\" id=\"");
    out.text(&chart.id);
    out.raw("\" aria-labelledby=\"");
    out.text(&chart.title_id);
    out.raw("\">\n<figcaption id=\"");
    out.text(&chart.title_id);
    out.raw("\">");
    out.text(&chart.title);
    out.raw("</figcaption>\n<ul class=\"chart-rows\">");
    for row in &chart.rows {
        out.raw("\n<li><span class=\"chart-label\">");
        out.text(&row.label);
        out.raw("</span><span class=\"chart-plot\"><svg class=\"chart-bar\" width=\"");
        out.text(&row.bar);
        out.raw(concat!(
            "%\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">",
            "<rect width=\"100%\" height=\"100%\"/></svg><span class=\"chart-value num\">"
        ));
        out.text(&row.value);
        out.raw("</span></span></li>");
    }
    out.raw("\n</ul>\n</figure>\n");
}
