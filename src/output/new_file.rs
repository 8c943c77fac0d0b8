//! Creating a file that must not exist yet, atomically: the text is written to a temporary
//! beside it and linked into place, which fails if the file appeared meanwhile, so a file is
//! never overwritten and never seen half written.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why the file was not created.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// The file exists already; it was left as it was.
    #[error("{} 已存在，不会覆盖已有文件（refusing to overwrite）", crate::diagnostic::shown_path(.0))]
    Exists(PathBuf),
    /// Writing failed.
    #[error("无法创建 {}：{}", crate::diagnostic::shown_path(.path), super::io_reason(.source))]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The temporary the text is written to first: `.NAME.new-PID.tmp` beside the file.
fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.new-{}.tmp", std::process::id()))
}

fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Creates `path` with `bytes`, refusing when it exists. Where the file system cannot link,
/// the file is created exclusively and written in place (removed again if writing fails).
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), CreateError> {
    let io = |source| CreateError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.symlink_metadata().is_ok() {
        return Err(CreateError::Exists(path.to_path_buf()));
    }
    let tmp = temporary(path);
    let _ = std::fs::remove_file(&tmp);
    write_new(&tmp, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(CreateError::Exists(path.to_path_buf()))
        }
        Err(_) => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::AlreadyExists => CreateError::Exists(path.to_path_buf()),
                    _ => io(e),
                })?;
            f.write_all(bytes).and_then(|()| f.sync_all()).map_err(|e| {
                let _ = std::fs::remove_file(path);
                io(e)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_once_and_never_overwrites() {
        let dir = std::env::temp_dir().join(format!("gongkai-new-file-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.toml");
        create_new(&file, b"first").unwrap();
        assert!(matches!(
            create_new(&file, b"second"),
            Err(CreateError::Exists(_))
        ));
        assert_eq!(std::fs::read(&file).unwrap(), b"first");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary left behind");
        let missing = dir.join("no-such-dir").join("b.toml");
        assert!(matches!(
            create_new(&missing, b"x"),
            Err(CreateError::Io { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
