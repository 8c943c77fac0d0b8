//! The budget files a command line names: files as given, directories as the `*.toml`
//! files directly in them; and which diagnostics of a department belong to a unit file
//! that the same run reports on its own.

use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The budget files to work on, and whether they make a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// The files, in the order given (a directory's sorted by name), each once.
    pub files: Vec<PathBuf>,
    /// True when a directory or several files were given: progress, index and summary.
    pub batch: bool,
}

/// Expands `args`: a directory contributes every `*.toml` file directly in it (not its
/// subdirectories, not hidden files), sorted by file name; anything else is taken as a
/// file (a missing one is reported when it is read). A file named twice is taken once.
pub fn expand(args: &[PathBuf]) -> Result<Inputs, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut directory = false;
    for arg in args {
        let found = if arg.is_dir() {
            directory = true;
            let found = toml_files(arg)?;
            if found.is_empty() {
                return Err(format!(
                    "目录 {} 中没有 .toml 文件（只查找目录本身，不查找子目录）",
                    crate::diagnostic::shown_path(arg)
                ));
            }
            found
        } else {
            vec![arg.clone()]
        };
        for file in found {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    Ok(Inputs {
        batch: directory || files.len() > 1,
        files,
    })
}

/// The `*.toml` files directly in `dir`, sorted by name.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let error = |e: std::io::Error| {
        format!(
            "无法读取目录 {}：{}",
            crate::diagnostic::shown_path(dir),
            crate::diagnostic::io_reason(&e)
        )
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(error)? {
        let path = entry.map_err(error)?.path();
        let visible = path
            .file_name()
            .is_some_and(|n| !n.to_string_lossy().starts_with('.'));
        if visible && path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// The diagnostics to print with a budget, and the unit files (with their error counts)
/// whose problems are printed with their own entry of the run (`listed`: its budgets)
/// instead.
pub fn apart_from(
    diagnostics: &[Diagnostic],
    listed: Option<&BTreeSet<PathBuf>>,
) -> (Vec<Diagnostic>, BTreeMap<String, usize>) {
    let mut own = Vec::new();
    let mut apart: BTreeMap<String, usize> = BTreeMap::new();
    for d in diagnostics {
        let elsewhere = d.file.as_ref().filter(|f| {
            let path = Path::new(&f.name).canonicalize().ok();
            listed.zip(path).is_some_and(|(l, p)| l.contains(&p))
        });
        match elsewhere {
            Some(f) => *apart.entry(f.name.clone()).or_default() += usize::from(d.is_error()),
            None => own.push(d.clone()),
        }
    }
    (own, apart)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("gongkai-inputs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_directory_gives_its_toml_files_by_name() {
        let d = dir("sorted");
        for name in [
            "b.toml",
            "a.toml",
            "notes.txt",
            ".hidden.toml",
            "c.TOML.bak",
        ] {
            std::fs::write(d.join(name), "").unwrap();
        }
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("sub").join("nested.toml"), "").unwrap();
        let inputs = expand(std::slice::from_ref(&d)).unwrap();
        assert_eq!(inputs.files, vec![d.join("a.toml"), d.join("b.toml")]);
        assert!(inputs.batch);
    }

    #[test]
    fn files_and_directories_mix_each_file_once() {
        let d = dir("mix");
        std::fs::write(d.join("a.toml"), "").unwrap();
        let other = PathBuf::from("elsewhere.toml");
        let inputs = expand(&[other.clone(), d.clone(), d.join("a.toml")]).unwrap();
        assert_eq!(inputs.files, vec![other.clone(), d.join("a.toml")]);
        let single = expand(std::slice::from_ref(&other)).unwrap();
        assert!(!single.batch);
    }

    #[test]
    fn an_empty_directory_is_an_error() {
        let d = dir("empty");
        let e = expand(&[d]).unwrap_err();
        assert!(e.contains("没有 .toml 文件"), "{e}");
    }
}
