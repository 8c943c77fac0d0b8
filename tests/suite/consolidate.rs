//! A department's consolidated budget (`[consolidate] units`), through the binary: its
//! figures are the sum of its units' (computed here from the units' own JSON outputs),
//! its texts count and list the units, and every misfit of a unit is located.

use crate::common::run;
use gongkai::money::Money;
use run::gongkai;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/consolidate")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

/// A fresh directory holding the three fixture files, with `edit` applied to each
/// (file name, text) → text.
fn department(name: &str, edit: impl Fn(&str, String) -> String) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gongkai-consolidate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for f in ["部门.toml", "本级.toml", "二中.toml"] {
        std::fs::write(d.join(f), edit(f, fixture(f))).unwrap();
    }
    d
}

/// `gongkai check FILE`: exit code and stderr.
fn check(file: &Path) -> (Option<i32>, String) {
    let out = gongkai(&["check", file.to_str().unwrap()]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `file:line:col` of the first occurrence of `needle` in `file`.
fn place(file: &Path, needle: &str) -> String {
    let src = std::fs::read_to_string(file).unwrap();
    let at = src
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {src}"));
    let line = src[..at].matches('\n').count() + 1;
    let col = src[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{}:{line}:{col}", file.display())
}

/// Generates the JSON of a file into `out` and reads it.
fn json(file: &Path, out: &Path) -> Value {
    let o = gongkai(&[
        "generate",
        file.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stem = file.file_stem().unwrap().to_string_lossy();
    serde_json::from_str(&std::fs::read_to_string(out.join(format!("{stem}.json"))).unwrap())
        .unwrap()
}

/// The department's and its two units' documents.
fn documents() -> [Value; 3] {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let out = std::env::temp_dir().join(format!(
        "gongkai-consolidate-out-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&out).unwrap();
    let docs = ["部门.toml", "本级.toml", "二中.toml"].map(|f| json(&fixtures().join(f), &out));
    std::fs::remove_dir_all(&out).unwrap();
    docs
}

fn blocks(doc: &Value) -> Vec<&Value> {
    doc["parts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sections"].as_array().unwrap())
        .flat_map(|s| s["blocks"].as_array().unwrap())
        .collect()
}

fn paragraphs(doc: &Value) -> Vec<String> {
    blocks(doc)
        .into_iter()
        .filter(|b| b["type"] == "paragraph")
        .map(|b| b["text"].as_str().unwrap().to_string())
        .collect()
}

fn table<'d>(doc: &'d Value, label: &str) -> &'d Value {
    blocks(doc)
        .into_iter()
        .find(|b| b["type"] == "table" && b["label"] == label)
        .unwrap_or_else(|| panic!("no {label}"))
}

fn money(s: &str) -> Money {
    Money::parse_exact(s).unwrap_or_else(|| panic!("not an amount: {s}"))
}

/// Every amount cell of a table by (row's role and text cells, column): a blank cell is
/// zero.
fn cells(t: &Value) -> BTreeMap<(String, usize), Money> {
    let mut out = BTreeMap::new();
    for row in t["body"].as_array().unwrap() {
        let cells = row["cells"].as_array().unwrap();
        let texts: Vec<&str> = cells
            .iter()
            .filter(|c| c["align"] != "right")
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        let key = format!("{} {}", row["role"].as_str().unwrap(), texts.join("|"));
        for (i, c) in cells.iter().enumerate() {
            if c["align"] == "right" {
                let m = c["amount"].as_str().map_or(Money::ZERO, money);
                out.insert((key.clone(), i), m);
            }
        }
    }
    out
}

/// The numbers of a text, in order (`1,200.50`, `2`, `0.00`).
fn numbers(text: &str) -> Vec<Money> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (!cur.is_empty() && (c == '.' || c == ',')) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(money(cur.trim_end_matches(['.', ','])));
            cur.clear();
        }
    }
    out
}

fn paragraph_with<'p>(ps: &'p [String], needle: &str) -> &'p str {
    ps.iter()
        .find(|p| p.contains(needle))
        .unwrap_or_else(|| panic!("no paragraph with {needle}: {ps:#?}"))
}

fn add(a: Money, b: Money) -> Money {
    a.checked_add(b).unwrap()
}

fn add_all(a: &[Money], b: &[Money]) -> Vec<Money> {
    assert_eq!(a.len(), b.len(), "{a:?} / {b:?}");
    a.iter().zip(b).map(|(x, y)| add(*x, *y)).collect()
}

/// 编制数, 实有人数, and for 在职, 退休, 离休 this year's count and the signed change.
fn staffing(ps: &[String]) -> Vec<i64> {
    let p = paragraph_with(ps, "编制数");
    let after = |word: &str| -> i64 {
        let rest = &p[p.find(word).unwrap() + word.len()..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().unwrap()
    };
    let mut out = vec![after("编制数"), after("实有人数")];
    for kind in ["在职", "退休", "离休"] {
        out.push(after(kind));
        let rest = &p[p.find(kind).unwrap()..];
        let sign = if rest.split('；').next().unwrap().contains("减少") {
            -1
        } else {
            1
        };
        let change = numbers(rest.split('；').next().unwrap())[1];
        out.push(sign * change.decimal().to_string().parse::<i64>().unwrap());
    }
    out
}

#[test]
fn the_departments_tables_are_the_sum_of_its_units() {
    let [dept, own, school] = documents();
    for label in ["表1", "表2", "表3", "表5", "表6", "表10"] {
        let (d, o, s) = (
            cells(table(&dept, label)),
            cells(table(&own, label)),
            cells(table(&school, label)),
        );
        assert!(d.len() > 3, "{label}: {d:?}");
        for k in d.keys().chain(o.keys()).chain(s.keys()) {
            let get = |m: &BTreeMap<_, Money>| m.get(k).copied().unwrap_or(Money::ZERO);
            assert_eq!(get(&d), add(get(&o), get(&s)), "{label} {k:?}");
        }
    }
    // The 元 unit's amounts reach the department exactly: 3,456,789.12元 + 65.00万元.
    let t5 = cells(table(&dept, "表5"));
    assert!(t5.values().any(|m| *m == money("410.678912")), "{t5:?}");
}

#[test]
fn staffing_procurement_assets_and_operating_costs_are_summed() {
    let [dept, own, school] = documents();
    let [d, o, s] = [&dept, &own, &school].map(paragraphs);
    let sum: Vec<i64> = staffing(&o)
        .iter()
        .zip(staffing(&s))
        .map(|(a, b)| a + b)
        .collect();
    assert_eq!(staffing(&d), sum);
    // The leading year of the procurement sentences and the item numbers are not figures.
    for (needle, skip) in [
        ("政府采购预算", 1),
        ("面向中小企业预留", 1),
        ("1. 房屋", 1),
        ("2. 车辆", 1),
        ("3. 办公家具", 1),
        ("4. 其他资产", 1),
    ] {
        let figures = |ps: &[String]| numbers(paragraph_with(ps, needle))[skip..].to_vec();
        assert_eq!(
            figures(&d),
            add_all(&figures(&o), &figures(&s)),
            "{needle}: {}",
            paragraph_with(&d, needle)
        );
    }
    // 单位价值50万元以上大型设备N台，单位价值100万元以上大型设备M台.
    let devices = |ps: &[String]| {
        let n = numbers(paragraph_with(ps, "单位价值50万元以上大型设备"));
        vec![n[1], n[3]]
    };
    assert_eq!(devices(&d), add_all(&devices(&o), &devices(&s)));
    // 机关运行经费 is the 公用经费 of table 6: the units' exact ones added up, then printed.
    let public = |doc: &Value| {
        let t = cells(table(doc, "表6"));
        let total: Vec<Money> = t
            .iter()
            .filter(|((k, _), _)| k.starts_with("total"))
            .map(|(_, m)| *m)
            .collect();
        total[2]
    };
    let expected = add(public(&own), public(&school));
    let sentence = paragraph_with(&d, "机关运行经费财政拨款预算");
    assert!(
        sentence.contains(&format!("预算{}万元", expected.grouped())),
        "{sentence} / {}",
        expected.exact()
    );
}

#[test]
fn the_text_counts_and_lists_the_units() {
    let [dept, _, _] = documents();
    let ps = paragraphs(&dept);
    let setup = paragraph_with(&ps, "本级及下属");
    assert!(
        setup.starts_with(
            "示例县教育局部门预算由本级及下属1家单位的预算组成，下属单位是：示例县第二中学"
        ),
        "{setup}"
    );
    assert!(setup.contains("本级下设2个股室"), "{setup}");
    assert!(paragraph_with(&ps, "机关运行经费财政拨款预算")
        .starts_with("示例县教育局本级及下属1家事业单位"),);
    assert_eq!(dept["meta"]["scope"], "部门");
    // Texts come from the department file; a unit's own texts are not printed.
    assert!(ps.iter().any(|p| p.contains("统筹管理全县各级各类教育")));
    assert!(!ps.iter().any(|p| p.contains("实施初中教育")));
    assert!(ps.iter().any(|p| p.contains("保障机关运行和学校教学")));
    assert!(!ps.iter().any(|p| p.contains("保障初中教学")));
}

/// The unit rows of table 7 and 11, and the rows under them.
fn grouped(t: &Value) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for row in t["body"].as_array().unwrap() {
        let texts: Vec<&str> = row["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["align"] == "left")
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        match row["role"].as_str().unwrap() {
            "group" => out.push((texts[0].to_string(), Vec::new())),
            "item" => {
                let last = out.last_mut().expect("an item under a unit row");
                last.1.push(texts.last().unwrap().to_string());
            }
            _ => {}
        }
    }
    out
}

#[test]
fn projects_are_listed_per_unit() {
    let [dept, _, _] = documents();
    assert_eq!(
        grouped(table(&dept, "表7")),
        vec![
            (
                "示例县教育局本级".to_string(),
                vec!["教育信息化建设".to_string()]
            ),
            (
                "示例县第二中学".to_string(),
                vec!["教育信息化建设".to_string(), "校舍维修".to_string()]
            ),
        ]
    );
    assert_eq!(
        grouped(table(&dept, "表11")),
        vec![(
            "示例县教育局本级".to_string(),
            vec!["教师培训结转经费".to_string()]
        )]
    );
    // One performance table per project, each with its unit (预算单位) and its own budget.
    let tables: Vec<(String, String, String)> = blocks(&dept)
        .into_iter()
        .filter(|b| b["type"] == "table" && b["title"] == "项目支出绩效目标表")
        .map(|b| {
            let rows = b["body"].as_array().unwrap();
            let cell =
                |r: usize, c: usize| rows[r]["cells"][c]["text"].as_str().unwrap().to_string();
            (cell(1, 1), cell(0, 1), cell(2, 2))
        })
        .collect();
    assert_eq!(
        tables,
        vec![
            (
                "教育信息化建设".into(),
                "示例县教育局".into(),
                "50.00".into()
            ),
            (
                "教育信息化建设".into(),
                "示例县第二中学".into(),
                "15.00".into()
            ),
            ("校舍维修".into(), "示例县第二中学".into(), "50.00".into()),
        ]
    );
    let ps = paragraphs(&dept);
    assert!(
        ps.iter().any(|p| p == "项目承担单位：示例县第二中学"),
        "{ps:#?}"
    );
    assert!(paragraph_with(&ps, "当年财政拨款项目").contains("当年财政拨款项目3个"));
}

#[test]
fn a_unit_that_does_not_fit_is_reported_at_its_entry() {
    for (name, from, to, message) in [
        (
            "year",
            "year = 2025",
            "year = 2024",
            "预算年度是 2024，本部门是 2025（year differs）",
        ),
        (
            "scope",
            "scope = \"单位\"",
            "scope = \"部门\"",
            "scope 是“部门”，应为“单位”（not a unit）",
        ),
        (
            "classification",
            "amount_unit = \"元\"",
            "amount_unit = \"元\"\nclassification = \"2023\"",
            "按 2023 年版分类科目编制，本部门是 2024 年版（classification differs）",
        ),
    ] {
        let dir = department(name, |f, src| {
            if f == "二中.toml" {
                src.replacen(from, to, 1)
            } else {
                src
            }
        });
        let dept = dir.join("部门.toml");
        let (code, err) = check(&dept);
        assert_eq!(code, Some(1), "{name}: {err}");
        let at = place(&dept, "\"二中.toml\"");
        assert!(
            err.contains(&format!(
                "{at}: 错误：[consolidate.units[1]] 单位文件“{}”",
                dir.join("二中.toml").display()
            )),
            "{name}: {err}"
        );
        assert!(err.contains(message), "{name}: {err}");
        let out = gongkai(&[
            "generate",
            dept.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(!dir.join("部门.json").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn a_broken_unit_is_reported_in_its_own_file() {
    let dir = department("broken", |f, src| {
        if f == "二中.toml" {
            src.replacen("amount = \"400,000.00\"", "amount = \"四十万\"", 1)
        } else {
            src
        }
    });
    let dept = dir.join("部门.toml");
    let (code, err) = check(&dept);
    assert_eq!(code, Some(1), "{err}");
    let at = place(&dir.join("二中.toml"), "\"四十万\"");
    assert!(
        err.contains(&format!("{at}: 错误：[basic[1].amount]")),
        "{err}"
    );
    assert!(err.contains("“四十万”不是金额"), "{err}");
    assert!(
        err.contains("amount = \"四十万\""),
        "the unit's own line is shown: {err}"
    );
    // Only the unit's own problem: the department is not blamed for it.
    assert!(!err.contains(&format!("{}:", dept.display())), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_file_a_duplicate_and_a_cycle_are_refused() {
    let cases = [
        (
            "missing",
            "[\"本级.toml\", \"三中.toml\"]",
            "\"三中.toml\"",
            "missing unit file",
        ),
        (
            "duplicate",
            "[\"本级.toml\", \"二中.toml\", \"./二中.toml\"]",
            "\"./二中.toml\"",
            "duplicate unit",
        ),
        (
            "self",
            "[\"本级.toml\", \"二中.toml\", \"部门.toml\"]",
            "\"部门.toml\"",
            "cycle",
        ),
    ];
    for (name, units, entry, message) in cases {
        let dir = department(name, |f, src| {
            if f == "部门.toml" {
                src.replacen("[\"本级.toml\", \"二中.toml\"]", units, 1)
            } else {
                src
            }
        });
        let dept = dir.join("部门.toml");
        let (code, err) = check(&dept);
        assert_eq!(code, Some(1), "{name}: {err}");
        let at = place(&dept, entry);
        assert!(
            err.contains(&format!("{at}: 错误：[consolidate.units[")),
            "{name}: {err}"
        );
        assert!(err.contains(message), "{name}: {err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
    // A unit that lists the department back: a cycle, located at the entry.
    let dir = department("cycle", |f, src| match f {
        "二中.toml" => src
            .replacen("scope = \"单位\"", "scope = \"部门\"", 1)
            .replacen(
                "[overview]",
                "[consolidate]\nunits = [\"部门.toml\"]\n\n[overview]",
                1,
            ),
        _ => src,
    });
    let dept = dir.join("部门.toml");
    let (code, err) = check(&dept);
    assert_eq!(code, Some(1), "{err}");
    let at = place(&dept, "\"二中.toml\"");
    assert!(
        err.contains(&format!("{at}: 错误：[consolidate.units[1]]")),
        "{err}"
    );
    assert!(err.contains("循环汇总（cycle）"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_departments_own_amounts_are_refused() {
    let dir = department("own", |f, src| {
        if f == "部门.toml" {
            format!(
                "procurement = \"none\"\n{}\n[[basic]]\ncode = \"2050101\"\namount = \"1.00\"\n\n[overview.staffing]\nauthorized = \"7\"\n",
                src.replacen(
                    "fiscal_carryover = { reason",
                    "fiscal_carryover = { amount = \"0.00\", reason",
                    1
                )
            )
        } else {
            src
        }
    });
    let dept = dir.join("部门.toml");
    let (code, err) = check(&dept);
    assert_eq!(code, Some(1), "{err}");
    for (needle, key) in [
        ("\"none\"", "procurement"),
        ("\"2050101\"", "basic[0]"),
        ("\"7\"", "overview.staffing"),
        ("\"0.00\"", "prior.income.fiscal_carryover.amount"),
    ] {
        let at = place(&dept, needle);
        assert!(
            err.contains(&format!("{at}: 错误：[{key}] 汇总的部门文件不写")),
            "{key} at {at}: {err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_summed_change_without_a_reason_is_located_in_the_department() {
    let dir = department("reason", |f, src| {
        if f == "部门.toml" {
            src.replacen(
                "[prior.spending]\nproject = { reason = \"信息化建设和校舍维修经费增加\" }\n",
                "",
                1,
            )
        } else {
            src
        }
    });
    let dept = dir.join("部门.toml");
    let (code, err) = check(&dept);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("错误：[prior.spending.project] 项目支出比上年预算增加33.00万元"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:", dept.display())), "{err}");
    assert!(!err.contains("二中.toml:"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn conflicting_names_and_contradicting_subordinates_are_reported() {
    let dir = department("names", |f, src| match f {
        "本级.toml" => format!("{src}\n[names]\n\"2080597\" = \"养老保险缴费（机关）\"\n"),
        "二中.toml" => format!("{src}\n[names]\n\"2080597\" = \"养老保险缴费（学校）\"\n"),
        _ => src.replacen(
            "office_word",
            "subordinates = [\"示例县第三中学\"]\noffice_word",
            1,
        ),
    });
    let dept = dir.join("部门.toml");
    let (code, err) = check(&dept);
    assert_eq!(code, Some(1), "{err}");
    let at = place(&dept, "\"二中.toml\"");
    assert!(
        err.contains(&format!(
            "{at}: 错误：[consolidate.units[1]] 编码 2080597 的名称不一致"
        )),
        "{err}"
    );
    let at = place(&dept, "\"示例县第三中学\"");
    assert!(
        err.contains(&format!("{at}: 错误：[overview.subordinates]")),
        "{err}"
    );
    assert!(err.contains("应为：示例县第二中学"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_own_unit_is_the_one_named_as_the_department_or_an_alias() {
    let rename = |f: &str, src: String| {
        if f == "本级.toml" {
            src.replacen("name = \"示例县教育局\"", "name = \"示例县教育局本级\"", 1)
        } else {
            src
        }
    };
    let dir = department("own-unit", rename);
    let dept = dir.join("部门.toml");
    let (code, err) = check(&dept);
    assert_eq!(code, Some(1), "{err}");
    let at = place(&dept, "\"本级.toml\"");
    assert!(
        err.contains(&format!("{at}: 错误：[consolidate.units] 没有本级单位")),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let dir = department("alias", |f, src| {
        let src = rename(f, src);
        if f == "部门.toml" {
            src.replacen(
                "scope = \"部门\"",
                "scope = \"部门\"\naliases = [\"示例县教育局本级\"]",
                1,
            )
        } else {
            src
        }
    });
    let (code, err) = check(&dir.join("部门.toml"));
    assert_eq!(code, Some(0), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
