//! Real-browser check of the rendered pages in headless Chromium: at phone (390 px) and
//! desktop (1280 px) widths nothing outside the table scrollers overflows the page, no
//! table cell or chart label is left with a line of a single character, no title breaks
//! inside the unit's name, and screenshots are saved for review (`$GONGKAI_SCREENSHOT_DIR`, default
//! `<target>/tmp/html-screenshots`).
//!
//! Needs `/usr/bin/chromium` (or `$GONGKAI_CHROMIUM`); fails when it is missing unless
//! `GONGKAI_SKIP_BROWSER=1` is set.

use crate::common::chromium;
use crate::common::html_docs;
use crate::common::html_fixture;

use chromium::{chromium, file_url, pre_text, srcdoc};
use gongkai::document::Document;
use gongkai::render::html::HtmlRenderer;
use std::path::{Path, PathBuf};

const MEASURE_JS: &str = include_str!("../browser/measure.js");
const WIDTHS: [u32; 2] = [390, 1280];
/// Height of one screenshot slice.
const SLICE_HEIGHT: u32 = 4000;

fn work_dir() -> PathBuf {
    chromium::work_dir("html-browser")
}

fn run_chromium(browser: &Path, args: &[String]) -> String {
    chromium::run_chromium(browser, &work_dir(), args)
}

fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("GONGKAI_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-screenshots"));
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// What measure.js reports.
#[derive(Debug, serde::Deserialize)]
struct Measure {
    hints: u32,
    hints_shown: u32,
    hint_mismatch: Vec<String>,
    broken_figures: Vec<String>,
    broken_count: u32,
    clipped_cells: Vec<String>,
    lone_characters: Vec<String>,
    lone_count: u32,
    broken_phrases: Vec<String>,
    inner_width: u32,
    client_width: u32,
    document_scroll_width: u32,
    body_scroll_width: u32,
    scroll_height: u32,
    overflowing: Vec<String>,
    overflowing_count: u32,
    scrollers: u32,
    scrolling: u32,
    tables: u32,
    scripts: u32,
}

/// Measures `page` at `width`; `keep` are the phrases no title may break inside (the
/// unit's name).
fn measure(browser: &Path, page: &str, keep: &[&str], name: &str, width: u32) -> Measure {
    // The page is shown unchanged (its CSP and all) in an iframe of the width under test;
    // the harness around it measures. Chromium's headless window is at least 500 px wide,
    // the iframe is exactly `width`.
    let srcdoc = srcdoc(page);
    let keep = serde_json::to_string(keep)
        .expect("phrases as JSON")
        .replace("</", "<\\/");
    let harness = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{{margin:0}}iframe{{border:0;display:block}}</style></head><body>\n<iframe id=\"gk-frame\" width=\"{width}\" height=\"900\" srcdoc=\"{srcdoc}\"></iframe>\n<script>var GK_KEEP = {keep};</script>\n<script>{MEASURE_JS}</script>\n</body></html>\n"
    );
    let path = work_dir().join(format!("{name}.measure-{width}.html"));
    std::fs::write(&path, harness).expect("write harness");
    let dom = run_chromium(
        browser,
        &[
            format!("--window-size={},1000", width.max(500) + 40),
            "--dump-dom".into(),
            file_url(&path),
        ],
    );
    let json = pre_text(&dom, "gk-measure")
        .unwrap_or_else(|| panic!("{name} at {width}px: no measurement in the dumped DOM"));
    serde_json::from_str(&json).expect("measurement is JSON")
}

/// Screenshots of the whole page at `width`, in slices of at most `SLICE_HEIGHT` px
/// (`<name>-<width>-<n>.png`): the page is shown in an iframe as tall as itself, shifted
/// up slice by slice.
fn screenshots(browser: &Path, page: &str, name: &str, width: u32, height: u32) -> Vec<PathBuf> {
    let srcdoc = srcdoc(page);
    let mut shots = Vec::new();
    let mut top = 0;
    while top < height {
        let slice = SLICE_HEIGHT.min(height - top).max(200);
        let harness = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{{margin:0;overflow:hidden;background:#fff}}iframe{{border:0;display:block;margin-top:-{top}px}}</style></head><body><iframe width=\"{width}\" height=\"{height}\" srcdoc=\"{srcdoc}\"></iframe></body></html>\n"
        );
        let path = work_dir().join(format!("{name}.shot-{width}-{}.html", shots.len() + 1));
        std::fs::write(&path, harness).expect("write screenshot harness");
        let shot = screenshot_dir().join(format!("{name}-{width}-{}.png", shots.len() + 1));
        let _ = std::fs::remove_file(&shot);
        run_chromium(
            browser,
            &[
                format!("--window-size={width},{slice}"),
                format!("--screenshot={}", shot.display()),
                file_url(&path),
            ],
        );
        let png = std::fs::read(&shot)
            .unwrap_or_else(|e| panic!("no screenshot {}: {e}", shot.display()));
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 2000,
            "{} is not a real screenshot",
            shot.display()
        );
        shots.push(shot);
        top += slice;
    }
    shots
}

/// Renders `doc`, checks what Chromium measures at each width, and saves screenshots.
fn check_in_browser(name: &str, doc: &Document) {
    let Some(browser) = chromium() else { return };
    let page = String::from_utf8(
        HtmlRenderer::new(None)
            .expect("templates")
            .render(doc)
            .expect("renders"),
    )
    .expect("UTF-8");
    let page_path = work_dir().join(format!("{name}.html"));
    std::fs::write(&page_path, &page).expect("write page");
    let expected_tables = page.matches("<table>").count() as u32;
    let mut heights = Vec::new();
    for width in WIDTHS {
        let m = measure(&browser, &page, &[&doc.meta.unit_name], name, width);
        heights.push(m.scroll_height);
        eprintln!("{name} at {width}px: {m:?}");
        check_same_page(name, width, &m, expected_tables);
        check_nothing_overflows(name, width, &m);
        check_scroll_hints(name, width, &m, expected_tables);
        check_texts_unbroken(name, width, &m);
        check_tables_scroll_only_on_a_phone(name, width, &m);
    }
    let shots = screenshot_dir();
    for (width, height) in WIDTHS.into_iter().zip(heights) {
        screenshots(&browser, &page, name, width, height);
    }
    eprintln!("{name}: screenshots in {}", shots.display());
}

/// The browser laid out the page at `width` and saw its tables, each in a scroller, and
/// no script.
fn check_same_page(name: &str, width: u32, m: &Measure, expected_tables: u32) {
    assert_eq!(
        m.inner_width, width,
        "{name}: the page was not laid out {width} px wide ({m:?})"
    );
    assert_eq!(m.scripts, 0, "{name}: the page carries no script");
    assert_eq!(
        m.tables, expected_tables,
        "{name}: the browser saw a different page ({m:?})"
    );
    assert_eq!(
        m.scrollers, expected_tables,
        "{name}: every table sits in a scroller ({m:?})"
    );
}

/// The page does not scroll sideways, and nothing outside the table scrollers overflows.
fn check_nothing_overflows(name: &str, width: u32, m: &Measure) {
    assert!(
        m.document_scroll_width <= m.client_width && m.body_scroll_width <= m.client_width,
        "{name} at {width}px: the page scrolls sideways ({m:?})"
    );
    assert!(
        m.overflowing_count == 0,
        "{name} at {width}px: {} elements overflow outside the table scrollers: {:#?}",
        m.overflowing_count,
        m.overflowing
    );
}

/// Every table carries a scroll hint, shown exactly when its box scrolls.
fn check_scroll_hints(name: &str, width: u32, m: &Measure, expected_tables: u32) {
    assert_eq!(
        m.hints, expected_tables,
        "{name}: every table carries a scroll hint ({m:?})"
    );
    assert!(
        m.hint_mismatch.is_empty(),
        "{name} at {width}px: a table's hint must be shown exactly when its box scrolls: {:#?}",
        m.hint_mismatch
    );
}

/// No figure breaks over two lines, no cell text is cut off, no cell or chart label has a
/// line of a single character, and no title breaks inside the unit's name.
fn check_texts_unbroken(name: &str, width: u32, m: &Measure) {
    assert!(
        m.broken_count == 0,
        "{name} at {width}px: {} figures are broken over two lines: {:#?}",
        m.broken_count,
        m.broken_figures
    );
    assert!(
        m.clipped_cells.is_empty(),
        "{name} at {width}px: cell texts are cut off: {:#?}",
        m.clipped_cells
    );
    assert!(
        m.lone_count == 0,
        "{name} at {width}px: {} table cells or chart labels have a line of a single character: {:#?}",
        m.lone_count,
        m.lone_characters
    );
    assert!(
        m.broken_phrases.is_empty(),
        "{name} at {width}px: titles break inside the unit's name: {:#?}",
        m.broken_phrases
    );
}

/// On a phone the wide tables scroll in their boxes, each with its hint; on a wide screen
/// every table fits and no hint is shown.
fn check_tables_scroll_only_on_a_phone(name: &str, width: u32, m: &Measure) {
    if width == 390 {
        assert!(
            m.scrolling > 0 && m.hints_shown == m.scrolling,
            "{name}: on a phone the wide tables scroll in their boxes, each with its hint ({m:?})"
        );
    } else {
        assert_eq!(
            (m.scrolling, m.hints_shown),
            (0, 0),
            "{name}: on a wide screen every table fits and no hint is shown ({m:?})"
        );
    }
}

#[test]
fn the_measurement_catches_an_overflowing_page() {
    let Some(browser) = chromium() else { return };
    let page = String::from_utf8(
        HtmlRenderer::new(None)
            .unwrap()
            .render(&html_fixture::fixture_document("单位"))
            .unwrap(),
    )
    .unwrap();
    let broken = page.replacen(
        "<main id=\"top\">",
        "<main id=\"top\"><div id=\"too-wide\" style=\"width:900px\">宽</div>",
        1,
    );
    let m = measure(&browser, &broken, &[], "overflowing", 390);
    assert!(m.document_scroll_width > m.client_width, "{m:?}");
    assert!(
        m.overflowing.iter().any(|e| e.starts_with("div#too-wide")),
        "{m:?}"
    );
}

#[test]
fn fixture_page_in_chromium() {
    check_in_browser(
        "fixture",
        &html_fixture::fixture_document("奇台县商务和工业信息化局"),
    );
}

#[test]
fn qitai_commerce_2024_in_chromium() {
    check_in_browser(
        "qitai-commerce-2024",
        &html_docs::example_document("qitai-commerce-2024"),
    );
}

#[test]
fn changji_industry_2024_in_chromium() {
    check_in_browser(
        "changji-industry-2024",
        &html_docs::example_document("changji-industry-2024"),
    );
}

#[test]
fn manas_commerce_2024_in_chromium() {
    check_in_browser(
        "manas-commerce-2024",
        &html_docs::example_document("manas-commerce-2024"),
    );
}

#[test]
fn the_measurement_catches_a_missing_hint_and_a_broken_figure() {
    let Some(browser) = chromium() else { return };
    let page = String::from_utf8(
        HtmlRenderer::new(None)
            .unwrap()
            .render(&html_fixture::fixture_document("单位"))
            .unwrap(),
    )
    .unwrap();
    // No hint ever, and figures allowed to wrap anywhere.
    let broken = page
        .replacen(
            "padding-top: clamp(0px, (100% - 100cqw) * 1000, 1.9em);",
            "padding-top: 0;",
            1,
        )
        .replacen(
            "</style>",
            ".num, .nb { white-space: normal !important; word-break: break-all; } td.num { width: 1px; }</style>",
            1,
        );
    let m = measure(&browser, &broken, &[], "no-hint", 390);
    assert!(
        m.hint_mismatch
            .iter()
            .any(|e| e.ends_with("scrolls without its hint")),
        "{m:?}"
    );
    assert!(m.broken_count > 0, "{m:?}");
}

#[test]
fn the_measurement_catches_lone_characters_and_a_title_broken_inside_the_name() {
    let Some(browser) = chromium() else { return };
    let unit = "奇台县商务和工业信息化局";
    let page = String::from_utf8(
        HtmlRenderer::new(None)
            .unwrap()
            .render(&html_fixture::fixture_document(unit))
            .unwrap(),
    )
    .unwrap();
    // Cells and chart labels one character wide, and a title fourteen characters wide whose
    // unit name starts on its first line and is free to break (no `.keep` span).
    let broken = page
        .replacen(
            "</style>",
            "th, td, .chart-label { width: 1.2em !important; max-width: 1.2em !important; min-width: 0 !important; text-wrap: wrap !important; } .chart-rows li { grid-template-columns: 1.2em 1fr !important; }</style>",
            1,
        )
        .replacen(
            "<main id=\"top\">",
            &format!("<main id=\"top\"><h2 id=\"split-title\" style=\"width:14em;text-wrap:wrap\">第一部分 2024年{unit}单位概况</h2>"),
            1,
        );
    let m = measure(&browser, &broken, &[unit], "lone-characters", 390);
    assert!(m.lone_count > 0, "{m:?}");
    assert!(
        m.lone_characters
            .iter()
            .any(|e| e.starts_with("th") || e.starts_with("td")),
        "{m:?}"
    );
    assert!(
        m.lone_characters
            .iter()
            .any(|e| e.starts_with("span.chart-label")),
        "{m:?}"
    );
    assert!(
        m.broken_phrases
            .iter()
            .any(|e| e.starts_with("h2#split-title")),
        "{m:?}"
    );
}
