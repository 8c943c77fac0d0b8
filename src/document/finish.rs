//! Finishing a built document in its display unit: every amount cell printed from its own
//! exact value, the 单位 line, and the 尾差 note under each table whose printed totals do
//! not equal the sum of their printed parts.
//!
//! Budget systems keep amounts to the 分; a disclosure prints each cell rounded half-up on
//! its own, so a printed total (the approved figure) may differ by a few hundredths from
//! the sum of the printed lines above it. The table then says so, as offices do.

use super::model::{Block, Cell, CellRef, Document, RowRole, Table};
use crate::budget::options::ZeroCell;
use crate::money::{Money, MoneyUnit};
use rust_decimal::Decimal;

/// How a finished document prints: its display unit, the 尾差 note's wording (`{unit}`
/// replaced), and how zero cells of the 公开表 and of the 绩效目标表 print (`None`: as built).
#[derive(Debug, Clone, Copy)]
pub struct Finish<'a> {
    /// Display unit.
    pub unit: MoneyUnit,
    /// 尾差 note template.
    pub note: &'a str,
    /// Zero cells of numbered tables.
    pub zero_tables: Option<ZeroCell>,
    /// Zero cells of the 绩效目标表.
    pub zero_performance: Option<ZeroCell>,
}

/// Prints every table of `doc` in its display unit and adds the 尾差 note where a table
/// needs it.
pub fn finish(doc: &mut Document, how: &Finish<'_>) {
    for part in &mut doc.parts {
        for section in &mut part.sections {
            for block in &mut section.blocks {
                if let Block::Table(t) = block {
                    let zero = if t.label.is_some() {
                        how.zero_tables
                    } else {
                        how.zero_performance
                    };
                    finish_table(t, how.unit, how.note, zero);
                }
            }
        }
    }
}

fn finish_table(t: &mut Table, unit: MoneyUnit, note_template: &str, zero: Option<ZeroCell>) {
    for cell in t.body.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if zero == Some(ZeroCell::Zero) && cell.blank_zero {
            cell.amount = Some(Money::ZERO);
            cell.blank_zero = false;
        }
        if let Some(m) = cell.amount {
            cell.text = unit.grouped(m);
            if zero == Some(ZeroCell::Blank) && m.is_zero() {
                cell.text.clear();
            }
        }
    }
    if t.unit.is_some() {
        t.unit = Some(format!("单位：{}", unit.name()));
    }
    t.rounding_note = has_tail(t, unit).then(|| note_template.replace("{unit}", unit.name()));
}

/// The printed value of a cell: its amount rounded in `unit`, zero for a blank amount cell,
/// `None` for a cell that holds text.
fn printed(t: &Table, at: CellRef, unit: MoneyUnit) -> Option<Decimal> {
    let cell: &Cell = t.body.get(at.0)?.cells.get(at.1)?;
    match cell.amount {
        Some(m) => Some(unit.rounded(m)),
        None if cell.text.is_empty() => Some(Decimal::ZERO),
        None => None,
    }
}

/// Every (total, parts) relation the table declares, in cell references.
pub fn relations(t: &Table) -> Vec<(CellRef, Vec<CellRef>)> {
    if t.body.is_empty() {
        return Vec::new();
    }
    let mut out = t.sums.cells.clone();
    for (row, r) in t.body.iter().enumerate() {
        for (total, parts) in &t.sums.columns {
            if *total < r.cells.len() {
                out.push(((row, *total), parts.iter().map(|c| (row, *c)).collect()));
            }
        }
    }
    if t.sums.by_level {
        out.extend(level_relations(t));
    }
    out
}

/// 总计 = Σ 类 rows; a group row = Σ the 类 rows under it; 类 = Σ its 款 rows; 款 = Σ its 项
/// rows; per amount cell.
fn level_relations(t: &Table) -> Vec<(CellRef, Vec<CellRef>)> {
    let roles: Vec<RowRole> = t.body.iter().map(|r| r.role).collect();
    let child_rows = |at: usize| -> Vec<usize> {
        let (child, stop): (RowRole, &[RowRole]) = match roles[at] {
            // A 总计 row adds up every 类 row, wherever it is printed.
            RowRole::Total => {
                return (0..roles.len())
                    .filter(|i| roles[*i] == RowRole::Class)
                    .collect()
            }
            // A unit row adds up the 类 rows up to the next unit's row.
            RowRole::Group => (RowRole::Class, &[RowRole::Group, RowRole::Total]),
            RowRole::Class => (RowRole::Kuan, &[RowRole::Class, RowRole::Total]),
            RowRole::Kuan => (
                RowRole::Item,
                &[RowRole::Kuan, RowRole::Class, RowRole::Total],
            ),
            _ => return Vec::new(),
        };
        let after = roles.iter().enumerate().skip(at + 1);
        after
            .take_while(|(_, r)| !stop.contains(r))
            .filter(|(_, r)| **r == child)
            .map(|(i, _)| i)
            .collect()
    };
    let mut out = Vec::new();
    for (row, r) in t.body.iter().enumerate() {
        let kids = child_rows(row);
        if kids.is_empty() {
            continue;
        }
        for (c, cell) in r.cells.iter().enumerate() {
            let is_amount_column = t
                .body
                .iter()
                .any(|other| other.cells.get(c).is_some_and(|x| x.amount.is_some()));
            if is_amount_column && (cell.amount.is_some() || cell.text.is_empty()) {
                out.push(((row, c), kids.iter().map(|k| (*k, c)).collect()));
            }
        }
    }
    out
}

/// True when some printed total differs from the sum of its printed parts.
pub fn has_tail(t: &Table, unit: MoneyUnit) -> bool {
    relations(t).iter().any(|(total, parts)| {
        let Some(total) = printed(t, *total, unit) else {
            return false;
        };
        let sum: Option<Decimal> = parts
            .iter()
            .map(|p| printed(t, *p, unit))
            .try_fold(Decimal::ZERO, |acc, v| v.and_then(|v| acc.checked_add(v)));
        sum.is_some_and(|s| s != total)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::DEFAULT_ROUNDING_NOTE;
    use crate::document::model::{Align, Orientation, Row, Sums};
    use crate::money::Money;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    fn row(role: RowRole, amounts: &[&str]) -> Row {
        let mut cells = vec![Cell::text("name")];
        cells.extend(amounts.iter().map(|a| Cell::amount_blank_zero(m(a))));
        Row { role, cells }
    }

    fn table(body: Vec<Row>, sums: Sums) -> Table {
        Table {
            id: "t".into(),
            label: None,
            title: "t".into(),
            subtitle: None,
            subject: None,
            issuer: None,
            unit: Some("单位：万元".into()),
            orientation: Orientation::Portrait,
            columns: Vec::new(),
            header: Vec::new(),
            body,
            empty_statement: None,
            rounding_note: None,
            sums,
            body_heads: None,
        }
    }

    fn levels() -> Sums {
        Sums {
            by_level: true,
            ..Sums::default()
        }
    }

    #[test]
    fn exact_leaves_that_round_apart_need_the_note() {
        // changji: 409.7149 + 100.5149 + 28.7049 + 42.615 = 581.5497 → 581.55 over 581.54
        let body = vec![
            row(RowRole::Total, &["581.5497"]),
            row(RowRole::Class, &["581.5497"]),
            row(RowRole::Kuan, &["581.5497"]),
            row(RowRole::Item, &["409.7149"]),
            row(RowRole::Item, &["100.5149"]),
            row(RowRole::Item, &["28.7049"]),
            row(RowRole::Item, &["42.615"]),
        ];
        let t = table(body, levels());
        assert!(has_tail(&t, MoneyUnit::Wan));
        // In 元 every cell is exact to the 分: no tail.
        assert!(!has_tail(&t, MoneyUnit::Yuan));
    }

    #[test]
    fn tables_that_add_up_get_no_note() {
        let body = vec![
            row(RowRole::Total, &["3.00", "1.00", "2.00"]),
            row(RowRole::Class, &["3.00", "1.00", "2.00"]),
            row(RowRole::Kuan, &["3.00", "1.00", "2.00"]),
            row(RowRole::Item, &["3.00", "1.00", "2.00"]),
        ];
        let sums = Sums {
            by_level: true,
            columns: vec![(1, vec![2, 3])],
            cells: Vec::new(),
        };
        let mut doc_table = table(body, sums);
        assert!(!has_tail(&doc_table, MoneyUnit::Wan));
        finish_table(&mut doc_table, MoneyUnit::Wan, DEFAULT_ROUNDING_NOTE, None);
        assert_eq!(doc_table.rounding_note, None);
    }

    #[test]
    fn a_column_total_that_rounds_apart_needs_the_note() {
        let body = vec![row(RowRole::Plain, &["0.011", "0.0055", "0.0055"])];
        let sums = Sums {
            columns: vec![(1, vec![2, 3])],
            ..Sums::default()
        };
        let mut t = table(body, sums);
        finish_table(&mut t, MoneyUnit::Wan, DEFAULT_ROUNDING_NOTE, None);
        assert_eq!(
            t.rounding_note.as_deref(),
            Some("注：本表金额单位为万元，因四舍五入，合计数与各分项之和可能存在尾差。")
        );
        assert_eq!(t.body[0].cells[1].align, Align::Right);
        assert_eq!(t.body[0].cells[1].text, "0.01");
        assert_eq!(t.body[0].cells[2].text, "0.01");
    }

    #[test]
    fn printing_in_yuan_relabels_and_reprints() {
        let body = vec![row(RowRole::Plain, &["1795.465"])];
        let mut t = table(body, Sums::default());
        finish_table(&mut t, MoneyUnit::Yuan, DEFAULT_ROUNDING_NOTE, None);
        assert_eq!(t.body[0].cells[1].text, "17,954,650.00");
        assert_eq!(t.unit.as_deref(), Some("单位：元"));
    }
}
