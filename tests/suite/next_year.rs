//! `gongkai next-year`: next year's file from this year's, run through the binary.
//!
//! The round trip: roll a file over, put this year's amounts back where the new file says
//! 待填写 (so next year equals this year), and generate both: every 上年 figure the new
//! document prints must be this year's figure, i.e. every change is zero.

use crate::common::run;
use run::{gongkai, temp_dir};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Value};

const PLACEHOLDER: &str = "待填写";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every example, and fixtures with shapes the examples lack (元 amounts, project lines).
fn inputs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    assert!(v.len() >= 3, "the examples");
    for f in [
        "minimal.toml",
        "units/yuan.toml",
        "structures/project_lines.toml",
    ] {
        v.push(root().join("tests/fixtures").join(f));
    }
    v
}

/// Runs next-year on `file` into `dir`, asserts success, returns the new file's path.
fn roll(file: &Path, dir: &Path) -> PathBuf {
    let next = dir.join("next.toml");
    let stdout = roll_to(file, &next);
    assert!(
        stdout.contains("已生成") && stdout.contains("待填写"),
        "{stdout}"
    );
    next
}

/// Runs next-year on `file` into `next`, asserts success, returns what it printed.
fn roll_to(file: &Path, next: &Path) -> String {
    let out = gongkai(&[
        "next-year",
        file.to_str().unwrap(),
        "-o",
        next.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn placeholders_in_value(v: &Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match v {
        Value::String(s) if s.value() == PLACEHOLDER => out.push(path.clone()),
        Value::InlineTable(t) => {
            for (k, v) in t.iter() {
                path.push(Seg::Key(k.to_string()));
                placeholders_in_value(v, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                placeholders_in_value(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The path of every 待填写 under `item`.
fn placeholders(item: &Item, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match item {
        Item::Table(t) => {
            for (k, v) in t.iter() {
                path.push(Seg::Key(k.to_string()));
                placeholders(v, path, out);
                path.pop();
            }
        }
        Item::ArrayOfTables(a) => {
            for (i, t) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                for (k, v) in t.iter() {
                    path.push(Seg::Key(k.to_string()));
                    placeholders(v, path, out);
                    path.pop();
                }
                path.pop();
            }
        }
        Item::Value(v) => placeholders_in_value(v, path, out),
        Item::None => {}
    }
}

fn lookup<'a>(item: &'a Item, path: &[Seg]) -> Option<&'a Item> {
    path.iter().try_fold(item, |i, seg| match seg {
        Seg::Key(k) => i.get(k.as_str()),
        Seg::Index(n) => i.get(*n),
    })
}

fn lookup_mut<'a>(item: &'a mut Item, path: &[Seg]) -> Option<&'a mut Item> {
    path.iter().try_fold(item, |i, seg| match seg {
        Seg::Key(k) => i.get_mut(k.as_str()),
        Seg::Index(n) => i.get_mut(*n),
    })
}

/// `next` with every 待填写 replaced by the value the same key has in `original`.
fn fill(original: &str, next: &str) -> String {
    let original: DocumentMut = original.parse().unwrap();
    let mut next: DocumentMut = next.parse().unwrap();
    let mut paths = Vec::new();
    placeholders(next.as_item(), &mut Vec::new(), &mut paths);
    assert!(!paths.is_empty(), "the new file has placeholders");
    for p in paths {
        let old = lookup(original.as_item(), &p)
            .unwrap_or_else(|| panic!("{p:?} is not in the original"))
            .clone();
        assert_ne!(old.as_str(), Some(PLACEHOLDER));
        *lookup_mut(next.as_item_mut(), &p).unwrap() = old;
    }
    next.to_string()
}

/// The JSON of `generate --format json`, parsed.
fn generate_json(file: &Path, dir: &Path) -> serde_json::Value {
    serde_json::from_str(&run::generate_json(file, dir)).unwrap()
}

/// Every string of the JSON document.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The sentences that compare with last year's budget.
fn comparisons(doc: &serde_json::Value) -> Vec<String> {
    let mut all = Vec::new();
    strings(doc, &mut all);
    all.into_iter()
        .filter(|s| s.contains("比上年预算"))
        .collect()
}

/// What a comparison says of this year: the text before 比上年预算, without its list
/// number, with `year` written as `as_year`.
fn this_year_part(sentence: &str, year: i64, as_year: i64) -> String {
    let head = sentence.split("比上年预算").next().unwrap_or_default();
    let head = match head.split_once(". ") {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => head,
    };
    head.replace(&format!("{year}年"), &format!("{as_year}年"))
}

/// The amount a comparison prints for this year (`None` when its head prints none).
fn amount_of(head: &str) -> Option<String> {
    let end = head.find("万元").or_else(|| head.find('元'))?;
    let digits: String = head[..end]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .collect();
    Some(digits.chars().rev().collect())
}

/// Every 增加/减少 of a comparison is zero.
fn all_changes_zero(s: &str) -> bool {
    !s.contains("减少")
        && !s.contains("下降")
        && s.match_indices("增加")
            .all(|(i, w)| s[i + w.len()..].starts_with("0.00"))
        && s.match_indices("增长")
            .all(|(i, w)| s[i + w.len()..].starts_with("0.00%"))
}

/// The staffing sentence without its changes (`，增加3人`).
fn without_head_count_changes(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(['，', ',']) {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let tail = after
            .strip_prefix('，')
            .or_else(|| after.strip_prefix(','))
            .unwrap_or(after);
        let change = ["增加", "减少"].iter().find_map(|w| tail.strip_prefix(w));
        match change {
            Some(c) if c.starts_with(|ch: char| ch.is_ascii_digit()) => {
                let skip = c.chars().take_while(|ch| ch.is_ascii_digit()).count();
                rest = c[skip..].strip_prefix('人').unwrap_or(&c[skip..]);
            }
            _ => {
                out.push_str(&after[..after.len() - tail.len()]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn staffing_sentence(doc: &serde_json::Value) -> String {
    let mut all = Vec::new();
    strings(doc, &mut all);
    all.into_iter()
        .find(|s| s.contains("实有人数"))
        .expect("the staffing sentence")
}

fn comment_lines(src: &str) -> Vec<&str> {
    src.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .collect()
}

fn is_subsequence(small: &[&str], big: &[&str]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

fn top_level_keys(doc: &DocumentMut) -> Vec<String> {
    doc.iter().map(|(k, _)| k.to_string()).collect()
}

/// Whether `key` occurs anywhere under `item`.
fn has_key(item: &Item, key: &str) -> bool {
    if let Some(t) = item.as_table_like() {
        return t.iter().any(|(k, v)| k == key || has_key(v, key));
    }
    if let Some(a) = item.as_array_of_tables() {
        return a
            .iter()
            .any(|t| t.iter().any(|(k, v)| k == key || has_key(v, key)));
    }
    false
}

fn year_of(doc: &DocumentMut) -> i64 {
    let y = &doc["unit"]["year"];
    y.as_integer()
        .or_else(|| y.as_str().and_then(|s| s.parse().ok()))
        .unwrap()
}

#[test]
fn next_year_equals_this_year_once_refilled() {
    for (n, file) in inputs().iter().enumerate() {
        let name = file.display().to_string();
        let dir = temp_dir(&format!("round-{n}"));
        let src = std::fs::read_to_string(file).unwrap();
        let next_path = roll(file, &dir);
        let next = std::fs::read_to_string(&next_path).unwrap();
        let year = check_rolled_over(&name, &src, &next);

        // Filled with this year's amounts, next year's 上年 equals this year.
        let filled = dir.join("filled.toml");
        std::fs::write(&filled, fill(&src, &next)).unwrap();
        let before = generate_json(file, &dir.join("a"));
        let after = generate_json(&filled, &dir.join("b"));
        check_comparisons_unchanged(&name, &before, &after, year);
        check_staffing_unchanged(&name, &before, &after);
    }
}

/// Comments and order survive from `src` to `next`; the year and the 落款 date advance and
/// the reasons are cleared. Returns this year.
fn check_rolled_over(name: &str, src: &str, next: &str) -> i64 {
    let (old_doc, new_doc): (DocumentMut, DocumentMut) =
        (src.parse().unwrap(), next.parse().unwrap());
    let head = |s: &str| -> Vec<String> {
        s.lines()
            .take_while(|l| l.starts_with('#') || l.is_empty())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(head(src), head(next), "{name}: the opening comments");
    assert_eq!(
        top_level_keys(&old_doc),
        top_level_keys(&new_doc),
        "{name}: top-level order"
    );
    assert!(
        is_subsequence(&comment_lines(src), &comment_lines(next)),
        "{name}: every full-line comment is kept, in order"
    );
    let year = year_of(&old_doc);
    assert_eq!(year_of(&new_doc), year + 1, "{name}");
    let issued = old_doc["unit"]["issued"].as_str().unwrap();
    let expected = format!("{}{}", year + 1, &issued[4..]).replace("-02-29", "-02-28");
    assert_eq!(new_doc["unit"]["issued"].as_str(), Some(expected.as_str()));
    assert!(
        !has_key(&new_doc["prior"], "reason"),
        "{name}: reasons are cleared:\n{next}"
    );
    year
}

/// Every comparison the refilled document prints shows no change, and each figure with
/// money this year is compared, at this year's amount.
fn check_comparisons_unchanged(
    name: &str,
    before: &serde_json::Value,
    after: &serde_json::Value,
    year: i64,
) {
    let after_sentences = comparisons(after);
    assert!(!after_sentences.is_empty(), "{name}");
    for s in &after_sentences {
        assert!(all_changes_zero(s), "{name}: a change in «{s}»");
    }
    let heads_after: BTreeSet<String> = after_sentences
        .iter()
        .map(|s| this_year_part(s, year + 1, year))
        .collect();
    let heads_before: BTreeSet<String> = comparisons(before)
        .iter()
        .map(|s| this_year_part(s, year, year))
        .filter(|h| amount_of(h).is_none_or(|a| a != "0.00"))
        .collect();
    assert!(heads_after.len() >= 5, "{name}: {heads_after:?}");
    assert_eq!(
        heads_after, heads_before,
        "{name}: each figure with money this year is compared, at this year's amount"
    );
}

/// The refilled staffing sentence reports no change in head count and otherwise reads as
/// this year's.
fn check_staffing_unchanged(name: &str, before: &serde_json::Value, after: &serde_json::Value) {
    let (staff_before, staff_after) = (staffing_sentence(before), staffing_sentence(after));
    assert!(
        all_changes_zero(&staff_after.replace("增加0人", "")) && !staff_after.contains("减少"),
        "{name}: {staff_after}"
    );
    assert_eq!(
        without_head_count_changes(&staff_before),
        without_head_count_changes(&staff_after),
        "{name}"
    );
}

#[test]
fn a_line_that_falls_to_zero_is_reported_as_not_arranged() {
    let file = root().join("examples/qitai-commerce-2024.toml");
    let dir = temp_dir("zero");
    let src = std::fs::read_to_string(&file).unwrap();
    let next = std::fs::read_to_string(roll(&file, &dir)).unwrap();
    let mut doc: DocumentMut = fill(&src, &next).parse().unwrap();
    // Next year has no 信访业务 project (2014004, 2.00 this year).
    let projects = doc["projects"].as_array_of_tables_mut().unwrap();
    let secret = projects
        .iter()
        .position(|p| p["code"].as_str() == Some("2014004"))
        .unwrap();
    projects.remove(secret);
    doc.remove("control");
    let filled = dir.join("fell.toml");
    std::fs::write(&filled, doc.to_string()).unwrap();

    // A line falling to zero changes by 100%: check asks for the reason, at the entry.
    let out = gongkai(&["check", filled.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("prior.items") && stderr.contains("缺少变动原因"),
        "{stderr}"
    );

    let items = doc["prior"]["items"].as_array_of_tables_mut().unwrap();
    let entry = items
        .iter_mut()
        .find(|t| t["code"].as_str() == Some("2014004"))
        .expect("the 项 with money this year is carried");
    assert_eq!(entry["amount"].as_str(), Some("2.00"));
    entry["reason"] = toml_edit::value("本年未安排此项预算");
    std::fs::write(&filled, doc.to_string()).unwrap();
    let json = generate_json(&filled, &dir.join("out"));
    let sentence = comparisons(&json)
        .into_iter()
        .find(|s| s.contains("信访业务（项）"))
        .expect("the 项 that fell to zero is still listed");
    assert!(
        sentence.contains("2025年预算数为0.00万元，比上年预算减少2.00万元，下降100.00%")
            && sentence.contains("本年未安排此项预算"),
        "{sentence}"
    );
}

#[test]
fn amounts_are_carried_exactly_in_the_files_unit() {
    let dir = temp_dir("exact");
    let changji = std::fs::read_to_string(roll(
        &root().join("examples/changji-industry-2024.toml"),
        &dir,
    ))
    .unwrap();
    let doc: DocumentMut = changji.parse().unwrap();
    // 一般公共预算 581.5451 万元 prints 581.55; the carried figure is the exact one.
    assert_eq!(
        doc["prior"]["income"]["general"]["amount"].as_str(),
        Some("581.5451")
    );
    assert_eq!(
        doc["prior"]["spending"]["basic"]["amount"].as_str(),
        Some("581.5451")
    );
    assert!(
        doc["prior"]["income"].get("unit_funds").is_none(),
        "nothing this year"
    );
    let dir = temp_dir("exact-yuan");
    let yuan = std::fs::read_to_string(roll(&root().join("tests/fixtures/units/yuan.toml"), &dir))
        .unwrap();
    let doc: DocumentMut = yuan.parse().unwrap();
    let basic = doc["prior"]["spending"]["basic"]["amount"]
        .as_str()
        .unwrap();
    assert_eq!(basic, "800,123.45", "元, to the 分");
}

#[test]
fn an_existing_output_is_never_overwritten() {
    let dir = temp_dir("exists");
    let next = dir.join("next.toml");
    std::fs::write(&next, "# 已有的文件\n").unwrap();
    let file = root().join("tests/fixtures/minimal.toml");
    let out = gongkai(&[
        "next-year",
        file.to_str().unwrap(),
        "-o",
        next.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("已存在"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&next).unwrap(), "# 已有的文件\n");
    let left = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(left, 1, "nothing else written");
}

#[test]
fn an_input_with_errors_is_refused_with_its_diagnostics() {
    let dir = temp_dir("invalid");
    let src = std::fs::read_to_string(root().join("tests/fixtures/minimal.toml")).unwrap();
    let broken = dir.join("broken.toml");
    std::fs::write(
        &broken,
        src.replacen("amount = \"80.00\"", "amount = \"八十\"", 1),
    )
    .unwrap();
    let next = dir.join("next.toml");
    let out = gongkai(&[
        "next-year",
        broken.to_str().unwrap(),
        "-o",
        next.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.toml:"), "located: {stderr}");
    assert!(stderr.contains("basic[0].amount"), "{stderr}");
    assert!(stderr.contains("未生成下一年度文件"), "{stderr}");
    assert!(!next.exists());
}

/// A department that sums its units rolls over without amounts: its units roll over
/// themselves, and once its list names their new files, its 上年预算 are this year's sums.
#[test]
fn a_consolidating_department_rolls_over_with_its_units() {
    let dir = temp_dir("department");
    let fixtures = root().join("tests/fixtures/consolidate");
    for f in ["部门.toml", "本级.toml", "二中.toml"] {
        std::fs::copy(fixtures.join(f), dir.join(f)).unwrap();
    }
    for unit in ["本级", "二中"] {
        let (old, new) = (
            dir.join(format!("{unit}.toml")),
            dir.join(format!("{unit}-next.toml")),
        );
        roll_to(&old, &new);
        let filled = fill(
            &std::fs::read_to_string(&old).unwrap(),
            &std::fs::read_to_string(&new).unwrap(),
        );
        std::fs::write(&new, filled).unwrap();
    }
    let (dept, next) = (dir.join("部门.toml"), dir.join("部门-next.toml"));
    let stdout = roll_to(&dept, &next);
    assert!(stdout.contains("部门汇总文件"), "{stdout}");
    assert!(!stdout.contains("待填写：共 0 处"), "{stdout}");
    let text = std::fs::read_to_string(&next).unwrap();
    let doc: DocumentMut = text.parse().unwrap();
    assert_eq!(year_of(&doc), 2026, "{text}");
    assert!(
        !has_key(doc.as_item(), "reason"),
        "reasons cleared:\n{text}"
    );
    assert!(doc.get("prior").is_none(), "no amounts of its own:\n{text}");

    // Still listing this year's unit files, the year mismatch is reported at the list.
    let out = gongkai(&["check", next.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("consolidate.units"));

    let relisted = text
        .replace("\"本级.toml\"", "\"本级-next.toml\"")
        .replace("\"二中.toml\"", "\"二中-next.toml\"");
    std::fs::write(&next, relisted).unwrap();
    let before = generate_json(&dept, &dir.join("a"));
    let after = generate_json(&next, &dir.join("b"));
    let after_sentences = comparisons(&after);
    assert!(after_sentences.len() >= 5, "{after_sentences:?}");
    for s in &after_sentences {
        assert!(all_changes_zero(s), "a change in «{s}»");
    }
    let heads_after: BTreeSet<String> = after_sentences
        .iter()
        .map(|s| this_year_part(s, 2026, 2025))
        .collect();
    let heads_before: BTreeSet<String> = comparisons(&before)
        .iter()
        .map(|s| this_year_part(s, 2025, 2025))
        .filter(|h| amount_of(h).is_none_or(|a| a != "0.00"))
        .collect();
    assert_eq!(heads_after, heads_before);
}
