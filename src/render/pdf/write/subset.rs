//! Font subsetting: each face is cut down to the glyphs the pages use, with `subsetter`
//! (fast, deterministic) or, for a CFF face, from the glyphs kept once per process
//! ([`crate::fonts::program::glyph_cache`]). Each subset carries what its font
//! dictionaries say: the program and its kind, the tagged name, the descriptor's metrics,
//! advances and characters by new glyph id. Faces are subset on the worker pool; results
//! come back in face order, so the output never depends on timing.

use crate::fonts::program::sfnt;
use crate::fonts::FontSet;
use crate::render::pdf::error::PdfError;
use rayon::prelude::*;
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

/// Glyph ids used per face, each with the character it draws.
pub type UsedGlyphs = BTreeMap<u16, BTreeMap<u16, char>>;

/// Source glyph id → glyph id in the subset, per face.
pub type Remaps = BTreeMap<u16, BTreeMap<u16, u16>>;

/// A face subset: what the PDF embeds and says about it.
pub struct Subset {
    /// The face index in the [`FontSet`].
    pub face: u16,
    /// The subset's PostScript name, with its subset tag (`ABCDEF+FandolFang-Regular`).
    pub name: String,
    /// The program to embed: a bare CID-keyed `CFF ` table (glyph id = CID) or a
    /// TrueType sfnt.
    pub program: Vec<u8>,
    /// Whether `program` is a CFF table (else TrueType).
    pub cff: bool,
    /// The font descriptor's metrics.
    pub metrics: Metrics,
    /// Advance of each glyph of the subset in thousandths of an em, by new glyph id.
    pub widths: BTreeMap<u16, f32>,
    /// The character each glyph of the subset draws, by new glyph id.
    pub chars: BTreeMap<u16, char>,
}

/// A font descriptor's metrics, in thousandths of an em (ISO 32000-1 §9.8).
#[derive(Clone, Copy)]
pub struct Metrics {
    /// Height above the baseline.
    pub ascent: i64,
    /// Depth below the baseline (negative).
    pub descent: i64,
    /// Height of flat capitals (the ascent where the face does not say).
    pub cap_height: i64,
    /// The face's bounding box: x min, y min, x max, y max.
    pub bbox: [i64; 4],
    /// Slant in degrees, counter-clockwise from vertical.
    pub italic_angle: i64,
    /// Descriptor flags: non-symbolic, italic when slanted.
    pub flags: i64,
    /// Stem width, estimated from the weight class.
    pub stem_v: i64,
}

/// Each used face's old → new glyph ids: `.notdef` stays 0, the others are numbered from
/// 1 in source order, as `subsetter` numbers them.
pub fn remaps(used: &UsedGlyphs) -> Remaps {
    used.iter()
        .map(|(&face, glyphs)| {
            let mut remapper = GlyphRemapper::new();
            let remap = glyphs
                .keys()
                .map(|&gid| (gid, remapper.remap(gid)))
                .collect();
            (face, remap)
        })
        .collect()
}

/// The remaps as dense tables for drawing: `ids[face][gid]` is the subset's id of source
/// glyph `gid` (0 where unused), an empty table for a face not used.
pub fn dense(remaps: &Remaps) -> Vec<Vec<u16>> {
    let faces = remaps.keys().last().map_or(0, |&f| usize::from(f) + 1);
    let mut ids = vec![Vec::new(); faces];
    for (&face, remap) in remaps {
        let size = remap.keys().last().map_or(0, |&g| usize::from(g) + 1);
        let mut table = vec![0u16; size];
        for (&old, &new) in remap {
            table[usize::from(old)] = new;
        }
        ids[usize::from(face)] = table;
    }
    ids
}

/// Subsets every face in `used`, in parallel, returning the subsets in face order.
pub fn subset_all(
    fonts: &FontSet,
    used: &UsedGlyphs,
    remaps: &Remaps,
) -> Result<Vec<Subset>, PdfError> {
    let faces: Vec<(&u16, &BTreeMap<u16, char>)> = used.iter().collect();
    faces
        .into_par_iter()
        .map(|(&face, glyphs)| {
            let remap = remaps
                .get(&face)
                .ok_or_else(|| PdfError::Write(format!("字体 {face} 缺少字形编号")))?;
            subset_face(fonts, face, glyphs, remap)
        })
        .collect()
}

/// Subsets one face to `glyphs`.
fn subset_face(
    fonts: &FontSet,
    face: u16,
    glyphs: &BTreeMap<u16, char>,
    remap: &BTreeMap<u16, u16>,
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
    let chars: BTreeMap<u16, char> = glyphs
        .iter()
        .filter_map(|(gid, &ch)| remap.get(gid).map(|&new| (new, ch)))
        .collect();
    let source = ttf_parser::Face::parse(data, loaded.index).map_err(|e| err(e.to_string()))?;
    let cff_face = source
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"CFF "))
        .is_some();
    let kept = if cff_face {
        let gids: Vec<u16> = glyphs.keys().copied().filter(|&g| g != 0).collect();
        loaded.glyphs.subset(data, loaded.index, &gids).ok()
    } else {
        None
    };
    let (program, cff) = match kept {
        Some(program) => (program, true),
        None => direct(data, loaded.index, remap, &source, &chars).map_err(err)?,
    };
    let name = format!(
        "{}+{}",
        subset_tag(face, glyphs),
        loaded.name.replace(' ', "")
    );
    Ok(Subset {
        face,
        name,
        program,
        cff,
        metrics: metrics(&source),
        widths: widths(&source, remap),
        chars,
    })
}

/// A subset made by `subsetter` in one go (TrueType faces, or a CFF face whose kept glyphs
/// could not be used): the program and whether it is a bare CFF table. A TrueType subset
/// gets a `cmap` and the source's `OS/2` back, which some viewers look for.
fn direct(
    data: &[u8],
    index: u32,
    remap: &BTreeMap<u16, u16>,
    source: &ttf_parser::Face<'_>,
    chars: &BTreeMap<u16, char>,
) -> Result<(Vec<u8>, bool), String> {
    let gids: Vec<u16> = remap.keys().copied().collect();
    let remapper = GlyphRemapper::new_from_glyphs(&gids);
    let bytes = subsetter::subset(data, index, &remapper).map_err(|e| e.to_string())?;
    if let Some(cff) = sfnt::table(&bytes, b"CFF ") {
        return Ok((cff.to_vec(), true));
    }
    let by_char: BTreeMap<char, u16> = chars.iter().map(|(&gid, &ch)| (ch, gid)).collect();
    let mut extra = vec![(*b"cmap", sfnt::cmap(&by_char))];
    if let Some(os2) = source
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"OS/2"))
    {
        extra.push((*b"OS/2", os2.to_vec()));
    }
    let bytes = sfnt::with_tables(&bytes, extra).ok_or("子集字体结构无效")?;
    Ok((bytes, false))
}

/// Advances of the subset's glyphs in thousandths of an em, by new glyph id.
fn widths(source: &ttf_parser::Face<'_>, remap: &BTreeMap<u16, u16>) -> BTreeMap<u16, f32> {
    let scale = 1000.0 / f32::from(source.units_per_em().max(1));
    remap
        .iter()
        .map(|(&old, &new)| {
            let advance = source.glyph_hor_advance(ttf_parser::GlyphId(old));
            (new, f32::from(advance.unwrap_or(0)) * scale)
        })
        .collect()
}

/// The descriptor's metrics of the source face, scaled to thousandths of an em: the slant
/// from the `hhea` caret, the stem from the weight class (about 88 at 400, 166 at 700, as
/// PDF producers conventionally estimate it; 80 without one).
fn metrics(source: &ttf_parser::Face<'_>) -> Metrics {
    let scale = 1000.0 / f32::from(source.units_per_em().max(1));
    let em = |v: i16| (f32::from(v) * scale).round() as i64;
    let bbox = source.global_bounding_box();
    let hhea = source
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"hhea"));
    let caret = |at: usize| {
        hhea.and_then(|t| t.get(at..at + 2))
            .map_or(0, |b| i16::from_be_bytes([b[0], b[1]]))
    };
    let (rise, run) = (caret(18), caret(20));
    let italic_angle = if rise == 0 {
        0
    } else {
        (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64
    };
    let weight = f32::from(source.weight().to_number());
    let ascent = em(source.ascender());
    Metrics {
        ascent,
        descent: -em(source.descender()).abs(),
        cap_height: source
            .capital_height()
            .filter(|&c| c > 0)
            .map_or(ascent, em),
        bbox: [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max].map(em),
        italic_angle,
        flags: 32 | if italic_angle != 0 { 64 } else { 0 },
        stem_v: if weight == 0.0 {
            80
        } else {
            50 + (weight / 65.0).powi(2).round() as i64
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
