//! Opening a file only when it is a regular one (or whatever the caller accepts): the path
//! is looked at first, without opening it (opening a named pipe with no writer would
//! block), then the opened handle is looked at again (the path may have been replaced in
//! between). Budget files and font files are both opened this way.

use std::fs::{File, Metadata};
use std::io::Error;
use std::path::Path;

/// Opens `path` when `accept` takes its metadata both before opening and from the opened
/// handle; returns the file and the handle's metadata.
pub fn open_accepted(
    path: &Path,
    accept: impl Fn(&Metadata) -> Result<(), Error>,
) -> Result<(File, Metadata), Error> {
    accept(&std::fs::metadata(path)?)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    accept(&meta)?;
    Ok((file, meta))
}
