//! The text layer reads as the sentences it sets: for every paragraph of every example and
//! valid fixture, poppler (`pdftotext -raw`) and pdfplumber read the paragraph's text
//! exactly, once their line breaks are removed — justification moves glyphs, it never
//! shows as spaces inside words (「项 目 支 出」).

use crate::common::run::temp_dir;
use crate::common::{example_path, paragraph_pieces, python, valid_fixtures, EXAMPLES};
use gongkai::document::Document;
use gongkai::fonts::{load_fonts, FontOptions};
use std::path::PathBuf;
use std::process::Command;

/// The extraction script, run with `python3 -c`.
const SCRIPT: &str = include_str!("pdf_text_layer.py");

#[test]
fn every_paragraph_extracts_as_its_sentence() {
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    let dir = temp_dir("text-layer");
    let mut inputs: Vec<PathBuf> = EXAMPLES.iter().map(|n| example_path(n)).collect();
    inputs.extend(valid_fixtures());
    let mut docs: Vec<(PathBuf, Document)> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let Ok((doc, _)) = gongkai::pipeline::document_from_file(input) else {
            continue;
        };
        let pdf = dir.join(format!("{i}.pdf"));
        let bytes = gongkai::render::pdf::render(&doc, &fonts).expect("render");
        std::fs::write(&pdf, bytes).expect("write pdf");
        docs.push((pdf, doc));
    }
    let out = Command::new(python::python())
        .arg("-c")
        .arg(SCRIPT)
        .args(docs.iter().map(|(p, _)| p))
        .output()
        .expect("python runs (scripts/test-tools.sh installs pdfplumber in .venv)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(read.len(), docs.len());
    let mut wrong = Vec::new();
    let mut checked = 0;
    for ((_, doc), texts) in docs.iter().zip(&read) {
        for reader in ["poppler", "pdfplumber"] {
            let text: String = texts[reader].as_str().unwrap_or_default().replace('\n', "");
            for para in paragraph_pieces(doc) {
                checked += 1;
                if !text.contains(&para) {
                    wrong.push(format!("{} ({reader}): {para}", doc.meta.unit_name));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} paragraphs checked");
    assert!(
        wrong.is_empty(),
        "{} paragraphs do not extract as written:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
