//! Pages: what layout produces and the writer draws. A [`Page`] holds positioned items —
//! glyph runs, rules and fills — in points from the page's top-left corner, text placed by
//! its baseline. [`frame`] is the page geometry (GB/T 9704) and [`flow`] the cursor that
//! fills pages top to bottom.

pub mod flow;
pub mod frame;

use frame::Frame;

/// One glyph of a text run.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's face.
    pub gid: u16,
    /// The character it draws (for the ToUnicode map and tests).
    pub ch: char,
    /// Horizontal position of the glyph's origin, relative to the run's `x`.
    pub x: f32,
    /// The glyph's natural advance at the run's size, in points.
    pub advance: f32,
}

/// A positioned drawing item.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Glyphs of one face at one size on one baseline.
    Text {
        /// Left edge of the first glyph.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Face index in the font set.
        face: u16,
        /// The glyphs.
        glyphs: Vec<Glyph>,
    },
    /// A straight rule.
    Rule {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Line width in points.
        width: f32,
        /// Dotted (TOC leaders) instead of solid.
        dotted: bool,
    },
    /// A filled rectangle (header shading, chart bars).
    Fill {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Grey level, 0 black … 1 white.
        gray: f32,
    },
}

impl Item {
    /// The characters of a text item, in order; empty for graphics.
    pub fn text(&self) -> String {
        match self {
            Item::Text { glyphs, .. } => glyphs.iter().map(|g| g.ch).collect(),
            _ => String::new(),
        }
    }
}

/// The page number, set outside the text block.
#[derive(Debug, Clone, PartialEq)]
pub struct Folio {
    /// Its glyph runs, in the page's coordinates; a turned run's `x` is its baseline and
    /// its `y` the top end of the run.
    pub items: Vec<Item>,
    /// True when the runs read top to bottom (turned a quarter clockwise): a landscape
    /// page keeps its number where the portrait pages have theirs on the sheet held
    /// upright (GB/T 9704-2012 §10.1).
    pub turned: bool,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Items in drawing order.
    pub items: Vec<Item>,
    /// The page number, when the page has one (body pages).
    pub folio: Option<Folio>,
}

impl Page {
    /// True for A4 landscape pages.
    pub fn is_landscape(&self) -> bool {
        self.width > self.height
    }

    /// The text block (版心) every item of the page lies in, as left, top, right and
    /// bottom, in points from the page's top-left corner; the folio stands outside it.
    pub fn text_block(&self) -> [f32; 4] {
        let frame = if self.is_landscape() {
            Frame::landscape()
        } else {
            Frame::portrait()
        };
        [frame.left, frame.top, frame.right(), frame.bottom()]
    }

    /// The page's text, items joined in drawing order with spaces between runs.
    pub fn text(&self) -> String {
        let parts: Vec<String> = self
            .items
            .iter()
            .map(Item::text)
            .filter(|t| !t.is_empty())
            .collect();
        parts.join(" ")
    }
}
