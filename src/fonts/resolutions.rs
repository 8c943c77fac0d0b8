//! What each character of the Basic Multilingual Plane resolves to in each role — face,
//! glyph, advance, or no face at all — found once per font set and shared by every
//! render of it, on any thread: a batch of documents looks each character up in the
//! faces' `cmap`s once, not once per document. Entries are filled as characters are
//! first met, in pages of 256 allocated on first use; a resolution depends only on the
//! faces, so the order threads fill them in never shows.

use super::role::Role;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// One character resolved for a role: face, glyph and advance in em.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    /// Index of the face in the [`FontSet`](super::FontSet).
    pub face: u16,
    /// Glyph id in that face.
    pub gid: u16,
    /// Horizontal advance in em.
    pub advance: f32,
}

/// Characters per page.
const PAGE: usize = 256;
/// Pages per role: the Basic Multilingual Plane.
const PAGES: usize = 0x1_0000 / PAGE;
/// An entry's face field when no face has the character (face fields are face + 1; 0 is
/// an entry not filled yet).
const NO_FACE: u64 = 0xFFFF;

/// One page: entries packed as face + 1 (16 bits), glyph id (16), advance (f32 bits).
type Page = [AtomicU64; PAGE];

/// The shared resolutions of a font set.
pub(super) struct Resolutions {
    pages: Vec<OnceLock<Box<Page>>>,
}

impl Resolutions {
    /// An empty table.
    pub(super) fn new() -> Resolutions {
        Resolutions {
            pages: (0..Role::ALL.len() * PAGES)
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// The resolution of `ch` in `role` when it has been found (`Some(None)`: no face
    /// has it), `None` when not yet or when `ch` lies outside the table.
    pub(super) fn get(&self, role: Role, ch: char) -> Option<Option<Resolved>> {
        let (page, at) = place(role, ch)?;
        let entry = self.pages[page].get()?[at].load(Ordering::Relaxed);
        unpack(entry)
    }

    /// Records the resolution of `ch` in `role`; false, keeping nothing, for a character
    /// outside the table or a face index no entry can hold.
    pub(super) fn put(&self, role: Role, ch: char, found: Option<Resolved>) -> bool {
        let (Some((page, at)), Some(entry)) = (place(role, ch), pack(found)) else {
            return false;
        };
        let page =
            self.pages[page].get_or_init(|| Box::new(std::array::from_fn(|_| AtomicU64::new(0))));
        page[at].store(entry, Ordering::Relaxed);
        true
    }
}

impl Clone for Resolutions {
    /// A clone starts empty: it fills again from the same faces.
    fn clone(&self) -> Resolutions {
        Resolutions::new()
    }
}

impl std::fmt::Debug for Resolutions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let filled = self.pages.iter().filter(|p| p.get().is_some()).count();
        write!(f, "Resolutions {{ pages filled: {filled} }}")
    }
}

/// The page and entry of (`role`, `ch`), for a character of the table.
fn place(role: Role, ch: char) -> Option<(usize, usize)> {
    let code = ch as usize;
    (code < PAGES * PAGE).then(|| (role.slot() * PAGES + code / PAGE, code % PAGE))
}

fn pack(found: Option<Resolved>) -> Option<u64> {
    match found {
        None => Some(NO_FACE << 48),
        Some(r) if u64::from(r.face) + 1 < NO_FACE => Some(
            (u64::from(r.face) + 1) << 48 | u64::from(r.gid) << 32 | u64::from(r.advance.to_bits()),
        ),
        Some(_) => None,
    }
}

fn unpack(entry: u64) -> Option<Option<Resolved>> {
    match entry >> 48 {
        0 => None,
        NO_FACE => Some(None),
        face => Some(Some(Resolved {
            face: (face - 1) as u16,
            gid: (entry >> 32) as u16,
            advance: f32::from_bits(entry as u32),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::{Resolutions, Resolved};
    use crate::fonts::Role;

    #[test]
    fn entries_read_back_as_stored_and_unknown_until_stored() {
        let table = Resolutions::new();
        let r = Resolved {
            face: 3,
            gid: 65_535,
            advance: 0.523_4,
        };
        assert_eq!(table.get(Role::Body, '预'), None);
        assert!(table.put(Role::Body, '预', Some(r)));
        assert!(table.put(Role::Table, '预', None));
        assert_eq!(table.get(Role::Body, '预'), Some(Some(r)));
        assert_eq!(table.get(Role::Table, '预'), Some(None));
        assert_eq!(table.get(Role::Kai, '预'), None);
        assert_eq!(table.get(Role::Body, '算'), None);
    }

    #[test]
    fn characters_beyond_the_plane_are_not_kept() {
        let table = Resolutions::new();
        assert!(!table.put(Role::Body, '𠀀', None));
        assert_eq!(table.get(Role::Body, '𠀀'), None);
    }
}
