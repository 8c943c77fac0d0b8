//! The layout stage: cover, 目录 and body pages with page numbers, as positioned items.
//!
//! Body pages are numbered from 1 after the front matter (cover and 目录), so the body is
//! laid out first and the 目录 then prints the real page numbers in a single pass.

use super::body::{baseline_in, BodyLayout, Mark};
use super::fonts::{FontSet, Role};
use super::frame::{Frame, MM};
use super::metrics::Metrics;
use super::pages::{Folio, Item, Page};
use super::text::{self, set_words, Align, Span};
use super::toc::{toc_pages, TocLink};
use super::words::Words;
use super::PdfError;
use crate::document::{Document, Meta};
use std::collections::BTreeMap;

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

/// Prints `— n —` in 4号 below the text block, on the outer side (odd right, even left),
/// one character in from the edge of the block. A landscape page is numbered where a
/// portrait page is once the sheet is held upright with the table's head to the left
/// (GB/T 9704-2012 §10.1): along its left edge, reading downwards.
fn number_page(m: &Metrics, page: &mut Page, n: usize) -> Result<(), PdfError> {
    let upright = Frame::portrait();
    let size = 14.0;
    let label = format!("— {n} —");
    let shaped = text::shape(
        m,
        &[Span {
            role: Role::Table,
            text: &label,
        }],
        size,
        1.0,
    )?;
    let w = text::width(&shaped);
    let x = if n % 2 == 1 {
        upright.right() - size - w
    } else {
        upright.left + size
    };
    let baseline = upright.bottom() + 7.0 * MM + 0.88 * size;
    let items = text::place(&shaped, x, baseline, w, size, Align::Left);
    let turned = page.is_landscape();
    let items = if turned {
        // The upright sheet's (x, y) is the landscape page's (width − y, x).
        items
            .into_iter()
            .map(|item| turn(item, page.width))
            .collect()
    } else {
        items
    };
    page.folio = Some(Folio { items, turned });
    Ok(())
}

/// Moves a run set on the upright sheet onto a landscape page of width `page_w`.
fn turn(item: Item, page_w: f32) -> Item {
    match item {
        Item::Text {
            x,
            y,
            size,
            face,
            glyphs,
        } => Item::Text {
            x: page_w - y,
            y: x,
            size,
            face,
            glyphs,
        },
        other => other,
    }
}

/// Sets `text` centred across the frame from `y` down, `leading` × `size` per line,
/// broken between words into balanced lines, and returns the `y` below it.
#[allow(clippy::too_many_arguments)]
fn centred(
    m: &Metrics,
    words: &Words,
    items: &mut Vec<Item>,
    frame: &Frame,
    (role, text): (Role, &str),
    size: f32,
    leading: f32,
    mut y: f32,
) -> Result<f32, PdfError> {
    let lines = set_words(
        m,
        &[Span { role, text }],
        size,
        (frame.width, 0.0),
        Align::Center,
        1.0,
        words,
        true,
    )?;
    for line in lines {
        items.extend(text::offset(
            line,
            frame.left,
            y + baseline_in(size * leading, size),
        ));
        y += size * leading;
    }
    Ok(y)
}

/// The cover: unit name and 年度预算公开 line in the title face, the date if given.
fn cover_page(m: &Metrics, words: &Words, meta: &Meta) -> Result<Page, PdfError> {
    let frame = Frame::portrait();
    let mut items: Vec<Item> = Vec::new();
    let mut y = frame.top + 40.0 * MM;
    for text in [meta.unit_name.as_str(), meta.subtitle.as_str()] {
        y = centred(
            m,
            words,
            &mut items,
            &frame,
            (Role::Title, text),
            26.0,
            1.7,
            y,
        )? + 10.0;
    }
    if let Some(date) = &meta.issued {
        let y = frame.bottom() - 40.0 * MM;
        centred(
            m,
            words,
            &mut items,
            &frame,
            (Role::Body, date),
            16.0,
            1.6,
            y,
        )?;
    }
    Ok(Page {
        width: frame.page_w,
        height: frame.page_h,
        items,
        folio: None,
    })
}
