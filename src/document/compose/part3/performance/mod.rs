//! 第三部分 十二（四） 预算绩效情况: the sentence counting the performance targets and their
//! amounts, then the 绩效目标表 themselves ([`tables`]).

mod tables;

use super::paragraph::p;
use crate::budget::options::CountStyle;
use crate::budget::Budget;
use crate::derive::totals::project_counts;
use crate::derive::Figures;
use crate::document::model::Block;
use crate::money::Money;
use tables::{project_tables, unit_table};

/// The blocks of （四）: the sentence, the unit-wide table, one table per project.
pub fn blocks(b: &Budget, f: &Figures<'_>) -> Vec<Block> {
    let c = project_counts(b, f);
    let unit = unit_table(b, f);
    let money = |m: Money| b.unit.money(m);
    let mut clauses = Vec::new();
    if unit.is_some() {
        let amount = f.performance_funding(&b.performance.funding).total();
        clauses.push(format!("整体预算绩效目标1个，涉及金额{}", money(amount)));
    }
    match b.performance.count_style {
        CountStyle::Split => {
            clauses.push(format!(
                "当年财政拨款项目{}个，涉及预算金额{}",
                c.fiscal.0,
                money(c.fiscal.1)
            ));
            clauses.push(format!(
                "当年非财政拨款项目{}个，涉及预算金额{}",
                c.nonfiscal.0,
                money(c.nonfiscal.1)
            ));
        }
        CountStyle::Total => clauses.push(format!(
            "当年预算安排项目共{}个，涉及预算金额{}",
            c.all.0,
            money(c.all.1)
        )),
    }
    // The amount published without a table: of the non-fiscal projects when they are
    // counted apart, of all projects when they are counted together.
    let untabled = match b.performance.count_style {
        CountStyle::Split => c.nonfiscal_untabled.1,
        CountStyle::Total => c.untabled.1,
    };
    if b.performance.untabled_amount && !untabled.is_zero() {
        if let Some(last) = clauses.last_mut() {
            last.push_str(&format!(
                "，其中未公开绩效目标表涉及金额{}",
                money(untabled)
            ));
        }
    }
    let mut blocks = vec![p(format!(
        "{}年，本{}预算绩效管理{}。具体情况见下表（按项目分别填报）：",
        b.unit.year,
        b.unit.scope.word(),
        clauses.join("；"),
    ))];
    blocks.extend(unit.map(Block::Table));
    blocks.extend(project_tables(b, f).into_iter().map(Block::Table));
    blocks
}
