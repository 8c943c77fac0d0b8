//! The shape of a TOML text around a syntax error, read without the parser: lines, table
//! headers, the brackets still open at a point, and the tables a duplicate key collides
//! with. Used to locate an error where it can be mended and to know how much to blank.

use super::mend::syntax_chars;
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
pub fn line_number(src: &str, at: usize) -> usize {
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
/// would otherwise land in the table before and be reported again); a `key = value`, the
/// lines of its value; a line inside a list, itself.
pub fn statement(src: &str, line: &Range<usize>) -> Range<usize> {
    let text = &src[line.clone()];
    if !header_like(text) {
        if !starts_statement(text) {
            return line.start..(line.end + 1).min(src.len());
        }
        return line.start..value_end(src, line.start);
    }
    // The tables inside it go too: they would otherwise make it a table of its own.
    let path: String = header_start(text)
        .trim_start_matches(['[', '【', '［'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "_-. \"'".contains(*c))
        .filter(|c| !" \"'".contains(*c))
        .collect();
    let inside = format!("{path}.");
    let mut end = (line.end + 1).min(src.len());
    while end < src.len() {
        let next = line_at(src, end);
        let next_text = &src[next.clone()];
        let sub_table =
            header(next_text).is_some_and(|(p, _)| !path.is_empty() && p.starts_with(&inside));
        if next_text.trim_start().starts_with('[') && !sub_table {
            break;
        }
        end = (next.end + 1).min(src.len());
    }
    line.start..end
}

/// From `at` to the end of the statement on `line`: the rest of a line inside a list; for
/// a `key = value` line, also what a bracket opened after `at` takes with it.
pub fn rest_of_statement(src: &str, line: &Range<usize>, at: usize) -> Range<usize> {
    if starts_statement(&src[line.clone()]) {
        at..value_end(src, at)
    } else {
        at..line.end
    }
}

/// The end of the statement starting at `start`: its line, with the lines of a list,
/// inline table or multi-line string opened on it (up to where they close or the next
/// statement begins) and any stray lines after it that start no statement.
fn value_end(src: &str, start: usize) -> usize {
    let mut depth = 0usize;
    let mut chars = src[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i;
        match c {
            '#' => skip_while(&mut chars, |c| c != '\n'),
            '"' | '\'' => skip_string(&src[start..], i, c, &mut chars),
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            '\n' if depth == 0 => return next_statement(src, at + 1),
            '\n' if starts_statement(&src[line_at(src, at + 1)]) => return at + 1,
            _ => {}
        }
    }
    src.len()
}

/// A line without its indent and any stray full-width character before its bracket.
fn header_start(line: &str) -> &str {
    line.trim_start()
        .trim_start_matches(|c: char| !c.is_ascii() && !"【［".contains(c))
        .trim_start()
}

/// Whether a line was meant as a table header: it starts with a bracket (ASCII or
/// full-width), perhaps after a stray full-width character, or ends with one and has no
/// `=`.
pub fn header_like(line: &str) -> bool {
    let t = header_start(line);
    let code = t.split('#').next().unwrap_or("").trim_end();
    let name = code.trim_end_matches([']', '】', '］']).trim();
    t.starts_with(['[', '【', '［'])
        || (!code.contains(['=', '＝'])
            && name.len() < code.len()
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || !c.is_ascii()))
}

/// Whether a line starts a statement of its own: a table header, or a key (perhaps
/// quoted, perhaps mistyped) and an equals sign, ASCII or full-width.
fn starts_statement(line: &str) -> bool {
    let t = line.trim_start();
    if header_like(t) {
        return true;
    }
    if t.starts_with(['{', ']', '}', '#']) {
        return false;
    }
    let key_end = syntax_chars(t)
        .find(|(_, c)| *c == '=' || *c == '＝')
        .map(|(i, _)| i);
    key_end.is_some_and(|end| {
        let key = t[..end].trim();
        !key.is_empty() && !key.contains(',')
    })
}

/// The start of the first line at or after `from` that starts a statement, or the end.
fn next_statement(src: &str, from: usize) -> usize {
    let mut at = from;
    while at < src.len() {
        let line = line_at(src, at);
        if starts_statement(&src[line.clone()]) {
            return line.start;
        }
        at = line.end + 1;
    }
    src.len()
}

/// A list or inline table left open at `at`, where the parser tripped (over the first token
/// of the next statement, or the end of the file, with one of the parser's `message`s for
/// an open value): the bracket (`[` or `{`), its offset, and whether the file ends there.
pub fn unclosed_at(src: &str, at: usize, message: &str) -> Option<(char, usize, bool)> {
    const OPEN_MESSAGES: [&str; 5] = [
        "unclosed array",
        "unclosed inline table",
        "missing comma between array elements",
        "missing comma between key-value pairs",
        "missing key for inline table element",
    ];
    let line = line_at(src, at);
    let text = &src[line.clone()];
    let first_token = line.start + text.len() - text.trim_start().len();
    let open_message = OPEN_MESSAGES.iter().any(|m| message.trim().starts_with(m));
    if at != first_token && !open_message && !header_like(text) {
        return None;
    }
    let at_end = src[at.min(src.len())..].trim().is_empty();
    if !at_end && !starts_statement(text) {
        return None;
    }
    let (bracket, open) = open_brackets(&src[..at.min(src.len())])
        .into_iter()
        .rev()
        .find(|(_, open)| *open < line.start || at_end)?;
    Some((bracket, open, at_end))
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
    while let Some(&(_, c)) = chars.peek() {
        if c == '\n' {
            return;
        }
        chars.next();
        match c {
            '\\' if quote == '"' => {
                chars.next_if(|(_, c)| *c != '\n');
            }
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
