//! The texts of projects: subsidy blocks, texts a second entry of the same project shares,
//! and warnings for texts missing where 第三部分 needs them or written where nothing prints
//! them.

use super::ctx::Ctx;
use super::spending::near;
use super::text::TextRules;
use crate::budget::source::{Budget as Fiscal, Source};
use crate::budget::Project;
use crate::input::raw::choice::RawSubsidy;
use crate::input::raw::{RawProject, RawText};
use std::ops::Range;
use toml::Spanned;

/// The label of a subsidy written as one text.
pub const SUBSIDY_LABEL: &str = "补助对象、补助标准";

/// The texts of a line in order: basis, undertaker, allocation, period, purpose.
pub const TEXT_KEYS: [&str; 5] = ["basis", "undertaker", "allocation", "period", "purpose"];

/// The project-level texts, in [`TEXT_KEYS`] order.
pub fn project_texts(p: &RawProject) -> [Option<&RawText>; 5] {
    [
        p.basis.as_ref(),
        p.undertaker.as_ref(),
        p.allocation.as_ref(),
        p.period.as_ref(),
        p.purpose.as_ref(),
    ]
}

/// A subsidy as (label, text) lines.
pub fn subsidy(
    raw: Option<&Spanned<RawSubsidy>>,
    key: &str,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
) -> Option<Vec<(String, String)>> {
    let raw = raw?;
    let key = format!("{key}.subsidy");
    match raw.get_ref() {
        RawSubsidy::Text(t) => {
            let text = ctx.text(&Spanned::new(raw.span(), t.clone()), &key, rules);
            Some(vec![(SUBSIDY_LABEL.to_string(), text)])
        }
        RawSubsidy::Lines(lines) => {
            if lines.is_empty() {
                ctx.error(
                    Some(raw.span()),
                    &key,
                    "补助说明是空列表（empty subsidy list）",
                    Some("删去 subsidy，或写成 [{ label = \"补贴标准\", text = \"…\" }, …]"),
                );
            }
            let mut out = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                let k = format!("{key}[{i}]");
                let near = near(&[&l.label, &l.text].map(|f| f.as_ref().map(|v| v.span())))
                    .or(Some(raw.span()));
                let label = ctx.req_text(&l.label, &format!("{k}.label"), near.clone(), rules);
                let text = ctx.req_text(&l.text, &format!("{k}.text"), near, rules);
                out.push((label.trim_end_matches(['：', ':']).to_string(), text));
            }
            Some(out)
        }
    }
}

/// A line as [`unprinted_texts`] sees it: key, own texts, own subsidy's place, source
/// (`None` when unreadable).
pub type Use<'r> = (
    String,
    [Option<&'r RawText>; 5],
    Option<Range<usize>>,
    Option<Source>,
);

/// Warns about texts no output prints: the 第三部分七 texts of a line that is not 一般公共预算
/// (or is 涉密), and 主要用于 of a line that is not carried over. Often the sign of a wrong
/// `source`.
pub fn unprinted_texts(p: &RawProject, key: &str, uses: &[Use<'_>], ctx: &mut Ctx<'_>) {
    let printed = |j: usize, source: Source| {
        !p.secret
            && if j == 4 {
                source.is_carryover()
            } else {
                source.fiscal_budget() == Some(Fiscal::General)
            }
    };
    // Unknown sources were reported already: treat their texts as printed.
    let used_by = |j: usize, u: &Use<'_>| u.3.is_none_or(|s| printed(j, s));
    let why = |j: usize| {
        if p.secret {
            "涉密项目的说明一律印“完全不予公开”"
        } else if j == 4 {
            "第三部分十一只说明上年结转的项目"
        } else {
            "第三部分七只说明一般公共预算项目"
        }
    };
    let mut warn = |span: Option<Range<usize>>, k: String, j: usize| {
        ctx.warn(
            span,
            &k,
            format!("{k} 不会印出：{}（unused entry）", why(j)),
            Some("检查这个项目的 source 是否写错；不需要时删去这一项"),
        );
    };
    let shared = project_texts(p);
    for (j, name) in TEXT_KEYS.iter().enumerate() {
        if let Some(t) = shared[j].filter(|_| !uses.iter().any(|u| used_by(j, u))) {
            warn(Some(t.span()), format!("{key}.{name}"), j);
        }
        for u in uses {
            if let Some(t) = u.1[j].filter(|_| !used_by(j, u)) {
                warn(Some(t.span()), format!("{}.{name}", u.0), j);
            }
        }
    }
    if let Some(s) = p
        .subsidy
        .as_ref()
        .filter(|_| !uses.iter().any(|u| used_by(0, u)))
    {
        warn(Some(s.span()), format!("{key}.subsidy"), 0);
    }
    for u in uses {
        if let Some(span) = u.2.clone().filter(|_| !used_by(0, u)) {
            warn(Some(span), format!("{}.subsidy", u.0), 0);
        }
    }
}

/// A project written twice with the same name (one entry per source) shares the first
/// entry's texts where its own are missing.
pub fn inherit_texts(lines: &mut [Project]) {
    for i in 0..lines.len() {
        let Some(first) = lines[..i].iter().find(|l| l.id == lines[i].id).cloned() else {
            continue;
        };
        let l = &mut lines[i];
        for (mine, theirs) in [
            (&mut l.basis, &first.basis),
            (&mut l.undertaker, &first.undertaker),
            (&mut l.allocation, &first.allocation),
            (&mut l.period, &first.period),
            (&mut l.purpose, &first.purpose),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        if l.subsidy.is_empty() {
            l.subsidy.clone_from(&first.subsidy);
        }
    }
}

/// Warns where 第三部分七 or 十一 will miss a text.
pub fn warn_missing_texts(
    lines: &[Project],
    places: &[(String, Option<Range<usize>>)],
    ctx: &mut Ctx<'_>,
) {
    for (l, (key, near)) in lines.iter().zip(places) {
        let name = &l.name;
        let general = l.source.fiscal_budget() == Some(Fiscal::General);
        if general
            && !l.secret
            && (l.basis.is_none() || l.allocation.is_none() || l.period.is_none())
        {
            ctx.warn(
                near.clone(),
                key,
                format!("一般公共预算项目“{name}”缺少 basis / allocation / period，第三部分七将无法完整说明"),
                None,
            );
        }
        if l.source.is_carryover() && !l.secret && l.purpose.is_none() {
            ctx.warn(
                near.clone(),
                key,
                format!("结转项目“{name}”缺少 purpose（主要用于…），第三部分十一将无法说明"),
                None,
            );
        }
    }
}
