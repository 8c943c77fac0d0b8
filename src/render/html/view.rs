//! The view the templates lay out: the document with every layout decision already made
//! (nesting of the 目录, heading levels, header-cell scopes, row and cell classes, chart
//! geometry). Nothing here computes a figure; texts are passed through as the document
//! formatted them. Titles also come split into pieces (`*_pieces`), so that the template
//! keeps the unit's name and years on one line (see `title.rs`).

use super::chart::{self, ChartView};
use super::figures::figure_pieces;
use super::table_view::{table, TableView};
use super::title::{pieces, Piece};
use super::HtmlError;
use crate::document::{Block, Document, ParagraphStyle, Part, PublishMeta, Section, TocEntry};
use serde::Serialize;
use std::collections::BTreeSet;

/// The whole page.
#[derive(Debug, Serialize)]
pub(super) struct PageView {
    /// `<title>` and cover title.
    pub title: String,
    /// Unit name (first cover line).
    pub unit_name: String,
    /// Second cover line.
    pub subtitle: String,
    /// Date of issue, when given.
    pub issued: Option<String>,
    /// The 政府网站 `<meta>` tags.
    pub publish: PublishMeta,
    /// The 目录, parts with their sections.
    pub toc: Vec<TocView>,
    /// The four parts.
    pub parts: Vec<PartView>,
    /// The 落款.
    pub signature: SignatureView,
}

/// A 目录 entry and the entries under it.
#[derive(Debug, Serialize)]
pub(super) struct TocView {
    /// Text as printed.
    pub text: String,
    /// The text in pieces, the unit's name kept whole.
    pub pieces: Vec<Piece>,
    /// Anchor it links to.
    pub target: String,
    /// Second-level entries.
    pub children: Vec<TocView>,
}

/// A part.
#[derive(Debug, Serialize)]
pub(super) struct PartView {
    /// Anchor id.
    pub id: String,
    /// Id of its heading.
    pub heading_id: String,
    /// `第二部分`.
    pub number: String,
    /// Title after the number.
    pub title: String,
    /// The title in pieces, the unit's name kept whole.
    pub title_pieces: Vec<Piece>,
    /// Its sections.
    pub sections: Vec<SectionView>,
}

/// A section.
#[derive(Debug, Serialize)]
pub(super) struct SectionView {
    /// Anchor id.
    pub id: String,
    /// Id of its heading, when it has one.
    pub heading_id: Option<String>,
    /// Heading text.
    pub heading: Option<String>,
    /// The heading in pieces, the unit's name kept whole.
    pub heading_pieces: Option<Vec<Piece>>,
    /// Its blocks.
    pub blocks: Vec<BlockView>,
}

/// A block as laid out; consecutive glossary terms form one list.
#[allow(
    clippy::large_enum_variant,
    reason = "a page's views are built once and dropped after rendering: boxing would only add allocations"
)]
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum BlockView {
    /// A sub-heading.
    Subheading {
        /// Text.
        text: String,
        /// The text in pieces, the unit's name kept whole.
        pieces: Vec<Piece>,
        /// HTML heading level.
        level: u8,
    },
    /// A paragraph.
    Paragraph {
        /// Text.
        text: String,
        /// The text in pieces, each figure with its unit kept whole.
        pieces: Vec<Piece>,
        /// `body` or `item`.
        style: &'static str,
    },
    /// A table.
    Table(TableView),
    /// A chart.
    Chart(ChartView),
    /// Glossary terms in a row.
    Glossary {
        /// The terms.
        terms: Vec<TermView>,
    },
}

/// A glossary term.
#[derive(Debug, Serialize)]
pub(super) struct TermView {
    /// `一、`.
    pub number: String,
    /// The term.
    pub term: String,
    /// Its definition.
    pub definition: String,
}

/// The 落款.
#[derive(Debug, Serialize)]
pub(super) struct SignatureView {
    /// Unit name.
    pub unit_name: String,
    /// Date, when given.
    pub date: Option<String>,
}

/// Ids the page template itself uses.
const PAGE_IDS: &[&str] = &["top", "toc", "toc-title", "signature"];

/// Lays out `doc`, refusing documents whose ids or links would make invalid HTML.
pub(super) fn page(doc: &Document) -> Result<PageView, HtmlError> {
    let keep = [doc.meta.unit_name.as_str()];
    let parts = doc
        .parts
        .iter()
        .map(|p| part(p, &keep))
        .collect::<Result<Vec<_>, _>>()?;
    let page = PageView {
        title: doc.meta.title.clone(),
        unit_name: doc.meta.unit_name.clone(),
        subtitle: doc.meta.subtitle.clone(),
        issued: doc.meta.issued.clone(),
        publish: doc.meta.publish.clone(),
        toc: toc(&doc.toc, &keep),
        parts,
        signature: SignatureView {
            unit_name: doc.signature.unit_name.clone(),
            date: doc.signature.date.clone(),
        },
    };
    check_ids(&page)?;
    Ok(page)
}

/// Nests level-2 entries under the level-1 entry before them; `keep` are the phrases kept
/// whole (here and in every function below).
fn toc(entries: &[TocEntry], keep: &[&str]) -> Vec<TocView> {
    let mut out: Vec<TocView> = Vec::new();
    for e in entries {
        let view = TocView {
            text: e.text.clone(),
            pieces: pieces(&e.text, keep),
            target: e.target.clone(),
            children: Vec::new(),
        };
        match out.last_mut() {
            Some(parent) if e.level > 1 => parent.children.push(view),
            _ => out.push(view),
        }
    }
    out
}

fn part(p: &Part, keep: &[&str]) -> Result<PartView, HtmlError> {
    Ok(PartView {
        id: p.id.clone(),
        heading_id: format!("{}-heading", p.id),
        number: p.number.clone(),
        title: p.title.clone(),
        title_pieces: pieces(&p.title, keep),
        sections: p
            .sections
            .iter()
            .map(|s| section(s, keep))
            .collect::<Result<Vec<_>, _>>()?,
    })
}

fn section(s: &Section, keep: &[&str]) -> Result<SectionView, HtmlError> {
    let mut blocks: Vec<BlockView> = Vec::with_capacity(s.blocks.len());
    let headed = s.heading.is_some();
    let mut under_subheading = false;
    for b in &s.blocks {
        let view = match b {
            Block::Subheading { text } => {
                under_subheading = true;
                BlockView::Subheading {
                    text: text.clone(),
                    pieces: pieces(text, keep),
                    level: 4,
                }
            }
            Block::Paragraph { text, style } => BlockView::Paragraph {
                text: text.clone(),
                pieces: figure_pieces(text),
                style: match style {
                    ParagraphStyle::Body => "body",
                    ParagraphStyle::Item => "item",
                },
            },
            Block::Table(t) => {
                let level = match (headed, under_subheading) {
                    (false, _) => 3,
                    (true, false) => 4,
                    (true, true) => 5,
                };
                BlockView::Table(table(t, level, keep)?)
            }
            Block::Chart(c) => BlockView::Chart(chart::view(c)),
            Block::Term {
                number,
                term,
                definition,
            } => {
                let term = TermView {
                    number: number.clone(),
                    term: term.clone(),
                    definition: definition.clone(),
                };
                if let Some(BlockView::Glossary { terms }) = blocks.last_mut() {
                    terms.push(term);
                    continue;
                }
                BlockView::Glossary { terms: vec![term] }
            }
        };
        blocks.push(view);
    }
    Ok(SectionView {
        id: s.id.clone(),
        heading_id: s.heading.as_ref().map(|_| format!("{}-heading", s.id)),
        heading: s.heading.clone(),
        heading_pieces: s.heading.as_deref().map(|h| pieces(h, keep)),
        blocks,
    })
}

/// Every id on the page is unique and well-formed, and every 目录 link has a target.
fn check_ids(page: &PageView) -> Result<(), HtmlError> {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let mut all: Vec<&str> = PAGE_IDS.to_vec();
    for p in &page.parts {
        all.push(&p.id);
        all.push(&p.heading_id);
        for s in &p.sections {
            all.push(&s.id);
            all.extend(s.heading_id.as_deref());
            for b in &s.blocks {
                match b {
                    BlockView::Table(t) => {
                        all.extend([t.id.as_str(), t.title_id.as_str(), t.caption_id.as_str()])
                    }
                    BlockView::Chart(c) => all.extend([c.id.as_str(), c.title_id.as_str()]),
                    _ => {}
                }
            }
        }
    }
    for id in all {
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            return Err(HtmlError::Layout(format!(
                "id “{id}” is empty or contains whitespace"
            )));
        }
        if !ids.insert(id) {
            return Err(HtmlError::Layout(format!("id “{id}” is used twice")));
        }
    }
    let mut entries: Vec<&TocView> = page.toc.iter().collect();
    while let Some(e) = entries.pop() {
        if !ids.contains(e.target.as_str()) {
            return Err(HtmlError::Layout(format!(
                "目录 entry “{}” links to missing id “{}”",
                e.text, e.target
            )));
        }
        entries.extend(e.children.iter());
    }
    Ok(())
}
