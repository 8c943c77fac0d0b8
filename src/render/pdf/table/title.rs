//! The title block of a table (表N label, title, subtitle, 编制单位 and 单位 lines) and the
//! caption of its continuation pages.

use crate::document::Table;
use crate::fonts::{Metrics, Role};
use crate::render::pdf::page::Item;
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, set_block, set_words, Align, Span};
use crate::render::pdf::PdfError;

/// The 表N label, title (the same 18 pt on portrait and landscape pages), subtitle and the
/// 编制单位 / 单位 line, relative to (0, 0).
pub fn title_block(
    m: &Metrics,
    words: &Words,
    table: &Table,
    width: f32,
) -> Result<(Vec<Item>, f32), PdfError> {
    let mut items = Vec::new();
    let mut y = 0.0;
    let line =
        |items: &mut Vec<Item>, y: &mut f32, spans: &[Span], size: f32, align: Align, gap: f32| {
            let lines = set_block(m, spans, size, width, 0.0, align, 1.0)?;
            for l in lines {
                items.extend(text::offset(l, 0.0, *y + size * 1.05));
                *y += size * 1.35;
            }
            *y += gap;
            Ok::<(), PdfError>(())
        };
    if let Some(label) = &table.label {
        line(
            &mut items,
            &mut y,
            &[Span {
                role: Role::Heading,
                text: label,
            }],
            12.0,
            Align::Left,
            2.0,
        )?;
    }
    let title_size = 18.0;
    let title = set_words(
        m,
        &[Span {
            role: Role::Title,
            text: &table.title,
        }],
        title_size,
        (width, 0.0),
        Align::Center,
        1.0,
        words,
        true,
    )?;
    for l in title {
        items.extend(text::offset(l, 0.0, y + title_size * 1.05));
        y += title_size * 1.35;
    }
    y += 4.0;
    if let Some(sub) = &table.subtitle {
        line(
            &mut items,
            &mut y,
            &[Span {
                role: Role::Body,
                text: sub,
            }],
            12.0,
            Align::Center,
            2.0,
        )?;
    }
    let size = 10.5;
    match (&table.issuer, &table.unit) {
        (None, None) => {}
        (issuer, unit) => {
            // 单位：万元 at the right of the first line; the issuer wraps in what is left
            // of the measure, so a long unit name never runs into it or off the page.
            let span = |text| Span {
                role: Role::Table,
                text,
            };
            let base = y + size * 1.05;
            let mut unit_w = 0.0;
            if let Some(unit) = unit {
                let shaped = text::shape(m, &[span(unit)], size, 1.0)?;
                unit_w = text::width(&shaped) + size;
                items.extend(text::offset(
                    text::place(&shaped, 0.0, 0.0, width, size, Align::Right),
                    0.0,
                    base,
                ));
            }
            let mut lines = 1;
            if let Some(issuer) = issuer {
                let set = set_block(
                    m,
                    &[span(issuer)],
                    size,
                    width - unit_w,
                    0.0,
                    Align::Left,
                    1.0,
                )?;
                lines = set.len().max(1);
                for (i, line) in set.into_iter().enumerate() {
                    items.extend(text::offset(line, 0.0, base + i as f32 * size * 1.35));
                }
            }
            y += size * 1.6 + (lines - 1) as f32 * size * 1.35;
        }
    }
    Ok((items, y + 2.0))
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
