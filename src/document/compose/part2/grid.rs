//! What the 公开表 share: header cells and the header rows several tables repeat, the
//! column-numbering row, code cells, 类/款/项 rows, and the frame of a numbered table.

use crate::budget::codes::{FuncCode, Names};
use crate::derive::ledger::{Level, Tree, TreeRow};
use crate::document::model::{Cell, ColumnKind, Orientation, Row, RowRole, Sums, Table};
use crate::money::Money;

/// A centred header cell spanning `cols` × `rows`.
pub fn h(text: &str, cols: u16, rows: u16) -> Cell {
    Cell::center(text).span(cols, rows)
}

/// The `※ ※ ※ 1 2 3` column-numbering header row: `stars` stars, then 1..=`numbers`.
pub fn numbering(stars: usize, numbers: usize) -> Vec<Cell> {
    let mut v: Vec<Cell> = (0..stars).map(|_| Cell::center("※")).collect();
    v.extend((1..=numbers).map(|n| Cell::center(n.to_string())));
    v
}

/// The `类 | 款 | 项` header cells under a functional code heading.
pub fn class_kuan_item() -> Vec<Cell> {
    vec![h("类", 1, 1), h("款", 1, 1), h("项", 1, 1)]
}

/// The header of tables 3 and 5: 科目 | `group` over 合计/基本支出/项目支出.
pub fn spending_header(group: &str) -> Vec<Vec<Cell>> {
    vec![
        vec![h("科目", 4, 1), h(group, 3, 1)],
        vec![
            h("功能分类科目编码", 3, 1),
            h("功能分类科目名称", 1, 2),
            h("合计", 1, 2),
            h("基本支出", 1, 2),
            h("项目支出", 1, 2),
        ],
        class_kuan_item(),
        numbering(4, 3),
    ]
}

/// Tables 3 and 5: 合计 = 基本支出 + 项目支出 in every row, rows by level.
pub fn spending_sums() -> Sums {
    Sums {
        by_level: true,
        columns: vec![(4, vec![5, 6])],
        cells: Vec::new(),
    }
}

/// Amount cells, blank for zero.
pub fn amounts(values: &[Money]) -> Vec<Cell> {
    values.iter().map(|m| Cell::amount_blank_zero(*m)).collect()
}

/// The role and indentation of a tree level.
pub fn role(level: Level) -> (RowRole, u8) {
    match level {
        Level::Class => (RowRole::Class, 0),
        Level::Kuan => (RowRole::Kuan, 1),
        Level::Item => (RowRole::Item, 2),
    }
}

/// The 类 | 款 | 项 code cells of a functional row: `201`, `13`, `01`.
pub fn code_cells(code: &FuncCode) -> Vec<Cell> {
    let s = code.as_str();
    let part = |r: std::ops::Range<usize>| Cell::center(s.get(r).unwrap_or(""));
    vec![part(0..3), part(3..5), part(5..7)]
}

/// A `总计` row for a code table with `code_cols` code columns before the name.
pub fn total_row(label: &str, code_cols: usize, values: &[Money]) -> Row {
    let mut cells: Vec<Cell> = (0..code_cols).map(|_| Cell::center("")).collect();
    cells.push(Cell::center(label));
    cells.extend(amounts(values));
    Row {
        role: RowRole::Total,
        cells,
    }
}

/// One 类/款/项 row: code cells, indented name, amounts.
pub fn tree_row(row: &TreeRow, names: &Names) -> Row {
    let (role, indent) = role(row.level);
    let mut cells = code_cells(&row.code);
    cells.push(Cell::text(names.functional_or_code(&row.code)).indented(indent));
    cells.extend(amounts(&row.values));
    Row { role, cells }
}

/// Rows for a whole tree: 总计 then every 类/款/项.
pub fn tree_rows(tree: &Tree, names: &Names) -> Vec<Row> {
    let mut rows = vec![total_row("总计", 3, &tree.total)];
    rows.extend(tree.rows.iter().map(|r| tree_row(r, names)));
    rows
}

/// Column kinds for `codes` code columns, one name column and `amounts` amount columns.
pub fn code_columns(codes: usize, texts: usize, amounts: usize) -> Vec<ColumnKind> {
    let mut v = vec![ColumnKind::Code; codes];
    v.extend(std::iter::repeat_n(ColumnKind::Text, texts));
    v.extend(std::iter::repeat_n(ColumnKind::Amount, amounts));
    v
}

/// What every numbered 公开表 shares.
pub struct TableHead<'a> {
    /// 1–11.
    pub number: usize,
    /// Title.
    pub title: String,
    /// `编制部门：…` line.
    pub issuer: &'a str,
}

/// Assembles a numbered table.
pub fn table(
    head: TableHead<'_>,
    orientation: Orientation,
    columns: Vec<ColumnKind>,
    header: Vec<Vec<Cell>>,
    body: Vec<Row>,
    empty: Option<String>,
) -> Table {
    Table {
        id: format!("table-{}", head.number),
        label: Some(format!("表{}", head.number)),
        title: head.title,
        subtitle: None,
        subject: None,
        issuer: Some(head.issuer.to_string()),
        unit: Some("单位：万元".to_string()),
        orientation,
        columns,
        header,
        body,
        empty_statement: empty,
        rounding_note: None,
        sums: Sums::default(),
        body_heads: None,
    }
}

/// A row of a label cell (centred for a 合计/总计 row, else indented) and amount cells.
pub fn labelled(label: &str, values: &[Money], role: RowRole, indent: u8) -> Row {
    let mut cells = vec![if role == RowRole::Total {
        Cell::center(label)
    } else {
        Cell::text(label).indented(indent)
    }];
    cells.extend(amounts(values));
    Row { role, cells }
}

/// A plain body row of left/centre text cells.
pub fn plain(cells: Vec<Cell>) -> Row {
    Row {
        role: RowRole::Plain,
        cells,
    }
}
