//! Sentence builders: shares and changes in the references' wording.

use super::change::Change;
use crate::budget::Comparison;
use crate::money::{Money, MoneyUnit, Percent};

/// How the reason is attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonStyle {
    /// `…，下降6.23%，主要原因是…。` (第三部分二、三).
    Comma,
    /// `…，下降6.23%。主要原因是…。` (第三部分五、十二).
    Period,
}

/// `{name}{amount}万元，占{share}%，比上年预算{change}，主要原因是{reason}。`
///
/// Both years zero: `{name}未安排。`, unless a reason is given, then the full sentence with
/// zeros as the references print it. `share` is left out when `None`. When this year is zero
/// and no reason is given, `default_zero_reason` is used (e.g. 本年未安排此项预算).
pub fn amount_change(
    unit: MoneyUnit,
    name: &str,
    now: Money,
    share: Option<Percent>,
    prior: Option<&Comparison>,
    style: ReasonStyle,
    default_zero_reason: Option<&str>,
) -> String {
    let prior_amount = prior.map(|c| c.prior).unwrap_or_default();
    let change = Change::new(now, prior_amount);
    let reason = prior.and_then(|c| c.reason.clone()).or_else(|| {
        if now.is_zero() {
            default_zero_reason.map(str::to_string)
        } else {
            None
        }
    });
    if unarranged(now, prior) {
        return format!("{name}未安排。");
    }
    let mut s = format!("{name}{}", unit.with_name(now));
    if let Some(p) = share {
        s.push_str(&format!("，占{}%", p.plain()));
    }
    s.push_str(&format!("，比上年预算{}", change.phrase(unit)));
    s.push_str(&reason_clause(reason.as_deref(), style));
    s
}

/// Zero this year and last year (or last year not written), with no reason given: the
/// sentence says only that nothing is arranged (「…未安排」).
pub fn unarranged(now: Money, prior: Option<&Comparison>) -> bool {
    let prior_amount = prior.map(|c| c.prior).unwrap_or_default();
    Change::new(now, prior_amount).both_zero() && prior.and_then(|c| c.reason.as_ref()).is_none()
}

/// `，主要原因是…。` / `。主要原因是…。` / `。` when there is no reason.
pub fn reason_clause(reason: Option<&str>, style: ReasonStyle) -> String {
    match (reason, style) {
        (Some(r), ReasonStyle::Comma) => format!("，主要原因是{}。", r.trim_end_matches('。')),
        (Some(r), ReasonStyle::Period) => format!("。主要原因是{}。", r.trim_end_matches('。')),
        (None, _) => "。".to_string(),
    }
}

/// Joins names with 、.
pub fn list(names: &[String]) -> String {
    names.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse_exact(s).unwrap()
    }

    fn cmp(prior: &str, reason: Option<&str>) -> Comparison {
        Comparison {
            prior: m(prior),
            reason: reason.map(str::to_string),
            span: None,
        }
    }

    #[test]
    fn change_with_share_and_reason() {
        let c = cmp("1378.84", Some("减少清偿债务经费"));
        assert_eq!(
            amount_change(MoneyUnit::Wan, "一般公共预算", m("581.77"), Some(Percent::from_percent("32.40".parse().unwrap())), Some(&c), ReasonStyle::Comma, None),
            "一般公共预算581.77万元，占32.40%，比上年预算减少797.07万元，下降57.81%，主要原因是减少清偿债务经费。"
        );
    }

    #[test]
    fn both_zero_without_reason_is_not_arranged() {
        assert_eq!(
            amount_change(
                MoneyUnit::Wan,
                "政府性基金预算",
                Money::ZERO,
                Some(Percent::ZERO),
                None,
                ReasonStyle::Comma,
                None
            ),
            "政府性基金预算未安排。"
        );
        let c = cmp("0", None);
        assert_eq!(
            amount_change(
                MoneyUnit::Wan,
                "政府性基金预算",
                Money::ZERO,
                None,
                Some(&c),
                ReasonStyle::Comma,
                None
            ),
            "政府性基金预算未安排。"
        );
    }

    #[test]
    fn both_zero_with_reason_prints_zeros() {
        let c = cmp("0.00", Some("2023年和2024年均未安排"));
        assert_eq!(
            amount_change(MoneyUnit::Wan, "政府性基金预算", Money::ZERO, Some(Percent::ZERO), Some(&c), ReasonStyle::Comma, None),
            "政府性基金预算0.00万元，占0.00%，比上年预算增加0.00万元，增长0.00%，主要原因是2023年和2024年均未安排。"
        );
    }

    #[test]
    fn this_year_zero_uses_default_reason() {
        let c = cmp("880.00", None);
        assert_eq!(
            amount_change(MoneyUnit::Wan, "项目支出", Money::ZERO, None, Some(&c), ReasonStyle::Period, Some("本年未安排此项预算")),
            "项目支出0.00万元，比上年预算减少880.00万元，下降100.00%。主要原因是本年未安排此项预算。"
        );
    }

    #[test]
    fn new_this_year() {
        let c = cmp("0", Some("新增科目"));
        assert_eq!(
            amount_change(
                MoneyUnit::Wan,
                "X",
                m("20.04"),
                None,
                Some(&c),
                ReasonStyle::Period,
                None
            ),
            "X20.04万元，比上年预算增加20.04万元，增长100.00%。主要原因是新增科目。"
        );
    }
}
