//! The flow cursor that fills pages top to bottom: the body, tables and charts are pushed
//! into it, and it opens a new page when the next piece does not fit.

use super::frame::Frame;
use super::{Item, Page};

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
