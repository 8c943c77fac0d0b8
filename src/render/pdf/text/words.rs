//! Word-aware breaks for titles, headings and 目录 lines (GB/T 9704: 回行时词意完整、排列
//! 对称): where a break would split a word, and how to share a title evenly between lines.
//!
//! A word is the unit's own name, a quoted term (“三公”, 《…》), a figure with its unit
//! (1,795.47万元, 30.42%, 2024年), an ordinal (第一部分) or a word of the budget vocabulary
//! below, found by longest match. Characters outside every word may be broken around as
//! the 禁则 of [`super::linebreak`] allow.

use super::linebreak::opportunities;
use crate::render::figures::UNITS;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Words of budget disclosures that a title or heading never splits (`vocabulary.txt`).
const VOCABULARY: &str = include_str!("vocabulary.txt");

/// The vocabulary's words (without its comment lines) by their first character, read
/// once per process.
fn vocabulary() -> &'static BTreeMap<char, Vec<&'static str>> {
    static WORDS: OnceLock<BTreeMap<char, Vec<&'static str>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut by_first: BTreeMap<char, Vec<&'static str>> = BTreeMap::new();
        let words = VOCABULARY
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for word in words {
            if let Some(first) = word.chars().next() {
                by_first.entry(first).or_default().push(word);
            }
        }
        by_first
    })
}

/// Closing quotes for the opening quotes a quoted term starts with.
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('「', '」'),
    ('《', '》'),
    ('‘', '’'),
    ('『', '』'),
];

/// What stays whole: figures with their units, quoted terms and ordinals always; with the
/// vocabulary, its words and the given phrases (the unit's name, say) too.
#[derive(Debug, Clone, Default)]
pub struct Words {
    phrases: Vec<Vec<char>>,
    vocabulary: bool,
}

impl Words {
    /// The vocabulary's words, which also keep each of `phrases` whole: for titles,
    /// headings, 目录 lines and table cells.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Words {
        let mut phrases: Vec<Vec<char>> = phrases
            .into_iter()
            .map(|p| p.chars().collect::<Vec<char>>())
            .filter(|p| p.len() > 1)
            .collect();
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Words {
            phrases,
            vocabulary: true,
        }
    }

    /// Only figures with their units, quoted terms and ordinals: for running text, which
    /// may break between any two characters the 禁则 allow and is justified.
    pub fn figures() -> Words {
        Words::default()
    }

    /// `out[i]` is true when a line may start at `chars[i]` without splitting a word
    /// (and the 禁则 allow it).
    pub fn breaks(&self, chars: &[char]) -> Vec<bool> {
        let mut ok = opportunities(chars);
        let text: String = chars.iter().collect();
        let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for i in 0..chars.len() {
            let len = self.word_at(&chars[i..], &text[offsets[i]..]);
            let end = (i + len).min(chars.len());
            ok.iter_mut().take(end).skip(i + 1).for_each(|k| *k = false);
        }
        ok
    }

    /// `out[i]` is true when a line may start at `chars[i]` at all: the 禁则 allow it and it
    /// is not inside a figure with its unit (`1377.81平方米`, `171.13万元`), which no line
    /// splits however narrow.
    pub fn hard_breaks(chars: &[char]) -> Vec<bool> {
        let mut ok = opportunities(chars);
        let text: String = chars.iter().collect();
        let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for i in 0..chars.len() {
            if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
                let len = figure_len(&chars[i..], &text[offsets[i]..]);
                let end = (i + len).min(chars.len());
                ok.iter_mut().take(end).skip(i + 1).for_each(|k| *k = false);
            }
        }
        ok
    }

    /// `out[i]` is true when a line may start at `chars[i]` between two parts of what
    /// `words` (breaks between words, as [`Words::breaks`] gives them) keeps whole: at the
    /// edge of a vocabulary word shorter than that stretch and inside none of them
    /// (一般|公共|预算 in 一般公共预算, 家庭|的, （基本|建设）), where the 禁则 and figures
    /// allow ([`Words::hard_breaks`]); and wherever `words` allows.
    pub fn part_breaks(chars: &[char], words: &[bool]) -> Vec<bool> {
        let hard = Self::hard_breaks(chars);
        let mut out = words.to_vec();
        let mut start = 0;
        for end in 1..=chars.len() {
            if end < chars.len() && !words[end] {
                continue;
            }
            let parts = parts(&chars[start..end]);
            for k in start + 1..end {
                out[k] = hard[k] && parts[k - start];
            }
            start = end;
        }
        out
    }

    /// Length in characters of the word that `rest` (also as `text`) starts with; 1 when
    /// none does.
    fn word_at(&self, rest: &[char], text: &str) -> usize {
        if let Some(p) = self.phrases.iter().find(|p| rest.starts_with(p)) {
            return p.len();
        }
        if self.vocabulary && rest.len() > 1 && rest[1] == '的' {
            return 2;
        }
        if let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == rest[0]) {
            if let Some(end) = rest.iter().take(16).position(|&c| c == close) {
                return end + 1;
            }
        }
        if rest[0].is_ascii_digit() {
            return figure_len(rest, text);
        }
        if rest[0] == '第' {
            let n = rest[1..].iter().take_while(|c| is_numeral(**c)).count();
            if n > 0 {
                let after: String = rest[1 + n..].iter().take(2).collect();
                let tail = ["部分", "章", "条", "款", "项"]
                    .iter()
                    .find(|t| after.starts_with(**t))
                    .map_or(0, |t| t.chars().count());
                return 1 + n + tail;
            }
        }
        if !self.vocabulary {
            return 1;
        }
        vocabulary()
            .get(&rest[0])
            .and_then(|words| longest(words.iter().copied(), text))
            .unwrap_or(1)
    }
}

/// For a stretch kept whole, `out[k]` is true where a vocabulary word shorter than the
/// stretch starts or ends and none goes on across; and so on inside each part that is
/// itself a compound (国有资本经营|预算, then 国有|资本|经营).
fn parts(span: &[char]) -> Vec<bool> {
    let n = span.len();
    let mut edge = vec![false; n + 1];
    if n < 3 {
        return edge;
    }
    let mut inside = vec![false; n + 1];
    let text: String = span.iter().collect();
    let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for i in 0..n {
        let shorter = vocabulary().get(&span[i]).and_then(|words| {
            longest(
                words.iter().copied().filter(|w| w.chars().count() < n),
                &text[offsets[i]..],
            )
        });
        if let Some(len) = shorter {
            edge[i] = true;
            edge[i + len] = true;
            inside[i + 1..i + len].fill(true);
        }
    }
    let mut out: Vec<bool> = edge.iter().zip(&inside).map(|(e, i)| *e && !*i).collect();
    out[0] = true;
    out[n] = true;
    let cuts: Vec<usize> = (0..=n).filter(|&k| out[k]).collect();
    for w in cuts.windows(2) {
        if w[1] - w[0] < n {
            let inner = parts(&span[w[0]..w[1]]);
            for (k, b) in inner.iter().enumerate() {
                out[w[0] + k] |= *b;
            }
        }
    }
    out
}

/// The length in characters of the longest of `words` that `text` starts with.
fn longest<'w>(words: impl IntoIterator<Item = &'w str>, text: &str) -> Option<usize> {
    words
        .into_iter()
        .filter(|w| text.starts_with(*w))
        .map(|w| w.chars().count())
        .max()
}

fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十百〇零".contains(c)
}

/// A figure (`1,795.47`, `30.42`) and the unit after it; `text` is `rest` as a string.
fn figure_len(rest: &[char], text: &str) -> usize {
    let n = rest
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '.' || **c == ',')
        .count();
    n + longest(UNITS.iter().copied(), &text[n..]).unwrap_or(0)
}

/// Breaks `widths` (one per character) into balanced lines no wider than `first` (the
/// first line) and `rest`, only where `ok` allows: as many lines as greedy filling needs,
/// with the longest as short as possible (found by bisecting the measure, so a title of
/// any length costs a few dozen greedy passes; at a given measure the greedy layout fills
/// the first lines most). `None` when a word is wider than its line, so the caller falls
/// back to the 禁则 alone.
pub fn balanced_lines(
    widths: &[f32],
    ok: &[bool],
    (first, rest): (f32, f32),
) -> Option<Vec<Range<usize>>> {
    let lines = greedy(widths, ok, first, rest)?;
    if lines.len() < 2 {
        return Some(lines);
    }
    let n = lines.len();
    let total: f32 = widths.iter().sum();
    let (mut short, mut long) = (total / n as f32, first.max(rest));
    for _ in 0..24 {
        let mid = (short + long) / 2.0;
        match greedy(widths, ok, first.min(mid), rest.min(mid)) {
            Some(l) if l.len() <= n => long = mid,
            _ => short = mid,
        }
    }
    greedy(widths, ok, first.min(long), rest.min(long)).or(Some(lines))
}

fn greedy(widths: &[f32], ok: &[bool], first: f32, rest: f32) -> Option<Vec<Range<usize>>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < widths.len() {
        let width = if lines.is_empty() { first } else { rest };
        let mut used = 0.0;
        let mut end = start;
        let mut last_ok = None;
        while end < widths.len() && used + widths[end] <= width + 0.01 {
            used += widths[end];
            end += 1;
            if end < widths.len() && ok[end] {
                last_ok = Some(end);
            }
        }
        if end < widths.len() {
            end = last_ok.filter(|&e| e > start)?;
        }
        lines.push(start..end);
        start = end;
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &Words, text: &str, per_line: f32, balance: bool) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let widths: Vec<f32> = chars
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        let ok = words.breaks(&chars);
        let lines = if balance {
            balanced_lines(&widths, &ok, (per_line, per_line))
        } else {
            greedy(&widths, &ok, per_line, per_line)
        };
        lines
            .expect("breakable")
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn the_unit_name_stays_whole_and_titles_balance() {
        let words = Words::new(["奇台县商务和工业信息化局"]);
        let lines = set(
            &words,
            "奇台县商务和工业信息化局2024年单位预算公开",
            17.0,
            true,
        );
        assert_eq!(
            lines,
            vec!["奇台县商务和工业信息化局", "2024年单位预算公开"]
        );
    }

    #[test]
    fn quoted_terms_and_figures_with_units_stay_whole() {
        let words = Words::new([]);
        let lines = set(&words, "一般公共预算“三公”经费支出预算表", 8.0, false);
        assert!(lines.iter().any(|l| l.contains("“三公”")), "{lines:?}");
        let lines = set(&words, "支出合计1,795.47万元增长30.42%", 8.0, false);
        assert!(
            lines.iter().any(|l| l.contains("1,795.47万元")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("30.42%")), "{lines:?}");
    }

    /// Greedy lines preferring breaks between `words`, as table cells and paragraphs are set.
    fn fill(words: &Words, text: &str, per_line: f32) -> Vec<String> {
        use crate::render::pdf::text::linebreak::break_preferring;
        let chars: Vec<char> = text.chars().collect();
        let widths: Vec<f32> = chars
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        let ok = Words::hard_breaks(&chars);
        let preferred = words.breaks(&chars);
        break_preferring(&chars, &widths, (per_line, per_line), &ok, &preferred)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn cells_and_paragraphs_keep_figures_with_their_units() {
        let lines = fill(&Words::new([]), "供暖面积=1377.81平方米", 8.0);
        assert!(
            lines.iter().any(|l| l.ends_with("1377.81平方米")),
            "{lines:?}"
        );
        let lines = fill(&Words::new([]), "奇财预【2024】55号2024年招商引资经费", 9.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with("2024") || l.ends_with("【2024")),
            "{lines:?}"
        );
        let lines = fill(
            &Words::figures(),
            "比上年预算增加171.13万元，增长31.66%。",
            12.0,
        );
        assert!(lines.iter().any(|l| l.contains("171.13万元")), "{lines:?}");
        // A break between words that leaves a line nearly empty gives way to a 禁则 break.
        let lines = fill(&Words::new([]), "财政拨款（补助）", 3.0);
        assert_eq!(lines[0], "财政拨", "{lines:?}");
    }

    #[test]
    fn no_line_starts_with_de_in_titles() {
        let words = Words::new([]);
        let chars: Vec<char> = "收支预算情况的总体说明".chars().collect();
        let ok = words.breaks(&chars);
        assert!(!ok[6], "a break before 的");
    }

    #[test]
    fn overlapping_words_hold_together() {
        let words = Words::new([]);
        let chars: Vec<char> = "上年结转结余预算".chars().collect();
        let ok = words.breaks(&chars);
        assert_eq!(ok.iter().filter(|b| **b).count(), 1, "{ok:?}");
        assert!(ok[6]);
    }

    #[test]
    fn balanced_lines_are_even() {
        let words = Words::new([]);
        let lines = set(&words, "部门收支总体情况表部门收入总体情况表", 12.0, true);
        assert_eq!(lines.len(), 2);
        let diff = lines[0].chars().count().abs_diff(lines[1].chars().count());
        assert!(diff <= 2, "{lines:?}");
    }

    #[test]
    fn a_word_wider_than_the_line_gives_up() {
        let words = Words::new(["很长很长的单位名称"]);
        let chars: Vec<char> = "很长很长的单位名称".chars().collect();
        let ok = words.breaks(&chars);
        assert!(greedy(&vec![1.0; chars.len()], &ok, 4.0, 4.0).is_none());
    }
}
