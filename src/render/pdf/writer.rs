//! The PDF writer: draws laid-out pages with printpdf. The only module that uses printpdf.
//!
//! Each font is subset here with `subsetter` (fast, deterministic) to the glyphs the pages
//! use, and printpdf embeds that subset as is (its own subsetting and its level-9 stream
//! compression are off; [`super::outline`] deflates the streams at a fast level). Glyphs are
//! written by id, each carrying its character for the ToUnicode map, with `TJ` offsets
//! that put every glyph exactly where layout placed it. Font resource names are fixed
//! (`F0`, `F1`, …) so the bytes never depend on a global counter.

use super::fonts::FontSet;
use super::frame::MM;
use super::pages::{Glyph, Item, Page};
use super::sfnt;
use super::PdfError;
use crate::document::Document;
use printpdf::{
    Codepoint, Color, FontId, Greyscale, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op,
    PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Polygon, PolygonRing, Pt, TextItem, TextMatrix, WindingOrder,
};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

/// Writes `pages` as a PDF (metadata and outline are added by [`super::outline`]).
pub fn write(pages: &[Page], fonts: &FontSet, doc: &Document) -> Result<Vec<u8>, PdfError> {
    let used = used_glyphs(pages);
    let mut pdf = PdfDocument::new(&doc.meta.title);
    let mut remaps = BTreeMap::new();
    for (&face, glyphs) in &used {
        let (font, remap) = subset_face(fonts, face, glyphs)?;
        pdf.resources.fonts.map.insert(font_id(face), font);
        remaps.insert(face, remap);
    }
    pdf.pages = pages.iter().map(|p| draw_page(p, &remaps)).collect();
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    Ok(pdf.save(&opts, &mut warnings))
}

fn font_id(face: u16) -> FontId {
    FontId(format!("F{face}"))
}

/// Glyph ids used per face, each with its character.
fn used_glyphs(pages: &[Page]) -> BTreeMap<u16, BTreeMap<u16, char>> {
    let mut used: BTreeMap<u16, BTreeMap<u16, char>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text { face, glyphs, .. } = item {
                let set = used.entry(*face).or_default();
                for g in glyphs {
                    set.entry(g.gid).or_insert(g.ch);
                }
            }
        }
    }
    used
}

/// Subsets one face to `glyphs` and wraps it for printpdf; returns old → new glyph ids.
fn subset_face(
    fonts: &FontSet,
    face: u16,
    glyphs: &BTreeMap<u16, char>,
) -> Result<(PdfFont, BTreeMap<u16, u16>), PdfError> {
    let loaded = fonts
        .faces()
        .get(usize::from(face))
        .ok_or_else(|| PdfError::Write(format!("未知字体 {face}")))?;
    let err = |reason: String| PdfError::Subset {
        font: loaded.name.clone(),
        reason,
    };
    let mut remapper = GlyphRemapper::new();
    let remap: BTreeMap<u16, u16> = glyphs
        .keys()
        .map(|&gid| (gid, remapper.remap(gid)))
        .collect();
    let bytes =
        subsetter::subset(&loaded.data, loaded.index, &remapper).map_err(|e| err(e.to_string()))?;
    let chars: BTreeMap<char, u16> = glyphs
        .iter()
        .filter_map(|(gid, &ch)| remap.get(gid).map(|&new| (ch, new)))
        .collect();
    let mut extra = vec![(*b"cmap", sfnt::cmap(&chars))];
    if let Some(os2) = ttf_parser::RawFace::parse(&loaded.data, loaded.index)
        .ok()
        .and_then(|f| f.table(ttf_parser::Tag::from_bytes(b"OS/2")))
    {
        extra.push((*b"OS/2", os2.to_vec()));
    }
    let bytes = sfnt::with_tables(&bytes, extra).ok_or_else(|| err("子集字体结构无效".into()))?;
    let mut warnings = Vec::new();
    let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| err(format!("printpdf 无法解析子集字体: {warnings:?}")))?;
    parsed.font_name = Some(format!(
        "{}+{}",
        subset_tag(face, glyphs),
        loaded.name.replace(' ', "")
    ));
    Ok((PdfFont::new(parsed), remap))
}

/// A six-letter subset tag derived from the face and its glyph set (stable across runs).
fn subset_tag(face: u16, glyphs: &BTreeMap<u16, char>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(face);
    for gid in glyphs.keys() {
        for b in gid.to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

fn draw_page(page: &Page, remaps: &BTreeMap<u16, BTreeMap<u16, u16>>) -> PdfPage {
    let h = page.height;
    let mut ops = Vec::new();
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
    ops.push(Op::SetOutlineColor { col: grey(0.0) });
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
    ops.push(Op::SetFillColor { col: grey(0.0) });
    ops.push(Op::StartTextSection);
    let mut font: Option<(u16, f32)> = None;
    for item in &page.items {
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
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(*x), Pt(h - y)),
            });
            let empty = BTreeMap::new();
            let remap = remaps.get(face).unwrap_or(&empty);
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(codepoints(glyphs, *size, remap))],
            });
        }
    }
    ops.push(Op::EndTextSection);
    PdfPage::new(Mm(page.width / MM), Mm(page.height / MM), ops)
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
