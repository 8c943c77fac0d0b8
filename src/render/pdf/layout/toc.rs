//! The 目录: one line per entry of the document's table of contents, dotted leaders and
//! the real page number of its target, each entry a link to its page.

use crate::document::Document;
use crate::fonts::{Metrics, Role};
use crate::render::pdf::page::frame::Frame;
use crate::render::pdf::page::{Item, Page};
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, baseline_in, set_block, set_words, Align, Span};
use crate::render::pdf::PdfError;
use std::collections::BTreeMap;

/// A clickable 目录 entry.
#[derive(Debug, Clone, PartialEq)]
pub struct TocLink {
    /// Page index of the entry (within the 目录 pages until made absolute).
    pub page: usize,
    /// Its area: left, top, width, height (points from the page's top-left).
    pub rect: [f32; 4],
    /// The page it points at (body index until made absolute).
    pub target_page: usize,
}

const SIZE: f32 = 14.0;
const PITCH: f32 = 25.0;

/// Sets the 目录 pages; `page_of` maps anchor ids to body page indices (0-based).
pub fn toc_pages(
    m: &Metrics,
    words: &Words,
    doc: &Document,
    page_of: &BTreeMap<&str, usize>,
) -> Result<(Vec<Page>, Vec<TocLink>), PdfError> {
    let frame = Frame::portrait();
    let mut pages = Vec::new();
    let mut links = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut y = frame.top;
    let title = set_block(
        m,
        &[Span {
            role: Role::Title,
            text: "目　　录",
        }],
        22.0,
        frame.width,
        0.0,
        Align::Center,
        1.0,
    )?;
    for line in title {
        items.extend(text::offset(line, frame.left, y + baseline_in(40.0, 22.0)));
        y += 40.0;
    }
    y += 8.0;
    let num_w = 2.5 * SIZE;
    for entry in &doc.toc {
        let Some(&target) = page_of.get(entry.target.as_str()) else {
            continue;
        };
        let (role, indent) = if entry.level <= 1 {
            (Role::Heading, 0.0)
        } else {
            (Role::Body, 2.0 * SIZE)
        };
        let width = frame.width - indent - num_w - SIZE;
        let lines = set_words(
            m,
            &[Span {
                role,
                text: &entry.text,
            }],
            SIZE,
            (width, 0.0),
            Align::Left,
            1.0,
            words,
            false,
        )?;
        let count = lines.len();
        if y + PITCH * count as f32 > frame.bottom() {
            pages.push(Page {
                width: frame.page_w,
                height: frame.page_h,
                items: std::mem::take(&mut items),
                folio: None,
            });
            y = frame.top;
        }
        let top = y;
        let mut end_x = frame.left + indent;
        for line in lines {
            end_x = frame.left + indent + line_right(&line);
            items.extend(text::offset(
                line,
                frame.left + indent,
                y + baseline_in(PITCH, SIZE),
            ));
            y += PITCH;
        }
        let base = y - PITCH + baseline_in(PITCH, SIZE);
        let number = (target + 1).to_string();
        let shaped = text::shape(
            m,
            &[Span {
                role: Role::Table,
                text: &number,
            }],
            SIZE,
            1.0,
        )?;
        let right = frame.right();
        items.extend(text::place(
            &shaped,
            right - num_w,
            base,
            num_w,
            SIZE,
            Align::Right,
        ));
        let dots_end = right - text::width(&shaped) - 4.0;
        if dots_end > end_x + 8.0 {
            items.push(Item::Rule {
                x1: end_x + 4.0,
                y1: base,
                x2: dots_end,
                y2: base,
                width: 1.0,
                dotted: true,
            });
        }
        links.push(TocLink {
            page: pages.len(),
            rect: [frame.left, top, frame.width, y - top],
            target_page: target,
        });
    }
    pages.push(Page {
        width: frame.page_w,
        height: frame.page_h,
        items,
        folio: None,
    });
    Ok((pages, links))
}

/// Right edge of a set line (relative to its box).
fn line_right(items: &[Item]) -> f32 {
    items
        .iter()
        .map(|item| match item {
            Item::Text { x, glyphs, .. } => glyphs.last().map_or(*x, |g| x + g.x + g.advance),
            _ => 0.0,
        })
        .fold(0.0, f32::max)
}
