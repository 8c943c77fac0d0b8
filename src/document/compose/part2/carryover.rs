//! Table 11: 上年结转结余情况明细表, the carried-over money by project under the unit's row
//! (a department summed from its units: under each unit's row).

use super::grid::{h, labelled, numbering, table, TableHead};
use crate::budget::Budget;
use crate::derive::figures::{figures, CarryoverRow};
use crate::derive::Figures;
use crate::document::compose::wording::no_carryover;
use crate::document::model::{Cell, CellRef, ColumnKind, Orientation, Row, RowRole, Sums, Table};
use crate::money::Money;

/// The rows of table 11, and for the 总计 row and each unit row the item rows it adds up.
struct Body {
    rows: Vec<Row>,
    adds: Vec<(usize, Vec<usize>)>,
}

/// Table 11.
pub fn table11(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let body = if f.carryover.is_empty() {
        Body {
            rows: Vec::new(),
            adds: Vec::new(),
        }
    } else {
        rows(b, f)
    };
    let empty = f.carryover.is_empty().then(|| no_carryover(b));
    let mut columns = vec![ColumnKind::Text];
    columns.extend([ColumnKind::Amount; 9]);
    // 总计 = every item row; a unit row = its item rows.
    let cells: Vec<(CellRef, Vec<CellRef>)> = (1..10)
        .flat_map(|c| {
            body.adds
                .iter()
                .map(move |(at, items)| ((*at, c), items.iter().map(|r| (*r, c)).collect()))
        })
        .collect();
    table(
        TableHead {
            number: 11,
            title: "上年结转结余情况明细表".into(),
            issuer,
        },
        Orientation::Portrait,
        columns,
        header(),
        body.rows,
        empty,
    )
    .with_sums(Sums {
        by_level: false,
        columns: vec![(1, vec![2, 6]), (2, vec![3, 4, 5]), (6, vec![7, 8, 9])],
        cells,
    })
}

/// 总计, then each unit's row (when printed) and its projects' rows.
fn rows(b: &Budget, f: &Figures<'_>) -> Body {
    let unit_row = b.options.conventions.unit_row;
    let mut body = vec![labelled("总计", &sum(&f.carryover), RowRole::Total, 0)];
    let mut adds: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new())];
    for (unit, rows) in units(b, f) {
        let group = unit_row.then(|| {
            adds.push((body.len(), Vec::new()));
            body.push(labelled(&unit, &sum(&rows), RowRole::Group, 0));
            adds.len() - 1
        });
        for r in &rows {
            let at = body.len();
            adds[0].1.push(at);
            if let Some(g) = group {
                adds[g].1.push(at);
            }
            body.push(labelled(
                &r.name,
                &values(&r.fiscal, &r.nonfiscal),
                RowRole::Item,
                1,
            ));
        }
    }
    Body { rows: body, adds }
}

/// The carried-over projects under each unit row: a department summed from its units (when
/// unit rows are printed) by unit, each unit's own; otherwise all under the unit.
fn units(b: &Budget, f: &Figures<'_>) -> Vec<(String, Vec<CarryoverRow>)> {
    if b.options.conventions.unit_row && b.is_consolidated() {
        b.members
            .iter()
            .map(|m| (m.label(), figures(&m.budget).carryover))
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    } else {
        vec![(b.unit.name.clone(), f.carryover.clone())]
    }
}

/// 总计, 财政拨款 (合计, 人员, 公用, 项目), 非财政拨款 (the same).
fn values(fi: &[Money; 3], nf: &[Money; 3]) -> Vec<Money> {
    let fs: Money = fi.iter().copied().sum();
    let ns: Money = nf.iter().copied().sum();
    vec![fs + ns, fs, fi[0], fi[1], fi[2], ns, nf[0], nf[1], nf[2]]
}

/// The figures of some rows added up.
fn sum(rows: &[CarryoverRow]) -> Vec<Money> {
    let mut fi = [Money::ZERO; 3];
    let mut nf = [Money::ZERO; 3];
    for r in rows {
        for i in 0..3 {
            fi[i] += r.fiscal[i];
            nf[i] += r.nonfiscal[i];
        }
    }
    values(&fi, &nf)
}

/// The header of table 11.
fn header() -> Vec<Vec<Cell>> {
    vec![
        vec![
            h("项目名称", 1, 3),
            h("总计", 1, 3),
            h("财政拨款", 4, 1),
            h("非财政拨款", 4, 1),
        ],
        vec![
            h("合计", 1, 2),
            h("基本支出", 2, 1),
            h("项目支出", 1, 2),
            h("合计", 1, 2),
            h("基本支出", 2, 1),
            h("项目支出", 1, 2),
        ],
        vec![
            h("人员经费", 1, 1),
            h("公用经费", 1, 1),
            h("人员经费", 1, 1),
            h("公用经费", 1, 1),
        ],
        numbering(1, 9),
    ]
}
