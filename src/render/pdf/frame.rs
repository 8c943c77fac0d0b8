//! Page geometry (GB/T 9704 for portrait text pages, a wide frame for landscape tables)
//! and the flow cursor that fills pages top to bottom.

use super::pages::{Item, Page};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// A4 short side in points.
pub const A4_W: f32 = 210.0 * MM;
/// A4 long side in points.
pub const A4_H: f32 = 297.0 * MM;
/// Body size: 3号.
pub const BODY_SIZE: f32 = 16.0;
/// Characters per body line.
pub const CHARS_PER_LINE: f32 = 28.0;
/// Body lines per page.
pub const LINES_PER_PAGE: f32 = 22.0;

/// The text block of a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Page width.
    pub page_w: f32,
    /// Page height.
    pub page_h: f32,
    /// Left edge of the text block.
    pub left: f32,
    /// Top edge of the text block.
    pub top: f32,
    /// Text block width.
    pub width: f32,
    /// Text block height.
    pub height: f32,
}

impl Frame {
    /// GB/T 9704: top 37 mm, left 28 mm, text block 156 × 225 mm.
    pub fn portrait() -> Frame {
        Frame {
            page_w: A4_W,
            page_h: A4_H,
            left: 28.0 * MM,
            top: 37.0 * MM,
            width: 156.0 * MM,
            height: 225.0 * MM,
        }
    }

    /// A4 rotated for wide tables: 15 mm top, right and bottom, and 32 mm left, where the
    /// page number stands on the sheet held upright (GB/T 9704-2012 §10.1).
    pub fn landscape() -> Frame {
        Frame {
            page_w: A4_H,
            page_h: A4_W,
            left: 32.0 * MM,
            top: 15.0 * MM,
            width: 250.0 * MM,
            height: 180.0 * MM,
        }
    }

    /// Bottom edge of the text block.
    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// Right edge of the text block.
    pub fn right(&self) -> f32 {
        self.left + self.width
    }

    /// Body line pitch: 22 lines in the portrait block.
    pub fn pitch() -> f32 {
        225.0 * MM / LINES_PER_PAGE
    }
}

/// Pages being filled, with the cursor on the current one.
pub struct Flow {
    /// Finished pages.
    pub pages: Vec<Page>,
    /// The page being filled.
    pub items: Vec<Item>,
    /// Its frame.
    pub frame: Frame,
    /// Cursor: top of the next free space.
    pub y: f32,
    /// True while nothing has been placed on the current page.
    pub fresh: bool,
}

impl Flow {
    /// Starts with one empty portrait page.
    pub fn new() -> Flow {
        let frame = Frame::portrait();
        Flow {
            pages: Vec::new(),
            items: Vec::new(),
            frame,
            y: frame.top,
            fresh: true,
        }
    }

    /// Closes the current page (even if empty) and opens one with `frame`.
    pub fn new_page(&mut self, frame: Frame) {
        let items = std::mem::take(&mut self.items);
        self.pages.push(Page {
            width: self.frame.page_w,
            height: self.frame.page_h,
            items,
            folio: None,
        });
        self.frame = frame;
        self.y = frame.top;
        self.fresh = true;
    }

    /// Opens a new page with `frame` unless the current one is still empty and the same shape.
    pub fn fresh_page(&mut self, frame: Frame) {
        if self.fresh && self.items.is_empty() {
            self.frame = frame;
            self.y = frame.top;
            return;
        }
        self.new_page(frame);
    }

    /// Space left below the cursor.
    pub fn remaining(&self) -> f32 {
        self.frame.bottom() - self.y
    }

    /// Breaks to a new page of the same frame unless `h` points fit below the cursor.
    pub fn ensure(&mut self, h: f32) {
        if h > self.remaining() + 0.01 && !self.fresh {
            self.new_page(self.frame);
        }
    }

    /// Adds items to the current page.
    pub fn push(&mut self, items: impl IntoIterator<Item = Item>) {
        self.items.extend(items);
        self.fresh = false;
    }

    /// Index of the current page.
    pub fn page_index(&self) -> usize {
        self.pages.len()
    }

    /// Closes the last page and returns all pages.
    pub fn finish(mut self) -> Vec<Page> {
        if !self.items.is_empty() || self.pages.is_empty() {
            let items = std::mem::take(&mut self.items);
            self.pages.push(Page {
                width: self.frame.page_w,
                height: self.frame.page_h,
                items,
                folio: None,
            });
        }
        self.pages
    }
}
