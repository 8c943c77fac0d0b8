//! 资金来源: where a line of spending's money comes from. Income is derived from these.

use serde::Serialize;

/// A source of funds, as written in the TOML `source = "…"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Source {
    /// 一般公共预算（本级财力）.
    General,
    /// 上级一般公共预算安排的转移支付.
    GeneralTransfer,
    /// 政府性基金预算（本级）.
    Fund,
    /// 上级政府性基金安排的转移支付.
    FundTransfer,
    /// 国有资本经营预算（本级）.
    Soe,
    /// 上级国有资本经营预算安排的转移支付.
    SoeTransfer,
    /// 财政专户管理资金（教育收费）.
    SpecialAccount,
    /// 单位资金：事业收入.
    OperatingRevenue,
    /// 单位资金：上级补助收入.
    SuperiorSubsidy,
    /// 单位资金：附属单位上缴收入.
    AffiliateRemittance,
    /// 单位资金：事业单位经营收入.
    BusinessRevenue,
    /// 单位资金：其他收入.
    OtherRevenue,
    /// 上年财政拨款结转：一般公共预算.
    GeneralCarryover,
    /// 上年财政拨款结转：政府性基金预算.
    FundCarryover,
    /// 上年财政拨款结转：国有资本经营预算.
    SoeCarryover,
    /// 上年非财政拨款结转结余：财政专户.
    SpecialAccountCarryover,
    /// 上年非财政拨款结转结余：单位资金.
    UnitFundsCarryover,
}

/// Every source with the name users write, in table order.
pub const SOURCES: [(Source, &str); 17] = [
    (Source::General, "一般公共预算"),
    (Source::GeneralTransfer, "上级一般公共预算"),
    (Source::Fund, "政府性基金"),
    (Source::FundTransfer, "上级政府性基金"),
    (Source::Soe, "国有资本经营"),
    (Source::SoeTransfer, "上级国有资本经营"),
    (Source::SpecialAccount, "财政专户"),
    (Source::OperatingRevenue, "事业收入"),
    (Source::SuperiorSubsidy, "上级补助收入"),
    (Source::AffiliateRemittance, "附属单位上缴收入"),
    (Source::BusinessRevenue, "事业单位经营收入"),
    (Source::OtherRevenue, "其他收入"),
    (Source::GeneralCarryover, "一般公共预算结转"),
    (Source::FundCarryover, "政府性基金结转"),
    (Source::SoeCarryover, "国有资本经营结转"),
    (Source::SpecialAccountCarryover, "财政专户结转结余"),
    (Source::UnitFundsCarryover, "单位资金结转结余"),
];

/// The 单位资金 kinds.
pub const UNIT_FUNDS: [Source; 5] = [
    Source::OperatingRevenue,
    Source::SuperiorSubsidy,
    Source::AffiliateRemittance,
    Source::BusinessRevenue,
    Source::OtherRevenue,
];

/// Last year's 财政拨款结转 kinds.
pub const FISCAL_CARRYOVER: [Source; 3] = [
    Source::GeneralCarryover,
    Source::FundCarryover,
    Source::SoeCarryover,
];

/// Last year's 非财政拨款结转结余 kinds.
pub const NONFISCAL_CARRYOVER: [Source; 2] =
    [Source::SpecialAccountCarryover, Source::UnitFundsCarryover];

/// Which budget a fiscal source belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Budget {
    /// 一般公共预算.
    General,
    /// 政府性基金预算.
    Fund,
    /// 国有资本经营预算.
    Soe,
}

impl Source {
    /// Parses the name a user writes; accepts the common long forms too.
    pub fn parse(name: &str) -> Option<Source> {
        let n = name.trim();
        let n = n
            .strip_suffix("预算拨款")
            .or_else(|| n.strip_suffix("安排的转移支付"))
            .or_else(|| n.strip_suffix("转移支付"))
            .map(|s| s.trim_end_matches("预算"))
            .unwrap_or(n);
        let n = match n {
            "政府性基金预算" => "政府性基金",
            "国有资本经营预算" => "国有资本经营",
            "上级一般公共" | "上级一般公共预算安排" => "上级一般公共预算",
            "一般公共" => "一般公共预算",
            "财政专户管理资金" | "财政专户核拨" => "财政专户",
            other => other,
        };
        SOURCES.iter().find(|(_, s)| *s == n).map(|(src, _)| *src)
    }

    /// The name users write.
    pub fn name(self) -> &'static str {
        SOURCES
            .iter()
            .find(|(s, _)| *s == self)
            .map(|(_, n)| *n)
            .unwrap_or("")
    }

    /// Current-year fiscal appropriation (财政拨款), and of which budget.
    pub fn fiscal_budget(self) -> Option<Budget> {
        match self {
            Source::General | Source::GeneralTransfer => Some(Budget::General),
            Source::Fund | Source::FundTransfer => Some(Budget::Fund),
            Source::Soe | Source::SoeTransfer => Some(Budget::Soe),
            _ => None,
        }
    }

    /// True for 单位资金 kinds.
    pub fn is_unit_funds(self) -> bool {
        UNIT_FUNDS.contains(&self)
    }

    /// True for last year's 财政拨款结转.
    pub fn is_fiscal_carryover(self) -> bool {
        FISCAL_CARRYOVER.contains(&self)
    }

    /// True for last year's 非财政拨款结转结余.
    pub fn is_nonfiscal_carryover(self) -> bool {
        NONFISCAL_CARRYOVER.contains(&self)
    }

    /// True for either kind of carry-over.
    pub fn is_carryover(self) -> bool {
        self.is_fiscal_carryover() || self.is_nonfiscal_carryover()
    }

    /// True for current-year money that is not a fiscal appropriation (财政专户, 单位资金).
    pub fn is_current_nonfiscal(self) -> bool {
        self == Source::SpecialAccount || self.is_unit_funds()
    }
}

/// A comma-separated list of accepted names, for error hints.
pub fn accepted_names() -> String {
    SOURCES
        .iter()
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_long_forms() {
        assert_eq!(Source::parse("一般公共预算"), Some(Source::General));
        assert_eq!(Source::parse("政府性基金预算"), Some(Source::Fund));
        assert_eq!(
            Source::parse("上级一般公共预算安排的转移支付"),
            Some(Source::GeneralTransfer)
        );
        assert_eq!(Source::parse("其他收入"), Some(Source::OtherRevenue));
        assert_eq!(
            Source::parse("单位资金结转结余"),
            Some(Source::UnitFundsCarryover)
        );
        assert_eq!(Source::parse("一般公共"), Some(Source::General));
        assert_eq!(Source::parse("财政"), None);
    }

    #[test]
    fn every_name_round_trips() {
        for (s, n) in SOURCES {
            assert_eq!(Source::parse(n), Some(s));
            assert_eq!(s.name(), n);
        }
    }
}
