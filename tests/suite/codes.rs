//! `gongkai codes`: classification look-up, run through the binary.

use crate::common::run;
use run::gongkai;

fn ok(args: &[&str]) -> String {
    let out = gongkai(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The code of each listed line.
fn listed(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.starts_with("  ") && !l.contains("另有"))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn housing_fund_in_both_classifications_with_its_path() {
    let out = ok(&["codes", "住房公积金"]);
    let func = out.find("功能分类").expect("a 功能分类 group");
    let econ = out.find("经济分类").expect("an 经济分类 group");
    assert!(func < econ, "{out}");
    let line = |code: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(code))
            .unwrap_or_else(|| panic!("{code} in {out}"))
            .to_string()
    };
    let f = line("2210201");
    assert!(
        f.contains("住房公积金") && f.contains("住房保障支出 / 住房改革支出"),
        "{f}"
    );
    let e = line("30113");
    assert!(
        e.contains("住房公积金") && e.contains("工资福利支出"),
        "{e}"
    );
    assert!(out[..econ].contains("2210201") && out[econ..].contains("30113"));
}

#[test]
fn a_code_prefix_lists_its_codes_sorted_and_limited() {
    let out = ok(&["codes", "2080", "--limit", "0"]);
    let codes = listed(&out);
    assert!(codes.len() > 30, "{out}");
    assert!(codes.iter().all(|c| c.starts_with("2080")), "{out}");
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
    assert!(codes.contains(&"2080505".to_string()));
    assert!(out.contains(&format!("{} 条", codes.len())), "{out}");

    let limited = ok(&["codes", "2080"]);
    assert_eq!(listed(&limited).len(), 30, "the default limit");
    assert!(
        limited.contains(&format!("另有 {} 条", codes.len() - 30)),
        "{limited}"
    );
    // Aligned: every name starts in the same column.
    let starts: Vec<usize> = limited
        .lines()
        .filter(|l| l.starts_with("  2080"))
        .map(|l| l.find(|c: char| !c.is_ascii()).unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{limited}");
}

#[test]
fn two_words_must_both_match() {
    let out = ok(&["codes", "统计", "行政运行"]);
    assert_eq!(listed(&out), vec!["2010501"], "{out}");
    let together = ok(&["codes", "住房 公积金"]);
    assert!(together.contains("2210201") && together.contains("30113"));
    let split = ok(&["codes", "公积金", "住房"]);
    assert!(split.contains("2210201"), "{split}");
}

#[test]
fn nothing_found_exits_1_with_a_hint() {
    let out = gongkai(&["codes", "火星探测"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("未找到") && stderr.contains("火星探测"),
        "{stderr}"
    );
    assert!(stderr.contains("提示"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(gongkai(&["codes"]).status.code(), Some(2));
    assert_eq!(gongkai(&["codes", " "]).status.code(), Some(2));
    assert_eq!(
        gongkai(&["codes", "1", "--limit", "x"]).status.code(),
        Some(2)
    );
}
