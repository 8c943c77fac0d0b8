//! Checks on free texts: placeholders left in, stale years, the unit's name misspelt.

use super::ctx::Ctx;
use crate::input::placeholder::is_placeholder;
use crate::input::raw::RawText;

/// Placeholders that must never reach a published document.
const PLACEHOLDERS: [&str; 7] = ["XX", "xx", "××", "待填写", "……", "（待定）", "TODO"];

/// The most characters one text may have: far above any real paragraph, and well within
/// what every output holds (an Excel cell holds 32,767).
pub const MAX_TEXT: usize = 10_000;

/// What text checks need to know about the unit.
pub struct TextRules {
    /// Budget year (None while the year itself is invalid: no year checks then).
    pub year: Option<i32>,
    /// Names that are the unit (its name and aliases).
    pub names: Vec<String>,
    /// The region prefix of the name (`奇台县`) followed by the first two characters after it.
    pub name_stem: Option<String>,
}

impl TextRules {
    /// Rules for a unit name, its aliases and the year.
    pub fn new(name: &str, aliases: &[String], year: Option<i32>) -> Self {
        let mut names = vec![name.to_string()];
        names.extend(aliases.iter().cloned());
        TextRules {
            year,
            names,
            name_stem: stem(name),
        }
    }
}

fn stem(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let pos = chars
        .iter()
        .position(|c| matches!(c, '县' | '市' | '州' | '区' | '旗'))?;
    (chars.len() > pos + 3).then(|| chars[..pos + 3].iter().collect())
}

const ORG_SUFFIXES: [&str; 6] = ["委员会", "局", "委", "办公室", "中心", "厅"];

impl<'a> Ctx<'a> {
    /// Reports control characters (NUL, BEL, ESC …) in a text: they are never printed nor
    /// copied into HTML or PDF metadata. Line breaks and tabs are whitespace and pass.
    pub fn no_controls(&mut self, raw: &RawText, key: &str) {
        let bad: Vec<String> = raw
            .get_ref()
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        if !bad.is_empty() {
            self.error(
                Some(raw.span()),
                key,
                format!(
                    "文本中有控制字符 {}（control character in text）",
                    bad.join("、")
                ),
                Some("这类字符通常来自从其他软件复制的文字，删去后重新输入这段文字"),
            );
        }
    }

    /// A text: copied, and checked for control characters, placeholders, stale years and a
    /// misspelt unit name.
    pub fn text(&mut self, raw: &RawText, key: &str, rules: &TextRules) -> String {
        self.no_controls(raw, key);
        let t = raw.get_ref().trim().to_string();
        let span = Some(raw.span());
        let length = t.chars().count();
        if length > MAX_TEXT {
            self.error(
                span.clone(),
                key,
                format!("文本过长：{length} 字，一段文字最多 {MAX_TEXT} 字（text too long）"),
                Some("检查是否把几段内容粘贴进了同一个键；分成几条（如 functions、notes 的多项）填写"),
            );
        }
        if let Some(p) = PLACEHOLDERS.iter().find(|p| t.contains(**p)) {
            self.error(
                span.clone(),
                key,
                format!("文本中留有占位符“{p}”（placeholder left in text）"),
                Some("把占位符换成实际内容后再生成"),
            );
        }
        let years = years_in(&t)
            .into_iter()
            .filter_map(|y| rules.year.map(|r| (y, r)));
        for (y, year) in years {
            if y != year && y != year - 1 {
                self.warn(
                    span.clone(),
                    key,
                    format!(
                        "文本中的年份 {y} 既不是本年（{year}）也不是上年（{}）（stale year?）",
                        year - 1
                    ),
                    Some("检查是否沿用了往年的文字"),
                );
            }
        }
        if let Some(other) = misspelt_name(&t, rules) {
            self.warn(
                span,
                key,
                format!(
                    "文本中的单位名称“{other}”与本单位名称“{}”不一致（unit name differs）",
                    rules.names[0]
                ),
                Some("如果这是本单位的另一种正式写法，请加入 [unit] aliases"),
            );
        }
        t
    }

    /// A required text; empty (and reported) when missing.
    pub fn req_text(
        &mut self,
        raw: &Option<RawText>,
        key: &str,
        near: Option<std::ops::Range<usize>>,
        rules: &TextRules,
    ) -> String {
        match self.required(raw, key, near) {
            Some(r) => self.text(r, key, rules),
            None => String::new(),
        }
    }

    /// An optional text.
    pub fn opt_text(
        &mut self,
        raw: Option<&RawText>,
        key: &str,
        rules: &TextRules,
    ) -> Option<String> {
        raw.map(|r| self.text(r, key, rules))
            .filter(|t| !t.is_empty())
    }

    /// A unit name printed in a table: must be the unit's name or an alias.
    pub fn unit_name(&mut self, raw: Option<&RawText>, key: &str, rules: &TextRules) -> String {
        let Some(raw) = raw else {
            return rules.names[0].clone();
        };
        self.no_controls(raw, key);
        let t = raw.get_ref().trim().to_string();
        // The unit's names unknown (not yet filled in, or unreadable): nothing to compare.
        let known = !rules.names[0].is_empty() && !rules.names.iter().any(|n| is_placeholder(n));
        if known && !rules.names.contains(&t) {
            self.error(
                Some(raw.span()),
                key,
                format!("单位名称“{t}”与本单位名称“{}”不一致（unit name differs）", rules.names[0]),
                Some("常见原因是沿用了旧表格中的旧单位名称；如确为本单位的另一种写法，请加入 [unit] aliases"),
            );
        }
        t
    }
}

/// Four-digit years followed by 年 or 度, other than citations: a year in a document
/// number (【2017】45号, 〔2023〕12号, [2024]49号) or inside a 《title》 names a document, not
/// the year the text talks about.
pub fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut in_title = vec![false; chars.len()];
    let mut depth = 0usize;
    for (i, c) in chars.iter().enumerate() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        in_title[i] = depth > 0;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let digits: String = chars[i..i + 4].iter().collect();
        let before = i.checked_sub(1).map(|b| chars[b]);
        let before_ok = !before.is_some_and(|c| c.is_ascii_digit());
        let after = chars.get(i + 4).copied();
        let cited = matches!(
            (before, after),
            (Some('【'), Some('】'))
                | (Some('〔'), Some('〕'))
                | (Some('['), Some(']'))
                | (Some('［'), Some('］'))
                | (Some('（'), Some('）'))
                | (Some('('), Some(')'))
        ) || in_title[i];
        let after_ok = matches!(after, Some('年') | Some('度'))
            || (after == Some(' ') && chars.get(i + 5) == Some(&'年'));
        if before_ok && digits.chars().all(|c| c.is_ascii_digit()) && (after_ok || cited) {
            if let (Ok(y), false) = (digits.parse::<i32>(), cited) {
                if (1990..=2100).contains(&y) {
                    out.push(y);
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

fn misspelt_name(text: &str, rules: &TextRules) -> Option<String> {
    // A name not yet filled in: which spellings are the unit's is not known.
    if rules.names.iter().any(|n| is_placeholder(n)) {
        return None;
    }
    let stem = rules.name_stem.as_ref()?;
    let mut rest = text;
    while let Some(pos) = rest.find(stem.as_str()) {
        let after = &rest[pos..];
        let candidate = ORG_SUFFIXES
            .iter()
            .filter_map(|s| after.find(s).map(|i| (i, s.len())))
            .min_by_key(|(i, len)| (*i, usize::MAX - len))
            .map(|(i, len)| &after[..i + len])
            .filter(|c| c.chars().count() <= 24);
        if let Some(c) = candidate {
            let known = rules
                .names
                .iter()
                .any(|n| n == c || n.starts_with(c) || c.starts_with(n.as_str()));
            if !known {
                return Some(c.to_string());
            }
        }
        rest = &rest[pos + stem.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_years() {
        assert_eq!(years_in("2024年预算，昌州财建【2023】146号"), vec![2024]);
        for cited in [
            "依据奇财预【2017】45号",
            "新财预〔2023〕12号文件",
            "昌州财建[2024]49号",
            "《2019年度工业发展规划》",
            "《关于2020年工作的通知》",
        ] {
            assert!(years_in(cited).is_empty(), "{cited}");
        }
        assert_eq!(years_in("《规划》要求2021年完成"), vec![2021]);
        assert_eq!(years_in("积极谋划 2023 年工业项目"), vec![2023]);
        assert!(years_in("编号12024年").is_empty());
        assert!(years_in("13209947970").is_empty());
    }

    #[test]
    fn finds_a_renamed_unit() {
        let rules = TextRules::new("玛纳斯县商务和工业信息化局", &[], Some(2024));
        assert_eq!(
            misspelt_name("玛纳斯县商务和经济信息化委员会负责", &rules).as_deref(),
            Some("玛纳斯县商务和经济信息化委员会")
        );
        assert_eq!(
            misspelt_name("玛纳斯县商务和工业信息化局负责", &rules),
            None
        );
        assert_eq!(misspelt_name("玛纳斯县人民政府", &rules), None);
    }
}
