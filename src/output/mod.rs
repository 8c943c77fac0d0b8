//! Writing a budget's outputs as one set: every file is written to a temporary beside its
//! place first, and only when all of them are complete, and every place can take a file,
//! are they renamed into place ([`commit`]), under a lock; a rename that fails midway puts
//! the files already replaced back from their backups. So a failure leaves the previous
//! outputs as they were (or says exactly which are not), and two runs writing the same
//! outputs at once end with one consistent set. Temporaries left by a run that was
//! killed are removed by the next one. A file that must not exist yet (a new budget file)
//! is created with [`create_new`], never over another.

mod commit;
mod new_file;

pub use commit::{Left, WriteError};
pub use new_file::{create_new, CreateError};

use crate::diagnostic::io_reason;
use crate::format::Format;
use commit::commit;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// How long a run waits for another run's lock on the same outputs.
const LOCK_WAIT: Duration = Duration::from_secs(30);
/// A lock or temporary older than this whose owner cannot be checked is stale.
const STALE: Duration = Duration::from_secs(600);

/// The name of a budget's outputs: its file name without the extension (`budget` for a
/// path without one).
pub fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "budget".into())
}

/// Where each output of the budget `file` goes in `out` (`OUT/STEM.EXT`), with its bytes.
pub fn output_paths<'a>(
    file: &Path,
    out: &Path,
    outputs: &'a [(Format, Vec<u8>)],
) -> Vec<(PathBuf, &'a [u8])> {
    outputs
        .iter()
        .map(|(format, bytes)| {
            let name = format!("{}.{}", stem(file), format.extension());
            (out.join(name), bytes.as_slice())
        })
        .collect()
}

/// Writes every `(path, bytes)` of one budget as a set (see the module doc). All paths
/// must be in `dir`; `stem` names the set's lock (`.STEM.gongkai.lock`). On an error,
/// [`WriteError::left`] says what is on disk.
pub fn write_set(dir: &Path, stem: &str, files: &[(PathBuf, &[u8])]) -> Result<(), WriteError> {
    std::fs::create_dir_all(dir).map_err(|e| WriteError::unchanged(dir, e))?;
    for (path, _) in files {
        remove_stale_temporaries(path);
    }
    let mut written: Vec<(PathBuf, &Path)> = Vec::new();
    for (path, bytes) in files {
        match write_temporary(path, bytes) {
            Ok(tmp) => written.push((tmp, path)),
            Err(e) => {
                for (tmp, _) in &written {
                    let _ = std::fs::remove_file(tmp);
                }
                return Err(WriteError::unchanged(path, e));
            }
        }
    }
    let lock = Lock::acquire(&dir.join(format!(".{stem}.gongkai.lock")));
    let pid = std::process::id();
    let result = commit(
        &written,
        &|target| side_name(target, pid, "bak"),
        &|from, to| std::fs::rename(from, to),
    );
    drop(lock);
    result
}

/// `.NAME.PID-SEQ.tmp` (a temporary) or `.NAME.PID-SEQ.bak` (the previous file, kept until
/// the set is in place): the run's pid (to tell a dead run's leftovers) and a number that
/// is new for every file of the run.
fn side_name(path: &Path, pid: u32, suffix: &str) -> PathBuf {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{pid}-{seq}.{suffix}"))
}

fn write_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let tmp = side_name(path, std::process::id(), "tmp");
    let result = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Removes `.NAME.PID-SEQ.tmp` and `.bak` files beside `path` whose run is gone.
fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| {
                rest.strip_suffix(".tmp")
                    .or_else(|| rest.strip_suffix(".bak"))
            })
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid {
            if pid != std::process::id() && !owner_alive(pid, &entry.path()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Whether the run `pid` that made `file` may still be running: on Linux by its /proc
/// entry, elsewhere by the file's age.
fn owner_alive(pid: u32, file: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    let age = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|a| a < STALE)
}

/// A lock file held while a set is renamed into place; removed when dropped.
struct Lock(Option<PathBuf>);

impl Lock {
    /// Takes the lock at `path`, waiting for another run to release it, and taking it over
    /// when its owner is gone. After [`LOCK_WAIT`] it proceeds without the lock rather than
    /// fail: each file is still replaced atomically.
    fn acquire(path: &Path) -> Lock {
        let start = SystemTime::now();
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut f) => {
                    let _ = write!(f, "{}", std::process::id());
                    return Lock(Some(path.to_path_buf()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let owner = std::fs::read_to_string(path)
                        .ok()
                        .and_then(|s| s.trim().parse::<u32>().ok());
                    if owner.is_some_and(|pid| !owner_alive(pid, path)) {
                        let _ = std::fs::remove_file(path);
                        continue;
                    }
                    let waited = SystemTime::now().duration_since(start).unwrap_or_default();
                    if waited > LOCK_WAIT {
                        return Lock(None);
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(_) => return Lock(None),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("gongkai-out-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_failed_write_leaves_the_previous_set() {
        let d = dir("fail");
        let html = d.join("a.html");
        let pdf = d.join("a.pdf");
        write_set(
            &d,
            "a",
            &[(html.clone(), b"old html"), (pdf.clone(), b"old pdf")],
        )
        .unwrap();
        // The second file cannot be written (its directory does not exist).
        let unwritable = d.join("missing").join("a.pdf");
        let err = write_set(
            &d,
            "a",
            &[(html.clone(), b"new html"), (unwritable, b"new pdf")],
        );
        assert!(err.is_err());
        assert_eq!(std::fs::read(&html).unwrap(), b"old html");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"old pdf");
        let left: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 2, "no temporary is left: {left:?}");
    }

    /// The names of the files in `d`, sorted.
    fn listing(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_directory_in_the_way_replaces_nothing() {
        let d = dir("in-the-way");
        let (html, json, pdf) = (d.join("a.html"), d.join("a.json"), d.join("a.pdf"));
        write_set(
            &d,
            "a",
            &[(html.clone(), b"old html"), (json.clone(), b"old json")],
        )
        .unwrap();
        std::fs::create_dir(&pdf).unwrap();
        let err = write_set(
            &d,
            "a",
            &[
                (html.clone(), b"new html"),
                (json.clone(), b"new json"),
                (pdf.clone(), b"pdf"),
            ],
        )
        .unwrap_err();
        assert_eq!(err.path, pdf);
        assert_eq!(err.left, Left::Unchanged);
        assert!(err.to_string().contains("这是一个目录"), "{err}");
        assert!(err.to_string().contains("没有替换任何文件"), "{err}");
        assert_eq!(std::fs::read(&html).unwrap(), b"old html");
        assert_eq!(std::fs::read(&json).unwrap(), b"old json");
        assert_eq!(
            listing(&d),
            ["a.html", "a.json", "a.pdf"],
            "no temporary or backup left"
        );
    }

    #[test]
    fn a_rename_failing_midway_puts_the_replaced_files_back() {
        let d = dir("midway");
        let (html, json, pdf) = (d.join("a.html"), d.join("a.json"), d.join("a.pdf"));
        write_set(
            &d,
            "a",
            &[(html.clone(), b"old html"), (pdf.clone(), b"old pdf")],
        )
        .unwrap();
        let moves: Vec<(PathBuf, &Path)> =
            [(&html, "new html"), (&json, "new json"), (&pdf, "new pdf")]
                .iter()
                .map(|(p, text)| (write_temporary(p, text.as_bytes()).unwrap(), p.as_path()))
                .collect();
        // The third rename fails, after a.html was replaced and a.json created.
        let fail_on_pdf = |from: &Path, to: &Path| {
            if to == pdf {
                Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
            } else {
                std::fs::rename(from, to)
            }
        };
        let err = commit(
            &moves,
            &|t| side_name(t, std::process::id(), "bak"),
            &fail_on_pdf,
        )
        .unwrap_err();
        assert_eq!(err.left, Left::RolledBack);
        assert!(err.to_string().contains("已全部恢复"), "{err}");
        assert_eq!(std::fs::read(&html).unwrap(), b"old html");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"old pdf");
        assert!(!json.exists(), "a file the set created is removed again");
        assert_eq!(
            listing(&d),
            ["a.html", "a.pdf"],
            "no temporary or backup left"
        );
    }

    #[test]
    fn temporaries_of_a_dead_run_are_removed() {
        let d = dir("stale");
        let html = d.join("a.html");
        // No process has pid 4,000,000,000 (above Linux's pid_max).
        let stale = side_name(&html, 4_000_000_000, "tmp");
        std::fs::write(&stale, b"half").unwrap();
        std::fs::write(d.join(".a.gongkai.lock"), "4000000000").unwrap();
        write_set(&d, "a", &[(html.clone(), b"html")]).unwrap();
        assert!(!stale.exists());
        assert_eq!(std::fs::read(&html).unwrap(), b"html");
        assert!(
            !d.join(".a.gongkai.lock").exists(),
            "a dead run's lock is taken over"
        );
    }

    #[test]
    fn concurrent_runs_end_with_one_consistent_set() {
        let d = dir("race");
        let (html, pdf) = (d.join("a.html"), d.join("a.pdf"));
        let runs: Vec<_> = (0..8u8)
            .map(|i| {
                let (d, html, pdf) = (d.clone(), html.clone(), pdf.clone());
                std::thread::spawn(move || {
                    let h = vec![i; 100_000];
                    let p = vec![i; 200_000];
                    for _ in 0..5 {
                        write_set(&d, "a", &[(html.clone(), &h), (pdf.clone(), &p)]).unwrap();
                    }
                })
            })
            .collect();
        for r in runs {
            r.join().unwrap();
        }
        let (h, p) = (std::fs::read(&html).unwrap(), std::fs::read(&pdf).unwrap());
        assert_eq!(h.len(), 100_000);
        assert_eq!(p.len(), 200_000);
        assert_eq!(h[0], p[0], "both files come from the same run");
    }
}
