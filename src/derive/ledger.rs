//! The ledger: every line of spending flattened to (功能分类 项, source, basic/project,
//! amount), and the 类/款/项 rollup every code-tree table is built from.

use crate::budget::codes::FuncCode;
use crate::budget::source::Source;
use crate::budget::{Budget, Project};
use crate::money::Money;
use std::collections::BTreeMap;

/// 基本支出 or 项目支出.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
}

/// One line of spending.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// 功能分类 项.
    pub code: &'a FuncCode,
    /// Source of funds.
    pub source: Source,
    /// Basic or project.
    pub kind: Kind,
    /// Amount.
    pub amount: Money,
    /// The project, for project lines.
    pub project: Option<&'a Project>,
}

/// All spending lines of a budget, basic first, in input order.
pub fn entries(b: &Budget) -> Vec<Entry<'_>> {
    let basic = b.basic.iter().map(|l| Entry {
        code: &l.code,
        source: l.source,
        kind: Kind::Basic,
        amount: l.amount,
        project: None,
    });
    let projects = b.projects.iter().map(|p| Entry {
        code: &p.code,
        source: p.source,
        kind: Kind::Project,
        amount: p.total(),
        project: Some(p),
    });
    basic.chain(projects).collect()
}

/// The level of a rollup row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// 类.
    Class,
    /// 款.
    Kuan,
    /// 项.
    Item,
}

/// One row of a 类/款/项 rollup.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeRow {
    /// Level.
    pub level: Level,
    /// The code at this level.
    pub code: FuncCode,
    /// Column values.
    pub values: Vec<Money>,
}

/// A rollup: the 总计 values and the rows in code order; parents are sums of children.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// Column totals.
    pub total: Vec<Money>,
    /// 类, 款, 项 rows, depth-first in code order.
    pub rows: Vec<TreeRow>,
}

impl Tree {
    /// True when no row has any money.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows of one level.
    pub fn level(&self, level: Level) -> impl Iterator<Item = &TreeRow> {
        self.rows.iter().filter(move |r| r.level == level)
    }
}

/// The 项 rows of a tree under each 款, with their values.
type Kuans<'a> = BTreeMap<FuncCode, Vec<(&'a FuncCode, &'a Vec<Money>)>>;

/// Rolls entries up by 类/款/项. `columns` maps an entry to its values in `width`
/// columns (None drops it). Rows whose values are all zero are left out.
pub fn rollup<'a, F>(entries: &[Entry<'a>], width: usize, columns: F) -> Tree
where
    F: Fn(&Entry<'a>) -> Option<Vec<Money>>,
{
    let mut items: BTreeMap<FuncCode, Vec<Money>> = BTreeMap::new();
    for e in entries {
        if let Some(vals) = columns(e) {
            let slot = items
                .entry(e.code.clone())
                .or_insert_with(|| vec![Money::ZERO; width]);
            for (s, v) in slot.iter_mut().zip(vals) {
                *s += v;
            }
        }
    }
    items.retain(|_, v| v.iter().any(|m| !m.is_zero()));
    let mut total = vec![Money::ZERO; width];
    let mut rows = Vec::new();
    let mut classes: BTreeMap<FuncCode, Kuans<'_>> = BTreeMap::new();
    for (code, vals) in &items {
        classes
            .entry(code.class())
            .or_default()
            .entry(code.kuan())
            .or_default()
            .push((code, vals));
    }
    for (class, kuans) in classes {
        let class_at = rows.len();
        rows.push(TreeRow {
            level: Level::Class,
            code: class,
            values: vec![Money::ZERO; width],
        });
        for (kuan, leaves) in kuans {
            let kuan_at = rows.len();
            rows.push(TreeRow {
                level: Level::Kuan,
                code: kuan,
                values: vec![Money::ZERO; width],
            });
            for (code, vals) in leaves {
                for i in 0..width {
                    rows[kuan_at].values[i] += vals[i];
                    rows[class_at].values[i] += vals[i];
                    total[i] += vals[i];
                }
                rows.push(TreeRow {
                    level: Level::Item,
                    code: code.clone(),
                    values: vals.clone(),
                });
            }
        }
    }
    Tree { total, rows }
}

/// Sum of the entries selected by `pick`.
pub fn sum<'a>(entries: &[Entry<'a>], pick: impl Fn(&Entry<'a>) -> bool) -> Money {
    entries.iter().filter(|e| pick(e)).map(|e| e.amount).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn code(s: &str) -> FuncCode {
        FuncCode::parse(s).unwrap()
    }

    proptest! {
        #[test]
        fn parents_are_sums_of_children(lines in prop::collection::vec((0usize..6, 0i64..1_000_000, any::<bool>()), 1..40)) {
            let pool = ["2011301", "2011308", "2014004", "2080501", "2080505", "2101101"];
            let codes: Vec<FuncCode> = pool.iter().map(|c| code(c)).collect();
            let entries: Vec<Entry> = lines.iter().map(|(i, cents, basic)| Entry {
                code: &codes[*i],
                source: Source::General,
                kind: if *basic { Kind::Basic } else { Kind::Project },
                amount: Money::new(Decimal::new(*cents, 2)),
                project: None,
            }).collect();
            let tree = rollup(&entries, 3, |e| Some(vec![
                e.amount,
                if e.kind == Kind::Basic { e.amount } else { Money::ZERO },
                if e.kind == Kind::Project { e.amount } else { Money::ZERO },
            ]));
            let grand: Money = entries.iter().map(|e| e.amount).sum();
            prop_assert_eq!(tree.total[0], grand);
            prop_assert_eq!(tree.total[0], tree.total[1] + tree.total[2]);
            let class_sum: Money = tree.level(Level::Class).map(|r| r.values[0]).sum();
            prop_assert_eq!(class_sum, grand);
            for (i, row) in tree.rows.iter().enumerate() {
                let child = match row.level { Level::Class => Level::Kuan, Level::Kuan => Level::Item, Level::Item => continue };
                let kids: Money = tree.rows[i + 1..].iter()
                    .take_while(|r| r.level != row.level && !(row.level == Level::Kuan && r.level == Level::Class))
                    .filter(|r| r.level == child)
                    .map(|r| r.values[0]).sum();
                prop_assert_eq!(kids, row.values[0]);
                prop_assert_eq!(row.values[0], row.values[1] + row.values[2]);
            }
        }
    }

    #[test]
    fn zero_rows_are_dropped() {
        let c = code("2011301");
        let e = vec![Entry {
            code: &c,
            source: Source::General,
            kind: Kind::Basic,
            amount: Money::ZERO,
            project: None,
        }];
        assert!(rollup(&e, 1, |e| Some(vec![e.amount])).is_empty());
    }
}
