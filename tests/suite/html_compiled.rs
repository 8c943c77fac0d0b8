//! The built-in templates are compiled into the binary (`src/render/html/compiled/`) and
//! still shipped as `templates/*.html`, the starting point of a `--templates` directory.
//! The two must say the same: every document the layout is checked on (examples, valid
//! fixtures, the synthetic stress document), and variants of it that reach every branch
//! of the templates (optional texts given, empty or absent; markup characters in every
//! text), render to the same bytes compiled and through tera.

use crate::common::pdf_docs::{layout_documents, synthetic_document};
use gongkai::document::{Block, Document};
use gongkai::render::html::HtmlRenderer;

#[test]
fn compiled_page_is_the_templates_page_for_every_document() {
    let mut docs = layout_documents();
    docs.extend(variants());
    let compiled = HtmlRenderer::new(None).expect("built-in templates");
    let interpreted = HtmlRenderer::interpreted(None).expect("built-in templates parse");
    let mut differing = Vec::new();
    for (name, doc) in &docs {
        let a = compiled.render(doc).expect("compiled page");
        let b = interpreted.render(doc).expect("tera page");
        if a != b {
            differing.push(format!("{name}: {}", first_difference(&a, &b)));
        }
    }
    assert!(
        differing.is_empty(),
        "compiled ≠ templates:\n{}",
        differing.join("\n")
    );
}

#[test]
fn the_comparison_sees_a_changed_template() {
    let dir = crate::common::run::temp_dir("html-compiled-changed");
    let cover = include_str!("../../templates/cover.html").replace("<h1>", "<h1 class=\"x\">");
    std::fs::write(dir.join("cover.html"), cover).expect("write override");
    let doc = synthetic_document();
    let compiled = HtmlRenderer::new(None).expect("built-in").render(&doc);
    let changed = HtmlRenderer::interpreted(Some(&dir))
        .expect("override")
        .render(&doc);
    assert_ne!(compiled.expect("compiled"), changed.expect("tera"));
}

/// The synthetic document with its optional texts given, then given empty, then absent,
/// every text holding the five characters HTML escapes.
fn variants() -> Vec<(String, Document)> {
    let given: &Make = &|s| Some(format!("{s}<&>\"'"));
    let empty: &Make = &|_| Some(String::new());
    let absent: &Make = &|_| None;
    [("given", given), ("empty", empty), ("absent", absent)]
        .into_iter()
        .map(|(name, make)| (format!("synthetic, optional texts {name}"), variant(make)))
        .collect()
}

/// What an optional text becomes in a variant, from an example of it.
type Make = dyn Fn(&str) -> Option<String>;

fn variant(make: &Make) -> Document {
    let mut doc = synthetic_document();
    doc.meta.title.push_str("<标题>&\"'");
    doc.meta.issued = make("2024年");
    let publish = &mut doc.meta.publish;
    publish.site_name = make("站");
    publish.site_id = make("6500");
    publish.column = make("栏目");
    publish.pub_date = make("2024-01-01");
    doc.signature.date = make("2024年1月1日");
    for part in &mut doc.parts {
        part.title.push_str("<&>");
        for section in &mut part.sections {
            section.heading = section.heading.take().or_else(|| make("标题"));
            for block in &mut section.blocks {
                mark_block(block, make);
            }
        }
    }
    doc
}

fn mark_block(block: &mut Block, make: &Make) {
    match block {
        Block::Paragraph { text, .. } | Block::Subheading { text } => text.push_str("<&>\"'"),
        Block::Table(t) => {
            t.label = make("表1");
            t.subtitle = make("副标题");
            t.subject = make("对象");
            t.issuer = make("编制单位：某单位");
            t.unit = make("单位：万元");
            t.empty_statement = make("本表无数据");
            t.rounding_note = make("尾差");
            if let Some(cell) = t.body.first_mut().and_then(|r| r.cells.first_mut()) {
                cell.text.push_str("<&>");
            }
        }
        Block::Term { definition, .. } => definition.push_str("\"'"),
        Block::Chart(_) => {}
    }
}

/// Where two pages first differ, with some context of each.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let around = |s: &[u8]| {
        String::from_utf8_lossy(&s[at.saturating_sub(60)..(at + 60).min(s.len())]).into_owned()
    };
    format!(
        "byte {at}\n  compiled: {}\n  tera:     {}",
        around(a),
        around(b)
    )
}
