//! The key totals of a finished document, read from the tables it prints: what an index of
//! many budgets lists beside each unit. Nothing is computed here; every figure is a cell of
//! a printed 总计 row, its text exactly as the document prints it.

use super::model::{ColumnKind, Document, RowRole, Table};
use crate::budget::Unit;
use crate::money::Money;
use serde::Serialize;

/// Who a budget is about: its unit's name, budget year and scope word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitFacts {
    /// The unit's name.
    pub name: String,
    /// Budget year.
    pub year: i32,
    /// `部门` or `单位`.
    pub scope: String,
}

impl UnitFacts {
    /// The facts of a (possibly invalid) budget's `[unit]`.
    pub fn of(unit: &Unit) -> UnitFacts {
        UnitFacts {
            name: unit.name.clone(),
            year: unit.year,
            scope: unit.scope.word().to_string(),
        }
    }

    /// The facts a finished document prints.
    pub fn of_document(doc: &Document) -> UnitFacts {
        UnitFacts {
            name: doc.meta.unit_name.clone(),
            year: doc.meta.year,
            scope: doc.meta.scope.clone(),
        }
    }
}

/// One key total as the document prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyFigure {
    /// What it is, one of [`LABELS`].
    pub label: String,
    /// The printed text (`1,795.47`; empty where the table prints a zero blank).
    pub text: String,
    /// The exact amount, when the cell holds one.
    pub amount: Option<Money>,
}

/// The key totals of a document, in the order of [`LABELS`] (a figure whose table is
/// missing is left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// The unit the tables print amounts in (`万元` or `元`).
    pub unit: String,
    /// The figures.
    pub figures: Vec<KeyFigure>,
}

/// Where a key total is printed: its label, the title of its table (given the scope word)
/// and which amount cell of the table's 总计 row it is.
struct Key {
    label: &'static str,
    title: fn(&str) -> String,
    nth_amount: usize,
}

/// The key totals: table 1's 收入总计 and 支出总计, table 4's 财政拨款 收入总计, and
/// table 3's 基本支出 and 项目支出 (its 总计 row prints 合计, 基本支出, 项目支出).
const KEYS: [Key; 5] = [
    Key {
        label: "收入总计",
        title: overview_title,
        nth_amount: 0,
    },
    Key {
        label: "支出总计",
        title: overview_title,
        nth_amount: 1,
    },
    Key {
        label: "财政拨款",
        title: fiscal_title,
        nth_amount: 0,
    },
    Key {
        label: "基本支出",
        title: spending_title,
        nth_amount: 1,
    },
    Key {
        label: "项目支出",
        title: spending_title,
        nth_amount: 2,
    },
];

/// The labels of the key totals, in order.
pub const LABELS: [&str; 5] = ["收入总计", "支出总计", "财政拨款", "基本支出", "项目支出"];

fn overview_title(scope: &str) -> String {
    format!("{scope}收支总体情况表")
}

fn spending_title(scope: &str) -> String {
    format!("{scope}支出总体情况表")
}

fn fiscal_title(_: &str) -> String {
    "财政拨款收支预算总体情况表".to_string()
}

/// The key totals of a finished document, read from its printed tables.
pub fn totals(doc: &Document) -> Totals {
    let tables = doc.tables();
    let find = |title: &str| tables.iter().copied().find(|t| t.title == title);
    let scope = doc.meta.scope.as_str();
    let figures = KEYS
        .iter()
        .filter_map(|key| {
            let table = find(&(key.title)(scope))?;
            let cell = total_amounts(table).into_iter().nth(key.nth_amount)?;
            Some(KeyFigure {
                label: key.label.to_string(),
                text: cell.text.clone(),
                amount: cell.amount,
            })
        })
        .collect();
    let unit = find(&overview_title(scope))
        .and_then(|t| t.unit.as_deref())
        .map(|u| u.strip_prefix("单位：").unwrap_or(u).to_string())
        .unwrap_or_default();
    Totals { unit, figures }
}

/// The cells of a table's 总计 row that stand in amount columns, in order.
fn total_amounts(table: &Table) -> Vec<&super::model::Cell> {
    let Some(row) = table.body.iter().find(|r| r.role == RowRole::Total) else {
        return Vec::new();
    };
    let mut column = 0usize;
    let mut out = Vec::new();
    for cell in &row.cells {
        if table.columns.get(column) == Some(&ColumnKind::Amount) {
            out.push(cell);
        }
        column += usize::from(cell.colspan.max(1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::check_and_build;
    use std::path::Path;

    fn example(name: &str) -> Document {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let src = std::fs::read_to_string(dir.join(name)).unwrap();
        check_and_build(&src, &dir).1.expect("the example builds")
    }

    #[test]
    fn the_key_totals_are_the_printed_total_cells() {
        let doc = example("qitai-commerce-2024.toml");
        let t = totals(&doc);
        assert_eq!(t.unit, "万元");
        let labels: Vec<&str> = t.figures.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, LABELS);
        let text = |label: &str| {
            t.figures
                .iter()
                .find(|f| f.label == label)
                .map(|f| f.text.clone())
                .unwrap()
        };
        assert_eq!(text("收入总计"), text("支出总计"));
        for f in &t.figures {
            let amount = f
                .amount
                .expect("every key total of the example is an amount");
            assert_eq!(f.text, amount.grouped(), "{}", f.label);
        }
        let amount = |label: &str| {
            t.figures
                .iter()
                .find(|f| f.label == label)
                .and_then(|f| f.amount)
                .unwrap()
        };
        assert_eq!(
            amount("基本支出") + amount("项目支出"),
            amount("支出总计"),
            "table 3's 合计 is left out, its parts are taken"
        );
    }

    #[test]
    fn a_document_without_its_tables_has_no_key_totals() {
        let mut doc = example("manas-commerce-2024.toml");
        doc.parts.clear();
        assert!(totals(&doc).figures.is_empty());
    }
}
