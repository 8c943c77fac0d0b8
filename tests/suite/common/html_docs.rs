//! The three example documents the HTML tests render, through the real pipeline.

use gongkai::document::Document;
use std::path::PathBuf;

/// The document of example `name`.
pub fn example_document(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{name}.toml"));
    match gongkai::pipeline::document_from_file(&path) {
        Ok((doc, _)) => doc,
        Err(e) => panic!("{name}: {e}"),
    }
}
