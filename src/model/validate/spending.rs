//! Spending lines: basic (two cuts), projects, and the reconciliation of the two cuts.

use super::ctx::Ctx;
use super::text::TextRules;
use crate::model::budget::{BasicLine, EconomicLine, Project};
use crate::model::codes::{EconCode, FuncCode, Names};
use crate::model::raw::RawBudget;
use crate::model::source::Source;
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

fn check_econ_names(
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

/// Basic spending, both cuts.
pub fn basic(
    raw: &RawBudget,
    ctx: &mut Ctx<'_>,
    names: &Names,
) -> (Vec<BasicLine>, Vec<EconomicLine>) {
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
    (lines, econ)
}

/// Projects.
pub fn projects(
    raw: &RawBudget,
    ctx: &mut Ctx<'_>,
    names: &Names,
    rules: &TextRules,
) -> Vec<Project> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<(String, Source), Vec<(usize, Range<usize>)>> = BTreeMap::new();
    for (i, p) in raw.projects.iter().enumerate() {
        let key = format!("projects[{i}]");
        let near = near(&[
            p.name.as_ref().map(|n| n.span()),
            p.code.as_ref().map(|c| c.span()),
            p.economic.values().next().map(|v| v.span()),
            p.source.as_ref().map(|s| s.span()),
        ]);
        let name = ctx
            .required(&p.name, &format!("{key}.name"), near.clone())
            .map(|n| ctx.text(n, &format!("{key}.name"), rules))
            .unwrap_or_default();
        if name.is_empty() && p.name.is_some() {
            ctx.error(
                near.clone(),
                &format!("{key}.name"),
                "项目名称不能为空（empty project name）",
                None,
            );
        }
        let code = ctx
            .required(&p.code, &format!("{key}.code"), near.clone())
            .and_then(|c| ctx.func_item(c, &format!("{key}.code")));
        if let (Some(c), Some(raw_code)) = (&code, &p.code) {
            check_func_names(c, raw_code.span(), &format!("{key}.code"), names, ctx);
        }
        let source = ctx.source(p.source.as_ref(), &format!("{key}.source"));
        if let (false, Some(n)) = (name.is_empty(), &p.name) {
            seen.entry((name.clone(), source))
                .or_default()
                .push((i, n.span()));
        }
        let mut economic = Vec::new();
        for (k, v) in &p.economic {
            let ekey = format!("{key}.economic.{k}");
            let c = ctx.econ(k, v.span(), &ekey);
            if let Some(c) = &c {
                check_econ_names(c, v.span(), &ekey, names, ctx);
            }
            if let (Some(c), Some(m)) = (c, ctx.amount(v, &ekey)) {
                economic.push((c, m));
            }
        }
        if p.economic.is_empty() {
            ctx.error(
                near.clone(),
                &format!("{key}.economic"),
                "项目没有金额：economic 至少写一项（project has no amounts）",
                Some("例如 economic = { \"302\" = \"70.00\" }，键为经济分类编码"),
            );
        }
        let texts = [
            (&p.basis, "basis"),
            (&p.undertaker, "undertaker"),
            (&p.allocation, "allocation"),
            (&p.period, "period"),
            (&p.subsidy, "subsidy"),
            (&p.purpose, "purpose"),
        ];
        let mut vals: Vec<Option<String>> = Vec::new();
        for (t, k) in texts {
            vals.push(ctx.opt_text(t.as_ref(), &format!("{key}.{k}"), rules));
        }
        let needs_texts =
            !p.secret && source.fiscal_budget() == Some(crate::model::source::Budget::General);
        if needs_texts && (vals[0].is_none() || vals[2].is_none() || vals[3].is_none()) {
            ctx.warn(
                near.clone(),
                &key,
                format!("一般公共预算项目“{name}”缺少 basis / allocation / period，第三部分七将无法完整说明"),
                None,
            );
        }
        if source.is_carryover() && !p.secret && vals[5].is_none() {
            ctx.warn(
                near.clone(),
                &key,
                format!("结转项目“{name}”缺少 purpose（主要用于…），第三部分十一将无法说明"),
                None,
            );
        }
        let mut it = vals.into_iter();
        let mut next = || it.next().flatten();
        if let Some(code) = code {
            out.push(Project {
                name,
                code,
                source,
                economic,
                secret: p.secret,
                basis: next(),
                undertaker: next(),
                allocation: next(),
                period: next(),
                subsidy: next(),
                purpose: next(),
                span: near.clone(),
            });
        }
    }
    for ((name, source), places) in seen.into_iter().filter(|(_, v)| v.len() > 1) {
        let all: Vec<String> = places
            .iter()
            .map(|(i, _)| format!("projects[{i}]"))
            .collect();
        for (i, span) in places {
            ctx.error(
                Some(span),
                &format!("projects[{i}].name"),
                format!(
                    "项目“{name}”（{}）重复录入：{}（duplicate project: it would be counted twice）",
                    source.name(),
                    all.join("、")
                ),
                Some("同一项目、同一资金来源只写一次；项目由两个资金来源安排时，每个来源各写一条"),
            );
        }
    }
    out
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
