//! Presentation choices that vary by office: which empty tables are printed, where the
//! 总计 row goes, how zero cells print, list orders and numbering styles. Every default is
//! the layout of the standard templates.

/// What to do with a table that has no rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmptyTable {
    /// Print it with its 空表 statement (default).
    #[default]
    Statement,
    /// Leave it out, with its 第三部分 section; what follows renumbers.
    Omit,
}

/// The tables that may be left out when empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmptyTables {
    /// 政府性基金预算支出情况表 and its section.
    pub fund: EmptyTable,
    /// 国有资本经营预算支出情况表 and its section.
    pub soe: EmptyTable,
    /// 上年结转结余情况明细表 and its section.
    pub carryover: EmptyTable,
}

/// Where tables 2–7 print their 总计 row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TotalRow {
    /// Above the 类 rows (default).
    #[default]
    Top,
    /// Below the last row.
    Bottom,
}

/// How a zero amount cell prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZeroCell {
    /// Blank.
    Blank,
    /// `0.00`.
    Zero,
}

/// Table conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conventions {
    /// 总计 row position in tables 2–7.
    pub total_row: TotalRow,
    /// Zero cells of tables 1–11; `None` keeps the standard mix (blank lines, 0.00 totals).
    pub zero_tables: Option<ZeroCell>,
    /// Zero cells of the 绩效目标表; `None` keeps the standard 0.00.
    pub zero_performance: Option<ZeroCell>,
    /// The unit-name row under 总计 in tables 7 and 11.
    pub unit_row: bool,
}

impl Default for Conventions {
    fn default() -> Self {
        Conventions {
            total_row: TotalRow::Top,
            zero_tables: None,
            zero_performance: None,
            unit_row: true,
        }
    }
}

/// The order of year-on-year lists (第三部分五（三）).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChangeOrder {
    /// All in code order (default, as the standard template and most offices print it).
    #[default]
    Code,
    /// This year's 项 in code order, then those that fell to zero.
    CurrentFirst,
}

/// How the 主要职能 are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbering {
    /// （一）（二）… (default).
    #[default]
    Chinese,
    /// (1)(2)….
    Paren,
    /// 1. 2. ….
    Dot,
    /// Plain paragraphs.
    None,
}

impl Numbering {
    /// The words accepted in the TOML, with their meaning.
    pub const WORDS: [(&'static str, Numbering); 4] = [
        ("（一）", Numbering::Chinese),
        ("(1)", Numbering::Paren),
        ("1.", Numbering::Dot),
        ("none", Numbering::None),
    ];

    /// The label of item `n` (1-based), with what separates it from the text.
    pub fn label(self, n: usize) -> String {
        match self {
            Numbering::Chinese => format!("（{}）", crate::numerals::chinese_number(n)),
            Numbering::Paren => format!("({n})"),
            Numbering::Dot => format!("{n}. "),
            Numbering::None => String::new(),
        }
    }
}

/// The options that shape the document, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Empty tables printed or left out.
    pub empty_tables: EmptyTables,
    /// Table conventions.
    pub conventions: Conventions,
    /// Year-on-year list order.
    pub change_order: ChangeOrder,
}

/// How the 预算绩效 summary counts projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountStyle {
    /// 当年财政拨款项目N个…；当年非财政拨款项目M个… (default).
    #[default]
    Split,
    /// 当年预算安排项目共N个….
    Total,
}

/// Where the unit-wide performance table files one kind of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundingRow {
    /// 财政资金：上级安排.
    Superior,
    /// 财政资金：本级安排.
    Local,
    /// 其他资金.
    Other,
    /// Not in the table.
    Excluded,
}

impl FundingRow {
    /// The words accepted in the TOML.
    pub const WORDS: [(&'static str, FundingRow); 4] = [
        ("superior", FundingRow::Superior),
        ("local", FundingRow::Local),
        ("other", FundingRow::Other),
        ("excluded", FundingRow::Excluded),
    ];
}

/// Where the unit-wide performance table files carry-over, 单位资金 and 财政专户 money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundingRules {
    /// 财政拨款结转.
    pub fiscal_carryover: FundingRow,
    /// 非财政拨款结转结余.
    pub nonfiscal_carryover: FundingRow,
    /// 单位资金.
    pub unit_funds: FundingRow,
    /// 财政专户管理资金.
    pub special_account: FundingRow,
}

impl Default for FundingRules {
    fn default() -> Self {
        FundingRules {
            fiscal_carryover: FundingRow::Local,
            nonfiscal_carryover: FundingRow::Other,
            unit_funds: FundingRow::Other,
            special_account: FundingRow::Other,
        }
    }
}
