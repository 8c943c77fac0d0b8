//! The units of a department checked against it and against each other: each a 单位 of the
//! same year and classification edition, listed once, exactly one of them the 本级; and
//! what the department file says about them (下属单位, 机关运行经费's units, `[names]`)
//! consistent with the list.

use super::load::Loaded;
use crate::budget::codes::Names;
use crate::budget::{Budget, Member, Scope, Unit};
use crate::diagnostic::header_span;
use crate::input::raw::RawBudget;
use crate::input::validate::Ctx;
use std::collections::BTreeMap;
use std::ops::Range;

/// Where a member is listed: its entry's key and place in the department file.
pub type Place = (String, Range<usize>);

/// The members, when every listed file was read, is clean and fits the department; every
/// misfit is reported at its entry.
pub fn members(
    listed: usize,
    loaded: Vec<Loaded>,
    dept: &Budget,
    ctx: &mut Ctx<'_>,
    at: Option<Range<usize>>,
) -> Option<(Vec<Member>, Vec<Place>)> {
    let mut ok = loaded.len() == listed;
    let own_names: Vec<&String> = std::iter::once(&dept.unit.name)
        .chain(&dept.unit.aliases)
        .collect();
    let mut out = Vec::new();
    let mut places = Vec::new();
    for l in loaded {
        ok &= l.clean;
        let Some(b) = l.budget else {
            ok = false;
            continue;
        };
        let place = (l.key, l.span);
        ok &= fits(&b.unit, &l.file.name, &place, dept, &out, ctx);
        out.push(Member {
            name: b.unit.name.clone(),
            own: own_names.contains(&&b.unit.name),
            file: l.file,
            budget: b,
        });
        places.push(place);
    }
    ok &= one_own(&out, &places, dept, at, ctx);
    ok.then_some((out, places))
}

/// True when a unit fits the department: a 单位 of the same year and classification
/// edition, not listed before (`before`); each misfit is reported at its entry.
fn fits(
    u: &Unit,
    file: &str,
    (key, span): &Place,
    dept: &Budget,
    before: &[Member],
    ctx: &mut Ctx<'_>,
) -> bool {
    let mut ok = true;
    let mut misfit = |msg: String, hint: &str| {
        ctx.error(Some(span.clone()), key, msg, Some(hint));
        false
    };
    if u.scope != Scope::Unit {
        ok &= misfit(
            format!("单位文件“{file}”的 scope 是“部门”，应为“单位”（not a unit）"),
            "部门汇总只列单位文件（scope = \"单位\"）；本级也写成一个单位文件",
        );
    }
    if u.year != dept.unit.year {
        ok &= misfit(
            format!(
                "单位文件“{file}”的预算年度是 {}，本部门是 {}（year differs）",
                u.year, dept.unit.year
            ),
            "部门只汇总同一年度的单位预算：检查是否列了上一年的文件",
        );
    }
    if u.classification != dept.unit.classification {
        ok &= misfit(
            format!(
                "单位文件“{file}”按 {} 年版分类科目编制，本部门是 {} 年版（classification differs）",
                u.classification, dept.unit.classification
            ),
            "各单位与部门须使用同一版政府收支分类科目：统一 [unit] classification",
        );
    }
    if before.iter().any(|m| m.name == u.name) {
        ok &= misfit(
            format!("单位“{}”列了两次（duplicate unit）", u.name),
            "每个单位只列一次；两个文件写了同一个单位名称时，检查是否列错了文件",
        );
    }
    ok
}

/// True when exactly one member is the 本级 (or there are none); no 本级, or each one after
/// the first, is reported.
fn one_own(
    out: &[Member],
    places: &[Place],
    dept: &Budget,
    at: Option<Range<usize>>,
    ctx: &mut Ctx<'_>,
) -> bool {
    let mut ok = true;
    let own: Vec<usize> = (0..out.len()).filter(|i| out[*i].own).collect();
    if own.is_empty() && !out.is_empty() {
        ok = false;
        ctx.error(
            at,
            "consolidate.units",
            format!(
                "没有本级单位：没有哪个单位文件的名称是“{}”或它的别名（no 本级 unit）",
                dept.unit.name
            ),
            Some("本级单位文件的 [unit] name 写部门名称；或把它的名称（如“XX局本级”）加入部门文件的 [unit] aliases"),
        );
    }
    for i in own.iter().skip(1) {
        ok = false;
        ctx.error(
            Some(places[*i].1.clone()),
            &places[*i].0,
            format!(
                "单位“{}”和“{}”都是本级（two 本级 units）",
                out[own[0]].name, out[*i].name
            ),
            Some("只有一个单位是本级：它的名称是部门名称或部门的别名"),
        );
    }
    ok
}

/// The classification names of the department: the units' `[names]` and the department's
/// own, one name per code; two different names for one code are reported at the entry of
/// the unit that gives the second.
pub fn names(dept: &Names, members: &[Member], places: &[Place], ctx: &mut Ctx<'_>) -> Names {
    let mut merged: BTreeMap<String, (String, String)> = dept
        .extra()
        .iter()
        .map(|(c, n)| (c.clone(), (n.clone(), "部门文件".to_string())))
        .collect();
    for (m, (key, span)) in members.iter().zip(places) {
        for (code, name) in m.budget.names.extra() {
            match merged.get(code) {
                Some((other, from)) if other != name => ctx.error(
                    Some(span.clone()),
                    key,
                    format!(
                        "编码 {code} 的名称不一致：“{}”的 [names] 写“{name}”，{from}写“{other}”（conflicting names）",
                        m.file.name
                    ),
                    Some("同一编码在部门内只能有一个名称：统一各文件 [names] 中的写法"),
                ),
                Some(_) => {}
                None => {
                    merged.insert(code.clone(), (name.clone(), format!("“{}”", m.file.name)));
                }
            }
        }
    }
    Names::with_extra(&merged.into_iter().map(|(c, (n, _))| (c, n)).collect())
}

/// The department's 下属单位 are the units other than the 本级; a hand-written list and
/// the units covered by 机关运行经费 must agree with them.
pub fn overview(raw: &RawBudget, dept: &mut Budget, members: &[Member], ctx: &mut Ctx<'_>) {
    let subs: Vec<String> = members
        .iter()
        .filter(|m| !m.own)
        .map(|m| m.name.clone())
        .collect();
    let mut written = dept.overview.subordinates.clone();
    let mut derived = subs.clone();
    written.sort();
    derived.sort();
    if !written.is_empty() && written != derived {
        let span = raw
            .overview
            .as_ref()
            .and_then(|o| o.subordinates.first())
            .map(|s| s.span());
        ctx.error(
            span,
            "overview.subordinates",
            format!(
                "下属单位与 [consolidate] 列出的单位不一致，应为：{}（subordinates contradict the units）",
                if subs.is_empty() { "无".to_string() } else { subs.join("、") }
            ),
            Some("删去 subordinates（由 [consolidate] 的单位得出），或改成与之一致"),
        );
    }
    if let Some((a, i)) = dept.overview.operating_units {
        let n = subs.len();
        if usize::try_from(a + i).ok() != Some(n) {
            let span = raw
                .overview
                .as_ref()
                .and_then(|o| o.operating_units.as_ref())
                .and_then(|u| u.administrative.as_ref().or(u.institutions.as_ref()))
                .map(|c| c.span())
                .or_else(|| header_span(ctx.src, "overview.operating_units"));
            ctx.error(
                span,
                "overview.operating_units",
                format!("机关运行经费涵盖的下属单位 {} 家，但 [consolidate] 列出下属单位 {n} 家（operating units contradict the units）", a + i),
                Some("部门的机关运行经费是各单位之和：行政单位与事业单位家数之和应等于下属单位数"),
            );
        }
    }
    dept.overview.subordinates = subs;
}
