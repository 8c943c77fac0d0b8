//! 上年预算: last year's figures and the reasons for each change.

use super::ctx::Ctx;
use super::spending::{check_func_names, near};
use super::text::TextRules;
use crate::budget::codes::{FuncCode, Names};
use crate::budget::{Comparison, IncomeKind, Prior, PriorSplit, ThreeKind};
use crate::input::raw::explicit::Explicit;
use crate::input::raw::{RawComparison, RawPrior, RawPriorIncome, RawPriorSplit, RawPriorThree};
use std::collections::BTreeMap;

fn comparison(
    raw: Option<&RawComparison>,
    key: &str,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
) -> Option<Comparison> {
    let raw = raw?;
    let near = raw.reason.as_ref().map(|r| r.span());
    let reason = ctx.opt_text(raw.reason.as_ref(), &format!("{key}.reason"), rules);
    let prior = ctx.req_amount(&raw.amount, &format!("{key}.amount"), near)?;
    Some(Comparison {
        prior,
        reason: reason.map(|r| r.trim_end_matches('。').to_string()),
        span: raw.amount.as_ref().map(|a| a.span()),
    })
}

fn split(raw: &RawPriorSplit, key: &str, ctx: &mut Ctx<'_>, rules: &TextRules) -> PriorSplit {
    PriorSplit {
        basic: comparison(raw.basic.as_ref(), &format!("{key}.basic"), ctx, rules),
        project: comparison(raw.project.as_ref(), &format!("{key}.project"), ctx, rules),
    }
}

/// Validates `[prior]`.
pub fn prior(raw: &RawPrior, ctx: &mut Ctx<'_>, names: &Names, rules: &TextRules) -> Prior {
    let income = income(&raw.income, |field, key| comparison(field, key, ctx, rules));
    let items = items(raw, ctx, names, rules);
    let three_public = three_public(raw, ctx, rules);
    Prior {
        income,
        spending: split(&raw.spending, "prior.spending", ctx, rules),
        general_budget: split(&raw.general_budget, "prior.general_budget", ctx, rules),
        items,
        three_public,
        operating: ctx
            .required(&raw.operating, "prior.operating", None)
            .and_then(|o| comparison(Some(o), "prior.operating", ctx, rules)),
    }
}

/// `[prior.income]`: each kind of income whose entry `read` accepts, given the entry and
/// its key (a figure and its reason; for a consolidating department, a reason only).
pub fn income(
    raw: &RawPriorIncome,
    mut read: impl FnMut(Option<&RawComparison>, &str) -> Option<Comparison>,
) -> BTreeMap<IncomeKind, Comparison> {
    let mut income = BTreeMap::new();
    for (kind, field) in IncomeKind::ALL.into_iter().zip(raw.in_kind_order()) {
        let key = format!("prior.income.{}", kind.key());
        if let Some(c) = read(field.as_ref(), &key) {
            income.insert(kind, c);
        }
    }
    income
}

/// `[[prior.items]]`: last year's 一般公共预算 by 功能分类 项, each 项 once.
fn items(
    raw: &RawPrior,
    ctx: &mut Ctx<'_>,
    names: &Names,
    rules: &TextRules,
) -> BTreeMap<FuncCode, Comparison> {
    let mut items = BTreeMap::new();
    for (n, item) in raw.items.iter().enumerate() {
        let key = format!("prior.items[{n}]");
        let near = near(&[
            item.code.as_ref().map(|c| c.span()),
            item.amount.as_ref().map(|a| a.span()),
            item.reason.as_ref().map(|r| r.span()),
        ]);
        let code = ctx
            .required(&item.code, &format!("{key}.code"), near.clone())
            .and_then(|c| ctx.func_item(c, &format!("{key}.code")));
        let amount = ctx.req_amount(&item.amount, &format!("{key}.amount"), near.clone());
        let reason = ctx.opt_text(item.reason.as_ref(), &format!("{key}.reason"), rules);
        if let Some(c) = &code {
            check_func_names(
                c,
                near.clone().unwrap_or_default(),
                &format!("{key}.code"),
                names,
                ctx,
            );
        }
        if let (Some(code), Some(prior)) = (code, amount) {
            if items.contains_key(&code) {
                ctx.error(
                    near.clone(),
                    &format!("{key}.code"),
                    format!("上年项目 {code} 重复（duplicate）"),
                    None,
                );
            }
            items.insert(
                code,
                Comparison {
                    prior,
                    reason: reason.map(|r| r.trim_end_matches('。').to_string()),
                    span: item.amount.as_ref().map(|a| a.span()),
                },
            );
        }
    }
    items
}

/// `prior.three_public`: last year's “三公” by item, required (or `"none"`, all zero).
fn three_public(
    raw: &RawPrior,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
) -> BTreeMap<ThreeKind, Comparison> {
    let none = RawPriorThree::default();
    let three = super::explicit_section(
        raw.three_public.as_ref(),
        "prior.three_public",
        "上年“三公”经费预算",
        ctx,
    );
    let declared_none = matches!(
        raw.three_public.as_ref().map(|t| t.get_ref()),
        Some(Explicit::None)
    );
    let t = three.unwrap_or(&none);
    let three_fields = t.in_kind_order();
    let mut three_public = BTreeMap::new();
    for (kind, field) in ThreeKind::ALL.into_iter().zip(three_fields) {
        let name = kind.key();
        if declared_none {
            three_public.insert(kind, Comparison::none());
            continue;
        }
        if three.is_some() {
            ctx.required(field, &format!("prior.three_public.{name}"), None);
        }
        if let Some(c) = comparison(
            field.as_ref(),
            &format!("prior.three_public.{name}"),
            ctx,
            rules,
        ) {
            three_public.insert(kind, c);
        }
    }
    three_public
}
