//! TOML syntax errors for a clerk: what is wrong in Chinese first, and a full-width
//! character typed with a Chinese input method where TOML wants ASCII named as such.

use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// Full-width punctuation a Chinese input method types where TOML wants ASCII, and what
/// to type instead.
const IME_SLIPS: [(char, &str); 12] = [
    ('“', "请使用英文半角引号 \""),
    ('”', "请使用英文半角引号 \""),
    ('‘', "请使用英文半角引号 ' 或 \""),
    ('’', "请使用英文半角引号 ' 或 \""),
    ('＝', "请使用英文半角等号 ="),
    ('，', "请使用英文半角逗号 ,"),
    ('【', "请使用英文半角方括号 ["),
    ('】', "请使用英文半角方括号 ]"),
    ('［', "请使用英文半角方括号 ["),
    ('］', "请使用英文半角方括号 ]"),
    ('｛', "请使用英文半角花括号 {"),
    ('｝', "请使用英文半角花括号 }"),
];

/// A TOML syntax error; a full-width character in a syntax position on the error's line
/// (typed with a Chinese input method) is named with the ASCII one to use.
pub fn syntax_error(src: &str, span: Option<Range<usize>>, message: &str) -> Diagnostic {
    let at = span.as_ref().map_or(0, |s| s.start.min(src.len()));
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    let slip = syntax_chars(&src[line_start..line_end]).find_map(|(i, c)| {
        IME_SLIPS
            .iter()
            .find(|(s, _)| *s == c)
            .map(|(s, h)| (i, *s, *h))
    });
    match slip {
        Some((i, c, hint)) => {
            let pos = line_start + i;
            Diagnostic::error(
                Some(pos..pos + c.len_utf8()),
                "",
                format!("TOML 语法错误：这里的“{c}”是中文全角符号（full-width character in TOML syntax）"),
            )
            .with_hint(format!("{hint}；中文输入法下输入的标点，TOML 无法识别"))
        }
        None => Diagnostic::error(
            span,
            "",
            format!("TOML 语法错误：{}", syntax_in_chinese(message)),
        )
        .with_hint("检查引号、方括号和等号是否成对、是否完整"),
    }
}

/// The parser's usual syntax messages, what each means for a clerk, first.
const SYNTAX_MESSAGES: [(&str, &str); 16] = [
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
    ("duplicate key", "同一个键写了两次"),
    ("key with no value", "键后面缺少 = 和值"),
    ("invalid boolean", "布尔值只能写 true 或 false"),
    ("invalid integer", "整数的写法不对"),
    ("invalid float", "数字的写法不对"),
    ("invalid key", "键名的写法不对"),
    ("unexpected content", "这里多了内容（一行只写一个 键 = 值）"),
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

/// The characters of a line outside ASCII-quoted strings and comments (where syntax
/// lives), with their byte offsets.
fn syntax_chars(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut quote: Option<char> = None;
    let mut comment = false;
    line.char_indices().filter(move |(_, c)| {
        if comment {
            return false;
        }
        match quote {
            Some(q) => {
                if *c == q {
                    quote = None;
                }
                false
            }
            None if *c == '"' || *c == '\'' => {
                quote = Some(*c);
                false
            }
            None if *c == '#' => {
                comment = true;
                false
            }
            None => true,
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn syntax_errors_say_what_is_wrong_in_chinese_first() {
        for (src, chinese) in [
            ("[unit\n", "节名的方括号没有闭合"),
            ("[[projects]\n", "节名的双方括号没有闭合"),
            ("a = [1,\n", "数组的方括号没有闭合"),
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
