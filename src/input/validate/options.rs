//! `[options]` and the other presentation choices: each a word from a fixed list, reported
//! with the list when it is anything else.

use super::ctx::Ctx;
use super::text::TextRules;
use crate::budget::options::{
    ChangeOrder, Conventions, CountStyle, EmptyTable, EmptyTables, FundingRow, FundingRules,
    Numbering, Options, TotalRow, ZeroCell,
};
use crate::budget::ShareRounding;
use crate::input::raw::choice::Choice;
use crate::input::raw::{RawEmptyTables, RawFunding, RawOptions, RawText, RawZeroCells};
use toml::Spanned;

/// One word of `words`, or `default` when absent; anything else is reported with the list.
pub fn word<T: Copy>(
    ctx: &mut Ctx<'_>,
    raw: Option<&RawText>,
    key: &str,
    words: &[(&str, T)],
    default: T,
) -> T {
    raw.and_then(|r| lookup(ctx, r.get_ref(), r.span(), key, words))
        .unwrap_or(default)
}

/// The meaning of a written word; an unknown one is reported with the list.
fn lookup<T: Copy>(
    ctx: &mut Ctx<'_>,
    written: &str,
    span: std::ops::Range<usize>,
    key: &str,
    words: &[(&str, T)],
) -> Option<T> {
    let written = written.trim();
    let found = words.iter().find(|(w, _)| *w == written).map(|(_, v)| *v);
    if found.is_none() {
        report(ctx, span, key, written, words);
    }
    found
}

fn report<T>(
    ctx: &mut Ctx<'_>,
    span: std::ops::Range<usize>,
    key: &str,
    written: &str,
    words: &[(&str, T)],
) {
    let list: Vec<String> = words.iter().map(|(w, _)| format!("\"{w}\"")).collect();
    ctx.error(
        Some(span),
        key,
        format!("“{written}”不是 {key} 可用的取值（unknown value）"),
        Some(&format!("可选：{}", list.join("、"))),
    );
}

/// A field of a per-case table: its key and how to reach it.
type Case<T> = (&'static str, fn(&T) -> &Option<RawText>);

/// A one-word-or-table option, read per case: each case gets the word written for every
/// case, or its own word in the table; `None` where neither is written (or it is unknown).
fn per_case<T, E: Copy, const N: usize>(
    ctx: &mut Ctx<'_>,
    raw: Option<&Spanned<Choice<T>>>,
    key: &str,
    words: &[(&str, E)],
    cases: [Case<T>; N],
) -> [Option<E>; N] {
    let Some(raw) = raw else { return [None; N] };
    match raw.get_ref() {
        Choice::All(w) => [lookup(ctx, w, raw.span(), key, words); N],
        Choice::Each(t) => cases.map(|(name, field)| {
            let key = format!("{key}.{name}");
            field(t)
                .as_ref()
                .and_then(|r| lookup(ctx, r.get_ref(), r.span(), &key, words))
        }),
    }
}

const EMPTY: [(&str, EmptyTable); 2] = [
    ("statement", EmptyTable::Statement),
    ("omit", EmptyTable::Omit),
];
const ZERO: [(&str, ZeroCell); 2] = [("blank", ZeroCell::Blank), ("zero", ZeroCell::Zero)];

/// `[options]` other than share rounding and the 尾差 note.
pub fn options(raw: &RawOptions, ctx: &mut Ctx<'_>) -> Options {
    let [fund, soe, carryover] = per_case(
        ctx,
        raw.empty_tables.as_ref(),
        "options.empty_tables",
        &EMPTY,
        [
            ("fund", |t: &RawEmptyTables| &t.fund),
            ("soe", |t| &t.soe),
            ("carryover", |t| &t.carryover),
        ],
    );
    let [zero_tables, zero_performance] = per_case(
        ctx,
        raw.zero_cells.as_ref(),
        "options.zero_cells",
        &ZERO,
        [
            ("tables", |t: &RawZeroCells| &t.tables),
            ("performance", |t| &t.performance),
        ],
    );
    let total_row = word(
        ctx,
        raw.total_row.as_ref(),
        "options.total_row",
        &[("top", TotalRow::Top), ("bottom", TotalRow::Bottom)],
        TotalRow::Top,
    );
    let change_order = word(
        ctx,
        raw.change_order.as_ref(),
        "options.change_order",
        &[
            ("current_first", ChangeOrder::CurrentFirst),
            ("code", ChangeOrder::Code),
        ],
        ChangeOrder::Code,
    );
    Options {
        empty_tables: EmptyTables {
            fund: fund.unwrap_or_default(),
            soe: soe.unwrap_or_default(),
            carryover: carryover.unwrap_or_default(),
        },
        conventions: Conventions {
            total_row,
            zero_tables,
            zero_performance,
            unit_row: raw.unit_row.unwrap_or(true),
        },
        change_order,
    }
}

/// `[options] share_rounding`: how the shares of a total are rounded; default each on its
/// own, half-up from its exact ratio.
pub fn share_rounding(raw: Option<&RawText>, ctx: &mut Ctx<'_>) -> ShareRounding {
    match raw {
        None => ShareRounding::Independent,
        Some(r) => match r.get_ref().as_str() {
            "largest_remainder" => ShareRounding::LargestRemainder,
            "independent" => ShareRounding::Independent,
            other => {
                ctx.error(
                    Some(r.span()),
                    "options.share_rounding",
                    format!("未知的占比舍入方式“{other}”（unknown rounding）"),
                    Some("可选 \"independent\"（各项按精确比例分别四舍五入，默认）或 \"largest_remainder\"（最大余数法，合计恰为100.00%）"),
                );
                ShareRounding::Independent
            }
        },
    }
}

/// `[options] rounding_note`: the 尾差 note, checked as a text; the standard one when absent.
pub fn rounding_note(raw: Option<&RawText>, ctx: &mut Ctx<'_>, rules: &TextRules) -> String {
    match raw {
        Some(t) => ctx.text(t, "options.rounding_note", rules),
        None => crate::budget::DEFAULT_ROUNDING_NOTE.to_string(),
    }
}

/// `[overview] functions_numbering`.
pub fn numbering(raw: Option<&RawText>, ctx: &mut Ctx<'_>) -> Numbering {
    word(
        ctx,
        raw,
        "overview.functions_numbering",
        &Numbering::WORDS,
        Numbering::Chinese,
    )
}

/// `[performance] count_style`.
pub fn count_style(raw: Option<&RawText>, ctx: &mut Ctx<'_>) -> CountStyle {
    word(
        ctx,
        raw,
        "performance.count_style",
        &[("split", CountStyle::Split), ("total", CountStyle::Total)],
        CountStyle::Split,
    )
}

/// `[performance.funding]`.
pub fn funding(raw: Option<&RawFunding>, ctx: &mut Ctx<'_>) -> FundingRules {
    let d = FundingRules::default();
    let Some(raw) = raw else { return d };
    let mut w = |r: &Option<RawText>, key: &str, default: FundingRow| {
        word(
            ctx,
            r.as_ref(),
            &format!("performance.funding.{key}"),
            &FundingRow::WORDS,
            default,
        )
    };
    FundingRules {
        fiscal_carryover: w(
            &raw.fiscal_carryover,
            "fiscal_carryover",
            d.fiscal_carryover,
        ),
        nonfiscal_carryover: w(
            &raw.nonfiscal_carryover,
            "nonfiscal_carryover",
            d.nonfiscal_carryover,
        ),
        unit_funds: w(&raw.unit_funds, "unit_funds", d.unit_funds),
        special_account: w(&raw.special_account, "special_account", d.special_account),
    }
}

/// The leading numbering a clerk typed into a function's text (`（一）`, `1.`, `①` …), if any.
pub fn typed_numbering(text: &str) -> Option<String> {
    let t = text.trim_start();
    let chars: Vec<char> = t.chars().take(8).collect();
    let is_cn = |c: char| "一二三四五六七八九十".contains(c);
    let first = *chars.first()?;
    if ('①'..='⑳').contains(&first) {
        return Some(first.to_string());
    }
    if matches!(first, '（' | '(') {
        let close = chars.iter().position(|c| matches!(c, '）' | ')'))?;
        let inner = &chars[1..close];
        let numeric = !inner.is_empty()
            && (inner.iter().all(|c| c.is_ascii_digit()) || inner.iter().all(|c| is_cn(*c)));
        return numeric.then(|| chars[..=close].iter().collect());
    }
    let run = chars
        .iter()
        .take_while(|c| c.is_ascii_digit() || is_cn(**c))
        .count();
    let sep = chars.get(run).copied();
    let numbered = run > 0
        && run <= 3
        && matches!(sep, Some('、' | '.' | '．'))
        && !chars.get(run + 1).is_some_and(|c| c.is_ascii_digit());
    numbered.then(|| chars[..=run].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::typed_numbering;

    #[test]
    fn finds_typed_numbering() {
        for (t, n) in [
            ("（一）贯彻执行", Some("（一）")),
            ("(3)负责", Some("(3)")),
            ("12、组织", Some("12、")),
            ("1.负责", Some("1.")),
            ("三、负责", Some("三、")),
            ("②负责", Some("②")),
            ("贯彻执行", None),
            ("（含参照）", None),
            ("1.5亿元的项目", None),
            ("2024年起负责", None),
            ("一体化推进", None),
        ] {
            assert_eq!(typed_numbering(t).as_deref(), n, "{t}");
        }
    }
}
