//! Running the `gongkai` binary from an integration test, in a scratch directory of its own.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `gongkai ARGS` and waits for it.
pub fn gongkai<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("run gongkai")
}

/// A fresh, empty scratch directory for `name` of this test binary and process.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "gongkai-{}-{name}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch directory");
    d
}

/// Runs `generate --format json` of `file` into `dir`, asserts success and returns the JSON.
pub fn generate_json(file: &Path, dir: &Path) -> String {
    let out = gongkai(&[
        "generate",
        file.to_str().expect("UTF-8 path"),
        "--format",
        "json",
        "--out",
        dir.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = file.file_stem().expect("file name").to_string_lossy();
    std::fs::read_to_string(dir.join(format!("{stem}.json"))).expect("the JSON output")
}
