//! 绩效目标表: the unit-wide table and one table per project, as form-like grids.

use crate::budget::{Budget, Indicator, ProjectPerformance};
use crate::derive::figures::ProjectSummary;
use crate::derive::Figures;
use crate::document::model::{Cell, ColumnKind, Orientation, Row, RowRole, Sums, Table};
use crate::money::Money;

/// A centred label cell spanning `cols` × `rows`.
fn label(t: &str, cols: u16, rows: u16) -> Cell {
    Cell::center(t).span(cols, rows)
}

/// A text value cell spanning `cols`.
fn value(t: &str, cols: u16) -> Cell {
    Cell::text(t).span(cols, 1)
}

/// An amount cell spanning `cols`.
fn money(m: Money, cols: u16) -> Cell {
    Cell::amount(m).span(cols, 1)
}

/// A row of the form.
fn form(cells: Vec<Cell>) -> Row {
    Row {
        role: RowRole::Plain,
        cells,
    }
}

/// Indicator rows; equal consecutive 一级 (and, within them, 二级) cells are merged with
/// row spans. `cols` picks which indicator fields appear after the three levels.
fn indicator_rows(list: &[Indicator], tail: &dyn Fn(&Indicator) -> Vec<Cell>) -> Vec<Row> {
    let mut rows = Vec::new();
    let n = list.len();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && list[j].level1 == list[i].level1 {
            j += 1;
        }
        let mut k = i;
        while k < j {
            let mut m = k + 1;
            while m < j && list[m].level2 == list[k].level2 {
                m += 1;
            }
            for r in k..m {
                let mut cells = Vec::new();
                if r == i {
                    cells.push(Cell::center(&list[i].level1).span(1, (j - i) as u16));
                }
                if r == k {
                    cells.push(Cell::center(&list[k].level2).span(1, (m - k) as u16));
                }
                cells.push(Cell::text(&list[r].level3));
                cells.extend(tail(&list[r]));
                rows.push(form(cells));
            }
            k = m;
        }
        i = j;
    }
    rows
}

/// An indicator's 分值权重, blank when none was given.
fn weight(i: &Indicator) -> Cell {
    Cell::center(i.weight.map(|w| w.to_string()).unwrap_or_default())
}

/// A 绩效目标表 with its `（年）` subtitle, without number or header rows.
fn perf_table(
    id: String,
    title: String,
    year: i32,
    columns: Vec<ColumnKind>,
    body: Vec<Row>,
) -> Table {
    Table {
        id,
        label: None,
        title,
        subtitle: Some(format!("（{year}年）")),
        subject: None,
        issuer: None,
        unit: None,
        orientation: Orientation::Portrait,
        columns,
        header: Vec::new(),
        body,
        empty_statement: None,
        rounding_note: None,
        sums: Sums::default(),
        body_heads: None,
    }
}

/// The row of indicator heads over the indicator rows.
fn heads_row(heads: &[&str]) -> Row {
    Row {
        role: RowRole::Group,
        cells: heads.iter().map(|t| label(t, 1, 1)).collect(),
    }
}

/// The unit-wide table (6 columns).
pub fn unit_table(b: &Budget, f: &Figures<'_>) -> Option<Table> {
    let u = b.performance.unit.as_ref()?;
    let scope = b.unit.scope.word();
    let mut body = vec![form(vec![
        label(&format!("{scope}名称（盖章）"), 2, 1),
        value(&u.unit_name, 4),
    ])];
    if u.contact.is_some() || u.phone.is_some() {
        body.push(form(vec![
            label(&format!("{scope}联系人"), 2, 1),
            value(u.contact.as_deref().unwrap_or(""), 1),
            label("联系电话", 1, 1),
            value(u.phone.as_deref().unwrap_or(""), 2),
        ]));
    }
    body.push(form(vec![label("年度绩效目标", 2, 1), value(&u.goal, 4)]));
    let superior = body.len() + 1;
    body.extend(funding_rows(b, f));
    let sums = Sums {
        cells: vec![(
            (superior + 3, 1),
            vec![(superior, 2), (superior + 1, 1), (superior + 2, 2)],
        )],
        ..Sums::default()
    };
    let body_heads = Some(body.len());
    body.push(heads_row(&[
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标值设定依据",
        "分值权重",
    ]));
    body.extend(indicator_rows(&u.indicators, &|i| {
        vec![Cell::center(&i.value), Cell::text(&i.basis), weight(i)]
    }));
    let columns = vec![
        ColumnKind::Short,
        ColumnKind::Short,
        ColumnKind::Text,
        ColumnKind::Short,
        ColumnKind::Text,
        ColumnKind::Short,
    ];
    Some(
        perf_table(
            "perf-unit".into(),
            format!("{scope}整体绩效目标表"),
            b.unit.year,
            columns,
            body,
        )
        .with_sums(sums)
        .with_body_heads(body_heads),
    )
}

/// The 年度预算 rows of the unit-wide table: its head row, then 上级安排, 本级安排 (财政资金),
/// 其他 and 合计.
fn funding_rows(b: &Budget, f: &Figures<'_>) -> Vec<Row> {
    let funding = f.performance_funding(&b.performance.funding);
    let unit = b.unit.display_unit.name();
    vec![
        form(vec![
            label(&format!("年度预算（{unit}）"), 2, 5),
            label("资金来源", 2, 1),
            label(&format!("资金总额（{unit}）"), 2, 1),
        ]),
        form(vec![
            label(&format!("财政资金（{unit}）"), 1, 2),
            label("上级安排", 1, 1),
            money(funding.superior, 2),
        ]),
        form(vec![label("本级安排", 1, 1), money(funding.local, 2)]),
        form(vec![
            label(&format!("其他资金（{unit}）"), 1, 1),
            label("其他", 1, 1),
            money(funding.other, 2),
        ]),
        form(vec![label("合计", 2, 1), money(funding.total(), 2)]),
    ]
}

/// One table per project that has one (9 columns), in the order of the performance list.
pub fn project_tables(b: &Budget, f: &Figures<'_>) -> Vec<Table> {
    b.performance
        .projects
        .iter()
        .enumerate()
        .filter_map(|(n, t)| {
            let p = f.projects.iter().find(|p| t.id == Some(p.id))?;
            Some(project_table(b, n, t, p))
        })
        .collect()
}

/// The table of the `n`-th project of the performance list, `t`, whose figures are `p`.
fn project_table(b: &Budget, n: usize, t: &ProjectPerformance, p: &ProjectSummary<'_>) -> Table {
    let mut body = project_form(b, t, p);
    let body_heads = Some(body.len());
    body.push(heads_row(&[
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标值设置依据",
        "上年完成值",
        "指标分值权重",
        "指标赋分规则",
        "佐证资料",
    ]));
    body.extend(indicator_rows(&t.indicators, &|i| {
        vec![
            Cell::center(&i.value),
            Cell::text(&i.basis),
            Cell::center(&i.prior_value),
            weight(i),
            Cell::text(&i.scoring),
            Cell::text(&i.evidence),
        ]
    }));
    let mut columns = vec![
        ColumnKind::Short,
        ColumnKind::Short,
        ColumnKind::Text,
        ColumnKind::Short,
        ColumnKind::Text,
        ColumnKind::Short,
        ColumnKind::Short,
    ];
    columns.extend([ColumnKind::Text, ColumnKind::Text]);
    perf_table(
        format!("perf-project-{}", n + 1),
        "项目支出绩效目标表".into(),
        b.unit.year,
        columns,
        body,
    )
    // 年度预算总额 = 财政拨款 + 其他资金.
    .with_sums(Sums {
        cells: vec![((2, 2), vec![(2, 4), (2, 6)])],
        ..Sums::default()
    })
    .with_body_heads(body_heads)
    .about(&t.project)
}

/// The form rows of a project's table above its indicators: unit, project, funding, goal.
fn project_form(b: &Budget, t: &ProjectPerformance, p: &ProjectSummary<'_>) -> Vec<Row> {
    let unit = b.unit.display_unit.name();
    vec![
        form(vec![label("预算单位", 2, 1), value(&t.unit_name, 7)]),
        form(vec![
            label("项目名称", 2, 1),
            value(&t.project, 4),
            label("项目负责人", 1, 1),
            value(t.manager.as_deref().unwrap_or(""), 2),
        ]),
        form(vec![
            label(&format!("项目资金（{unit}）"), 2, 1),
            label("年度预算总额", 1, 1),
            money(p.total, 1),
            label("其中：财政拨款", 1, 1),
            money(p.fiscal, 1),
            label("其他资金", 1, 1),
            money(p.other, 2),
        ]),
        form(vec![label("项目总体目标", 2, 1), value(&t.goal, 7)]),
    ]
}
