//! The checks on the texts a clerk types, run through the binary: every mistake of one file
//! reported in one run, each once; every character some output cannot carry either refused
//! by `check` (located, with its code point) or generated in every format; a Windows file
//! (CRLF) accepted; every valid file still clean; `next-year` listing the texts that still
//! speak of the old year, located in the new file.

use crate::common::run;
use run::{generate_json, gongkai, temp_dir};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn minimal() -> String {
    std::fs::read_to_string(fixture("minimal.toml")).unwrap()
}

/// `check` of a file: exit code and stderr.
fn check(file: &Path) -> (Option<i32>, String) {
    let out = gongkai(&["check", file.to_str().unwrap()]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_text_mistake_of_a_file_is_reported_once_in_one_run() {
    let file = fixture("invalid/text_mistakes.toml");
    let (code, err) = check(&file);
    assert_eq!(code, Some(1), "{err}");
    let src = std::fs::read_to_string(&file).unwrap();
    let expects: Vec<&str> = src
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .filter(|e| !e.contains("个错误"))
        .collect();
    assert!(expects.len() >= 8, "{expects:?}");
    for e in expects {
        let lines = err
            .lines()
            .filter(|l| l.contains("错误：") && l.contains(e));
        assert_eq!(lines.count(), 1, "«{e}» once in:\n{err}");
    }
    assert!(err.contains("8 个错误，0 个警告"), "{err}");
}

/// Each class of characters some output cannot carry, as the clerk pastes it.
const CHARACTERS: [char; 27] = [
    '\u{2028}', '\u{2029}', '\u{0085}', '\u{00A0}', '\u{1680}', '\u{2000}', '\u{2009}', '\u{202F}',
    '\u{205F}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{FFFD}', '\u{3000}',
];

/// A character in a text: `check` refuses it at the character with its code point, or
/// every format is generated. (Before these checks, U+2028 and the others passed `check`
/// and `generate` failed with no location.)
#[test]
fn a_character_no_output_carries_is_refused_located_or_generated_everywhere() {
    let dir = temp_dir("text-characters");
    let mut generated = Vec::new();
    for ch in CHARACTERS.into_iter().chain(['\r', '\u{7}']) {
        let point = format!("U+{:04X}", u32::from(ch));
        let written = if ch.is_control() {
            format!("\\u{:04X}", u32::from(ch))
        } else {
            ch.to_string()
        };
        let src = minimal().replacen(
            "负责全县统计工作。",
            &format!("负责全县{written}统计工作。"),
            1,
        );
        let file = dir.join(format!("{}.toml", point.replace('+', "")));
        std::fs::write(&file, src).unwrap();
        let (code, err) = check(&file);
        if code == Some(1) {
            let at = format!("{}:11:", file.display());
            let line = err.lines().find(|l| l.starts_with(&at)).unwrap_or_default();
            assert!(
                line.contains("[overview.functions[0]]") && line.contains(&point),
                "{point}:\n{err}"
            );
            continue;
        }
        assert_eq!(code, Some(0), "{point}: {err}");
        let out = gongkai(&[
            "generate",
            file.to_str().unwrap(),
            "--format",
            "html,pdf,json,xlsx",
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{point}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        generated.push(point);
    }
    assert_eq!(
        generated,
        ["U+3000"],
        "only the ideographic space is printed"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A file saved on Windows (CRLF line endings, a multi-line text) is valid, and its texts
/// reach the outputs with LF line breaks only.
#[test]
fn a_windows_file_is_accepted_and_its_breaks_are_written_as_lf() {
    let dir = temp_dir("text-crlf");
    let src = minimal()
        .replacen(
            "functions = [\"负责全县统计工作。\"]",
            "functions = [\"\"\"负责全县统计工作。\n负责统计调查。\"\"\"]",
            1,
        )
        .replace('\n', "\r\n");
    let file = dir.join("windows.toml");
    std::fs::write(&file, src).unwrap();
    let (code, err) = check(&file);
    assert_eq!(code, Some(0), "{err}");
    let json = generate_json(&file, &dir);
    assert!(
        json.contains("负责全县统计工作。\\n负责统计调查。"),
        "{json}"
    );
    assert!(!json.contains("\\r"), "{json}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every file that is not an invalid fixture passes `check` (warnings allowed): the text
/// checks find no mistake in a text that is right.
#[test]
fn every_valid_file_passes_check() {
    let mut files = vec![fixture("minimal.toml")];
    for dir in ["warnings", "structures", "units", "layout", "consolidate"] {
        for e in std::fs::read_dir(fixture(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
    }
    for name in crate::common::EXAMPLES {
        files.push(crate::common::example_path(name));
    }
    for f in files {
        let (code, err) = check(&f);
        assert_eq!(code, Some(0), "{}: {err}", f.display());
    }
}

/// After writing, `next-year` lists each text that still speaks of the old year, located
/// in the new file; `check` of the new file warns about a plan for last year.
#[test]
fn next_year_lists_the_texts_that_mention_the_old_year() {
    let dir = temp_dir("text-next-year");
    let this = dir.join("2025.toml");
    let src = minimal().replacen(
        "goal = \"完成年度统计调查任务。\"",
        "goal = \"力争2025年完成年度统计调查任务。\"",
        1,
    );
    std::fs::write(&this, src).unwrap();
    let next = dir.join("2026.toml");
    let out = gongkai(&[
        "next-year",
        this.to_str().unwrap(),
        "-o",
        next.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let new = std::fs::read_to_string(&next).unwrap();
    let (line, text) = new
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("力争2025年"))
        .unwrap();
    let column = text[..text.find("2025").unwrap()].chars().count() + 1;
    let at = format!(
        "{}:{}:{column}: 警告：[performance.unit.goal] 文字提到 2025 年",
        next.display(),
        line + 1
    );
    assert!(err.contains(&at), "{at} in:\n{err}");
    assert!(err.contains("1 处文字仍提到 2025 年"), "{err}");
    let (_, err) = check(&next);
    assert!(
        err.contains("“力争”说的是上年 2025 年，而本文件是 2026 年的预算"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
