//! A page's content stream: fills first, then rules, then the text runs (the folio's last,
//! turned on a landscape page). Glyphs are written by id, each carrying its character for
//! the ToUnicode map, and put exactly where layout placed them by character spacing (`Tc`)
//! — never by inserted characters, nor by `TJ` offsets, which viewers such as pdf.js read
//! as word gaps — so a justified line extracts as the sentence it sets.
//!
//! Text extractors read a gap wider than about 0.15 em as a word space (poppler's raw
//! order; pdfplumber at 3 pt), and justification may open up to ¼ em. So a run spread
//! wider than [`SPACING_LIMIT`] is shown in a *spread face* (see [`super::fonts`]): the
//! same embedded program whose `/W` advances are wider by whole hundredths of an em, the
//! rest stays `Tc`. The glyphs stand where they did; the extractor's box of each glyph
//! reaches the next one. Font resource names are fixed (`F0`, `F1`, …, spread faces
//! `F0w150`, …) so the bytes never depend on a global counter. Operators are written
//! straight into the stream's bytes; glyphs between two offsets share one hex string.

use super::rules::draw_rules;
use super::syntax::{hex_byte, Syntax};
use crate::render::pdf::page::{Glyph, Item, Page};
use std::collections::BTreeSet;

/// The widest character spacing, in em, that a run shows by `Tc` alone: below every
/// extractor's word space. Spacing beyond it is carried by a spread face.
const SPACING_LIMIT: f32 = 0.14;

/// A page's content stream (not yet compressed) and the spread faces (face, widen) it
/// shows.
pub struct Drawn {
    /// The content stream.
    pub content: Vec<u8>,
    /// The spread faces the page shows.
    pub spread: BTreeSet<(u16, u16)>,
}

/// Appends the resource name of face `face` spread by `widen` thousandths of an em:
/// `/F0`, `/F1`, … when `widen` is 0, else `/F0w150`, ….
pub fn font_name(out: &mut Vec<u8>, face: u16, widen: u16) {
    out.raw("/F").int(i64::from(face));
    if widen > 0 {
        out.raw("w").int(i64::from(widen));
    }
}

/// The page's content: fills, then rules, then text, with graphics state set only where
/// it changes; `ids[face][gid]` is glyph `gid`'s id in the subset of `face`.
pub fn draw_page(page: &Page, ids: &[Vec<u16>]) -> Drawn {
    let mut out = Vec::with_capacity(page.items.len() * 48 + 256);
    draw_fills(&mut out, page);
    out.raw("0 G\n");
    draw_rules(&mut out, page);
    out.raw("0 g\nBT\n");
    let mut state = TextState::default();
    draw_texts(&mut out, page, ids, &mut state);
    out.raw("ET\n");
    Drawn {
        content: out,
        spread: state.spread,
    }
}

/// The page's filled rectangles (header shading, chart bars), in drawing order.
fn draw_fills(out: &mut Vec<u8>, page: &Page) {
    let h = page.height;
    let mut fill: Option<f32> = None;
    for item in &page.items {
        if let Item::Fill {
            x,
            y,
            w,
            h: rh,
            gray,
        } = item
        {
            if fill != Some(*gray) {
                out.real(*gray).raw(" g\n");
                fill = Some(*gray);
            }
            out.real(*x).raw(" ").real(h - y - rh).raw(" ");
            out.real(*w).raw(" ").real(*rh).raw(" re f\n");
        }
    }
}

/// The page's glyph runs, then its folio's (turned on a landscape page), each glyph by
/// its id in the face's subset.
fn draw_texts(out: &mut Vec<u8>, page: &Page, ids: &[Vec<u16>], state: &mut TextState) {
    let h = page.height;
    let turned = page.folio.as_ref().is_some_and(|f| f.turned);
    let folio: Vec<(&Item, bool)> = page
        .folio
        .iter()
        .flat_map(|f| &f.items)
        .map(|i| (i, turned))
        .collect();
    let items: Vec<(&Item, bool)> = page.items.iter().map(|i| (i, false)).chain(folio).collect();
    for (k, &(item, turned)) in items.iter().enumerate() {
        if let Item::Text {
            x,
            y,
            size,
            face,
            glyphs,
        } = item
        {
            let origin = if turned {
                [0.0, -1.0, 1.0, 0.0, *x, h - y]
            } else {
                [1.0, 0.0, 0.0, 1.0, *x, h - y]
            };
            let follower = items.get(k + 1).and_then(|(next, t)| match next {
                Item::Text { x: nx, y: ny, .. } if *t == turned && (ny - y).abs() < 0.01 => {
                    Some(nx - x)
                }
                _ => None,
            });
            let remap = ids.get(usize::from(*face)).map_or(&[][..], Vec::as_slice);
            let spacing = spacings(glyphs, follower, *size);
            show_run(
                out,
                state,
                (*face, *size),
                (origin, glyphs, &spacing),
                remap,
            );
        }
    }
}

/// The text state set so far in a content stream: face, spread and size, and character
/// spacing; and the spread faces shown.
#[derive(Default)]
struct TextState {
    font: Option<(u16, u16, f32)>,
    spacing: f32,
    spread: BTreeSet<(u16, u16)>,
}

/// The space after each glyph beyond its natural advance, in points, rounded to a
/// thousandth: what brings the next glyph where layout placed it (`follower` is where the
/// next run on the same baseline starts, relative to this one). Justification and the
/// body's compression are spacing, never characters.
fn spacings(glyphs: &[Glyph], follower: Option<f32>, size: f32) -> Vec<f32> {
    let round = |d: f32| (d * 1000.0).round() / 1000.0;
    let mut out: Vec<f32> = glyphs
        .windows(2)
        .map(|w| round(w[1].x - w[0].x - w[0].advance))
        .collect();
    let last = glyphs.last().map(|g| {
        follower
            .map(|fx| round(fx - g.x - g.advance))
            .filter(|d| d.abs() < size / 2.0)
            .or_else(|| out.last().copied())
            .unwrap_or(0.0)
    });
    out.extend(last);
    out
}

/// Shows `glyphs` from `origin` (a text matrix) with `Tc` set to the widest of their
/// `spacing`s and a `TJ` offset that draws each glyph whose spacing is narrower back to its
/// place: every glyph stands where layout placed it, each advance as a text extractor
/// measures it reaches at least the next glyph, and the offsets only ever tighten, so
/// spreading a line never reads as spaces between its characters.
fn show_run(
    out: &mut Vec<u8>,
    state: &mut TextState,
    (face, size): (u16, f32),
    (origin, glyphs, spacing): ([f32; 6], &[Glyph], &[f32]),
    remap: &[u16],
) {
    let Some(first) = glyphs.first() else {
        return;
    };
    let tc = spacing.iter().copied().fold(f32::MIN, f32::max);
    let widen = spread_of(tc, size);
    if state.font != Some((face, widen, size)) {
        font_name(out, face, widen);
        out.raw(" ").real(size).raw(" Tf\n");
        state.font = Some((face, widen, size));
        if widen > 0 {
            state.spread.insert((face, widen));
        }
    }
    let own = tc - f32::from(widen) * size / 1000.0;
    let own = (own * 1000.0).round() / 1000.0;
    if state.spacing != own {
        out.real(own).raw(" Tc\n");
        state.spacing = own;
    }
    let [a, b, c, d, e, f] = origin;
    let dx = first.x;
    for v in [a, b, c, d, e + a * dx, f + b * dx] {
        out.real(v).raw(" ");
    }
    out.raw("Tm\n[<");
    for (i, (g, &space)) in glyphs.iter().zip(spacing).enumerate() {
        let gid = remap.get(usize::from(g.gid)).copied().unwrap_or(0);
        for byte in gid.to_be_bytes() {
            hex_byte(out, byte);
        }
        let tighten = (tc - space) * 1000.0 / size;
        if i + 1 < glyphs.len() && tighten >= 0.05 {
            out.raw(">").real2(tighten).raw("<");
        }
    }
    out.raw(">]TJ\n");
}

/// How much wider, in thousandths of an em, the advances of a run with character spacing
/// `tc` at `size` are made: none up to [`SPACING_LIMIT`], else the spacing's whole
/// hundredths of an em (what remains, under 0.01 em, is `Tc`).
fn spread_of(tc: f32, size: f32) -> u16 {
    let em = tc / size;
    if em <= SPACING_LIMIT || !em.is_finite() {
        return 0;
    }
    ((em * 100.0).floor().min(50.0) as u16) * 10
}
