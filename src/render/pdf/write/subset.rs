//! Font subsetting for the printpdf writer: each face is cut down with `subsetter` (fast,
//! deterministic) to the glyphs the pages use and handed to printpdf as a ready subset,
//! so printpdf's own (slow) subsetting stays off. A CFF subset is handed over as a
//! stand-in of the same structure; the real program replaces it when the streams are
//! compressed ([`super::deflate`]). The glyphs of a CFF face are cut out
//! once per process and kept ([`crate::fonts::program::glyph_cache`]). Faces are subset on the worker
//! pool; results come back in face order, so the output never depends on timing.

use crate::fonts::program::sfnt;
use crate::fonts::FontSet;
use crate::render::pdf::error::PdfError;
use printpdf::{FontMetrics, FontType, ParsedFont, PdfFont, PdfFontMetricsStub};
use rayon::prelude::*;
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

/// Glyph ids used per face, each with the character it draws.
pub type UsedGlyphs = BTreeMap<u16, BTreeMap<u16, char>>;

/// A face subset for printpdf and its old → new glyph ids.
pub struct Subset {
    /// The face index in the [`FontSet`].
    pub face: u16,
    /// The subset font, named with its subset tag.
    pub font: PdfFont,
    /// Source glyph id → glyph id in the subset.
    pub remap: BTreeMap<u16, u16>,
    /// The font program to embed: the bare `CFF ` table of an OpenType/CFF subset, the
    /// whole sfnt of a TrueType one (compressed ahead of time).
    pub program: Vec<u8>,
    /// What printpdf writes in the program's place when it was handed a stand-in (a CFF
    /// of the same structure with empty charstrings: printpdf reads the structure, and the
    /// real program's hundreds of KB are neither copied nor parsed by it); `None` when it
    /// writes the program itself.
    pub stand_in: Option<Vec<u8>>,
}

/// Subsets every face in `used`, in parallel, returning the subsets in face order.
pub fn subset_all(fonts: &FontSet, used: &UsedGlyphs) -> Result<Vec<Subset>, PdfError> {
    let faces: Vec<(&u16, &BTreeMap<u16, char>)> = used.iter().collect();
    faces
        .into_par_iter()
        .map(|(&face, glyphs)| subset_face(fonts, face, glyphs))
        .collect()
}

/// Subsets one face to `glyphs` and wraps it for printpdf.
fn subset_face(
    fonts: &FontSet,
    face: u16,
    glyphs: &BTreeMap<u16, char>,
) -> Result<Subset, PdfError> {
    let loaded = fonts
        .faces()
        .get(usize::from(face))
        .ok_or_else(|| PdfError::Write(format!("未知字体 {face}")))?;
    let err = |reason: String| PdfError::Subset {
        font: loaded.name.clone(),
        reason,
    };
    let data = loaded.data.as_slice();
    let mut remapper = GlyphRemapper::new();
    let remap: BTreeMap<u16, u16> = glyphs
        .keys()
        .map(|&gid| (gid, remapper.remap(gid)))
        .collect();
    let chars: BTreeMap<char, u16> = glyphs
        .iter()
        .filter_map(|(gid, &ch)| remap.get(gid).map(|&new| (ch, new)))
        .collect();
    let source = ttf_parser::Face::parse(data, loaded.index).map_err(|e| err(e.to_string()))?;
    let cff_face = source
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"CFF "))
        .is_some();
    let kept = if cff_face {
        let gids: Vec<u16> = glyphs.keys().copied().filter(|&g| g != 0).collect();
        loaded.glyphs.subset(data, loaded.index, &gids, face).ok()
    } else {
        None
    };
    let (bytes, program, stand_in) = match kept {
        Some((cff, stand_in)) => {
            let table = vec![(*b"CFF ", stand_in.clone())];
            let sfnt = sfnt::with_tables(b"OTTO\0\0\0\0\0\0\0\0", table)
                .ok_or_else(|| err("子集字体结构无效".into()))?;
            (sfnt, cff, Some(stand_in))
        }
        None => {
            let (bytes, program) =
                direct(data, loaded.index, &remapper, &source, &chars).map_err(err)?;
            (bytes, program, None)
        }
    };
    let is_cff = sfnt::table(&bytes, b"CFF ").is_some();
    let name = format!(
        "{}+{}",
        subset_tag(face, glyphs),
        loaded.name.replace(' ', "")
    );
    let font = PdfFont::new(font_record(&source, bytes, name, &remap, &chars, is_cff));
    Ok(Subset {
        face,
        font,
        remap,
        program,
        stand_in,
    })
}

/// A subset made by `subsetter` in one go (TrueType faces, or a CFF face whose kept glyphs
/// could not be used): the sfnt for printpdf and the program it embeds. A TrueType subset
/// gets a `cmap` and the source's `OS/2` back.
fn direct(
    data: &[u8],
    index: u32,
    remapper: &GlyphRemapper,
    source: &ttf_parser::Face<'_>,
    chars: &BTreeMap<char, u16>,
) -> Result<(Vec<u8>, Vec<u8>), String> {
    let bytes = subsetter::subset(data, index, remapper).map_err(|e| e.to_string())?;
    if let Some(cff) = sfnt::table(&bytes, b"CFF ") {
        let program = cff.to_vec();
        return Ok((bytes, program));
    }
    let mut extra = vec![(*b"cmap", sfnt::cmap(chars))];
    if let Some(os2) = source
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"OS/2"))
    {
        extra.push((*b"OS/2", os2.to_vec()));
    }
    let bytes = sfnt::with_tables(&bytes, extra).ok_or("子集字体结构无效")?;
    Ok((bytes.clone(), bytes))
}

/// printpdf's record of a subset font, filled from the source face's metrics: the subset
/// program to embed, advance widths under the new glyph ids (for `/W`), the character map
/// and the font-descriptor metrics. Nothing is parsed again.
fn font_record(
    source: &ttf_parser::Face<'_>,
    program: Vec<u8>,
    name: String,
    remap: &BTreeMap<u16, u16>,
    chars: &BTreeMap<char, u16>,
    is_cff: bool,
) -> ParsedFont {
    let units_per_em = source.units_per_em();
    let glyph_widths = remap
        .iter()
        .map(|(&old, &new)| {
            let advance = source.glyph_hor_advance(ttf_parser::GlyphId(old));
            (new, advance.unwrap_or(0))
        })
        .collect();
    let bbox = source.global_bounding_box();
    let hhea = source
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"hhea"));
    let caret = |at: usize| {
        hhea.and_then(|t| t.get(at..at + 2))
            .map_or(0, |b| i16::from_be_bytes([b[0], b[1]]))
    };
    ParsedFont {
        original_bytes: program,
        font_index: 0,
        font_name: Some(name),
        codepoint_to_glyph: chars.iter().map(|(&c, &g)| (c as u32, g)).collect(),
        glyph_widths,
        units_per_em,
        font_metrics: FontMetrics {
            ascent: source.ascender(),
            descent: source.descender(),
        },
        font_type: if is_cff {
            FontType::OpenTypeCFF(())
        } else {
            FontType::TrueType
        },
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em,
            x_min: bbox.x_min,
            y_min: bbox.y_min,
            x_max: bbox.x_max,
            y_max: bbox.y_max,
            caret_slope_rise: if hhea.is_some() { caret(18) } else { 1 },
            caret_slope_run: caret(20),
            us_weight_class: source.weight().to_number(),
        },
    }
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
