//! 上年预算: last year's figures, and the income and 三公 kinds Part 3 compares.

use crate::budget::codes::FuncCode;
use crate::budget::source::Source;
use crate::money::Money;
use std::collections::BTreeMap;

/// Last year's amount and the reason for the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Last year's amount.
    pub prior: Money,
    /// 主要原因.
    pub reason: Option<String>,
    /// Where last year's amount is written, for diagnostics.
    pub span: Option<std::ops::Range<usize>>,
}

impl Comparison {
    /// Last year had none (a section written as `"none"`): zero, no reason.
    pub fn none() -> Comparison {
        Comparison {
            prior: crate::money::Money::ZERO,
            reason: None,
            span: None,
        }
    }
}

/// The income kinds Part 3 §2 compares, in print order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IncomeKind {
    /// 一般公共预算（本级）.
    General,
    /// 上级一般公共预算安排的转移支付.
    GeneralTransfer,
    /// 政府性基金预算.
    Fund,
    /// 上级政府性基金安排的转移支付.
    FundTransfer,
    /// 国有资本经营预算.
    Soe,
    /// 上级国有资本经营预算安排的转移支付.
    SoeTransfer,
    /// 财政专户管理资金.
    SpecialAccount,
    /// 单位资金.
    UnitFunds,
    /// 财政拨款结转.
    FiscalCarryover,
    /// 非财政拨款结转结余.
    NonfiscalCarryover,
}

impl IncomeKind {
    /// All kinds in print order.
    pub const ALL: [IncomeKind; 10] = [
        IncomeKind::General,
        IncomeKind::GeneralTransfer,
        IncomeKind::Fund,
        IncomeKind::FundTransfer,
        IncomeKind::Soe,
        IncomeKind::SoeTransfer,
        IncomeKind::SpecialAccount,
        IncomeKind::UnitFunds,
        IncomeKind::FiscalCarryover,
        IncomeKind::NonfiscalCarryover,
    ];

    /// The kind a source's money is counted under.
    pub fn of(source: Source) -> IncomeKind {
        match source {
            Source::General => IncomeKind::General,
            Source::GeneralTransfer => IncomeKind::GeneralTransfer,
            Source::Fund => IncomeKind::Fund,
            Source::FundTransfer => IncomeKind::FundTransfer,
            Source::Soe => IncomeKind::Soe,
            Source::SoeTransfer => IncomeKind::SoeTransfer,
            Source::SpecialAccount => IncomeKind::SpecialAccount,
            s if s.is_unit_funds() => IncomeKind::UnitFunds,
            s if s.is_fiscal_carryover() => IncomeKind::FiscalCarryover,
            _ => IncomeKind::NonfiscalCarryover,
        }
    }

    /// Its key under `[prior.income]`.
    pub fn key(self) -> &'static str {
        match self {
            IncomeKind::General => "general",
            IncomeKind::GeneralTransfer => "general_transfer",
            IncomeKind::Fund => "fund",
            IncomeKind::FundTransfer => "fund_transfer",
            IncomeKind::Soe => "soe",
            IncomeKind::SoeTransfer => "soe_transfer",
            IncomeKind::SpecialAccount => "special_account",
            IncomeKind::UnitFunds => "unit_funds",
            IncomeKind::FiscalCarryover => "fiscal_carryover",
            IncomeKind::NonfiscalCarryover => "nonfiscal_carryover",
        }
    }

    /// The name Part 3 prints.
    pub fn name(self) -> &'static str {
        match self {
            IncomeKind::General => "一般公共预算",
            IncomeKind::GeneralTransfer => "上级一般公共预算安排的转移支付资金",
            IncomeKind::Fund => "政府性基金预算",
            IncomeKind::FundTransfer => "上级政府性基金安排的转移支付资金",
            IncomeKind::Soe => "国有资本经营预算",
            IncomeKind::SoeTransfer => "上级国有资本经营预算安排的转移支付资金",
            IncomeKind::SpecialAccount => "财政专户管理资金",
            IncomeKind::UnitFunds => "单位资金",
            IncomeKind::FiscalCarryover => "财政拨款结转",
            IncomeKind::NonfiscalCarryover => "非财政拨款结转结余",
        }
    }

    /// Printed even when both years are zero (as `…未安排。`).
    pub fn always_listed(self) -> bool {
        !matches!(
            self,
            IncomeKind::SpecialAccount
                | IncomeKind::FiscalCarryover
                | IncomeKind::NonfiscalCarryover
        )
    }
}

/// The four 三公 items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ThreeKind {
    /// 因公出国（境）费.
    Outbound,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
}

impl ThreeKind {
    /// Print order of Part 3 §10.
    pub const ALL: [ThreeKind; 4] = [
        ThreeKind::Outbound,
        ThreeKind::VehiclePurchase,
        ThreeKind::VehicleOperation,
        ThreeKind::Reception,
    ];

    /// Its key under `[prior.three_public]`.
    pub fn key(self) -> &'static str {
        match self {
            ThreeKind::Outbound => "outbound",
            ThreeKind::VehiclePurchase => "vehicle_purchase",
            ThreeKind::VehicleOperation => "vehicle_operation",
            ThreeKind::Reception => "reception",
        }
    }

    /// Name.
    pub fn name(self) -> &'static str {
        match self {
            ThreeKind::Outbound => "因公出国（境）费",
            ThreeKind::VehiclePurchase => "公务用车购置费",
            ThreeKind::VehicleOperation => "公务用车运行费",
            ThreeKind::Reception => "公务接待费",
        }
    }

    /// The 经济分类 款 code that carries it.
    pub fn econ_code(self) -> &'static str {
        match self {
            ThreeKind::Outbound => "30212",
            ThreeKind::VehiclePurchase => "31013",
            ThreeKind::VehicleOperation => "30231",
            ThreeKind::Reception => "30217",
        }
    }
}

/// A basic/project pair of comparisons.
#[derive(Debug, Clone, Default)]
pub struct PriorSplit {
    /// 基本支出.
    pub basic: Option<Comparison>,
    /// 项目支出.
    pub project: Option<Comparison>,
}

/// 上年预算.
#[derive(Debug, Clone, Default)]
pub struct Prior {
    /// Income by kind.
    pub income: BTreeMap<IncomeKind, Comparison>,
    /// Whole spending.
    pub spending: PriorSplit,
    /// 一般公共预算当年拨款.
    pub general_budget: PriorSplit,
    /// 一般公共预算 by 项.
    pub items: BTreeMap<FuncCode, Comparison>,
    /// 三公.
    pub three_public: BTreeMap<ThreeKind, Comparison>,
    /// 机关运行经费.
    pub operating: Option<Comparison>,
}
