//! Tables 5–7: 一般公共预算支出, 基本支出（经济分类）, 项目支出.

use super::grid::{
    amounts, class_kuan_item, code_cells, code_columns, h, numbering, spending_header,
    spending_sums, table, total_row, tree_rows, TableHead,
};
use crate::budget::codes::EconCode;
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, Project};
use crate::derive::ledger::Kind;
use crate::derive::Figures;
use crate::document::compose::wording::empty_statement;
use crate::document::model::{Cell, Orientation, Row, RowRole, Sums, Table};
use crate::money::Money;
use std::collections::BTreeMap;

/// Table 5.
pub fn table5(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let tree = &f.budget_trees[&Fiscal::General];
    let (body, empty) = if tree.is_empty() {
        (
            Vec::new(),
            Some(empty_statement(
                b,
                "一般公共预算拨款安排的支出",
                "一般公共预算支出情况表",
            )),
        )
    } else {
        (tree_rows(tree, &b.names), None)
    };
    table(
        TableHead {
            number: 5,
            title: "一般公共预算支出情况表".into(),
            issuer,
        },
        Orientation::Portrait,
        code_columns(3, 1, 3),
        spending_header("一般公共预算支出"),
        body,
        empty,
    )
    .with_sums(spending_sums())
}

/// Table 6.
pub fn table6(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let classes = econ_classes(f);
    let empty = classes.is_empty().then(|| {
        empty_statement(
            b,
            "一般公共预算拨款安排的基本支出",
            "一般公共预算基本支出情况表",
        )
    });
    let body = if empty.is_some() {
        Vec::new()
    } else {
        table6_rows(b, f, &classes)
    };
    let header = vec![
        vec![h("科目", 3, 1), h("一般公共预算基本支出", 3, 1)],
        vec![
            h("经济分类科目编码", 2, 1),
            h("经济分类科目名称", 1, 2),
            h("合计", 1, 2),
            h("人员经费", 1, 2),
            h("公用经费", 1, 2),
        ],
        vec![h("类", 1, 1), h("款", 1, 1)],
        numbering(3, 3),
    ];
    table(
        TableHead {
            number: 6,
            title: "一般公共预算基本支出情况表".into(),
            issuer,
        },
        Orientation::Portrait,
        code_columns(2, 1, 3),
        header,
        body,
        empty,
    )
    .with_sums(Sums {
        by_level: true,
        columns: vec![(3, vec![4, 5])],
        cells: Vec::new(),
    })
}

/// The 一般公共预算 basic spending by 经济分类 款 (zero ones left out), under its 类.
fn econ_classes<'f>(f: &'f Figures<'_>) -> BTreeMap<EconCode, Vec<(&'f EconCode, Money)>> {
    let mut classes: BTreeMap<EconCode, Vec<(&EconCode, Money)>> = BTreeMap::new();
    for (code, m) in &f.general_econ {
        if !m.is_zero() {
            classes.entry(code.class()).or_default().push((code, *m));
        }
    }
    classes
}

/// Table 6's rows: 总计, then each 类 and its 款, their amounts split 人员经费 / 公用经费.
fn table6_rows(
    b: &Budget,
    f: &Figures<'_>,
    classes: &BTreeMap<EconCode, Vec<(&EconCode, Money)>>,
) -> Vec<Row> {
    let split = |code: &EconCode, m: Money| {
        if code.is_personnel() {
            [m, m, Money::ZERO]
        } else {
            [m, Money::ZERO, m]
        }
    };
    let s = f.general_split;
    let mut body = vec![total_row(
        "总计",
        2,
        &[s.personnel + s.public, s.personnel, s.public],
    )];
    for (class, kuans) in classes {
        let sum: Money = kuans.iter().map(|(_, m)| *m).sum();
        let mut cells = vec![Cell::center(class.as_str()), Cell::center("")];
        cells.push(Cell::text(b.names.economic_or_code(class)));
        cells.extend(amounts(&split(class, sum)));
        body.push(Row {
            role: RowRole::Class,
            cells,
        });
        for (code, m) in kuans {
            let mut cells = vec![
                Cell::center(class.as_str()),
                Cell::center(&code.as_str()[3..]),
            ];
            cells.push(Cell::text(b.names.economic_or_code(code)).indented(1));
            cells.extend(amounts(&split(code, *m)));
            body.push(Row {
                role: RowRole::Kuan,
                cells,
            });
        }
    }
    body
}

/// The 经济分类 类 columns of table 7, in order, with their header text.
pub const PROJECT_ECON_COLUMNS: [(&str, &str); 10] = [
    ("301", "工资福利支出"),
    ("302", "商品和服务支出"),
    ("303", "对个人和家庭的补助"),
    ("307", "债务利息及费用支出"),
    ("309", "资本性支出（基本建设）"),
    ("310", "资本性支出"),
    ("311", "对企业补助（基本建设）"),
    ("312", "对企业补助"),
    ("313", "对社会保障基金补助"),
    ("399", "其他支出"),
];

/// The table 7 figures of some project lines added up.
fn sum_values<'p>(projects: impl IntoIterator<Item = &'p Project>) -> Vec<Money> {
    let mut total = vec![Money::ZERO; 11];
    for p in projects {
        let values = project_values(p);
        total.iter_mut().zip(&values).for_each(|(a, b)| *a += *b);
    }
    total
}

/// A project line's table 7 figures: its total and its amounts by 经济分类 类 column.
fn project_values(p: &Project) -> Vec<Money> {
    let mut v = vec![p.total()];
    v.extend(PROJECT_ECON_COLUMNS.iter().map(|(c, _)| {
        p.economic
            .iter()
            .filter(|(e, _)| e.class().as_str() == *c)
            .map(|(_, m)| *m)
            .sum::<Money>()
    }));
    v
}

/// A table 7 row: code cells, the name (indented), the project name, the figures.
fn named(
    cells: Vec<Cell>,
    name: String,
    indent: u8,
    project: &str,
    vals: &[Money],
    role: RowRole,
) -> Row {
    let mut cells = cells;
    cells.push(Cell::text(name).indented(indent));
    cells.push(Cell::text(project));
    cells.extend(amounts(vals));
    Row { role, cells }
}

/// The 类/款/项 rows of some project lines, each 项 row one line with its project's name.
fn code_rows(b: &Budget, projects: &[&Project]) -> Vec<Row> {
    let mut groups: BTreeMap<_, BTreeMap<_, Vec<_>>> = BTreeMap::new();
    for p in projects {
        groups
            .entry(p.code.class())
            .or_default()
            .entry(p.code.kuan())
            .or_default()
            .push(*p);
    }
    let mut body = Vec::new();
    for (class, kuans) in &groups {
        let class_total = sum_values(kuans.values().flatten().copied());
        body.push(named(
            code_cells(class),
            b.names.functional_or_code(class),
            0,
            "",
            &class_total,
            RowRole::Class,
        ));
        for (kuan, ps) in kuans {
            let kuan_total = sum_values(ps.iter().copied());
            body.push(named(
                code_cells(kuan),
                b.names.functional_or_code(kuan),
                1,
                "",
                &kuan_total,
                RowRole::Kuan,
            ));
            for p in ps {
                body.push(named(
                    code_cells(&p.code),
                    b.names.functional_or_code(&p.code),
                    2,
                    &p.name,
                    &project_values(p),
                    RowRole::Item,
                ));
            }
        }
    }
    body
}

/// Table 7. A department summed from its units prints each unit's projects under its
/// own unit row; a unit's budget prints its one unit row.
pub fn table7(b: &Budget, f: &Figures<'_>, issuer: &str) -> Table {
    let projects: Vec<_> = f
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Project && e.source.fiscal_budget() == Some(Fiscal::General))
        .filter_map(|e| e.project)
        .collect();
    let empty = projects
        .is_empty()
        .then(|| empty_statement(b, "一般公共预算安排项目支出", "一般公共预算项目支出情况表"));
    let body = if empty.is_some() {
        Vec::new()
    } else {
        table7_rows(b, &projects)
    };
    let mut top = vec![
        h("科目编码", 3, 1),
        h("功能分类科目名称", 1, 2),
        h("项目名称", 1, 2),
        h("项目支出合计", 1, 2),
    ];
    top.extend(PROJECT_ECON_COLUMNS.iter().map(|(_, t)| h(t, 1, 2)));
    let header = vec![top, class_kuan_item(), numbering(5, 11)];
    table(
        TableHead {
            number: 7,
            title: "一般公共预算项目支出情况表".into(),
            issuer,
        },
        Orientation::Landscape,
        code_columns(3, 2, 11),
        header,
        body,
        empty,
    )
    .with_sums(Sums {
        by_level: true,
        columns: vec![(5, (6..16).collect())],
        cells: Vec::new(),
    })
}

/// Table 7's rows: 总计, then under each unit's row (when printed) its 类/款/项 rows.
fn table7_rows(b: &Budget, projects: &[&Project]) -> Vec<Row> {
    let blank3 = || vec![Cell::center(""), Cell::center(""), Cell::center("")];
    let mut total_cells = blank3();
    total_cells.extend([Cell::center("总计"), Cell::text("")]);
    total_cells.extend(
        sum_values(projects.iter().copied())
            .iter()
            .map(|m| Cell::amount_blank_zero(*m)),
    );
    let mut body = vec![Row {
        role: RowRole::Total,
        cells: total_cells,
    }];
    let unit_row = b.options.conventions.unit_row;
    for (unit, ps) in unit_groups(b, projects) {
        if unit_row {
            let sub = sum_values(ps.iter().copied());
            body.push(named(blank3(), unit, 0, "", &sub, RowRole::Group));
        }
        body.extend(code_rows(b, &ps));
    }
    body
}

/// The projects under each unit row: a department summed from its units (when unit rows
/// are printed) groups them by unit, in the units' order; otherwise all under the unit.
fn unit_groups<'p>(b: &Budget, projects: &[&'p Project]) -> Vec<(String, Vec<&'p Project>)> {
    if b.options.conventions.unit_row && b.is_consolidated() {
        b.members
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let ps = projects.iter().filter(|p| p.member == Some(k)).copied();
                (m.label(), ps.collect::<Vec<_>>())
            })
            .filter(|(_, ps)| !ps.is_empty())
            .collect()
    } else {
        vec![(b.unit.name.clone(), projects.to_vec())]
    }
}
