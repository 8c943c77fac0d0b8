//! `gongkai init`: the starter file, its 待填写 placeholders as `check` reports them, a filled
//! starter that checks and generates, and placeholders left in any budget file.

use crate::common::run;
use run::{gongkai, temp_dir};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

const PLACEHOLDER: &str = "\"待填写\"";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `gongkai init ARGS FILE` in a fresh directory; returns the file and its text.
fn init(name: &str, args: &[&str]) -> (PathBuf, String) {
    let file = temp_dir(name).join("budget.toml");
    let mut all = vec!["init"];
    all.extend_from_slice(args);
    all.push(file.to_str().unwrap());
    let out = gongkai(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("已创建 {}", file.display())),
        "{stdout}"
    );
    assert!(stdout.contains("gongkai check"), "{stdout}");
    let text = std::fs::read_to_string(&file).unwrap();
    (file, text)
}

/// `line:column` (1-based, in characters) of every `"待填写"` written in `text`.
fn placeholder_places(text: &str) -> Vec<String> {
    let mut places = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(i) = line[from..].find(PLACEHOLDER) {
            let at = from + i;
            places.push(format!("{}:{}", n + 1, line[..at].chars().count() + 1));
            from = at + PLACEHOLDER.len();
        }
    }
    places
}

/// The header lines of `check`'s report for `file`: (`line:column`, severity and message).
fn reported(file: &Path, stderr: &str) -> Vec<(String, String)> {
    let prefix = format!("{}:", file.display());
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter_map(|rest| {
            let mut parts = rest.splitn(3, ':');
            let (line, col, what) = (parts.next()?, parts.next()?, parts.next()?);
            line.parse::<usize>().ok()?;
            col.parse::<usize>().ok()?;
            Some((format!("{line}:{col}"), what.trim().to_string()))
        })
        .collect()
}

/// Checks `file` and asserts the report is exactly one 待填写 error at each of `places`.
fn assert_only_placeholders(file: &Path, places: &[String]) {
    let out = gongkai(&["check", file.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let found = reported(file, &err);
    for (at, what) in &found {
        assert!(
            what.starts_with("错误：") && what.contains("] 待填写：") && what.ends_with("尚未填写"),
            "{at}: {what}\n{err}"
        );
    }
    let at: Vec<&String> = found.iter().map(|(at, _)| at).collect();
    let unique: BTreeSet<&String> = at.iter().copied().collect();
    assert_eq!(
        unique.len(),
        at.len(),
        "a placeholder reported twice:\n{err}"
    );
    let expected: BTreeSet<&String> = places.iter().collect();
    assert_eq!(unique, expected, "\n{err}");
    let summary = format!("{} 个错误，0 个警告", places.len());
    assert!(err.contains(&summary), "expected «{summary}»:\n{err}");
    assert_eq!(err.matches("提示：").count(), places.len(), "{err}");
}

/// The value a clerk would write for the placeholder of `key` in `[section]` (the `nth`
/// table of that name), or the whole line for a line that is its own key.
fn fill(section: &str, nth: usize, key: &str) -> &'static str {
    match (section, key) {
        ("unit", "name") => "\"示例县统计局\"",
        ("unit", "year") => "2025",
        ("unit", "issued") => "\"2025-02-10\"",
        ("overview", "functions") => "\"负责全县统计工作。\",",
        ("overview", "office_word") => "\"股室\"",
        ("overview", "offices") => "[\"办公室\", \"综合股\"]",
        ("overview", "subordinates") => "[\"示例县普查中心\"]",
        ("overview.staffing", "authorized") => "10",
        ("overview.staffing", "in_service" | "in_service_prior") => "8",
        ("overview.staffing", "retired" | "retired_prior") => "3",
        ("overview.staffing", _) => "0",
        ("[basic]", "code") => "\"2010501\"",
        ("[basic]" | "[basic_economic]", "amount") => "\"80.00\"",
        ("[basic_economic]", "code") => "\"30101\"",
        ("[projects]", "name") => "\"经济普查经费\"",
        ("[projects]", "code") => "\"2010507\"",
        ("[projects]", "economic") => "{ \"302\" = \"20.00\" }",
        ("[projects]", "basis") => "\"《全国经济普查条例》\"",
        ("[projects]", "allocation") => "\"用于普查员劳务和资料印刷。\"",
        ("[projects]", "period") => "\"2025年1月-2025年12月\"",
        ("prior", "operating") => "{ amount = \"0.00\" }",
        ("prior.income", "general") => "{ amount = \"100.00\" }",
        ("prior.spending" | "prior.general_budget", "basic") => "{ amount = \"80.00\" }",
        ("prior.spending" | "prior.general_budget", "project") => "{ amount = \"20.00\" }",
        ("[prior.items]", "code") if nth == 0 => "\"2010501\"",
        ("[prior.items]", "code") => "\"2010507\"",
        ("[prior.items]", "amount") if nth == 0 => "\"80.00\"",
        ("[prior.items]", "amount") => "\"20.00\"",
        ("prior.three_public", _) => "{ amount = \"0.00\" }",
        ("purposes", _) => "\"201\" = \"保障机关运行和统计调查\"",
        ("procurement", "goods" | "sme_reserved") => "\"5.00\"",
        ("procurement", "small_micro_reserved") => "\"2.00\"",
        ("procurement", _) => "\"0.00\"",
        ("assets", "building_area") => "\"320.50\"",
        ("assets", "building_value") => "\"96.00\"",
        ("assets", "general_vehicles") => "{ count = 1, value = \"12.00\" }",
        ("assets", "enforcement_vehicles" | "other_vehicles") => "{ count = 0, value = \"0.00\" }",
        ("assets", "furniture_value") => "\"8.40\"",
        ("assets", "other_value") => "\"15.20\"",
        ("assets" | "assets.plan", _) => "0",
        ("performance.unit", "contact") => "\"张三\"",
        ("performance.unit", "phone") => "\"0994-1234567\"",
        ("performance.unit", "goal") => "\"完成年度统计调查任务。\"",
        ("[performance.projects]", "project") => "\"经济普查经费\"",
        ("[performance.projects]", "manager") => "\"李四\"",
        ("[performance.projects]", "goal") => "\"按时完成经济普查。\"",
        (_, "level1") if section.contains("unit") => "\"履职效能\"",
        (_, "level1") => "\"产出指标\"",
        (_, "level2") => "\"数量指标\"",
        (_, "level3") if section.contains("unit") => "\"完成统计调查项目数\"",
        (_, "level3") => "\"普查对象覆盖率\"",
        (_, "value") if section.contains("unit") => "\">=10项\"",
        (_, "value") => "\"=100%\"",
        (_, "weight") => "90",
        _ => panic!("no value for [{section}] {key}"),
    }
}

/// Replaces every placeholder of a starter as a clerk would, line by line.
fn filled(text: &str) -> String {
    let mut section = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let header = trimmed.split("  #").next().unwrap_or(trimmed).trim();
            section = header
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_string();
            if header.starts_with("[[") {
                section = format!("[{section}]");
            }
            seen.push(section.clone());
        }
        if !line.contains(PLACEHOLDER) || trimmed.starts_with('#') {
            out.push(line.to_string());
            continue;
        }
        let nth = seen.iter().filter(|s| **s == section).count() - 1;
        let key = trimmed.split(" = ").next().unwrap_or("").trim();
        let new = if key.starts_with('"') && section == "overview" {
            format!("  {}", fill(&section, nth, "functions"))
        } else if key.starts_with('"') {
            fill(&section, nth, key).to_string()
        } else {
            format!("{key} = {}", fill(&section, nth, key))
        };
        out.push(new);
    }
    out.join("\n") + "\n"
}

/// Asserts `check` passes without warnings (other than fonts missing on this machine) and
/// `generate --format json` writes the document.
fn assert_generates(file: &Path, scope: &str) {
    let out = gongkai(&["check", file.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let warnings: Vec<_> = reported(file, &err)
        .into_iter()
        .filter(|(_, what)| !what.contains("无法检查是否有字体缺字"))
        .collect();
    assert!(warnings.is_empty(), "{err}");
    let dir = file.parent().unwrap().join("out");
    let out = gongkai(&[
        "generate",
        file.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = std::fs::read_to_string(dir.join("budget.json")).unwrap();
    assert!(json.contains("示例县统计局"), "{json}");
    assert!(json.contains(&format!("2025年{scope}预算公开")), "{scope}");
}

#[test]
fn init_then_check_reports_exactly_the_placeholders() {
    for (name, args) in [
        ("unit", vec![]),
        ("dept", vec!["--scope", "部门"]),
        ("year", vec!["--year", "2025"]),
    ] {
        let (file, text) = init(name, &args);
        let places = placeholder_places(&text);
        assert!(places.len() > 60, "{name}: {} placeholders", places.len());
        assert_only_placeholders(&file, &places);
    }
}

#[test]
fn a_filled_starter_checks_and_generates_in_both_scopes() {
    for (name, scope, args) in [
        ("fill-unit", "单位", vec![]),
        ("fill-dept", "部门", vec!["--scope", "部门"]),
        (
            "fill-year",
            "单位",
            vec!["--year", "2025", "--scope", "单位"],
        ),
    ] {
        let (file, text) = init(name, &args);
        let done = filled(&text);
        assert!(
            !done.contains(PLACEHOLDER),
            "{name}: left unfilled:\n{done}"
        );
        std::fs::write(&file, &done).unwrap();
        assert_generates(&file, scope);
    }
}

#[test]
fn the_scope_and_the_year_shape_the_starter() {
    let (_, unit) = init("shape-unit", &[]);
    assert!(unit.contains("scope = \"单位\""));
    assert!(unit.contains("year = \"待填写\""));
    assert!(unit.contains("subordinates = []"));
    let (_, dept) = init("shape-dept", &["--scope", "部门", "--year", "2026"]);
    assert!(dept.contains("scope = \"部门\""));
    assert!(dept.contains("year = 2026"));
    assert!(dept.contains("subordinates = [\"待填写\"]"));
    assert!(dept.contains("上年（2025年）"));
    assert!(!dept.contains("year = \"待填写\""));
    let (_, again) = init("shape-again", &["--scope", "部门", "--year", "2026"]);
    assert_eq!(again, dept, "the same arguments give the same file");
    for term in ["财政拨款", "“三公”经费", "机关运行经费"] {
        assert!(
            unit.contains(&format!("、{term}：")),
            "glossary term {term}"
        );
    }
    let out = gongkai(&["init", "--scope", "科室", "x.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!Path::new("x.toml").exists());
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = temp_dir("exists");
    let file = dir.join("budget.toml");
    std::fs::write(&file, "# 已经写了一半的预算\n").unwrap();
    let out = gongkai(&["init", file.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(err.contains("已存在"), "{err}");
    assert!(
        err.contains("budget-2.toml"),
        "suggests another name: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "# 已经写了一半的预算\n"
    );
    let entries = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(entries, 1, "no temporary left behind");
    let missing = dir.join("no-such-dir").join("budget.toml");
    let out = gongkai(&["init", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("无法创建"), "{}", stderr(&out));
}

#[test]
fn placeholders_in_an_example_are_reported_alone() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/qitai-commerce-2024.toml");
    let src = std::fs::read_to_string(example).unwrap();
    // An amount, the unit's name (which tables compare against) and a project's name (which
    // its performance table names).
    let edited = src
        .replacen("amount = \"322.50\"", "amount = \"待填写\"", 1)
        .replacen(
            "name = \"奇台县商务和工业信息化局\"",
            "name = \"待填写\"",
            1,
        )
        .replacen(
            "name = \"奇财预【2024】56号2024年招商企业服务中心运转经费\"",
            "name = \"待填写\"",
            1,
        );
    let places = placeholder_places(&edited);
    assert_eq!(places.len(), 3);
    let dir = temp_dir("example");
    let file = dir.join("budget.toml");
    std::fs::write(&file, &edited).unwrap();
    assert_only_placeholders(&file, &places);
    let out = gongkai(&[
        "generate",
        file.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("未生成任何文件"), "{err}");
    assert!(
        err.contains("待填写：unit.name（单位全称）尚未填写"),
        "{err}"
    );
    assert!(!dir.join("out").join("budget.json").exists());
}

#[test]
fn init_help_is_chinese_with_an_example() {
    let out = gongkai(&["init", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(help.contains("示例："), "{help}");
    assert!(
        help.contains("gongkai init 统计局2025.toml --year 2025"),
        "{help}"
    );
    assert!(help.contains("部门") && help.contains("单位"), "{help}");
}
