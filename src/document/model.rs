//! The neutral document model: everything a renderer lays out, nothing it computes.
//!
//! Parts → sections → blocks (sub-headings, paragraphs, tables, charts, glossary terms).
//! Every figure is already derived and formatted; tables carry header rows with their
//! row/column spans exactly as the published disclosures draw them. HTML and PDF render
//! this same value, and `--format json` serializes it.

use crate::money::{Money, MoneyUnit, Percent};
use serde::{Deserialize, Serialize};

/// The whole disclosure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Title, unit, year and wording scope.
    pub meta: Meta,
    /// Table of contents entries, in reading order, each pointing at an element id.
    pub toc: Vec<TocEntry>,
    /// The four parts: 概况, 公开表, 情况说明, 名词解释.
    pub parts: Vec<Part>,
    /// The closing 落款: unit name and optional date.
    pub signature: Signature,
}

impl Document {
    /// Every table, in document order.
    pub fn tables(&self) -> Vec<&Table> {
        self.parts
            .iter()
            .flat_map(|p| &p.sections)
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }
}

/// Document-level facts the renderers print on the cover, in metadata and in footers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Full title: `奇台县商务和工业信息化局2024年部门预算公开`.
    pub title: String,
    /// The unit's name.
    pub unit_name: String,
    /// Budget year.
    pub year: i32,
    /// `部门` or `单位`: the wording scope.
    pub scope: String,
    /// Second cover line: `2024年部门预算公开`.
    pub subtitle: String,
    /// Date of issue as printed (`2024年2月19日`), if the TOML gives one.
    pub issued: Option<String>,
    /// The 政府网站 metadata of the published page.
    pub publish: PublishMeta,
}

/// The 政府网站 metadata the HTML head carries (`<meta name="SiteName">` …): the site's
/// from the TOML's `[publish]`, the article's from the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishMeta {
    /// `SiteName`, when `[publish]` gives it.
    pub site_name: Option<String>,
    /// `SiteIDCode`, the 政府网站标识码, when given.
    pub site_id: Option<String>,
    /// `ColumnName`, when given.
    pub column: Option<String>,
    /// `ArticleTitle`: the document's title.
    pub article_title: String,
    /// `PubDate`: the date of issue as `YYYY-MM-DD`, when given.
    pub pub_date: Option<String>,
    /// `ContentSource`: `[publish] source`, or the unit's name.
    pub content_source: String,
}

/// One entry of the 目录.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 1 for parts, 2 for sections and tables.
    pub level: u8,
    /// Text as printed in the 目录.
    pub text: String,
    /// The id of the part, section or table it points at.
    pub target: String,
}

/// 第一部分 … 第四部分.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Stable anchor id, e.g. `part-2`.
    pub id: String,
    /// `第二部分`.
    pub number: String,
    /// `2024年部门预算公开表`.
    pub title: String,
    /// The sections in order.
    pub sections: Vec<Section>,
}

/// A numbered section (`一、主要职能`) or, in part 2, one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable anchor id, e.g. `part-3-sec-5`.
    pub id: String,
    /// Heading as printed, numbering included; `None` where the part has no headings
    /// (the tables of part 2 carry their own titles).
    pub heading: Option<String>,
    /// Content blocks in order.
    pub blocks: Vec<Block>,
}

/// A content block.
#[allow(
    clippy::large_enum_variant,
    reason = "a document holds a few hundred blocks, built once: boxing tables would only add allocations"
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A second-level heading such as `（一）一般公共预算当年拨款规模变化情况`.
    Subheading {
        /// Heading text, numbering included.
        text: String,
    },
    /// A paragraph of body text.
    Paragraph {
        /// The text, every figure already formatted.
        text: String,
        /// How it is set.
        style: ParagraphStyle,
    },
    /// A table.
    Table(Table),
    /// A chart of shares, with its figures (renderers also print them as text).
    Chart(Chart),
    /// A glossary entry: the term is emphasised, then the definition.
    Term {
        /// Ordinal as printed, `一、`.
        number: String,
        /// The term, `财政拨款`.
        term: String,
        /// The definition.
        definition: String,
    },
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphStyle {
    /// Body text with a two-character first-line indent.
    Body,
    /// A list item (already numbered in its text), indented like body text.
    Item,
}

/// Page orientation a table wants in print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Fits a portrait A4 text block.
    Portrait,
    /// Wide (12–16 columns): print on landscape pages.
    Landscape,
}

/// What kind of content a column holds, for alignment and width fitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Short classification code digits (类/款/项), centred.
    Code,
    /// Names and free text, left-aligned, wraps.
    Text,
    /// Amounts, right-aligned, tabular figures.
    Amount,
    /// Short centred values (weights, counts, indicator values).
    Short,
}

/// A table as published: label, title, issuer and unit lines, header grid, body grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Stable anchor id, e.g. `table-2`.
    pub id: String,
    /// `表2`, or `None` for tables printed without a label (绩效目标表).
    pub label: Option<String>,
    /// `单位收入总体情况表`.
    pub title: String,
    /// A line under the title, e.g. `（2024年）` for performance tables.
    pub subtitle: Option<String>,
    /// What the table is about when several tables share its title: the project of a
    /// 项目支出绩效目标表 (printed in the table; part of the table's accessible name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// `编制单位：奇台县商务和工业信息化局`.
    pub issuer: Option<String>,
    /// `单位：万元`.
    pub unit: Option<String>,
    /// Print orientation.
    pub orientation: Orientation,
    /// One entry per grid column.
    pub columns: Vec<ColumnKind>,
    /// Header rows; cells carry their spans; spanned-over positions are omitted.
    pub header: Vec<Vec<Cell>>,
    /// Body rows.
    pub body: Vec<Row>,
    /// The standard 空表 statement when the table has no rows.
    pub empty_statement: Option<String>,
    /// The 尾差 note printed under the table (「注：本表金额单位为万元，因四舍五入，…」): set
    /// exactly when a printed total differs from the sum of the printed parts it adds up.
    pub rounding_note: Option<String>,
    /// Which printed figures are sums of which others (what the 尾差 check compares).
    #[serde(skip)]
    pub sums: Sums,
    /// The body row of column headings inside the body (the indicator heads of a
    /// 绩效目标表): printed again at the top of every page the rows after it continue on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_heads: Option<usize>,
}

impl Table {
    /// The same table about `subject` (see [`Table::subject`]).
    pub fn about(mut self, subject: &str) -> Table {
        self.subject = Some(subject.to_string());
        self
    }

    /// The same table with its sum relations declared.
    pub fn with_sums(mut self, sums: Sums) -> Table {
        self.sums = sums;
        self
    }

    /// The same table with `row` of its body marked as the row of column headings.
    pub fn with_body_heads(mut self, row: Option<usize>) -> Table {
        self.body_heads = row;
        self
    }
}

/// A cell of a table body: (row index, index of the cell within the row's `cells`).
pub type CellRef = (usize, usize);

/// Which printed figures of a table body add up to which others. Each relation is checked
/// on the printed (rounded) figures when the document is finished.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    /// By row level, in every amount cell: the 总计 and group rows are the sum of the 类
    /// rows, a 类 row of the 款 rows under it, a 款 row of the 项 rows under it.
    pub by_level: bool,
    /// In every row: cell `.0` is the sum of cells `.1` (cell indices within the row).
    pub columns: Vec<(usize, Vec<usize>)>,
    /// Single cells: `.0` is the sum of the cells `.1`.
    pub cells: Vec<(CellRef, Vec<CellRef>)>,
}

/// The role of a body row, for emphasis and indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowRole {
    /// 总计 / 合计 / 收入总计 rows.
    Total,
    /// A 类 (class) subtotal row: bold.
    Class,
    /// A 款 subtotal row: indented once.
    Kuan,
    /// A 项 row or any leaf row: indented twice in code tables.
    Item,
    /// A group row (e.g. the unit-name row of tables 7 and 11).
    Group,
    /// A plain row with no level (forms such as 绩效目标表, table 1).
    Plain,
}

/// One body row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Its role.
    pub role: RowRole,
    /// Its cells; spanned-over positions are omitted.
    pub cells: Vec<Cell>,
}

/// Horizontal alignment of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Left.
    Left,
    /// Centre.
    Center,
    /// Right (amounts).
    Right,
}

/// One cell: formatted text, and the exact amount when it is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Text as printed (`1,795.47`; empty for a blank amount cell).
    pub text: String,
    /// The amount, when the cell holds one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Columns spanned (≥ 1).
    pub colspan: u16,
    /// Rows spanned (≥ 1).
    pub rowspan: u16,
    /// Alignment.
    pub align: Align,
    /// Indentation level inside the cell (款 1, 项 2), for name columns.
    pub indent: u8,
    /// A zero amount printed blank by the standard layout (`zero_cells` may print it 0.00).
    #[serde(skip)]
    pub blank_zero: bool,
}

impl Cell {
    /// A left-aligned text cell.
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            amount: None,
            colspan: 1,
            rowspan: 1,
            align: Align::Left,
            indent: 0,
            blank_zero: false,
        }
    }

    /// A centred text cell.
    pub fn center(t: impl Into<String>) -> Cell {
        Cell {
            align: Align::Center,
            ..Cell::text(t)
        }
    }

    /// A right-aligned amount cell; zero prints blank, as the published tables do.
    pub fn amount_blank_zero(m: Money) -> Cell {
        if m.is_zero() {
            Cell {
                align: Align::Right,
                blank_zero: true,
                ..Cell::text("")
            }
        } else {
            Cell::amount(m)
        }
    }

    /// A right-aligned amount cell, zero printed as `0.00`. Its text is the 万元 figure
    /// until the document is finished in its display unit (`document::finish`).
    pub fn amount(m: Money) -> Cell {
        Cell {
            text: m.grouped(),
            amount: Some(m),
            align: Align::Right,
            ..Cell::text("")
        }
    }

    /// Sets the column span.
    pub fn span(mut self, cols: u16, rows: u16) -> Cell {
        self.colspan = cols;
        self.rowspan = rows;
        self
    }

    /// Sets the indentation level.
    pub fn indented(mut self, level: u8) -> Cell {
        self.indent = level;
        self
    }
}

/// A chart of parts of a whole, shares already derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Stable anchor id.
    pub id: String,
    /// Caption.
    pub title: String,
    /// The whole the shares refer to.
    pub total: Money,
    /// The whole as printed, in the display unit (`1,795.47`).
    pub total_text: String,
    /// The display unit's name (`万元` or `元`).
    pub unit: String,
    /// The parts, in order.
    pub items: Vec<ChartItem>,
}

impl Chart {
    /// A chart of `parts` (label, amount, share) printed in `unit`.
    pub fn new(
        id: &str,
        title: &str,
        total: Money,
        parts: impl IntoIterator<Item = (String, Money, Percent)>,
        unit: MoneyUnit,
    ) -> Chart {
        Chart {
            id: id.to_string(),
            title: title.to_string(),
            total,
            total_text: unit.grouped(total),
            unit: unit.name().to_string(),
            items: parts
                .into_iter()
                .map(|(label, amount, share)| ChartItem {
                    label,
                    amount,
                    amount_text: unit.grouped(amount),
                    share,
                })
                .collect(),
        }
    }
}

/// One bar or slice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartItem {
    /// Label.
    pub label: String,
    /// Amount.
    pub amount: Money,
    /// The amount as printed, in the display unit.
    pub amount_text: String,
    /// Share of the total, as the text prints it (see `derive::shares`).
    pub share: Percent,
}

/// The 落款.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// Unit name.
    pub unit_name: String,
    /// Date as printed, if any.
    pub date: Option<String>,
}
