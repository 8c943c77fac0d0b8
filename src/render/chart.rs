//! The chart layout both renderers draw: one row per item — the label, a bar as long as the
//! item's fraction of the largest item, and the value text 「X万元 Y%」 after the bar.
//!
//! It is computed once from [`document::Chart`](crate::document::Chart) (whose figures are
//! already derived and formatted); the HTML and the PDF only place it. The proportions of
//! the row are shared too, so both outputs look alike.

use crate::document::Chart;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

/// Width of the label column, in percent of the chart's width (labels are right-aligned in it).
pub const LABEL_PERCENT: u32 = 34;
/// Length of the longest bar, in percent of the chart's width.
pub const BAR_PERCENT: u32 = 38;

/// A chart as laid out: its title and its rows, in the document's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartLayout {
    /// Anchor id of the chart.
    pub id: String,
    /// Caption, drawn centred above the rows.
    pub title: String,
    /// One row per item.
    pub rows: Vec<ChartRow>,
}

/// One row: label, bar, value text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartRow {
    /// The item's label.
    pub label: String,
    /// The bar's length as a fraction of the longest bar (0–1, four decimals): the item's
    /// amount over the largest amount of the chart.
    pub fraction: Decimal,
    /// The value text after the bar: `581.77万元 32.40%`.
    pub value: String,
}

impl ChartRow {
    /// The bar's length when the longest bar is `longest` long (points, pixels, percent…).
    pub fn bar(&self, longest: f32) -> f32 {
        self.fraction.to_f32().unwrap_or(0.0).clamp(0.0, 1.0) * longest
    }
}

/// Lays out `chart`: each bar relative to the largest amount (negative amounts draw no
/// bar; a chart whose amounts are all zero draws none).
pub fn layout(chart: &Chart) -> ChartLayout {
    let max = chart
        .items
        .iter()
        .map(|i| i.amount.decimal())
        .fold(Decimal::ZERO, Decimal::max);
    let rows = chart
        .items
        .iter()
        .map(|item| {
            let amount = item.amount.decimal().max(Decimal::ZERO);
            let fraction = if max.is_zero() {
                Decimal::ZERO
            } else {
                (amount / max).min(Decimal::ONE).round_dp(4).normalize()
            };
            ChartRow {
                label: item.label.clone(),
                fraction,
                value: format!("{}{} {}%", item.amount_text, chart.unit, item.share.plain()),
            }
        })
        .collect();
    ChartLayout {
        id: chart.id.clone(),
        title: chart.title.clone(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Money, MoneyUnit, Percent};
    use std::str::FromStr;

    fn item(label: &str, amount: &str, share: &str) -> (String, Money, Percent) {
        (
            label.into(),
            Money::parse_exact(amount).unwrap(),
            Percent::from_percent(Decimal::from_str(share).unwrap()),
        )
    }

    #[test]
    fn bars_are_fractions_of_the_largest_item_and_values_carry_unit_and_share() {
        let chart = Chart::new(
            "chart-income",
            "收入预算构成",
            Money::parse_exact("1795.47").unwrap(),
            vec![
                item("一般公共预算", "581.77", "32.40"),
                item("上级转移支付", "502.00", "27.96"),
                item("单位资金", "711.70", "39.64"),
            ],
            MoneyUnit::Wan,
        );
        let l = layout(&chart);
        assert_eq!(l.title, "收入预算构成");
        let rows: Vec<_> = l
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.fraction.to_string(), r.value.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("一般公共预算", "0.8174".to_string(), "581.77万元 32.40%"),
                ("上级转移支付", "0.7054".to_string(), "502.00万元 27.96%"),
                ("单位资金", "1".to_string(), "711.70万元 39.64%"),
            ]
        );
        assert_eq!(l.rows[2].bar(200.0), 200.0);
        assert!((l.rows[0].bar(100.0) - 81.74).abs() < 1e-3);
    }

    #[test]
    fn zero_and_negative_amounts_draw_no_bar() {
        let chart = Chart::new(
            "c",
            "t",
            Money::ZERO,
            vec![item("a", "0", "0.00"), item("b", "-1", "0.00")],
            MoneyUnit::Yuan,
        );
        let l = layout(&chart);
        assert!(l.rows.iter().all(|r| r.fraction.is_zero()));
        assert_eq!(l.rows[0].value, "0.00元 0.00%");
    }
}
