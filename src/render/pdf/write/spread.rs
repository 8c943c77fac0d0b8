//! Spread faces: a justified run whose character spacing is wider than text extractors
//! allow between the letters of a word is shown in a copy of its face's font dictionary
//! whose advances (`/DW`, `/W`) are wider by the spread. The copy shares the embedded
//! program, the descriptor and the ToUnicode map, so it costs a few dozen bytes; glyphs
//! stand where layout placed them, and each glyph's box as an extractor measures it
//! reaches the next glyph.

use crate::render::pdf::error::PdfError;
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};

/// Adds to the document's font resources a spread face `F{face}w{widen}` for each
/// `(face, widen)` in `spread`: face `F{face}` with every advance `widen` thousandths of
/// an em wider.
pub fn add_spread_faces(
    pdf: &mut lopdf::Document,
    spread: &BTreeSet<(u16, u16)>,
) -> Result<(), PdfError> {
    if spread.is_empty() {
        return Ok(());
    }
    let fonts_id = font_resources(pdf)?;
    for &(face, widen) in spread {
        let base = resource(pdf, fonts_id, &format!("F{face}"))?;
        let copy = widened(pdf, base, widen)?;
        let copy_id = pdf.add_object(copy);
        pdf.get_object_mut(fonts_id)
            .and_then(Object::as_dict_mut)
            .map_err(broken)?
            .set(format!("F{face}w{widen}"), Object::Reference(copy_id));
    }
    Ok(())
}

fn broken(e: lopdf::Error) -> PdfError {
    PdfError::Write(format!("字体资源结构异常：{e}"))
}

/// The font resource dictionary the pages share (printpdf writes one for all pages).
fn font_resources(pdf: &lopdf::Document) -> Result<ObjectId, PdfError> {
    let (_, page) = pdf
        .get_pages()
        .into_iter()
        .next()
        .ok_or_else(|| PdfError::Write("文档没有页面".into()))?;
    let page = pdf.get_dictionary(page).map_err(broken)?;
    let resources = match page.get(b"Resources").map_err(broken)? {
        Object::Reference(id) => pdf.get_dictionary(*id).map_err(broken)?,
        Object::Dictionary(d) => d,
        _ => return Err(PdfError::Write("页面资源不是字典".into())),
    };
    resources
        .get(b"Font")
        .and_then(Object::as_reference)
        .map_err(broken)
}

/// The object a font resource name refers to.
fn resource(pdf: &lopdf::Document, fonts: ObjectId, name: &str) -> Result<ObjectId, PdfError> {
    pdf.get_dictionary(fonts)
        .and_then(|d| d.get(name.as_bytes()))
        .and_then(Object::as_reference)
        .map_err(broken)
}

/// A copy of the Type0 font `base` whose descendant's advances are `widen` wider.
fn widened(pdf: &lopdf::Document, base: ObjectId, widen: u16) -> Result<Dictionary, PdfError> {
    let mut font = pdf.get_dictionary(base).map_err(broken)?.clone();
    let descendants = font.get(b"DescendantFonts").map_err(broken)?;
    let first = match descendants {
        Object::Array(a) => a.first(),
        Object::Reference(id) => pdf
            .get_object(*id)
            .and_then(Object::as_array)
            .map_err(broken)?
            .first(),
        _ => None,
    };
    let mut cid_font = match first {
        Some(Object::Dictionary(d)) => d.clone(),
        Some(Object::Reference(id)) => pdf.get_dictionary(*id).map_err(broken)?.clone(),
        _ => return Err(PdfError::Write("Type0 字体缺少 DescendantFonts".into())),
    };
    let default = cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000);
    let widths = match cid_font.get(b"W") {
        Ok(Object::Array(w)) => advances(w),
        Ok(Object::Reference(id)) => advances(
            pdf.get_object(*id)
                .and_then(Object::as_array)
                .map_err(broken)?,
        ),
        _ => BTreeMap::new(),
    };
    let widen = i64::from(widen);
    cid_font.set("DW", Object::Integer(default + widen));
    cid_font.set("W", Object::Array(w_array(&widths, default, widen)));
    font.set(
        "DescendantFonts",
        Object::Array(vec![Object::Dictionary(cid_font)]),
    );
    Ok(font)
}

fn number(o: &Object) -> Option<i64> {
    match o {
        Object::Integer(i) => Some(*i),
        Object::Real(r) => Some(r.round() as i64),
        _ => None,
    }
}

/// The advance of each CID a `/W` array lists, in both of its forms (`c [w …]` and
/// `c_first c_last w`).
fn advances(w: &[Object]) -> BTreeMap<i64, i64> {
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < w.len() {
        let Some(start) = number(&w[i]) else {
            break;
        };
        match w.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, adv) in list.iter().enumerate() {
                    if let Some(adv) = number(adv) {
                        out.insert(start + k as i64, adv);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(adv)) = (number(last), w.get(i + 2).and_then(number)) else {
                    break;
                };
                for cid in start..=last.min(start + 0xFFFF) {
                    out.insert(cid, adv);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

/// A `/W` array listing, widened by `widen`, the advances that differ from `default`
/// (the others are the widened `/DW`), consecutive CIDs in one list.
fn w_array(widths: &BTreeMap<i64, i64>, default: i64, widen: i64) -> Vec<Object> {
    let mut out = Vec::new();
    let mut run: Option<(i64, Vec<Object>)> = None;
    for (&cid, &adv) in widths.iter().filter(|(_, &a)| a != default) {
        match &mut run {
            Some((start, list)) if *start + list.len() as i64 == cid => {
                list.push(Object::Integer(adv + widen));
            }
            _ => {
                if let Some((start, list)) = run.take() {
                    out.extend([Object::Integer(start), Object::Array(list)]);
                }
                run = Some((cid, vec![Object::Integer(adv + widen)]));
            }
        }
    }
    if let Some((start, list)) = run {
        out.extend([Object::Integer(start), Object::Array(list)]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Vec<Object> {
        v.iter().map(|&i| Object::Integer(i)).collect()
    }

    #[test]
    fn both_forms_of_w_are_read() {
        let w = vec![
            Object::Integer(1),
            Object::Array(ints(&[500, 500, 1000])),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(278),
        ];
        let got = advances(&w);
        let want: BTreeMap<i64, i64> = [
            (1, 500),
            (2, 500),
            (3, 1000),
            (10, 278),
            (11, 278),
            (12, 278),
        ]
        .into();
        assert_eq!(got, want);
    }

    #[test]
    fn only_advances_other_than_the_default_are_listed_widened() {
        let widths: BTreeMap<i64, i64> =
            [(1, 500), (2, 500), (3, 1000), (4, 1000), (5, 278)].into();
        let w = w_array(&widths, 1000, 150);
        assert_eq!(
            w,
            vec![
                Object::Integer(1),
                Object::Array(ints(&[650, 650])),
                Object::Integer(5),
                Object::Array(ints(&[428])),
            ]
        );
    }
}
