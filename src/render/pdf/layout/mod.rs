//! The layout stage: cover, 目录 and body pages with page numbers, as positioned items.
//!
//! Body pages are numbered from 1 after the front matter (cover and 目录), so the body is
//! laid out first and the 目录 then prints the real page numbers in a single pass: that
//! pass is already the fixed point, as nothing in the body depends on the 目录's length
//! and the 目录's length does not depend on the numbers it prints (they stand in a column
//! of fixed width). Each bookmark is taken where its heading's first line is finally
//! drawn, so the 目录, the bookmarks and the links name the page the heading is on. The
//! pieces: [`body`] flows parts, headings, paragraphs, tables and the 落款 into pages,
//! drawing charts with [`chart`]; [`folio`] numbers the body pages; [`cover`] sets the
//! cover; [`toc`] sets the 目录 with its links.

pub mod body;
mod chart;
mod cover;
mod folio;
pub mod toc;

use crate::document::Document;
use crate::fonts::{FontSet, Metrics};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::Page;
use crate::render::pdf::text::words::Words;
use body::{BodyLayout, Mark};
use cover::cover_page;
use folio::number_page;
use std::collections::BTreeMap;
use toc::{toc_pages, TocLink};

/// The laid-out document.
#[derive(Debug, Clone)]
pub struct Laid {
    /// All pages: cover, 目录, body.
    pub pages: Vec<Page>,
    /// Bookmarks with absolute page indices.
    pub marks: Vec<Mark>,
    /// Clickable 目录 entries with absolute page indices.
    pub links: Vec<TocLink>,
}

/// Lays out `doc` with `fonts`.
pub fn lay_out(doc: &Document, fonts: &FontSet) -> Result<Laid, PdfError> {
    let m = Metrics::new(fonts);
    let words = Words::new([
        doc.meta.unit_name.as_str(),
        doc.signature.unit_name.as_str(),
    ]);
    let (flow, mut marks) = BodyLayout::new(&m, &words).run(doc)?;
    let mut body = flow.finish();
    for (i, page) in body.iter_mut().enumerate() {
        number_page(&m, page, i + 1)?;
    }
    let page_of: BTreeMap<&str, usize> = marks.iter().map(|mk| (mk.id.as_str(), mk.page)).collect();
    let cover = cover_page(&m, &words, &doc.meta)?;
    let (toc, mut links) = toc_pages(&m, &words, doc, &page_of)?;
    let front = 1 + toc.len();
    for mk in marks.iter_mut() {
        mk.page += front;
    }
    for link in links.iter_mut() {
        link.page += 1;
        link.target_page += front;
    }
    let mut pages = vec![cover];
    pages.extend(toc);
    pages.extend(body);
    Ok(Laid {
        pages,
        marks,
        links,
    })
}
