//! The PDF chart, drawn from the shared chart layout: every label, bar and value text stays
//! inside the text block even for a long label and 元 figures after the longest bar; the
//! bars keep the proportions of the layout and the texts are the layout's.

use crate::common::pdf_docs;

use gongkai::document::{Block, Chart, Document};
use gongkai::fonts::{load_fonts, FontOptions};
use gongkai::money::{Money, MoneyUnit, Percent};
use gongkai::render::chart::layout;
use gongkai::render::pdf::{lay_out_pages, Item, Page};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Points per millimetre; the portrait text block is 28–184 mm from the left edge.
const MM: f32 = 72.0 / 25.4;
const LEFT: f32 = 28.0 * MM;
const RIGHT: f32 = 184.0 * MM;

fn chart(unit: MoneyUnit) -> Chart {
    let item = |label: &str, amount: &str, share: &str| {
        (
            label.to_string(),
            Money::parse_exact(amount).unwrap(),
            Percent::from_percent(Decimal::from_str(share).unwrap()),
        )
    };
    Chart::new(
        "chart-test",
        "收入预算构成",
        Money::parse_exact("987654321.98").unwrap(),
        vec![
            item(
                "上级一般公共预算安排的转移支付资金和上级政府性基金预算安排的转移支付资金",
                "123456789.99",
                "12.50",
            ),
            item("单位资金", "864197531.99", "87.50"),
        ],
        unit,
    )
}

/// The synthetic document with only `chart` in its first section.
fn document(chart: Chart) -> Document {
    let mut doc = pdf_docs::synthetic_document();
    doc.parts[0].sections[0].blocks = vec![Block::Chart(chart)];
    doc
}

fn chart_page(doc: &Document) -> Page {
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    let pages = lay_out_pages(doc, &fonts).expect("layout");
    pages
        .into_iter()
        .find(|p| p.text().contains("收入预算构成") && !p.text().contains("目"))
        .expect("the chart's page")
}

/// (left, right) of an item.
fn span(item: &Item) -> (f32, f32) {
    match item {
        Item::Text { x, glyphs, .. } => (*x, glyphs.last().map_or(*x, |g| x + g.x + g.advance)),
        Item::Rule { x1, x2, .. } => (x1.min(*x2), x1.max(*x2)),
        Item::Fill { x, w, .. } => (*x, x + w),
    }
}

#[test]
fn long_labels_and_yuan_values_stay_inside_the_text_block() {
    for unit in [MoneyUnit::Wan, MoneyUnit::Yuan] {
        let c = chart(unit);
        let page = chart_page(&document(c.clone()));
        for item in &page.items {
            let (l, r) = span(item);
            assert!(
                l >= LEFT - 0.5 && r <= RIGHT + 0.5,
                "{unit:?}: “{}” spans {l:.1}..{r:.1}, outside {LEFT:.1}..{RIGHT:.1}",
                item.text()
            );
        }
        let text = page.text().replace(' ', "");
        for row in layout(&c).rows {
            assert!(
                text.contains(&row.value.replace(' ', "")),
                "{unit:?}: {} missing in {text}",
                row.value
            );
        }
        // The long label wraps: its characters are all there, on more than one line.
        let label = &layout(&c).rows[0].label;
        let lines = page
            .items
            .iter()
            .filter(|i| {
                matches!(i, Item::Text { .. })
                    && label.contains(&i.text())
                    && i.text().chars().count() > 3
            })
            .count();
        assert!(
            lines >= 2,
            "{unit:?}: the long label is set on {lines} line(s)"
        );
    }
}

#[test]
fn bars_follow_the_shared_layout() {
    let c = chart(MoneyUnit::Wan);
    let page = chart_page(&document(c.clone()));
    let bars: Vec<f32> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Fill { w, .. } => Some(*w),
            _ => None,
        })
        .collect();
    assert_eq!(bars.len(), 2, "{bars:?}");
    let rows = layout(&c).rows;
    let ratio = bars[0] / bars[1];
    let expected = rows[0].bar(1.0) / rows[1].bar(1.0);
    assert!(
        (ratio - expected).abs() < 1e-3,
        "bars {bars:?}, expected ratio {expected}"
    );
    assert!(
        bars[1] <= (RIGHT - LEFT) * 0.38 + 0.01,
        "the longest bar is at most 38 % of the width"
    );
}
