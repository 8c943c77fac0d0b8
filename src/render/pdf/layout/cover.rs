//! The cover: the unit's name and the 年度预算公开 line centred in the title face, and the
//! date near the foot of the page when the document has one.

use crate::document::Meta;
use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::frame::{Frame, MM};
use crate::render::pdf::page::{Item, Page};
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, baseline_in, set_words, Align, Span};

/// Sets `text` centred across the frame from `y` down, `leading` × `size` per line,
/// broken between words into balanced lines, and returns the `y` below it.
#[allow(
    clippy::too_many_arguments,
    reason = "one centred line group of the cover: each argument is one of its own settings"
)]
fn centred(
    m: &Metrics,
    words: &Words,
    items: &mut Vec<Item>,
    frame: &Frame,
    (role, text): (Role, &str),
    size: f32,
    leading: f32,
    mut y: f32,
) -> Result<f32, PdfError> {
    let lines = set_words(
        m,
        &[Span { role, text }],
        size,
        (frame.width, 0.0),
        Align::Center,
        1.0,
        words,
        true,
    )?;
    for line in lines {
        items.extend(text::offset(
            line,
            frame.left,
            y + baseline_in(size * leading, size),
        ));
        y += size * leading;
    }
    Ok(y)
}

/// The cover: unit name and 年度预算公开 line in the title face, the date if given.
pub fn cover_page(m: &Metrics, words: &Words, meta: &Meta) -> Result<Page, PdfError> {
    let frame = Frame::portrait();
    let mut items: Vec<Item> = Vec::new();
    let mut y = frame.top + 40.0 * MM;
    for text in [meta.unit_name.as_str(), meta.subtitle.as_str()] {
        y = centred(
            m,
            words,
            &mut items,
            &frame,
            (Role::Title, text),
            26.0,
            1.7,
            y,
        )? + 10.0;
    }
    if let Some(date) = &meta.issued {
        let y = frame.bottom() - 40.0 * MM;
        centred(
            m,
            words,
            &mut items,
            &frame,
            (Role::Body, date),
            16.0,
            1.6,
            y,
        )?;
    }
    Ok(Page {
        width: frame.page_w,
        height: frame.page_h,
        items,
        folio: None,
    })
}
