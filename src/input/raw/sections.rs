//! Raw input sections for 政府采购, 国有资产 and 绩效, kept with spans like the rest of
//! [`crate::input::raw`].

use crate::input::raw::{RawAmount, RawCount, RawText};
use serde::Deserialize;

/// 政府采购.
#[derive(Debug, Deserialize)]
pub struct RawProcurement {
    /// 货物.
    pub goods: Option<RawAmount>,
    /// 工程.
    pub works: Option<RawAmount>,
    /// 服务.
    pub services: Option<RawAmount>,
    /// Declared total, checked against the parts.
    pub total: Option<RawAmount>,
    /// 面向中小企业预留.
    pub sme_reserved: Option<RawAmount>,
    /// 其中小微企业预留.
    pub small_micro_reserved: Option<RawAmount>,
}

/// A count and a value.
#[derive(Debug, Deserialize)]
pub struct RawCountValue {
    /// 数量.
    pub count: Option<RawCount>,
    /// 价值（万元）.
    pub value: Option<RawAmount>,
}

/// 国有资产 at the end of last year.
#[derive(Debug, Deserialize)]
pub struct RawAssets {
    /// 房屋面积（平方米）.
    pub building_area: Option<RawAmount>,
    /// 房屋价值.
    pub building_value: Option<RawAmount>,
    /// 一般公务用车.
    pub general_vehicles: Option<RawCountValue>,
    /// 执法执勤用车.
    pub enforcement_vehicles: Option<RawCountValue>,
    /// 其他车辆.
    pub other_vehicles: Option<RawCountValue>,
    /// 办公家具价值.
    pub furniture_value: Option<RawAmount>,
    /// 其他资产价值.
    pub other_value: Option<RawAmount>,
    /// 单位价值50万元以上大型设备（台）.
    pub equipment_over_50: Option<RawCount>,
    /// 单位价值100万元以上大型设备（台）.
    pub equipment_over_100: Option<RawCount>,
    /// This year's purchases.
    #[serde(default)]
    pub plan: RawAssetPlan,
}

/// Purchases planned this year.
#[derive(Debug, Default, Deserialize)]
pub struct RawAssetPlan {
    /// 车辆（辆）.
    pub vehicles: Option<RawCount>,
    /// 50万元以上大型设备（台）.
    pub equipment_over_50: Option<RawCount>,
    /// 100万元以上大型设备（台）.
    pub equipment_over_100: Option<RawCount>,
}

/// 预算绩效.
#[derive(Debug, Default, Deserialize)]
pub struct RawPerformance {
    /// The weight every table's indicators must add up to (default 90).
    pub weight_total: Option<RawCount>,
    /// 整体绩效目标表.
    pub unit: Option<RawUnitPerformance>,
    /// 项目支出绩效目标表.
    #[serde(default)]
    pub projects: Vec<RawProjectPerformance>,
    /// The summary sentence's project counts: `split` (default: 财政拨款 and 非财政拨款
    /// counts) or `total` (当年预算安排项目共N个).
    pub count_style: Option<RawText>,
    /// Add 「其中未公开绩效目标表涉及金额X」 for projects published without a table.
    pub untabled_amount: Option<bool>,
    /// Where the unit-wide table files each kind of money.
    pub funding: Option<RawFunding>,
}

/// Where the unit-wide performance table files each kind of money: `superior` (财政资金
/// 上级安排), `local` (财政资金 本级安排), `other` (其他资金) or `excluded`.
#[derive(Debug, Deserialize)]
pub struct RawFunding {
    /// 财政拨款结转 (default `local`).
    pub fiscal_carryover: Option<RawText>,
    /// 非财政拨款结转结余 (default `other`).
    pub nonfiscal_carryover: Option<RawText>,
    /// 单位资金 (default `other`).
    pub unit_funds: Option<RawText>,
    /// 财政专户管理资金 (default `other`).
    pub special_account: Option<RawText>,
}

/// 整体绩效目标表.
#[derive(Debug, Deserialize)]
pub struct RawUnitPerformance {
    /// Unit name as printed in the table; must be the unit's name.
    pub unit_name: Option<RawText>,
    /// 联系人.
    pub contact: Option<RawText>,
    /// 联系电话.
    pub phone: Option<RawText>,
    /// 年度绩效目标.
    pub goal: Option<RawText>,
    /// Indicators.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// 项目支出绩效目标表.
#[derive(Debug, Deserialize)]
pub struct RawProjectPerformance {
    /// The project's name, exactly as in `[[projects]]`.
    pub project: Option<RawText>,
    /// 预算单位 as printed; must be the unit's name.
    pub unit_name: Option<RawText>,
    /// 项目负责人.
    pub manager: Option<RawText>,
    /// 年度预算总额 as printed on the table (optional): checked against the project's amount.
    pub budget: Option<RawAmount>,
    /// 项目总体目标.
    pub goal: Option<RawText>,
    /// Indicators.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// One indicator row.
#[derive(Debug, Deserialize)]
pub struct RawIndicator {
    /// 一级指标.
    pub level1: Option<RawText>,
    /// 二级指标.
    pub level2: Option<RawText>,
    /// 三级指标.
    pub level3: Option<RawText>,
    /// 指标值.
    pub value: Option<RawText>,
    /// 指标值设定依据.
    pub basis: Option<RawText>,
    /// 上年完成值.
    pub prior_value: Option<RawText>,
    /// 分值权重.
    pub weight: Option<RawCount>,
    /// 指标赋分规则.
    pub scoring: Option<RawText>,
    /// 佐证资料.
    pub evidence: Option<RawText>,
}

/// `[publish]`: where the HTML page is published, for the 政府网站 metadata of its head.
#[derive(Debug, Default, Deserialize)]
pub struct RawPublish {
    /// The site's name (`SiteName`), e.g. `奇台县人民政府`.
    pub site_name: Option<RawText>,
    /// The 政府网站标识码 (`SiteIDCode`): ten digits, or `bm` and eight digits.
    pub site_id: Option<RawText>,
    /// The column (栏目) the page is published under (`ColumnName`).
    pub column: Option<RawText>,
    /// Who provides the content (`ContentSource`); default the unit's name.
    pub source: Option<RawText>,
}
