//! Leaf conversions with located diagnostics: amounts, codes, counts, texts, sources.

use crate::budget::codes::{EconCode, FuncCode};
use crate::budget::source::{accepted_names, Source};
use crate::diagnostic::header_span;
use crate::diagnostic::Diagnostic;
use crate::input::raw::{RawAmount, RawCode, RawCount, RawText};
use crate::money::{Declared, Money, MoneyUnit, MAX_WAN};
use rust_decimal::Decimal;
use std::ops::Range;

/// The largest count (people, vehicles, devices, weights) a budget can hold: sums of
/// counts then never overflow.
pub const MAX_COUNT: u32 = 10_000_000;

/// Collects diagnostics while converting raw leaves.
pub struct Ctx<'a> {
    /// The source text (float literals are re-read from it exactly).
    pub src: &'a str,
    /// Everything found so far.
    pub diags: Vec<Diagnostic>,
    /// The unit amounts are written in (`[unit] amount_unit`).
    pub unit: MoneyUnit,
}

impl<'a> Ctx<'a> {
    /// A fresh context over `src`.
    pub fn new(src: &'a str) -> Self {
        Ctx {
            src,
            diags: Vec::new(),
            unit: MoneyUnit::Wan,
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
            let near = near.or_else(|| header_span(self.src, key)).or(Some(0..0));
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

    /// The text of a number as written: a string, an integer, or a float's source text.
    fn number_text(&mut self, raw: &RawAmount, key: &str, what: &str) -> Option<String> {
        let span = raw.span();
        match raw.get_ref() {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Integer(i) => Some(i.to_string()),
            toml::Value::Float(_) => Some(self.src.get(span).unwrap_or_default().to_string()),
            other => {
                self.error(
                    Some(span),
                    key,
                    format!("应为{what}，实际是{}（expected a number）", kind(other)),
                    Some("写成带引号的数字，例如 amount = \"322.50\""),
                );
                None
            }
        }
    }

    /// An amount in the file's unit (`[unit] amount_unit`, default 万元): non-negative, at
    /// most six decimals of 万元 or two of 元 (the 分), below 10^12 万元, exact. A trailing
    /// `万元`/`元` is accepted when it names the file's unit.
    pub fn amount(&mut self, raw: &RawAmount, key: &str) -> Option<Money> {
        self.written_amount(raw, key).map(|(m, _)| m)
    }

    /// A declared figure (批复数, a total to check): an amount that remembers whether it was
    /// written as a printed figure (万元, at most two decimals).
    pub fn declared(&mut self, raw: &RawAmount, key: &str) -> Option<Declared> {
        let unit = self.unit;
        self.written_amount(raw, key)
            .map(|(value, scale)| Declared {
                value,
                as_printed: unit == MoneyUnit::Wan && scale <= 2,
            })
    }

    /// An amount and the number of decimals it was written with.
    fn written_amount(&mut self, raw: &RawAmount, key: &str) -> Option<(Money, u32)> {
        let span = raw.span();
        let unit = self.unit;
        let what = format!("金额（{}）", unit.name());
        let text = self.number_text(raw, key, &what)?;
        let number = self.without_unit(&text, span.clone(), key)?;
        let Some(written) = Money::parse_exact(number) else {
            self.error(
                Some(span),
                key,
                format!("“{text}”不是金额（expected an amount in {}）", unit.name()),
                Some("金额只能含数字、小数点和千分位逗号，例如 \"1,312.00\""),
            );
            return None;
        };
        let written = written.decimal();
        if written.is_sign_negative() && !written.is_zero() {
            self.error(
                Some(span),
                key,
                format!("金额不能为负数：{text}（negative amount）"),
                None,
            );
            return None;
        }
        let scale = written.normalize().scale();
        if scale > unit.max_decimals() {
            self.too_many_decimals(&text, span, key);
            return None;
        }
        let money = unit.to_money(written).filter(|m| m.decimal() < MAX_WAN);
        if money.is_none() {
            self.error(
                Some(span),
                key,
                format!("金额“{text}”过大，不可能是预算金额（amount out of range）"),
                Some("金额应小于 1,000,000,000,000 万元；检查是否多写了数字或选错了单位"),
            );
        }
        money.map(|m| (m, scale))
    }

    /// The number of an amount's text, without a trailing `万元`/`元`; a unit other than the
    /// file's is reported.
    fn without_unit<'t>(
        &mut self,
        text: &'t str,
        span: Range<usize>,
        key: &str,
    ) -> Option<&'t str> {
        let unit = self.unit;
        let trimmed = text.trim();
        let (number, written_unit) = match trimmed.strip_suffix("万元") {
            Some(n) => (n, Some(MoneyUnit::Wan)),
            None => match trimmed.strip_suffix('元') {
                Some(n) => (n, Some(MoneyUnit::Yuan)),
                None => (trimmed, None),
            },
        };
        if let Some(w) = written_unit.filter(|w| *w != unit) {
            self.error(
                Some(span),
                key,
                format!(
                    "金额“{text}”写的是{}，但本文件的金额单位是{}（mixed amount units）",
                    w.name(),
                    unit.name()
                ),
                Some("一个文件里的金额只能用一种单位：全部按 [unit] amount_unit 录入（默认万元），不要混用万元和元"),
            );
            return None;
        }
        Some(number)
    }

    /// Reports an amount written more precisely than the 分 in the file's unit.
    fn too_many_decimals(&mut self, text: &str, span: Range<usize>, key: &str) {
        let (msg, hint) = match self.unit {
            MoneyUnit::Wan => (
                format!("金额“{text}”超过六位小数（more than six decimals of 万元）"),
                "以万元录入时最多六位小数（精确到分）；预算系统中以元为单位的金额可设 [unit] amount_unit = \"元\" 后按元录入",
            ),
            MoneyUnit::Yuan => (
                format!("金额“{text}”超过两位小数（more than two decimals of 元）"),
                "以元录入时最多两位小数（精确到分）",
            ),
        };
        self.error(Some(span), key, msg, Some(hint));
    }

    /// A non-money quantity in `unit` (e.g. 平方米): non-negative, at most two decimals, at
    /// most `max` (a value above it is reported with the bound and the unit).
    pub fn quantity(
        &mut self,
        raw: &RawAmount,
        key: &str,
        max: Decimal,
        unit: &str,
    ) -> Option<Decimal> {
        let span = raw.span();
        let text = self.number_text(raw, key, "数值")?;
        let value = Money::parse_exact(&text)
            .map(Money::decimal)
            .filter(|d| !d.is_sign_negative() || d.is_zero())
            .filter(|d| d.normalize().scale() <= 2);
        let Some(value) = value else {
            self.error(
                Some(span),
                key,
                format!("“{text}”不是非负数值，或超过两位小数（expected a number with at most two decimals）"),
                Some("例如 building_area = \"1,377.81\""),
            );
            return None;
        };
        if value > max {
            self.error(
                Some(span),
                key,
                format!(
                    "“{text}”超过上限 {} {unit}（value out of range）",
                    crate::money::group_thousands(&max.to_string())
                ),
                Some(&format!(
                    "这一项以{unit}为单位，检查是否多写了位数，或误填成了金额"
                )),
            );
            return None;
        }
        Some(value)
    }

    /// A whole number ≥ 0.
    pub fn count(&mut self, raw: &RawCount, key: &str) -> Option<u32> {
        let span = raw.span();
        let parsed = match raw.get_ref() {
            toml::Value::Integer(i) => u32::try_from(*i).ok(),
            toml::Value::String(s) => s.trim().parse::<u32>().ok(),
            _ => None,
        }
        .filter(|n| *n <= MAX_COUNT);
        if parsed.is_none() {
            let found = match raw.get_ref() {
                toml::Value::Integer(i) if *i < 0 => format!("负数 {i}（不能为负数）"),
                toml::Value::Integer(i) => format!("过大的整数 {i}（最大 {MAX_COUNT}）"),
                toml::Value::String(t) => format!("文本“{t}”"),
                other => kind(other).to_string(),
            };
            self.error(
                Some(span),
                key,
                format!("应为非负整数（expected a whole number），实际是{found}"),
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

    fn amount_in(unit: MoneyUnit, src: &str) -> (Option<Money>, Vec<Diagnostic>) {
        let t: T = toml::from_str(src).unwrap();
        let mut ctx = Ctx::new(src);
        ctx.unit = unit;
        let m = ctx.amount(&t.a, "a");
        (m, ctx.diags)
    }

    fn first_message(d: &[Diagnostic]) -> &str {
        d.first().map(|d| d.message.as_str()).unwrap_or("")
    }

    #[test]
    fn wan_accepts_six_decimals_to_the_fen() {
        let (m, d) = amount_of("a = \"409.7149\"");
        assert!(d.is_empty());
        assert_eq!(m.unwrap().exact(), "409.7149");
        assert_eq!(amount_of("a = \"1.655\"").0.unwrap().grouped(), "1.66");
        assert_eq!(amount_of("a = 0.000001").0.unwrap().exact(), "0.000001");
        assert_eq!(amount_of("a = \"12.340\"").0.unwrap().exact(), "12.34");
        assert_eq!(amount_of("a = \"42.615万元\"").0.unwrap().exact(), "42.615");
    }

    #[test]
    fn rejects_over_precise_negative_and_text() {
        assert!(first_message(&amount_of("a = \"12.3456789\"").1).contains("超过六位小数"));
        // A bare float with too many digits is read from its text, never rounded by f64.
        assert!(first_message(&amount_of("a = 12.1234567").1).contains("超过六位小数"));
        assert!(first_message(&amount_of("a = 0.10000000000000000555").1).contains("超过六位小数"));
        assert!(first_message(&amount_of("a = \"-1.00\"").1).contains("负数"));
        assert!(first_message(&amount_of("a = \"abc\"").1).contains("不是金额"));
        assert!(first_message(&amount_of("a = true").1).contains("应为金额"));
        assert!(first_message(&amount_of("a = \"1000000000000\"").1).contains("过大"));
        assert!(amount_of("a = \"999999999999.999999\"").1.is_empty());
    }

    #[test]
    fn yuan_input_is_converted_exactly() {
        let (m, d) = amount_in(MoneyUnit::Yuan, "a = \"4,097,149.50\"");
        assert!(d.is_empty());
        assert_eq!(m.unwrap().exact(), "409.71495");
        assert_eq!(
            amount_in(MoneyUnit::Yuan, "a = 16550").0.unwrap().exact(),
            "1.655"
        );
        assert_eq!(
            amount_in(MoneyUnit::Yuan, "a = \"0.01元\"")
                .0
                .unwrap()
                .exact(),
            "0.000001"
        );
        let d = amount_in(MoneyUnit::Yuan, "a = \"12.345\"").1;
        assert!(first_message(&d).contains("超过两位小数（more than two decimals of 元）"));
        let d = amount_in(MoneyUnit::Yuan, "a = 1.005").1;
        assert!(first_message(&d).contains("超过两位小数"));
    }

    #[test]
    fn both_units_in_one_file_are_refused() {
        let d = amount_of("a = \"200,000.00元\"").1;
        assert!(first_message(&d).contains("写的是元，但本文件的金额单位是万元"));
        let d = amount_in(MoneyUnit::Yuan, "a = \"20.00万元\"").1;
        assert!(first_message(&d).contains("写的是万元，但本文件的金额单位是元"));
    }

    #[test]
    fn declared_figures_remember_their_precision() {
        let t: T = toml::from_str("a = \"581.55\"").unwrap();
        let mut ctx = Ctx::new("a = \"581.55\"");
        let d = ctx.declared(&t.a, "a").unwrap();
        assert!(d.as_printed && d.matches(Money::parse_exact("581.5497").unwrap()));
        let src = "a = \"581.5497\"";
        let t: T = toml::from_str(src).unwrap();
        let mut ctx = Ctx::new(src);
        assert!(!ctx.declared(&t.a, "a").unwrap().as_printed);
        ctx.unit = MoneyUnit::Yuan;
        let src = "a = \"5815500\"";
        let t: T = toml::from_str(src).unwrap();
        let d = ctx.declared(&t.a, "a").unwrap();
        assert!(!d.as_printed, "元 input is at the system's precision");
    }
}
