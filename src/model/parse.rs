//! Parsing: TOML text → [`RawBudget`], with unknown keys and syntax errors located.

use super::diagnostic::Diagnostic;
use super::raw::RawBudget;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Parses the source. Returns the raw budget (if the structure could be read) and every
/// diagnostic found on the way: syntax errors, type errors, unknown keys.
pub fn parse(src: &str) -> (Option<RawBudget>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let table = match DeTable::parse(src) {
        Ok(t) => t,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    e.span(),
                    "",
                    format!("TOML 语法错误：{}", e.message().trim()),
                )
                .with_hint("检查引号、方括号和等号是否成对、是否完整"),
            );
            return (None, diags);
        }
    };
    let mut ignored: Vec<Vec<Step>> = Vec::new();
    let de = toml::de::Deserializer::from(table.clone());
    let result = serde_ignored::deserialize(de, |path| ignored.push(steps(&path)));
    for path in &ignored {
        let (span, key) = locate(&table, path);
        let last = path
            .iter()
            .rev()
            .find_map(|s| match s {
                Step::Key(k) => Some(k.clone()),
                Step::Index(_) => None,
            })
            .unwrap_or_default();
        diags.push(
            Diagnostic::error(span, key, format!("未知的键 `{last}`（unknown key）"))
                .with_hint("检查拼写；允许的键见 README 的“输入格式”一节。未知的键会导致数据被忽略，因此视为错误"),
        );
    }
    match result {
        Ok(raw) => (Some(raw), diags),
        Err(e) => {
            diags.push(
                Diagnostic::error(e.span(), "", translate(e.message()))
                    .with_hint("按 README 的“输入格式”一节检查这一项的类型"),
            );
            (None, diags)
        }
    }
}

/// Translates serde's structural messages into Chinese first, keeping the original.
fn translate(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("缺少必填的键 {rest}（missing field）");
    }
    if msg.starts_with("invalid type") {
        return format!("类型不对（{msg}）");
    }
    if msg.starts_with("unknown variant") {
        return format!("取值不在允许范围内（{msg}）");
    }
    format!("无法读取（{msg}）")
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
            out.push(Step::Key(key.clone()));
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
                    Some(DeValue::Array(items)) => items.iter().nth(*i).map(|v| {
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
