//! Stream compression at a fast zlib level: printpdf's own compression (level 9) was
//! most of the writing time. Font programs are compressed ahead of time on a second
//! thread (see [`super::writer`]); every other stream is compressed here, spread over
//! the available cores. A stream's compressed bytes depend only on its content, so the
//! output never depends on timing.

use super::PdfError;
use lopdf::Object;
use std::io::Write;

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
            let packed = deflate(&raw)?;
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
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let mut shares: Vec<Vec<&mut lopdf::Stream>> = (0..workers).map(|_| Vec::new()).collect();
    for (i, stream) in todo.into_iter().enumerate() {
        shares[i % workers].push(stream);
    }
    let mut mine = shares.pop().unwrap_or_default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|share| {
                let work = move || share.into_iter().try_for_each(pack_stream);
                std::thread::Builder::new()
                    .spawn_scoped(scope, work)
                    .map_err(|e| PdfError::Write(e.to_string()))
            })
            .collect();
        mine.iter_mut().try_for_each(|s| pack_stream(s))?;
        handles.into_iter().try_for_each(|h| {
            h?.join()
                .unwrap_or_else(|_| Err(PdfError::Write("压缩线程异常终止".into())))
        })
    })
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

/// `bytes` deflated at zlib level 3.
fn deflate(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut enc = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 2),
        flate2::Compression::new(3),
    );
    enc.write_all(bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    enc.finish().map_err(|e| PdfError::Write(e.to_string()))
}
