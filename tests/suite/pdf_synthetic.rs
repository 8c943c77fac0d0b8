//! PDF layout and writer tests on a synthetic stress document (16 columns, 3 header rows,
//! a 200-row table, an empty table, chart, glossary).

use crate::common::pdf_docs;

use gongkai::fonts::{load_fonts, FontOptions};
use gongkai::render::pdf::{lay_out_pages, render, Page};
use pdf_docs::synthetic_document;
use std::sync::OnceLock;

fn fonts() -> &'static gongkai::fonts::FontSet {
    static FONTS: OnceLock<gongkai::fonts::FontSet> = OnceLock::new();
    FONTS.get_or_init(|| load_fonts(&FontOptions::default()).expect("CJK fonts installed"))
}

fn pages() -> Vec<Page> {
    lay_out_pages(&synthetic_document(), fonts()).expect("layout")
}

/// Text of a page without the spaces between runs (cells wrap into several runs).
fn compact(page: &Page) -> String {
    page.text().split_whitespace().collect()
}

/// Body pages showing table `title` (the 目录 is skipped).
fn table_pages<'p>(pages: &'p [Page], title: &str) -> Vec<&'p Page> {
    pages
        .iter()
        .filter(|p| !compact(p).contains("目录") && compact(p).contains(title))
        .collect()
}

/// Writes the PDF where a human can look at it.
#[test]
fn synthetic_document_renders_and_is_deterministic() {
    let doc = synthetic_document();
    let a = render(&doc, fonts()).expect("render");
    let b = render(&doc, fonts()).expect("render again");
    let dir = std::env::temp_dir().join(format!("gongkai-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("synthetic.pdf"), &a).expect("write");
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "two renders give identical bytes");
}

/// Renders made at the same time on several threads of one process (sharing the glyph
/// cache and the worker pool) give the same bytes as a render on its own.
#[test]
fn concurrent_renders_give_identical_bytes() {
    let doc = synthetic_document();
    let alone = render(&doc, fonts()).expect("render");
    let together: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..3)
            .map(|_| scope.spawn(|| render(&doc, fonts()).expect("render on a thread")))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for bytes in together {
        assert!(
            bytes == alone,
            "a concurrent render differs from a render alone"
        );
    }
}

#[test]
fn every_page_is_a4_portrait_or_landscape() {
    for page in pages() {
        let (w, h) = if page.is_landscape() {
            (page.height, page.width)
        } else {
            (page.width, page.height)
        };
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "{} x {}",
            page.width,
            page.height
        );
    }
}

#[test]
fn long_table_repeats_its_header_and_spans_more_than_three_pages() {
    let pages = pages();
    let with_rows = table_pages(&pages, "单位支出总体情况表");
    assert!(
        with_rows.len() > 3,
        "table 3 spans {} pages",
        with_rows.len()
    );
    for page in &with_rows {
        let text = compact(page);
        assert!(text.contains("※※※※123"), "header repeated on every page");
        assert!(!page.is_landscape());
    }
}

#[test]
fn wide_table_is_landscape_and_readable() {
    let pages = pages();
    let page = table_pages(&pages, "单位收入总体情况表")[0];
    assert!(page.is_landscape());
    let min_size = page
        .items
        .iter()
        .filter_map(|i| match i {
            gongkai::render::pdf::Item::Text { size, .. } => Some(*size),
            _ => None,
        })
        .fold(f32::MAX, f32::min);
    assert!(min_size >= 7.5, "smallest text {min_size} pt");
}

#[test]
fn table_title_block_stays_with_the_table() {
    for page in pages() {
        let text = compact(&page);
        if text.contains("编制单位") {
            assert!(text.contains("单位：万元"));
            assert!(text.contains("※※※※1"), "header on the page of the title");
        }
    }
}
