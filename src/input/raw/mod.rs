//! The raw input model: the TOML exactly as written, every leaf with its source span.
//!
//! Leaves that users commonly get wrong (amounts, codes, counts) are kept as
//! `Spanned<toml::Value>` so that validation can report *every* bad value with its
//! location instead of stopping at the first one. Required keys are `Option` too, so that a
//! missing key is reported together with every other problem; validation reports each one. A TOML float is never read as a
//! number: validation re-reads its source text at the span and parses it exactly.

pub mod choice;
pub mod explicit;
pub mod sections;

use choice::{Choice, RawSubsidy};
use explicit::Explicit;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub use sections::{
    RawAssetPlan, RawAssets, RawCountValue, RawFunding, RawIndicator, RawPerformance,
    RawProcurement, RawProjectPerformance, RawPublish, RawUnitPerformance,
};

/// An amount as written: a string (`"1,312.00"`), an integer or a float literal.
pub type RawAmount = Spanned<toml::Value>;
/// A classification code as written: a string (`"2011301"`) or an integer.
pub type RawCode = Spanned<toml::Value>;
/// A whole number as written (counts of people, vehicles, weights).
pub type RawCount = Spanned<toml::Value>;
/// A text as written.
pub type RawText = Spanned<String>;

/// The whole budget file.
#[derive(Debug, Deserialize)]
pub struct RawBudget {
    /// 单位基本信息 (required; its absence is reported with every other problem).
    pub unit: Option<RawUnit>,
    /// 第一部分 单位概况 (required; its absence is reported with every other problem).
    pub overview: Option<RawOverview>,
    /// 基本支出，按功能分类（项）和资金来源.
    #[serde(default)]
    pub basic: Vec<RawBasicLine>,
    /// 基本支出，按经济分类（款）和资金来源.
    #[serde(default)]
    pub basic_economic: Vec<RawEconomicLine>,
    /// 项目支出.
    #[serde(default)]
    pub projects: Vec<RawProject>,
    /// 上年预算数与变动原因.
    #[serde(default)]
    pub prior: RawPrior,
    /// 第三部分（四）: what each 功能分类 类 of 一般公共预算 is mainly used for, keyed by 类 code.
    #[serde(default)]
    pub purposes: BTreeMap<String, RawText>,
    /// 政府采购, or `procurement = "none"`.
    pub procurement: Option<Spanned<Explicit<RawProcurement>>>,
    /// 国有资产占用使用情况.
    pub assets: Option<RawAssets>,
    /// 预算绩效.
    #[serde(default)]
    pub performance: RawPerformance,
    /// 其他需说明的事项.
    #[serde(default)]
    pub notes: RawNotes,
    /// 名词解释: replaces a standard entry with the same term, or adds one.
    #[serde(default)]
    pub glossary: Vec<RawTerm>,
    /// Names for codes missing from the embedded classification table, keyed by code.
    #[serde(default)]
    pub names: BTreeMap<String, RawText>,
    /// Control totals from the budget approval (批复数): checked against derived figures.
    #[serde(default)]
    pub control: RawControl,
    /// Options.
    #[serde(default)]
    pub options: RawOptions,
    /// Fonts for the PDF.
    #[serde(default)]
    pub fonts: RawFonts,
    /// Where the HTML page is published (政府网站 metadata), optional.
    #[serde(default)]
    pub publish: RawPublish,
    /// A department's consolidation: the unit files whose sum it publishes.
    pub consolidate: Option<RawConsolidate>,
}

/// `[consolidate]`: the files of the units a department's budget sums.
#[derive(Debug, Deserialize)]
pub struct RawConsolidate {
    /// The unit files, relative to the department file.
    #[serde(default)]
    pub units: Vec<RawText>,
}

/// 单位基本信息.
#[derive(Debug, Deserialize)]
pub struct RawUnit {
    /// Full unit name.
    pub name: Option<RawText>,
    /// `部门` or `单位`.
    pub scope: Option<RawText>,
    /// Budget year.
    pub year: Option<RawCount>,
    /// Date of issue, `YYYY-MM-DD`, for the 落款.
    pub issued: Option<RawText>,
    /// Other correct spellings of the unit's name (e.g. `XX局本级`), for the name check.
    #[serde(default)]
    pub aliases: Vec<RawText>,
    /// The unit every amount of the file is written in: `万元` (default) or `元`.
    pub amount_unit: Option<RawText>,
    /// The unit tables and sentences print amounts in: `万元` (default) or `元`.
    pub display_unit: Option<RawText>,
    /// The edition of the classification (政府收支分类科目) the codes follow, e.g. `"2024"`;
    /// default the embedded tables' edition.
    pub classification: Option<RawText>,
}

/// 第一部分.
#[derive(Debug, Deserialize)]
pub struct RawOverview {
    /// Sentence before the list of functions, optional.
    pub functions_intro: Option<RawText>,
    /// 主要职能: one entry per function.
    #[serde(default)]
    pub functions: Vec<RawText>,
    /// How the functions are numbered: `（一）` (default), `(1)`, `1.` or `none`.
    pub functions_numbering: Option<RawText>,
    /// Names of subordinate budget units; empty means 无下属预算单位.
    #[serde(default)]
    pub subordinates: Vec<RawText>,
    /// What the internal offices are called: 处室, 科室, 股室.
    pub office_word: Option<RawText>,
    /// Internal offices.
    #[serde(default)]
    pub offices: Vec<RawText>,
    /// 人员情况 (required, except in a department that sums its units).
    pub staffing: Option<RawStaffing>,
    /// Subordinate units whose 机关运行经费 the unit's figure includes (本级及下属…).
    pub operating_units: Option<RawOperatingUnits>,
}

/// The subordinate units a consolidated 机关运行经费 covers.
#[derive(Debug, Deserialize)]
pub struct RawOperatingUnits {
    /// 下属行政单位（家）.
    pub administrative: Option<RawCount>,
    /// 下属事业单位（家）.
    pub institutions: Option<RawCount>,
}

/// 编制与人员.
#[derive(Debug, Deserialize)]
pub struct RawStaffing {
    /// 编制数.
    pub authorized: Option<RawCount>,
    /// 在职人数, this year and last year.
    pub in_service: Option<RawCount>,
    /// 在职人数 last year.
    pub in_service_prior: Option<RawCount>,
    /// 退休人数.
    pub retired: Option<RawCount>,
    /// 退休人数 last year.
    pub retired_prior: Option<RawCount>,
    /// 离休人数.
    pub veteran: Option<RawCount>,
    /// 离休人数 last year.
    pub veteran_prior: Option<RawCount>,
    /// 实有人数 if you want it checked; it is always derived.
    pub actual: Option<RawCount>,
}

/// One line of basic spending by 功能分类 项.
#[derive(Debug, Deserialize)]
pub struct RawBasicLine {
    /// 功能分类 项 code, 7 digits.
    pub code: Option<RawCode>,
    /// 资金来源; default 一般公共预算.
    pub source: Option<RawText>,
    /// Amount in 万元.
    pub amount: Option<RawAmount>,
    /// Of which 人员经费 (the rest is 公用经费). Needed only where tables 8, 9 or 11 must
    /// split this line and the economic cut cannot tell (both kinds in the same source).
    pub personnel: Option<RawAmount>,
}

/// One line of basic spending by 经济分类 款.
#[derive(Debug, Deserialize)]
pub struct RawEconomicLine {
    /// 部门预算支出经济分类 款 code, 5 digits.
    pub code: Option<RawCode>,
    /// 资金来源; default 一般公共预算.
    pub source: Option<RawText>,
    /// Amount in 万元.
    pub amount: Option<RawAmount>,
}

/// A project (项目支出): one line (`code`, `source`, `economic` or `amount` on the project)
/// or several `[[projects.lines]]`, one per 功能分类 项 or source. A project funded from two
/// sources may also be written twice with the same name.
#[derive(Debug, Deserialize)]
pub struct RawProject {
    /// 项目名称; needed only where a table or sentence prints it.
    pub name: Option<RawText>,
    /// 功能分类 项 code.
    pub code: Option<RawCode>,
    /// 资金来源.
    pub source: Option<RawText>,
    /// The amount, when no economic split is given (or to check it).
    pub amount: Option<RawAmount>,
    /// Amounts by 经济分类 code (类 `302` or 款 `30217`).
    pub economic: Option<BTreeMap<String, RawAmount>>,
    /// The project's lines, when it is booked on several 项 or sources.
    #[serde(default)]
    pub lines: Vec<RawProjectLine>,
    /// 涉密: the texts print 完全不予公开.
    #[serde(default)]
    pub secret: bool,
    /// 设立的政策依据.
    pub basis: Option<RawText>,
    /// 项目承担单位; default the unit.
    pub undertaker: Option<RawText>,
    /// 资金分配情况.
    pub allocation: Option<RawText>,
    /// 资金执行时间.
    pub period: Option<RawText>,
    /// 补助对象、标准: one text, or labelled lines (补贴人数, 补贴标准 …).
    pub subsidy: Option<Spanned<RawSubsidy>>,
    /// What a carried-over project's money is mainly used for (第三部分十一).
    pub purpose: Option<RawText>,
}

/// One line of a project booked on several 项 or sources; its texts replace the
/// project's in 第三部分七.
#[derive(Debug, Deserialize)]
pub struct RawProjectLine {
    /// 功能分类 项 code.
    pub code: Option<RawCode>,
    /// 资金来源.
    pub source: Option<RawText>,
    /// The amount, when no economic split is given (or to check it).
    pub amount: Option<RawAmount>,
    /// Amounts by 经济分类 code.
    pub economic: Option<BTreeMap<String, RawAmount>>,
    /// 设立的政策依据 of this line.
    pub basis: Option<RawText>,
    /// 项目承担单位 of this line.
    pub undertaker: Option<RawText>,
    /// 资金分配情况 of this line.
    pub allocation: Option<RawText>,
    /// 资金执行时间 of this line.
    pub period: Option<RawText>,
    /// 补助对象、标准 of this line.
    pub subsidy: Option<Spanned<RawSubsidy>>,
    /// 主要用于 of this line (carry-over).
    pub purpose: Option<RawText>,
}

/// 上年预算数.
#[derive(Debug, Default, Deserialize)]
pub struct RawPrior {
    /// Income by kind.
    #[serde(default)]
    pub income: RawPriorIncome,
    /// Whole spending: basic and project.
    #[serde(default)]
    pub spending: RawPriorSplit,
    /// 一般公共预算当年拨款: basic and project.
    #[serde(default)]
    pub general_budget: RawPriorSplit,
    /// 一般公共预算 by 项.
    #[serde(default)]
    pub items: Vec<RawPriorItem>,
    /// 三公 by item, or `three_public = "none"` (no 三公 budget last year).
    pub three_public: Option<Spanned<Explicit<RawPriorThree>>>,
    /// 机关运行经费.
    pub operating: Option<RawComparison>,
}

/// A prior-year amount and the reason for the change.
#[derive(Debug, Deserialize)]
pub struct RawComparison {
    /// Last year's amount (万元).
    pub amount: Option<RawAmount>,
    /// 主要原因.
    pub reason: Option<RawText>,
}

/// Prior income by kind.
#[derive(Debug, Default, Deserialize)]
pub struct RawPriorIncome {
    /// 一般公共预算（本级）.
    pub general: Option<RawComparison>,
    /// 上级一般公共预算安排的转移支付.
    pub general_transfer: Option<RawComparison>,
    /// 政府性基金预算.
    pub fund: Option<RawComparison>,
    /// 上级政府性基金安排的转移支付.
    pub fund_transfer: Option<RawComparison>,
    /// 国有资本经营预算.
    pub soe: Option<RawComparison>,
    /// 上级国有资本经营预算安排的转移支付.
    pub soe_transfer: Option<RawComparison>,
    /// 财政专户管理资金.
    pub special_account: Option<RawComparison>,
    /// 单位资金.
    pub unit_funds: Option<RawComparison>,
    /// 财政拨款结转.
    pub fiscal_carryover: Option<RawComparison>,
    /// 非财政拨款结转结余.
    pub nonfiscal_carryover: Option<RawComparison>,
}

impl RawPriorIncome {
    /// Each kind's entry, in [`crate::budget::prior::IncomeKind::ALL`] order.
    pub fn in_kind_order(&self) -> [&Option<RawComparison>; 10] {
        [
            &self.general,
            &self.general_transfer,
            &self.fund,
            &self.fund_transfer,
            &self.soe,
            &self.soe_transfer,
            &self.special_account,
            &self.unit_funds,
            &self.fiscal_carryover,
            &self.nonfiscal_carryover,
        ]
    }
}

/// Prior basic and project.
#[derive(Debug, Default, Deserialize)]
pub struct RawPriorSplit {
    /// 基本支出.
    pub basic: Option<RawComparison>,
    /// 项目支出.
    pub project: Option<RawComparison>,
}

/// Prior 一般公共预算 of one 项.
#[derive(Debug, Deserialize)]
pub struct RawPriorItem {
    /// 功能分类 项 code.
    pub code: Option<RawCode>,
    /// Last year's amount.
    pub amount: Option<RawAmount>,
    /// 主要原因.
    pub reason: Option<RawText>,
}

/// Prior 三公.
#[derive(Debug, Default, Deserialize)]
pub struct RawPriorThree {
    /// 因公出国（境）费.
    pub outbound: Option<RawComparison>,
    /// 公务接待费.
    pub reception: Option<RawComparison>,
    /// 公务用车购置费.
    pub vehicle_purchase: Option<RawComparison>,
    /// 公务用车运行费.
    pub vehicle_operation: Option<RawComparison>,
}

impl RawPriorThree {
    /// Each item's entry, in [`crate::budget::prior::ThreeKind::ALL`] order.
    pub fn in_kind_order(&self) -> [&Option<RawComparison>; 4] {
        [
            &self.outbound,
            &self.vehicle_purchase,
            &self.vehicle_operation,
            &self.reception,
        ]
    }
}

/// 其他需说明的事项.
#[derive(Debug, Default, Deserialize)]
pub struct RawNotes {
    /// Why non-fiscal projects publish no performance table.
    pub nonfiscal_reason: Option<RawText>,
    /// Why secret projects publish no performance table.
    pub secret_reason: Option<RawText>,
    /// Further notes, one paragraph each.
    #[serde(default)]
    pub other: Vec<RawText>,
}

/// A glossary entry.
#[derive(Debug, Deserialize)]
pub struct RawTerm {
    /// The term.
    pub term: Option<RawText>,
    /// Its definition.
    pub definition: Option<RawText>,
}

/// Control totals (批复数) checked against the derived figures.
#[derive(Debug, Default, Deserialize)]
pub struct RawControl {
    /// 收支总计.
    pub total: Option<RawAmount>,
    /// 财政拨款（当年）.
    pub fiscal: Option<RawAmount>,
    /// 基本支出.
    pub basic: Option<RawAmount>,
    /// 项目支出.
    pub project: Option<RawAmount>,
    /// 上年财政拨款结转.
    pub fiscal_carryover: Option<RawAmount>,
    /// 上年非财政拨款结转结余.
    pub nonfiscal_carryover: Option<RawAmount>,
}

/// Options.
#[derive(Debug, Default, Deserialize)]
pub struct RawOptions {
    /// `independent` (default: each share rounded from its exact ratio) or `largest_remainder`.
    pub share_rounding: Option<RawText>,
    /// The 尾差 note printed under tables whose totals differ from the sum of their printed
    /// lines; `{unit}` becomes the display unit.
    pub rounding_note: Option<RawText>,
    /// Empty 政府性基金, 国有资本经营 and 结转结余 tables: `statement` (default: printed
    /// with the 空表 statement) or `omit` (left out with their 第三部分 section; what follows
    /// renumbers); one word or `{ fund, soe, carryover }`.
    pub empty_tables: Option<Spanned<Choice<RawEmptyTables>>>,
    /// Where tables 2–7 print their 总计 row: `top` (default) or `bottom`.
    pub total_row: Option<RawText>,
    /// Zero amount cells: `blank` or `zero` (0.00); one word or `{ tables, performance }`.
    pub zero_cells: Option<Spanned<Choice<RawZeroCells>>>,
    /// The unit-name row under 总计 in tables 7 and 11 (default true).
    pub unit_row: Option<bool>,
    /// Year-on-year lists: `code` (default: code order) or `current_first` (this year's 项,
    /// then those that fell to zero).
    pub change_order: Option<RawText>,
}

/// `empty_tables` per table.
#[derive(Debug, Deserialize)]
pub struct RawEmptyTables {
    /// 政府性基金预算支出情况表.
    pub fund: Option<RawText>,
    /// 国有资本经营预算支出情况表.
    pub soe: Option<RawText>,
    /// 上年结转结余情况明细表.
    pub carryover: Option<RawText>,
}

/// `zero_cells` per table kind.
#[derive(Debug, Deserialize)]
pub struct RawZeroCells {
    /// The 公开表 (tables 1–11).
    pub tables: Option<RawText>,
    /// The 绩效目标表.
    pub performance: Option<RawText>,
}

/// Fonts for the PDF: file paths (absolute or relative to the TOML file).
#[derive(Debug, Default, Deserialize)]
pub struct RawFonts {
    /// A directory searched before the system fonts.
    pub dir: Option<RawText>,
    /// 正文（仿宋）.
    pub body: Option<RawText>,
    /// 一级标题（黑体）.
    pub heading: Option<RawText>,
    /// 二级标题（楷体）.
    pub kai: Option<RawText>,
    /// 大标题（小标宋）.
    pub title: Option<RawText>,
    /// 表格（宋体）.
    pub table: Option<RawText>,
}
