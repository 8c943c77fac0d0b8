//! Stream compression at a fast zlib level: printpdf's own compression (level 9) was
//! most of the writing time. Font programs are compressed ahead of time while printpdf
//! writes the pages (see [`super::write`]); every other stream is compressed here, on
//! the worker pool. A stream's compressed bytes depend only on its content, so the
//! output never depends on timing.
//! Font programs are Huffman-coded only ([`super::huffman`]).

use super::huffman::deflate_literals;
use crate::render::pdf::error::PdfError;
use lopdf::Object;
use rayon::prelude::*;
use std::cell::RefCell;

/// A font program and its compressed form.
pub struct Packed {
    raw: Vec<u8>,
    packed: Vec<u8>,
}

/// Compresses each program (on the calling thread).
pub fn pack_all(programs: Vec<Vec<u8>>) -> Result<Vec<Packed>, PdfError> {
    programs
        .into_iter()
        .map(|raw| {
            let packed = deflate_literals(&raw);
            Ok(Packed { raw, packed })
        })
        .collect()
}

/// Deflates every stream of `pdf` not yet filtered, when that makes it smaller. A stream
/// whose content is one of the `ready` programs takes its compressed form from there.
pub fn compress_streams(pdf: &mut lopdf::Document, ready: &[Packed]) -> Result<(), PdfError> {
    let mut todo: Vec<&mut lopdf::Stream> = Vec::new();
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        match ready.iter().find(|p| p.raw == stream.content) {
            Some(p) => set_packed(stream, p.packed.clone()),
            None => todo.push(stream),
        }
    }
    todo.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    todo.into_par_iter().try_for_each(pack_stream)
}

fn pack_stream(stream: &mut lopdf::Stream) -> Result<(), PdfError> {
    let packed = deflate(&stream.content)?;
    set_packed(stream, packed);
    Ok(())
}

/// Replaces the content by `packed` when that is smaller.
fn set_packed(stream: &mut lopdf::Stream, packed: Vec<u8>) {
    if packed.len() < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(packed);
    }
}

thread_local! {
    /// This thread's compressor, kept for the life of the thread (see [`Deflater`]).
    static DEFLATER: RefCell<Deflater> = RefCell::new(Deflater::new());
}

/// `bytes` as one complete zlib stream, with this thread's compressor.
fn deflate(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    DEFLATER.with(|z| z.borrow_mut().deflate(bytes))
}

/// A zlib compressor reused from stream to stream: setting one up zeroes a few hundred KB
/// of window and hash tables, which for 40-odd streams cost more than compressing them.
struct Deflater {
    z: flate2::Compress,
}

impl Deflater {
    fn new() -> Deflater {
        Deflater {
            z: flate2::Compress::new(flate2::Compression::new(LEVEL), true),
        }
    }

    /// `bytes` as one complete zlib stream.
    fn deflate(&mut self, bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
        self.z.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let consumed = usize::try_from(self.z.total_in()).unwrap_or(usize::MAX);
            let rest = bytes.get(consumed..).unwrap_or_default();
            if out.capacity() - out.len() < 64 {
                out.reserve(out.capacity().max(1024));
            }
            let status = self
                .z
                .compress_vec(rest, &mut out, flate2::FlushCompress::Finish)
                .map_err(|e| PdfError::Write(e.to_string()))?;
            if status == flate2::Status::StreamEnd {
                return Ok(out);
            }
        }
    }
}

/// The zlib level of page contents and every other stream but the font programs: 3
/// (deflate_medium, short chains). On qitai's pages, level 2 (deflate_fast) gave 80 KB,
/// 3 gave 71 KB, 4 gave 70 KB for half as much again of level 3's time, 9 gave 67 KB at
/// three times level 3's time; level 1 (static codes) gave 84 KB.
const LEVEL: u32 = 3;
