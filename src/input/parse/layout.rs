//! The shape of a TOML text around a syntax error, read without the parser: lines, table
//! headers, the brackets still open at a point, and the tables a duplicate key collides
//! with. Used to locate an error where it can be mended and to know how much to blank.

use super::syntax::{ime_slip, Found};
use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// The byte range of the line holding `at`, without its newline.
pub fn line_at(src: &str, at: usize) -> Range<usize> {
    let at = at.min(src.len());
    let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    start..end
}

/// The 1-based line number of `at`.
fn line_number(src: &str, at: usize) -> usize {
    src[..at.min(src.len())].matches('\n').count() + 1
}

/// The table path of a header line (`[prior.income]`, `[[projects]]`) and whether it is an
/// array of tables; `None` for any other line.
fn header(line: &str) -> Option<(String, bool)> {
    let t = line.split('#').next().unwrap_or("").trim();
    let (inner, array) = match t.strip_prefix("[[") {
        Some(rest) => (rest.strip_suffix("]]")?, true),
        None => (t.strip_prefix('[')?.strip_suffix(']')?, false),
    };
    let path: String = inner
        .split('.')
        .map(|s| s.trim().trim_matches(['"', '\'']))
        .collect::<Vec<_>>()
        .join(".");
    Some((path, array))
}

/// The text a syntax error spoils: a table header takes its whole table with it (its keys
/// would otherwise land in the table before and be reported again); any other line, itself.
pub fn statement(src: &str, line: &Range<usize>) -> Range<usize> {
    if !src[line.clone()].trim_start().starts_with('[') {
        return line.start..(line.end + 1).min(src.len());
    }
    let mut end = (line.end + 1).min(src.len());
    while end < src.len() {
        let next = line_at(src, end);
        if src[next.clone()].trim_start().starts_with('[') {
            break;
        }
        end = (next.end + 1).min(src.len());
    }
    line.start..end
}

/// Whether a line starts a statement of its own: a table header or `key =`.
fn starts_statement(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('[') {
        return true;
    }
    t.split_once('=').is_some_and(|(key, _)| {
        let key = key.trim();
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.\"' ".contains(c))
    })
}

/// A list or inline table left open: the parser trips over the next statement (or the end
/// of the file); the error is reported at the bracket that was not closed, and the lines
/// from it to that statement are blanked.
pub fn unclosed(src: &str, at: usize, message: &str) -> Option<Found> {
    const OPEN_MESSAGES: [&str; 5] = [
        "unclosed array",
        "unclosed inline table",
        "missing comma between array elements",
        "missing comma between key-value pairs",
        "missing key for inline table element",
    ];
    if !OPEN_MESSAGES.iter().any(|m| message.trim().starts_with(m)) {
        return None;
    }
    let line = line_at(src, at);
    let at_end = src[at.min(src.len())..].trim().is_empty();
    if !at_end && !starts_statement(&src[line.clone()]) {
        return None;
    }
    let (bracket, open) = open_brackets(&src[..at.min(src.len())]).pop()?;
    let bracket_line = line_at(src, open);
    if bracket_line.start == line.start && !at_end {
        return None;
    }
    let blank = bracket_line.start..if at_end { src.len() } else { line.start };
    let diag = ime_slip(src, &bracket_line).unwrap_or_else(|| {
        let (what, close, example) = match bracket {
            '[' => ("数组的方括号“[”", ']', "offices = [\"办公室\", \"综合股\"]"),
            _ => ("花括号“{”", '}', "economic = { \"302\" = \"20.00\" }"),
        };
        Diagnostic::error(
            Some(open..open + 1),
            "",
            format!(
                "TOML 语法错误：{what}没有闭合（unclosed {}）",
                if bracket == '[' {
                    "array"
                } else {
                    "inline table"
                }
            ),
        )
        .with_hint(format!(
            "在这一项的最后补上 {close}，例如 {example}{}",
            if at_end {
                "；文件到这里就结束了".to_string()
            } else {
                format!("；第 {} 行已是下一项", line_number(src, at))
            }
        ))
    });
    Some(Found { diag, blank })
}

/// The brackets of values (`[` of a list, `{` of an inline table) still open at the end
/// of `text`, with their offsets, innermost last. Strings and comments are skipped; a `[`
/// first on a line outside any value is a table header.
fn open_brackets(text: &str) -> Vec<(char, usize)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line_start = true;
    while let Some((i, c)) = chars.next() {
        let first_on_line = line_start;
        line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
        match c {
            '#' => skip_while(&mut chars, |c| c != '\n'),
            '"' | '\'' => skip_string(text, i, c, &mut chars),
            '[' if stack.is_empty() && first_on_line => skip_while(&mut chars, |c| c != '\n'),
            '[' | '{' => stack.push((c, i)),
            ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn skip_while(chars: &mut Chars<'_>, keep: impl Fn(char) -> bool) {
    while chars.peek().is_some_and(|(_, c)| keep(*c)) {
        chars.next();
    }
}

/// Skips a string opened by `quote` at `i`: basic or literal, one line or three quotes.
fn skip_string(text: &str, i: usize, quote: char, chars: &mut Chars<'_>) {
    let triple: String = std::iter::repeat_n(quote, 3).collect();
    if text[i..].starts_with(&triple) {
        chars.next();
        chars.next();
        let end = text[i + 3..]
            .find(&triple)
            .map_or(text.len(), |j| i + 3 + j + 3);
        while chars.peek().is_some_and(|(j, _)| *j < end) {
            chars.next();
        }
        return;
    }
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\n' => return,
            c if c == quote => return,
            _ => {}
        }
    }
}

/// A duplicate key that is really one of two mistakes: a section declared `"none"` and
/// written as a table too, or a table written after a table inside it
/// (`[[performance.projects.indicators]]` before its `[[performance.projects]]`).
pub fn duplicate(src: &str, line: &Range<usize>, message: &str) -> Option<Diagnostic> {
    if !message.trim().starts_with("duplicate key") {
        return None;
    }
    let before = &src[..line.start];
    let text = &src[line.clone()];
    if let Some((path, array)) = header(text) {
        let last = path.rsplit('.').next().unwrap_or(&path).to_string();
        if let Some(none_at) = none_line(before, &last) {
            return Some(none_and_table(src, line, &last, &path, none_at, line.start));
        }
        if array {
            return sub_table_first(src, before, line, &path);
        }
        return None;
    }
    let (key, value) = text.split_once('=')?;
    let key = key.trim();
    if !is_none_word(value) {
        return None;
    }
    let table_at = line_starts(before).find(|&i| {
        header(&src[line_at(src, i)])
            .is_some_and(|(p, _)| p == key || p.ends_with(&format!(".{key}")))
    })?;
    let path = header(&src[line_at(src, table_at)])?.0;
    Some(none_and_table(src, line, key, &path, line.start, table_at))
}

/// Whether a value (with any comment after it) is the word `"none"`.
fn is_none_word(value: &str) -> bool {
    let v = value.split('#').next().unwrap_or("").trim();
    v == "\"none\"" || v == "'none'"
}

/// The offsets at which the lines of `text` start.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        text.match_indices('\n')
            .map(|(i, _)| i + 1)
            .filter(move |&i| i < text.len()),
    )
}

/// The start of the line `key = "none"` in `before`, if there is one.
fn none_line(before: &str, key: &str) -> Option<usize> {
    line_starts(before).find(|&i| {
        let l = &before[line_at(before, i)];
        l.split_once('=')
            .is_some_and(|(k, v)| k.trim() == key && is_none_word(v))
    })
}

fn none_and_table(
    src: &str,
    line: &Range<usize>,
    key: &str,
    path: &str,
    none_at: usize,
    table_at: usize,
) -> Diagnostic {
    Diagnostic::error(
        Some(line.start..line.end),
        path,
        format!(
            "已声明 {key} = \"none\"（第 {} 行），又填写了 [{path}] 表（第 {} 行）：二者只能选其一（\"none\" and a table）",
            line_number(src, none_at),
            line_number(src, table_at)
        ),
    )
    .with_hint(format!(
        "确实没有就删去 [{path}] 表；有内容就删去 {key} = \"none\" 这一行"
    ))
}

/// `[[path]]` after a header inside it (`[[path.child]]` or `[path.child]`): the child
/// came first and made `path` a plain table. Located at the child, which must move.
fn sub_table_first(src: &str, before: &str, line: &Range<usize>, path: &str) -> Option<Diagnostic> {
    let prefix = format!("{path}.");
    let child_at = line_starts(before).find(|&i| {
        header(&before[line_at(before, i)]).is_some_and(|(p, _)| p.starts_with(&prefix))
    })?;
    let child_line = line_at(src, child_at);
    let (child, child_array) = header(&src[child_line.clone()])?;
    let written = if child_array {
        format!("[[{child}]]")
    } else {
        format!("[{child}]")
    };
    Some(
        Diagnostic::error(
            Some(child_line.clone()),
            child.clone(),
            format!(
                "{written} 写在了它所属的 [[{path}]] 之前（第 {} 行）：顺序不对（table after its sub-table）",
                line_number(src, line.start)
            ),
        )
        .with_hint(format!(
            "先写 [[{path}]] 和它的键，紧接着在它下面写属于它的 {written}；每个 [[{path}]] 后面跟它自己的 {written}"
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_and_headers_are_not_open() {
        let text = "[unit]\nname = \"a[b\" # [c\nx = [1, { y = \"}\" ";
        let open: Vec<char> = open_brackets(text).iter().map(|(c, _)| *c).collect();
        assert_eq!(open, vec!['[', '{']);
    }
}
