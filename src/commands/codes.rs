//! `gongkai codes QUERY…`: looks up 功能分类 (类/款/项) and 经济分类 (类/款) codes in the
//! embedded classification tables, by code prefix or by words of the name.
//!
//! A word of digits matches codes starting with it; any other word must occur in the
//! name (spaces, case and bracketed parts such as `（境）` aside), or in a parent's name
//! when another word occurs in the name itself. All words must match, each on its own, so
//! `住房 公积金` finds 住房公积金 as `住房公积金` does; white space (also the full-width
//! space) never matters.

use crate::budget::codes::{economic_table, functional_table};
use std::collections::BTreeMap;
use std::process::ExitCode;

/// One classification code found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The code.
    pub code: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Its parents' names, 类 first.
    pub path: Vec<&'static str>,
}

/// The codes found in one classification, sorted by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `功能分类` or `经济分类`.
    pub title: &'static str,
    /// What the levels are called.
    pub levels: &'static str,
    /// The codes.
    pub found: Vec<Found>,
}

/// A query word, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    /// Digits: a code prefix.
    Prefix(String),
    /// Anything else: part of a name.
    Text(String),
}

/// Lower case, without white space: how names and words are compared.
fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// [`normal`], also without bracketed parts: `因公出国（境）费用` → `因公出国费用`.
fn unbracketed(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in normal(s).chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of a query (each argument split at white space); `None` when there are none.
fn words(query: &[String]) -> Option<Vec<Word>> {
    let words: Vec<Word> = query
        .iter()
        .flat_map(|q| q.split_whitespace())
        .map(normal)
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                Word::Prefix(w)
            } else {
                Word::Text(w)
            }
        })
        .collect();
    (!words.is_empty()).then_some(words)
}

fn in_name(name: &str, word: &str) -> bool {
    normal(name).contains(word) || unbracketed(name).contains(word)
}

/// Whether a code, its name and its parents' names answer the query.
fn matches(code: &str, name: &str, path: &[&str], words: &[Word]) -> bool {
    let texts: Vec<&str> = words
        .iter()
        .filter_map(|w| match w {
            Word::Text(t) => Some(t.as_str()),
            Word::Prefix(_) => None,
        })
        .collect();
    let prefixes_ok = words.iter().all(|w| match w {
        Word::Prefix(p) => code.starts_with(p.as_str()),
        Word::Text(_) => true,
    });
    if !prefixes_ok {
        return false;
    }
    if texts.is_empty() {
        return true;
    }
    texts.iter().any(|t| in_name(name, t))
        && texts
            .iter()
            .all(|t| in_name(name, t) || path.iter().any(|p| in_name(p, t)))
}

/// Searches one table; a code's parents are the codes that are its prefixes.
fn search_table(table: &[(&'static str, &'static str)], words: &[Word]) -> Vec<Found> {
    let names: BTreeMap<&str, &str> = table.iter().copied().collect();
    let mut found: Vec<Found> = names
        .iter()
        .filter_map(|(code, name)| {
            let path: Vec<&'static str> = [3, 5]
                .iter()
                .filter(|n| **n < code.len())
                .filter_map(|n| code.get(..*n).and_then(|p| names.get(p)).copied())
                .collect();
            matches(code, name, &path, words).then_some(Found { code, name, path })
        })
        .collect();
    found.sort_by(|a, b| a.code.cmp(b.code));
    found
}

/// Searches both classifications; empty groups are left out.
pub fn search(query: &[String]) -> Option<Vec<Group>> {
    let words = words(query)?;
    let groups = [
        Group {
            title: "功能分类（支出功能分类科目）",
            levels: "类/款/项",
            found: search_table(&functional_table(), &words),
        },
        Group {
            title: "经济分类（部门预算支出经济分类科目）",
            levels: "类/款",
            found: search_table(&economic_table(), &words),
        },
    ];
    Some(groups.into_iter().filter(|g| !g.found.is_empty()).collect())
}

/// Display width: CJK and other non-ASCII characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn pad(s: &str, to: usize) -> String {
    format!("{s}{}", " ".repeat(to.saturating_sub(width(s))))
}

/// The groups as printed: a title line, then one aligned line per code (code, name, path);
/// at most `limit` lines per group (0: all), then how many more there are.
pub fn render(groups: &[Group], limit: usize) -> String {
    let mut out = String::new();
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out += &format!("{}，{}：{} 条\n", g.title, g.levels, g.found.len());
        let shown = if limit == 0 {
            &g.found[..]
        } else {
            &g.found[..g.found.len().min(limit)]
        };
        let code_w = shown.iter().map(|f| f.code.len()).max().unwrap_or(0);
        let name_w = shown
            .iter()
            .map(|f| width(f.name))
            .max()
            .unwrap_or(0)
            .min(40);
        for f in shown {
            let line = format!(
                "  {}  {}  {}",
                pad(f.code, code_w),
                pad(f.name, name_w),
                f.path.join(" / ")
            );
            out += line.trim_end();
            out.push('\n');
        }
        let more = g.found.len() - shown.len();
        if more > 0 {
            out += &format!("  ……另有 {more} 条（加词缩小范围，或用 --limit 0 显示全部）\n");
        }
    }
    out
}

/// The arguments of `gongkai codes`.
#[derive(Debug, clap::Args)]
pub struct CodesArgs {
    /// 编码前缀（数字）或名称中的词；多个词须同时匹配.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// 每类最多列出几条（0 为全部）.
    #[arg(long, default_value_t = 30)]
    pub limit: usize,
}

/// Runs the command: 0 found, 1 nothing found, 2 an empty query.
pub fn run(args: &CodesArgs) -> ExitCode {
    let (query, limit) = (args.query.as_slice(), args.limit);
    let Some(groups) = search(query) else {
        eprintln!(
            "错误：查询为空（empty query）\n提示：写编码前缀或名称中的词，例如 gongkai codes 住房公积金"
        );
        return ExitCode::from(2);
    };
    if groups.is_empty() {
        eprintln!(
            "未找到与“{}”匹配的分类科目（no matching code）\n提示：按编码前缀查（如 gongkai codes 2210），或用名称中的词查（如 gongkai codes 公积金）；多个词须同时出现在名称（或其上级名称）中，可减少词再试",
            query.join(" ")
        );
        return ExitCode::from(1);
    }
    print!("{}", render(&groups, limit));
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(words: &[&str]) -> Vec<Group> {
        let owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        search(&owned).unwrap()
    }

    fn codes(groups: &[Group]) -> Vec<&'static str> {
        groups
            .iter()
            .flat_map(|g| g.found.iter().map(|f| f.code))
            .collect()
    }

    #[test]
    fn housing_fund_in_both_classifications() {
        let g = q(&["住房公积金"]);
        let c = codes(&g);
        assert!(c.contains(&"2210201") && c.contains(&"30113"), "{c:?}");
        let f = &g[0].found.iter().find(|f| f.code == "2210201").unwrap();
        assert_eq!(f.path, vec!["住房保障支出", "住房改革支出"]);
        let e = &g[1].found.iter().find(|f| f.code == "30113").unwrap();
        assert_eq!(e.path, vec!["工资福利支出"]);
    }

    #[test]
    fn words_written_apart_or_together() {
        assert!(codes(&q(&["住房", "公积金"])).contains(&"2210201"));
        assert!(codes(&q(&["住房 公积金"])).contains(&"30113"));
        assert!(codes(&q(&["住房\u{3000}公积金"])).contains(&"30113"));
        assert!(
            codes(&q(&["因公出国费用"])).contains(&"30212"),
            "（境） aside"
        );
    }

    #[test]
    fn a_parent_word_narrows_a_common_name() {
        let c = codes(&q(&["统计", "行政运行"]));
        assert!(c.contains(&"2010501"), "{c:?}");
        assert!(c.iter().all(|c| c.starts_with("20105")), "{c:?}");
        let all = codes(&q(&["行政运行"]));
        assert!(all.len() > 20);
        assert!(
            !codes(&q(&["住房保障支出"])).contains(&"2210201"),
            "a parent's name alone lists the parent, not every child"
        );
    }

    #[test]
    fn digits_are_a_code_prefix_sorted() {
        let c = codes(&q(&["2080"]));
        assert!(c.iter().all(|c| c.starts_with("2080")), "{c:?}");
        let mut sorted = c.clone();
        sorted.sort();
        assert_eq!(c, sorted);
        assert!(c.contains(&"20805") && c.contains(&"2080505"));
        assert!(codes(&q(&["2080", "养老"])).contains(&"2080505"));
    }

    #[test]
    fn nothing_and_empty() {
        assert!(q(&["不存在的科目名"]).is_empty());
        assert!(q(&["99"]).is_empty());
        assert!(search(&[" ".to_string()]).is_none());
    }

    #[test]
    fn render_aligns_and_limits() {
        let out = render(&q(&["2080"]), 3);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("功能分类"), "{out}");
        assert_eq!(lines.len(), 5, "{out}");
        assert!(lines[4].contains("另有"), "{out}");
        let at = |l: &str| l.find("  ").unwrap();
        assert_eq!(at(lines[1]), at(lines[2]));
    }
}
