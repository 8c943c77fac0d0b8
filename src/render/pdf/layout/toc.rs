//! The 目录: one line per entry of the document's table of contents, dotted leaders and
//! the real page number of its target, each entry a link to its page.

use crate::document::{Document, TocEntry};
use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::frame::Frame;
use crate::render::pdf::page::{Item, Page};
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, baseline_in, set_block, set_words, Align, Span};
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

/// Size of the entries.
const SIZE: f32 = 14.0;
/// Pitch of the entries' lines.
const PITCH: f32 = 25.0;
/// Width of the page-number column.
const NUM_W: f32 = 2.5 * SIZE;

/// Sets the 目录 pages; `page_of` maps anchor ids to body page indices (0-based).
pub fn toc_pages(
    m: &Metrics,
    words: &Words,
    doc: &Document,
    page_of: &BTreeMap<&str, usize>,
) -> Result<(Vec<Page>, Vec<TocLink>), PdfError> {
    let mut toc = Toc {
        m,
        frame: Frame::portrait(),
        pages: Vec::new(),
        links: Vec::new(),
        items: Vec::new(),
        y: Frame::portrait().top,
    };
    toc.title()?;
    for entry in &doc.toc {
        let Some(&target) = page_of.get(entry.target.as_str()) else {
            continue;
        };
        toc.entry(words, entry, target)?;
    }
    Ok(toc.finish())
}

/// The 目录 being set, page by page from the top down.
struct Toc<'m, 'f> {
    m: &'m Metrics<'f>,
    /// The text block of every 目录 page.
    frame: Frame,
    /// Finished pages.
    pages: Vec<Page>,
    /// Links so far, by 目录 page index.
    links: Vec<TocLink>,
    /// Items of the page being set.
    items: Vec<Item>,
    /// The top of the next line.
    y: f32,
}

impl Toc<'_, '_> {
    /// Sets 目　　录 centred at the top of the first page.
    fn title(&mut self) -> Result<(), PdfError> {
        let frame = self.frame;
        let title = set_block(
            self.m,
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
            self.items.extend(text::offset(
                line,
                frame.left,
                self.y + baseline_in(40.0, 22.0),
            ));
            self.y += 40.0;
        }
        self.y += 8.0;
        Ok(())
    }

    /// Sets one entry (a part in 黑体, anything below indented in 仿宋), its leaders and
    /// page number, and records its link to body page `target`.
    fn entry(&mut self, words: &Words, entry: &TocEntry, target: usize) -> Result<(), PdfError> {
        let frame = self.frame;
        let (role, indent) = if entry.level <= 1 {
            (Role::Heading, 0.0)
        } else {
            (Role::Body, 2.0 * SIZE)
        };
        let width = frame.width - indent - NUM_W - SIZE;
        let lines = set_words(
            self.m,
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
        if self.y + PITCH * count as f32 > frame.bottom() {
            self.pages.push(Page {
                width: frame.page_w,
                height: frame.page_h,
                items: std::mem::take(&mut self.items),
                folio: None,
            });
            self.y = frame.top;
        }
        let top = self.y;
        let mut end_x = frame.left + indent;
        for line in lines {
            end_x = frame.left + indent + line_right(&line);
            self.items.extend(text::offset(
                line,
                frame.left + indent,
                self.y + baseline_in(PITCH, SIZE),
            ));
            self.y += PITCH;
        }
        let base = self.y - PITCH + baseline_in(PITCH, SIZE);
        self.page_number(target, base, end_x)?;
        self.links.push(TocLink {
            page: self.pages.len(),
            rect: [frame.left, top, frame.width, self.y - top],
            target_page: target,
        });
        Ok(())
    }

    /// Sets the page number of body page `target` flush right on `base`, and dotted
    /// leaders from `end_x` (where the entry's last line ends) when there is room.
    fn page_number(&mut self, target: usize, base: f32, end_x: f32) -> Result<(), PdfError> {
        let number = (target + 1).to_string();
        let shaped = text::shape(
            self.m,
            &[Span {
                role: Role::Table,
                text: &number,
            }],
            SIZE,
            1.0,
        )?;
        let right = self.frame.right();
        self.items.extend(text::place(
            &shaped,
            right - NUM_W,
            base,
            NUM_W,
            SIZE,
            Align::Right,
        ));
        let dots_end = right - text::width(&shaped) - 4.0;
        if dots_end > end_x + 8.0 {
            self.items.push(Item::Rule {
                x1: end_x + 4.0,
                y1: base,
                x2: dots_end,
                y2: base,
                width: 1.0,
                dotted: true,
            });
        }
        Ok(())
    }

    /// Closes the last page and returns the pages and their links.
    fn finish(mut self) -> (Vec<Page>, Vec<TocLink>) {
        self.pages.push(Page {
            width: self.frame.page_w,
            height: self.frame.page_h,
            items: self.items,
            folio: None,
        });
        (self.pages, self.links)
    }
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
