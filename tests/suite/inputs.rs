//! Input files that are not budgets (issue 19): a device (`/dev/zero`), a named pipe with no
//! writer and a file over the 4 MiB cap are refused at once with a reason, whether given to
//! `check`, `generate`, `watch` or `serve`, or listed as a department's unit file — never
//! read without end, never waited on.

use crate::common::run::temp_dir;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a refusal may take: anything near this means the command hung.
const LIMIT: Duration = Duration::from_secs(20);

/// Runs `gongkai ARGS` in `dir`; its exit code and stderr. Killed, and the test failed,
/// when it takes longer than [`LIMIT`].
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gongkai");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            return (status.code(), err);
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gongkai {args:?} still running after {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A named pipe at `path` (no process ever writes to it).
fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

/// A file just over the cap: a valid TOML comment of 4 MiB + 1 byte.
fn oversized(path: &Path) {
    let mut text = vec![b'#'; 4 * 1024 * 1024];
    text.extend_from_slice(b"\n");
    std::fs::write(path, text).unwrap();
}

const NOT_REGULAR: &str = "不是普通文件";
const TOO_LARGE: &str = "文件超过 4 MiB 的上限";

#[test]
fn check_and_generate_refuse_devices_pipes_and_huge_files() {
    let dir = temp_dir("inputs-refused");
    fifo(&dir.join("pipe.toml"));
    oversized(&dir.join("big.toml"));
    let cases: [(&str, &str); 3] = [
        ("/dev/zero", NOT_REGULAR),
        ("pipe.toml", NOT_REGULAR),
        ("big.toml", TOO_LARGE),
    ];
    for (file, why) in cases {
        for command in [
            &["check", file][..],
            &["generate", file, "--out", "out"][..],
        ] {
            let (code, err) = run(&dir, command);
            assert_eq!(code, Some(2), "{command:?}: {err}");
            assert!(
                err.contains(&format!("无法读取 {file}：{why}")),
                "{command:?}: {err}"
            );
        }
    }
    assert!(!dir.join("out").exists(), "nothing generated");
}

#[test]
fn watch_and_serve_refuse_a_pipe_at_start() {
    let dir = temp_dir("inputs-watch");
    fifo(&dir.join("pipe.toml"));
    for command in [
        &["watch", "pipe.toml", "--out", "out"][..],
        &["serve", "pipe.toml", "--port", "0"][..],
    ] {
        let (code, err) = run(&dir, command);
        assert_eq!(code, Some(2), "{command:?}: {err}");
        assert!(err.contains(NOT_REGULAR), "{command:?}: {err}");
    }
}

/// The consolidation fixtures in a fresh directory, the department listing `units`.
fn department(name: &str, units: &str) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/consolidate");
    let dir = temp_dir(name);
    for f in ["部门.toml", "本级.toml", "二中.toml"] {
        let src = std::fs::read_to_string(fixtures.join(f)).unwrap();
        let src = if f == "部门.toml" {
            assert!(src.contains("[\"本级.toml\", \"二中.toml\"]"));
            src.replacen("[\"本级.toml\", \"二中.toml\"]", units, 1)
        } else {
            src
        };
        std::fs::write(dir.join(f), src).unwrap();
    }
    dir
}

#[test]
fn a_unit_file_that_is_a_device_a_pipe_or_huge_is_refused_at_its_entry() {
    let cases = [
        ("unit-zero", "\"/dev/zero\"", NOT_REGULAR),
        ("unit-pipe", "\"管道.toml\"", NOT_REGULAR),
        ("unit-big", "\"大.toml\"", TOO_LARGE),
    ];
    for (name, entry, why) in cases {
        let dir = department(name, &format!("[\"本级.toml\", \"二中.toml\", {entry}]"));
        fifo(&dir.join("管道.toml"));
        oversized(&dir.join("大.toml"));
        let (code, err) = run(&dir, &["check", "部门.toml"]);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(
            err.contains("错误：[consolidate.units[2]]"),
            "{name}: {err}"
        );
        assert!(
            err.contains("无法读取单位文件") && err.contains(why),
            "{name}: {err}"
        );
        assert!(err.contains("unreadable unit file"), "{name}: {err}");
    }
}
