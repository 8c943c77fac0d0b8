//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod chromium;
pub mod doc_text;
pub mod html_check;
pub mod html_docs;
pub mod html_fixture;
pub mod pdf_docs;
pub mod python;
pub mod run;

use gongkai::document::{Block, Document};
use std::path::Path;
use std::path::PathBuf;

/// The three transcribed examples.
pub const EXAMPLES: [&str; 3] = [
    "qitai-commerce-2024",
    "changji-industry-2024",
    "manas-commerce-2024",
];

/// Path of an example TOML.
pub fn example_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{name}.toml"))
}

/// The document of an example, through the real pipeline.
pub fn example_document(name: &str) -> Document {
    match gongkai::pipeline::document_from_file(&example_path(name)) {
        Ok((doc, _)) => doc,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// Every fixture that is not invalid (`tests/fixtures/**/*.toml` outside `invalid/`),
/// sorted; some (a department's member files) may still not build on their own.
pub fn valid_fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures").flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("invalid") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The reference text of an example.
pub fn reference(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(p).expect("reference text")
}

/// Every text of a block list (paragraphs, table cells, terms), in order.
pub fn block_texts(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Subheading { text } | Block::Paragraph { text, .. } => out.push(text.clone()),
            Block::Table(t) => {
                out.extend(t.header.iter().flatten().map(|c| c.text.clone()));
                out.extend(
                    t.body
                        .iter()
                        .flat_map(|r| r.cells.iter().map(|c| c.text.clone())),
                );
                out.extend(t.empty_statement.clone());
            }
            Block::Chart(_) => {}
            Block::Term {
                term, definition, ..
            } => out.push(format!("{term}{definition}")),
        }
    }
    out
}

/// Every TOML the PDF layout is checked on: the examples, the fixtures of the structures,
/// units and layout folders, and `minimal.toml`.
pub fn layout_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "examples",
        "tests/fixtures/structures",
        "tests/fixtures/units",
        "tests/fixtures/layout",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("fixture dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out.push(root.join("tests/fixtures/minimal.toml"));
    out
}

/// Each paragraph's pieces as the body sets them (a forced break ends a piece), trimmed;
/// a glossary term with its definition.
pub fn paragraph_pieces(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let blocks = doc
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.blocks);
    for block in blocks {
        let text = match block {
            Block::Paragraph { text, .. } => text.clone(),
            Block::Term {
                number,
                term,
                definition,
            } => {
                let sep = if definition.starts_with(['：', ':']) {
                    ""
                } else {
                    "："
                };
                format!("{number}{term}{sep}{definition}")
            }
            _ => continue,
        };
        out.extend(
            text.split('\n')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        );
    }
    out
}
