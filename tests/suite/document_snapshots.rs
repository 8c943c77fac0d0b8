//! Snapshot of each example's whole document model as plain text: every heading, sentence
//! and table row, so a review of a change shows exactly which published words moved.

use crate::common;

use common::doc_text::render;
use common::{example_document, EXAMPLES};

#[test]
fn example_documents() {
    for name in EXAMPLES {
        insta::assert_snapshot!(name, render(&example_document(name)));
    }
}
