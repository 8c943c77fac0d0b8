//! Reading a file the user names as input (a budget, a department's unit file, a template):
//! only a regular file, and at most [`MAX_INPUT_BYTES`], so that `/dev/zero`, a named pipe
//! or a huge file is refused with a reason instead of being read without end or blocking.
//!
//! The file is opened by [`open_accepted`] (the path looked at before opening, the handle
//! after), and the read itself stops after the cap (the file may grow while read).

use crate::regular_file::open_accepted;
use std::fs::Metadata;
use std::io::{Error, ErrorKind, Read};
use std::path::Path;

/// The largest input file read: 4 MiB. A budget file is a few dozen KB; the largest
/// department with every unit's texts is far below this.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// Why an input file was refused before reading it; carried inside an [`std::io::Error`],
/// its Chinese reason given by [`crate::diagnostic::io_reason`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// A device, a named pipe, a socket: not a file that holds a budget.
    #[error("不是普通文件（设备、管道或套接字不能作为输入）（not a regular file）")]
    NotRegular,
    /// Over [`MAX_INPUT_BYTES`].
    #[error("文件超过 4 MiB 的上限，不会是预算文件：请检查是否选错了文件（file too large: the limit is 4 MiB）")]
    TooLarge,
}

impl From<Refused> for Error {
    fn from(r: Refused) -> Error {
        match r {
            Refused::NotRegular => Error::new(ErrorKind::InvalidInput, r),
            Refused::TooLarge => Error::new(ErrorKind::FileTooLarge, r),
        }
    }
}

/// The refusal carried by `e`, if it is one.
pub fn refusal(e: &Error) -> Option<Refused> {
    e.get_ref()?.downcast_ref::<Refused>().copied()
}

/// Refuses what is not a regular file of at most [`MAX_INPUT_BYTES`]; a directory is
/// reported as one.
fn acceptable(meta: &Metadata) -> Result<(), Error> {
    if meta.is_dir() {
        return Err(Error::from(ErrorKind::IsADirectory));
    }
    if !meta.is_file() {
        return Err(Refused::NotRegular.into());
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Refused::TooLarge.into());
    }
    Ok(())
}

/// The bytes of the input file `path` (see the module doc).
pub fn read_input(path: &Path) -> Result<Vec<u8>, Error> {
    let (file, meta) = open_accepted(path, acceptable)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Refused::TooLarge.into());
    }
    Ok(bytes)
}

/// The text of the input file `path`; an [`ErrorKind::InvalidData`] error when it is not
/// UTF-8.
pub fn read_input_text(path: &Path) -> Result<String, Error> {
    String::from_utf8(read_input(path)?).map_err(|_| Error::from(ErrorKind::InvalidData))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("gongkai-input-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_regular_file_is_read() {
        let d = dir("regular");
        std::fs::write(d.join("a.toml"), "名 = 1").unwrap();
        assert_eq!(read_input_text(&d.join("a.toml")).unwrap(), "名 = 1");
        let e = read_input(&d).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::IsADirectory);
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let d = dir("large");
        let f = d.join("big.toml");
        std::fs::write(&f, vec![b'#'; MAX_INPUT_BYTES as usize + 1]).unwrap();
        let e = read_input(&f).unwrap_err();
        assert_eq!(refusal(&e), Some(Refused::TooLarge));
        std::fs::write(&f, vec![b'#'; MAX_INPUT_BYTES as usize]).unwrap();
        assert_eq!(read_input(&f).unwrap().len() as u64, MAX_INPUT_BYTES);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_blocking() {
        let e = read_input(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(refusal(&e), Some(Refused::NotRegular));
        let d = dir("fifo");
        let fifo = d.join("unit.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // No writer: opening the pipe would block for ever.
        let e = read_input(&fifo).unwrap_err();
        assert_eq!(refusal(&e), Some(Refused::NotRegular));
    }
}
