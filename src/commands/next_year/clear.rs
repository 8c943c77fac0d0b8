//! This year's figures cleared for re-entry (each one set to the placeholder), and the
//! year, the 落款 date and the projects' 执行时间 advanced by one year.

use super::edit::{self, child, clear_all, clear_keys, path, set, tables_mut, PLACEHOLDER};
use toml_edit::{Item, Table, TableLike};

/// How many figures of each part were cleared, in print order.
pub type Cleared = Vec<(&'static str, usize)>;

/// Clears this year's figures; returns the count per part.
pub fn clear(root: &mut Table) -> Cleared {
    let mut out: Cleared = Vec::new();
    let staffing = path(root, &["overview", "staffing"]).map_or(0, |s| {
        clear_keys(
            s,
            &["authorized", "in_service", "retired", "veteran", "actual"],
        )
    });
    out.push(("人员编制和人数", staffing));
    out.push((
        "基本支出（功能分类）",
        each(root, "basic", &["amount", "personnel"]),
    ));
    out.push((
        "基本支出（经济分类）",
        each(root, "basic_economic", &["amount"]),
    ));
    out.push(("项目支出", projects(root)));
    let procurement = root
        .get_mut("procurement")
        .filter(|i| i.is_table_like())
        .map_or(0, clear_all);
    out.push(("政府采购", procurement));
    out.push(("国有资产", root.get_mut("assets").map_or(0, clear_all)));
    out.push(("绩效目标表", performance(root)));
    out.push((
        "控制数（批复数）",
        root.get_mut("control").map_or(0, clear_all),
    ));
    out
}

/// Clears `keys` in each table of the array at `key`.
fn each(root: &mut Table, key: &str, keys: &[&str]) -> usize {
    root.get_mut(key).map_or(0, |list| {
        tables_mut(list)
            .into_iter()
            .map(|t| clear_keys(t, keys))
            .sum()
    })
}

/// A project's amounts and economic splits, and its lines'.
fn projects(root: &mut Table) -> usize {
    let Some(list) = root.get_mut("projects") else {
        return 0;
    };
    let mut n = 0;
    for p in tables_mut(list) {
        n += clear_keys(p, &["amount", "economic"]);
        if let Some(lines) = p.get_mut("lines") {
            for l in tables_mut(lines) {
                n += clear_keys(l, &["amount", "economic"]);
            }
        }
    }
    n
}

/// A 上年完成值 that says there is none (not applicable), kept as it is.
fn not_applicable(v: &str) -> bool {
    matches!(
        v.trim(),
        "" | "/" | "-" | "—" | "－" | "／" | "无" | "不适用"
    )
}

/// The project tables' 年度预算总额, and each indicator's 上年完成值 that states a value:
/// next year's table reports this year's achievement, which only the clerk knows.
fn performance(root: &mut Table) -> usize {
    let Some(perf) = child(root, "performance") else {
        return 0;
    };
    let mut n = 0;
    if let Some(unit) = child(perf, "unit") {
        n += prior_values(unit);
    }
    if let Some(list) = perf.get_mut("projects") {
        for p in tables_mut(list) {
            n += clear_keys(p, &["budget"]);
            n += prior_values(p);
        }
    }
    n
}

fn prior_values(table: &mut dyn TableLike) -> usize {
    let Some(list) = table.get_mut("indicators") else {
        return 0;
    };
    let mut n = 0;
    for i in tables_mut(list) {
        if let Some(v) = i.get_mut("prior_value") {
            if v.as_str()
                .is_some_and(|s| !not_applicable(s) && s != PLACEHOLDER)
            {
                set(v, PLACEHOLDER);
                n += 1;
            }
        }
    }
    n
}

/// What advancing the year changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Advanced {
    /// The new budget year.
    pub year: Option<i64>,
    /// The new 落款 date.
    pub issued: Option<String>,
    /// Projects' (and lines') 执行时间 moved on.
    pub periods: usize,
}

/// Advances `[unit] year`, `[unit] issued` and every project's `period` by one year.
pub fn advance(root: &mut Table) -> Advanced {
    let mut done = Advanced::default();
    if let Some(unit) = child(root, "unit") {
        if let Some(y) = unit.get_mut("year") {
            done.year = next_year_value(y);
        }
        if let Some(d) = unit.get_mut("issued") {
            if let Some(next) = d.as_str().and_then(next_date) {
                set(d, next.as_str());
                done.issued = Some(next);
            }
        }
    }
    if let Some(list) = root.get_mut("projects") {
        for p in tables_mut(list) {
            done.periods += period(p);
            if let Some(lines) = p.get_mut("lines") {
                for l in tables_mut(lines) {
                    done.periods += period(l);
                }
            }
        }
    }
    done
}

fn next_year_value(item: &mut Item) -> Option<i64> {
    if let Some(y) = item.as_integer() {
        let next = y.checked_add(1)?;
        set(item, next);
        return Some(next);
    }
    let next = item.as_str()?.trim().parse::<i64>().ok()?.checked_add(1)?;
    set(item, next.to_string());
    Some(next)
}

fn period(table: &mut dyn TableLike) -> usize {
    let Some(item) = table.get_mut("period") else {
        return 0;
    };
    match item.as_str().and_then(shift_years) {
        Some(next) => {
            set(item, next);
            1
        }
        None => 0,
    }
}

/// `YYYY-MM-DD` one year on; 29 February becomes 28 February.
pub fn next_date(date: &str) -> Option<String> {
    let mut parts = date.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let year: u32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    let day: u32 = d.parse().ok()?;
    let day = if month == 2 && day == 29 { 28 } else { day };
    Some(format!(
        "{:04}-{m}-{:0width$}",
        year + 1,
        day,
        width = d.len()
    ))
}

/// Every year (a four-digit number from 1990 to 2100 standing alone) one year on; `None`
/// when the text has none.
pub fn shift_years(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let digits: String = chars[i..i + run].iter().collect();
        match digits.parse::<u32>() {
            Ok(y) if run == 4 && (1990..=2100).contains(&y) => {
                out.push_str(&(y + 1).to_string());
                changed = true;
            }
            _ => out.push_str(&digits),
        }
        i += run;
    }
    changed.then_some(out)
}

/// How many placeholders `item` holds (for the summary's total).
pub fn count_placeholders(item: &Item) -> usize {
    if let Some(t) = item.as_table_like() {
        return t.iter().map(|(_, v)| count_placeholders(v)).sum();
    }
    if let Some(aot) = item.as_array_of_tables() {
        return aot
            .iter()
            .flat_map(|t| t.iter())
            .map(|(_, v)| count_placeholders(v))
            .sum();
    }
    if let Some(array) = item.as_array() {
        return array
            .iter()
            .map(|v| count_placeholders(&Item::Value(v.clone())))
            .sum();
    }
    usize::from(edit::is_placeholder(item))
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    #[test]
    fn dates_move_on_a_year() {
        assert_eq!(next_date("2024-02-21").as_deref(), Some("2025-02-21"));
        assert_eq!(next_date("2024-02-29").as_deref(), Some("2025-02-28"));
        assert_eq!(next_date("2023-12-31").as_deref(), Some("2024-12-31"));
        assert_eq!(next_date("2024/02/21"), None);
    }

    #[test]
    fn periods_move_on_a_year() {
        assert_eq!(
            shift_years("2024年1月-2024年12月").as_deref(),
            Some("2025年1月-2025年12月")
        );
        assert_eq!(
            shift_years("2023.12-2024.6").as_deref(),
            Some("2024.12-2025.6")
        );
        assert_eq!(shift_years("全年"), None);
        assert_eq!(shift_years("12024年"), None);
    }

    #[test]
    fn clears_amounts_keeps_codes_and_texts() {
        let src = r#"procurement = "none"
[unit]
year = 2024
issued = "2024-02-29"
[[basic]]
code = "2010501"
amount = "80.00"  # 行政运行
[[projects]]
name = "普查"
code = "2010507"
economic = { "302" = "20.00" }
period = "2024年1月-2024年12月"
[[projects.lines]]
code = "2010550"
amount = "1.00"
[[performance.projects]]
project = "普查"
budget = "20.00"
[[performance.projects.indicators]]
value = ">=10项"
prior_value = "9项"
[[performance.projects.indicators]]
prior_value = "/"
"#;
        let mut doc: DocumentMut = src.parse().unwrap();
        let cleared = clear(doc.as_table_mut());
        let advanced = advance(doc.as_table_mut());
        let out = doc.to_string();
        assert!(out.contains("amount = \"待填写\"  # 行政运行"), "{out}");
        assert!(out.contains("economic = { \"302\" = \"待填写\" }"), "{out}");
        assert!(out.contains("code = \"2010507\""), "{out}");
        assert!(out.contains("procurement = \"none\""), "{out}");
        assert!(out.contains("prior_value = \"待填写\""), "{out}");
        assert!(out.contains("prior_value = \"/\""), "{out}");
        assert!(out.contains("period = \"2025年1月-2025年12月\""), "{out}");
        assert!(
            out.contains("year = 2025\nissued = \"2025-02-28\""),
            "{out}"
        );
        let total: usize = cleared.iter().map(|(_, n)| n).sum();
        assert_eq!(total, 5, "{cleared:?}");
        assert_eq!(count_placeholders(doc.as_item()), 5);
        assert_eq!(advanced.periods, 1);
        assert_eq!(advanced.year, Some(2025));
    }
}
