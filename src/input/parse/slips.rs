//! Slips on one line that the parser reports in words a clerk cannot act on: a bare number
//! with thousands separators, an ASCII quote inside a text, a key written in Chinese or
//! full-width letters. Each is named, located and told what to type instead.

use super::layout;
use super::mend::{syntax_chars, Found, Mend};
use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// The offset (in the line) of the first `=` in a syntax position, if any.
fn equals(line: &str) -> Option<usize> {
    syntax_chars(line).find(|(_, c)| *c == '=').map(|(i, _)| i)
}

/// `amount = 1,080.00`: a bare number with thousands separators (ASCII or full-width
/// commas), which TOML cannot read.
pub fn thousands(src: &str, line: &Range<usize>) -> Option<Diagnostic> {
    let text = &src[line.clone()];
    let eq = equals(text)?;
    let value_part = &text[eq + 1..];
    let value = value_part.split('#').next().unwrap_or("").trim();
    let plain = grouped_number(value)?;
    let start = line.start + eq + 1 + value_part.find(value).unwrap_or(0);
    Some(
        Diagnostic::error(
            Some(start..start + value.len()),
            "",
            format!("TOML 语法错误：数字“{value}”带千位分隔符，不加引号无法读取（number with thousands separator）"),
        )
        .with_hint(format!(
            "金额写成 \"{plain}\" 或 {plain}（加了英文双引号时也可以保留千位分隔符）"
        )),
    )
}

/// The number without its separators, when `value` is a number grouped by threes with
/// commas: `1,080.00` → `1080.00`.
fn grouped_number(value: &str) -> Option<String> {
    let unsigned = value.strip_prefix('-').unwrap_or(value);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let groups: Vec<&str> = whole.split([',', '，']).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let grouped = groups.len() > 1
        && digits(groups[0])
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
        && fraction.is_none_or(digits);
    grouped.then(|| {
        let sign = if value.starts_with('-') { "-" } else { "" };
        let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
        format!("{sign}{}{fraction}", groups.concat())
    })
}

/// `allocation = "用于"普查员"劳务"`: an ASCII double quote inside a text ends it early;
/// located at the quote that closed it.
pub fn quote_in_text(src: &str, line: &Range<usize>) -> Option<Diagnostic> {
    let text = &src[line.clone()];
    let eq = equals(text)?;
    let close = early_close(&text[eq + 1..])? + eq + 1;
    let pos = line.start + close;
    Some(
        Diagnostic::error(
            Some(pos..pos + 1),
            "",
            "TOML 语法错误：文本里的英文双引号 \" 把文本提前结束了（ASCII quote inside a text）",
        )
        .with_hint(
            "文中的引号请用中文引号“”；要保留英文双引号，把整段文本改用单引号 '…' 或三引号 \"\"\"…\"\"\" 括起来",
        ),
    )
}

/// The offset of a `"` that closes a basic string followed by more text and another `"`
/// on the line: the quote was meant to be inside the text.
fn early_close(value: &str) -> Option<usize> {
    let mut chars = value.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => return None,
            '\'' => {
                chars.by_ref().find(|(_, c)| *c == '\'')?;
            }
            '"' if value[i..].starts_with("\"\"\"") => return None,
            '"' => {
                let mut escaped = false;
                let (close, _) = chars.by_ref().find(|(_, c)| {
                    let end = *c == '"' && !escaped;
                    escaped = *c == '\\' && !escaped;
                    end
                })?;
                let rest = value[close + 1..].trim_start();
                let goes_on = rest.chars().next().is_some_and(|c| !",]}#\"".contains(c));
                if goes_on && rest.contains('"') {
                    return Some(close);
                }
            }
            _ => {}
        }
    }
    None
}

/// `名称 = "…"`, `ｎａｍｅ = "…"`, `[单位]`: a key or table name not in ASCII.
pub fn key_name(src: &str, line: &Range<usize>) -> Option<Diagnostic> {
    let text = &src[line.clone()];
    let key_part = match equals(text) {
        Some(eq) => &text[..eq],
        None => text.split('#').next().unwrap_or(""),
    };
    let key = key_part
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    if key.is_empty() || key.is_ascii() || key.contains(['"', '\'']) {
        return None;
    }
    let start = line.start + key_part.find(key).unwrap_or(0);
    let hint = match ascii_of_full_width(key) {
        Some(ascii) => format!("键名用英文半角字母书写：写成 {ascii}"),
        None => "键名只能用英文字母、数字、_ 和 -，按 README“输入格式”一节的写法（例如 name、amount）；中文写在等号右边引号内的值里".to_string(),
    };
    Some(
        Diagnostic::error(
            Some(start..start + key.len()),
            "",
            format!("TOML 语法错误：键名“{key}”不是英文（key names are ASCII）"),
        )
        .with_hint(hint),
    )
}

/// A key typed in full-width letters, digits, `＿` and `－`, in ASCII; `None` when
/// anything else (Chinese) is in it.
fn ascii_of_full_width(key: &str) -> Option<String> {
    key.chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' | '＿' | '－' | '．' => {
                char::from_u32(c as u32 - 0xFEE0)
            }
            c if c.is_ascii() => Some(c),
            _ => None,
        })
        .collect()
}

/// Full-width punctuation a Chinese input method types where TOML wants ASCII, the ASCII
/// character meant, and what to type instead.
const IME_SLIPS: [(char, char, &str); 13] = [
    ('“', '"', "请使用英文半角引号 \""),
    ('”', '"', "请使用英文半角引号 \""),
    ('‘', '\'', "请使用英文半角引号 ' 或 \""),
    ('’', '\'', "请使用英文半角引号 ' 或 \""),
    ('＝', '=', "请使用英文半角等号 ="),
    ('，', ',', "请使用英文半角逗号 ,"),
    ('【', '[', "请使用英文半角方括号 ["),
    ('】', ']', "请使用英文半角方括号 ]"),
    ('［', '[', "请使用英文半角方括号 ["),
    ('］', ']', "请使用英文半角方括号 ]"),
    ('｛', '{', "请使用英文半角花括号 {"),
    ('｝', '}', "请使用英文半角花括号 }"),
    ('＃', '#', "注释请以英文半角井号 # 开头"),
];

/// The full-width characters in syntax positions of the line (typed with a Chinese input
/// method): the first is reported with the ASCII one to use, and all are mended.
pub fn ime_slip(src: &str, line: &Range<usize>) -> Option<Found> {
    let slips: Vec<(usize, char, char, &str)> = syntax_chars(&src[line.clone()])
        .filter_map(|(i, c)| {
            IME_SLIPS
                .iter()
                .find(|(s, _, _)| *s == c)
                .map(|(s, a, h)| (line.start + i, *s, *a, *h))
        })
        .collect();
    let &(pos, c, _, hint) = slips.first()?;
    let others: Vec<String> = slips[1..]
        .iter()
        .map(|(_, c, _, _)| format!("「{c}」"))
        .collect();
    let more = if others.is_empty() {
        String::new()
    } else {
        format!("；这一行的{}也要改成半角", others.join("、"))
    };
    let diag = Diagnostic::error(
        Some(pos..pos + c.len_utf8()),
        "",
        format!("TOML 语法错误：这里的“{c}”是中文全角符号（full-width character in TOML syntax）"),
    )
    .with_hint(format!(
        "{hint}{more}；中文输入法下输入的标点，TOML 无法识别"
    ));
    // A line opened with ＃ was meant as a comment: what it held is left out.
    let opens_line = src[line.start..pos].trim().is_empty();
    let mend = if c == '＃' && opens_line {
        Mend::Blank(layout::statement(src, line))
    } else {
        Mend::Ascii(
            slips
                .iter()
                .map(|(p, c, a, _)| (*p..p + c.len_utf8(), *a))
                .collect(),
        )
    };
    Some(Found { diag, mend })
}

/// A list or inline table left open: reported at the bracket that was not closed (or at a
/// full-width character on its line, the likelier slip), and the lines from it to the next
/// statement are blanked.
pub fn unclosed(src: &str, at: usize, message: &str) -> Option<Found> {
    let (bracket, open, at_end) = layout::unclosed_at(src, at, message)?;
    let line = layout::line_at(src, at);
    let bracket_line = layout::line_at(src, open);
    if let Some(found) = ime_slip(src, &bracket_line) {
        return Some(found);
    }
    let blank = bracket_line.start..if at_end { src.len() } else { line.start };
    let (what, close, example) = match bracket {
        '[' => ("数组的方括号“[”", ']', "offices = [\"办公室\", \"综合股\"]"),
        _ => ("花括号“{”", '}', "economic = { \"302\" = \"20.00\" }"),
    };
    let english = if bracket == '[' {
        "array"
    } else {
        "inline table"
    };
    let diag = Diagnostic::error(
        Some(open..open + 1),
        "",
        format!("TOML 语法错误：{what}没有闭合（unclosed {english}）"),
    )
    .with_hint(format!(
        "在这一项的最后补上 {close}，例如 {example}{}",
        if at_end {
            "；文件到这里就结束了".to_string()
        } else {
            format!("；第 {} 行已是下一项", layout::line_number(src, at))
        }
    ));
    Some(Found {
        diag,
        mend: Mend::Blank(blank),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_numbers_lose_their_separators() {
        assert_eq!(grouped_number("1,080.00").as_deref(), Some("1080.00"));
        assert_eq!(grouped_number("12，345").as_deref(), Some("12345"));
        assert_eq!(grouped_number("1,08.00"), None);
        assert_eq!(grouped_number("1080.00"), None);
    }

    #[test]
    fn a_quote_that_ends_a_text_early_is_found() {
        assert_eq!(
            early_close(r#" "用于"普查员"劳务""#),
            Some(2 + "用于".len())
        );
        assert_eq!(early_close(r#" ["a", "b"] # "x" y"#), None);
        assert_eq!(early_close(r#" "a \" b" "#), None);
    }

    #[test]
    fn full_width_keys_have_an_ascii_spelling() {
        assert_eq!(ascii_of_full_width("ｎａｍｅ").as_deref(), Some("name"));
        assert_eq!(ascii_of_full_width("名称"), None);
    }
}
