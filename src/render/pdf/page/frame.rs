//! Page geometry: A4, the GB/T 9704 text block of portrait pages and the wide frame of
//! landscape table pages, the body size and line pitch.

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
