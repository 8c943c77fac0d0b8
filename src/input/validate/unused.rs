//! Entries that nothing uses: a `[purposes]` text for a 类 with no spending would never be
//! printed (an error: the clerk meant another class), a `[names]` entry for a code no line
//! uses is harmless but stale (a warning). Each is named with its location.

use super::ctx::Ctx;
use crate::budget::codes::{EconCode, FuncCode};
use crate::budget::{BasicLine, EconomicLine, Project};
use crate::input::raw::{RawBudget, RawCode};
use std::collections::BTreeSet;

/// The codes the lines are written with: functional (with their 类 and 款), economic (with
/// their 类), and the 类 with spending this year. `complete` is false when some line's code
/// could not be read (left 待填写, mistyped or missing; reported where it is): what is in use
/// is then unknown, and nothing is reported unused.
struct InUse {
    functional: BTreeSet<String>,
    economic: BTreeSet<String>,
    spent: BTreeSet<String>,
    complete: bool,
}

fn code_text(raw: Option<&RawCode>) -> Option<String> {
    match raw?.get_ref() {
        toml::Value::String(s) => Some(s.trim().to_string()),
        toml::Value::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

fn in_use(raw: &RawBudget) -> InUse {
    let mut used = InUse {
        functional: BTreeSet::new(),
        economic: BTreeSet::new(),
        spent: BTreeSet::new(),
        complete: true,
    };
    let func = |code: Option<&RawCode>, spends: bool, used: &mut InUse| match code_text(code)
        .and_then(|t| FuncCode::parse(&t))
    {
        Some(c) if c.is_item() => {
            for level in [c.class(), c.kuan(), c.clone()] {
                used.functional.insert(level.as_str().to_string());
            }
            if spends {
                used.spent.insert(c.class().as_str().to_string());
            }
        }
        _ => used.complete = false,
    };
    for l in &raw.basic {
        func(l.code.as_ref(), true, &mut used);
    }
    let mut economic: Vec<Option<String>> = raw
        .basic_economic
        .iter()
        .map(|l| code_text(l.code.as_ref()))
        .collect();
    for p in &raw.projects {
        if p.lines.is_empty() {
            func(p.code.as_ref(), true, &mut used);
        }
        let splits = p
            .economic
            .iter()
            .chain(p.lines.iter().flat_map(|l| &l.economic));
        economic.extend(splits.flat_map(|e| e.keys().map(|k| Some(k.clone()))));
        for l in &p.lines {
            func(l.code.as_ref(), true, &mut used);
        }
    }
    for item in &raw.prior.items {
        func(item.code.as_ref(), false, &mut used);
    }
    for code in economic {
        match code.and_then(|t| EconCode::parse(&t)) {
            Some(c) => {
                used.economic.insert(c.class().as_str().to_string());
                used.economic.insert(c.as_str().to_string());
            }
            None => used.complete = false,
        }
    }
    used
}

/// The codes a department's summed lines use (its own file has no lines).
fn summed_in_use(
    basic: &[BasicLine],
    econ: &[EconomicLine],
    projects: &[Project],
    prior_items: &[&FuncCode],
) -> InUse {
    let mut used = InUse {
        functional: BTreeSet::new(),
        economic: BTreeSet::new(),
        spent: BTreeSet::new(),
        complete: true,
    };
    let spending = basic
        .iter()
        .map(|l| &l.code)
        .chain(projects.iter().map(|p| &p.code));
    for c in spending.clone().chain(prior_items.iter().copied()) {
        for level in [c.class(), c.kuan(), c.clone()] {
            used.functional.insert(level.as_str().to_string());
        }
    }
    used.spent = spending.map(|c| c.class().as_str().to_string()).collect();
    let econ_codes = econ.iter().map(|l| &l.code).chain(
        projects
            .iter()
            .flat_map(|p| p.economic.iter().map(|(c, _)| c)),
    );
    for c in econ_codes {
        used.economic.insert(c.class().as_str().to_string());
        used.economic.insert(c.as_str().to_string());
    }
    used
}

/// Reports every `[purposes]` and `[names]` entry that no line of the budget uses.
pub fn report(raw: &RawBudget, ctx: &mut Ctx<'_>) {
    report_against(raw, in_use(raw), ctx);
}

/// [`report`] for a department that sums its units: the entries of its file against the
/// summed lines.
pub fn report_summed(
    raw: &RawBudget,
    basic: &[BasicLine],
    econ: &[EconomicLine],
    projects: &[Project],
    prior_items: &[&FuncCode],
    ctx: &mut Ctx<'_>,
) {
    report_against(raw, summed_in_use(basic, econ, projects, prior_items), ctx);
}

fn report_against(raw: &RawBudget, used: InUse, ctx: &mut Ctx<'_>) {
    if !used.complete {
        return;
    }
    let spent = &used.spent;
    for (code, text) in &raw.purposes {
        let code = code.trim();
        if FuncCode::parse(code).is_some_and(|c| c.as_str().len() == 3) && !spent.contains(code) {
            ctx.error(
                Some(text.span()),
                &format!("purposes.{code}"),
                format!("[purposes] 写了类 {code} 的用途，但本年没有这一类的支出，这段说明不会出现在公开文件中（unused entry）"),
                Some("检查类级编码是否写错；如果这一类今年确实没有支出，删去这一条"),
            );
        }
    }
    for (code, text) in &raw.names {
        let code = code.trim();
        let economic = code.starts_with('3') && code.len() <= 5;
        let is_used = if economic {
            used.economic.contains(code)
        } else {
            used.functional.contains(code)
        };
        if !is_used {
            ctx.warn(
                Some(text.span()),
                &format!("names.{code}"),
                format!(
                    "[names] 为编码 {code} 写了名称，但没有任何一行用到这个编码（unused entry）"
                ),
                Some("检查编码是否写错；不再使用的名称可以删去"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::input::load_str;
    use std::path::Path;

    const BASE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.toml"
    ));

    fn messages(extra: &str) -> Vec<(bool, String)> {
        messages_of(&format!("{BASE}\n{extra}"))
    }

    fn messages_of(src: &str) -> Vec<(bool, String)> {
        let (_, diags) = load_str(src, Path::new("."));
        diags
            .into_iter()
            .map(|d| (d.is_error(), d.message))
            .collect()
    }

    #[test]
    fn names_for_codes_in_use_pass_and_others_are_flagged() {
        let d = messages("[names]\n\"2010507\" = \"专项普查活动（新）\"\n\"2129999\" = \"其他\"\n");
        let unused: Vec<_> = d
            .iter()
            .filter(|(_, m)| m.contains("unused entry"))
            .collect();
        assert_eq!(unused.len(), 1, "{d:?}");
        assert!(!unused[0].0, "an unused name is a warning");
        assert!(unused[0].1.contains("2129999"));
    }

    #[test]
    fn a_purpose_for_a_class_without_spending_is_an_error() {
        let src = BASE.replace("[purposes]\n", "[purposes]\n\"208\" = \"用于社会保障\"\n");
        let d = messages_of(&src);
        let unused: Vec<_> = d
            .iter()
            .filter(|(_, m)| m.contains("unused entry"))
            .collect();
        assert_eq!(unused.len(), 1, "{d:?}");
        assert!(unused[0].0 && unused[0].1.contains("类 208"));
        assert!(messages_of(BASE)
            .iter()
            .all(|(_, m)| !m.contains("unused entry")));
    }
}
