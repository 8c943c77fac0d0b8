//! Table pagination: a table flowed into pages — the label/title/编制单位/单位 block kept
//! with the first rows, header rows repeated on every page the table continues on (under
//! a 续 caption), rows (and row-span groups) never split, the 空表 statement or 尾差 note
//! under the last rows. The rows themselves are drawn by [`super::rows`].

use super::measure::{measure, Measured};
use super::rows::draw_rows;
use super::title::{continuation, title_block};
use crate::document::Table;
use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::flow::Flow;
use crate::render::pdf::page::frame::Frame;
use crate::render::pdf::page::Item;
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, set_words, Align, Span};
use std::ops::Range;

/// Body row groups kept on the page of the table's title: a short table whole, a longer
/// one its first three.
pub const KEEP_FIRST: usize = 3;
/// A table of at most this many row groups is kept whole when it fits on a page.
pub const SHORT_TABLE: usize = 5;

/// A continuation page carries at least this many body rows (or two row groups, when a
/// group holds them) whenever the page before can give them: no tail of one or two rows.
pub const TAIL_ROWS: usize = 3;

/// Splits body row groups (their heights, and how many rows each holds) into pages: each
/// page holds the repeated header (`header_h`) and as many whole groups as fit in `first`
/// (first page) or `rest` points. A page always takes at least one group, so an oversized
/// group stands alone. The last page never carries a tail — a single group, or fewer than
/// [`TAIL_ROWS`] rows — when groups taken from the page before avoid it, as long as the
/// first page keeps the `kept` groups that stay with the title (and any other page two).
pub fn paginate(
    groups: &[(f32, usize)],
    header_h: f32,
    (first, rest): (f32, f32),
    kept: usize,
) -> Vec<Range<usize>> {
    let heights: Vec<f32> = groups.iter().map(|g| g.0).collect();
    let mut pages = fill(&heights, header_h, first, rest);
    let n = pages.len();
    if n < 2 {
        return pages;
    }
    let keep = if n == 2 { kept.max(1) } else { 2 };
    loop {
        let (prev, last) = (pages[n - 2].clone(), pages[n - 1].clone());
        let rows: usize = groups[last.clone()].iter().map(|g| g.1).sum();
        if last.len() > 1 && rows >= TAIL_ROWS {
            break;
        }
        let moved: f32 = heights[prev.end - 1..last.end].iter().sum();
        if prev.len() <= keep || header_h + moved > rest + 0.01 {
            break;
        }
        pages[n - 2].end -= 1;
        pages[n - 1].start -= 1;
    }
    pages
}

/// Greedy filling: as many whole groups per page as fit.
fn fill(groups: &[f32], header_h: f32, first: f32, rest: f32) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut avail = first;
    while start < groups.len() {
        let mut used = header_h;
        let mut end = start;
        while end < groups.len() && (end == start || used + groups[end] <= avail + 0.01) {
            used += groups[end];
            end += 1;
        }
        pages.push(start..end);
        start = end;
        avail = rest;
    }
    pages
}

/// Lays `table` out into `flow`, whose current frame decides the orientation; returns
/// the page index and y where its title block starts.
pub fn place_table(
    flow: &mut Flow,
    m: &Metrics,
    words: &Words,
    table: &Table,
) -> Result<(usize, f32), PdfError> {
    let frame = flow.frame;
    let landscape = frame.page_w > frame.page_h;
    let (title, title_h) = title_block(m, words, table, frame.width)?;
    let note = set_note(m, table, frame.width)?;
    let note_h = note.as_ref().map_or(0.0, Note::height);
    // A table that fits in what is left of the page (a table page, or the page under the
    // part heading) with its note is set to fit there, note included.
    let room = flow.remaining().max(frame.height * 0.5);
    let mut meas = measure(
        m,
        words,
        table,
        frame.width,
        room - title_h - note_h,
        landscape,
    )?;
    let caption = continuation(m, words, table, frame.width)?;
    let page_h = frame.height - caption.1;
    let rows = group_rows(&mut meas, table, page_h);
    let mut heights: Vec<(f32, usize)> = rows.groups.iter().map(|g| (g.1, g.0.len())).collect();
    let header_h = meas.header_height();
    // A note under the rows stays on the page of the last rows.
    if let Some(last) = heights.last_mut() {
        last.0 += note_h;
    }
    let from = rows.heads.map_or(meas.header_rows, |r| r + 1);
    let kept = kept_with_title(&rows.groups, from);
    let first_h: f32 = heights[..kept].iter().map(|g| g.0).sum();
    let empty_h = if table.body.is_empty() { note_h } else { 0.0 };
    flow.ensure(title_h + header_h + first_h + empty_h);
    let start = (flow.page_index(), flow.y);
    flow.push(text::offset(title, frame.left, flow.y));
    flow.y += title_h;
    let pages = paginate(
        &heights,
        header_h,
        (flow.remaining(), page_h - rows.heads_h),
        kept,
    );
    draw_pages(flow, frame, &meas, &rows, &pages, &caption);
    if let Some(note) = note {
        draw_note(flow, note, frame.left);
    }
    flow.y += 10.0;
    Ok(start)
}

/// The text under a table: the 空表 statement of an empty table (body text) or the 尾差
/// note (table type, set under the rules).
struct Note {
    /// The set lines, baselines relative to 0.
    lines: Vec<Vec<Item>>,
    /// Their size.
    size: f32,
}

impl Note {
    /// The height it takes under the rows, the gap above it included.
    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.size * 1.6 + 8.0
    }
}

/// Sets the statement or note of `table` across `width`, if it has one.
fn set_note(m: &Metrics, table: &Table, width: f32) -> Result<Option<Note>, PdfError> {
    let (note, size, indent) = match (&table.empty_statement, table.body.is_empty()) {
        (Some(s), true) => (Some((s, Role::Body)), 14.0, 28.0),
        _ => (
            table.rounding_note.as_ref().map(|n| (n, Role::Table)),
            10.5,
            0.0,
        ),
    };
    let Some((text, role)) = note else {
        return Ok(None);
    };
    let lines = set_words(
        m,
        &[Span { role, text }],
        size,
        (width, indent),
        Align::Justify,
        1.0,
        &Words::figures(),
        false,
    )?;
    Ok(Some(Note { lines, size }))
}

/// The body rows of a measured table in the groups a page break may fall between, and the
/// row of column headings inside the body (a 绩效目标表's) with its height.
struct RowGroups {
    /// Row ranges with their heights.
    groups: Vec<(Range<usize>, f32)>,
    /// The grid row of the column headings inside the body, if any.
    heads: Option<usize>,
    /// Its height (0 without one).
    heads_h: f32,
}

/// Splits rows taller than a page (`page_h`: the text block under a continuation caption)
/// and groups the body rows so that page breaks fall only where they may.
fn group_rows(meas: &mut Measured, table: &Table, page_h: f32) -> RowGroups {
    let mut heads = table.body_heads.map(|k| meas.header_rows + k);
    let heads_h = heads.map_or(0.0, |r| meas.heights[r]);
    meas.split_tall_rows(page_h - meas.header_height() - heads_h - 1.0, &mut heads);
    // A row-span group taller than a third of a page may break between its rows.
    let big = (page_h - meas.header_height() - heads_h) / 3.0;
    let groups = split_big_groups(meas.body_groups(), &meas.heights, big);
    let groups = keep_heads_with_rows(groups, heads);
    RowGroups {
        groups,
        heads,
        heads_h,
    }
}

/// Draws the rows page by page: header rows (and the column headings inside the body) on
/// every page, each continuation page under its caption. A table without body rows draws
/// its header alone.
fn draw_pages(
    flow: &mut Flow,
    frame: Frame,
    meas: &Measured,
    rows: &RowGroups,
    pages: &[Range<usize>],
    caption: &(Vec<Item>, f32),
) {
    if pages.is_empty() {
        let items = draw_rows(meas, frame.left, flow.y, (0..meas.header_rows).collect());
        flow.push(items);
        flow.y += meas.header_height();
    }
    for (i, range) in pages.iter().enumerate() {
        if i > 0 {
            flow.new_page(frame);
            flow.push(text::offset(caption.0.clone(), frame.left, flow.y));
            flow.y += caption.1;
        }
        let first_row = rows.groups[range.start].0.start;
        let last_row = rows.groups[range.end - 1].0.end;
        let mut shown: Vec<usize> = (0..meas.header_rows).collect();
        shown.extend(rows.heads.filter(|&r| r < first_row));
        shown.extend(first_row..last_row);
        let items = draw_rows(meas, frame.left, flow.y, shown.clone());
        flow.push(items);
        flow.y += shown.iter().map(|&r| meas.heights[r]).sum::<f32>();
    }
}

/// Sets the note's lines under the rows, from the cursor.
fn draw_note(flow: &mut Flow, note: Note, left: f32) {
    flow.y += 8.0;
    for line in note.lines {
        flow.push(text::offset(line, left, flow.y + note.size * 1.25));
        flow.y += note.size * 1.6;
    }
}

/// How many row groups stay on the page of the table's title: all of a short table,
/// else those that hold the first [`KEEP_FIRST`] rows from grid row `from` (the first
/// body row, or the row after the column headings inside the body).
fn kept_with_title(groups: &[(Range<usize>, f32)], from: usize) -> usize {
    if groups.len() <= SHORT_TABLE {
        return groups.len();
    }
    groups
        .iter()
        .position(|g| g.0.end >= from + KEEP_FIRST)
        .map_or(groups.len(), |i| i + 1)
}

/// Splits every group taller than `big` into its rows, so that a long 一级指标 block of a
/// 绩效目标表 fills the page it starts on and continues on the next instead of leaving a
/// page empty or running off it.
fn split_big_groups(
    groups: Vec<(Range<usize>, f32)>,
    heights: &[f32],
    big: f32,
) -> Vec<(Range<usize>, f32)> {
    groups
        .into_iter()
        .flat_map(|(rows, h)| {
            if h > big && rows.len() > 1 {
                rows.map(|r| (r..r + 1, heights[r])).collect()
            } else {
                vec![(rows, h)]
            }
        })
        .collect()
}

/// Joins the group holding the row of column headings `heads` to the group after it, so
/// that the headings never end a page.
fn keep_heads_with_rows(
    mut groups: Vec<(Range<usize>, f32)>,
    heads: Option<usize>,
) -> Vec<(Range<usize>, f32)> {
    let Some(heads) = heads else { return groups };
    if let Some(i) = groups.iter().position(|g| g.0.contains(&heads)) {
        if i + 1 < groups.len() {
            let (next, h) = groups.remove(i + 1);
            groups[i].0.end = next.end;
            groups[i].1 += h;
        }
    }
    groups
}
#[cfg(test)]
mod tests {
    use super::{paginate, KEEP_FIRST};

    /// Groups of one row each.
    fn rows(heights: &[f32]) -> Vec<(f32, usize)> {
        heights.iter().map(|&h| (h, 1)).collect()
    }

    #[test]
    fn header_is_counted_on_every_page_and_rows_are_whole() {
        let groups = vec![10.0; 25];
        let pages = paginate(&rows(&groups), 20.0, (100.0, 120.0), KEEP_FIRST);
        assert_eq!(pages[0], 0..8);
        assert!(pages[1..pages.len() - 1].iter().all(|r| r.len() == 10));
        let covered: usize = pages.iter().map(|r| r.len()).sum();
        assert_eq!(covered, 25);
    }

    #[test]
    fn long_table_runs_over_more_than_three_pages() {
        let groups = vec![15.0; 200];
        let pages = paginate(&rows(&groups), 30.0, (300.0, 600.0), KEEP_FIRST);
        assert!(pages.len() > 3);
        for w in pages.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for r in &pages {
            assert!(30.0 + r.len() as f32 * 15.0 <= 600.0);
        }
    }

    #[test]
    fn a_continuation_page_never_carries_a_tail_of_one_or_two_rows() {
        // Greedy filling leaves rows 10 and 11 alone on the second page; one row moves over.
        let pages = paginate(&rows(&[10.0; 12]), 20.0, (120.0, 120.0), KEEP_FIRST);
        assert_eq!(pages, vec![0..9, 9..12]);
        // One group of three rows is a tail too: a group moves over.
        let groups = [(10.0, 1), (10.0, 1), (10.0, 1), (10.0, 1), (30.0, 3)];
        let pages = paginate(&groups, 20.0, (60.0, 120.0), 1);
        assert_eq!(pages, vec![0..3, 3..5]);
        // A first page that would keep fewer than three rows keeps its rows.
        let pages = paginate(&rows(&[10.0; 4]), 20.0, (50.0, 120.0), KEEP_FIRST);
        assert_eq!(pages, vec![0..3, 3..4]);
        // Nor does one whose title keeps more groups (a 绩效目标表's form rows and heads).
        let pages = paginate(&rows(&[10.0; 11]), 20.0, (120.0, 120.0), 10);
        assert_eq!(pages, vec![0..10, 10..11]);
    }

    #[test]
    fn oversized_group_stands_alone() {
        let pages = paginate(&rows(&[10.0, 500.0, 10.0]), 20.0, (100.0, 100.0), 1);
        assert_eq!(pages, vec![0..1, 1..2, 2..3]);
    }
}
