//! Accessibility in a real browser: axe-core (pinned in `tests/browser/package.json`,
//! installed by `scripts/setup.sh` with `npm ci`) runs in headless Chromium on every
//! example's page at phone (390 px) and desktop (1280 px) width, with the WCAG 2.0/2.1 A
//! and AA rules and axe's best practices, and must report no violation.
//!
//! The page is shown in an iframe of the exact width, with axe and a small runner added
//! before `</body>` (and the page's script-forbidding CSP taken out for the test only); the
//! runner writes axe's result into the harness, which Chromium dumps.
//!
//! Needs Chromium and `tests/browser/node_modules/axe-core`; fails when either is missing
//! unless `GONGKAI_SKIP_BROWSER=1` (no browser tests) or `GONGKAI_SKIP_AXE=1` is set.

use crate::common::chromium;
use crate::common::html_docs;
use crate::common::html_fixture;

use chromium::{chromium, file_url, pre_text, run_chromium, srcdoc, work_dir};
use gongkai::document::Document;
use gongkai::render::html::HtmlRenderer;
use std::path::{Path, PathBuf};

const WIDTHS: [u32; 2] = [390, 1280];
/// The rule sets checked.
const TAGS: &str = r#"["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]"#;

/// axe-core's browser bundle, or `None` when the run opted out.
fn axe_source() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(src) => Some(src),
        Err(_) if std::env::var("GONGKAI_SKIP_AXE").as_deref() == Ok("1") => {
            eprintln!("GONGKAI_SKIP_AXE=1: axe check skipped");
            None
        }
        Err(e) => panic!(
            "axe-core not found at {} ({e}); run `npm ci --prefix tests/browser --no-audit --no-fund` (scripts/setup.sh does), or set GONGKAI_SKIP_AXE=1 to skip",
            path.display()
        ),
    }
}

/// One violation as the runner reports it.
#[derive(Debug, serde::Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    targets: Vec<String>,
}

/// The runner's report.
#[derive(Debug, serde::Deserialize)]
struct Report {
    error: Option<String>,
    passes: u32,
    violations: Vec<Violation>,
}

/// The page with axe and its runner added, as the iframe shows it.
fn instrumented(page: &str, axe: &str) -> String {
    let csp_start = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("the page has a CSP");
    let csp_end = csp_start + page[csp_start..].find('>').expect("CSP tag ends") + 1;
    let runner = format!(
        r#"<script>{axe}</script>
<script>
(function () {{
  function report(r) {{
    var pre = parent.document.createElement("pre");
    pre.id = "gk-axe";
    pre.textContent = JSON.stringify(r);
    parent.document.body.appendChild(pre);
  }}
  axe.run(document, {{ runOnly: {{ type: "tag", values: {TAGS} }}, resultTypes: ["violations"] }})
    .then(function (r) {{
      report({{ error: null, passes: r.passes.length, violations: r.violations.map(function (v) {{
        return {{ id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.map(function (n) {{ return n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " "); }}) }};
      }}) }});
    }}, function (e) {{ report({{ error: String(e), passes: 0, violations: [] }}); }});
}})();
</script>
</body>"#
    );
    let page = format!("{}{}", &page[..csp_start], &page[csp_end..]);
    page.replacen("</body>", &runner, 1)
}

fn run_axe(browser: &Path, page: &str, axe: &str, name: &str, width: u32) -> Report {
    let harness = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>axe</title><style>body{{margin:0}}iframe{{border:0;display:block}}</style></head><body>\n<iframe title=\"page\" width=\"{width}\" height=\"900\" srcdoc=\"{}\"></iframe>\n</body></html>\n",
        srcdoc(&instrumented(page, axe))
    );
    let dir: PathBuf = work_dir("html-axe");
    let path = dir.join(format!("{name}.axe-{width}.html"));
    std::fs::write(&path, harness).expect("write harness");
    let dom = run_chromium(
        browser,
        &dir,
        &[
            format!("--window-size={},1000", width.max(500) + 40),
            "--virtual-time-budget=60000".into(),
            "--dump-dom".into(),
            file_url(&path),
        ],
    );
    let json = pre_text(&dom, "gk-axe")
        .unwrap_or_else(|| panic!("{name} at {width}px: axe reported nothing"));
    serde_json::from_str(&json).expect("axe report is JSON")
}

/// Violations of `page` at each width, one line per failing element.
fn violations(page: &str, name: &str) -> Option<Vec<String>> {
    let browser = chromium()?;
    let axe = axe_source()?;
    let mut found = Vec::new();
    for width in WIDTHS {
        let report = run_axe(&browser, page, &axe, name, width);
        assert_eq!(report.error, None, "{name} at {width}px: axe failed");
        assert!(
            report.passes > 0 || !report.violations.is_empty(),
            "{name} at {width}px: axe checked nothing"
        );
        for v in report.violations {
            for t in &v.targets {
                found.push(format!(
                    "{width}px {} ({}): {} — {t}",
                    v.id,
                    v.impact.as_deref().unwrap_or("?"),
                    v.help
                ));
            }
        }
    }
    Some(found)
}

fn render(doc: &Document) -> String {
    String::from_utf8(
        HtmlRenderer::new(None)
            .expect("templates")
            .render(doc)
            .expect("renders"),
    )
    .expect("UTF-8")
}

fn check(name: &str, doc: &Document) {
    if let Some(found) = violations(&render(doc), name) {
        assert!(
            found.is_empty(),
            "{name}: {} accessibility violations:\n{}",
            found.len(),
            found.join("\n")
        );
    }
}

#[test]
fn axe_finds_a_broken_page() {
    // An image without a text alternative and an unlabelled link: the check can fail.
    let page = render(&html_fixture::fixture_document("奇台县商务和工业信息化局"))
        .replacen("<main id=\"top\">", "<main id=\"top\"><a href=\"#top\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></a>", 1);
    if let Some(found) = violations(&page, "broken") {
        assert!(found.iter().any(|v| v.contains("image-alt")), "{found:#?}");
    }
}

#[test]
fn fixture_page_has_no_violations() {
    check(
        "fixture",
        &html_fixture::fixture_document("奇台县商务和工业信息化局"),
    );
}

#[test]
fn qitai_commerce_2024_has_no_violations() {
    check(
        "qitai-commerce-2024",
        &html_docs::example_document("qitai-commerce-2024"),
    );
}

#[test]
fn changji_industry_2024_has_no_violations() {
    check(
        "changji-industry-2024",
        &html_docs::example_document("changji-industry-2024"),
    );
}

#[test]
fn manas_commerce_2024_has_no_violations() {
    check(
        "manas-commerce-2024",
        &html_docs::example_document("manas-commerce-2024"),
    );
}
