//! Noticing saves of one file, for `gongkai watch` and `gongkai serve`.
//!
//! The file is polled by path: every [`POLL`] its metadata is looked at, and its content is
//! read when the metadata changed (and every [`REREAD`] regardless, for file systems whose
//! modification times are coarse). Watching the path rather than an open file or inode
//! handles every way editors save: writing in place, truncating and writing, and writing a
//! temporary file and renaming it over the original (vim, VS Code, gedit). A change is
//! reported once the content has stayed the same for [`QUIET`], and only when it differs
//! from the content reported before, so a save that changes nothing renders nothing.
//!
//! A department that sums its units (`[consolidate] units`) is rendered from their files
//! too: they are watched with it, and the list follows every edit of the department's file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How often the file is looked at.
pub const POLL: Duration = Duration::from_millis(100);
/// How long the content must stay unchanged before it is reported.
pub const QUIET: Duration = Duration::from_millis(200);
/// How often the content is read even when the metadata looks unchanged.
pub const REREAD: Duration = Duration::from_secs(1);

/// What the file holds at one moment.
#[derive(Debug, Clone)]
pub enum Snapshot {
    /// The file's bytes.
    Present(Vec<u8>),
    /// The file cannot be read; the reason, for the user.
    Unreadable(String),
}

impl Snapshot {
    /// Reads `path`.
    pub fn read(path: &Path) -> Snapshot {
        match crate::diagnostic::read_input(path) {
            Ok(bytes) => Snapshot::Present(bytes),
            Err(e) => Snapshot::Unreadable(format!(
                "无法读取 {}：{}",
                crate::diagnostic::shown_path(path),
                crate::diagnostic::io_reason(&e)
            )),
        }
    }

    /// Same content (two unreadable states are the same, whatever their reasons).
    fn same(&self, other: &Snapshot) -> bool {
        match (self, other) {
            (Snapshot::Present(a), Snapshot::Present(b)) => a == b,
            (Snapshot::Unreadable(_), Snapshot::Unreadable(_)) => true,
            _ => false,
        }
    }
}

/// Decides, from successive snapshots, when a change has settled and is new.
#[derive(Debug)]
pub struct Debounce {
    quiet: Duration,
    reported: Snapshot,
    latest: (Snapshot, Instant),
    settled: bool,
}

impl Debounce {
    /// A debounce whose last reported content is `reported`.
    pub fn new(reported: Snapshot, quiet: Duration) -> Debounce {
        Debounce {
            quiet,
            latest: (reported.clone(), Instant::now()),
            reported,
            settled: true,
        }
    }

    /// Takes the snapshot seen at `now`; returns it when it has been the same since at
    /// least `quiet` ago and differs from the last one reported.
    pub fn observe(&mut self, now: Instant, seen: Snapshot) -> Option<Snapshot> {
        if !self.latest.0.same(&seen) {
            self.latest = (seen, now);
            self.settled = false;
            return None;
        }
        if self.settled || now.duration_since(self.latest.1) < self.quiet {
            return None;
        }
        self.settled = true;
        if seen.same(&self.reported) {
            return None;
        }
        self.reported = seen.clone();
        Some(seen)
    }

    /// Whether a change was seen that has not settled yet.
    pub fn settling(&self) -> bool {
        !self.settled
    }
}

/// What the metadata of the path says, to tell cheaply that it may have changed.
#[derive(Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
        })
    }
}

/// Watches one file, and the unit files it lists, by polling their paths.
#[derive(Debug)]
pub struct Watcher {
    path: PathBuf,
    units: Vec<PathBuf>,
    debounce: Debounce,
    stamps: Vec<Option<Stamp>>,
    read_at: Instant,
}

impl Watcher {
    /// Starts watching `path`; returns the watcher and the file's content now.
    pub fn start(path: &Path) -> (Watcher, Snapshot) {
        let mut watcher = Watcher {
            path: path.to_path_buf(),
            units: Vec::new(),
            debounce: Debounce::new(Snapshot::Unreadable(String::new()), QUIET),
            stamps: Vec::new(),
            read_at: Instant::now(),
        };
        let (now, all) = watcher.read();
        watcher.stamps = watcher.stamps();
        watcher.debounce = Debounce::new(all, QUIET);
        (watcher, now)
    }

    /// The metadata of the file and of each unit file.
    fn stamps(&self) -> Vec<Option<Stamp>> {
        std::iter::once(&self.path)
            .chain(&self.units)
            .map(|p| Stamp::of(p))
            .collect()
    }

    /// Reads the file, and the unit files it lists now; returns the file's content and
    /// the content of all of them together (what must settle before a rendering).
    fn read(&mut self) -> (Snapshot, Snapshot) {
        let main = Snapshot::read(&self.path);
        self.units = match &main {
            Snapshot::Present(bytes) => crate::consolidate::unit_files(
                &String::from_utf8_lossy(bytes),
                &crate::pipeline::base_dir(&self.path),
            ),
            Snapshot::Unreadable(_) => Vec::new(),
        };
        if self.units.is_empty() {
            return (main.clone(), main);
        }
        let mut all = match &main {
            Snapshot::Present(bytes) => bytes.clone(),
            Snapshot::Unreadable(why) => why.as_bytes().to_vec(),
        };
        for unit in &self.units {
            all.extend_from_slice(b"\0");
            match crate::diagnostic::read_input(unit) {
                Ok(bytes) => all.extend(bytes),
                Err(e) => all.extend_from_slice(e.to_string().as_bytes()),
            }
        }
        (main, Snapshot::Present(all))
    }

    /// Waits until the file's content has changed and settled; returns the new content.
    pub fn next_change(&mut self) -> Snapshot {
        loop {
            std::thread::sleep(POLL);
            if let Some(change) = self.poll() {
                return change;
            }
        }
    }

    /// Looks at the files once; returns the file's content when a change has settled.
    fn poll(&mut self) -> Option<Snapshot> {
        let now = Instant::now();
        let stamps = self.stamps();
        let settling = self.debounce.settling();
        if stamps == self.stamps && !settling && now.duration_since(self.read_at) < REREAD {
            return None;
        }
        self.read_at = now;
        let (main, all) = self.read();
        self.stamps = self.stamps();
        self.debounce.observe(now, all).map(|_| main)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Snapshot {
        Snapshot::Present(s.as_bytes().to_vec())
    }

    fn ms(start: Instant, n: u64) -> Instant {
        start + Duration::from_millis(n)
    }

    #[test]
    fn a_change_is_reported_once_it_has_settled() {
        let t = Instant::now();
        let mut d = Debounce::new(text("a"), QUIET);
        assert!(d.observe(ms(t, 0), text("ab")).is_none());
        assert!(
            d.observe(ms(t, 100), text("abc")).is_none(),
            "still being written"
        );
        assert!(
            d.observe(ms(t, 200), text("abc")).is_none(),
            "not quiet long enough"
        );
        let change = d.observe(ms(t, 300), text("abc"));
        assert!(matches!(change, Some(Snapshot::Present(b)) if b == b"abc"));
        assert!(
            d.observe(ms(t, 600), text("abc")).is_none(),
            "reported once"
        );
    }

    #[test]
    fn a_save_without_a_change_is_not_reported() {
        let t = Instant::now();
        let mut d = Debounce::new(text("a"), QUIET);
        assert!(d.observe(ms(t, 0), text("")).is_none(), "truncated");
        assert!(d.observe(ms(t, 50), text("a")).is_none());
        assert!(d.observe(ms(t, 500), text("a")).is_none());
    }

    #[test]
    fn a_vanished_file_is_reported_and_its_return_too() {
        let t = Instant::now();
        let mut d = Debounce::new(text("a"), QUIET);
        assert!(d
            .observe(ms(t, 0), Snapshot::Unreadable("gone".into()))
            .is_none());
        let gone = d.observe(ms(t, 300), Snapshot::Unreadable("gone".into()));
        assert!(matches!(gone, Some(Snapshot::Unreadable(_))));
        assert!(d.observe(ms(t, 400), text("a")).is_none());
        assert!(
            d.observe(ms(t, 700), text("a")).is_some(),
            "back with its old content"
        );
    }

    #[test]
    fn the_watcher_sees_a_rename_over_the_file() {
        let dir = std::env::temp_dir().join(format!("gongkai-watcher-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.toml");
        std::fs::write(&file, "old").unwrap();
        let (mut w, first) = Watcher::start(&file);
        assert!(matches!(first, Snapshot::Present(b) if b == b"old"));
        let tmp = dir.join(".a.toml.swp");
        std::fs::write(&tmp, "new").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        let change = loop {
            assert!(Instant::now() < deadline, "the rename was not seen");
            std::thread::sleep(POLL);
            if let Some(c) = w.poll() {
                break c;
            }
        };
        assert!(matches!(change, Snapshot::Present(b) if b == b"new"));
    }
}
