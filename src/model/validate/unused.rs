//! Entries that nothing uses: a `[purposes]` text for a 类 with no spending would never be
//! printed (an error: the clerk meant another class), a `[names]` entry for a code no line
//! uses is harmless but stale (a warning). Each is named with its location.

use super::ctx::Ctx;
use crate::model::budget::{BasicLine, EconomicLine, Project};
use crate::model::codes::FuncCode;
use crate::model::raw::RawBudget;
use std::collections::BTreeSet;

/// The functional codes (with their 类 and 款) and economic codes (with their 类) in use.
struct InUse {
    functional: BTreeSet<String>,
    economic: BTreeSet<String>,
}

fn in_use(
    basic: &[BasicLine],
    econ: &[EconomicLine],
    projects: &[Project],
    prior_items: &[&FuncCode],
) -> InUse {
    let mut functional = BTreeSet::new();
    let func = basic
        .iter()
        .map(|l| &l.code)
        .chain(projects.iter().map(|p| &p.code))
        .chain(prior_items.iter().copied());
    for c in func {
        for level in [c.class(), c.kuan(), c.clone()] {
            functional.insert(level.as_str().to_string());
        }
    }
    let mut economic = BTreeSet::new();
    let econ_codes = econ.iter().map(|l| &l.code).chain(
        projects
            .iter()
            .flat_map(|p| p.economic.iter().map(|(c, _)| c)),
    );
    for c in econ_codes {
        economic.insert(c.class().as_str().to_string());
        economic.insert(c.as_str().to_string());
    }
    InUse {
        functional,
        economic,
    }
}

/// Reports every `[purposes]` and `[names]` entry that no line of the budget uses.
pub fn report(
    raw: &RawBudget,
    basic: &[BasicLine],
    econ: &[EconomicLine],
    projects: &[Project],
    prior_items: &[&FuncCode],
    ctx: &mut Ctx<'_>,
) {
    let used = in_use(basic, econ, projects, prior_items);
    let spent: BTreeSet<String> = basic
        .iter()
        .map(|l| &l.code)
        .chain(projects.iter().map(|p| &p.code))
        .map(|c| c.class().as_str().to_string())
        .collect();
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
    use crate::model::load_str;
    use std::path::Path;

    const BASE: &str = include_str!("../../../tests/fixtures/minimal.toml");

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
