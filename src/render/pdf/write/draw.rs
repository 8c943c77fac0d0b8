//! A page's content stream: fills first, then rules, then the text runs (the folio's last,
//! turned on a landscape page). Glyphs are written by id, each carrying its character for
//! the ToUnicode map, with `TJ` offsets that put every glyph exactly where layout placed
//! it. Font resource names are fixed (`F0`, `F1`, …) so the bytes never depend on a global
//! counter.

use crate::render::pdf::page::frame::MM;
use crate::render::pdf::page::{Glyph, Item, Page};
use printpdf::{
    Codepoint, Color, FontId, Greyscale, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op,
    PaintMode, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix,
    WindingOrder,
};
use std::collections::BTreeMap;

/// The resource name of face `face`: `F0`, `F1`, ….
pub fn font_id(face: u16) -> FontId {
    FontId(format!("F{face}"))
}

/// The page's content: fills, then rules, then text, with graphics state set only where
/// it changes.
pub fn draw_page(page: &Page, remaps: &BTreeMap<u16, BTreeMap<u16, u16>>) -> PdfPage {
    let mut ops = Vec::new();
    draw_fills(&mut ops, page);
    ops.push(Op::SetOutlineColor { col: grey(0.0) });
    draw_rules(&mut ops, page);
    ops.push(Op::SetFillColor { col: grey(0.0) });
    ops.push(Op::StartTextSection);
    draw_texts(&mut ops, page, remaps);
    ops.push(Op::EndTextSection);
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
fn draw_texts(ops: &mut Vec<Op>, page: &Page, remaps: &BTreeMap<u16, BTreeMap<u16, u16>>) {
    let h = page.height;
    let mut font: Option<(u16, f32)> = None;
    let turned = page.folio.as_ref().is_some_and(|f| f.turned);
    let folio = page
        .folio
        .iter()
        .flat_map(|f| &f.items)
        .map(|i| (i, turned));
    for (item, turned) in page.items.iter().map(|i| (i, false)).chain(folio) {
        if let Item::Text {
            x,
            y,
            size,
            face,
            glyphs,
        } = item
        {
            if font != Some((*face, *size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(*face)),
                    size: Pt(*size),
                });
                font = Some((*face, *size));
            }
            let matrix = if turned {
                TextMatrix::Raw([0.0, -1.0, 1.0, 0.0, *x, h - y])
            } else {
                TextMatrix::Translate(Pt(*x), Pt(h - y))
            };
            ops.push(Op::SetTextMatrix { matrix });
            let empty = BTreeMap::new();
            let remap = remaps.get(face).unwrap_or(&empty);
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(codepoints(glyphs, *size, remap))],
            });
        }
    }
}

/// Glyph ids with `TJ` offsets (thousandths of an em) turning natural advances into the
/// positions layout chose.
fn codepoints(glyphs: &[Glyph], size: f32, remap: &BTreeMap<u16, u16>) -> Vec<Codepoint> {
    glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let offset = match glyphs.get(i + 1) {
                Some(next) => {
                    let kern = (g.advance - (next.x - g.x)) * 1000.0 / size;
                    if kern.abs() < 0.05 {
                        0.0
                    } else {
                        (kern * 100.0).round() / 100.0
                    }
                }
                None => 0.0,
            };
            let gid = remap.get(&g.gid).copied().unwrap_or(0);
            Codepoint {
                gid,
                offset,
                cid: Some(g.ch.to_string()),
            }
        })
        .collect()
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
