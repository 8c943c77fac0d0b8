//! Page numbers: `— n —` under the text block of each body page, on the outer side, and
//! turned along the left edge of a landscape page (GB/T 9704-2012 §10.1).

use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::frame::{Frame, MM};
use crate::render::pdf::page::{Folio, Item, Page};
use crate::render::pdf::text::{self, Align, Span};

/// Prints `— n —` in 4号 below the text block, on the outer side (odd right, even left),
/// one character in from the edge of the block. A landscape page is numbered where a
/// portrait page is once the sheet is held upright with the table's head to the left
/// (GB/T 9704-2012 §10.1): along its left edge, reading downwards.
pub fn number_page(m: &Metrics, page: &mut Page, n: usize) -> Result<(), PdfError> {
    let upright = Frame::portrait();
    let size = 14.0;
    let label = format!("— {n} —");
    let shaped = text::shape(
        m,
        &[Span {
            role: Role::Table,
            text: &label,
        }],
        size,
        1.0,
    )?;
    let w = text::width(&shaped);
    let x = if n % 2 == 1 {
        upright.right() - size - w
    } else {
        upright.left + size
    };
    let baseline = upright.bottom() + 7.0 * MM + 0.88 * size;
    let items = text::place(&shaped, x, baseline, w, size, Align::Left);
    let turned = page.is_landscape();
    let items = if turned {
        // The upright sheet's (x, y) is the landscape page's (width − y, x).
        items
            .into_iter()
            .map(|item| turn(item, page.width))
            .collect()
    } else {
        items
    };
    page.folio = Some(Folio { items, turned });
    Ok(())
}

/// Moves a run set on the upright sheet onto a landscape page of width `page_w`.
fn turn(item: Item, page_w: f32) -> Item {
    match item {
        Item::Text {
            x,
            y,
            size,
            face,
            glyphs,
        } => Item::Text {
            x: page_w - y,
            y: x,
            size,
            face,
            glyphs,
        },
        other => other,
    }
}
