//! The title block of a table (表N label, title, subtitle, 编制单位 and 单位 lines) and the
//! caption of its continuation pages.

use crate::document::Table;
use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::Item;
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, set_block, set_words, Align, Span};

/// The 表N label, title (the same 18 pt on portrait and landscape pages), subtitle and the
/// 编制单位 / 单位 line, relative to (0, 0).
pub fn title_block(
    m: &Metrics,
    words: &Words,
    table: &Table,
    width: f32,
) -> Result<(Vec<Item>, f32), PdfError> {
    let mut block = Block {
        m,
        width,
        items: Vec::new(),
        y: 0.0,
    };
    if let Some(label) = &table.label {
        let label = Span {
            role: Role::Heading,
            text: label,
        };
        block.line(&[label], 12.0, Align::Left, 2.0)?;
    }
    block.title(words, &table.title)?;
    if let Some(sub) = &table.subtitle {
        let sub = Span {
            role: Role::Body,
            text: sub,
        };
        block.line(&[sub], 12.0, Align::Center, 2.0)?;
    }
    match (&table.issuer, &table.unit) {
        (None, None) => {}
        (issuer, unit) => block.issuer_and_unit(issuer.as_deref(), unit.as_deref())?,
    }
    Ok((block.items, block.y + 2.0))
}

/// A title block being set from the top down.
struct Block<'m, 'f> {
    m: &'m Metrics<'f>,
    /// The measure.
    width: f32,
    /// The items set so far.
    items: Vec<Item>,
    /// The top of the next line.
    y: f32,
}

impl Block<'_, '_> {
    /// Sets `spans` in lines of `size` aligned by `align`, then leaves `gap` points.
    fn line(&mut self, spans: &[Span], size: f32, align: Align, gap: f32) -> Result<(), PdfError> {
        let lines = set_block(self.m, spans, size, self.width, 0.0, align, 1.0)?;
        for l in lines {
            self.items
                .extend(text::offset(l, 0.0, self.y + size * 1.05));
            self.y += size * 1.35;
        }
        self.y += gap;
        Ok(())
    }

    /// Sets the title centred in 18 pt, broken between `words` into balanced lines.
    fn title(&mut self, words: &Words, title: &str) -> Result<(), PdfError> {
        let title_size = 18.0;
        let title = set_words(
            self.m,
            &[Span {
                role: Role::Title,
                text: title,
            }],
            title_size,
            (self.width, 0.0),
            Align::Center,
            1.0,
            words,
            true,
        )?;
        for l in title {
            self.items
                .extend(text::offset(l, 0.0, self.y + title_size * 1.05));
            self.y += title_size * 1.35;
        }
        self.y += 4.0;
        Ok(())
    }

    /// Sets 单位：万元 at the right of the first line; the issuer wraps in what is left of
    /// the measure, so a long unit name never runs into it or off the page.
    fn issuer_and_unit(
        &mut self,
        issuer: Option<&str>,
        unit: Option<&str>,
    ) -> Result<(), PdfError> {
        let size = 10.5;
        let span = |text| Span {
            role: Role::Table,
            text,
        };
        let base = self.y + size * 1.05;
        let mut unit_w = 0.0;
        if let Some(unit) = unit {
            let shaped = text::shape(self.m, &[span(unit)], size, 1.0)?;
            unit_w = text::width(&shaped) + size;
            self.items.extend(text::offset(
                text::place(&shaped, 0.0, 0.0, self.width, size, Align::Right),
                0.0,
                base,
            ));
        }
        let mut lines = 1;
        if let Some(issuer) = issuer {
            let set = set_block(
                self.m,
                &[span(issuer)],
                size,
                self.width - unit_w,
                0.0,
                Align::Left,
                1.0,
            )?;
            lines = set.len().max(1);
            for (i, line) in set.into_iter().enumerate() {
                self.items
                    .extend(text::offset(line, 0.0, base + i as f32 * size * 1.35));
            }
        }
        self.y += size * 1.6 + (lines - 1) as f32 * size * 1.35;
        Ok(())
    }
}

/// The caption of a continuation page: `表2 单位收入总体情况表（续）`, wrapped within
/// `width`.
pub fn continuation(
    m: &Metrics,
    words: &Words,
    table: &Table,
    width: f32,
) -> Result<(Vec<Item>, f32), PdfError> {
    let text = match &table.label {
        Some(label) => format!("{label} {}（续）", table.title),
        None => format!("{}（续）", table.title),
    };
    let size = 10.5;
    let lines = set_words(
        m,
        &[Span {
            role: Role::Heading,
            text: &text,
        }],
        size,
        (width, 0.0),
        Align::Left,
        1.0,
        words,
        false,
    )?;
    let mut items = Vec::new();
    let mut y = 0.0;
    for line in lines {
        items.extend(text::offset(line, 0.0, y + size * 1.05));
        y += size * 1.35;
    }
    Ok((items, y + size * 0.45))
}
