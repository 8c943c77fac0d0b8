//! The `[prior…]` sections of a department that sums its units: last year's figures are
//! the sum of the units' ones, so the department writes only the reasons for the changes of
//! its summed figures (`general = { reason = "…" }`, `[[prior.items]] code, reason`).

use crate::budget::codes::FuncCode;
use crate::budget::{Comparison, Prior, PriorSplit, ThreeKind};
use crate::diagnostic::header_span;
use crate::input::raw::explicit::Explicit;
use crate::input::raw::{RawComparison, RawPrior, RawPriorSplit, RawPriorThree};
use crate::input::validate::{prior, Ctx, TextRules};
use crate::money::Money;
use std::collections::BTreeMap;
use toml::Spanned;

const AMOUNT_HINT: &str =
    "汇总的部门文件中，上年预算数由各单位文件的上年预算数相加得出：删去 amount，只写 reason（变动原因）";

/// A reason for a summed figure: amount zero (the sum replaces it), the reason, and where
/// it is written.
fn reason(
    raw: Option<&RawComparison>,
    key: &str,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
) -> Option<Comparison> {
    let raw = raw?;
    if let Some(a) = &raw.amount {
        ctx.error(
            Some(a.span()),
            &format!("{key}.amount"),
            "汇总的部门文件不写上年预算数（amount in a consolidating department）",
            Some(AMOUNT_HINT),
        );
    }
    let Some(r) = &raw.reason else {
        if raw.amount.is_none() {
            ctx.error(
                header_span(ctx.src, key),
                key,
                "这一项没有写 reason（empty entry）",
                Some("写 reason = \"变动原因\"，或删去这一项"),
            );
        }
        return None;
    };
    let text = ctx.opt_text(Some(r), &format!("{key}.reason"), rules)?;
    Some(Comparison {
        prior: Money::ZERO,
        reason: Some(text.trim_end_matches('。').to_string()),
        span: Some(r.span()),
    })
}

fn split(raw: &RawPriorSplit, key: &str, ctx: &mut Ctx<'_>, rules: &TextRules) -> PriorSplit {
    PriorSplit {
        basic: reason(raw.basic.as_ref(), &format!("{key}.basic"), ctx, rules),
        project: reason(raw.project.as_ref(), &format!("{key}.project"), ctx, rules),
    }
}

/// Validates the `[prior…]` sections of a consolidating department: reasons only.
pub fn reasons(raw: &RawPrior, ctx: &mut Ctx<'_>, rules: &TextRules) -> Prior {
    let income = prior::income(&raw.income, |field, key| reason(field, key, ctx, rules));
    let items = items(raw, ctx, rules);
    let three_public = three_public(raw.three_public.as_ref(), ctx, rules);
    Prior {
        income,
        spending: split(&raw.spending, "prior.spending", ctx, rules),
        general_budget: split(&raw.general_budget, "prior.general_budget", ctx, rules),
        items,
        three_public,
        operating: reason(raw.operating.as_ref(), "prior.operating", ctx, rules),
    }
}

/// `[[prior.items]]`: a reason for a summed 项, each 项 once; an amount is refused.
fn items(raw: &RawPrior, ctx: &mut Ctx<'_>, rules: &TextRules) -> BTreeMap<FuncCode, Comparison> {
    let mut items = BTreeMap::new();
    for (n, item) in raw.items.iter().enumerate() {
        let key = format!("prior.items[{n}]");
        let near = item.reason.as_ref().map(|r| r.span());
        if let Some(a) = &item.amount {
            ctx.error(
                Some(a.span()),
                &format!("{key}.amount"),
                "汇总的部门文件不写上年预算数（amount in a consolidating department）",
                Some(AMOUNT_HINT),
            );
        }
        let code = ctx
            .required(&item.code, &format!("{key}.code"), near.clone())
            .and_then(|c| ctx.func_item(c, &format!("{key}.code")));
        let text = ctx.req_text(
            &item.reason,
            &format!("{key}.reason"),
            item.code.as_ref().map(|c| c.span()),
            rules,
        );
        let (Some(code), Some(span)) = (code, near) else {
            continue;
        };
        if items.contains_key(&code) {
            ctx.error(
                Some(span.clone()),
                &format!("{key}.code"),
                format!("上年项目 {code} 的原因重复（duplicate）"),
                None,
            );
        }
        items.insert(
            code,
            Comparison {
                prior: Money::ZERO,
                reason: Some(text.trim_end_matches('。').to_string()),
                span: Some(span),
            },
        );
    }
    items
}

/// `prior.three_public`: a reason for each summed “三公” item; `"none"` is refused (the
/// units say it).
fn three_public(
    raw: Option<&Spanned<Explicit<RawPriorThree>>>,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
) -> BTreeMap<ThreeKind, Comparison> {
    let mut three_public = BTreeMap::new();
    match raw.map(|t| (t.span(), t.get_ref())) {
        Some((span, Explicit::None)) => ctx.error(
            Some(span),
            "prior.three_public",
            "汇总的部门文件不写 three_public = \"none\"：上年“三公”经费由各单位文件汇总（none in a consolidating department）",
            Some("删去这一行；各单位文件各自写上年“三公”经费或 \"none\""),
        ),
        Some((_, Explicit::Given(t))) => {
            let fields = t.in_kind_order();
            for (kind, field) in ThreeKind::ALL.iter().zip(fields) {
                let key = format!("prior.three_public.{}", kind.key());
                if let Some(c) = reason(field.as_ref(), &key, ctx, rules) {
                    three_public.insert(*kind, c);
                }
            }
        }
        None => {}
    }
    three_public
}
