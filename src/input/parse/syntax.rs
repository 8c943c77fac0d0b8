//! TOML syntax errors for a clerk: what is wrong in Chinese first, located where it can be
//! mended, with what to type instead — a full-width character typed with a Chinese input
//! method where TOML wants ASCII, a list or inline table left open, a thousands separator
//! in a bare number, a quote inside a text, a key written in Chinese — and how much of the
//! text the error takes with it (blanked before the text is parsed again).

use super::mend::{Found, Mend};
use super::{layout, slips};
use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// The parser's error at `span` (with its English `message`) on the text as it is now,
/// explained: the most specific reading of the line wins, the parser's message in Chinese
/// is the last resort.
pub fn explain(src: &str, span: Option<Range<usize>>, message: &str) -> Found {
    let at = span.as_ref().map_or(0, |s| s.start.min(src.len()));
    if let Some(found) = slips::unclosed(src, at, message) {
        return found;
    }
    let line = layout::line_at(src, at);
    let specific = layout::duplicate(src, &line, message)
        .or_else(|| slips::thousands(src, &line))
        .or_else(|| slips::quote_in_text(src, &line));
    if specific.is_none() {
        if let Some(found) = slips::ime_slip(src, &line) {
            return found;
        }
    }
    let diag = specific
        .or_else(|| slips::key_name(src, &line))
        .unwrap_or_else(|| {
            let hint = if message.trim().starts_with("duplicate key") {
                "一节里的每个键只写一次，同名的 [节] 也只写一次（可重复的节写作 [[节]]）：删去或合并重复的一处"
            } else {
                "检查引号、方括号和等号是否成对、是否完整"
            };
            Diagnostic::error(
                span,
                "",
                format!("TOML 语法错误：{}", syntax_in_chinese(message)),
            )
            .with_hint(hint)
        });
    // Content after a complete value: only it is left out.
    let trailing = ["unexpected key or value", "unexpected content"]
        .iter()
        .any(|m| message.trim().starts_with(m));
    let blank = if trailing && at > line.start && !layout::header_like(&src[line.clone()]) {
        layout::rest_of_statement(src, &line, at)
    } else {
        layout::statement(src, &line)
    };
    Found {
        diag,
        mend: Mend::Blank(blank),
    }
}

/// The parser's usual syntax messages, what each means for a clerk, first.
const SYNTAX_MESSAGES: [(&str, &str); 22] = [
    ("unclosed table", "节名的方括号没有闭合"),
    ("unclosed array table", "节名的双方括号没有闭合"),
    ("unclosed array", "数组的方括号没有闭合"),
    ("unclosed inline table", "花括号没有闭合"),
    ("string values must be quoted", "文本要用英文双引号括起来"),
    (
        "invalid basic string",
        "双引号文本没有闭合，或其中有不能直接写的字符",
    ),
    ("invalid literal string", "单引号文本没有闭合"),
    ("invalid multiline", "三引号文本没有闭合"),
    ("invalid multi-line", "三引号文本没有闭合"),
    ("duplicate key", "同一个键写了两次"),
    ("key with no value", "键后面缺少 = 和值"),
    ("invalid boolean", "布尔值只能写 true 或 false"),
    ("invalid integer", "整数的写法不对"),
    ("invalid float", "数字的写法不对"),
    ("invalid key", "键名的写法不对"),
    ("unexpected content", "这里多了内容（一行只写一个 键 = 值）"),
    (
        "unexpected key or value",
        "这里多了内容（一行只写一个 键 = 值）",
    ),
    (
        "missing comma between array elements",
        "数组的各项之间缺少逗号",
    ),
    (
        "missing comma between key-value pairs",
        "花括号里的各项之间缺少逗号",
    ),
    ("invalid unquoted key", "键名的写法不对"),
    ("unquoted keys cannot be empty", "等号前面缺少键名"),
    ("invalid table header", "节名的写法不对"),
];

/// A syntax message in Chinese, the parser's English after it in brackets.
fn syntax_in_chinese(message: &str) -> String {
    let message = message.trim();
    let chinese = SYNTAX_MESSAGES
        .iter()
        .filter(|(english, _)| message.starts_with(english))
        .max_by_key(|(english, _)| english.len())
        .map(|(_, chinese)| *chinese);
    match chinese {
        Some(c) => format!("{c}（{message}）"),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn syntax_errors_say_what_is_wrong_in_chinese_first() {
        for (src, chinese) in [
            ("[unit\n", "节名的方括号没有闭合"),
            ("[[projects]\n", "节名的双方括号没有闭合"),
            ("a = [1,\n", "数组的方括号“[”没有闭合"),
            ("a = 1\na = 2\n", "同一个键写了两次"),
            ("a = tru\n", "布尔值只能写 true 或 false"),
        ] {
            let parsed = crate::input::parse::parse(src);
            let message = &parsed.diags[0].message;
            assert!(
                message.starts_with(&format!("TOML 语法错误：{chinese}（")),
                "{src}: {message}"
            );
        }
    }
}
