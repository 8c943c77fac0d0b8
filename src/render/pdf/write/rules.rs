//! A page's rules stroked as few segments as draw the same lines. A table draws each
//! cell's right and bottom edge, so a row's bottom rule arrives as one segment per cell
//! and a column's as one per row: solid segments of one width on one line that touch or
//! overlap are joined, and every segment of one stroke goes into one path with one `S`.
//! Segments are on one line only when that line's coordinate is written the same (to the
//! 1/10000 pt of [`Syntax::real`]): a line is never moved, not even across a pixel.
//! All rules are black and opaque, so the order they are stroked in does not show.
//! Dotted rules (the 目录's leaders) are drawn one by one as laid out: their dots start
//! afresh at each segment's start.

use super::syntax::{in_units, Syntax, REAL_SCALE};
use crate::render::pdf::page::{Item, Page};

/// How far apart, in points, two ends along a line may be and still meet (layout sums
/// heights in different orders, which leaves differences of a few millionths).
const MEET: f32 = 1e-3;

/// A segment from (x1, y1) to (x2, y2), in layout coordinates (y downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Segment {
    x1: f32,
    y1: f32,
    x2: f32,
    y2: f32,
}

/// The rules of one stroke: width and dash.
struct Stroke {
    width: f32,
    dotted: bool,
    segments: Vec<Segment>,
}

/// Appends the page's rules, each stroke's state set once.
pub fn draw_rules(out: &mut Vec<u8>, page: &Page) {
    for stroke in strokes(page) {
        out.real(stroke.width).raw(" w\n");
        out.raw(if stroke.dotted {
            "1 J\n[0 3] 0 d\n"
        } else {
            "0 J\n[] 0 d\n"
        });
        let segments = if stroke.dotted {
            stroke.segments
        } else {
            joined(stroke.segments, page.height)
        };
        for s in &segments {
            out.real(s.x1).raw(" ").real(page.height - s.y1).raw(" m ");
            out.real(s.x2).raw(" ").real(page.height - s.y2).raw(" l\n");
        }
        out.raw("S\n");
    }
}

/// The page's rules grouped by stroke, strokes in the order they first appear.
fn strokes(page: &Page) -> Vec<Stroke> {
    let mut strokes: Vec<Stroke> = Vec::new();
    for item in &page.items {
        let Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            dotted,
        } = *item
        else {
            continue;
        };
        let segment = Segment { x1, y1, x2, y2 };
        match strokes
            .iter_mut()
            .find(|s| s.width == width && s.dotted == dotted)
        {
            Some(stroke) => stroke.segments.push(segment),
            None => strokes.push(Stroke {
                width,
                dotted,
                segments: vec![segment],
            }),
        }
    }
    strokes
}

/// The same lines with touching collinear segments joined: horizontal ones (by line
/// from the page's foot up, each from left to right), then vertical ones (by line from
/// left to right, each from the top down), then any other as given. `height` is the
/// page's, which turns a layout y into the one written.
fn joined(segments: Vec<Segment>, height: f32) -> Vec<Segment> {
    let mut across = Vec::new();
    let mut down = Vec::new();
    let mut other = Vec::new();
    for s in segments {
        let (y1, y2) = (written(height - s.y1), written(height - s.y2));
        if y1 == y2 {
            across.push(Span::new(y1, s.y1, s.x1, s.x2));
        } else if written(s.x1) == written(s.x2) {
            down.push(Span::new(written(s.x1), s.x1, s.y1, s.y2));
        } else {
            other.push(s);
        }
    }
    let mut out: Vec<Segment> = join_on_lines(across)
        .into_iter()
        .map(|s| Segment {
            x1: s.from,
            y1: s.at,
            x2: s.to,
            y2: s.at,
        })
        .collect();
    out.extend(join_on_lines(down).into_iter().map(|s| Segment {
        x1: s.at,
        y1: s.from,
        x2: s.at,
        y2: s.to,
    }));
    out.extend(other);
    out
}

/// A coordinate as [`Syntax::real`] writes it, in 1/10000 pt.
fn written(value: f32) -> i64 {
    in_units(value, REAL_SCALE) as i64
}

/// A horizontal or vertical segment: the line it is on (as written, and the coordinate of
/// its first segment) and where along it it runs, `from ≤ to`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Span {
    line: i64,
    at: f32,
    from: f32,
    to: f32,
}

impl Span {
    fn new(line: i64, at: f32, a: f32, b: f32) -> Span {
        Span {
            line,
            at,
            from: a.min(b),
            to: a.max(b),
        }
    }
}

/// Spans joined where they lie on one line and touch or overlap; sorted by line, then
/// start.
fn join_on_lines(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by(|a, b| a.line.cmp(&b.line).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.line == last.line && span.from <= last.to + MEET => {
                last.to = last.to.max(span.to);
            }
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{join_on_lines, joined, written, Segment, Span};

    fn span(at: f32, from: f32, to: f32) -> Span {
        Span::new(written(at), at, from, to)
    }

    #[test]
    fn touching_spans_on_a_line_join_and_gaps_stay() {
        let spans = vec![
            span(10.0, 30.0, 50.0),
            span(10.0, 0.0, 30.0),
            span(10.000_01, 50.0, 60.0),
            span(10.0, 61.0, 70.0),
            span(20.0, 0.0, 70.0),
            span(10.0, 5.0, 20.0),
        ];
        let joined: Vec<(f32, f32, f32)> = join_on_lines(spans)
            .iter()
            .map(|s| (s.at, s.from, s.to))
            .collect();
        assert_eq!(
            joined,
            vec![(10.0, 0.0, 60.0), (10.0, 61.0, 70.0), (20.0, 0.0, 70.0)]
        );
    }

    #[test]
    fn lines_written_apart_stay_apart() {
        let spans = vec![span(10.0, 0.0, 30.0), span(10.0002, 30.0, 60.0)];
        assert_eq!(join_on_lines(spans).len(), 2);
    }

    #[test]
    fn a_grid_of_cell_edges_becomes_one_segment_per_line() {
        let mut cells = Vec::new();
        for row in 0..3 {
            for col in 0..4 {
                let (x0, x1) = (col as f32 * 10.0, (col + 1) as f32 * 10.0);
                let (y0, y1) = (row as f32 * 5.0, (row + 1) as f32 * 5.0);
                cells.push(Segment {
                    x1,
                    y1: y0,
                    x2: x1,
                    y2: y1,
                });
                cells.push(Segment {
                    x1: x0,
                    y1,
                    x2: x1,
                    y2: y1,
                });
            }
        }
        let lines = joined(cells, 100.0);
        assert_eq!(lines.len(), 3 + 4);
        assert_eq!(
            lines[0],
            Segment {
                x1: 0.0,
                y1: 15.0,
                x2: 40.0,
                y2: 15.0
            }
        );
        assert_eq!(
            lines[3],
            Segment {
                x1: 10.0,
                y1: 0.0,
                x2: 10.0,
                y2: 15.0
            }
        );
    }

    #[test]
    fn slanted_segments_are_kept_as_given() {
        let s = Segment {
            x1: 0.0,
            y1: 0.0,
            x2: 3.0,
            y2: 4.0,
        };
        assert_eq!(joined(vec![s, s], 100.0), vec![s, s]);
    }
}
