//! Chart layout: bar geometry from the shares the document already derived.
//!
//! A chart is drawn as one 100 %-stacked bar (the composition at a glance) and one bar per
//! item, each as long as its share. Geometry is in SVG user units on a 0–100 axis, so a
//! share of 32.40 % is a bar 32.40 units long: no figure is computed, only placed.

use crate::document::Chart;
use rust_decimal::Decimal;
use serde::Serialize;

/// Fill colours, cycled over the items; distinguishable in colour and in greyscale print.
const PALETTE: &[&str] = &[
    "#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a50021", "#7f7f7f",
];

/// A chart as the template draws it.
#[derive(Debug, Serialize)]
pub(super) struct ChartView {
    /// Anchor id of the figure.
    pub id: String,
    /// Id of the caption, for `aria-labelledby`.
    pub title_id: String,
    /// Caption.
    pub title: String,
    /// The whole, formatted as the document formats amounts.
    pub total: String,
    /// The unit the amounts are printed in.
    pub unit: String,
    /// The items with their geometry.
    pub items: Vec<ChartItemView>,
}

/// One item: its figures as text and its bar geometry.
#[derive(Debug, Serialize)]
pub(super) struct ChartItemView {
    /// Label.
    pub label: String,
    /// Amount, formatted (`1,083.77`).
    pub amount: String,
    /// Share, formatted (`32.40`).
    pub share: String,
    /// Fill colour.
    pub color: &'static str,
    /// Start of its segment in the stacked bar (0–100).
    pub x: String,
    /// Length of its segment and of its own bar (0–100).
    pub width: String,
}

/// Lays out `chart`.
pub(super) fn view(chart: &Chart) -> ChartView {
    let hundred = Decimal::ONE_HUNDRED;
    let mut start = Decimal::ZERO;
    let items = chart
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let share = item.share.decimal().max(Decimal::ZERO);
            let x = start.min(hundred);
            let width = share.min(hundred - x);
            start += share;
            ChartItemView {
                label: item.label.clone(),
                amount: item.amount_text.clone(),
                share: item.share.plain(),
                color: PALETTE[i % PALETTE.len()],
                x: svg_number(x),
                width: svg_number(width),
            }
        })
        .collect();
    ChartView {
        id: chart.id.clone(),
        title_id: format!("{}-title", chart.id),
        title: chart.title.clone(),
        total: chart.total_text.clone(),
        unit: chart.unit.clone(),
        items,
    }
}

/// A coordinate as SVG text: at most two decimals, no trailing zeros.
fn svg_number(d: Decimal) -> String {
    d.round_dp(2).normalize().to_string()
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
    fn segments_follow_each_other_and_stay_on_the_axis() {
        let chart = Chart::new(
            "chart-income",
            "收入构成",
            Money::parse_exact("1795.47").unwrap(),
            vec![
                item("一般公共预算", "581.77", "32.40"),
                item("上级转移支付", "502.00", "27.96"),
                item("单位资金", "711.70", "39.64"),
            ],
            MoneyUnit::Wan,
        );
        let v = view(&chart);
        let xs: Vec<_> = v
            .items
            .iter()
            .map(|i| (i.x.as_str(), i.width.as_str()))
            .collect();
        assert_eq!(
            xs,
            vec![("0", "32.4"), ("32.4", "27.96"), ("60.36", "39.64")]
        );
        assert_eq!(v.items[0].amount, "581.77");
        assert_eq!(v.items[0].share, "32.40");
        assert_eq!(v.total, "1,795.47");
    }

    #[test]
    fn shares_over_a_hundred_are_clipped_to_the_axis() {
        let chart = Chart::new(
            "c",
            "t",
            Money::ZERO,
            vec![item("a", "1", "70.00"), item("b", "1", "40.00")],
            MoneyUnit::Wan,
        );
        let v = view(&chart);
        assert_eq!(v.items[1].x, "70");
        assert_eq!(v.items[1].width, "30");
    }
}
