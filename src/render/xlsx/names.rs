//! Sheet names: one per table, from its label and title, within Excel's rules (at most 31
//! UTF-16 units, none of `[ ] : * ? / \`, no apostrophe at either end, unique ignoring
//! case, never `History`).

use crate::document::Table;

/// Excel's longest sheet name, in UTF-16 code units.
const MAX_UNITS: usize = 31;

/// The sheet name of each table, in order: `表2 单位收入总体情况表`, a 绩效目标表 by its
/// title and, when several share it, its subject; a name already taken gets `（2）`, `（3）` ….
pub fn sheet_names(tables: &[&Table]) -> Vec<String> {
    let mut taken: Vec<String> = vec!["history".into()];
    let mut out = Vec::with_capacity(tables.len());
    for t in tables {
        let base = clean(&wanted(t));
        let mut name = truncate(&base, MAX_UNITS);
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            let suffix = format!("（{n}）");
            name = format!(
                "{}{suffix}",
                truncate(&base, MAX_UNITS - suffix.encode_utf16().count())
            );
            n += 1;
        }
        taken.push(name.to_lowercase());
        out.push(name);
    }
    out
}

/// The name a table asks for before Excel's rules are applied.
fn wanted(t: &Table) -> String {
    match (&t.label, &t.subject) {
        (Some(label), _) => format!("{label} {}", t.title),
        (None, Some(subject)) => format!("{} {subject}", t.title),
        (None, None) => t.title.clone(),
    }
}

/// `name` with the characters Excel forbids replaced by their full-width forms, control
/// characters dropped and no apostrophe or space at either end; `表` when nothing is left.
fn clean(name: &str) -> String {
    let replaced: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '[' => '［',
            ']' => '］',
            ':' => '：',
            '*' => '＊',
            '?' => '？',
            '/' => '／',
            '\\' => '＼',
            other => other,
        })
        .collect();
    let trimmed = trim(&replaced);
    if trimmed.is_empty() {
        "表".into()
    } else {
        trimmed.to_string()
    }
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c == '\'' || c.is_whitespace())
}

/// The longest prefix of `s` of at most `units` UTF-16 units, whole characters only, with
/// no apostrophe or space left at its end.
fn truncate(s: &str, units: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        used += c.len_utf16();
        if used > units {
            break;
        }
        out.push(c);
    }
    trim(&out).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Orientation;

    fn table(label: Option<&str>, title: &str, subject: Option<&str>) -> Table {
        Table {
            id: "t".into(),
            label: label.map(str::to_string),
            title: title.into(),
            subtitle: None,
            subject: subject.map(str::to_string),
            issuer: None,
            unit: None,
            orientation: Orientation::Portrait,
            columns: Vec::new(),
            header: Vec::new(),
            body: Vec::new(),
            empty_statement: None,
            rounding_note: None,
            sums: Default::default(),
            body_heads: None,
        }
    }

    fn names(tables: &[Table]) -> Vec<String> {
        sheet_names(&tables.iter().collect::<Vec<_>>())
    }

    fn valid(name: &str) -> bool {
        let units = name.encode_utf16().count();
        (1..=MAX_UNITS).contains(&units)
            && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            && !name.starts_with('\'')
            && !name.ends_with('\'')
    }

    #[test]
    fn labelled_tables_are_named_by_label_and_title() {
        let t = [
            table(Some("表2"), "单位收入总体情况表", None),
            table(None, "单位整体绩效目标表", None),
        ];
        assert_eq!(names(&t), ["表2 单位收入总体情况表", "单位整体绩效目标表"]);
    }

    #[test]
    fn long_names_are_cut_to_31_units_and_stay_unique() {
        let long = "奇财预【2024】56号2024年招商企业服务中心运转经费（第一批次补充资金）";
        let t = [
            table(None, "项目支出绩效目标表", Some(long)),
            table(None, "项目支出绩效目标表", Some(long)),
            table(None, "项目支出绩效目标表", Some(long)),
        ];
        let n = names(&t);
        assert!(n.iter().all(|s| valid(s)), "{n:?}");
        assert!(n[0].starts_with("项目支出绩效目标表 奇财预【2024】56号"));
        assert!(n[1].ends_with("（2）") && n[2].ends_with("（3）"), "{n:?}");
        assert_eq!(n.len(), 3);
        assert!(n[0] != n[1] && n[1] != n[2] && n[0] != n[2]);
    }

    #[test]
    fn forbidden_characters_and_edges_are_replaced() {
        let t = [
            table(None, "'a/b:c*d?e[f]g\\h'", None),
            table(None, "A/B", None),
            table(None, "a／b", None),
            table(None, "History", None),
            table(None, "  ''  ", None),
            table(None, "𠀀".repeat(20).as_str(), None),
        ];
        let n = names(&t);
        assert_eq!(n[0], "a／b：c＊d？e［f］g＼h");
        assert_eq!(n[1], "A／B");
        assert_eq!(n[2], "a／b（2）", "Excel compares names ignoring case");
        assert_eq!(n[3], "History（2）");
        assert_eq!(n[4], "表");
        // Characters outside the BMP take two UTF-16 units each: 15 of them fit.
        assert_eq!(n[5].chars().count(), 15);
        assert!(n.iter().all(|s| valid(s)), "{n:?}");
    }
}
