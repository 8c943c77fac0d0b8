//! Charts in the PDF: the shared [`ChartLayout`](crate::render::chart::ChartLayout) drawn
//! row by row — the label right-aligned in the label column (wrapped when long), a grey bar,
//! and the value text after the bar. Everything stays inside the text block: when the
//! widest value text would run past the right edge after the longest bar, every bar of
//! the chart is shortened alike (so they stay comparable), and when even that leaves too
//! little room the value texts are set smaller.

use crate::document::Chart;
use crate::fonts::{Metrics, Role};
use crate::render::chart::{layout, ChartRow, BAR_PERCENT, LABEL_PERCENT};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::flow::Flow;
use crate::render::pdf::page::Item;
use crate::render::pdf::text::{self, baseline_in, set_block, Align, Shaped, Span};

/// Size of labels and value texts.
const SIZE: f32 = 12.0;
/// Size of the title.
const TITLE_SIZE: f32 = 14.0;
/// Pitch of the title lines.
const TITLE_PITCH: f32 = 26.0;
/// Height of a one-line row.
const ROW: f32 = 22.0;
/// Pitch of a wrapped label's lines.
const LABEL_PITCH: f32 = 15.0;
/// Thickness of a bar.
const BAR_H: f32 = 12.0;
/// Space between label and bar, and between bar and value text.
const GAP: f32 = 6.0;
/// The longest bar is never shortened below this share of the width.
const MIN_BAR_SHARE: f32 = 0.12;
/// Grey of the bars.
const BAR_GRAY: f32 = 0.45;

/// Draws `chart` at the cursor of `flow`, breaking pages between rows.
pub fn draw(flow: &mut Flow, m: &Metrics, chart: &Chart) -> Result<(), PdfError> {
    let chart = layout(chart);
    let width = flow.frame.width;
    flow.ensure(30.0 + ROW * chart.rows.len().min(4) as f32);
    draw_title(flow, m, &chart.title, width)?;
    let label_w = width * LABEL_PERCENT as f32 / 100.0;
    let values = shape_values(m, &chart.rows)?;
    let bars = Bars::fit(&values, width, label_w);
    for (row, value) in chart.rows.iter().zip(values) {
        draw_row(flow, m, row, value, &bars)?;
    }
    flow.y += ROW * 0.5;
    Ok(())
}

/// Sets the chart's title centred across the text block, breaking pages between lines.
fn draw_title(flow: &mut Flow, m: &Metrics, title: &str, width: f32) -> Result<(), PdfError> {
    let title = set_block(
        m,
        &[Span {
            role: Role::Heading,
            text: title,
        }],
        TITLE_SIZE,
        width,
        0.0,
        Align::Center,
        1.0,
    )?;
    for line in title {
        flow.ensure(TITLE_PITCH);
        let base = flow.y + baseline_in(TITLE_PITCH, TITLE_SIZE);
        flow.push(text::offset(line, flow.frame.left, base));
        flow.y += TITLE_PITCH;
    }
    Ok(())
}

/// The value text of every row, shaped at the full size.
fn shape_values(m: &Metrics, rows: &[ChartRow]) -> Result<Vec<Vec<Shaped>>, PdfError> {
    rows.iter()
        .map(|r| {
            text::shape(
                m,
                &[Span {
                    role: Role::Table,
                    text: &r.value,
                }],
                SIZE,
                1.0,
            )
        })
        .collect()
}

/// How the rows share the width: the label column, the longest bar and the scale of the
/// value texts.
struct Bars {
    /// Width of the label column.
    label_w: f32,
    /// Length of the longest bar.
    longest: f32,
    /// Scale of the value texts (1 unless they would run past the text block).
    value_scale: f32,
}

impl Bars {
    /// Shortens every bar alike when the widest value text would run past the right edge
    /// after the longest bar, and sets the value texts smaller when even that is not enough.
    fn fit(values: &[Vec<Shaped>], width: f32, label_w: f32) -> Bars {
        let widest = values.iter().map(|v| text::width(v)).fold(0.0, f32::max);
        let room = width - label_w - 2.0 * GAP;
        let longest = (width * BAR_PERCENT as f32 / 100.0)
            .min(room - widest)
            .max(width * MIN_BAR_SHARE);
        // Value texts too wide even beside the shortest allowed bar are set smaller.
        let value_scale = ((room - longest) / widest.max(1.0)).min(1.0);
        Bars {
            label_w,
            longest,
            value_scale,
        }
    }
}

/// Draws one row at the cursor: its label right-aligned in the label column (wrapped when
/// long), its bar, and its value text after the bar.
fn draw_row(
    flow: &mut Flow,
    m: &Metrics,
    row: &ChartRow,
    value: Vec<Shaped>,
    bars: &Bars,
) -> Result<(), PdfError> {
    let label_w = bars.label_w;
    let label = set_block(
        m,
        &[Span {
            role: Role::Body,
            text: &row.label,
        }],
        SIZE,
        label_w - GAP,
        0.0,
        Align::Right,
        1.0,
    )?;
    let row_h = ROW.max(LABEL_PITCH * label.len() as f32 + (ROW - LABEL_PITCH));
    flow.ensure(row_h);
    let (left, top) = (flow.frame.left, flow.y);
    let label_top = top + (row_h - LABEL_PITCH * label.len() as f32) / 2.0;
    for (i, line) in label.into_iter().enumerate() {
        let base = label_top + LABEL_PITCH * i as f32 + baseline_in(LABEL_PITCH, SIZE);
        flow.push(text::offset(line, left, base));
    }
    let bar = row.bar(bars.longest).max(0.5);
    flow.push([Item::Fill {
        x: left + label_w,
        y: top + (row_h - BAR_H) / 2.0,
        w: bar,
        h: BAR_H,
        gray: BAR_GRAY,
    }]);
    let value_scale = bars.value_scale;
    let size = SIZE * value_scale;
    let value: Vec<_> = value
        .into_iter()
        .map(|mut s| {
            s.natural *= value_scale;
            s.advance *= value_scale;
            s
        })
        .collect();
    flow.push(text::offset(
        text::place(&value, 0.0, 0.0, text::width(&value), size, Align::Left),
        left + label_w + bar + GAP,
        top + baseline_in(row_h, size),
    ));
    flow.y += row_h;
    Ok(())
}
