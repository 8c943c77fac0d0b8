//! Every integration test in one binary, a module per subject, so the crate is linked
//! once (as mdBook's and cargo's own test suites do). `common` holds the shared helpers.

#![allow(
    clippy::unwrap_used,
    reason = "a test that unwraps fails at the line that went wrong"
)]

mod common;
mod xlsx_support;

mod batch;
mod cli;
mod codes;
mod consolidate;
mod document_snapshots;
mod golden;
mod hidden_yuan;
mod html_axe;
mod html_browser;
mod html_compiled;
mod html_examples;
mod html_layout;
mod init;
mod inputs;
mod invariants;
mod layers;
mod misread_amounts;
mod next_year;
mod outputs;
mod pdf_chart;
mod pdf_examples;
mod pdf_fonts;
mod pdf_layout;
mod pdf_long_texts;
mod pdf_page_refs;
mod pdf_paragraphs;
mod pdf_size;
mod pdf_syntax;
mod pdf_synthetic;
mod pdf_tables;
mod pdf_text_layer;
mod serve_watch;
mod shares;
mod structures;
mod text_checks;
mod xlsx;
mod zero_sentences;
