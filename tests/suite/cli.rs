//! Integration tests that run the `gongkai` binary.

use crate::common;
use crate::common::run;
use run::{generate_json, gongkai, temp_dir};

use common::{example_path, EXAMPLES};
use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_invalid_fixture_fails_with_its_located_message() {
    let files = fixtures("invalid");
    assert!(files.len() >= 15, "expected the invalid fixtures");
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let expects: Vec<&str> = src
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        assert!(
            !expects.is_empty(),
            "{} has no `# expect:` line",
            f.display()
        );
        let out = gongkai(&["check", f.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", f.display());
        for e in expects {
            assert!(
                stderr.contains(e),
                "{}: missing «{e}» in:\n{stderr}",
                f.display()
            );
        }
        let located = format!("{}:", f.display());
        let has_line_col = stderr.lines().any(|l| {
            l.strip_prefix(&located).is_some_and(|rest| {
                let mut parts = rest.splitn(3, ':');
                parts.next().is_some_and(|n| n.parse::<usize>().is_ok())
                    && parts.next().is_some_and(|n| n.parse::<usize>().is_ok())
            })
        });
        assert!(
            has_line_col,
            "{}: no file:line:column in:\n{stderr}",
            f.display()
        );
    }
}

#[test]
fn many_problems_are_reported_at_once() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/many_errors.toml");
    let out = gongkai(&["check", f.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 个错误"), "{stderr}");
}

#[test]
fn examples_pass_check() {
    for name in EXAMPLES {
        let out = gongkai(&["check", example_path(name).to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn json_output_is_deterministic_with_two_decimal_strings() {
    let dir = temp_dir("json");
    let file = example_path("qitai-commerce-2024");
    let before = std::fs::read(&file).unwrap();
    let mut outputs = Vec::new();
    for _ in 0..2 {
        outputs.push(generate_json(&file, &dir).into_bytes());
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the input must never be touched"
    );
    let json = String::from_utf8(outputs.remove(0)).unwrap();
    assert!(
        json.contains("\"amount\": \"1795.47\""),
        "amounts are two-decimal strings"
    );
    assert!(
        json.contains("\"share\": \"32.40\""),
        "shares are two-decimal strings"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");
}

#[test]
fn invalid_budget_writes_nothing_and_exits_1() {
    let dir = temp_dir("invalid");
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/over_precise.toml");
    let out = gongkai(&[
        "generate",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

/// Several budgets in one call: each gets the same files as when generated alone; an
/// invalid one is reported (exit 1) without stopping the others.
#[test]
fn many_files_in_one_call() {
    let together = temp_dir("many");
    let files: Vec<PathBuf> = EXAMPLES.iter().map(|n| example_path(n)).collect();
    let invalid =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/over_precise.toml");
    let mut args = vec!["generate".to_string()];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    args.push(invalid.to_string_lossy().into_owned());
    args.extend(["--format", "json,html", "--out"].map(String::from));
    args.push(together.to_string_lossy().into_owned());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = gongkai(&refs);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("有错误 over_precise.toml")
            && stderr.contains("3 个已生成，1 个有错误：over_precise.toml"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.matches("已生成").count(),
        2 * files.len(),
        "{stdout}"
    );
    for f in &files {
        let alone = temp_dir("alone");
        let one = gongkai(&[
            "generate",
            f.to_str().unwrap(),
            "--format",
            "json,html",
            "--out",
            alone.to_str().unwrap(),
        ]);
        assert_eq!(one.status.code(), Some(0));
        let stem = f.file_stem().unwrap().to_string_lossy();
        for ext in ["json", "html"] {
            let name = format!("{stem}.{ext}");
            let a = std::fs::read(together.join(&name)).expect("generated together");
            let b = std::fs::read(alone.join(&name)).expect("generated alone");
            assert!(a == b, "{name} differs between one call and many");
        }
    }
    assert!(!together.join("over_precise.json").exists());
}

#[test]
fn many_files_are_checked_in_one_call() {
    let invalid =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/over_precise.toml");
    let valid = example_path(EXAMPLES[0]);
    let out = gongkai(&[
        "check",
        valid.to_str().unwrap(),
        invalid.to_str().unwrap(),
        "/nonexistent/budget.toml",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.contains("检查通过"), "{stdout}");
    assert!(
        stderr.contains("over_precise.toml") && stderr.contains("个错误"),
        "{stderr}"
    );
    assert!(stderr.contains("/nonexistent/budget.toml"), "{stderr}");
    let out = gongkai(&["check", valid.to_str().unwrap(), invalid.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn output_name_clashes_are_refused() {
    let dir = temp_dir("clash");
    let a = dir.join("a");
    let b = dir.join("b");
    for d in [&a, &b] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::copy(example_path(EXAMPLES[0]), d.join("unit.toml")).unwrap();
    }
    let out = gongkai(&[
        "generate",
        a.join("unit.toml").to_str().unwrap(),
        b.join("unit.toml").to_str().unwrap(),
        "--format",
        "json",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("同名"), "{stderr}");
    assert!(!dir.join("unit.json").exists());
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        gongkai(&["check", "/nonexistent/budget.toml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(gongkai(&["generate"]).status.code(), Some(2));
    assert_eq!(
        gongkai(&["generate", "x.toml", "--format", "docx"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn float_literals_travel_exactly() {
    let dir = temp_dir("float");
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
    )
    .unwrap();
    let src = src
        .replace(
            "code = \"30101\"  # 基本工资\namount = \"60.00\"",
            "code = \"30101\"  # 基本工资\namount = 59.9",
        )
        .replace(
            "code = \"30201\"  # 办公费\namount = \"20.00\"",
            "code = \"30201\"  # 办公费\namount = 20.1",
        );
    assert!(src.contains("amount = 59.9") && src.contains("amount = 20.1"));
    let file = dir.join("float.toml");
    std::fs::write(&file, src).unwrap();
    let json = generate_json(&file, &dir);
    assert!(
        json.contains("\"text\": \"59.90\"") && json.contains("\"text\": \"20.10\""),
        "float literals keep their exact decimal value"
    );
}

#[test]
fn warnings_are_printed_but_pass() {
    for f in fixtures("warnings") {
        let src = std::fs::read_to_string(&f).unwrap();
        let out = gongkai(&["check", f.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{}: {stderr}", f.display());
        for e in src.lines().filter_map(|l| l.strip_prefix("# expect: ")) {
            assert!(
                stderr.contains(e),
                "{}: missing «{e}» in:\n{stderr}",
                f.display()
            );
        }
        assert!(stderr.contains("警告"), "{stderr}");
    }
}

#[test]
fn an_unusable_font_file_is_a_clear_error() {
    let dir = temp_dir("font");
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("broken.ttf"), b"not a font").unwrap();
    let file = dir.join("fonts.toml");
    std::fs::write(&file, format!("{src}\n[fonts]\nbody = \"broken.ttf\"\n")).unwrap();
    let out = gongkai(&[
        "generate",
        file.to_str().unwrap(),
        "--format",
        "pdf",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("字体文件") && stderr.contains("broken.ttf"),
        "{stderr}"
    );
    assert!(!dir.join("fonts.pdf").exists());
}

/// The tables whose JSON carries a 尾差 note, by label.
fn noted_tables(json: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = Vec::new();
    for part in doc["parts"].as_array().unwrap() {
        for sec in part["sections"].as_array().unwrap() {
            for block in sec["blocks"].as_array().unwrap() {
                if block["type"] == "table" && !block["rounding_note"].is_null() {
                    let label = block["label"]
                        .as_str()
                        .unwrap_or(block["id"].as_str().unwrap());
                    out.push(label.to_string());
                }
            }
        }
    }
    out
}

/// `amount_unit = "元"`: amounts typed in 元 to the 分 print in 万元, each cell rounded from
/// its own exact value, with the 尾差 note exactly under the tables whose printed totals
/// differ from the sum of their printed lines; `display_unit = "元"` prints every table and
/// sentence in 元, where nothing rounds and no note is needed.
#[test]
fn amounts_in_yuan_print_in_wan_or_in_yuan() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/units/yuan.toml");
    let dir = temp_dir("yuan");
    let json = generate_json(&fixture, &dir);
    assert_eq!(noted_tables(&json), ["表2", "表3", "表5", "表6"]);
    assert!(json.contains("注：本表金额单位为万元，因四舍五入，合计数与各分项之和可能存在尾差。"));
    // 800,123.45 元 + 200,049.99 元 = 100.017344 万元: the total prints 100.02 over lines
    // printing 80.01 and 20.00.
    assert!(json.contains("收支总预算100.02万元"), "{json}");
    assert!(json.contains("\"text\": \"80.01\""));
    assert!(json.contains("\"text\": \"20.00\""));
    assert!(json.contains("\"unit\": \"单位：万元\""));

    let src = std::fs::read_to_string(&fixture).unwrap();
    let shown_in_yuan = dir.join("yuan-display.toml");
    std::fs::write(
        &shown_in_yuan,
        src.replace(
            "\namount_unit = \"元\"",
            "\ndisplay_unit = \"元\"\namount_unit = \"元\"",
        ),
    )
    .unwrap();
    let json = generate_json(&shown_in_yuan, &dir.join("out"));
    assert!(noted_tables(&json).is_empty(), "{:?}", noted_tables(&json));
    assert!(json.contains("\"unit\": \"单位：元\""));
    assert!(!json.contains("单位：万元"));
    assert!(json.contains("\"text\": \"800,123.45\""));
    assert!(json.contains("收支总预算1,000,173.44元"), "{json}");
    assert!(json.contains("比上年预算增加"));
    let html_dir = dir.join("html");
    let out = gongkai(&[
        "generate",
        shown_in_yuan.to_str().unwrap(),
        "--format",
        "html",
        "--out",
        html_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let html = std::fs::read_to_string(html_dir.join("yuan-display.html")).unwrap();
    assert!(html.contains("单位：元"));
    assert!(html.contains("1,000,173.44"));
}

/// The same fixture with amounts typed in 万元 to six decimals gives the same document.
#[test]
fn six_decimals_of_wan_equal_the_same_amounts_in_yuan() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/units/yuan.toml");
    let dir = temp_dir("wan6");
    let yuan = generate_json(&fixture, &dir);
    let src = std::fs::read_to_string(&fixture).unwrap();
    let mut wan = src.replace("\namount_unit = \"元\"", "\namount_unit = \"万元\"");
    for (y, w) in [
        ("800,123.45", "80.012345"),
        ("600,061.72", "60.006172"),
        ("200,061.73", "20.006173"),
        ("200,049.99", "20.004999"),
        ("950,000.00", "95"),
        ("780,000.00", "78.00"),
        ("170,000.00", "17.0000"),
        ("190,000.00", "19"),
    ] {
        wan = wan.replace(&format!("\"{y}\""), &format!("\"{w}\""));
    }
    let wan_file = dir.join("yuan.toml");
    std::fs::write(&wan_file, wan).unwrap();
    let again = generate_json(&wan_file, &dir.join("out"));
    assert_eq!(yuan, again);
}

#[test]
fn each_error_is_printed_once_with_its_location_and_snippet() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/many_errors.toml");
    let out = gongkai(&["check", f.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let located = format!("{}:", f.display());
    let headers: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with(&located) && l.contains("错误："))
        .collect();
    assert_eq!(headers.len(), 5, "{stderr}");
    for message in ["未知的键 `amout`", "应为非负整数", "超过六位小数"] {
        assert_eq!(stderr.matches(message).count(), 1, "{message}: {stderr}");
    }
    assert!(stderr.contains("31 │ amout = \"80.00\""), "{stderr}");
    assert!(
        !stderr.contains("error:") && !stderr.contains("┌─"),
        "a second, English block in {stderr}"
    );
}

#[test]
fn usage_errors_and_help_are_in_chinese() {
    let out = gongkai(&["generate", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("错误：未知的参数 --bogus"), "{stderr}");
    let out = gongkai(&["help", "generate"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("用法（usage）：gongkai generate [选项]"),
        "{stdout}"
    );
    assert!(stdout.contains("示例"), "{stdout}");
}

#[test]
fn a_missing_section_is_reported_once_and_its_neighbours_are_not() {
    let f =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/missing_overview.toml");
    let out = gongkai(&["check", f.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let reported = |key: &str| stderr.matches(&format!("错误：[{key}]")).count();
    assert_eq!(reported("overview"), 1, "{stderr}");
    assert_eq!(reported("unit"), 0, "[unit] reported missing: {stderr}");
    // Every missing section in one run, not one per run.
    for key in [
        "procurement",
        "assets",
        "prior.three_public",
        "prior.operating",
    ] {
        assert_eq!(reported(key), 1, "{key}: {stderr}");
    }
    assert!(stderr.contains("6 个错误"), "{stderr}");
}

#[test]
fn a_mistyped_unit_name_is_one_error_not_one_per_table_naming_the_unit() {
    let dir = temp_dir("mistyped-name");
    let src = std::fs::read_to_string(example_path("qitai-commerce-2024")).unwrap();
    let name_line = src.lines().find(|l| l.starts_with("name = ")).unwrap();
    let f = dir.join("qitai.toml");
    std::fs::write(&f, src.replacen(name_line, "name = 1", 1)).unwrap();
    let out = gongkai(&["check", f.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("[unit.name] 类型不对"), "{stderr}");
    assert!(stderr.contains("1 个错误"), "{stderr}");
}

#[test]
fn an_implausible_year_is_one_error_and_texts_are_not_checked_against_it() {
    let dir = temp_dir("year-zero");
    let src = std::fs::read_to_string(example_path("qitai-commerce-2024")).unwrap();
    let f = dir.join("qitai.toml");
    std::fs::write(&f, src.replacen("\nyear = 2024\n", "\nyear = 0\n", 1)).unwrap();
    let out = gongkai(&["check", f.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("预算年度 0 不合理"), "{stderr}");
    assert!(!stderr.contains("既不是本年"), "{stderr}");
    assert!(stderr.contains("1 个错误，0 个警告"), "{stderr}");
}

/// A text longer than any output can hold (an Excel cell holds 32,767 characters) is refused
/// by `check`, so that no format refuses a budget `check` accepted.
#[test]
fn an_overlong_text_is_refused_where_it_is() {
    let dir = temp_dir("long-text");
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
    )
    .unwrap();
    let f = dir.join("long.toml");
    let long = format!("functions = [\"{}\"]", "统计".repeat(20_000));
    std::fs::write(
        &f,
        src.replacen("functions = [\"负责全县统计工作。\"]", &long, 1),
    )
    .unwrap();
    let out = gongkai(&["check", f.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("long.toml:11:"), "{stderr}");
    assert!(stderr.contains("文本过长：40000 字"), "{stderr}");
}
