//! The font objects of each subset face (ISO 32000-1 §9.7): a Type0 font with
//! `Identity-H` codes (the subset's glyph ids), its CID font with the advances (`/W`),
//! the descriptor with the embedded program, and a ToUnicode map from each glyph to the
//! character it draws.
//!
//! A *spread face* (see [`super::draw`]) is a second Type0 font of the same face whose
//! advances are wider by whole hundredths of an em: it shares the program, the descriptor
//! and the ToUnicode map, so it costs a few dozen bytes; glyphs stand where layout placed
//! them, and each glyph's box as an extractor measures it reaches the next glyph.

use super::deflate::deflate;
use super::draw::font_name;
use super::file::PdfFile;
use super::subset::{Metrics, Subset};
use super::syntax::{Ref, Syntax};
use crate::render::pdf::error::PdfError;
use std::collections::{BTreeMap, BTreeSet};

/// The advance a CID font gives a glyph its `/W` does not list, in thousandths of an em.
const DEFAULT_ADVANCE: f32 = 1000.0;

/// Adds the objects of every subset (with `packed`, its program compressed) and of the
/// spread faces in `spread`; returns the pages' font resource dictionary.
pub fn embed(
    file: &mut PdfFile,
    subsets: Vec<(Subset, Vec<u8>)>,
    spread: &BTreeSet<(u16, u16)>,
) -> Result<Vec<u8>, PdfError> {
    let mut resources = Vec::with_capacity(64 * (subsets.len() + spread.len()));
    resources.raw("<<");
    for (subset, packed) in subsets {
        let shared = shared_objects(file, &subset, packed)?;
        let widens = std::iter::once(0).chain(
            spread
                .iter()
                .filter(|(face, _)| *face == subset.face)
                .map(|&(_, widen)| widen),
        );
        for widen in widens {
            let font = file.add(type0(&subset, shared, widen));
            font_name(&mut resources, subset.face, widen);
            resources.raw(" ").reference(font);
        }
    }
    resources.raw(">>");
    Ok(resources)
}

/// The objects all fonts of one face share: the descriptor (with the program) and the
/// ToUnicode map.
#[derive(Clone, Copy)]
struct Shared {
    descriptor: Ref,
    to_unicode: Ref,
}

fn shared_objects(
    file: &mut PdfFile,
    subset: &Subset,
    packed: Vec<u8>,
) -> Result<Shared, PdfError> {
    let mut dict = Vec::new();
    if subset.cff {
        dict.raw("<</Subtype/CIDFontType0C/Filter/FlateDecode>>");
    } else {
        dict.raw("<</Length1 ")
            .int(subset.program.len() as i64)
            .raw("/Filter/FlateDecode>>");
    }
    let program = file.add_stream(dict, packed);
    let descriptor = file.add(descriptor(subset, program));
    let map = to_unicode(&subset.chars);
    let to_unicode = file.add_stream(b"<</Filter/FlateDecode>>".to_vec(), deflate(&map)?);
    Ok(Shared {
        descriptor,
        to_unicode,
    })
}

fn descriptor(subset: &Subset, program: Ref) -> Vec<u8> {
    let Metrics {
        ascent,
        descent,
        cap_height,
        bbox,
        italic_angle,
        flags,
        stem_v,
    } = subset.metrics;
    let mut out = Vec::with_capacity(256);
    out.raw("<</Type/FontDescriptor/FontName")
        .name(&subset.name)
        .raw("/Flags ")
        .int(flags)
        .raw("/FontBBox[");
    for (i, v) in bbox.iter().enumerate() {
        if i > 0 {
            out.raw(" ");
        }
        out.int(*v);
    }
    out.raw("]/ItalicAngle ")
        .int(italic_angle)
        .raw("/Ascent ")
        .int(ascent)
        .raw("/Descent ")
        .int(descent)
        .raw("/CapHeight ")
        .int(cap_height)
        .raw("/StemV ")
        .int(stem_v)
        .raw(if subset.cff {
            "/FontFile3 "
        } else {
            "/FontFile2 "
        })
        .reference(program)
        .raw(">>");
    out
}

/// The Type0 font of `subset` with every advance `widen` thousandths of an em wider.
fn type0(subset: &Subset, shared: Shared, widen: u16) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + 8 * subset.widths.len());
    out.raw("<</Type/Font/Subtype/Type0/BaseFont")
        .name(&subset.name)
        .raw("/Encoding/Identity-H/ToUnicode ")
        .reference(shared.to_unicode)
        .raw("/DescendantFonts[<</Type/Font/Subtype")
        .raw(if subset.cff {
            "/CIDFontType0"
        } else {
            "/CIDFontType2/CIDToGIDMap/Identity"
        })
        .raw("/BaseFont")
        .name(&subset.name)
        .raw("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ")
        .reference(shared.descriptor)
        .raw("/DW ")
        .real(DEFAULT_ADVANCE + f32::from(widen))
        .raw("/W");
    w_array(&mut out, &subset.widths, f32::from(widen));
    out.raw(">>]>>");
    out
}

/// Appends a `/W` array listing, widened by `widen`, the advances other than
/// [`DEFAULT_ADVANCE`] (the others are the widened `/DW`), consecutive CIDs in one list.
fn w_array(out: &mut Vec<u8>, widths: &BTreeMap<u16, f32>, widen: f32) {
    out.raw("[");
    let mut next: Option<u16> = None;
    for (&cid, &advance) in widths.iter().filter(|(_, &a)| a != DEFAULT_ADVANCE) {
        if next != Some(cid) {
            if next.is_some() {
                out.raw("]");
            }
            out.int(i64::from(cid)).raw("[");
        } else {
            out.raw(" ");
        }
        out.real(advance + widen);
        next = cid.checked_add(1);
    }
    if next.is_some() {
        out.raw("]");
    }
    out.raw("]");
}

/// The ToUnicode CMap of a subset: each glyph id to its character (UTF-16BE), in
/// `bfchar` blocks of at most 100.
fn to_unicode(chars: &BTreeMap<u16, char>) -> Vec<u8> {
    let mut out = Vec::with_capacity(400 + 16 * chars.len());
    out.raw(
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n\
         /CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = chars.iter().collect();
    for block in entries.chunks(100) {
        out.int(block.len() as i64).raw(" beginbfchar\n");
        for (&gid, &ch) in block {
            let mut utf8 = [0u8; 4];
            out.hex(&gid.to_be_bytes())
                .utf16(ch.encode_utf8(&mut utf8))
                .raw("\n");
        }
        out.raw("endbfchar\n");
    }
    out.raw("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(widths: &[(u16, f32)], widen: f32) -> String {
        let mut out = Vec::new();
        w_array(&mut out, &widths.iter().copied().collect(), widen);
        String::from_utf8(out).expect("ascii")
    }

    #[test]
    fn only_advances_other_than_the_default_are_listed_widened() {
        let widths = [(1, 500.0), (2, 500.0), (3, 1000.0), (4, 1000.0), (5, 278.0)];
        assert_eq!(w(&widths, 150.0), "[1[650 650]5[428]]");
        assert_eq!(w(&widths, 0.0), "[1[500 500]5[278]]");
        assert_eq!(w(&[(1, 1000.0)], 0.0), "[]");
        assert_eq!(w(&[(7, 333.5), (8, 250.0)], 0.0), "[7[333.5 250]]");
    }

    #[test]
    fn the_map_gives_each_glyph_its_character() {
        let chars: BTreeMap<u16, char> = (1..=150u16)
            .map(|g| (g, char::from_u32(0x4E00 + u32::from(g)).expect("han")))
            .chain([(151, '𠀀')])
            .collect();
        let map = String::from_utf8(to_unicode(&chars)).expect("ascii");
        assert!(map.contains("100 beginbfchar\n<0001><4E01>\n"));
        assert!(map.contains("51 beginbfchar\n<0065><4E65>\n"));
        assert!(map.contains("<0097><D840DC00>\n"));
        assert_eq!(map.matches("endbfchar").count(), 2);
    }
}
