//! Tables 1–4: 收支总体, 收入总体, 支出总体, 财政拨款收支总体.

use super::grid::{
    amounts, class_kuan_item, code_columns, h, numbering, plain, spending_header, spending_sums,
    table, tree_rows, TableHead,
};
use crate::budget::codes::{FuncCode, CLASS_LIST};
use crate::budget::source::{
    Budget as Fiscal, Source, FISCAL_CARRYOVER, NONFISCAL_CARRYOVER, SOURCES, UNIT_FUNDS,
};
use crate::budget::Budget;
use crate::derive::ledger::Tree;
use crate::derive::Figures;
use crate::document::model::{Align, Cell, ColumnKind, Orientation, Row, RowRole, Sums, Table};
use crate::money::Money;

/// The amount of some sources together.
fn src(f: &Figures<'_>, sources: &[Source]) -> Money {
    sources
        .iter()
        .map(|s| f.by_source.get(s).copied().unwrap_or_default())
        .sum()
}

/// The class list of tables 1 and 4: every 类 with its value columns from `tree`.
fn class_lines(b: &Budget, tree: &Tree) -> Vec<(String, Vec<Money>)> {
    CLASS_LIST
        .iter()
        .filter_map(|c| FuncCode::parse(c))
        .map(|code| {
            let values = tree
                .rows
                .iter()
                .find(|r| r.code == code)
                .map(|r| r.values.clone())
                .unwrap_or_else(|| vec![Money::ZERO; tree.total.len()]);
            (
                format!("{} {}", code, b.names.functional_or_code(&code)),
                values,
            )
        })
        .collect()
}

/// The cells of a side of tables 1 and 4 that has no line in this row: blank, not an amount.
fn no_line() -> (String, Cell) {
    let blank = Cell {
        align: Align::Right,
        ..Cell::text("")
    };
    (String::new(), blank)
}

/// The income side of table 1, line by line: its label and amount.
fn income_lines(f: &Figures<'_>) -> Vec<(&'static str, Money)> {
    use Source::*;
    let current: Vec<Source> = SOURCES
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| !s.is_carryover())
        .collect();
    vec![
        ("一、本年收入", src(f, &current)),
        ("1、一般公共预算拨款", src(f, &[General, GeneralTransfer])),
        ("其中：一般财力", src(f, &[General])),
        ("上级一般公共预算安排转移支付", src(f, &[GeneralTransfer])),
        ("2、基金预算拨款", src(f, &[Fund, FundTransfer])),
        ("其中：政府性基金收入", src(f, &[Fund])),
        ("上级政府性基金安排转移支付", src(f, &[FundTransfer])),
        ("3、国有资本经营预算拨款", src(f, &[Soe, SoeTransfer])),
        ("其中：国有资本经营收入", src(f, &[Soe])),
        ("上级国有资本经营预算安排转移支付", src(f, &[SoeTransfer])),
        ("4、财政专户核拨", src(f, &[SpecialAccount])),
        ("5、单位资金", src(f, &UNIT_FUNDS)),
        ("其中：事业收入", src(f, &[OperatingRevenue])),
        ("上级补助收入", src(f, &[SuperiorSubsidy])),
        ("附属单位上缴收入", src(f, &[AffiliateRemittance])),
        ("事业单位经营收入", src(f, &[BusinessRevenue])),
        ("其他收入", src(f, &[OtherRevenue])),
        (
            "二、上年结转结余",
            src(f, &FISCAL_CARRYOVER) + src(f, &NONFISCAL_CARRYOVER),
        ),
        ("1、财政拨款结转", src(f, &FISCAL_CARRYOVER)),
        ("其中：一般公共预算拨款", src(f, &[GeneralCarryover])),
        ("基金预算拨款", src(f, &[FundCarryover])),
        ("国有资本经营预算拨款", src(f, &[SoeCarryover])),
        ("2、非财政拨款结转结余", src(f, &NONFISCAL_CARRYOVER)),
        ("其中：财政专户核拨", src(f, &[SpecialAccountCarryover])),
        ("单位资金", src(f, &[UnitFundsCarryover])),
    ]
}

/// Table 1.
pub fn table1(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let left = income_lines(f);
    let right = class_lines(b, &f.spending_tree);
    let n = left.len().max(right.len());
    let sums = table1_sums(&left, right.len(), n);
    let mut body = table1_rows(&left, &right, n);
    body.push(Row {
        role: RowRole::Total,
        cells: vec![
            Cell::center("收入总计"),
            Cell::amount(f.total),
            Cell::center("支出总计"),
            Cell::amount(f.total),
        ],
    });
    let header = vec![
        vec![h("收入", 2, 1), h("支出", 2, 1)],
        vec![
            h("项目", 1, 1),
            h("预算数", 1, 1),
            h("支出功能分类", 1, 1),
            h("预算数", 1, 1),
        ],
    ];
    table(
        TableHead {
            number: 1,
            title: format!("{}收支总体情况表", b.unit.scope.word()),
            issuer,
        },
        Orientation::Portrait,
        vec![
            ColumnKind::Text,
            ColumnKind::Amount,
            ColumnKind::Text,
            ColumnKind::Amount,
        ],
        header,
        body,
        None,
    )
    .with_sums(sums)
}

/// The `n` rows of table 1 above its total: an income line beside a 类 line, either side
/// blank where it has run out. Income lines are indented but for 一、二 and the numbered ones.
fn table1_rows(left: &[(&str, Money)], right: &[(String, Vec<Money>)], n: usize) -> Vec<Row> {
    (0..n)
        .map(|i| {
            let (lt, lv) = left
                .get(i)
                .map(|(t, v)| (t.to_string(), Cell::amount_blank_zero(*v)))
                .unwrap_or_else(no_line);
            let (rt, rv) = right
                .get(i)
                .map(|(t, v)| (t.clone(), Cell::amount_blank_zero(v[0])))
                .unwrap_or_else(no_line);
            let indent = u8::from(
                lt.starts_with("其中")
                    || !(lt.starts_with('一')
                        || lt.starts_with('二')
                        || lt.chars().next().is_some_and(|c| c.is_ascii_digit())),
            );
            plain(vec![
                Cell::text(lt).indented(indent),
                lv,
                Cell::text(rt),
                rv,
            ])
        })
        .collect()
}

/// The groups of table 1's income side: each total line and the lines it adds up.
const TABLE1_GROUPS: [(&str, &[&str]); 8] = [
    (
        "一、本年收入",
        &[
            "1、一般公共预算拨款",
            "2、基金预算拨款",
            "3、国有资本经营预算拨款",
            "4、财政专户核拨",
            "5、单位资金",
        ],
    ),
    (
        "1、一般公共预算拨款",
        &["其中：一般财力", "上级一般公共预算安排转移支付"],
    ),
    (
        "2、基金预算拨款",
        &["其中：政府性基金收入", "上级政府性基金安排转移支付"],
    ),
    (
        "3、国有资本经营预算拨款",
        &["其中：国有资本经营收入", "上级国有资本经营预算安排转移支付"],
    ),
    (
        "5、单位资金",
        &[
            "其中：事业收入",
            "上级补助收入",
            "附属单位上缴收入",
            "事业单位经营收入",
            "其他收入",
        ],
    ),
    (
        "二、上年结转结余",
        &["1、财政拨款结转", "2、非财政拨款结转结余"],
    ),
    (
        "1、财政拨款结转",
        &[
            "其中：一般公共预算拨款",
            "基金预算拨款",
            "国有资本经营预算拨款",
        ],
    ),
    ("2、非财政拨款结转结余", &["其中：财政专户核拨", "单位资金"]),
];

/// What adds up in table 1: the income side's groups (by their labels), the 收入总计 over
/// 一 and 二, and the 支出总计 over the 类 rows. The total row comes after `rows` rows.
fn table1_sums(left: &[(&str, Money)], classes: usize, rows: usize) -> Sums {
    let at = |label: &str| left.iter().position(|(l, _)| *l == label);
    let mut cells = Vec::new();
    for (total, parts) in TABLE1_GROUPS {
        let parts: Option<Vec<_>> = parts.iter().map(|p| at(p).map(|r| (r, 1))).collect();
        if let (Some(t), Some(parts)) = (at(total), parts) {
            cells.push(((t, 1), parts));
        }
    }
    if let (Some(one), Some(two)) = (at("一、本年收入"), at("二、上年结转结余")) {
        cells.push(((rows, 1), vec![(one, 1), (two, 1)]));
    }
    cells.push(((rows, 3), (0..classes).map(|r| (r, 3)).collect()));
    Sums {
        cells,
        ..Sums::default()
    }
}

/// Table 2.
pub fn table2(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let header = vec![
        vec![
            h("功能分类科目编码", 3, 1),
            h("功能分类科目名称", 1, 2),
            h("总计", 1, 2),
            h("财政拨款（补助）", 7, 1),
            h("财政专户（教育收费）", 1, 2),
            h("单位资金", 1, 2),
            h("财政拨款结转", 1, 2),
            h("非财政拨款结转结余", 1, 2),
        ],
        [
            class_kuan_item(),
            vec![
                h("财政拨款（补助）小计", 1, 1),
                h("一般公共预算", 1, 1),
                h("上级一般公共预算安排的转移支付", 1, 1),
                h("政府性基金预算", 1, 1),
                h("上级政府性基金安排的转移支付", 1, 1),
                h("国有资本经营预算", 1, 1),
                h("上级国有资本经营预算安排的转移支付", 1, 1),
            ],
        ]
        .concat(),
        numbering(4, 12),
    ];
    let body = tree_rows(&f.income_tree, &b.names);
    table(
        TableHead {
            number: 2,
            title: format!("{}收入总体情况表", b.unit.scope.word()),
            issuer,
        },
        Orientation::Landscape,
        code_columns(3, 1, 12),
        header,
        body,
        None,
    )
    .with_sums(Sums {
        by_level: true,
        // 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 两类结转; 小计 = its six columns.
        columns: vec![(4, vec![5, 12, 13, 14, 15]), (5, (6..12).collect())],
        cells: Vec::new(),
    })
}

/// Table 3.
pub fn table3(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    table(
        TableHead {
            number: 3,
            title: format!("{}支出总体情况表", b.unit.scope.word()),
            issuer,
        },
        Orientation::Portrait,
        code_columns(3, 1, 3),
        spending_header("支出预算"),
        tree_rows(&f.spending_tree, &b.names),
        None,
    )
    .with_sums(spending_sums())
}

/// Table 4.
pub fn table4(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let total = f.fiscal_total();
    let left = [
        ("一、财政拨款（补助）", total),
        ("一般公共预算", f.fiscal_of(Fiscal::General)),
        ("政府性基金预算", f.fiscal_of(Fiscal::Fund)),
        ("国有资本经营预算", f.fiscal_of(Fiscal::Soe)),
    ];
    let right = class_lines(b, &f.fiscal_tree);
    let sums = table4_sums(right.len());
    let mut body = table4_rows(&left, &right);
    let mut total_cells = vec![
        Cell::center("收入总计"),
        Cell::amount(total),
        Cell::center("支出总计"),
        Cell::amount(total),
    ];
    total_cells.extend(
        f.fiscal_tree
            .total
            .iter()
            .skip(1)
            .map(|m| Cell::amount_blank_zero(*m)),
    );
    body.push(Row {
        role: RowRole::Total,
        cells: total_cells,
    });
    let mut columns = vec![ColumnKind::Text, ColumnKind::Amount, ColumnKind::Text];
    columns.extend([ColumnKind::Amount; 4]);
    table(
        TableHead {
            number: 4,
            title: "财政拨款收支预算总体情况表".into(),
            issuer,
        },
        Orientation::Portrait,
        columns,
        table4_header(),
        body,
        None,
    )
    .with_sums(sums)
}

/// What adds up in table 4 (its total row after `rows` 类 rows): each spending column over
/// the 类 rows, 合计 over the three budgets, 财政拨款 over its three lines, 收入总计 = 财政拨款.
fn table4_sums(rows: usize) -> Sums {
    let mut cells: Vec<_> = (3..7)
        .map(|c| ((rows, c), (0..rows).map(|r| (r, c)).collect()))
        .collect();
    cells.push(((0, 1), vec![(1, 1), (2, 1), (3, 1)]));
    cells.push(((rows, 1), vec![(0, 1)]));
    Sums {
        by_level: false,
        columns: vec![(3, vec![4, 5, 6])],
        cells,
    }
}

/// The rows of table 4 above its total: a 类 line each, the income lines beside the first.
fn table4_rows(left: &[(&str, Money)], right: &[(String, Vec<Money>)]) -> Vec<Row> {
    right
        .iter()
        .enumerate()
        .map(|(i, (rt, rv))| {
            let (lt, lv) = left
                .get(i)
                .map(|(t, v)| (t.to_string(), Cell::amount_blank_zero(*v)))
                .unwrap_or_else(no_line);
            let mut cells = vec![
                Cell::text(lt).indented(u8::from(i > 0 && i < left.len())),
                lv,
                Cell::text(rt.clone()),
            ];
            cells.extend(amounts(rv));
            plain(cells)
        })
        .collect()
}

/// The header of table 4.
fn table4_header() -> Vec<Vec<Cell>> {
    vec![
        vec![h("财政拨款收入", 2, 1), h("财政拨款支出", 5, 1)],
        vec![
            h("项目", 1, 1),
            h("合计", 1, 1),
            h("支出功能分类", 1, 1),
            h("合计", 1, 1),
            h("一般公共预算", 1, 1),
            h("政府性基金预算", 1, 1),
            h("国有资本经营预算", 1, 1),
        ],
    ]
}
