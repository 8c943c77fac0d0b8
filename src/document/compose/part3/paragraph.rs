//! The blocks every section of part 3 is made of: body and list paragraphs, （一） sub-headings,
//! the section itself and its `关于…` heading.

use crate::budget::Budget;
use crate::document::model::{Block, ParagraphStyle, Section};

/// A body paragraph.
pub fn p(text: String) -> Block {
    Block::Paragraph {
        text,
        style: ParagraphStyle::Body,
    }
}

/// A list-item paragraph.
pub fn item(text: String) -> Block {
    Block::Paragraph {
        text,
        style: ParagraphStyle::Item,
    }
}

/// A （一） sub-heading.
pub fn sub(text: &str) -> Block {
    Block::Subheading {
        text: text.to_string(),
    }
}

/// A section of part 3; its number (in heading and id) is given when the printed sections
/// are numbered.
pub fn section(heading: String, blocks: Vec<Block>) -> Section {
    Section {
        id: String::new(),
        heading: Some(heading),
        blocks,
    }
}

/// `关于{单位}{年}年{what}`.
pub fn about(b: &Budget, what: &str) -> String {
    format!("关于{}{}年{}", b.unit.name, b.unit.year, what)
}
