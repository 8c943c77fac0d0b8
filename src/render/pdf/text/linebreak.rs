//! CJK line breaking with 禁则: where a line may break, and greedy filling.
//!
//! Any two CJK characters may be separated, except that a line never starts with closing
//! punctuation (，。、；：？！）」 …) and never ends with opening punctuation (（「《 …).
//! Runs of digits and Latin letters (with the punctuation inside numbers: `1,795.47`,
//! `30.42%`) are never split, and `——`/`……` stay together.

use std::ops::Range;

/// Characters that must not begin a line: ，。、；：？！）》」』】〕〉”’·．％‰℃°,.;:?!)]}%～.
fn no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '”'
            | '’'
            | '·'
            | '．'
            | '％'
            | '‰'
            | '℃'
            | '°'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
            | '～'
    )
}

/// Characters that must not end a line: （《「『【〔〈“‘([{.
fn no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '【' | '〔' | '〈' | '“' | '‘' | '(' | '[' | '{'
    )
}

/// Which side of a full-width punctuation mark's em may be taken away (punctuation
/// compression, 标点挤压): `Some(true)` its left (opening marks, whose ink stands in the
/// right half: （《「『【〔〈“‘), `Some(false)` its right (closing marks, ink in the left
/// half: ，。、；：）》」』】〕〉”’), `None` when the character is not such a mark.
pub fn squeeze_side(c: char) -> Option<bool> {
    match c {
        '（' | '《' | '「' | '『' | '【' | '〔' | '〈' | '“' | '‘' => Some(true),
        '，' | '。' | '、' | '；' | '：' | '）' | '》' | '」' | '』' | '】' | '〕' | '〉' | '”'
        | '’' => Some(false),
        _ => None,
    }
}

/// True for a character belonging to an unbreakable Latin/number run.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | ','
                | '%'
                | '-'
                | '+'
                | '/'
                | '_'
                | '&'
                | '@'
                | '#'
                | '\''
                | '='
                | '<'
                | '>'
                | '*'
        )
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\t'
}

/// May a line break between `a` and `b`?
pub fn can_break(a: char, b: char) -> bool {
    if is_space(b) || a == '\n' || b == '\n' {
        return false;
    }
    if is_space(a) {
        return true;
    }
    if no_start(b) || no_end(a) {
        return false;
    }
    if is_word(a) && is_word(b) {
        return false;
    }
    !(a == b && (a == '—' || a == '…'))
}

/// Break opportunities: `out[i]` is true when a line may start at `chars[i]` (`i ≥ 1`).
pub fn opportunities(chars: &[char]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    for i in 1..chars.len() {
        out[i] = can_break(chars[i - 1], chars[i]);
    }
    out
}

/// Splits `chars` (with their advances `widths`) into lines no wider than `first` (the
/// first line) and `rest` (the others). `\n` forces a break; spaces at a line's end or
/// start are left out of the returned ranges. A run wider than the line is cut where it
/// overflows.
pub fn break_lines(chars: &[char], widths: &[f32], first: f32, rest: f32) -> Vec<Range<usize>> {
    let ok = opportunities(chars);
    break_preferring(chars, widths, (first, rest), &ok, &ok)
}

/// How full a line must be for a break between words to be taken over a break inside one.
const FULL_ENOUGH: f32 = 0.6;

/// Like [`break_lines`], but a line ends at the last `preferred` break that fits (between
/// words) when that leaves it at least [`FULL_ENOUGH`] full, else at the last 禁则
/// opportunity in `ok`.
pub fn break_preferring(
    chars: &[char],
    widths: &[f32],
    (first, rest): (f32, f32),
    ok: &[bool],
    preferred: &[bool],
) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let n = chars.len();
    while start <= n {
        while start < n && is_space(chars[start]) && !lines.is_empty() {
            start += 1;
        }
        let limit = if lines.is_empty() { first } else { rest };
        let mut width = 0.0;
        let mut last_ok: Option<usize> = None;
        let mut last_preferred: Option<(usize, f32)> = None;
        let mut end = start;
        let mut next = n + 1;
        while end < n {
            let c = chars[end];
            if c == '\n' {
                next = end + 1;
                break;
            }
            if end > start && ok[end] {
                last_ok = Some(end);
                if preferred[end] {
                    last_preferred = Some((end, width));
                }
            }
            if width + widths[end] > limit + 0.01 && end > start && !is_space(c) {
                // A break between words that would leave the line less than
                // [`FULL_ENOUGH`] full gives way to the 禁则 break.
                let between_words = last_preferred
                    .filter(|(_, w)| *w >= FULL_ENOUGH * limit)
                    .map(|(at, _)| at);
                let cut = between_words.or(last_ok).unwrap_or(end);
                end = cut;
                next = cut;
                break;
            }
            width += widths[end];
            end += 1;
        }
        let mut trimmed = end;
        while trimmed > start && is_space(chars[trimmed - 1]) {
            trimmed -= 1;
        }
        lines.push(start..trimmed);
        if next > n {
            break;
        }
        start = next;
        if start == n && chars.last() != Some(&'\n') {
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, per_line: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let widths: Vec<f32> = chars
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        break_lines(&chars, &widths, per_line as f32, per_line as f32)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn fills_cjk_lines() {
        assert_eq!(
            lines("一二三四五六七八", 3),
            vec!["一二三", "四五六", "七八"]
        );
    }

    #[test]
    fn comma_never_starts_a_line() {
        let out = lines("一二三，四五", 3);
        assert_eq!(out, vec!["一二", "三，四", "五"]);
        assert!(out.iter().all(|l| !l.starts_with('，')));
    }

    #[test]
    fn closing_brackets_and_full_stops_stay_behind() {
        for text in [
            "甲乙丙）丁",
            "甲乙丙。丁",
            "甲乙丙」丁",
            "甲乙丙、丁",
            "甲乙丙；丁",
            "甲乙丙！丁",
        ] {
            let out = lines(text, 3);
            assert!(
                out.iter()
                    .all(|l| !no_start(l.chars().next().unwrap_or('甲'))),
                "{text}: {out:?}"
            );
        }
    }

    #[test]
    fn opening_bracket_never_ends_a_line() {
        let out = lines("一二（三）四", 3);
        assert_eq!(out, vec!["一二", "（三）", "四"]);
        assert!(out.iter().all(|l| !l.ends_with('（')));
        let out = lines("甲乙「丙丁", 3);
        assert!(out.iter().all(|l| !l.ends_with('「')), "{out:?}");
    }

    #[test]
    fn numbers_are_not_split() {
        let out = lines("预算1,795.47万元", 6);
        assert!(out.iter().any(|l| l.contains("1,795.47")), "{out:?}");
        let out = lines("占比30.42%，下降", 5);
        assert!(out.iter().any(|l| l.contains("30.42%")), "{out:?}");
        assert!(out.iter().all(|l| !l.starts_with('，')), "{out:?}");
    }

    #[test]
    fn latin_words_break_at_spaces_only() {
        let out = lines("使用 PDF format 文件", 5);
        assert!(out.iter().any(|l| l.contains("format")), "{out:?}");
        assert!(
            out.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')),
            "{out:?}"
        );
    }

    #[test]
    fn overlong_run_is_cut() {
        let out = lines("12345678901234567890", 4);
        assert_eq!(out.concat(), "12345678901234567890");
        assert!(out.len() >= 2);
    }

    #[test]
    fn newline_forces_break_and_dash_pairs_hold() {
        assert_eq!(lines("一二\n三", 10), vec!["一二", "三"]);
        let out = lines("一二——三", 3);
        assert!(out.iter().any(|l| l.contains("——")), "{out:?}");
    }

    #[test]
    fn every_character_is_kept_once() {
        let text = "奇台县商务和工业信息化局2024年一般公共预算拨款合计1,083.77万元，其中：基本支出467.77万元（占43.16%）。";
        let out = lines(text, 7);
        assert_eq!(out.concat(), text);
    }
}
