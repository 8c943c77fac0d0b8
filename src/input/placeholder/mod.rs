//! 待填写: the placeholder a starter file (`gongkai init`) or a rolled-over file leaves for
//! every value the clerk must still supply. Each one is reported once, as an error located
//! at it that says what to enter; every other diagnostic about the same key is dropped, so a
//! value not yet filled in is never also "not an amount", "missing" or "unknown code".

mod labels;

use crate::diagnostic::Diagnostic;
use labels::{describe, Label};
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The placeholder: a value (or a code written as a key) the clerk has yet to fill in.
pub const PLACEHOLDER: &str = "待填写";

/// True when a written value is the placeholder.
pub fn is_placeholder(text: &str) -> bool {
    text.trim() == PLACEHOLDER
}

/// One placeholder in a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Key path of the entry it stands in (`basic[0].amount`; for a placeholder key,
    /// `projects[0].economic.待填写`), as validation names keys.
    pub key: String,
    /// Where it is written.
    pub span: Range<usize>,
    /// True when the placeholder is a table's key (a code), not a value.
    pub is_key: bool,
}

/// Every placeholder of the source, in source order: string values that are 待填写 and table
/// keys that are 待填写. Empty when the source is not TOML (its syntax error says so).
pub fn find(src: &str) -> Vec<Found> {
    // Most files have none: no second parse for them. (A placeholder spelt with \u escapes
    // is not found; it is then reported as the wrong value it is.)
    if !src.contains(PLACEHOLDER) {
        return Vec::new();
    }
    fn walk(value: &Spanned<DeValue<'_>>, key: &str, out: &mut Vec<Found>) {
        match value.get_ref() {
            DeValue::String(s) if is_placeholder(s) => out.push(Found {
                key: key.to_string(),
                span: value.span(),
                is_key: false,
            }),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{key}[{i}]"), out);
                }
            }
            DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    let path = if key.is_empty() {
                        k.get_ref().to_string()
                    } else {
                        format!("{key}.{}", k.get_ref())
                    };
                    if is_placeholder(k.get_ref()) {
                        out.push(Found {
                            key: path.clone(),
                            span: k.span(),
                            is_key: true,
                        });
                    }
                    walk(v, &path, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = DeTable::parse(src) {
        let span = table.span();
        let root = Spanned::new(span, DeValue::Table(table.into_inner()));
        walk(&root, "", &mut out);
    }
    out.sort_by_key(|f| f.span.start);
    out
}

/// The error for one placeholder: 「待填写：unit.name（单位全称）尚未填写」 with what to enter.
/// `money_unit` (万元 or 元) is the unit the file's amounts are written in.
pub fn diagnostic(found: &Found, money_unit: &str) -> Diagnostic {
    let Label { name, hint } = describe(&found.key, found.is_key, money_unit);
    let shown = if found.is_key {
        found
            .key
            .rsplit_once('.')
            .map_or(found.key.as_str(), |(parent, _)| parent)
    } else {
        found.key.as_str()
    };
    let what = if found.is_key {
        format!("{shown} 的{name}")
    } else {
        format!("{shown}（{name}）")
    };
    Diagnostic::error(
        Some(found.span.clone()),
        shown,
        format!("待填写：{what}尚未填写"),
    )
    .with_hint(hint)
}

/// True when `key` is `parent` or lies under it (`parent.x`, `parent[0]`).
fn under(key: &str, parent: &str) -> bool {
    key.strip_prefix(parent)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// Puts the placeholders' errors first, in source order, and drops every other diagnostic
/// about a key that holds a placeholder, and every warning about a table that still holds one
/// (its advice may change once the table is filled in). A placeholder under an unknown key is
/// left to the unknown-key error (filled in, it would be ignored anyway).
pub fn apply(found: &[Found], diags: Vec<Diagnostic>, money_unit: &str) -> Vec<Diagnostic> {
    let unknown: Vec<&str> = diags
        .iter()
        .filter(|d| d.message.starts_with("未知的键"))
        .map(|d| d.key.as_str())
        .collect();
    let live: Vec<&Found> = found
        .iter()
        .filter(|f| !unknown.iter().any(|u| under(&f.key, u)))
        .collect();
    let mut out: Vec<Diagnostic> = live.iter().map(|f| diagnostic(f, money_unit)).collect();
    out.extend(diags.into_iter().filter(|d| {
        let about = |f: &&Found| {
            under(&d.key, &f.key) || (!d.is_error() && !d.key.is_empty() && under(&f.key, &d.key))
        };
        // A unit file's diagnostic (a department's unit) is about that file's own text.
        d.file.is_some() || d.message.starts_with("未知的键") || !live.iter().any(about)
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_keys_and_array_items_in_source_order() {
        let src = "[unit]\nname = \"待填写\"\nyear = 2025\n[overview]\nfunctions = [\"a\", \" 待填写 \"]\n\
                   [[projects]]\neconomic = { \"待填写\" = \"待填写\" }\n";
        let found = find(src);
        let keys: Vec<(&str, bool)> = found.iter().map(|f| (f.key.as_str(), f.is_key)).collect();
        assert_eq!(
            keys,
            [
                ("unit.name", false),
                ("overview.functions[1]", false),
                ("projects[0].economic.待填写", true),
                ("projects[0].economic.待填写", false),
            ]
        );
        assert_eq!(&src[found[0].span.clone()], "\"待填写\"");
        assert!(find("a = \"待填写 工作\"\nb = \"xx\"\n").is_empty());
        assert!(find("not toml [").is_empty());
    }

    #[test]
    fn the_message_names_the_key_and_what_it_is() {
        let found = find("[unit]\nname = \"待填写\"\n");
        let d = diagnostic(&found[0], "万元");
        assert_eq!(d.message, "待填写：unit.name（单位全称）尚未填写");
        assert_eq!(d.key, "unit.name");
        assert!(d.is_error() && d.hint.is_some());
        let found = find("[purposes]\n\"待填写\" = \"保障运行\"\n");
        let d = diagnostic(&found[0], "万元");
        assert_eq!(d.key, "purposes");
        assert!(
            d.message.starts_with("待填写：purposes 的"),
            "{}",
            d.message
        );
    }

    #[test]
    fn other_diagnostics_of_a_placeholder_key_are_dropped() {
        let src = "[unit]\nname = \"待填写\"\nfoo = \"待填写\"\n";
        let found = find(src);
        let diags = vec![
            Diagnostic::error(None, "unit.name", "文本中留有占位符"),
            Diagnostic::error(None, "unit.foo", "未知的键 `foo`（unknown key）"),
            Diagnostic::error(None, "unit.year", "缺少必填的键 `year`"),
            Diagnostic::error(None, "unit.name_x", "其他"),
        ];
        let out = apply(&found, diags, "万元");
        let messages: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "待填写：unit.name（单位全称）尚未填写",
                "未知的键 `foo`（unknown key）",
                "缺少必填的键 `year`",
                "其他",
            ]
        );
    }

    /// Every value (and every code written as a key) under `value`, where it is written.
    fn leaves(value: &Spanned<DeValue<'_>>, out: &mut Vec<Range<usize>>) {
        match value.get_ref() {
            DeValue::Array(items) => items.iter().for_each(|i| leaves(i, out)),
            DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    if k.get_ref().chars().all(|c| c.is_ascii_digit()) {
                        out.push(k.span());
                    }
                    leaves(v, out);
                }
            }
            _ => out.push(value.span()),
        }
    }

    /// The complete files the placeholder test edits: the examples and the minimal fixture.
    const COMPLETE_SOURCES: [&str; 4] = [
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/qitai-commerce-2024.toml"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/manas-commerce-2024.toml"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/changji-industry-2024.toml"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/minimal.toml"
        )),
    ];

    /// Every value of every example (and every code written as a key), replaced in turn by
    /// 待填写, gives exactly one error, the 待填写 one at that place, and nothing that the
    /// complete file does not also say.
    #[test]
    fn any_value_left_as_placeholder_is_reported_alone() {
        for src in COMPLETE_SOURCES {
            let base = std::path::Path::new(".");
            let (_, before) = crate::input::load_str(src, base);
            assert!(before.iter().all(|d| !d.is_error()), "{before:#?}");
            let table = DeTable::parse(src).unwrap();
            let root = Spanned::new(table.span(), DeValue::Table(table.into_inner()));
            let mut spans = Vec::new();
            leaves(&root, &mut spans);
            assert!(spans.len() > 50);
            for span in spans {
                let edited = format!("{}\"待填写\"{}", &src[..span.start], &src[span.end..]);
                let (_, diags) = crate::input::load_str(&edited, base);
                let at = &src[span.clone()];
                let (placeholders, others): (Vec<_>, Vec<_>) = diags
                    .iter()
                    .partition(|d| d.message.starts_with("待填写："));
                assert_eq!(placeholders.len(), 1, "{at} at {span:?}: {diags:#?}");
                assert_eq!(
                    placeholders[0].span.as_ref().map(|s| s.start),
                    Some(span.start)
                );
                let unexpected: Vec<_> = others
                    .iter()
                    .filter(|d| {
                        d.is_error()
                            || !before
                                .iter()
                                .any(|b| b.key == d.key && b.message == d.message)
                    })
                    .collect();
                assert!(
                    unexpected.is_empty(),
                    "{at} at {span:?} ({}): {unexpected:#?}",
                    placeholders[0].key
                );
            }
        }
    }
}
