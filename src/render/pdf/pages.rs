//! The output of layout: pages of positioned items. Coordinates are points from the
//! page's top-left corner; text is placed by its baseline.

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

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Items in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    /// True for A4 landscape pages.
    pub fn is_landscape(&self) -> bool {
        self.width > self.height
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
