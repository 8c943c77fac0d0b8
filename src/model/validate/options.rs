//! `[options]` and the other presentation choices: each a word from a fixed list, reported
//! with the list when it is anything else.

use super::ctx::Ctx;
use crate::model::choice::Choice;
use crate::model::options::{
    ChangeOrder, Conventions, CountStyle, EmptyTable, EmptyTables, FundingRow, FundingRules,
    Numbering, Options, TotalRow, ZeroCell,
};
use crate::model::raw::{RawFunding, RawOptions, RawText};
use toml::Spanned;

/// One word of `words`, or `default` when absent; anything else is reported with the list.
pub fn word<T: Copy>(
    ctx: &mut Ctx<'_>,
    raw: Option<&RawText>,
    key: &str,
    words: &[(&str, T)],
    default: T,
) -> T {
    let Some(raw) = raw else { return default };
    let written = raw.get_ref().trim();
    match words.iter().find(|(w, _)| *w == written) {
        Some((_, v)) => *v,
        None => {
            report(ctx, raw.span(), key, written, words);
            default
        }
    }
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

/// A word for every case, or a table with a word per case, read by `each`.
fn choice<T, E: Copy>(
    ctx: &mut Ctx<'_>,
    raw: Option<&Spanned<Choice<T>>>,
    key: &str,
    words: &[(&str, E)],
    each: impl FnOnce(&mut Ctx<'_>, &T) -> Vec<Option<E>>,
) -> Option<Vec<Option<E>>> {
    let raw = raw?;
    match raw.get_ref() {
        Choice::All(w) => match words.iter().find(|(x, _)| x == w) {
            Some((_, v)) => Some(vec![Some(*v); 3]),
            None => {
                report(ctx, raw.span(), key, w, words);
                None
            }
        },
        Choice::Each(t) => Some(each(ctx, t)),
    }
}

const EMPTY: [(&str, EmptyTable); 2] = [
    ("statement", EmptyTable::Statement),
    ("omit", EmptyTable::Omit),
];
const ZERO: [(&str, ZeroCell); 2] = [("blank", ZeroCell::Blank), ("zero", ZeroCell::Zero)];

/// `[options]` other than share rounding and the 尾差 note.
pub fn options(raw: &RawOptions, ctx: &mut Ctx<'_>) -> Options {
    let opt = |ctx: &mut Ctx<'_>, r: &Option<RawText>, key: &str, words: &[(&str, _)]| {
        r.as_ref()
            .map(|r| word(ctx, Some(r), key, words, EmptyTable::Statement))
    };
    let empty = choice(
        ctx,
        raw.empty_tables.as_ref(),
        "options.empty_tables",
        &EMPTY,
        |ctx, t| {
            vec![
                opt(ctx, &t.fund, "options.empty_tables.fund", &EMPTY),
                opt(ctx, &t.soe, "options.empty_tables.soe", &EMPTY),
                opt(ctx, &t.carryover, "options.empty_tables.carryover", &EMPTY),
            ]
        },
    )
    .unwrap_or_default();
    let e = |i: usize| empty.get(i).copied().flatten().unwrap_or_default();
    let zero = choice(
        ctx,
        raw.zero_cells.as_ref(),
        "options.zero_cells",
        &ZERO,
        |ctx, t| {
            let z = |ctx: &mut Ctx<'_>, r: &Option<RawText>, key: &str| {
                r.as_ref()
                    .map(|r| word(ctx, Some(r), key, &ZERO, ZeroCell::Blank))
            };
            vec![
                z(ctx, &t.tables, "options.zero_cells.tables"),
                z(ctx, &t.performance, "options.zero_cells.performance"),
            ]
        },
    )
    .unwrap_or_default();
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
            fund: e(0),
            soe: e(1),
            carryover: e(2),
        },
        conventions: Conventions {
            total_row,
            zero_tables: zero.first().copied().flatten(),
            zero_performance: zero.get(1).copied().flatten(),
            unit_row: raw.unit_row.unwrap_or(true),
        },
        change_order,
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
