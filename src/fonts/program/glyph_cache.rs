//! The glyphs of a CFF face, cut out once per process.
//!
//! `subsetter` spends ~20 µs per CJK glyph taking its charstring out of the face's
//! subroutines, and a budget document draws 500–1,000 distinct glyphs in its body face. A
//! batch of documents, or the same document regenerated after each edit, draws mostly the
//! same glyphs. So each glyph is cut out by `subsetter` the first time a document needs it
//! and kept here (its charstring and its font dict); a document's subset is then assembled
//! from the kept glyphs by [`super::cff::write`]. A glyph's charstring does not depend on
//! which other glyphs were subset with it, and the Name INDEX, Top DICT and String INDEX
//! come from a subset of `.notdef` alone, so the assembled bytes depend only on the
//! document's glyphs, never on what was rendered before.
//!
//! A face without subroutines (the Fandol faces) needs no cutting out: its charstrings
//! are taken from the face as they lie ([`Plain`]), and `subsetter` is asked once, for one
//! glyph of each font dict, what those dicts become in a subset. Taking a glyph this way
//! is checked against `subsetter` on those glyphs; a face where the two differ is cut out
//! by `subsetter` like any other.

use super::cff::{self, CidFont, FontDict, Plain};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The glyphs of one CFF face cut out so far; shared by every render in the process.
#[derive(Debug, Default)]
pub struct GlyphCache {
    state: Mutex<Option<Kept>>,
}

#[derive(Debug)]
struct Kept {
    /// The subset of `.notdef` alone: Name INDEX, Top DICT and String INDEX of every subset.
    template: CidFont,
    /// Distinct font dicts met so far.
    dicts: Vec<FontDict>,
    /// Source glyph id → (index in `dicts`, charstring).
    glyphs: BTreeMap<u16, (usize, Vec<u8>)>,
    /// The face's glyphs as they lie, when it has no subroutines.
    plain: Option<PlainFace>,
}

/// A face whose charstrings are taken as they lie, and what its font dicts became.
#[derive(Debug)]
struct PlainFace {
    source: Plain,
    /// Source font dict index → index in [`Kept::dicts`].
    dicts: BTreeMap<u8, usize>,
}

impl Kept {
    /// Keeps glyph `i` of `part` as source glyph `gid`; returns its index in `dicts`.
    fn keep(&mut self, part: &CidFont, i: usize, gid: u16) -> Option<usize> {
        let dict = part.dicts.get(usize::from(*part.glyph_dict.get(i)?))?;
        let at = match self.dicts.iter().position(|d| d == dict) {
            Some(at) => at,
            None => {
                self.dicts.push(dict.clone());
                self.dicts.len() - 1
            }
        };
        self.glyphs
            .insert(gid, (at, part.charstrings.get(i)?.clone()));
        Some(at)
    }

    /// Keeps source glyph `gid` of a plain face, read from its CFF table `cff`.
    fn keep_plain(&mut self, cff: &[u8], gid: u16) -> Option<()> {
        let plain = self.plain.as_ref()?;
        let fd = *plain.source.glyph_dict.get(usize::from(gid))?;
        let dict = *plain.dicts.get(&fd)?;
        let charstring = plain.source.charstring(cff, gid)?.to_vec();
        self.glyphs.insert(gid, (dict, charstring));
        Some(())
    }
}

/// The face's `CFF ` table.
fn cff_table(data: &[u8], index: u32) -> Option<&[u8]> {
    ttf_parser::RawFace::parse(data, index)
        .ok()?
        .table(ttf_parser::Tag::from_bytes(b"CFF "))
}

/// The face read as a plain one, when it has no subroutines and `subsetter` gives, for
/// one glyph of each font dict, the very charstring that lies in the face. Those glyphs
/// are kept, which records what each font dict becomes.
fn plain_face(kept: &mut Kept, data: &[u8], index: u32) -> Option<PlainFace> {
    let cff = cff_table(data, index)?;
    let source = Plain::parse(cff)?;
    let mut samples: BTreeMap<u8, u16> = BTreeMap::new();
    for (gid, &fd) in source.glyph_dict.iter().enumerate().skip(1) {
        if let Ok(gid) = u16::try_from(gid) {
            samples.entry(fd).or_insert(gid);
        }
    }
    let gids: Vec<u16> = samples.values().copied().collect();
    let part = cut(data, index, &gids).ok()?;
    let mut dicts = BTreeMap::new();
    for (i, (&fd, &gid)) in samples.iter().enumerate() {
        if part.charstrings.get(i + 1)?.as_slice() != source.charstring(cff, gid)? {
            return None;
        }
        dicts.insert(fd, kept.keep(&part, i + 1, gid)?);
    }
    Some(PlainFace { source, dicts })
}

impl GlyphCache {
    /// The bare CID-keyed `CFF ` table of a subset of face `index` of `data`: glyph 0 is
    /// `.notdef`, glyph `i` is `gids[i - 1]` (glyph id = CID). `gids` must be sorted and
    /// not contain 0. Glyphs not kept yet are cut out with `subsetter` first.
    pub fn subset(&self, data: &[u8], index: u32, gids: &[u16]) -> Result<Vec<u8>, String> {
        let missing: Vec<u16> = {
            let mut state = self.lock()?;
            if state.is_none() {
                let template = cut(data, index, &[])?;
                let mut kept = Kept {
                    template: template.clone(),
                    dicts: Vec::new(),
                    glyphs: BTreeMap::new(),
                    plain: None,
                };
                kept.keep(&template, 0, 0).ok_or("子集缺少 .notdef")?;
                kept.plain = plain_face(&mut kept, data, index);
                *state = Some(kept);
            }
            let kept = state.as_mut().ok_or("字形缓存未初始化")?;
            let mut missing = Vec::new();
            let cff = cff_table(data, index).filter(|_| kept.plain.is_some());
            for &gid in gids {
                if kept.glyphs.contains_key(&gid) {
                    continue;
                }
                if cff.and_then(|cff| kept.keep_plain(cff, gid)).is_none() {
                    missing.push(gid);
                }
            }
            missing
        };
        let part = if missing.is_empty() {
            None
        } else {
            Some(cut(data, index, &missing)?)
        };
        let mut state = self.lock()?;
        let kept = state.as_mut().ok_or("字形缓存未初始化")?;
        if let Some(part) = part {
            for (i, &gid) in missing.iter().enumerate() {
                kept.keep(&part, i + 1, gid).ok_or("子集字形数不符")?;
            }
        }
        let mut local: Vec<usize> = Vec::new();
        let mut glyphs = Vec::with_capacity(gids.len() + 1);
        for gid in std::iter::once(0).chain(gids.iter().copied()) {
            let (dict, charstring) = kept.glyphs.get(&gid).ok_or("字形缓存缺少字形")?;
            let at = match local.iter().position(|d| d == dict) {
                Some(at) => at,
                None => {
                    local.push(*dict);
                    local.len() - 1
                }
            };
            let at = u8::try_from(at).map_err(|_| "字体字典过多")?;
            glyphs.push((at, charstring.as_slice()));
        }
        let dicts: Vec<&FontDict> = local.iter().map(|&d| &kept.dicts[d]).collect();
        Ok(cff::write(&kept.template, &dicts, &glyphs))
    }

    /// Whether this face's glyphs are taken as they lie (see [`PlainFace`]).
    #[cfg(test)]
    fn is_plain(&self) -> bool {
        self.lock()
            .is_ok_and(|s| s.as_ref().is_some_and(|k| k.plain.is_some()))
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Option<Kept>>, String> {
        self.state
            .lock()
            .map_err(|_| "字形缓存被异常线程锁定".to_string())
    }
}

/// `.notdef` and `gids` cut out of the face by `subsetter`, parsed.
fn cut(data: &[u8], index: u32, gids: &[u16]) -> Result<CidFont, String> {
    let mut remapper = subsetter::GlyphRemapper::new();
    for &gid in gids {
        remapper.remap(gid);
    }
    let font = subsetter::subset(data, index, &remapper).map_err(|e| e.to_string())?;
    let table = super::sfnt::table(&font, b"CFF ").ok_or("子集字体没有 CFF 表")?;
    CidFont::parse(table).ok_or_else(|| "子集字体的 CFF 结构无法识别".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{load_fonts, FontOptions, LoadedFace};

    /// An assembled subset holds, glyph for glyph, the charstring and font dict that
    /// `subsetter` gives for the same glyphs in one go, whatever was kept before: in every
    /// CFF face installed (Noto CJK, Fandol).
    #[test]
    fn assembled_subsets_equal_direct_subsets() {
        let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
        let faces: Vec<&LoadedFace> = fonts
            .faces()
            .iter()
            .filter(|f| {
                ttf_parser::RawFace::parse(f.data.as_slice(), f.index)
                    .is_ok_and(|r| r.table(ttf_parser::Tag::from_bytes(b"CFF ")).is_some())
            })
            .collect();
        assert!(faces.len() >= 2, "CFF faces (Noto CJK, Fandol) installed");
        let plain: Vec<bool> = faces
            .into_iter()
            .map(assembled_subset_equals_direct_subset)
            .collect();
        assert!(plain.contains(&true), "Fandol: glyphs taken as they lie");
        assert!(
            plain.contains(&false),
            "Noto CJK: glyphs cut out by subsetter"
        );
    }

    /// Checks one face; returns whether its glyphs were taken as they lie.
    fn assembled_subset_equals_direct_subset(face: &LoadedFace) -> bool {
        let data = face.data.as_slice();
        let parsed = ttf_parser::Face::parse(data, face.index).expect("face");
        let gids = |text: &str| -> Vec<u16> {
            let mut v: Vec<u16> = text
                .chars()
                .filter_map(|c| parsed.glyph_index(c))
                .map(|g| g.0)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let cache = GlyphCache::default();
        let first = gids("一般公共预算财政拨款收入支出总表");
        let second = gids("政府性基金预算支出表（2024年）：单位万元 123.45%");
        let subset = |cache: &GlyphCache, gids: &[u16]| {
            cache.subset(data, face.index, gids).expect("subset")
        };
        subset(&cache, &first);
        let assembled = subset(&cache, &second);
        let direct = cut(data, face.index, &second).expect("direct subset");
        let name = &face.name;
        let assembled = CidFont::parse(&assembled).expect("assembled subset parses");
        assert!(
            assembled.charstrings == direct.charstrings,
            "{name}: charstrings"
        );
        assert_eq!(assembled.charstrings.len(), second.len() + 1);
        for g in 0..assembled.charstrings.len() {
            let a = &assembled.dicts[usize::from(assembled.glyph_dict[g])];
            let d = &direct.dicts[usize::from(direct.glyph_dict[g])];
            assert_eq!(a, d, "{name}: font dict of glyph {g}");
        }
        assert_eq!(assembled.top, direct.top);
        let again = subset(&cache, &second);
        assert_eq!(again, subset(&GlyphCache::default(), &second));
        let plain = cache.is_plain();
        assert_eq!(plain, face.name.starts_with("Fandol"), "{name}");
        plain
    }
}
