//! Leaf conversions with located diagnostics: amounts, codes, counts, texts, sources.

use crate::model::codes::{EconCode, FuncCode};
use crate::model::diagnostic::Diagnostic;
use crate::model::raw::{RawAmount, RawCode, RawCount, RawText};
use crate::model::source::{accepted_names, Source};
use crate::money::Money;
use std::ops::Range;

/// Collects diagnostics while converting raw leaves.
pub struct Ctx<'a> {
    /// The source text (float literals are re-read from it exactly).
    pub src: &'a str,
    /// Everything found so far.
    pub diags: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    /// A fresh context over `src`.
    pub fn new(src: &'a str) -> Self {
        Ctx {
            src,
            diags: Vec::new(),
        }
    }

    /// Records an error.
    pub fn error(
        &mut self,
        span: Option<Range<usize>>,
        key: &str,
        msg: impl Into<String>,
        hint: Option<&str>,
    ) {
        let mut d = Diagnostic::error(span, key, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.diags.push(d);
    }

    /// Records a warning.
    pub fn warn(
        &mut self,
        span: Option<Range<usize>>,
        key: &str,
        msg: impl Into<String>,
        hint: Option<&str>,
    ) {
        let mut d = Diagnostic::warning(span, key, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.diags.push(d);
    }

    /// Runs a value's declared `validator` rules, reporting each failure at `span`.
    pub fn rules<T: validator::Validate>(
        &mut self,
        value: &T,
        key: &str,
        span: Option<Range<usize>>,
    ) {
        if let Err(errors) = value.validate() {
            for (field, list) in errors.field_errors() {
                for e in list {
                    let msg = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| e.code.to_string());
                    self.error(
                        span.clone(),
                        &format!("{key}.{field}"),
                        format!("{msg}（{field}: {}）", e.code),
                        None,
                    );
                }
            }
        }
    }

    /// A required key: reports it missing (located at `near`, a sibling's span) when absent.
    pub fn required<'r, T>(
        &mut self,
        field: &'r Option<T>,
        key: &str,
        near: Option<Range<usize>>,
    ) -> Option<&'r T> {
        if field.is_none() {
            let name = key.rsplit('.').next().unwrap_or(key);
            self.error(
                near,
                key,
                format!("缺少必填的键 `{name}`（missing key）"),
                Some("补上这个键；各键的含义见 README 的“输入格式”一节"),
            );
        }
        field.as_ref()
    }

    /// A required amount.
    pub fn req_amount(
        &mut self,
        field: &Option<RawAmount>,
        key: &str,
        near: Option<Range<usize>>,
    ) -> Option<Money> {
        let raw = self.required(field, key, near)?;
        self.amount(raw, key)
    }

    /// A required count.
    pub fn req_count(
        &mut self,
        field: &Option<RawCount>,
        key: &str,
        near: Option<Range<usize>>,
    ) -> Option<u32> {
        let raw = self.required(field, key, near)?;
        self.count(raw, key)
    }

    /// An amount in 万元: non-negative, at most two decimals, exact.
    pub fn amount(&mut self, raw: &RawAmount, key: &str) -> Option<Money> {
        let span = raw.span();
        let text = match raw.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(_) => self.src.get(span.clone()).unwrap_or_default().to_string(),
            other => {
                self.error(
                    Some(span),
                    key,
                    format!(
                        "应为金额（万元），实际是{}（expected an amount）",
                        kind(other)
                    ),
                    Some("金额写成带引号的数字，例如 amount = \"322.50\""),
                );
                return None;
            }
        };
        let Some(m) = Money::parse_exact(&text) else {
            self.error(
                Some(span),
                key,
                format!("“{text}”不是金额（expected an amount in 万元）"),
                Some("金额只能含数字、小数点和千分位逗号，例如 \"1,312.00\""),
            );
            return None;
        };
        if m.decimal().is_sign_negative() && !m.is_zero() {
            self.error(
                Some(span),
                key,
                format!("金额不能为负数：{text}（negative amount）"),
                None,
            );
            return None;
        }
        if m.decimal().normalize().scale() > 2 {
            self.error(
                Some(span),
                key,
                format!("金额“{text}”超过两位小数（more than two decimals）"),
                Some("预算公开金额以万元为单位，保留两位小数；请按四舍五入录入"),
            );
            return None;
        }
        Some(m)
    }

    /// A whole number ≥ 0.
    pub fn count(&mut self, raw: &RawCount, key: &str) -> Option<u32> {
        let span = raw.span();
        let parsed = match raw.get_ref() {
            toml::Value::Integer(i) => u32::try_from(*i).ok(),
            toml::Value::String(s) => s.trim().parse::<u32>().ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                Some(span),
                key,
                format!(
                    "应为非负整数（expected a whole number），实际是{}",
                    kind(raw.get_ref())
                ),
                None,
            );
        }
        parsed
    }

    fn code_text(&mut self, raw: &RawCode, key: &str) -> Option<String> {
        match raw.get_ref() {
            toml::Value::String(s) => Some(s.trim().to_string()),
            toml::Value::Integer(i) => Some(i.to_string()),
            other => {
                let msg = format!("应为科目编码，实际是{}（expected a code）", kind(other));
                self.error(Some(raw.span()), key, msg, None);
                None
            }
        }
    }

    /// A 功能分类 项 code (7 digits).
    pub fn func_item(&mut self, raw: &RawCode, key: &str) -> Option<FuncCode> {
        let text = self.code_text(raw, key)?;
        match FuncCode::parse(&text) {
            Some(c) if c.is_item() => Some(c),
            _ => {
                self.error(
                    Some(raw.span()),
                    key,
                    format!("“{text}”不是功能分类“项”级编码（expected a 7-digit functional code）"),
                    Some("功能分类项级编码为7位数字，例如 \"2011301\"（行政运行）"),
                );
                None
            }
        }
    }

    /// An 经济分类 code (3 or 5 digits), from text with a span.
    pub fn econ(&mut self, text: &str, span: Range<usize>, key: &str) -> Option<EconCode> {
        let c = EconCode::parse(text);
        if c.is_none() {
            self.error(
                Some(span),
                key,
                format!("“{text}”不是经济分类编码（expected a 3- or 5-digit economic code）"),
                Some("经济分类编码为3位（类）或5位（款）数字，以3开头，例如 \"30201\"（办公费）"),
            );
        }
        c
    }

    /// An 经济分类 款 code (5 digits) from a raw value.
    pub fn econ_kuan(&mut self, raw: &RawCode, key: &str) -> Option<EconCode> {
        let text = self.code_text(raw, key)?;
        match EconCode::parse(&text) {
            Some(c) if c.is_kuan() => Some(c),
            _ => {
                self.error(
                    Some(raw.span()),
                    key,
                    format!("“{text}”不是经济分类“款”级编码（expected a 5-digit economic code）"),
                    Some("经济分类款级编码为5位数字，例如 \"30101\"（基本工资）"),
                );
                None
            }
        }
    }

    /// A source of funds; default 一般公共预算.
    pub fn source(&mut self, raw: Option<&RawText>, key: &str) -> Source {
        let Some(raw) = raw else {
            return Source::General;
        };
        match Source::parse(raw.get_ref()) {
            Some(s) => s,
            None => {
                let msg = format!(
                    "未知的资金来源“{}”（unknown source of funds）",
                    raw.get_ref()
                );
                let hint = format!("可用的资金来源：{}", accepted_names());
                self.error(Some(raw.span()), key, msg, Some(&hint));
                Source::General
            }
        }
    }
}

/// A Chinese description of a TOML value's type, for messages.
pub fn kind(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "文本",
        toml::Value::Integer(_) => "整数",
        toml::Value::Float(_) => "小数",
        toml::Value::Boolean(_) => "布尔值",
        toml::Value::Datetime(_) => "日期",
        toml::Value::Array(_) => "数组",
        toml::Value::Table(_) => "表",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use toml::Spanned;

    #[derive(Deserialize)]
    struct T {
        a: Spanned<toml::Value>,
    }

    fn amount_of(src: &str) -> (Option<Money>, Vec<Diagnostic>) {
        let t: T = toml::from_str(src).unwrap();
        let mut ctx = Ctx::new(src);
        let m = ctx.amount(&t.a, "a");
        (m, ctx.diags)
    }

    #[test]
    fn float_literals_are_read_exactly() {
        let (m, d) = amount_of("a = 0.1");
        assert!(d.is_empty());
        assert_eq!(
            m.unwrap() + amount_of("a = 0.2").0.unwrap(),
            Money::parse_exact("0.3").unwrap()
        );
        assert_eq!(amount_of("a = 1_312.05").0.unwrap().plain(), "1312.05");
    }

    #[test]
    fn strings_with_separators() {
        assert_eq!(amount_of("a = \"1,312.00\"").0.unwrap().plain(), "1312.00");
    }

    #[test]
    fn rejects_over_precise_negative_and_text() {
        assert!(amount_of("a = \"12.345\"").1[0]
            .message
            .contains("超过两位小数"));
        assert!(amount_of("a = 12.345").1[0]
            .message
            .contains("超过两位小数"));
        assert!(amount_of("a = \"-1.00\"").1[0].message.contains("负数"));
        assert!(amount_of("a = \"abc\"").1[0].message.contains("不是金额"));
        assert!(amount_of("a = true").1[0].message.contains("应为金额"));
        assert!(amount_of("a = \"12.340\"").1.is_empty());
    }
}
