//! The three examples as PDF: page count, extractable text (poppler and pdfminer) with
//! every table title and the golden figures in reading order, ruled tables, embedded
//! font subsets, identical bytes on a second run, A4 pages.

use crate::common::pdf_docs;
use crate::common::python;

use gongkai::document::{Block, Document};
use gongkai::fonts::{load_fonts, FontOptions, FontSet};
use gongkai::render::pdf::{lay_out_pages, render, Item};
use pdf_docs::{example_document, EXAMPLES};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| load_fonts(&FontOptions::default()).expect("CJK fonts installed"))
}

/// Renders `name` and stores it under a temp dir private to this test process. The file
/// is written under a unique temporary name and renamed into place, so neither another
/// test process nor a parallel test in this one can read a half-written file.
fn rendered(name: &str) -> (Document, PathBuf, Vec<u8>) {
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let doc = example_document(name);
    let bytes = render(&doc, fonts()).expect("render");
    let dir = std::env::temp_dir().join(format!("gongkai-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.pdf"));
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let partial = dir.join(format!("{name}.pdf.{n}.part"));
    std::fs::write(&partial, &bytes).expect("write pdf");
    std::fs::rename(&partial, &path).expect("move pdf into place");
    (doc, path, bytes)
}

fn tool(cmd: &str, args: &[&str]) -> Option<String> {
    let cmd = if cmd == "python3" {
        python::python()
    } else {
        PathBuf::from(cmd)
    };
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Table titles and each table's first figures, in document order.
fn golden(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for block in doc
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.blocks)
    {
        if let Block::Table(t) = block {
            out.push(squash(&t.title));
            let figures = t
                .body
                .iter()
                .flat_map(|r| &r.cells)
                .filter(|c| c.amount.is_some() && !c.text.is_empty());
            out.extend(figures.take(2).map(|c| c.text.clone()));
        }
    }
    out
}

/// Checks that `wanted` occurs in order in the body text (after the 目录's last entry).
fn assert_in_order(text: &str, wanted: &[String], doc: &Document, who: &str) {
    let text = squash(text);
    let last_entry = doc.toc.last().map(|e| squash(&e.text)).unwrap_or_default();
    let mut at = text.find(&last_entry).map_or(0, |p| p + last_entry.len());
    for w in wanted {
        match text[at..].find(w.as_str()) {
            Some(pos) => at += pos + w.len(),
            None => panic!("{who}: “{w}” missing or out of order"),
        }
    }
}

#[test]
fn examples_render_deterministically_on_a4() {
    for name in EXAMPLES {
        let (doc, path, bytes) = rendered(name);
        let again = render(&doc, fonts()).expect("second render");
        assert!(bytes == again, "{name}: two renders differ");
        let info = tool("pdfinfo", &[path.to_str().unwrap_or_default()]).expect("pdfinfo");
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|v| v.trim().parse().ok())
            .expect("page count");
        assert!((15..=60).contains(&pages), "{name}: {pages} pages");
        // Subsets, never whole faces (FandolFang alone is 6.8 MB): FandolFang's outlines
        // take about 600 bytes a glyph, twice Noto Serif's, so a 38-page document is ~670 KB.
        assert!(bytes.len() <= 800 * 1024, "{name}: {} bytes", bytes.len());
        let sizes = tool(
            "pdfinfo",
            &[
                "-f",
                "1",
                "-l",
                &pages.to_string(),
                path.to_str().unwrap_or_default(),
            ],
        )
        .expect("pdfinfo -f");
        for line in sizes
            .lines()
            .filter(|l| l.starts_with("Page") && l.contains("size:"))
        {
            assert!(
                line.contains("595.276 x 841.89") || line.contains("841.89 x 595.276"),
                "{name}: {line}"
            );
        }
    }
}

/// Glyphs are cut out of a face once per process and kept; a document's bytes must not
/// depend on what was rendered before it with the same fonts.
#[test]
fn bytes_do_not_depend_on_earlier_renders() {
    let fresh = || load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    let alone = fresh();
    let after_others = fresh();
    for earlier in ["qitai-commerce-2024", "manas-commerce-2024"] {
        render(&example_document(earlier), &after_others).expect("earlier render");
    }
    let doc = example_document("changji-industry-2024");
    let first = render(&doc, &alone).expect("render with fresh fonts");
    let later = render(&doc, &after_others).expect("render after others");
    assert!(
        first == later,
        "changji differs after other documents were rendered"
    );
}

#[test]
fn poppler_extracts_titles_and_figures_in_order() {
    for name in EXAMPLES {
        let (doc, path, _) = rendered(name);
        let text = tool(
            "pdftotext",
            &["-layout", path.to_str().unwrap_or_default(), "-"],
        )
        .expect("pdftotext");
        assert_in_order(&text, &golden(&doc), &doc, name);
        assert!(
            squash(&text).contains(&squash(&doc.meta.title))
                || squash(&text).contains(&squash(&doc.meta.unit_name))
        );
    }
}

#[test]
fn fonts_are_embedded_subsets_with_unicode_maps() {
    for name in EXAMPLES {
        let (_, path, _) = rendered(name);
        let fonts = tool("pdffonts", &[path.to_str().unwrap_or_default()]).expect("pdffonts");
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert!(
                n >= 7 && cols[n - 5] == "yes" && cols[n - 4] == "yes" && cols[n - 3] == "yes",
                "{name}: {row}"
            );
            assert!(
                cols[0].as_bytes().get(6) == Some(&b'+'),
                "{name}: subset tag in {row}"
            );
        }
    }
}

#[test]
fn pdfminer_extracts_titles_and_finds_ruled_cells() {
    let script = r#"
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    cells = 0
    for page in pdf.pages:
        print(page.extract_text() or "")
        for table in page.extract_tables():
            cells += sum(1 for row in table for c in row if c)
    print("CELLS", cells)
"#;
    for name in EXAMPLES {
        let (doc, path, _) = rendered(name);
        let out = tool(
            "python3",
            &["-c", script, path.to_str().unwrap_or_default()],
        )
        .expect("pdfplumber runs (scripts/test-tools.sh installs it in .venv)");
        let titles: Vec<String> = golden(&doc)
            .into_iter()
            .filter(|g| !g.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect();
        assert_in_order(&out, &titles, &doc, name);
        let cells: usize = out
            .lines()
            .find_map(|l| l.strip_prefix("CELLS "))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        assert!(cells > 200, "{name}: table extractor found {cells} cells");
    }
}

/// qitai's 表1 (31 body rows) is set slightly tighter so that it fits one portrait page,
/// and every landscape table page uses table text of at least 9 pt, filling most of the
/// page width rather than a small font with the page left empty.
#[test]
fn nearly_fitting_tables_stay_on_one_page_and_landscape_tables_are_legible() {
    let doc = example_document("qitai-commerce-2024");
    let pages = lay_out_pages(&doc, fonts()).expect("layout");
    let compact = |i: usize| pages[i].text().split_whitespace().collect::<String>();
    let continued = (0..pages.len()).any(|i| compact(i).contains("单位收支总体情况表（续）"));
    assert!(!continued, "表1 spills onto a second page");
    let landscape: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].is_landscape())
        .collect();
    assert!(!landscape.is_empty());
    for i in landscape {
        let page = &pages[i];
        let sizes: Vec<f32> = page
            .items
            .iter()
            .filter_map(|it| match it {
                Item::Text { size, glyphs, .. } if glyphs.iter().any(|g| g.ch.is_ascii_digit()) => {
                    Some(*size)
                }
                _ => None,
            })
            .collect();
        let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
        assert!(smallest >= 9.0, "page {i}: table text at {smallest} pt");
        let right = page
            .items
            .iter()
            .filter_map(|it| match it {
                Item::Rule { x1, x2, .. } => Some(x1.max(*x2)),
                _ => None,
            })
            .fold(0.0f32, f32::max);
        assert!(
            right > page.width * 0.8,
            "page {i}: table ends at {right} of {}",
            page.width
        );
    }
}

/// 类/款/项 codes and names are read apart by poppler and by pdfminer with pdfplumber's
/// default settings (「201 一般公共服务支出」, 「201 13 商贸事务」), never run together.
#[test]
fn extractors_read_codes_and_names_apart() {
    let script = r#"
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        print(page.extract_text() or "")
"#;
    for name in EXAMPLES {
        let (_, path, _) = rendered(name);
        let file = path.to_str().unwrap_or_default();
        let pdfminer = tool("python3", &["-c", script, file])
            .expect("pdfplumber runs (scripts/setup.sh installs it)");
        let poppler = tool("pdftotext", &["-layout", file, "-"]).expect("pdftotext runs");
        let raw = tool("pdftotext", &["-raw", file, "-"]).expect("pdftotext runs");
        for (who, text) in [("pdfplumber", &pdfminer), ("pdftotext -raw", &raw)] {
            assert!(
                text.contains("201 一般公共服务支出"),
                "{name}: {who} does not read 「201 一般公共服务支出」"
            );
            for line in text.lines() {
                let chars: Vec<char> = line.trim_start().chars().collect();
                let code_then_name = chars.len() > 3
                    && chars[..3].iter().all(char::is_ascii_digit)
                    && !chars
                        .get(3)
                        .is_some_and(|c| c.is_ascii_digit() || *c == ' ')
                    && !chars[3].is_ascii_punctuation()
                    && chars[3] != '年'
                    && chars[3] != '号';
                assert!(
                    !code_then_name,
                    "{name}: {who} runs a code into its name: {line}"
                );
            }
        }
        let layout_ok = poppler
            .lines()
            .any(|l| squash_spaces(l).contains("201 一般公共服务支出"));
        assert!(
            layout_ok,
            "{name}: pdftotext -layout does not read the code and name apart"
        );
    }
}

/// A line with every run of spaces made one space.
fn squash_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}
