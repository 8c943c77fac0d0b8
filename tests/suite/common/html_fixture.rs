//! A hand-built document in the shape of a real disclosure (qitai-commerce-2024, abridged),
//! for renderer tests that must not depend on the pipeline: every block kind, a 16-column
//! table with three header rows, an empty table, a chart, glossary terms and a 落款.

use gongkai::document::*;
use gongkai::money::{Money, MoneyUnit, Percent};

fn m(s: &str) -> Money {
    Money::parse_exact(s).expect("fixture amount")
}

fn p(s: &str) -> Percent {
    Percent::from_percent(m(s).decimal())
}

fn h(t: &str) -> Cell {
    Cell::center(t)
}

fn row(role: RowRole, cells: Vec<Cell>) -> Row {
    Row { role, cells }
}

fn code_row(role: RowRole, codes: [&str; 3], name: &str, amounts: &[&str], indent: u8) -> Row {
    let mut cells: Vec<Cell> = codes.iter().map(|c| Cell::center(*c)).collect();
    cells.push(Cell::text(name).indented(indent));
    cells.extend(amounts.iter().map(|a| {
        if a.is_empty() {
            Cell::amount_blank_zero(Money::ZERO)
        } else {
            Cell::amount(m(a))
        }
    }));
    row(role, cells)
}

fn table(
    id: &str,
    label: &str,
    title: &str,
    unit: &str,
    columns: Vec<ColumnKind>,
    header: Vec<Vec<Cell>>,
    body: Vec<Row>,
) -> Table {
    Table {
        id: id.into(),
        label: Some(label.into()),
        title: title.into(),
        subtitle: None,
        subject: None,
        issuer: Some(format!("编制单位：{unit}")),
        unit: Some("单位：万元".into()),
        orientation: if columns.len() > 10 {
            Orientation::Landscape
        } else {
            Orientation::Portrait
        },
        columns,
        header,
        body,
        rounding_note: None,
        sums: Default::default(),
        body_heads: None,
        empty_statement: None,
    }
}

/// 表2, 单位收入总体情况表: sixteen columns under three header rows.
fn income_table(unit: &str) -> Table {
    use ColumnKind::*;
    let mut columns = vec![Code, Code, Code, Text];
    columns.extend([Amount; 12]);
    table(
        "table-2",
        "表2",
        "单位收入总体情况表",
        unit,
        columns,
        income_header(),
        income_body(),
    )
}

/// 表2's three header rows: the column groups, the 类/款/项 and source names, the numbers.
fn income_header() -> Vec<Vec<Cell>> {
    let mut r2: Vec<Cell> = ["类", "款", "项"].iter().map(|t| h(t)).collect();
    r2.extend(
        [
            "财政拨款（补助）小计",
            "一般公共预算",
            "上级一般公共预算安排的转移支付",
            "政府性基金预算",
            "上级政府性基金安排的转移支付",
            "国有资本经营预算",
            "上级国有资本经营预算安排的转移支付",
        ]
        .iter()
        .map(|t| h(t)),
    );
    let mut r3: Vec<Cell> = ["※", "※", "※", "※"].iter().map(|t| h(t)).collect();
    r3.extend((1..=12).map(|n| h(&n.to_string())));
    vec![
        vec![
            h("功能分类科目编码").span(3, 1),
            h("功能分类科目名称").span(1, 2),
            h("总计").span(1, 2),
            h("财政拨款（补助）").span(7, 1),
            h("财政专户（教育收费）").span(1, 2),
            h("单位资金").span(1, 2),
            h("财政拨款结转").span(1, 2),
            h("非财政拨款结转结余").span(1, 2),
        ],
        r2,
        r3,
    ]
}

/// 表2's body: the 总计, two 类, a 款 and its two 项.
fn income_body() -> Vec<Row> {
    vec![
        code_row(
            RowRole::Total,
            ["", "", ""],
            "总计",
            &([
                "1795.47", "1083.77", "581.77", "502.00", "", "", "", "", "", "711.70", "", "",
            ]),
            0,
        ),
        code_row(
            RowRole::Class,
            ["201", "", ""],
            "一般公共服务支出",
            &([
                "1150.20", "438.50", "436.50", "2.00", "", "", "", "", "", "711.70", "", "",
            ]),
            0,
        ),
        code_row(
            RowRole::Kuan,
            ["201", "13", ""],
            "商贸事务",
            &([
                "1148.20", "436.50", "436.50", "", "", "", "", "", "", "711.70", "", "",
            ]),
            1,
        ),
        code_row(
            RowRole::Item,
            ["201", "13", "01"],
            "行政运行",
            &([
                "322.50", "322.50", "322.50", "", "", "", "", "", "", "", "", "",
            ]),
            2,
        ),
        code_row(
            RowRole::Item,
            ["201", "13", "99"],
            "其他商贸事务支出",
            &(["711.70", "", "", "", "", "", "", "", "", "711.70", "", ""]),
            2,
        ),
        code_row(
            RowRole::Class,
            ["216", "", ""],
            "商业服务业等支出",
            &([
                "500.00", "500.00", "", "500.00", "", "", "", "", "", "", "", "",
            ]),
            0,
        ),
    ]
}

fn overview_table(unit: &str) -> Table {
    use ColumnKind::*;
    let header = vec![
        vec![h("收入").span(2, 1), h("支出").span(2, 1)],
        vec![h("项目"), h("预算数"), h("支出功能分类"), h("预算数")],
    ];
    let body = vec![
        row(
            RowRole::Plain,
            vec![
                Cell::text("一、本年收入"),
                Cell::amount(m("1795.47")),
                Cell::text("201 一般公共服务支出"),
                Cell::amount(m("1150.20")),
            ],
        ),
        row(
            RowRole::Plain,
            vec![
                Cell::text("其中：一般财力").indented(1),
                Cell::amount(m("581.77")),
                Cell::text("202 外交支出"),
                Cell::amount_blank_zero(Money::ZERO),
            ],
        ),
        row(
            RowRole::Total,
            vec![
                Cell::center("收入总计"),
                Cell::amount(m("1795.47")),
                Cell::center("支出总计"),
                Cell::amount(m("1795.47")),
            ],
        ),
    ];
    table(
        "table-1",
        "表1",
        "单位收支总体情况表",
        unit,
        vec![Text, Amount, Text, Amount],
        header,
        body,
    )
}

fn fund_table(unit: &str) -> Table {
    use ColumnKind::*;
    let header = vec![
        vec![h("科目").span(4, 1), h("政府性基金预算支出").span(3, 1)],
        vec![
            h("功能分类科目编码").span(3, 1),
            h("功能分类科目名称").span(1, 2),
            h("合计").span(1, 2),
            h("基本支出").span(1, 2),
            h("项目支出").span(1, 2),
        ],
        vec![h("类"), h("款"), h("项")],
        vec![h("※"), h("※"), h("※"), h("※"), h("1"), h("2"), h("3")],
    ];
    let mut t = table(
        "table-8",
        "表8",
        "政府性基金预算支出情况表",
        unit,
        vec![Code, Code, Code, Text, Amount, Amount, Amount],
        header,
        vec![],
    );
    t.empty_statement =
        Some("2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。".into());
    t
}

fn performance_table(unit: &str) -> Table {
    use ColumnKind::*;
    let header = vec![vec![
        h("一级指标"),
        h("二级指标"),
        h("三级指标"),
        h("指标值"),
        h("指标值设置依据"),
        h("指标分值权重"),
    ]];
    let body = vec![
        row(
            RowRole::Plain,
            vec![Cell::text("预算单位"), Cell::text(unit).span(5, 1)],
        ),
        row(
            RowRole::Plain,
            vec![
                Cell::center("产出指标").span(1, 2),
                Cell::center("数量指标"),
                Cell::text("房屋建筑物供暖面积"),
                Cell::center("=1377.81平方米"),
                Cell::center("行业标准"),
                Cell::center("10"),
            ],
        ),
        row(
            RowRole::Plain,
            vec![
                Cell::center("质量指标"),
                Cell::text("资金拨付准确率"),
                Cell::center("=100%"),
                Cell::center("计划标准"),
                Cell::center("10"),
            ],
        ),
    ];
    Table {
        label: None,
        subtitle: Some("（2024年）".into()),
        issuer: None,
        unit: None,
        ..table(
            "perf-1",
            "",
            "项目支出绩效目标表",
            unit,
            vec![Text, Text, Text, Short, Short, Short],
            header,
            body,
        )
    }
}

fn para(t: &str) -> Block {
    Block::Paragraph {
        text: t.into(),
        style: ParagraphStyle::Body,
    }
}

/// A section of the fixture.
fn sec(id: &str, heading: Option<&str>, blocks: Vec<Block>) -> Section {
    Section {
        id: id.into(),
        heading: heading.map(Into::into),
        blocks,
    }
}

/// The abridged document, with `unit` as the unit name everywhere it appears.
pub fn fixture_document(unit: &str) -> Document {
    let parts = vec![
        overview_part(unit),
        tables_part(unit),
        explanations_part(unit),
        terms_part(),
    ];
    let toc = toc(&parts);
    Document {
        meta: meta(unit),
        toc,
        parts,
        signature: Signature {
            unit_name: unit.into(),
            date: Some("2024年2月21日".into()),
        },
    }
}

/// 第一部分: the unit's functions (a body paragraph and an item) and its staff.
fn overview_part(unit: &str) -> Part {
    Part {
        id: "part-1".into(),
        number: "第一部分".into(),
        title: format!("2024年{unit}单位概况"),
        sections: vec![
            sec(
                "part-1-sec-1",
                Some("一、主要职能"),
                vec![
                    para("贯彻执行国家、自治区、自治州商务和工业信息化的法律法规和方针政策。"),
                    Block::Paragraph {
                        text: "（一）研究商务和工业信息化发展规划。".into(),
                        style: ParagraphStyle::Item,
                    },
                ],
            ),
            sec(
                "part-1-sec-2",
                Some("二、机构设置及人员情况"),
                vec![para(&format!("{unit}编制数37，实有人数50人。"))],
            ),
        ],
    }
}

/// 第二部分: 表1, the wide 表2 and the empty 表8, each a section without a heading.
fn tables_part(unit: &str) -> Part {
    Part {
        id: "part-2".into(),
        number: "第二部分".into(),
        title: "2024年部门预算公开表".into(),
        sections: vec![
            sec(
                "part-2-table-1",
                None,
                vec![Block::Table(overview_table(unit))],
            ),
            sec(
                "part-2-table-2",
                None,
                vec![Block::Table(income_table(unit))],
            ),
            sec("part-2-table-8", None, vec![Block::Table(fund_table(unit))]),
        ],
    }
}

/// 第三部分: the income explanation with its chart, and a subheading over the 绩效目标表.
fn explanations_part(unit: &str) -> Part {
    Part {
        id: "part-3".into(),
        number: "第三部分".into(),
        title: "2024年单位预算情况说明".into(),
        sections: vec![
            sec(
                "part-3-sec-2",
                Some(&format!("二、关于{unit}2024年收入预算情况说明")),
                vec![
                    para(&format!("{unit}收入预算1,795.47万元，其中：")),
                    Block::Chart(Chart::new(
                        "chart-income",
                        "收入预算构成",
                        m("1795.47"),
                        vec![
                            ("一般公共预算".to_string(), m("581.77"), p("32.40")),
                            (
                                "上级一般公共预算安排的转移支付".to_string(),
                                m("502.00"),
                                p("27.96"),
                            ),
                            ("单位资金".to_string(), m("711.70"), p("39.64")),
                        ],
                        MoneyUnit::Wan,
                    )),
                ],
            ),
            sec(
                "part-3-sec-12",
                Some("十二、其他重要事项的情况说明"),
                vec![
                    Block::Subheading {
                        text: "（四）预算绩效情况".into(),
                    },
                    Block::Table(performance_table(unit)),
                ],
            ),
        ],
    }
}

/// 第四部分: two glossary terms.
fn terms_part() -> Part {
    Part {
        id: "part-4".into(),
        number: "第四部分".into(),
        title: "名词解释".into(),
        sections: vec![sec(
            "part-4-terms",
            None,
            vec![
                Block::Term {
                    number: "一、".into(),
                    term: "财政拨款".into(),
                    definition:
                        "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"
                            .into(),
                },
                Block::Term {
                    number: "二、".into(),
                    term: "一般公共预算".into(),
                    definition: "包括公共财政拨款（补助）资金、专项收入。".into(),
                },
            ],
        )],
    }
}

/// The 目录 of `parts`: each part, then each section with a heading or opening with a table
/// (pointing at the table).
fn toc(parts: &[Part]) -> Vec<TocEntry> {
    let mut toc = Vec::new();
    for part in parts {
        toc.push(TocEntry {
            level: 1,
            text: format!("{} {}", part.number, part.title),
            target: part.id.clone(),
        });
        for s in &part.sections {
            let text = match (&s.heading, s.blocks.first()) {
                (Some(h), _) => h.clone(),
                (None, Some(Block::Table(t))) => t.title.clone(),
                _ => continue,
            };
            let target = match s.blocks.first() {
                Some(Block::Table(t)) if s.heading.is_none() => t.id.clone(),
                _ => s.id.clone(),
            };
            toc.push(TocEntry {
                level: 2,
                text,
                target,
            });
        }
    }
    toc
}

/// The title, year, scope and publishing metadata, for `unit`.
fn meta(unit: &str) -> Meta {
    Meta {
        title: format!("{unit}2024年部门预算公开"),
        unit_name: unit.into(),
        year: 2024,
        scope: "部门".into(),
        subtitle: "2024年部门预算公开".into(),
        issued: Some("2024年2月21日".into()),
        publish: PublishMeta {
            site_name: Some("奇台县人民政府".into()),
            site_id: Some("6523250001".into()),
            column: Some("预算公开".into()),
            article_title: format!("{unit}2024年部门预算公开"),
            pub_date: Some("2024-02-21".into()),
            content_source: unit.into(),
        },
    }
}
