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

/// A font program compressed, and the stream content printpdf wrote for it (the program
/// itself, or the stand-in it was handed).
pub struct Packed {
    written: Vec<u8>,
    packed: Vec<u8>,
}

/// Compresses each `(program, stand-in)` (on the calling thread).
pub fn pack_all(programs: Vec<(Vec<u8>, Option<Vec<u8>>)>) -> Vec<Packed> {
    programs
        .into_iter()
        .map(|(program, stand_in)| {
            let packed = deflate_literals(&program);
            let written = stand_in.unwrap_or(program);
            Packed { written, packed }
        })
        .collect()
}

/// Deflates every stream of `pdf` not yet filtered, when that makes it smaller. A stream
/// whose content is what printpdf wrote for one of the `ready` programs takes that
/// program's compressed form; a program that finds no such stream is an error (its
/// stand-in would otherwise be embedded: text without glyphs).
pub fn compress_streams(pdf: &mut lopdf::Document, ready: &[Packed]) -> Result<(), PdfError> {
    let mut todo: Vec<&mut lopdf::Stream> = Vec::new();
    let mut placed = vec![false; ready.len()];
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        match ready.iter().position(|p| p.written == stream.content) {
            Some(i) if !placed[i] => {
                placed[i] = true;
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(ready[i].packed.clone());
            }
            Some(_) => return Err(PdfError::Write("字体程序重复嵌入".into())),
            None => todo.push(stream),
        }
    }
    if placed.contains(&false) {
        return Err(PdfError::Write("字体程序未能嵌入".into()));
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
