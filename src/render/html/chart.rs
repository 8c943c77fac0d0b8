//! The chart as the HTML draws it: the shared [`ChartLayout`](crate::render::chart) — the
//! same rows, bars and texts as the PDF — with each bar's length turned into a percentage
//! of the row's plot area (the part right of the label column).

use crate::document::Chart;
use crate::render::chart::{layout, BAR_PERCENT, LABEL_PERCENT};
use rust_decimal::Decimal;
use serde::Serialize;

/// A chart as the template draws it.
#[derive(Debug, Serialize)]
pub(super) struct ChartView {
    /// Anchor id of the figure.
    pub id: String,
    /// Id of the caption, for `aria-labelledby`.
    pub title_id: String,
    /// Caption.
    pub title: String,
    /// The rows, in the document's order.
    pub rows: Vec<ChartRowView>,
}

/// One row: label, bar, value text.
#[derive(Debug, Serialize)]
pub(super) struct ChartRowView {
    /// Label.
    pub label: String,
    /// Bar length in percent of the plot area (`57.58` for the longest bar).
    pub bar: String,
    /// Value text after the bar (`581.77万元 32.40%`).
    pub value: String,
}

/// Lays out `chart`.
pub(super) fn view(chart: &Chart) -> ChartView {
    let chart = layout(chart);
    // The longest bar is BAR_PERCENT of the whole row, the plot area what the label leaves.
    let longest = Decimal::from(BAR_PERCENT * 100) / Decimal::from(100 - LABEL_PERCENT);
    ChartView {
        title_id: format!("{}-title", chart.id),
        id: chart.id,
        title: chart.title,
        rows: chart
            .rows
            .into_iter()
            .map(|row| ChartRowView {
                bar: (row.fraction * longest).round_dp(2).normalize().to_string(),
                label: row.label,
                value: row.value,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Money, MoneyUnit, Percent};
    use std::str::FromStr;

    #[test]
    fn bars_are_the_shared_fractions_of_the_plot_area() {
        let item = |label: &str, amount: &str, share: &str| {
            (
                label.to_string(),
                Money::parse_exact(amount).unwrap(),
                Percent::from_percent(Decimal::from_str(share).unwrap()),
            )
        };
        let chart = Chart::new(
            "chart-income",
            "收入预算构成",
            Money::parse_exact("1795.47").unwrap(),
            vec![
                item("一般公共预算", "581.77", "32.40"),
                item("单位资金", "711.70", "39.64"),
            ],
            MoneyUnit::Wan,
        );
        let v = view(&chart);
        let rows: Vec<_> = v
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.bar.as_str(), r.value.as_str()))
            .collect();
        // 38 % of the row is 57.58 % of the 66 % right of the label column.
        assert_eq!(
            rows,
            vec![
                ("一般公共预算", "47.06", "581.77万元 32.40%"),
                ("单位资金", "57.58", "711.70万元 39.64%"),
            ]
        );
        assert_eq!(v.title_id, "chart-income-title");
    }
}
