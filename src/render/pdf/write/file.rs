//! The file: numbered objects, written once (ISO 32000-1 §7.5). Streams stand at the top
//! level; every other object goes, in number order, into compressed object streams of
//! [`OBJECTS_PER_STREAM`]; a compressed cross-reference stream closes the file. Its `/ID`
//! is a hash of the bytes before it, so the same objects give the same file.

use super::deflate::deflate;
use super::syntax::{Ref, Syntax};
use crate::render::pdf::error::PdfError;

/// Objects per object stream: the dictionaries (pages, fonts, widths, outline items,
/// links) are compressed together in streams of this many.
const OBJECTS_PER_STREAM: usize = 500;

/// An object's body.
enum Entry {
    /// Allocated, not yet given (an error if it stays so).
    Pending,
    /// A dictionary, array or other direct object, as written.
    Object(Vec<u8>),
    /// A stream: its dictionary without `/Length` (as written, `<<…>>`) and its data as
    /// stored (already filtered).
    Stream(Vec<u8>, Vec<u8>),
}

/// A PDF being assembled: objects are allocated, given, then the whole is serialised.
pub struct PdfFile {
    entries: Vec<Entry>,
}

impl PdfFile {
    /// An empty file.
    pub fn new() -> PdfFile {
        PdfFile {
            entries: Vec::new(),
        }
    }

    /// A number for an object given later with [`PdfFile::set`] or [`PdfFile::set_stream`].
    pub fn alloc(&mut self) -> Ref {
        self.entries.push(Entry::Pending);
        Ref(self.entries.len() as u32)
    }

    /// Gives object `r` its body (`<<…>>`, `[…]`, …).
    pub fn set(&mut self, r: Ref, body: Vec<u8>) {
        if let Some(e) = self.entry(r) {
            *e = Entry::Object(body);
        }
    }

    /// Gives object `r` a stream: `dict` (`<<…>>`, without `/Length`) and `data` as stored.
    pub fn set_stream(&mut self, r: Ref, dict: Vec<u8>, data: Vec<u8>) {
        if let Some(e) = self.entry(r) {
            *e = Entry::Stream(dict, data);
        }
    }

    fn entry(&mut self, r: Ref) -> Option<&mut Entry> {
        let at = usize::try_from(r.0).ok()?.checked_sub(1)?;
        self.entries.get_mut(at)
    }

    /// A new object with `body`.
    pub fn add(&mut self, body: Vec<u8>) -> Ref {
        let r = self.alloc();
        self.set(r, body);
        r
    }

    /// A new stream object.
    pub fn add_stream(&mut self, dict: Vec<u8>, data: Vec<u8>) -> Ref {
        let r = self.alloc();
        self.set_stream(r, dict, data);
        r
    }

    /// The file's bytes, with `root` as the catalog and `info` as the document information.
    pub fn finish(self, root: Ref, info: Ref) -> Result<Vec<u8>, PdfError> {
        let size: usize = self
            .entries
            .iter()
            .map(|e| match e {
                Entry::Stream(_, data) => data.len() + 64,
                Entry::Object(body) => body.len() / 3,
                Entry::Pending => 0,
            })
            .sum();
        let mut out = Vec::with_capacity(size + 4096);
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        let count = self.entries.len();
        let mut places = vec![Place::Free; count + 1];
        let mut packed: Vec<(u32, Vec<u8>)> = Vec::new();
        for (i, entry) in self.entries.into_iter().enumerate() {
            let number = i as u32 + 1;
            match entry {
                Entry::Pending => {
                    return Err(PdfError::Write(format!("对象 {number} 未写入")));
                }
                Entry::Object(body) => packed.push((number, body)),
                Entry::Stream(dict, data) => {
                    places[i + 1] = Place::At(out.len());
                    write_stream(&mut out, number, &dict, &data);
                }
            }
        }
        let numbers = count as u32 + 1..;
        for (stream, chunk) in numbers.zip(packed.chunks(OBJECTS_PER_STREAM)) {
            places.push(Place::At(out.len()));
            for (index, (number, _)) in chunk.iter().enumerate() {
                places[*number as usize] = Place::In(stream, index as u16);
            }
            write_object_stream(&mut out, stream, chunk)?;
        }
        write_xref(&mut out, &places, (root, info))?;
        Ok(out)
    }
}

/// Where an object lies: nowhere (object 0), at an offset, or in an object stream.
#[derive(Clone, Copy)]
enum Place {
    Free,
    At(usize),
    In(u32, u16),
}

fn write_stream(out: &mut Vec<u8>, number: u32, dict: &[u8], data: &[u8]) {
    out.int(i64::from(number)).raw(" 0 obj\n");
    let dict = dict.strip_suffix(b">>").unwrap_or(dict);
    out.extend_from_slice(dict);
    out.raw("/Length ")
        .int(data.len() as i64)
        .raw(">>\nstream\n");
    out.extend_from_slice(data);
    out.raw("\nendstream\nendobj\n");
}

/// Writes `objects` as object stream `number`, compressed.
fn write_object_stream(
    out: &mut Vec<u8>,
    number: u32,
    objects: &[(u32, Vec<u8>)],
) -> Result<(), PdfError> {
    let mut head = Vec::new();
    let mut body = Vec::new();
    for (n, object) in objects {
        head.int(i64::from(*n))
            .raw(" ")
            .int(body.len() as i64)
            .raw(" ");
        body.extend_from_slice(object);
        body.push(b'\n');
    }
    let first = head.len();
    head.extend_from_slice(&body);
    let data = deflate(&head)?;
    let mut dict = Vec::new();
    dict.raw("<</Type/ObjStm/N ")
        .int(objects.len() as i64)
        .raw("/First ")
        .int(first as i64)
        .raw("/Filter/FlateDecode>>");
    write_stream(out, number, &dict, &data);
    Ok(())
}

/// Writes the cross-reference stream (its own entry last in `places`) and the trailer.
fn write_xref(
    out: &mut Vec<u8>,
    places: &[Place],
    (root, info): (Ref, Ref),
) -> Result<(), PdfError> {
    let number = places.len() as u32;
    let at = out.len();
    let id = id_hex(out);
    let widest = at.max(places.len());
    let width = (1..8)
        .find(|&w| widest.checked_shr(8 * w as u32).unwrap_or(0) == 0)
        .unwrap_or(8);
    let mut rows = Vec::with_capacity((places.len() + 1) * (width + 3));
    let mut row = |kind: u8, field: usize, second: u16| {
        rows.push(kind);
        rows.extend_from_slice(&field.to_be_bytes()[8 - width..]);
        rows.extend_from_slice(&second.to_be_bytes());
    };
    for place in places {
        match *place {
            Place::Free => row(0, 0, 0xFFFF),
            Place::At(offset) => row(1, offset, 0),
            Place::In(stream, index) => row(2, stream as usize, index),
        }
    }
    row(1, at, 0);
    let data = deflate(&rows)?;
    let mut dict = Vec::new();
    dict.raw("<</Type/XRef/Size ")
        .int(i64::from(number) + 1)
        .raw("/W[1 ")
        .int(width as i64)
        .raw(" 2]/Root ")
        .reference(root)
        .raw("/Info ")
        .reference(info)
        .raw("/ID[<")
        .raw(&id)
        .raw("><")
        .raw(&id)
        .raw(">]/Filter/FlateDecode>>");
    write_stream(out, number, &dict, &data);
    out.raw("startxref\n").int(at as i64).raw("\n%%EOF\n");
    Ok(())
}

/// 32 hex digits of a hash of `bytes`: two lanes of multiply-rotate over 8-byte words,
/// each finished by an avalanche, so that any change of the file changes the `/ID`.
fn id_hex(bytes: &[u8]) -> String {
    const P1: u64 = 0x9E37_79B9_7F4A_7C15;
    const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    let (mut a, mut b) = (0x243F_6A88_85A3_08D3u64, 0x1319_8A2E_0370_7344u64);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        let w = u64::from_le_bytes(word);
        a = (a ^ w).wrapping_mul(P1).rotate_left(31);
        b = (b ^ w.rotate_left(17)).wrapping_mul(P2).rotate_left(27);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    let t = u64::from_le_bytes(tail) ^ (bytes.len() as u64);
    let finish = |h: u64, p: u64| {
        let mut h = (h ^ t).wrapping_mul(p);
        h ^= h >> 29;
        h = h.wrapping_mul(P1 ^ p);
        h ^ (h >> 32)
    };
    format!("{:016x}{:016x}", finish(a, P1), finish(b, P2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of a catalog, a page tree, a stream and an info dictionary, read back by
    /// lopdf: every object is found where the cross-reference stream says.
    #[test]
    fn objects_are_found_through_the_cross_reference_stream() {
        let mut file = PdfFile::new();
        let catalog = file.alloc();
        let pages = file.alloc();
        let content = file.add_stream(b"<<>>".to_vec(), b"0 g".to_vec());
        let page = file.alloc();
        let mut body = Vec::new();
        body.raw("<</Type/Page/Parent ")
            .reference(pages)
            .raw("/MediaBox[0 0 595.276 841.89]/Contents ")
            .reference(content)
            .raw(">>");
        file.set(page, body);
        let mut tree = Vec::new();
        tree.raw("<</Type/Pages/Count 1/Kids[")
            .reference(page)
            .raw("]>>");
        file.set(pages, tree);
        let mut root = Vec::new();
        root.raw("<</Type/Catalog/Pages ")
            .reference(pages)
            .raw(">>");
        file.set(catalog, root);
        let mut info = Vec::new();
        info.raw("<</Title ").text("预算").raw(">>");
        let info = file.add(info);
        let bytes = file.finish(catalog, info).expect("file");
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        assert_eq!(doc.get_pages().len(), 1);
        let page = doc.get_pages()[&1];
        assert!(doc.get_page_content(page).starts_with(b"0 g"));
        let again = {
            let mut f = PdfFile::new();
            let r = f.add(b"<<>>".to_vec());
            f.finish(r, r).expect("file")
        };
        assert!(again.starts_with(b"%PDF-1.7"));
    }

    #[test]
    fn the_id_changes_with_any_byte() {
        let base: Vec<u8> = (0..100u8).collect();
        let id = id_hex(&base);
        assert_eq!(id.len(), 32);
        assert_eq!(id, id_hex(&base));
        for at in [0, 7, 8, 63, 96, 99] {
            let mut changed = base.clone();
            changed[at] ^= 1;
            assert_ne!(id_hex(&changed), id, "byte {at}");
        }
        assert_ne!(id_hex(&base[..99]), id, "length");
        assert_ne!(id_hex(&[]), id_hex(&[0]), "a trailing zero");
    }

    #[test]
    fn an_object_never_given_is_an_error() {
        let mut file = PdfFile::new();
        let root = file.alloc();
        assert!(file.finish(root, root).is_err());
    }
}
