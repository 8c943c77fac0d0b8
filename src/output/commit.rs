//! Putting a set of complete temporaries in place, all or nothing: every target is checked
//! first (a directory in the way is an error before anything moves), the previous file of
//! each target is kept as a backup (a hard link, or a copy), then the temporaries are
//! renamed; when a rename fails midway the files already replaced are put back from their
//! backups (or removed, where there was none), and the error says exactly what is on disk.

use crate::diagnostic::{io_reason, shown_path};
use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

/// What is on disk after a set could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Left {
    /// Nothing was replaced: the previous outputs are as they were.
    Unchanged,
    /// Some files were replaced, then put back: the previous outputs are as they were.
    RolledBack,
    /// Some replaced files could not be put back: `replaced` hold the new content, and
    /// the previous content of each is kept at its backup path where there was one.
    Partial {
        /// The files that hold the new content.
        replaced: Vec<PathBuf>,
        /// `(file, backup)`: where the previous content of a replaced file was kept.
        backups: Vec<(PathBuf, PathBuf)>,
    },
}

impl std::fmt::Display for Left {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Left::Unchanged => write!(f, "没有替换任何文件，已有的输出保持不变"),
            Left::RolledBack => write!(f, "已替换的文件已全部恢复，已有的输出保持不变"),
            Left::Partial { replaced, backups } => {
                let names: Vec<String> = replaced.iter().map(|p| shown_path(p)).collect();
                write!(f, "以下文件已是新内容、未能恢复：{}", names.join("、"))?;
                for (file, backup) in backups {
                    write!(
                        f,
                        "；{} 的上一版保存在 {}",
                        shown_path(file),
                        shown_path(backup)
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// Which file of a set could not be written, why, and what was left on disk.
#[derive(Debug, thiserror::Error)]
#[error("{}：{}；{}", shown_path(.path), io_reason(.source), .left)]
pub struct WriteError {
    /// The file (or the directory that could not be made).
    pub path: PathBuf,
    /// The cause.
    pub source: Error,
    /// What is on disk now.
    pub left: Left,
}

impl WriteError {
    /// An error that left every previous output as it was.
    pub fn unchanged(path: &Path, source: Error) -> WriteError {
        WriteError {
            path: path.to_path_buf(),
            source,
            left: Left::Unchanged,
        }
    }
}

/// One file of the set: its complete temporary, its place, and the backup of what the
/// place held.
struct Move<'a> {
    tmp: &'a Path,
    target: &'a Path,
    backup: Option<PathBuf>,
}

/// Renames every `(temporary, target)` into place as one set (see the module doc), with
/// `backup_name` naming the backup of a target and `rename` doing each rename (the file
/// system's, or a test's that fails on purpose). The temporaries are gone afterwards.
pub fn commit(
    moves: &[(PathBuf, &Path)],
    backup_name: &dyn Fn(&Path) -> PathBuf,
    rename: &dyn Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let remove_temporaries = || {
        for (tmp, _) in moves {
            let _ = std::fs::remove_file(tmp);
        }
    };
    let mut planned: Vec<Move<'_>> = Vec::new();
    for (tmp, target) in moves {
        match back_up(target, backup_name) {
            Ok(backup) => planned.push(Move {
                tmp,
                target,
                backup,
            }),
            Err(e) => {
                remove_temporaries();
                remove_backups(&planned);
                return Err(WriteError::unchanged(target, e));
            }
        }
    }
    for (i, m) in planned.iter().enumerate() {
        if let Err(e) = rename(m.tmp, m.target) {
            remove_temporaries();
            remove_backups(&planned[i..]);
            return Err(WriteError {
                path: m.target.to_path_buf(),
                source: e,
                left: roll_back(&planned[..i]),
            });
        }
    }
    remove_backups(&planned);
    Ok(())
}

/// Checks that `target` can be replaced by a file and keeps its previous content: `None`
/// when it does not exist, the backup path otherwise. A directory in the way is an error.
fn back_up(
    target: &Path,
    backup_name: &dyn Fn(&Path) -> PathBuf,
) -> std::io::Result<Option<PathBuf>> {
    let meta = match target.symlink_metadata() {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if meta.is_dir() {
        return Err(Error::from(ErrorKind::IsADirectory));
    }
    let backup = backup_name(target);
    let _ = std::fs::remove_file(&backup);
    if std::fs::hard_link(target, &backup).is_err() {
        std::fs::copy(target, &backup).inspect_err(|_| {
            let _ = std::fs::remove_file(&backup);
        })?;
    }
    Ok(Some(backup))
}

/// Puts back the files `done` replaced, last first; what is left on disk.
fn roll_back(done: &[Move<'_>]) -> Left {
    let mut replaced = Vec::new();
    let mut backups = Vec::new();
    for m in done.iter().rev() {
        let restored = match &m.backup {
            Some(backup) => std::fs::rename(backup, m.target),
            None => std::fs::remove_file(m.target),
        };
        if restored.is_err() {
            replaced.push(m.target.to_path_buf());
            if let Some(backup) = &m.backup {
                backups.push((m.target.to_path_buf(), backup.clone()));
            }
        }
    }
    for m in done
        .iter()
        .filter(|m| !replaced.iter().any(|r| r == m.target))
    {
        if let Some(backup) = &m.backup {
            let _ = std::fs::remove_file(backup);
        }
    }
    match (done.is_empty(), replaced.is_empty()) {
        (true, _) => Left::Unchanged,
        (false, true) => Left::RolledBack,
        (false, false) => {
            replaced.reverse();
            backups.reverse();
            Left::Partial { replaced, backups }
        }
    }
}

fn remove_backups(planned: &[Move<'_>]) {
    for backup in planned.iter().filter_map(|m| m.backup.as_ref()) {
        let _ = std::fs::remove_file(backup);
    }
}
