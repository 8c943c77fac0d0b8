//! Real-browser check of the rendered pages in headless Chromium: at phone (390 px) and
//! desktop (1280 px) widths nothing outside the table scrollers overflows the page, and
//! screenshots are saved for review (`$GONGKAI_SCREENSHOT_DIR`, default
//! `<target>/tmp/html-screenshots`).
//!
//! Needs `/usr/bin/chromium` (or `$GONGKAI_CHROMIUM`); fails when it is missing unless
//! `GONGKAI_SKIP_BROWSER=1` is set.

#[path = "common/html_docs.rs"]
mod html_docs;
#[path = "common/html_fixture.rs"]
mod html_fixture;

use gongkai::document::Document;
use gongkai::render::html::HtmlRenderer;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const MEASURE_JS: &str = include_str!("browser/measure.js");
const WIDTHS: [u32; 2] = [390, 1280];
/// Height of one screenshot slice.
const SLICE_HEIGHT: u32 = 4000;
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(90);

/// The browser to drive, or `None` when the run opted out of browser tests.
fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(
        std::env::var("GONGKAI_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    );
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("GONGKAI_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("GONGKAI_SKIP_BROWSER=1: browser test skipped");
        return None;
    }
    panic!("chromium not found at {} (install Debian's chromium, set GONGKAI_CHROMIUM, or set GONGKAI_SKIP_BROWSER=1 to skip)", path.display());
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-browser");
    std::fs::create_dir_all(&dir).expect("work dir");
    dir
}

fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("GONGKAI_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-screenshots"));
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// Runs headless Chromium with the flags CI uses and a fresh profile; returns stdout.
fn run_chromium(browser: &Path, args: &[String]) -> String {
    static PROFILE: AtomicUsize = AtomicUsize::new(0);
    let profile = work_dir().join(format!(
        "profile-{}-{}",
        std::process::id(),
        PROFILE.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&profile);
    let out_file = profile.with_extension("out");
    let stdout = std::fs::File::create(&out_file).expect("stdout file");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            panic!("chromium {args:?} did not finish in {CHROMIUM_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = std::fs::remove_dir_all(&profile);
    let output = std::fs::read_to_string(&out_file).unwrap_or_default();
    assert!(status.success(), "chromium {args:?} failed: {status}");
    output
}

fn file_url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("absolute path").display()
    )
}

/// What measure.js reports.
#[derive(Debug, serde::Deserialize)]
struct Measure {
    hints: u32,
    hints_shown: u32,
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

fn measure(browser: &Path, page: &str, name: &str, width: u32) -> Measure {
    // The page is shown unchanged (its CSP and all) in an iframe of the width under test;
    // the harness around it measures. Chromium's headless window is at least 500 px wide,
    // the iframe is exactly `width`.
    let srcdoc = page.replace('&', "&amp;").replace('"', "&quot;");
    let harness = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{{margin:0}}iframe{{border:0;display:block}}</style></head><body>\n<iframe id=\"gk-frame\" width=\"{width}\" height=\"900\" srcdoc=\"{srcdoc}\"></iframe>\n<script>{MEASURE_JS}</script>\n</body></html>\n"
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
    let start = dom
        .find("<pre id=\"gk-measure\">")
        .unwrap_or_else(|| panic!("{name} at {width}px: no measurement in the dumped DOM"));
    let json = &dom[start + "<pre id=\"gk-measure\">".len()..];
    let json = &json[..json.find("</pre>").expect("measurement ends")];
    serde_json::from_str(
        &json
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">"),
    )
    .expect("measurement is JSON")
}

/// Screenshots of the whole page at `width`, in slices of at most `SLICE_HEIGHT` px
/// (`<name>-<width>-<n>.png`): the page is shown in an iframe as tall as itself, shifted
/// up slice by slice.
fn screenshots(browser: &Path, page: &str, name: &str, width: u32, height: u32) -> Vec<PathBuf> {
    let srcdoc = page.replace('&', "&amp;").replace('"', "&quot;");
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
        let m = measure(&browser, &page, name, width);
        heights.push(m.scroll_height);
        eprintln!("{name} at {width}px: {m:?}");
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
        assert_eq!(
            m.hints,
            page.matches("table-block landscape").count() as u32,
            "{name}: every wide table carries a scroll hint ({m:?})"
        );
        if width == 390 {
            assert!(
                m.scrolling > 0,
                "{name}: on a phone the wide tables scroll in their boxes ({m:?})"
            );
            assert!(
                m.hints > 0 && m.hints_shown == m.hints,
                "{name}: on a phone every wide table says it scrolls ({m:?})"
            );
        } else {
            assert_eq!(
                m.hints_shown, 0,
                "{name}: no scroll hint on a wide screen ({m:?})"
            );
        }
    }
    let shots = screenshot_dir();
    for (width, height) in WIDTHS.into_iter().zip(heights) {
        screenshots(&browser, &page, name, width, height);
    }
    eprintln!("{name}: screenshots in {}", shots.display());
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
    let m = measure(&browser, &broken, "overflowing", 390);
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
