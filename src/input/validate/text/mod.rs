//! Checks on free texts, each problem located at the characters that carry it: characters
//! no output can carry (`chars`), placeholders, doubled and contradictory words (`words`),
//! punctuation (`punctuation`), reasons (`reason`), years (`years`), names (`names`).

mod chars;
mod locate;
mod names;
mod punctuation;
mod reason;
mod words;
mod years;

pub use chars::is_refused;
pub use years::{mentions, texts_mentioning, Mention};

use super::ctx::Ctx;
use crate::budget::codes::functional_table;
use crate::input::placeholder::is_placeholder;
use crate::input::raw::RawText;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The most characters one text may have: far above any real paragraph, and well within
/// what every output holds (an Excel cell holds 32,767).
pub const MAX_TEXT: usize = 10_000;

/// The most problems listed for one text; the rest are counted.
const MAX_FINDINGS: usize = 20;

/// What text checks need to know about the unit.
pub struct TextRules {
    /// Budget year (None while the year itself is invalid: no year checks then).
    pub year: Option<i32>,
    /// Names that are the unit (its name and aliases).
    pub names: Vec<String>,
    /// The region prefix of the name (`奇台县`) followed by the first two characters after it.
    pub name_stem: Option<String>,
    /// True for a unit's document (`scope = "单位"`), which should not call itself 部门预算.
    pub unit_document: bool,
    /// The classification's name of each 类 (3-digit code).
    classes: &'static BTreeMap<&'static str, &'static str>,
}

/// The embedded classification's name of each 类, read once for every budget checked.
fn embedded_classes() -> &'static BTreeMap<&'static str, &'static str> {
    static CLASSES: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        functional_table()
            .into_iter()
            .filter(|(code, _)| code.len() == 3)
            .collect()
    })
}

impl TextRules {
    /// Rules for a unit name, its aliases and the year.
    pub fn new(name: &str, aliases: &[String], year: Option<i32>) -> Self {
        let mut names = vec![name.to_string()];
        names.extend(aliases.iter().cloned());
        TextRules {
            year,
            names,
            name_stem: names::stem(name),
            unit_document: false,
            classes: embedded_classes(),
        }
    }

    /// The same rules for a unit's document (`true`) or a department's.
    pub fn unit_document(mut self, yes: bool) -> Self {
        self.unit_document = yes;
        self
    }
}

/// One problem found in a text: where in it (bytes of the value as written), what, and
/// what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// An error (it would print wrong) or a warning (a person may be right).
    pub error: bool,
    /// Bytes of the text that carry it.
    pub at: Range<usize>,
    /// The message, Chinese first.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl Finding {
    /// An error at `at`.
    pub fn error(at: Range<usize>, message: impl Into<String>, hint: &str) -> Self {
        Finding {
            error: true,
            at,
            message: message.into(),
            hint: hint.to_string(),
        }
    }

    /// A warning at `at`.
    pub fn warning(at: Range<usize>, message: impl Into<String>, hint: &str) -> Self {
        Finding {
            error: false,
            ..Finding::error(at, message, hint)
        }
    }
}

/// Every problem of a text (its value as written) under `key`, in the order of the checks.
/// A reason with nothing in it is that one problem, whatever its marks.
pub fn findings(text: &str, key: &str, rules: &TextRules) -> Vec<Finding> {
    let mut found = chars::refused(text);
    let reason = if reason::is_reason(key) {
        reason::check(text)
    } else {
        Vec::new()
    };
    if reason.iter().any(|f| f.message.starts_with(reason::EMPTY)) {
        found.extend(reason);
        return found;
    }
    found.extend(words::placeholders(text));
    found.extend(punctuation::unbalanced(text));
    found.extend(punctuation::repeated(text));
    found.extend(punctuation::half_width(text));
    found.extend(words::contradictory(text));
    found.extend(words::doubled(text));
    found.extend(names::class_names(text, |c| rules.classes.get(c).copied()));
    // A website's column may well be called 部门预算 whatever the document.
    found.extend(words::scope_word(
        text,
        rules.unit_document && !key.starts_with("publish."),
    ));
    found.extend(reason);
    if punctuation::is_paragraph(key) {
        found.extend(punctuation::unended(text));
    }
    if let Some(year) = rules.year {
        found.extend(years::stale(text, year));
    }
    found
}

impl<'a> Ctx<'a> {
    /// Reports the characters no output may carry (control characters, a CR among them;
    /// invisible format characters; separators; unusual spaces) in a text that is not
    /// otherwise checked as one (an alias, a site id).
    pub fn no_controls(&mut self, raw: &RawText, key: &str) {
        let found = chars::refused(raw.get_ref());
        self.report(raw, key, found);
    }

    /// Each finding of `raw`'s text as a diagnostic located at it; past [`MAX_FINDINGS`],
    /// one more saying how many are not listed.
    fn report(&mut self, raw: &RawText, key: &str, mut found: Vec<Finding>) {
        if found.len() > MAX_FINDINGS {
            let rest = found.split_off(MAX_FINDINGS);
            let more = format!(
                "这段文字还有 {} 处问题未列出（more problems in this text）",
                rest.len()
            );
            let hint = "改正上面列出的问题后再运行 check";
            let all = 0..raw.get_ref().len();
            found.push(if rest.iter().any(|f| f.error) {
                Finding::error(all, more, hint)
            } else {
                Finding::warning(all, more, hint)
            });
        }
        for f in found {
            let span = locate::within(self.src, raw.span(), raw.get_ref(), f.at);
            if f.error {
                self.error(Some(span), key, f.message, Some(&f.hint));
            } else {
                self.warn(Some(span), key, f.message, Some(&f.hint));
            }
        }
    }

    /// A text: copied (CRLF line breaks as LF), and checked for what would print wrong or
    /// not at all, placeholders, years, names; a reason (a key ending in `reason`) for
    /// being said in full.
    pub fn text(&mut self, raw: &RawText, key: &str, rules: &TextRules) -> String {
        let t = chars::normalise_breaks(raw.get_ref().trim());
        let length = t.chars().count();
        if length > MAX_TEXT {
            self.error(
                Some(raw.span()),
                key,
                format!("文本过长：{length} 字，一段文字最多 {MAX_TEXT} 字（text too long）"),
                Some("检查是否把几段内容粘贴进了同一个键；分成几条（如 functions、notes 的多项）填写"),
            );
            // Pasted in error: its other problems are looked for once it is split.
            return t;
        }
        let found = findings(raw.get_ref(), key, rules);
        let misspelt = names::misspelt_name(&t, rules);
        self.report(raw, key, found);
        if let Some(other) = misspelt {
            self.warn(
                Some(raw.span()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str, rules: &TextRules) -> Vec<crate::diagnostic::Diagnostic> {
        let start = src.find('"').unwrap_or_default();
        let end = src.rfind('"').unwrap_or_default() + 1;
        let value = src[start + 1..end - 1].to_string();
        let mut ctx = Ctx::new(src);
        ctx.text(
            &RawText::new(start..end, value),
            "overview.functions[0]",
            rules,
        );
        ctx.diags
    }

    #[test]
    fn a_problem_is_located_at_its_characters() {
        let src = "functions = [\"负责全县统计工作。。\"]";
        let diags = check(src, &TextRules::new("示例县统计局", &[], Some(2025)));
        assert_eq!(diags.len(), 1);
        let span = diags[0].span.clone().unwrap_or_default();
        assert_eq!(&src[span], "。。");
    }

    #[test]
    fn an_empty_reason_is_one_problem() {
        let rules = TextRules::new("示例县统计局", &[], Some(2025));
        let found = findings("。。；", "prior.operating.reason", &rules);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with(reason::EMPTY));
        assert_eq!(findings("。。；", "notes.other[0]", &rules).len(), 1);
    }

    #[test]
    fn a_unit_may_publish_in_a_column_called_departmental() {
        let rules = TextRules::new("示例县统计局", &[], Some(2025)).unit_document(true);
        assert!(findings("财政预决算部门预算", "publish.column", &rules).is_empty());
        assert_eq!(
            findings("本局部门预算。", "notes.other[0]", &rules).len(),
            1
        );
    }

    #[test]
    fn past_twenty_problems_one_text_says_how_many_more() {
        let text = "甲。。".repeat(25);
        let src = format!("functions = [\"{text}\"]");
        let diags = check(&src, &TextRules::new("示例县统计局", &[], Some(2025)));
        assert_eq!(diags.len(), MAX_FINDINGS + 1);
        assert!(diags[MAX_FINDINGS].message.contains("还有 5 处问题未列出"));
        assert!(diags[MAX_FINDINGS].is_error());
    }
}
