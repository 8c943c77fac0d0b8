//! Projects: one line on the project itself, or several `[[projects.lines]]`; names and
//! economic splits required exactly where an output prints or uses them.

use super::ctx::Ctx;
use super::project_texts::{
    inherit_texts, project_texts, subsidy, unprinted_texts, warn_missing_texts, Use, TEXT_KEYS,
};
use super::spending::{check_econ_names, check_func_names, near};
use super::text::TextRules;
use crate::budget::codes::{EconCode, FuncCode, Names};
use crate::budget::source::{Budget as Fiscal, Source};
use crate::budget::{Project, ProjectId};
use crate::input::placeholder::is_placeholder;
use crate::input::raw::choice::RawSubsidy;
use crate::input::raw::{RawAmount, RawBudget, RawCode, RawProject, RawText};
use crate::money::Money;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// The fields one line is read from: the project itself, or one of its `lines`.
struct LineIn<'r> {
    key: String,
    code: &'r Option<RawCode>,
    source: Option<&'r RawText>,
    amount: &'r Option<RawAmount>,
    economic: Option<&'r BTreeMap<String, RawAmount>>,
    texts: [Option<&'r RawText>; 5],
    subsidy: Option<&'r Spanned<RawSubsidy>>,
}

fn lines_of<'r>(p: &'r RawProject, key: &str, ctx: &mut Ctx<'_>) -> Vec<LineIn<'r>> {
    if p.lines.is_empty() {
        return vec![LineIn {
            key: key.to_string(),
            code: &p.code,
            source: p.source.as_ref(),
            amount: &p.amount,
            economic: p.economic.as_ref(),
            texts: [None; 5],
            subsidy: None,
        }];
    }
    let on_project = [
        ("code", p.code.as_ref().map(|v| v.span())),
        ("source", p.source.as_ref().map(|v| v.span())),
        ("amount", p.amount.as_ref().map(|v| v.span())),
        (
            "economic",
            p.economic
                .as_ref()
                .and_then(|e| e.values().next().map(|v| v.span())),
        ),
    ];
    for (k, span) in on_project {
        if let Some(span) = span {
            ctx.error(
                Some(span),
                &format!("{key}.{k}"),
                format!("项目已分行（[[projects.lines]]），{k} 应写在各行里（both lines and a project-level {k}）"),
                Some("分行的项目，每行各写 code、source、economic 或 amount；项目本身只写名称和共同的说明"),
            );
        }
    }
    p.lines
        .iter()
        .enumerate()
        .map(|(j, l)| LineIn {
            key: format!("{key}.lines[{j}]"),
            code: &l.code,
            source: l.source.as_ref(),
            amount: &l.amount,
            economic: l.economic.as_ref(),
            texts: [
                l.basis.as_ref(),
                l.undertaker.as_ref(),
                l.allocation.as_ref(),
                l.period.as_ref(),
                l.purpose.as_ref(),
            ],
            subsidy: l.subsidy.as_ref(),
        })
        .collect()
}

/// A line's amount: the sum of its economic split (checked against `amount` when both are
/// written), or `amount` alone.
fn line_amount(
    l: &LineIn<'_>,
    near: Option<Range<usize>>,
    ctx: &mut Ctx<'_>,
    names: &Names,
) -> (Option<Money>, Vec<(EconCode, Money)>) {
    let mut economic = Vec::new();
    let mut unread = false;
    for (k, v) in l.economic.into_iter().flatten() {
        let ekey = format!("{}.economic.{k}", l.key);
        let c = ctx.econ(k, v.span(), &ekey);
        if let Some(c) = &c {
            check_econ_names(c, v.span(), &ekey, names, ctx);
        }
        match (c, ctx.amount(v, &ekey)) {
            (Some(c), Some(m)) => economic.push((c, m)),
            _ => unread = true,
        }
    }
    let key = format!("{}.amount", l.key);
    // An entry that could not be read (reported already) leaves the line's amount unknown:
    // `amount` is still read (and reported if bad), but not compared.
    if unread {
        if let Some(raw) = l.amount {
            ctx.declared(raw, &key);
        }
        return (None, economic);
    }
    let split: Option<Money> = l
        .economic
        .filter(|e| !e.is_empty())
        .map(|_| economic.iter().map(|(_, m)| *m).sum());
    match (split, l.amount) {
        (Some(sum), Some(raw)) => {
            if let Some(d) = ctx.declared(raw, &key) {
                if !d.matches(sum) {
                    ctx.error(
                        Some(raw.span()),
                        &key,
                        format!(
                            "amount {}与 economic 之和 {}不一致（amount differs from its economic split）",
                            d.value.describe(),
                            sum.describe()
                        ),
                        Some("金额由 economic 自动合计，可以删去 amount"),
                    );
                }
            }
            (Some(sum), economic)
        }
        (Some(sum), None) => (Some(sum), economic),
        (None, Some(raw)) => (ctx.amount(raw, &key), economic),
        (None, None) => {
            ctx.error(
                near,
                &format!("{}.economic", l.key),
                "项目没有金额：写 economic（按经济分类）或 amount（project has no amounts）",
                Some("例如 economic = { \"302\" = \"70.00\" }，键为经济分类编码"),
            );
            (None, economic)
        }
    }
}

/// What a line's source makes the document print: (its name, why), (its economic split, why).
fn needs(source: Source) -> (Option<&'static str>, Option<&'static str>) {
    let name = if source.fiscal_budget() == Some(Fiscal::General) {
        Some("表7和第三部分七列出一般公共预算项目的名称")
    } else if source.is_carryover() {
        Some("表11和第三部分十一列出结转项目的名称")
    } else {
        None
    };
    let economic = match source.fiscal_budget() {
        Some(Fiscal::General) => Some("表7按经济分类列出一般公共预算项目，“三公”经费也由它得出"),
        Some(_) => Some("财政拨款“三公”经费由项目的经济分类得出"),
        None => None,
    };
    (name, economic)
}

/// Projects, one [`Project`] per line.
pub fn projects(
    raw: &RawBudget,
    ctx: &mut Ctx<'_>,
    names: &Names,
    rules: &TextRules,
) -> Vec<Project> {
    let mut built = Built::default();
    let mut first_of: BTreeMap<String, usize> = BTreeMap::new();
    for (i, p) in raw.projects.iter().enumerate() {
        let shared = shared(p, i, &mut first_of, ctx, rules);
        let mut uses = Vec::new();
        for l in lines_of(p, &shared.key, ctx) {
            uses.push(line(&l, &shared, &mut built, ctx, names, rules));
        }
        let repeated = raw
            .projects
            .iter()
            .filter(|q| q.name.is_some() && q.name == p.name)
            .count()
            > 1;
        if !repeated {
            unprinted_texts(p, &shared.key, &uses, ctx);
        }
    }
    inherit_texts(&mut built.projects);
    warn_missing_texts(&built.projects, &built.places, ctx);
    duplicates(built.seen, ctx);
    built.projects
}

/// What a project gives all its lines: its key and place, name, id, texts and subsidy.
struct Shared<'r> {
    raw: &'r RawProject,
    key: String,
    near: Option<Range<usize>>,
    name: String,
    id: ProjectId,
    texts: Vec<Option<String>>,
    subsidy: Option<Vec<(String, String)>>,
}

/// The lines built so far: each complete line's project and place, and every line with a
/// code and a place by (project, 项, source), for [`duplicates`].
#[derive(Default)]
struct Built {
    projects: Vec<Project>,
    places: Vec<(String, Option<Range<usize>>)>,
    seen: Seen,
}

/// The project-level fields of `projects[i]`: its name (empty when not written), its id
/// (the first project of the same name, unless the name is empty or 待填写), its texts and
/// subsidy.
fn shared<'r>(
    p: &'r RawProject,
    i: usize,
    first_of: &mut BTreeMap<String, usize>,
    ctx: &mut Ctx<'_>,
    rules: &TextRules,
) -> Shared<'r> {
    let key = format!("projects[{i}]");
    let near0 = near(&[
        p.name.as_ref().map(|n| n.span()),
        p.code.as_ref().map(|c| c.span()),
        p.lines
            .first()
            .and_then(|l| l.code.as_ref().map(|c| c.span())),
        p.source.as_ref().map(|s| s.span()),
    ])
    .or_else(|| super::header_span(ctx.src, "projects"));
    let name = p
        .name
        .as_ref()
        .map(|n| ctx.text(n, &format!("{key}.name"), rules))
        .unwrap_or_default();
    if name.is_empty() && p.name.is_some() {
        ctx.error(
            near0.clone(),
            &format!("{key}.name"),
            "项目名称不能为空（empty project name）",
            Some("不需要打印名称的项目（如单位资金项目）可以不写 name，但不能写空"),
        );
    }
    let id = ProjectId(if name.is_empty() || is_placeholder(&name) {
        i
    } else {
        *first_of.entry(name.clone()).or_insert(i)
    });
    let mut texts: Vec<Option<String>> = Vec::new();
    for (t, k) in project_texts(p).into_iter().zip(TEXT_KEYS) {
        texts.push(ctx.opt_text(t, &format!("{key}.{k}"), rules));
    }
    let subsidy = subsidy(p.subsidy.as_ref(), &key, ctx, rules);
    Shared {
        raw: p,
        key,
        near: near0,
        name,
        id,
        texts,
        subsidy,
    }
}

/// One line of a project, validated; recorded in `built` (a [`Project`] when complete).
/// Returns what [`unprinted_texts`] needs of it.
fn line<'r>(
    l: &LineIn<'r>,
    shared: &Shared<'_>,
    built: &mut Built,
    ctx: &mut Ctx<'_>,
    names: &Names,
    rules: &TextRules,
) -> Use<'r> {
    let near = near(&[
        l.code.as_ref().map(|c| c.span()),
        l.amount.as_ref().map(|c| c.span()),
        l.source.map(|s| s.span()),
    ])
    .or(shared.near.clone());
    let code = line_code(l, near.clone(), ctx, names);
    let source = ctx.source(l.source, &format!("{}.source", l.key));
    let (amount, economic) = line_amount(l, near.clone(), ctx, names);
    // An unreadable source was reported already; what it would require is unknown.
    let known = l
        .source
        .is_none_or(|r| Source::parse(r.get_ref()).is_some());
    if known {
        report_needs(source, l, shared, economic.is_empty(), near.clone(), ctx);
    }
    let mut texts = Vec::new();
    for (t, k) in l.texts.into_iter().zip(TEXT_KEYS) {
        texts.push(ctx.opt_text(t, &format!("{}.{k}", l.key), rules));
    }
    let line_subsidy = subsidy(l.subsidy, &l.key, ctx, rules);
    let pick = |j: usize| texts[j].clone().or_else(|| shared.texts[j].clone());
    if let (Some(c), Some(n)) = (&code, near.clone()) {
        built
            .seen
            .entry((shared.id, c.clone(), source))
            .or_default()
            .push((l.key.clone(), n, shared.name.clone()));
    }
    if let (Some(code), Some(amount)) = (code, amount) {
        built.projects.push(Project {
            id: shared.id,
            name: shared.name.clone(),
            code,
            source,
            amount,
            economic,
            secret: shared.raw.secret,
            basis: pick(0),
            undertaker: pick(1),
            allocation: pick(2),
            period: pick(3),
            subsidy: line_subsidy
                .or_else(|| shared.subsidy.clone())
                .unwrap_or_default(),
            purpose: pick(4),
            span: near.clone(),
            member: None,
        });
        built.places.push((l.key.clone(), near));
    }
    (
        l.key.clone(),
        l.texts,
        l.subsidy.map(|s| s.span()),
        known.then_some(source),
    )
}

/// A line's code, required: a 功能分类 项 with names for it, its 款 and its 类.
fn line_code(
    l: &LineIn<'_>,
    near: Option<Range<usize>>,
    ctx: &mut Ctx<'_>,
    names: &Names,
) -> Option<FuncCode> {
    let code = ctx
        .required(l.code, &format!("{}.code", l.key), near)
        .and_then(|c| ctx.func_item(c, &format!("{}.code", l.key)));
    if let (Some(c), Some(raw_code)) = (&code, l.code) {
        check_func_names(c, raw_code.span(), &format!("{}.code", l.key), names, ctx);
    }
    code
}

/// Reports what a line's source makes the document print and the line lacks: the
/// project's name, or an economic split.
fn report_needs(
    source: Source,
    l: &LineIn<'_>,
    shared: &Shared<'_>,
    no_economic: bool,
    near: Option<Range<usize>>,
    ctx: &mut Ctx<'_>,
) {
    let (needs_name, needs_economic) = needs(source);
    if let (Some(why), true, None) = (needs_name, shared.name.is_empty(), &shared.raw.name) {
        ctx.error(
            shared.near.clone(),
            &format!("{}.name", shared.key),
            format!("缺少项目名称 name：{why}（missing project name）"),
            Some("写上项目名称；单位资金等不打印名称的项目才可以不写"),
        );
    }
    if let (Some(why), true, true) = (needs_economic, no_economic, l.economic.is_none()) {
        ctx.error(
            near,
            &format!("{}.economic", l.key),
            format!("财政拨款项目需要按经济分类列出金额：{why}（missing economic split）"),
            Some("写 economic = { \"302\" = \"…\" }，键为经济分类编码，值之和即项目金额"),
        );
    }
}

/// Project lines by (project, 项, source): each one's key, place and project name.
type Seen = BTreeMap<(ProjectId, FuncCode, Source), Vec<(String, Range<usize>, String)>>;

/// The same project, 项 and source written twice: reported at every place.
fn duplicates(seen: Seen, ctx: &mut Ctx<'_>) {
    for ((_, code, source), places) in seen.into_iter().filter(|(_, v)| v.len() > 1) {
        let all: Vec<&str> = places.iter().map(|(k, _, _)| k.as_str()).collect();
        let all = all.join("、");
        for (key, span, name) in &places {
            let what = if name.is_empty() {
                format!("项目行（{code}，{}）", source.name())
            } else if key.contains(".lines[") {
                format!("项目“{name}”的 {code}（{}）行", source.name())
            } else {
                format!("项目“{name}”（{}）", source.name())
            };
            let name_key = if key.contains(".lines[") {
                format!("{key}.code")
            } else {
                format!("{key}.name")
            };
            ctx.error(
                Some(span.clone()),
                &name_key,
                format!("{what}重复录入：{all}（duplicate project: it would be counted twice）"),
                Some("同一项目的同一科目、同一资金来源只写一次；项目由多个科目或资金来源安排时，每个各写一行"),
            );
        }
    }
}
