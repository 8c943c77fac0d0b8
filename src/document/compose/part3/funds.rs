//! 第三部分 八 (政府性基金预算拨款) and 九 (国有资本经营预算拨款).

use super::paragraph::{about, p, section};
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::ledger::Level;
use crate::derive::Figures;
use crate::document::compose::wording::{empty_statement, used_for};
use crate::document::model::Section;

/// 八 (政府性基金) and 九 (国有资本经营).
pub fn fund(b: &Budget, f: &Figures<'_>, which: Fiscal) -> Section {
    let (name, table) = match which {
        Fiscal::Soe => ("国有资本经营预算", "国有资本经营预算支出情况表"),
        _ => ("政府性基金预算", "政府性基金预算支出情况表"),
    };
    let tree = &f.budget_trees[&which];
    let heading = about(b, &format!("{name}拨款情况说明"));
    if tree.is_empty() {
        let text = empty_statement(b, &format!("{name}拨款安排的支出"), table);
        return section(heading, vec![p(text)]);
    }
    let mut blocks = vec![p(format!(
        "{}{}年{name}拨款支出{}，其中：基本支出{}，项目支出{}。",
        b.unit.name,
        b.unit.year,
        b.unit.money(tree.total[0]),
        b.unit.money(tree.total[1]),
        b.unit.money(tree.total[2])
    ))];
    for r in tree.level(Level::Class) {
        blocks.push(p(format!(
            "{}{}{}。",
            b.names.functional_or_code(&r.code),
            b.unit.money(r.values[0]),
            used_for(b.purposes.get(&r.code))
        )));
    }
    section(heading, blocks)
}
