//! A page's content stream: fills first, then rules, then the text runs (the folio's last,
//! turned on a landscape page). Glyphs are written by id, each carrying its character for
//! the ToUnicode map, and put exactly where layout placed them by character spacing (`Tc`)
//! — never by inserted characters, nor by `TJ` offsets, which viewers such as pdf.js read
//! as word gaps — so a justified line extracts as the sentence it sets.
//!
//! Text extractors read a gap wider than about 0.15 em as a word space (poppler's raw
//! order; pdfplumber at 3 pt), and justification may open up to ¼ em. So a run spread
//! wider than [`SPACING_LIMIT`] is shown in a *spread face* (see [`super::spread`]): the
//! same embedded program whose `/W` advances are wider by whole hundredths of an em, the
//! rest stays `Tc`. The glyphs stand where they did; the extractor's box of each glyph
//! reaches the next one. Font resource names are fixed (`F0`, `F1`, …, spread faces
//! `F0w150`, …) so the bytes never depend on a global counter.

use crate::render::pdf::page::frame::MM;
use crate::render::pdf::page::{Glyph, Item, Page};
use printpdf::{
    Codepoint, Color, FontId, Greyscale, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op,
    PaintMode, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix,
    WindingOrder,
};
use std::collections::{BTreeMap, BTreeSet};

/// The widest character spacing, in em, that a run shows by `Tc` alone: below every
/// extractor's word space. Spacing beyond it is carried by a spread face.
const SPACING_LIMIT: f32 = 0.14;

/// The resource name of face `face`: `F0`, `F1`, ….
pub fn font_id(face: u16) -> FontId {
    FontId(format!("F{face}"))
}

/// The resource name of face `face` spread by `widen` thousandths of an em: `F0w150`, …
/// (`F0` when `widen` is 0).
pub fn spread_font_id(face: u16, widen: u16) -> FontId {
    if widen == 0 {
        font_id(face)
    } else {
        FontId(format!("F{face}w{widen}"))
    }
}

/// The page's content: fills, then rules, then text, with graphics state set only where
/// it changes. Adds to `spread` each spread face (face, widen) the page shows.
pub fn draw_page(
    page: &Page,
    remaps: &BTreeMap<u16, BTreeMap<u16, u16>>,
    spread: &mut BTreeSet<(u16, u16)>,
) -> PdfPage {
    let mut ops = Vec::new();
    draw_fills(&mut ops, page);
    ops.push(Op::SetOutlineColor { col: grey(0.0) });
    draw_rules(&mut ops, page);
    ops.push(Op::SetFillColor { col: grey(0.0) });
    ops.push(Op::StartTextSection);
    let mut state = TextState::default();
    draw_texts(&mut ops, page, remaps, &mut state);
    ops.push(Op::EndTextSection);
    spread.extend(state.spread);
    PdfPage::new(Mm(page.width / MM), Mm(page.height / MM), ops)
}

/// The page's filled rectangles (header shading, chart bars), in drawing order.
fn draw_fills(ops: &mut Vec<Op>, page: &Page) {
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
                ops.push(Op::SetFillColor { col: grey(*gray) });
                fill = Some(*gray);
            }
            let pts = [
                (*x, h - y),
                (x + w, h - y),
                (x + w, h - y - rh),
                (*x, h - y - rh),
            ];
            let ring = PolygonRing {
                points: pts.iter().map(|&(a, b)| point(a, b)).collect(),
            };
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
    }
}

/// The page's rules (table rules, 目录 leaders), solid or dotted, in drawing order.
fn draw_rules(ops: &mut Vec<Op>, page: &Page) {
    let h = page.height;
    let mut stroke: Option<(f32, bool)> = None;
    for item in &page.items {
        if let Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            dotted,
        } = item
        {
            if stroke != Some((*width, *dotted)) {
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let (cap, pattern) = if *dotted {
                    (LineCapStyle::Round, vec![0.0, 3.0])
                } else {
                    (LineCapStyle::Butt, vec![])
                };
                ops.push(Op::SetLineCapStyle { cap });
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::new(0.0, &pattern),
                });
                stroke = Some((*width, *dotted));
            }
            let line = Line {
                points: vec![point(*x1, h - y1), point(*x2, h - y2)],
                is_closed: false,
            };
            ops.push(Op::DrawLine { line });
        }
    }
}

/// The page's glyph runs, then its folio's (turned on a landscape page), each glyph by
/// its id in the face's subset.
fn draw_texts(
    ops: &mut Vec<Op>,
    page: &Page,
    remaps: &BTreeMap<u16, BTreeMap<u16, u16>>,
    state: &mut TextState,
) {
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
            let empty = BTreeMap::new();
            let remap = remaps.get(face).unwrap_or(&empty);
            let spacing = spacings(glyphs, follower, *size);
            show_run(
                ops,
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
    ops: &mut Vec<Op>,
    state: &mut TextState,
    (face, size): (u16, f32),
    (origin, glyphs, spacing): ([f32; 6], &[Glyph], &[f32]),
    remap: &BTreeMap<u16, u16>,
) {
    let Some(first) = glyphs.first() else {
        return;
    };
    let tc = spacing.iter().copied().fold(f32::MIN, f32::max);
    let widen = spread_of(tc, size);
    if state.font != Some((face, widen, size)) {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(spread_font_id(face, widen)),
            size: Pt(size),
        });
        state.font = Some((face, widen, size));
        if widen > 0 {
            state.spread.insert((face, widen));
        }
    }
    let own = tc - f32::from(widen) * size / 1000.0;
    let own = (own * 1000.0).round() / 1000.0;
    if state.spacing != own {
        ops.push(Op::SetCharacterSpacing { multiplier: own });
        state.spacing = own;
    }
    let [a, b, c, d, e, f] = origin;
    let dx = first.x;
    let matrix = if [a, b, c, d] == [1.0, 0.0, 0.0, 1.0] {
        TextMatrix::Translate(Pt(e + dx), Pt(f))
    } else {
        TextMatrix::Raw([a, b, c, d, e + a * dx, f + b * dx])
    };
    ops.push(Op::SetTextMatrix { matrix });
    let codepoints = glyphs
        .iter()
        .zip(spacing)
        .enumerate()
        .map(|(i, (g, &space))| {
            let tighten = (tc - space) * 1000.0 / size;
            let offset = if i + 1 == glyphs.len() || tighten < 0.05 {
                0.0
            } else {
                (tighten * 100.0).round() / 100.0
            };
            Codepoint {
                gid: remap.get(&g.gid).copied().unwrap_or(0),
                offset,
                cid: Some(g.ch.to_string()),
            }
        })
        .collect();
    ops.push(Op::ShowText {
        items: vec![TextItem::GlyphIds(codepoints)],
    });
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

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}
