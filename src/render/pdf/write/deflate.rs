//! Stream compression. Page contents, maps and object streams are deflated at a fast zlib
//! level with a compressor kept per thread; font programs are Huffman-coded only
//! ([`super::huffman`]): CJK charstrings hardly repeat, so a search for repeats costs much
//! and gains little. A stream's compressed bytes depend only on its content, so the output
//! never depends on timing.

use crate::render::pdf::error::PdfError;
use std::cell::RefCell;

/// A font program as a zlib stream of Huffman-coded literals (see [`super::huffman`]).
pub use super::huffman::deflate_literals as pack_font;

thread_local! {
    /// This thread's compressor, kept for the life of the thread (see [`Deflater`]).
    static DEFLATER: RefCell<Deflater> = RefCell::new(Deflater::new());
}

/// `bytes` as one complete zlib stream, with this thread's compressor.
pub fn deflate(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
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
