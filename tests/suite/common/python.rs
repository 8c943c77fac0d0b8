//! The Python the tests run: the project's `.venv` (made by scripts/test-tools.sh, with
//! pdfplumber), else `GONGKAI_PYTHON`, else `python3` on PATH.

use std::path::PathBuf;

/// The Python interpreter for the tests' extraction scripts and checkers.
pub fn python() -> PathBuf {
    if let Ok(p) = std::env::var("GONGKAI_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python3");
    if venv.is_file() {
        venv
    } else {
        PathBuf::from("python3")
    }
}
