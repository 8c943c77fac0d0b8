//! Font subsetting for the printpdf writer: each face is cut down with `subsetter` (fast,
//! deterministic) to the glyphs the pages use and handed to printpdf as a ready subset,
//! so printpdf's own (slow) subsetting stays off. Faces are subset on worker threads,
//! one per face; results come back in face order, so the output never depends on timing.

use super::fonts::FontSet;
use super::sfnt;
use super::PdfError;
use printpdf::{ParsedFont, PdfFont};
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
    /// The font program printpdf is expected to embed: the bare `CFF ` table of an
    /// OpenType/CFF subset, the whole sfnt of a TrueType one (compressed ahead of time).
    pub program: Vec<u8>,
}

/// Subsets every face in `used`, in parallel, returning the subsets in face order.
pub fn subset_all(fonts: &FontSet, used: &UsedGlyphs) -> Result<Vec<Subset>, PdfError> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = used
            .iter()
            .map(|(&face, glyphs)| {
                let work = move || subset_face(fonts, face, glyphs);
                std::thread::Builder::new()
                    .spawn_scoped(scope, work)
                    .map_err(|_| (face, glyphs))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle {
                Ok(h) => h
                    .join()
                    .unwrap_or_else(|_| Err(PdfError::Write("字体子集化线程异常终止".into()))),
                Err((face, glyphs)) => subset_face(fonts, face, glyphs),
            })
            .collect()
    })
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
    let bytes = subsetter::subset(data, loaded.index, &remapper).map_err(|e| err(e.to_string()))?;
    let chars: BTreeMap<char, u16> = glyphs
        .iter()
        .filter_map(|(gid, &ch)| remap.get(gid).map(|&new| (ch, new)))
        .collect();
    let mut extra = vec![(*b"cmap", sfnt::cmap(&chars))];
    if let Some(os2) = ttf_parser::RawFace::parse(data, loaded.index)
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
    let program = sfnt::table(&bytes, b"CFF ").map_or_else(|| bytes.clone(), <[u8]>::to_vec);
    Ok(Subset {
        face,
        font: PdfFont::new(parsed),
        remap,
        program,
    })
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
