//! Spending lines: basic (two cuts), projects, and the reconciliation of the two cuts.

use super::ctx::Ctx;
use crate::budget::codes::{EconCode, FuncCode, Names};
use crate::budget::source::Source;
use crate::budget::{BasicLine, EconomicLine};
use crate::input::raw::RawBudget;
use crate::money::Money;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// The first present span among a table's keys, to locate problems of the table itself.
pub fn near(spans: &[Option<Range<usize>>]) -> Option<Range<usize>> {
    spans.iter().flatten().next().cloned()
}

/// Checks that a 功能分类 项 and its 款 and 类 have names.
pub fn check_func_names(
    code: &FuncCode,
    span: Range<usize>,
    key: &str,
    names: &Names,
    ctx: &mut Ctx<'_>,
) {
    let unknown = [code.class(), code.kuan(), code.clone()]
        .into_iter()
        .find(|c| names.functional(c).is_none());
    if let Some(c) = unknown {
        let near = names.nearest_functional(c.as_str(), 3);
        unknown_code(
            ctx,
            span,
            key,
            "功能分类编码",
            "functional",
            c.as_str(),
            &near,
        );
    }
}

/// Checks that an 经济分类 code and its 类 have names.
pub fn check_econ_names(
    code: &EconCode,
    span: Range<usize>,
    key: &str,
    names: &Names,
    ctx: &mut Ctx<'_>,
) {
    let unknown = [code.class(), code.clone()]
        .into_iter()
        .find(|c| names.economic(c).is_none());
    if let Some(c) = unknown {
        let near = names.nearest_economic(c.as_str(), 3);
        unknown_code(
            ctx,
            span,
            key,
            "经济分类编码",
            "economic",
            c.as_str(),
            &near,
        );
    }
}

/// Reports an unknown code, hinted with the nearest known ones
/// (`最接近的已有编码：2011301 行政运行、…`).
fn unknown_code(
    ctx: &mut Ctx<'_>,
    span: Range<usize>,
    key: &str,
    kind: &str,
    kind_en: &str,
    code: &str,
    near: &[(String, String)],
) {
    let list: Vec<String> = near.iter().map(|(c, n)| format!("{c} {n}")).collect();
    ctx.error(
        Some(span),
        key,
        format!("未知的{kind} {code}（unknown {kind_en} code）"),
        Some(&format!(
            "检查编码是否写错；最接近的已有编码：{}",
            list.join("、")
        )),
    );
}

/// Lines seen so far by (code, source): the first one's key and place, and whether it was
/// already reported as a duplicate.
type Seen = BTreeMap<(String, Source), (String, Option<Range<usize>>, bool)>;

/// Records a line; a second line with the same code and source is reported at both
/// places (the first one once).
fn duplicate(
    ctx: &mut Ctx<'_>,
    seen: &mut Seen,
    what: &str,
    source: Source,
    key: &str,
    near: Option<Range<usize>>,
) {
    let id = (what.to_string(), source);
    let Some((first_key, first_near, reported)) = seen.get_mut(&id) else {
        seen.insert(id, (key.to_string(), near, false));
        return;
    };
    let message = format!("{what}（{}）重复录入（duplicate line）", source.name());
    let hint = Some("同一科目、同一资金来源只写一行；否则这笔钱会被加两次");
    if !*reported {
        *reported = true;
        let (k, n) = (first_key.clone(), first_near.clone());
        ctx.error(n, &format!("{k}.code"), message.clone(), hint);
    }
    ctx.error(near, &format!("{key}.code"), message, hint);
}

/// True when a line's source is absent (the default) or a known name: an unreadable one was
/// reported, and the line is not compared with others under a guessed source.
fn readable(source: Option<&crate::input::raw::RawText>) -> bool {
    source.is_none_or(|s| Source::parse(s.get_ref()).is_some())
}

/// Basic spending, both cuts.
pub fn basic(
    raw: &RawBudget,
    ctx: &mut Ctx<'_>,
    names: &Names,
) -> (Vec<BasicLine>, Vec<EconomicLine>) {
    let lines = by_function(raw, ctx, names);
    let econ = by_economic_kuan(raw, ctx, names);
    (lines, econ)
}

/// `[[basic]]`: basic spending by 功能分类 项 and source, with its 人员经费 where written.
fn by_function(raw: &RawBudget, ctx: &mut Ctx<'_>, names: &Names) -> Vec<BasicLine> {
    let mut lines = Vec::new();
    let mut seen = Seen::new();
    for (i, l) in raw.basic.iter().enumerate() {
        let key = format!("basic[{i}]");
        let near = near(&[&l.code, &l.amount].map(|f| f.as_ref().map(|v| v.span())));
        let code = ctx
            .required(&l.code, &format!("{key}.code"), near.clone())
            .and_then(|c| ctx.func_item(c, &format!("{key}.code")));
        let source = ctx.source(l.source.as_ref(), &format!("{key}.source"));
        let amount = ctx.req_amount(&l.amount, &format!("{key}.amount"), near.clone());
        let personnel = l
            .personnel
            .as_ref()
            .and_then(|p| ctx.amount(p, &format!("{key}.personnel")));
        if let (Some(p), Some(a), Some(raw)) = (personnel, amount, l.personnel.as_ref()) {
            if p > a {
                ctx.error(
                    Some(raw.span()),
                    &format!("{key}.personnel"),
                    "人员经费超过该行金额（personnel exceeds amount）",
                    None,
                );
            }
        }
        if let Some(c) = &code {
            check_func_names(
                c,
                near.clone().unwrap_or_default(),
                &format!("{key}.code"),
                names,
                ctx,
            );
        }
        if let Some(c) = code.as_ref().filter(|_| readable(l.source.as_ref())) {
            duplicate(
                ctx,
                &mut seen,
                &format!("基本支出 {c}"),
                source,
                &key,
                near.clone(),
            );
        }
        if let (Some(code), Some(amount)) = (code, amount) {
            lines.push(BasicLine {
                code,
                source,
                amount,
                personnel,
                span: near.clone(),
            });
        }
    }
    lines
}

/// `[[basic_economic]]`: basic spending by 经济分类 款 and source.
fn by_economic_kuan(raw: &RawBudget, ctx: &mut Ctx<'_>, names: &Names) -> Vec<EconomicLine> {
    let mut econ = Vec::new();
    let mut seen = Seen::new();
    for (i, l) in raw.basic_economic.iter().enumerate() {
        let key = format!("basic_economic[{i}]");
        let near = near(&[&l.code, &l.amount].map(|f| f.as_ref().map(|v| v.span())));
        let code = ctx
            .required(&l.code, &format!("{key}.code"), near.clone())
            .and_then(|c| ctx.econ_kuan(c, &format!("{key}.code")));
        let source = ctx.source(l.source.as_ref(), &format!("{key}.source"));
        let amount = ctx.req_amount(&l.amount, &format!("{key}.amount"), near.clone());
        if let Some(c) = &code {
            check_econ_names(
                c,
                near.clone().unwrap_or_default(),
                &format!("{key}.code"),
                names,
                ctx,
            );
        }
        if let Some(c) = code.as_ref().filter(|_| readable(l.source.as_ref())) {
            duplicate(
                ctx,
                &mut seen,
                &format!("经济分类 {c}"),
                source,
                &key,
                near.clone(),
            );
        }
        if let (Some(code), Some(amount)) = (code, amount) {
            econ.push(EconomicLine {
                code,
                source,
                amount,
                span: near.clone(),
            });
        }
    }
    econ
}

/// Reconciles basic spending by function with basic spending by economic 款, per source.
pub fn reconcile(raw: &RawBudget, basic: &[BasicLine], econ: &[EconomicLine], ctx: &mut Ctx<'_>) {
    let mut by_func: BTreeMap<Source, Money> = BTreeMap::new();
    for l in basic {
        *by_func.entry(l.source).or_default() += l.amount;
    }
    let mut by_econ: BTreeMap<Source, Money> = BTreeMap::new();
    for l in econ {
        *by_econ.entry(l.source).or_default() += l.amount;
    }
    let sources: BTreeSet<Source> = by_func.keys().chain(by_econ.keys()).copied().collect();
    for s in sources {
        let f = by_func.get(&s).copied().unwrap_or_default();
        let e = by_econ.get(&s).copied().unwrap_or_default();
        if f != e {
            let span = raw
                .basic_economic
                .iter()
                .find_map(|l| l.code.as_ref().map(|c| c.span()))
                .or_else(|| {
                    raw.basic
                        .iter()
                        .find_map(|l| l.code.as_ref().map(|c| c.span()))
                });
            let diff = f - e;
            ctx.error(
                span,
                "basic_economic",
                format!(
                    "{}基本支出两种口径不一致：按功能分类合计 {}，按经济分类合计 {}，相差 {}（functional and economic totals differ）",
                    s.name(),
                    f.describe(),
                    e.describe(),
                    diff.describe()
                ),
                Some("[[basic]]（功能分类）与 [[basic_economic]]（经济分类）是同一笔钱的两种分类，合计必须相等"),
            );
        }
    }
}
