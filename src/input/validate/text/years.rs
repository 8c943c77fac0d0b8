//! Years in texts: which years a text speaks of (not a document it cites, not a plan
//! period), the year rule of `check`, and the texts of a file that mention a given year
//! (what `next-year` lists).

use super::locate::within;
use super::Finding;
use crate::diagnostic::Diagnostic;
use crate::input::parse::strings;
use std::ops::Range;

/// A year a text speaks of, and where (bytes of the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The year.
    pub year: i32,
    /// Its four digits in the text.
    pub at: Range<usize>,
}

/// Marks between the two years of a plan period (2021—2025年, 2021-2025年, 2021年至2025年).
const PERIOD: [char; 8] = ['—', '-', '–', '－', '～', '~', '至', '到'];

/// Four-digit years followed by 年 or 度, other than citations and plan periods: a year in
/// a document number (【2017】45号, 〔2023〕12号, [2024]49号) or inside a 《title》 names a
/// document, and 2021—2025年 a plan period, not the year the text talks about.
pub fn mentions(text: &str) -> Vec<Mention> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let c = |i: usize| chars.get(i).map(|(_, c)| *c);
    let mut depth = 0usize;
    let mut in_title = vec![false; chars.len()];
    for (i, (_, ch)) in chars.iter().enumerate() {
        match ch {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        in_title[i] = depth > 0;
    }
    let digits_at = |i: usize| {
        (0..4).all(|k| c(i + k).is_some_and(|d| d.is_ascii_digit()))
            && !i
                .checked_sub(1)
                .and_then(c)
                .is_some_and(|d| d.is_ascii_digit())
            && !c(i + 4).is_some_and(|d| d.is_ascii_digit())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        if !digits_at(i) {
            i += 1;
            continue;
        }
        if let Some(end) = period_end(&chars, i, digits_at) {
            i = end;
            continue;
        }
        let (before, after) = (i.checked_sub(1).and_then(c), c(i + 4));
        let cited = in_title[i]
            || matches!(
                (before, after),
                (Some('【'), Some('】'))
                    | (Some('〔'), Some('〕'))
                    | (Some('['), Some(']'))
                    | (Some('［'), Some('］'))
                    | (Some('（'), Some('）'))
                    | (Some('('), Some(')'))
            );
        let said =
            matches!(after, Some('年' | '度')) || (after == Some(' ') && c(i + 5) == Some('年'));
        let start = chars[i].0;
        let year: i32 = text[start..start + 4].parse().unwrap_or(0);
        if said && !cited && (1990..=2100).contains(&year) {
            out.push(Mention {
                year,
                at: start..start + 4,
            });
        }
        i += 4;
    }
    out
}

/// Where a plan period starting with the year at `i` ends (2021—2025年: after 2025).
fn period_end(
    chars: &[(usize, char)],
    i: usize,
    digits_at: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut j = i + 4;
    if chars.get(j).is_some_and(|(_, c)| *c == '年') {
        j += 1;
    }
    let marks = chars[j.min(chars.len())..]
        .iter()
        .take_while(|(_, c)| PERIOD.contains(c))
        .count();
    (marks > 0 && digits_at(j + marks)).then_some(j + marks + 4)
}

/// Words that make a clause a plan or a target: a year in it is the year planned for.
const PLANS: [&str; 9] = [
    "力争",
    "计划",
    "预计",
    "争取",
    "确保",
    "拟",
    "目标",
    "将进一步",
    "将继续",
];

/// The year rule: a year neither the budget year nor the year before (a warning per year),
/// and the year before named in a plan or target (「力争2024年…」 in the 2025 budget, the
/// text of last year's file left as it was).
pub fn stale(text: &str, year: i32) -> Vec<Finding> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for m in mentions(text) {
        if m.year == year || seen.contains(&m.year) {
            continue;
        }
        if m.year != year - 1 {
            seen.push(m.year);
            out.push(Finding::warning(
                m.at,
                format!(
                    "文本中的年份 {} 既不是本年（{year}）也不是上年（{}）（stale year?）",
                    m.year,
                    year - 1
                ),
                "检查是否沿用了往年的文字；引用的文件（《…》、〔2023〕12号）和规划期（2021—2025年）不在此列",
            ));
        } else if let Some(word) = plan_word(text, &m.at) {
            seen.push(m.year);
            out.push(Finding::warning(
                m.at,
                format!(
                    "“{word}”说的是上年 {} 年，而本文件是 {year} 年的预算（last year's plan?）",
                    m.year
                ),
                &format!("检查是否沿用了上年的文字，把年份改为 {year}"),
            ));
        }
    }
    out
}

/// The plan word of the clause (between 。；！？ or line breaks) holding `at`, if any.
fn plan_word(text: &str, at: &Range<usize>) -> Option<&'static str> {
    let ends = |c: char| matches!(c, '。' | '；' | '！' | '？' | '\n' | ';');
    let start = text[..at.start]
        .char_indices()
        .rev()
        .find(|(_, c)| ends(*c))
        .map_or(0, |(b, c)| b + c.len_utf8());
    let end = text[at.end..].find(ends).map_or(text.len(), |e| at.end + e);
    let clause = &text[start..end];
    PLANS.iter().copied().find(|w| clause.contains(w))
}

/// Every text of a budget source that mentions `year` (the first time in each text), as
/// warnings located at the year: what `next-year` lists in the new file, whose old budget
/// year `year` is. Empty when the source is not TOML.
pub fn texts_mentioning(src: &str, year: i32, next: i32) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (key, span, text) in strings(src) {
        let Some(m) = mentions(&text).into_iter().find(|m| m.year == year) else {
            continue;
        };
        out.push(
            Diagnostic::warning(
                Some(within(src, span, &text, m.at)),
                key,
                format!("文字提到 {year} 年（上一年度文件的年份）（mentions last year）"),
            )
            .with_hint(format!(
                "核对是否应改为 {next} 年（如“力争{year}年……”）；说的确是 {year} 年的事可以不改"
            )),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<i32> {
        mentions(text).into_iter().map(|m| m.year).collect()
    }

    #[test]
    fn finds_years_but_not_citations_nor_plan_periods() {
        assert_eq!(years("2024年预算，昌州财建【2023】146号"), vec![2024]);
        for cited in [
            "依据奇财预【2017】45号",
            "新财预〔2023〕12号文件",
            "新政发〔2023〕12号",
            "昌州财建[2024]49号",
            "《2019年度工业发展规划》",
            "《关于2020年工作的通知》",
            "“十四五”（2021—2025年）规划",
            "2021-2025年",
            "2016年至2020年",
            "2021～2025年间",
        ] {
            assert!(years(cited).is_empty(), "{cited}");
        }
        assert_eq!(years("《规划》要求2021年完成"), vec![2021]);
        assert_eq!(years("积极谋划 2023 年工业项目"), vec![2023]);
        assert!(years("编号12024年").is_empty());
        assert!(years("13209947970").is_empty());
        let text = "甲2019年";
        assert_eq!(&text[mentions(text)[0].at.clone()], "2019");
    }

    #[test]
    fn a_stale_year_is_warned_once_and_last_year_only_in_a_plan() {
        let found = stale("2019年和2019年度，2018年", 2025);
        assert_eq!(found.len(), 2);
        assert!(found[0].message.contains("2019 既不是本年（2025）"));
        assert!(stale("2024年已完成验收。2025年继续。", 2025).is_empty());
        let found = stale("已完成验收。力争2024年底前建成；", 2025);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("“力争”说的是上年 2024 年"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_texts_mentioning_a_year_are_located_at_it() {
        let src = "[overview]\nfunctions = [\"负责工作\", \"力争2024年完成，2024年底\"]\ngoal = \"2025年\"\n";
        let found = texts_mentioning(src, 2024, 2025);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "overview.functions[1]");
        let span = found[0].span.clone().unwrap_or_default();
        assert_eq!(&src[span], "2024");
    }
}
