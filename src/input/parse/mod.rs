//! Parsing: TOML text → [`RawBudget`], with unknown keys and syntax errors located.

mod layout;
mod mend;
mod resync;
mod slips;
mod syntax;

use crate::diagnostic::Diagnostic;
use crate::input::raw::RawBudget;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// What parsing found: the raw budget (when the structure could be read), every
/// diagnostic, and the key paths whose values had the wrong type (left out of the raw budget
/// after being reported, so validation must not report them missing again).
pub struct Parsed {
    /// The raw budget.
    pub raw: Option<RawBudget>,
    /// Syntax errors, type errors and unknown keys.
    pub diags: Vec<Diagnostic>,
    /// Key paths (`overview.functions`, `basic[0].amount`) reported for their type.
    pub mistyped: Vec<String>,
}

/// How many wrongly typed values are reported before giving up on a file.
const MAX_TYPE_ERRORS: usize = 100;

/// Parses the source. Every syntax error is reported (and nothing after them: what the
/// file means is not read from a text that is not TOML). A value of the wrong type is
/// reported with its key path and left out, and the rest of the file is read again, so
/// every problem is reported at once.
pub fn parse(src: &str) -> Parsed {
    let mut diags = Vec::new();
    let mut mistyped = Vec::new();
    let mut table = match syntax_tree(src) {
        Ok(t) => t,
        Err(syntax) => {
            return Parsed {
                raw: None,
                diags: syntax,
                mistyped,
            }
        }
    };
    loop {
        let mut ignored: Vec<Vec<Step>> = Vec::new();
        let de = toml::de::Deserializer::from(table.clone());
        let result = serde_ignored::deserialize(de, |path| ignored.push(steps(&path)));
        let err = match result {
            Ok(raw) => {
                diags.extend(ignored.iter().map(|path| unknown_key(&table, path)));
                return Parsed {
                    raw: Some(raw),
                    diags,
                    mistyped,
                };
            }
            Err(e) => e,
        };
        if let Some(field) = err.message().trim().strip_prefix("missing field ") {
            diags.push(missing_key(&table, err.span(), field.trim_matches('`')));
            return Parsed {
                raw: None,
                diags,
                mistyped,
            };
        }
        let removed = err
            .span()
            .filter(|_| mistyped.len() < MAX_TYPE_ERRORS)
            .and_then(|span| remove_value_at(&mut table, &span));
        let Some(key) = removed else {
            diags.push(type_error(src, err.span(), "", err.message()));
            return Parsed {
                raw: None,
                diags,
                mistyped,
            };
        };
        diags.push(type_error(src, err.span(), &key, err.message()));
        mistyped.push(key);
    }
}

/// The parsed TOML, or every syntax error of the text.
fn syntax_tree(src: &str) -> Result<Spanned<DeTable<'_>>, Vec<Diagnostic>> {
    DeTable::parse(src).map_err(|e| {
        let all = resync::syntax_errors(src);
        if all.is_empty() {
            vec![syntax::explain(src, e.span(), e.message()).diag]
        } else {
            all
        }
    })
}

/// A value of the wrong type (or out of range) at `span`, for `key`, in Chinese with a
/// hint. A table written `[[name]]` where one `[name]` is expected is named as such (serde
/// would speak of the first key inside it).
fn type_error(src: &str, span: Option<Range<usize>>, key: &str, message: &str) -> Diagnostic {
    let written = span
        .as_ref()
        .and_then(|s| src.get(s.clone()))
        .and_then(|t| t.strip_prefix("[["))
        .and_then(|t| t.split_once("]]"))
        .map(|(name, _)| name.trim());
    if let Some(name) = written {
        return Diagnostic::error(
            span,
            name,
            format!("[{name}] 只能有一个，写成 [{name}]（不是 [[{name}]]）（expected a table, found an array of tables）"),
        )
        .with_hint("双方括号 [[…]] 只用于可以重复的节（如 [[projects]]、[[basic]]）；这一节只写一次，用单方括号");
    }
    let message = message.trim();
    let at = span.as_ref().and_then(|s| src.get(s.clone())).unwrap_or("");
    if is_bare_date(at) {
        let name = key.rsplit('.').next().unwrap_or(key);
        return Diagnostic::error(
            span,
            key,
            format!("日期“{at}”没有加引号，被当成了 TOML 的日期时间类型（unquoted date）"),
        )
        .with_hint(format!("日期写成带英文双引号的文本：{name} = \"{at}\""));
    }
    let out_of_range = ["too large", "too small", " as i128", " as u128"];
    if out_of_range.iter().any(|m| message.contains(m)) {
        return Diagnostic::error(
            span,
            key,
            format!("整数超出了能读取的范围（{message}）"),
        )
        .with_hint("人数、年份等整数不会有这么多位，检查是否多写了数字；金额不写成整数，写成带引号的小数，例如 amount = \"1080.00\"");
    }
    Diagnostic::error(span, key, translate(message))
        .with_hint("按 README 的“输入格式”一节检查这一项的类型")
}

/// Whether `text` is a bare TOML date (`2025-01-15`, perhaps with a time after it).
fn is_bare_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A required table or key that is absent, located at the table that should hold it (the
/// file's start for a top-level section). Nothing is removed and parsing stops: removing the
/// enclosing table would report it missing too.
fn missing_key(
    table: &Spanned<DeTable<'_>>,
    span: Option<Range<usize>>,
    field: &str,
) -> Diagnostic {
    let parent = span
        .as_ref()
        .and_then(|span| table_at(table.get_ref(), span, ""));
    let (key, at) = match parent {
        Some((path, header)) => (format!("{path}.{field}"), Some(header)),
        None => (field.to_string(), Some(0..0)),
    };
    Diagnostic::error(at, key, format!("缺少必填的键 `{field}`（missing key）"))
        .with_hint("补上这一节或这个键（没有内容时也要写出）；各键的含义见 README 的“输入格式”一节")
}

/// The key path and header span of the table whose value span is `span`, searched depth
/// first; `None` for the root table.
fn table_at(t: &DeTable<'_>, span: &Range<usize>, prefix: &str) -> Option<(String, Range<usize>)> {
    for (key, value) in t.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        match value.get_ref() {
            DeValue::Table(inner) => {
                if value.span() == *span {
                    return Some((path, key.span()));
                }
                if let Some(found) = table_at(inner, span, &path) {
                    return Some(found);
                }
            }
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let DeValue::Table(inner) = item.get_ref() {
                        let path = format!("{path}[{i}]");
                        if item.span() == *span {
                            return Some((path, item.span()));
                        }
                        if let Some(found) = table_at(inner, span, &path) {
                            return Some(found);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn unknown_key(table: &Spanned<DeTable<'_>>, path: &[Step]) -> Diagnostic {
    let (span, key) = locate(table, path);
    let last = path
        .iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => Some(k.clone()),
            Step::Index(_) => None,
        })
        .unwrap_or_default();
    let hint = if key == "performance.indicators" {
        "绩效指标写在它所属的表下：单位整体的写 [[performance.unit.indicators]]（在 [performance.unit] 之后），项目的写 [[performance.projects.indicators]]（紧跟在它所属的 [[performance.projects]] 之后）"
    } else if !last.is_ascii() {
        "键名是英文（ASCII），照 README 的“输入格式”一节书写；中文只写在等号右边的值里。未知的键会导致数据被忽略，因此视为错误"
    } else {
        "检查拼写；允许的键见 README 的“输入格式”一节。未知的键会导致数据被忽略，因此视为错误"
    };
    Diagnostic::error(span, key, format!("未知的键 `{last}`（unknown key）")).with_hint(hint)
}

/// Translates serde's structural messages into Chinese first, keeping the original.
fn translate(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("缺少必填的键 {rest}（missing field）");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "类型不对：应为{}，实际是{}（{msg}）",
            kind_name(expected, true),
            kind_name(found, false)
        );
    }
    if msg.starts_with("unknown variant") {
        return format!("取值不在允许范围内（{msg}）");
    }
    format!("无法读取（{msg}）")
}

/// A serde type description in Chinese: what was expected (with how to write it) or what
/// was found (with the value): `a sequence` → 数组（方括号列表，…）, `string "x"` → 文本“x”.
fn kind_name(serde: &str, expected: bool) -> String {
    let s = serde.trim();
    let (name, how) = if s.contains("sequence") {
        ("数组", "（方括号列表，例如 [\"…\"]）")
    } else if s.contains("bool") {
        ("布尔值", "（true 或 false，不加引号）")
    } else if s.starts_with("string") || s.contains("a string") {
        ("文本", "（用英文双引号括起来）")
    } else if s.contains("map") || s.starts_with("struct") {
        ("表", "（[节名] 或 { 键 = 值 }）")
    } else if s.contains("integer") || s.starts_with('u') || s.starts_with('i') {
        ("整数", "")
    } else if s.contains("floating") {
        ("小数", "")
    } else {
        return s.to_string();
    };
    if expected {
        return format!("{name}{how}");
    }
    match s
        .split_once(' ')
        .map(|(_, v)| v.trim().trim_matches(['"', '`']))
    {
        Some(v) if !v.is_empty() => format!("{name}“{v}”"),
        _ => name.to_string(),
    }
}

/// Removes the innermost key whose value covers `span` and returns its key path. Table
/// spans cover only their headers, so every table is searched, not just covering ones.
fn remove_value_at(root: &mut Spanned<DeTable<'_>>, span: &Range<usize>) -> Option<String> {
    fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
        outer.start <= inner.start && inner.end <= outer.end
    }
    fn in_table(t: &mut DeTable<'_>, span: &Range<usize>, prefix: &str) -> Option<String> {
        let keys: Vec<_> = t.keys().cloned().collect();
        for key in keys {
            let path = if prefix.is_empty() {
                key.get_ref().to_string()
            } else {
                format!("{prefix}.{}", key.get_ref())
            };
            let Some(value) = t.get_mut(&key) else {
                continue;
            };
            let here = covers(&value.span(), span);
            let deeper = match value.get_mut() {
                DeValue::Table(inner) => in_table(inner, span, &path),
                DeValue::Array(items) => {
                    items
                        .iter_mut()
                        .enumerate()
                        .find_map(|(i, item)| match item.get_mut() {
                            DeValue::Table(inner) => in_table(inner, span, &format!("{path}[{i}]")),
                            _ => None,
                        })
                }
                _ => None,
            };
            if deeper.is_some() {
                return deeper;
            }
            if here {
                t.remove(&key);
                return Some(path);
            }
        }
        None
    }
    in_table(root.get_mut(), span, "")
}

fn steps(path: &serde_ignored::Path<'_>) -> Vec<Step> {
    let mut out = Vec::new();
    collect(path, &mut out);
    out
}

fn collect(path: &serde_ignored::Path<'_>, out: &mut Vec<Step>) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            collect(parent, out);
            out.push(Step::Index(*index));
        }
        Path::Map { parent, key } => {
            collect(parent, out);
            // toml's Spanned wraps a value in a private key of its own; not the user's.
            if !key.starts_with("$__serde_spanned") {
                out.push(Step::Key(key.clone()));
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => collect(parent, out),
    }
}

/// Finds the span of a key path in the parsed table and formats the path.
fn locate(root: &Spanned<DeTable<'_>>, path: &[Step]) -> (Option<Range<usize>>, String) {
    let mut key = String::new();
    let mut span = Some(root.span());
    let mut current: Option<&DeValue<'_>> = None;
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    for step in path {
        match step {
            Step::Key(k) => {
                if !key.is_empty() {
                    key.push('.');
                }
                key.push_str(k);
                let found = table.and_then(|t| {
                    t.iter()
                        .find(|(name, _)| name.get_ref().as_ref() == k.as_str())
                });
                match found {
                    Some((name, value)) => {
                        span = Some(name.span());
                        current = Some(value.get_ref());
                    }
                    None => current = None,
                }
            }
            Step::Index(i) => {
                key.push_str(&format!("[{i}]"));
                current = match current {
                    Some(DeValue::Array(items)) => items.get(*i).map(|v| {
                        span = Some(v.span());
                        v.get_ref()
                    }),
                    _ => None,
                };
            }
        }
        table = match current {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        };
    }
    (span, key)
}

/// Every string value of the source with its key path and span (`overview.functions[0]`),
/// in source order; `[fonts]` (file paths) and `[publish]` (HTML metadata) are left out: the
/// PDF never prints them. For checks that
/// look at the text as typed, such as characters no font can print.
pub fn strings(src: &str) -> Vec<(String, Range<usize>, String)> {
    fn walk(
        value: &Spanned<DeValue<'_>>,
        key: String,
        out: &mut Vec<(String, Range<usize>, String)>,
    ) {
        match value.get_ref() {
            DeValue::String(s) => out.push((key, value.span(), s.to_string())),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{key}[{i}]"), out);
                }
            }
            DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    let name = k.get_ref();
                    if key.is_empty() && (name == "fonts" || name == "publish") {
                        continue;
                    }
                    let path = if key.is_empty() {
                        name.to_string()
                    } else {
                        format!("{key}.{name}")
                    };
                    walk(v, path, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = DeTable::parse(src) {
        let span = table.span();
        let root = Spanned::new(span, DeValue::Table(table.into_inner()));
        walk(&root, String::new(), &mut out);
    }
    out.sort_by_key(|(_, span, _)| span.start);
    out
}

#[cfg(test)]
mod tests {
    const MINIMAL: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.toml"
    ));

    /// An integer too large for any reader, of either sign and at any key, is out of range,
    /// with its key path.
    #[test]
    fn a_huge_integer_is_out_of_range() {
        for (from, to, key) in [
            (
                "authorized = 10",
                "authorized = -12345678901234567890",
                "overview.staffing.authorized",
            ),
            (
                "amount = \"80.00\"",
                "amount = 12345678901234567890",
                "basic[0].amount",
            ),
        ] {
            let parsed = super::parse(&MINIMAL.replacen(from, to, 1));
            assert_eq!(parsed.diags.len(), 1, "{:#?}", parsed.diags);
            let d = &parsed.diags[0];
            assert_eq!(d.key, key);
            assert!(
                d.message.starts_with("整数超出了能读取的范围"),
                "{}",
                d.message
            );
        }
    }
}
