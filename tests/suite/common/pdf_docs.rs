//! Documents for the PDF tests: the three examples (through the pipeline) and a synthetic
//! stress document.

#![allow(dead_code)]

use gongkai::document::*;
use gongkai::money::{Money, MoneyUnit, Percent};

/// The names of the three example documents.
pub const EXAMPLES: [&str; 3] = [
    "qitai-commerce-2024",
    "changji-industry-2024",
    "manas-commerce-2024",
];

/// The example document `name`, through the real pipeline.
pub fn example_document(name: &str) -> Document {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{name}.toml"));
    match gongkai::pipeline::document_from_file(&path) {
        Ok((doc, _)) => doc,
        Err(e) => panic!("{name}: {e}"),
    }
}

fn money(s: &str) -> Money {
    Money::parse_exact(s).expect("literal amount")
}

fn amount_cell(i: usize, col: usize) -> Cell {
    let cents = (i * 7919 + col * 104_729) % 500_000;
    if (i + col).is_multiple_of(4) {
        Cell {
            align: Align::Right,
            ..Cell::text("")
        }
    } else {
        Cell::amount(money(&format!("{}.{:02}", cents / 100, cents % 100)))
    }
}

/// A table of budget lines under 功能分类科目 codes: `amount_cols` amount columns after the
/// code and name, a 总计 row and `rows - 1` lines cycling through 类, 款 and 项.
fn code_table(
    id: &str,
    label: &str,
    title: &str,
    amount_cols: usize,
    rows: usize,
    landscape: bool,
) -> Table {
    let mut columns = vec![
        ColumnKind::Code,
        ColumnKind::Code,
        ColumnKind::Code,
        ColumnKind::Text,
    ];
    columns.extend(std::iter::repeat_n(ColumnKind::Amount, amount_cols));
    Table {
        id: id.into(),
        label: Some(label.into()),
        title: title.into(),
        subtitle: None,
        subject: None,
        issuer: Some("编制单位：奇台县商务和工业信息化局".into()),
        unit: Some("单位：万元".into()),
        orientation: if landscape {
            Orientation::Landscape
        } else {
            Orientation::Portrait
        },
        columns,
        header: code_header(amount_cols),
        body: code_body(amount_cols, rows),
        empty_statement: None,
        rounding_note: None,
        sums: Default::default(),
        body_heads: None,
    }
}

/// The three header rows of a code table: the column groups, the 类/款/项 and source names,
/// the column numbers.
fn code_header(amount_cols: usize) -> Vec<Vec<Cell>> {
    let names = [
        "财政拨款（补助）小计",
        "一般公共预算",
        "上级一般公共预算安排的转移支付",
        "政府性基金预算",
        "上级政府性基金安排的转移支付",
        "国有资本经营预算",
        "上级国有资本经营预算安排的转移支付",
        "财政专户（教育收费）",
        "单位资金",
        "财政拨款结转",
        "非财政拨款结转结余",
        "其他支出",
    ];
    let mut h0 = vec![
        Cell::center("功能分类科目编码").span(3, 1),
        Cell::center("功能分类科目名称").span(1, 2),
        Cell::center("总计").span(1, 2),
    ];
    if amount_cols > 1 {
        h0.push(Cell::center("财政拨款（补助）").span((amount_cols - 1) as u16, 1));
    }
    let mut h1 = vec![Cell::center("类"), Cell::center("款"), Cell::center("项")];
    h1.extend((1..amount_cols).map(|i| Cell::center(names[(i - 1) % names.len()])));
    let mut h2: Vec<Cell> = (0..4).map(|_| Cell::center("※")).collect();
    h2.extend((1..=amount_cols).map(|i| Cell::center(i.to_string())));
    vec![h0, h1, h2]
}

/// The body of a code table: the 总计 row, then `rows - 1` lines (类, 款, then three 项).
fn code_body(amount_cols: usize, rows: usize) -> Vec<Row> {
    let leaf = [
        "行政运行",
        "招商引资",
        "其他商贸事务支出",
        "机关事业单位基本养老保险缴费支出",
        "其他行政事业单位医疗支出",
    ];
    let mut body = vec![Row {
        role: RowRole::Total,
        cells: {
            let mut c = vec![Cell::text("").span(3, 1), Cell::center("总计")];
            c.extend((0..amount_cols).map(|col| amount_cell(0, col)));
            c
        },
    }];
    for i in 1..rows {
        let (role, codes, indent) = match i % 5 {
            1 => (RowRole::Class, ["201", "", ""], 0u8),
            2 => (RowRole::Kuan, ["201", "13", ""], 1),
            _ => (RowRole::Item, ["201", "13", "01"], 2),
        };
        let mut cells: Vec<Cell> = codes.iter().map(|c| Cell::center(*c)).collect();
        cells.push(Cell::text(leaf[i % leaf.len()]).indented(indent));
        cells.extend((0..amount_cols).map(|col| amount_cell(i, col)));
        body.push(Row { role, cells });
    }
    body
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        text: text.into(),
        style: ParagraphStyle::Body,
    }
}

/// A paragraph of mixed CJK text and figures that wraps over several lines.
const LONG: &str = "奇台县商务和工业信息化局2024年一般公共预算拨款合计1,083.77万元，其中：基本支出467.77万元，比上年预算减少31.07万元，下降6.23%。主要原因是：2024年减少人员奖金（含绩效奖励）；项目支出616.00万元，比上年预算减少264.00万元，下降30.00%，主要原因是减少清偿克拉玛依永升建设集团有限公司债务资金。";

/// A realistic stress document: mixed CJK/digit paragraphs, a 16-column table with three
/// header rows, a 200-row table, an empty table, a chart and glossary terms.
pub fn synthetic_document() -> Document {
    let parts = vec![
        overview_part(),
        tables_part(),
        explanations_part(),
        terms_part(),
    ];
    Document {
        meta: synthetic_meta(),
        toc: synthetic_toc(),
        parts,
        signature: Signature {
            unit_name: "奇台县商务和工业信息化局".into(),
            date: None,
        },
    }
}

/// 第一部分: paragraphs of mixed CJK and digits, and a subheading.
fn overview_part() -> Part {
    Part {
        id: "part-1".into(),
        number: "第一部分".into(),
        title: "2024年奇台县商务和工业信息化局单位概况".into(),
        sections: vec![Section {
            id: "part-1-sec-1".into(),
            heading: Some("一、主要职能".into()),
            blocks: vec![
                para("县商务和工业信息化局贯彻落实党中央关于商务和工业信息化工作的方针政策和决策部署，主要职责是："),
                para(LONG),
                para(LONG),
                Block::Subheading {
                    text: "（一）一般公共预算当年拨款规模变化情况".into(),
                },
                para(LONG),
            ],
        }],
    }
}

/// 第二部分: the 16-column 表2, the 200-row 表3 and the empty 表9.
fn tables_part() -> Part {
    let mut empty = code_table("table-9", "表9", "国有资本经营预算支出情况表", 4, 1, false);
    empty.body.clear();
    empty.empty_statement = Some(
        "2024年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。".into(),
    );
    Part {
        id: "part-2".into(),
        number: "第二部分".into(),
        title: "2024年部门预算公开表".into(),
        sections: vec![Section {
            id: "part-2-sec-1".into(),
            heading: None,
            blocks: vec![
                Block::Table(code_table(
                    "table-2",
                    "表2",
                    "单位收入总体情况表",
                    12,
                    30,
                    true,
                )),
                Block::Table(code_table(
                    "table-3",
                    "表3",
                    "单位支出总体情况表",
                    3,
                    200,
                    false,
                )),
                Block::Table(empty),
            ],
        }],
    }
}

/// 第三部分: a paragraph and a chart.
fn explanations_part() -> Part {
    Part {
        id: "part-3".into(),
        number: "第三部分".into(),
        title: "2024年单位预算情况说明".into(),
        sections: vec![Section {
            id: "part-3-sec-1".into(),
            heading: Some("一、关于奇台县商务和工业信息化局2024年收支预算情况的总体说明".into()),
            blocks: vec![
                para(LONG),
                Block::Chart(Chart::new(
                    "chart-1",
                    "一般公共预算当年拨款结构",
                    money("1083.77"),
                    [
                        ("一般公共服务支出", "438.50"),
                        ("商业服务业等支出", "500.00"),
                        ("住房保障支出", "145.27"),
                    ]
                    .map(|(l, a)| {
                        (
                            l.to_string(),
                            money(a),
                            Percent::ratio(money(a), money("1083.77")),
                        )
                    }),
                    MoneyUnit::Wan,
                )),
            ],
        }],
    }
}

/// 第四部分: two glossary terms.
fn terms_part() -> Part {
    Part {
        id: "part-4".into(),
        number: "第四部分".into(),
        title: "名词解释".into(),
        sections: vec![Section {
            id: "part-4-sec-1".into(),
            heading: None,
            blocks: vec![
                Block::Term {
                    number: "一、".into(),
                    term: "财政拨款".into(),
                    definition:
                        "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"
                            .into(),
                },
                Block::Term {
                    number: "二、".into(),
                    term: "“三公”经费".into(),
                    definition: "指单位因公出国（境）费、公务用车购置及运行维护费和公务接待费。"
                        .into(),
                },
            ],
        }],
    }
}

/// The 目录: the four parts and the sections and tables under them.
fn synthetic_toc() -> Vec<TocEntry> {
    vec![
        TocEntry {
            level: 1,
            text: "第一部分 2024年奇台县商务和工业信息化局单位概况".into(),
            target: "part-1".into(),
        },
        TocEntry {
            level: 2,
            text: "一、主要职能".into(),
            target: "part-1-sec-1".into(),
        },
        TocEntry {
            level: 1,
            text: "第二部分 2024年部门预算公开表".into(),
            target: "part-2".into(),
        },
        TocEntry {
            level: 2,
            text: "二、单位收入总体情况表".into(),
            target: "table-2".into(),
        },
        TocEntry {
            level: 2,
            text: "三、单位支出总体情况表".into(),
            target: "table-3".into(),
        },
        TocEntry {
            level: 2,
            text: "九、国有资本经营预算支出情况表".into(),
            target: "table-9".into(),
        },
        TocEntry {
            level: 1,
            text: "第三部分 2024年单位预算情况说明".into(),
            target: "part-3".into(),
        },
        TocEntry {
            level: 2,
            text: "一、关于奇台县商务和工业信息化局2024年收支预算情况的总体说明".into(),
            target: "part-3-sec-1".into(),
        },
        TocEntry {
            level: 1,
            text: "第四部分 名词解释".into(),
            target: "part-4".into(),
        },
    ]
}

/// The title, scope and publishing metadata, without a date of issue or a site.
fn synthetic_meta() -> Meta {
    Meta {
        title: "奇台县商务和工业信息化局2024年部门预算公开".into(),
        unit_name: "奇台县商务和工业信息化局".into(),
        year: 2024,
        scope: "部门".into(),
        subtitle: "2024年部门预算公开".into(),
        issued: None,
        publish: PublishMeta {
            site_name: None,
            site_id: None,
            column: None,
            article_title: "奇台县商务和工业信息化局2024年部门预算公开".into(),
            pub_date: None,
            content_source: "奇台县商务和工业信息化局".into(),
        },
    }
}

/// The system fonts, loaded once for the whole test binary.
pub fn fonts() -> &'static gongkai::fonts::FontSet {
    static FONTS: std::sync::OnceLock<gongkai::fonts::FontSet> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| {
        gongkai::fonts::load_fonts(&gongkai::fonts::FontOptions::default())
            .expect("CJK fonts installed")
    })
}

/// Every document the layout is checked on, with its name: [`super::layout_sources`] and the
/// synthetic stress document.
pub fn layout_documents() -> Vec<(String, Document)> {
    let mut docs: Vec<(String, Document)> = super::layout_sources()
        .into_iter()
        .map(|path| {
            let (doc, _) = gongkai::pipeline::document_from_file(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), doc)
        })
        .collect();
    docs.push(("synthetic".into(), synthetic_document()));
    docs
}

/// The laid-out pages of `doc`.
pub fn laid(doc: &Document) -> Vec<gongkai::render::pdf::Page> {
    gongkai::render::pdf::lay_out_pages(doc, fonts()).expect("layout")
}
