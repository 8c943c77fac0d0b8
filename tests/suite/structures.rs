//! The structures other units publish (issue: empty tables left out, projects on several 项,
//! subsidy blocks, performance funding and sentence variants, 机关运行经费 of subordinates,
//! list order, numbering, optional facts, table conventions, cited years). Each fixture in
//! `tests/fixtures/structures/` is a small complete budget whose header names what to
//! snapshot (`# snapshot: toc, table-7, part-3-sec-7`) and what the PDF must print in order
//! (`# pdf-order: a | b | c`).

use crate::common;

use common::doc_text::{section, table};
use gongkai::document::{Block, Document, Table};
use gongkai::fonts::{load_fonts, FontOptions};
use gongkai::render::pdf::render;
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
        in_order(&name(&path), "PDF text", &text, &order);
        let marks = header(&src, "pdf-bookmarks", '|');
        if !marks.is_empty() {
            in_order(&name(&path), "PDF bookmarks", &bookmarks(&pdf), &marks);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The PDF's bookmark titles, one per line, read by pdfminer (installed by setup.sh).
fn bookmarks(pdf: &Path) -> String {
    let script = "import sys\nfrom pdfminer.pdfparser import PDFParser\nfrom pdfminer.pdfdocument import PDFDocument\n\
                  d = PDFDocument(PDFParser(open(sys.argv[1], 'rb')))\n\
                  print('\\n'.join(t for _, t, *_ in d.get_outlines()))";
    let out = std::process::Command::new(common::python::python())
        .args(["-c", script, pdf.to_str().unwrap_or_default()])
        .output()
        .expect("python3 with pdfminer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    squash(&String::from_utf8_lossy(&out.stdout))
}

/// Each needle is found in `text` after the previous one.
fn in_order(name: &str, what: &str, text: &str, needles: &[String]) {
    let mut at = 0;
    for needle in needles {
        let n = squash(needle);
        match text[at..].find(&n) {
            Some(i) => at += i + n.len(),
            None => panic!("{name}: “{needle}” not found after position {at} of the {what}"),
        }
    }
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

/// Whatever is left out, what is printed numbers itself: 表1…表N without gaps, part 3
/// headings 一、二、… in order, and every 目录 entry points at an element that exists.
#[test]
fn numbering_follows_what_is_printed_for_every_choice() {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
    )
    .expect("minimal");
    let words = ["statement", "omit"];
    for fund in words {
        for soe in words {
            for carryover in words {
                let src = format!(
                    "{base}\n[options]\nempty_tables = {{ fund = \"{fund}\", soe = \"{soe}\", carryover = \"{carryover}\" }}\n"
                );
                let (checked, doc) = gongkai::pipeline::check_and_build(&src, Path::new("."));
                let doc = doc.unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
                let omitted = [fund, soe, carryover]
                    .iter()
                    .filter(|w| **w == "omit")
                    .count();
                check_tables_numbered(&doc, omitted);
                check_part_3_numbered(&doc, omitted);
                check_toc_targets_exist(&doc);
            }
        }
    }
}

/// The tables of part 2, `omitted` of 11 left out, are 表1…表N (`table-1`…) without gaps.
fn check_tables_numbered(doc: &Document, omitted: usize) {
    let tables: Vec<&Table> = doc.parts[1]
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 11 - omitted);
    for (i, t) in tables.iter().enumerate() {
        assert_eq!(t.label.as_deref(), Some(format!("表{}", i + 1).as_str()));
        assert_eq!(t.id, format!("table-{}", i + 1));
    }
}

/// The sections of part 3, `omitted` of 12 left out, are headed 一、二、… in order, the last
/// one 其他重要事项的情况说明.
fn check_part_3_numbered(doc: &Document, omitted: usize) {
    let sections = &doc.parts[2].sections;
    assert_eq!(sections.len(), 12 - omitted);
    for (i, s) in sections.iter().enumerate() {
        let n = gongkai::numerals::chinese_number(i + 1);
        let h = s.heading.as_deref().unwrap_or_default();
        assert!(h.starts_with(&format!("{n}、")), "{h}");
        assert_eq!(s.id, format!("part-3-sec-{}", i + 1));
    }
    let last = sections.last().and_then(|s| s.heading.as_deref());
    assert!(last.is_some_and(|h| h.ends_with("其他重要事项的情况说明")));
}

/// Every 目录 entry points at a part, section or table of the document.
fn check_toc_targets_exist(doc: &Document) {
    let ids: Vec<&str> = doc
        .parts
        .iter()
        .flat_map(|p| {
            std::iter::once(p.id.as_str())
                .chain(p.sections.iter().map(|s| s.id.as_str()))
                .chain(
                    p.sections
                        .iter()
                        .flat_map(|s| &s.blocks)
                        .filter_map(|b| match b {
                            Block::Table(t) => Some(t.id.as_str()),
                            _ => None,
                        }),
                )
        })
        .collect();
    for e in &doc.toc {
        assert!(ids.contains(&e.target.as_str()), "目录 → {}", e.target);
    }
}

/// With the counts split, the amount published without a table is the non-fiscal one and
/// follows the non-fiscal clause.
#[test]
fn untabled_amount_follows_the_nonfiscal_clause_when_counts_are_split() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/structures/performance_sentence.toml");
    let src = std::fs::read_to_string(path)
        .expect("fixture")
        .replace("count_style = \"total\"", "count_style = \"split\"");
    let (checked, doc) = gongkai::pipeline::check_and_build(&src, Path::new("."));
    let doc = doc.unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    let text = common::block_texts(&doc.parts[2].sections.last().expect("十二").blocks).join("\n");
    assert!(
        text.contains("本单位预算绩效管理当年财政拨款项目1个，涉及预算金额20.00万元；当年非财政拨款项目1个，涉及预算金额3.00万元，其中未公开绩效目标表涉及金额3.00万元。"),
        "{text}"
    );
}
