//! Glyph metrics for layout: which face draws a character in a role, its glyph id and
//! its advance. The PDF writer does no shaping or kerning, so these advances are exact.

use super::error::FontError;
use super::resolutions::Resolved;
use super::role::Role;
use super::set::FontSet;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiplicative hasher for the (role, character) cache: looked up for every character
/// set, where SipHash's resistance to chosen keys buys nothing. Only lookups use it; no
/// iteration order reaches any output.
#[derive(Default)]
struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

/// Parsed faces of a [`FontSet`] for one render. Characters resolve through the set's
/// shared table (see `resolutions.rs`); those beyond it through a per-render cache.
pub struct Metrics<'a> {
    fonts: &'a FontSet,
    faces: Vec<Option<ttf_parser::Face<'a>>>,
    cache: RefCell<CharCache>,
}

/// What each (role, character) beyond the shared table resolved to in this render.
type CharCache = HashMap<(Role, char), Option<Resolved>, BuildHasherDefault<CharHasher>>;

impl<'a> Metrics<'a> {
    /// Parses every face of `fonts` (cheap: tables are read lazily).
    pub fn new(fonts: &'a FontSet) -> Metrics<'a> {
        let faces = fonts
            .faces()
            .iter()
            .map(|f| ttf_parser::Face::parse(f.data.as_slice(), f.index).ok())
            .collect();
        Metrics {
            fonts,
            faces,
            cache: RefCell::new(HashMap::default()),
        }
    }

    /// The face, glyph and advance drawing `ch` in `role`, or `None` if no face has it.
    pub fn resolve(&self, role: Role, ch: char) -> Option<Resolved> {
        let shared = self.fonts.resolutions();
        if let Some(known) = shared.get(role, ch) {
            return known;
        }
        if let Some(hit) = self.cache.borrow().get(&(role, ch)) {
            return *hit;
        }
        let found = self.lookup(role, ch);
        if !shared.put(role, ch, found) {
            self.cache.borrow_mut().insert((role, ch), found);
        }
        found
    }

    /// Like [`Metrics::resolve`], but a missing glyph is an error naming the text.
    pub fn require(&self, role: Role, ch: char, context: &str) -> Result<Resolved, FontError> {
        self.resolve(role, ch)
            .ok_or_else(|| FontError::MissingGlyph {
                ch,
                code: ch as u32,
                role: role.name(),
                chain: self.fonts.chain_names(role),
                context: context.chars().take(40).collect(),
            })
    }

    /// Width of `text` in `role` at `size` points (characters no face has count as 1 em).
    pub fn width(&self, role: Role, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|ch| self.resolve(role, ch).map_or(1.0, |r| r.advance))
            .sum::<f32>()
            * size
    }

    fn lookup(&self, role: Role, ch: char) -> Option<Resolved> {
        for &id in self.fonts.chain(role) {
            let Some(face) = self.faces.get(id).and_then(|f| f.as_ref()) else {
                continue;
            };
            let Some(gid) = face.glyph_index(ch) else {
                continue;
            };
            if gid.0 == 0 {
                continue;
            }
            let upem = f32::from(face.units_per_em().max(1));
            let advance = f32::from(face.glyph_hor_advance(gid).unwrap_or(0)) / upem;
            return Some(Resolved {
                face: id as u16,
                gid: gid.0,
                advance,
            });
        }
        None
    }
}
