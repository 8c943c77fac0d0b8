//! A finance bureau's batch: `gongkai generate DIR` (and `check DIR`), run as the binary.

use crate::common::html_check;
use crate::common::run;
use run::{gongkai, temp_dir};

use std::path::{Path, PathBuf};

const EXAMPLES: [&str; 3] = [
    "changji-industry-2024",
    "manas-commerce-2024",
    "qitai-commerce-2024",
];

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A directory with copies of the three examples, and `broken.toml` (an invalid fixture)
/// when `broken`.
fn inputs(name: &str, broken: bool) -> PathBuf {
    let dir = temp_dir(name);
    for e in EXAMPLES {
        std::fs::copy(
            manifest(&format!("examples/{e}.toml")),
            dir.join(format!("{e}.toml")),
        )
        .unwrap();
    }
    if broken {
        std::fs::copy(
            manifest("tests/fixtures/invalid/over_precise.toml"),
            dir.join("broken.toml"),
        )
        .unwrap();
    }
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `<tr>…</tr>` of the index that lists `file`.
fn index_row<'a>(index: &'a str, file: &str) -> &'a str {
    let at = index
        .find(&format!("<span class=\"file\">{file}</span>"))
        .unwrap_or_else(|| panic!("no row for {file} in:\n{index}"));
    let start = index[..at].rfind("<tr").unwrap();
    let end = at + index[at..].find("</tr>").unwrap();
    &index[start..end]
}

/// The text of the index row's cell labelled `label`.
fn index_figure(row: &str, label: &str) -> String {
    let open = format!("data-label=\"{label}\">");
    let at = row
        .find(&open)
        .unwrap_or_else(|| panic!("no {label} in {row}"))
        + open.len();
    row[at..at + row[at..].find("</td>").unwrap()].to_string()
}

/// Every `href="…"` of the index.
fn hrefs(index: &str) -> Vec<String> {
    index
        .split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

/// The texts of the 总计 row of the table titled `title` in a unit's JSON output.
fn json_total_row(json: &serde_json::Value, title: &str) -> Vec<String> {
    let tables = json["parts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sections"].as_array().unwrap())
        .flat_map(|s| s["blocks"].as_array().unwrap())
        .filter(|b| b["type"] == "table");
    let table = tables
        .into_iter()
        .find(|t| t["title"] == title)
        .unwrap_or_else(|| panic!("no table {title}"));
    let row = table["body"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["role"] == "total")
        .expect("a total row");
    row["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect()
}

/// The cell after the one reading `label`.
fn after(cells: &[String], label: &str) -> String {
    let at = cells.iter().position(|c| c == label).unwrap();
    cells[at + 1].clone()
}

#[test]
fn a_batch_with_a_broken_file_generates_the_others_and_indexes_all() {
    let dir = inputs("broken", true);
    let out = temp_dir("broken-out");
    let run = gongkai(&[
        Path::new("generate"),
        &dir,
        Path::new("--format"),
        Path::new("pdf,html,json"),
        Path::new("--out"),
        &out,
    ]);
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    check_good_files_generated(&out, &stdout);
    check_progress_and_summary(&stderr);
    let index = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    check_index_lists_all_and_links_files(&index, &out);
    check_broken_row(&index);
    check_index_totals_are_the_json_ones(&index, &out);
}

/// Every example is written in every format; the broken file is not.
fn check_good_files_generated(out: &Path, stdout: &str) {
    for e in EXAMPLES {
        for ext in ["pdf", "html", "json"] {
            assert!(out.join(format!("{e}.{ext}")).is_file(), "{e}.{ext}");
        }
    }
    assert!(!out.join("broken.html").exists());
    assert_eq!(stdout.matches("已生成").count(), 9, "{stdout}");
}

/// Not a terminal: one progress line per budget, and the summary naming the broken file.
fn check_progress_and_summary(stderr: &str) {
    let progress: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with('[') && l.contains("/4] "))
        .collect();
    assert_eq!(progress.len(), 4, "{stderr}");
    assert!(
        progress
            .iter()
            .any(|l| l.ends_with("] 有错误 broken.toml（1 个错误）")),
        "{stderr}"
    );
    for e in EXAMPLES {
        assert!(
            progress
                .iter()
                .any(|l| l.ends_with(&format!("已生成 {e}（pdf、html、json）"))),
            "{e}: {stderr}"
        );
    }
    assert_eq!(
        stderr.matches("超过六位小数").count(),
        1,
        "the broken file's diagnostic is printed once:\n{stderr}"
    );
    assert_eq!(
        stderr.lines().last(),
        Some("3 个已生成，1 个有错误：broken.toml"),
        "{stderr}"
    );
}

/// The index is a valid page that lists all four by file name, sorted, and links only to
/// files that exist in `out`.
fn check_index_lists_all_and_links_files(index: &str, out: &Path) {
    assert_eq!(page_problems(index), Vec::<String>::new());
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(index.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(
        // manas-commerce-2024 warns of its 2023 plan (「积极谋划2023年工业项目…确保…」), text
        // its published 2024 document kept from the year before.
        index.contains("共 4 个预算：3 个已生成（其中 1 个有警告），1 个有错误。"),
        "{index}"
    );
    let mut order: Vec<usize> = ["broken.toml"]
        .into_iter()
        .chain(EXAMPLES)
        .map(|f| index.find(&format!("<span class=\"file\">{f}")).unwrap())
        .collect();
    let found = order.clone();
    order.sort_unstable();
    assert_eq!(found, order, "rows are sorted by file name");
    let links = hrefs(index);
    assert_eq!(links.len(), 9, "{links:?}");
    for href in &links {
        let name = href.strip_prefix("./").expect("relative link");
        assert!(out.join(name).is_file(), "{href} links to nothing");
    }
}

/// The broken file's row shows its error, located, and links nowhere.
fn check_broken_row(index: &str) {
    let broken = index_row(index, "broken.toml");
    assert!(broken.contains("class=\"err\""), "{broken}");
    assert!(broken.contains("1 个错误"), "{broken}");
    assert!(
        broken.contains("broken.toml:28:10: [basic[0].amount] 金额“80.1234567”超过六位小数"),
        "{broken}"
    );
    assert!(!broken.contains("href"), "{broken}");
}

/// The totals are the figures each unit's own JSON prints.
fn check_index_totals_are_the_json_ones(index: &str, out: &Path) {
    for e in EXAMPLES {
        let row = index_row(index, &format!("{e}.toml"));
        assert!(row.contains("已生成"), "{row}");
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(format!("{e}.json"))).unwrap())
                .unwrap();
        let scope = json["meta"]["scope"].as_str().unwrap().to_string();
        assert_eq!(
            index_figure(row, "年度"),
            json["meta"]["year"].to_string(),
            "{e}"
        );
        assert_eq!(index_figure(row, "范围"), scope, "{e}");
        let t1 = json_total_row(&json, &format!("{scope}收支总体情况表"));
        let t3 = json_total_row(&json, &format!("{scope}支出总体情况表"));
        let t4 = json_total_row(&json, "财政拨款收支预算总体情况表");
        let expected = [
            ("收入总计", after(&t1, "收入总计")),
            ("支出总计", after(&t1, "支出总计")),
            ("财政拨款", after(&t4, "收入总计")),
            ("基本支出", t3[t3.len() - 2].clone()),
            ("项目支出", t3[t3.len() - 1].clone()),
        ];
        for (label, printed) in expected {
            assert!(!printed.is_empty(), "{e} {label}");
            assert_eq!(index_figure(row, label), printed, "{e} {label}");
        }
    }
}

/// What keeps the index from being a valid, self-contained page, links to the files beside
/// it (`./…`, checked to exist by the tests) excepted.
fn page_problems(index: &str) -> Vec<String> {
    html_check::problems(index)
        .into_iter()
        .filter(|p| !p.starts_with("<a href=\"./"))
        .collect()
}

#[test]
fn names_are_escaped_and_links_encoded() {
    let dir = temp_dir("escape");
    let odd = "a&b <i>#1?.toml";
    std::fs::copy(manifest("examples/manas-commerce-2024.toml"), dir.join(odd)).unwrap();
    let src = std::fs::read_to_string(manifest("examples/qitai-commerce-2024.toml")).unwrap();
    let marked = src.replacen(
        "name = \"奇台县商务和工业信息化局\"",
        "name = \"奇台县<script>x</script>局\"",
        1,
    );
    std::fs::write(dir.join("marked.toml"), marked).unwrap();
    let out = temp_dir("escape-out");
    let run = gongkai(&[
        Path::new("generate"),
        &dir,
        Path::new("--format"),
        Path::new("html"),
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(page_problems(&index), Vec::<String>::new());
    assert!(index.contains("a&amp;b &lt;i&gt;#1?.toml"), "{index}");
    assert!(
        index.contains("奇台县&lt;script&gt;x&lt;/script&gt;局"),
        "{index}"
    );
    assert!(!index.contains("<script>") && !index.contains("<i>"));
    assert_eq!(hrefs(&index), ["./a%26b%20%3Ci%3E%231%3F.html"]);
    assert!(out.join("a&b <i>#1?.html").is_file());
}

#[test]
fn a_directory_of_good_files_exits_0_with_a_deterministic_index() {
    let dir = inputs("good", false);
    let out = temp_dir("good-out");
    let args = |out: &Path| -> Vec<PathBuf> {
        vec![
            "generate".into(),
            dir.clone(),
            "--format".into(),
            "json".into(),
            "--out".into(),
            out.to_path_buf(),
        ]
    };
    let run = |args: Vec<PathBuf>| {
        let refs: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
        gongkai(&refs)
    };
    let first = run(args(&out));
    let stderr = text(&first.stderr);
    assert_eq!(first.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some("3 个已生成，0 个有错误"),
        "{stderr}"
    );
    let index = std::fs::read(out.join("index.html")).expect("index.html");

    // The same budgets named as files, in another order, give the same index.
    let again = temp_dir("good-again");
    let mut files: Vec<PathBuf> = EXAMPLES
        .iter()
        .rev()
        .map(|e| dir.join(format!("{e}.toml")))
        .collect();
    let mut args = vec![PathBuf::from("generate")];
    args.append(&mut files);
    args.extend([
        "--format".into(),
        "json".into(),
        "--out".into(),
        again.clone(),
    ]);
    assert_eq!(run(args).status.code(), Some(0));
    assert!(std::fs::read(again.join("index.html")).unwrap() == index);
}

#[test]
fn one_file_alone_is_not_a_batch() {
    let dir = inputs("single", false);
    let out = temp_dir("single-out");
    let run = gongkai(&[
        Path::new("generate"),
        &dir.join("qitai-commerce-2024.toml"),
        Path::new("--format"),
        Path::new("json"),
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(0));
    assert!(out.join("qitai-commerce-2024.json").is_file());
    assert!(!out.join("index.html").exists());
    assert!(!text(&run.stderr).contains("个已生成"));
}

#[test]
fn check_accepts_directories() {
    let good = inputs("check-good", false);
    let run = gongkai(&[Path::new("check"), &good]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(stdout.matches("检查通过").count(), 3, "{stdout}");

    let broken = inputs("check-broken", true);
    let run = gongkai(&[Path::new("check"), &broken]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.toml：1 个错误"), "{stderr}");
    assert_eq!(text(&run.stdout).matches("检查通过").count(), 3);

    let empty = temp_dir("check-empty");
    let run = gongkai(&[Path::new("check"), &empty]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("没有 .toml 文件"));
}

#[test]
fn a_budget_named_index_is_refused_in_a_batch() {
    let dir = inputs("index-name", false);
    std::fs::rename(dir.join("qitai-commerce-2024.toml"), dir.join("index.toml")).unwrap();
    let out = temp_dir("index-name-out");
    let run = gongkai(&[Path::new("generate"), &dir, Path::new("--out"), &out]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("索引页同名"), "{stderr}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}

/// A budget whose outputs cannot be written is counted apart from invalid ones, named with
/// the file that failed and a Chinese reason; the exit code is 2.
#[test]
fn a_write_failure_is_not_an_invalid_budget() {
    let dir = inputs("write-failure", false);
    let out = dir.join("out");
    std::fs::create_dir_all(out.join("manas-commerce-2024.pdf")).unwrap();
    let run = gongkai(&[
        Path::new("generate"),
        dir.as_path(),
        Path::new("--out"),
        out.as_path(),
    ]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("2 个已生成，0 个有错误；1 个未生成（读写失败）：manas-commerce-2024.toml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("manas-commerce-2024.pdf：这是一个目录，不是文件"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
}

/// A directory with the consolidation fixture (a department and its two units), the unit
/// 二中's name mistyped (an error at 二中.toml:3:8).
fn department_with_a_broken_unit(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for f in ["部门.toml", "本级.toml", "二中.toml"] {
        std::fs::copy(manifest("tests/fixtures/consolidate").join(f), dir.join(f)).unwrap();
    }
    let unit = dir.join("二中.toml");
    let src = std::fs::read_to_string(&unit).unwrap();
    std::fs::write(
        &unit,
        src.replacen("name = \"示例县第二中学\"", "name = 2", 1),
    )
    .unwrap();
    dir
}

/// A department and its units in one batch: a broken unit's problems are printed once, with
/// the unit; the department says where they are, and its index row points into the unit file.
#[test]
fn a_departments_broken_unit_is_reported_once_in_a_batch() {
    let dir = department_with_a_broken_unit("department");
    let out = dir.join("out");
    let run = gongkai(&[
        Path::new("generate"),
        dir.as_path(),
        Path::new("--out"),
        out.as_path(),
    ]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("错误：[unit.name]").count(), 1, "{stderr}");
    assert!(
        stderr.contains("单位文件") && stderr.contains("二中.toml 有 1 个错误，见它自己的条目"),
        "{stderr}"
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let row = index_row(&index, "部门.toml");
    assert!(row.contains("二中.toml:3:8: [unit.name]"), "{row}");
}

/// `check` over a department and its units reports a broken unit once, with the unit.
#[test]
fn check_reports_a_departments_broken_unit_once() {
    let dir = department_with_a_broken_unit("check-department");
    let run = gongkai(&[Path::new("check"), dir.as_path()]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("错误：[unit.name]").count(), 1, "{stderr}");
    assert!(
        stderr.contains("二中.toml 有 1 个错误，见它自己的报告"),
        "{stderr}"
    );
    // Alone, the department shows its unit's problem itself.
    let alone = gongkai(&[Path::new("check"), dir.join("部门.toml").as_path()]);
    assert_eq!(text(&alone.stderr).matches("错误：[unit.name]").count(), 1);
}

/// A file name with a newline (or another control character) cannot forge lines: every
/// message prints it with the newline escaped (`\n`), in the progress lines, the 已生成
/// lines, the diagnostics, the unit-file notes and the summary.
#[test]
fn a_newline_in_a_file_name_forges_no_line() {
    let dir = temp_dir("newline");
    // A name cannot hold a `/`, so it cannot forge `[9/9] …`; it tries the rest.
    let forged = "x\n已生成 伪造（pdf、html）\n已生成 伪造.pdf\ny";
    let minimal = std::fs::read_to_string(manifest("tests/fixtures/minimal.toml")).unwrap();
    std::fs::write(dir.join(format!("{forged}.toml")), &minimal).unwrap();
    let broken = format!("{forged}坏\r\x1b[2K");
    std::fs::copy(
        manifest("tests/fixtures/invalid/over_precise.toml"),
        dir.join(format!("{broken}.toml")),
    )
    .unwrap();
    let out = temp_dir("newline-out");
    let run = gongkai(&[
        Path::new("generate"),
        &dir,
        Path::new("--format"),
        Path::new("html"),
        Path::new("--out"),
        &out,
    ]);
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    for line in stdout.lines().chain(stderr.lines()) {
        assert!(
            !line.starts_with("已生成 伪造") && !line.starts_with('y'),
            "a forged line: {line:?}\n{stdout}\n{stderr}"
        );
        assert!(!line.contains('\r') && !line.contains('\x1b'), "{line:?}");
    }
    let escaped = "x\\n已生成 伪造（pdf、html）\\n已生成 伪造.pdf\\ny";
    assert!(
        stderr.contains(&format!("已生成 {escaped}（html）")),
        "{stderr}"
    );
    assert!(stdout.contains(&format!("{escaped}.html")), "{stdout}");
    assert!(
        stderr.contains(&format!("{escaped}坏\\r\\u{{1b}}[2K.toml:")),
        "{stderr}"
    );
    assert!(stderr.contains("1 个已生成，1 个有错误："), "{stderr}");
    assert!(
        out.join(format!("{forged}.html")).is_file(),
        "the file keeps its name"
    );
}
