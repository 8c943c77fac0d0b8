//! The structures other units publish (issue: empty tables left out, projects on several 项,
//! subsidy blocks, performance funding and sentence variants, 机关运行经费 of subordinates,
//! list order, numbering, optional facts, table conventions, cited years). Each fixture in
//! `tests/fixtures/structures/` is a small complete budget whose header names what to
//! snapshot (`# snapshot: toc, table-7, part-3-sec-7`) and what the PDF must print in order
//! (`# pdf-order: a | b | c`).

mod common;

use common::doc_text::{section, table};
use gongkai::document::{Block, Document, Table};
use gongkai::render::pdf::{load_fonts, render, FontOptions};
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

/// The values of a `# key: …` header line.
fn header(src: &str, key: &str, sep: char) -> Vec<String> {
    src.lines()
        .filter_map(|l| l.strip_prefix(&format!("# {key}:")))
        .flat_map(|l| l.split(sep).map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

fn name(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The fixture's document; it must build with no error and no warning.
fn document(path: &Path) -> (String, Document) {
    let src = std::fs::read_to_string(path).expect("read");
    let (checked, doc) = gongkai::pipeline::check_and_build(&src, Path::new("."));
    let shown: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.key, d.message))
        .collect();
    let unexpected: Vec<&String> = shown
        .iter()
        .filter(|d| !d.starts_with("performance.unit 缺少"))
        .collect();
    assert!(unexpected.is_empty(), "{}: {unexpected:#?}", name(path));
    (
        src,
        doc.unwrap_or_else(|| panic!("{}: no document", name(path))),
    )
}

fn find_table<'d>(doc: &'d Document, id: &str) -> Option<&'d Table> {
    doc.parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Table(t) if t.id == id => Some(t),
            _ => None,
        })
}

/// The parts of the document a fixture names, as text.
fn selected(doc: &Document, ids: &[String]) -> String {
    let mut out = String::new();
    for id in ids {
        out.push_str(&format!("=== {id}\n"));
        if id == "toc" {
            for e in &doc.toc {
                out.push_str(&format!("目录{} {} → {}\n", e.level, e.text, e.target));
            }
        } else if let Some(s) = doc
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .find(|s| &s.id == id)
        {
            out.push_str(&section(s));
        } else if let Some(t) = find_table(doc, id) {
            table(t, &mut out);
        } else {
            panic!("no section or table {id}");
        }
    }
    out
}

#[test]
fn structures_snapshot() {
    for path in fixtures() {
        let (src, doc) = document(&path);
        let ids = header(&src, "snapshot", ',');
        assert!(!ids.is_empty(), "{}: no `# snapshot:` line", name(&path));
        insta::assert_snapshot!(name(&path), selected(&doc, &ids));
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn structures_print_in_order_in_the_pdf() {
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    let dir = std::env::temp_dir().join(format!("gongkai-structures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for path in fixtures() {
        let (src, doc) = document(&path);
        let order = header(&src, "pdf-order", '|');
        assert!(!order.is_empty(), "{}: no `# pdf-order:` line", name(&path));
        let pdf = dir.join(format!("{}.pdf", name(&path)));
        std::fs::write(&pdf, render(&doc, &fonts).expect("render")).expect("write");
        let out = std::process::Command::new("pdftotext")
            .args(["-layout", pdf.to_str().unwrap_or_default(), "-"])
            .output()
            .expect("pdftotext");
        let text = squash(&String::from_utf8_lossy(&out.stdout));
        let mut at = 0;
        for needle in &order {
            let n = squash(needle);
            match text[at..].find(&n) {
                Some(i) => at += i + n.len(),
                None => panic!(
                    "{}: “{needle}” not found after position {at} of the PDF text",
                    name(&path)
                ),
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A budget with each option word the TOML documents, one at a time: all accepted.
#[test]
fn every_documented_option_word_is_accepted() {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
    )
    .expect("minimal");
    let options = [
        "[options]\nempty_tables = \"statement\"",
        "[options]\nempty_tables = { fund = \"omit\", soe = \"statement\" }",
        "[options]\ntotal_row = \"top\"",
        "[options]\nzero_cells = \"blank\"",
        "[options]\nzero_cells = { performance = \"zero\" }",
        "[options]\nunit_row = true",
        "[options]\nchange_order = \"code\"",
        "[performance]\ncount_style = \"split\"",
        "[performance.funding]\nfiscal_carryover = \"superior\"\nnonfiscal_carryover = \"local\"\nspecial_account = \"other\"",
    ];
    for o in options {
        let src = format!("{base}\n{o}\n");
        let checked = gongkai::pipeline::check_source(&src, Path::new("."));
        assert_eq!(checked.errors(), 0, "{o}: {:?}", checked.diagnostics);
    }
}
