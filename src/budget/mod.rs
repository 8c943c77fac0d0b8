//! The validated budget: clean types, no spans, every amount exact. Every stage after the
//! input (consolidation, derivation, the document) reads this, never the raw TOML.

pub mod codes;
pub mod member;
pub mod options;
pub mod prior;
pub mod source;

use crate::money::{Money, MoneyUnit};
use codes::{EconCode, FuncCode, Names};
use source::Source;
use std::collections::BTreeMap;
use std::path::PathBuf;
use validator::Validate;

pub use member::Member;
pub use prior::{Comparison, IncomeKind, Prior, PriorSplit, ThreeKind};

/// The default wording of the 尾差 note; `{unit}` becomes 万元 or 元.
pub const DEFAULT_ROUNDING_NOTE: &str =
    "注：本表金额单位为{unit}，因四舍五入，合计数与各分项之和可能存在尾差。";

/// 部门 or 单位: changes the wording throughout (部门预算 / 单位预算, 编制部门 / 编制单位).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// 部门.
    Department,
    /// 单位.
    Unit,
}

impl Scope {
    /// The word: `部门` or `单位`.
    pub fn word(self) -> &'static str {
        match self {
            Scope::Department => "部门",
            Scope::Unit => "单位",
        }
    }
}

/// A calendar date (for the 落款).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// The unit.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Full name.
    pub name: String,
    /// 部门 or 单位.
    pub scope: Scope,
    /// Budget year.
    pub year: i32,
    /// Date of issue.
    pub issued: Option<Date>,
    /// Other legitimate spellings of the name.
    pub aliases: Vec<String>,
    /// The unit the TOML's amounts are written in (default 万元).
    pub amount_unit: MoneyUnit,
    /// The unit tables and sentences print amounts in (default 万元).
    pub display_unit: MoneyUnit,
    /// The edition of the classification the codes follow (`[unit] classification`).
    pub classification: String,
}

impl Unit {
    /// An amount as printed in a sentence: `1,795.47万元` (or `…元` when printing in 元).
    pub fn money(&self, m: Money) -> String {
        self.display_unit.with_name(m)
    }
}

/// Head counts this year and last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeadCount {
    /// This year.
    pub now: u32,
    /// Last year.
    pub prior: u32,
}

/// 编制与人员.
#[derive(Debug, Clone, Default, Validate)]
pub struct Staffing {
    /// 编制数.
    #[validate(range(max = 100000, message = "编制数不合理（超过100000）"))]
    pub authorized: u32,
    /// 在职.
    pub in_service: HeadCount,
    /// 退休.
    pub retired: HeadCount,
    /// 离休.
    pub veteran: HeadCount,
}

/// 第一部分.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Sentence before the functions.
    pub functions_intro: Option<String>,
    /// Functions.
    pub functions: Vec<String>,
    /// How the functions are numbered.
    pub functions_numbering: crate::budget::options::Numbering,
    /// Subordinate budget units.
    pub subordinates: Vec<String>,
    /// 处室 / 科室 / 股室.
    pub office_word: String,
    /// Internal offices.
    pub offices: Vec<String>,
    /// Staffing.
    pub staffing: Staffing,
    /// Subordinate units the 机关运行经费 includes: (行政单位, 事业单位).
    pub operating_units: Option<(u32, u32)>,
}

/// A line of basic spending by function.
#[derive(Debug, Clone)]
pub struct BasicLine {
    /// 功能分类 项.
    pub code: FuncCode,
    /// Source of funds.
    pub source: Source,
    /// Amount.
    pub amount: Money,
    /// Of which 人员经费, when given.
    pub personnel: Option<Money>,
    /// Where the line is written.
    pub span: Option<std::ops::Range<usize>>,
}

/// A line of basic spending by economic 款.
#[derive(Debug, Clone)]
pub struct EconomicLine {
    /// 经济分类 款.
    pub code: EconCode,
    /// Source of funds.
    pub source: Source,
    /// Amount.
    pub amount: Money,
    /// Where the line is written.
    pub span: Option<std::ops::Range<usize>>,
}

/// Which project a line belongs to: the index of the project's first `[[projects]]` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProjectId(pub usize);

/// One line of a project: one 功能分类 项 and source. A project is the lines sharing an id.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project it belongs to.
    pub id: ProjectId,
    /// 项目名称; empty where the TOML leaves it out (no output prints it).
    pub name: String,
    /// 功能分类 项.
    pub code: FuncCode,
    /// Source of funds.
    pub source: Source,
    /// The line's amount.
    pub amount: Money,
    /// Amounts by 经济分类 code (类 or 款); empty where none is needed and none is given.
    pub economic: Vec<(EconCode, Money)>,
    /// 涉密.
    pub secret: bool,
    /// 设立的政策依据.
    pub basis: Option<String>,
    /// 项目承担单位.
    pub undertaker: Option<String>,
    /// 资金分配情况.
    pub allocation: Option<String>,
    /// 资金执行时间.
    pub period: Option<String>,
    /// Subsidy lines, (label, text), printed one each in order.
    pub subsidy: Vec<(String, String)>,
    /// 主要用于 (carry-over).
    pub purpose: Option<String>,
    /// Where the project is written.
    pub span: Option<std::ops::Range<usize>>,
    /// In a department's consolidated budget, the unit it belongs to (an index into
    /// [`Budget::members`]); `None` in a unit's own budget.
    pub member: Option<usize>,
}

impl Project {
    /// The line's total.
    pub fn total(&self) -> Money {
        self.amount
    }
}

/// 政府采购.
#[derive(Debug, Clone)]
pub struct Procurement {
    /// 货物.
    pub goods: Money,
    /// 工程.
    pub works: Money,
    /// 服务.
    pub services: Money,
    /// 面向中小企业预留.
    pub sme_reserved: Money,
    /// 小微企业预留.
    pub small_micro_reserved: Money,
}

/// A count and value.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountValue {
    /// Count.
    pub count: u32,
    /// Value.
    pub value: Money,
}

/// 国有资产.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// 房屋面积（平方米）, two decimals.
    pub building_area: rust_decimal::Decimal,
    /// 房屋价值.
    pub building_value: Money,
    /// 一般公务用车.
    pub general_vehicles: CountValue,
    /// 执法执勤用车.
    pub enforcement_vehicles: CountValue,
    /// 其他车辆.
    pub other_vehicles: CountValue,
    /// 办公家具价值.
    pub furniture_value: Money,
    /// 其他资产价值.
    pub other_value: Money,
    /// 50万元以上设备.
    pub equipment_over_50: u32,
    /// 100万元以上设备.
    pub equipment_over_100: u32,
    /// 本年购置车辆.
    pub plan_vehicles: u32,
    /// 本年购置50万元以上设备.
    pub plan_equipment_over_50: u32,
    /// 本年购置100万元以上设备.
    pub plan_equipment_over_100: u32,
}

/// One indicator row. Field rules are declared with `validator` and reported as diagnostics.
#[derive(Debug, Clone, Default, Validate)]
pub struct Indicator {
    /// 一级指标.
    #[validate(length(min = 1, message = "一级指标不能为空"))]
    pub level1: String,
    /// 二级指标.
    pub level2: String,
    /// 三级指标.
    pub level3: String,
    /// 指标值.
    pub value: String,
    /// 指标值设定依据.
    pub basis: String,
    /// 上年完成值.
    pub prior_value: String,
    /// 分值权重.
    #[validate(range(min = 1, max = 100, message = "单项分值权重应在1到100之间"))]
    pub weight: Option<u32>,
    /// 指标赋分规则.
    pub scoring: String,
    /// 佐证资料.
    pub evidence: String,
}

/// 整体绩效目标.
#[derive(Debug, Clone)]
pub struct UnitPerformance {
    /// Unit name as printed.
    pub unit_name: String,
    /// 联系人.
    pub contact: Option<String>,
    /// 联系电话.
    pub phone: Option<String>,
    /// 年度绩效目标.
    pub goal: String,
    /// Indicators.
    pub indicators: Vec<Indicator>,
}

/// 项目绩效目标.
#[derive(Debug, Clone)]
pub struct ProjectPerformance {
    /// Project name.
    pub project: String,
    /// The project the table is for (`None` when no project has its name, an error).
    pub id: Option<ProjectId>,
    /// 预算单位 as printed.
    pub unit_name: String,
    /// 项目负责人.
    pub manager: Option<String>,
    /// 项目总体目标.
    pub goal: String,
    /// Indicators.
    pub indicators: Vec<Indicator>,
}

/// 预算绩效.
#[derive(Debug, Clone, Default)]
pub struct Performance {
    /// 整体.
    pub unit: Option<UnitPerformance>,
    /// Per project.
    pub projects: Vec<ProjectPerformance>,
    /// How the summary sentence counts projects.
    pub count_style: crate::budget::options::CountStyle,
    /// State the amount of projects published without a table.
    pub untabled_amount: bool,
    /// Where the unit-wide table files each kind of money.
    pub funding: crate::budget::options::FundingRules,
}

/// 其他需说明的事项.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// Why non-fiscal projects publish no table.
    pub nonfiscal_reason: Option<String>,
    /// Why secret projects publish no table.
    pub secret_reason: Option<String>,
    /// Further paragraphs.
    pub other: Vec<String>,
}

/// How structure shares are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShareRounding {
    /// Each share rounded half-up from its exact ratio, like every amount (the list may sum
    /// to 99.99% or 100.01%: a 尾差).
    #[default]
    Independent,
    /// Largest remainder: the list sums to exactly 100.00%, a share may print 0.01 above or
    /// below its exact ratio rounded.
    LargestRemainder,
}

/// Font choices from the TOML, paths resolved against the TOML's directory.
#[derive(Debug, Clone, Default)]
pub struct Fonts {
    /// Extra directory to search.
    pub dir: Option<PathBuf>,
    /// 正文.
    pub body: Option<PathBuf>,
    /// 黑体.
    pub heading: Option<PathBuf>,
    /// 楷体.
    pub kai: Option<PathBuf>,
    /// 小标宋.
    pub title: Option<PathBuf>,
    /// 表格.
    pub table: Option<PathBuf>,
}

/// Where the HTML page is published (`[publish]`): the 政府网站 metadata given in the TOML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publish {
    /// `SiteName`.
    pub site_name: Option<String>,
    /// `SiteIDCode`, the 政府网站标识码 (format checked).
    pub site_id: Option<String>,
    /// `ColumnName`.
    pub column: Option<String>,
    /// `ContentSource`, when it is not the unit itself.
    pub source: Option<String>,
}

/// The whole validated budget.
#[derive(Debug, Clone)]
pub struct Budget {
    /// Unit.
    pub unit: Unit,
    /// 第一部分.
    pub overview: Overview,
    /// Basic spending by function.
    pub basic: Vec<BasicLine>,
    /// Basic spending by economic 款.
    pub basic_economic: Vec<EconomicLine>,
    /// Projects.
    pub projects: Vec<Project>,
    /// 上年预算.
    pub prior: Prior,
    /// 主要用于 by 类 code.
    pub purposes: BTreeMap<FuncCode, String>,
    /// 政府采购.
    pub procurement: Option<Procurement>,
    /// 国有资产.
    pub assets: Assets,
    /// 绩效.
    pub performance: Performance,
    /// Notes.
    pub notes: Notes,
    /// Glossary overrides and additions.
    pub glossary: Vec<(String, String)>,
    /// Classification names.
    pub names: Names,
    /// Share rounding.
    pub share_rounding: ShareRounding,
    /// Wording of the 尾差 note under tables (`{unit}` is the display unit); by default
    /// [`DEFAULT_ROUNDING_NOTE`].
    pub rounding_note: String,
    /// Empty tables, table conventions, list order.
    pub options: options::Options,
    /// Fonts.
    pub fonts: Fonts,
    /// 政府网站 metadata for the HTML page.
    pub publish: Publish,
    /// Control totals to check: which total, the declared amount, where it is written.
    pub control: Vec<(ControlTotal, crate::money::Declared, std::ops::Range<usize>)>,
    /// The units a department's consolidated budget sums (`[consolidate]`), in the order
    /// listed; empty for a budget that sums nothing.
    pub members: Vec<Member>,
}

impl Budget {
    /// True for a department's budget summed from its units' files.
    pub fn is_consolidated(&self) -> bool {
        !self.members.is_empty()
    }
}

/// A declared control total (批复数).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlTotal {
    /// 收支总计.
    Total,
    /// 当年财政拨款.
    Fiscal,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 财政拨款结转.
    FiscalCarryover,
    /// 非财政拨款结转结余.
    NonfiscalCarryover,
}

impl ControlTotal {
    /// The TOML key and the Chinese name.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            ControlTotal::Total => ("total", "收支总计"),
            ControlTotal::Fiscal => ("fiscal", "当年财政拨款"),
            ControlTotal::Basic => ("basic", "基本支出"),
            ControlTotal::Project => ("project", "项目支出"),
            ControlTotal::FiscalCarryover => ("fiscal_carryover", "上年财政拨款结转"),
            ControlTotal::NonfiscalCarryover => ("nonfiscal_carryover", "上年非财政拨款结转结余"),
        }
    }
}
