//! Layout invariants of the PDF, checked on the laid-out pages of every example, every
//! structure fixture and the synthetic stress document:
//! - nothing is set outside the text block (版心) but the page number;
//! - a table's title, header and first rows share a page; continued 绩效目标表 pages
//!   repeat the indicator heads, in the table's one type size;
//! - portrait tables are set at 9 pt or more, and no table cell wraps a lone character;
//! - no date is printed with a leading zero (GB/T 9704: 2024年2月21日).

use crate::common::pdf_docs::{laid, layout_documents as documents};

use gongkai::document::Table;
use gongkai::render::pdf::{Item, Page};

/// Left, top, right and bottom of an item's ink (text: its em box on the baseline; a
/// full-width closing mark, whose ink is in the left half of its em and whose right half a
/// line may compress away, by that left half).
fn extent(item: &Item) -> [f32; 4] {
    match item {
        Item::Text {
            x, y, size, glyphs, ..
        } => {
            let first = glyphs.first().map_or(0.0, |g| g.x);
            let last = glyphs.last().map_or(0.0, |g| {
                let ink = if "，。、；：）》」』】〕〉”’".contains(g.ch) {
                    g.advance / 2.0
                } else {
                    g.advance
                };
                g.x + ink
            });
            [x + first, y - 0.88 * size, x + last, y + 0.12 * size]
        }
        Item::Rule { x1, y1, x2, y2, .. } => [x1.min(*x2), y1.min(*y2), x1.max(*x2), y1.max(*y2)],
        Item::Fill { x, y, w, h, .. } => [*x, *y, x + w, y + h],
    }
}

#[test]
fn nothing_lies_outside_the_text_block() {
    let tolerance = 0.5;
    let mut checked = 0;
    for (name, doc) in documents() {
        for (i, page) in laid(&doc).iter().enumerate() {
            let [left, top, right, bottom] = page.text_block();
            for item in &page.items {
                let [l, t, r, b] = extent(item);
                checked += 1;
                assert!(
                    l >= left - tolerance
                        && t >= top - tolerance
                        && r <= right + tolerance
                        && b <= bottom + tolerance,
                    "{name} page {}: {:?} at [{l:.1}, {t:.1}, {r:.1}, {b:.1}] is outside the text block [{left:.1}, {top:.1}, {right:.1}, {bottom:.1}]",
                    i + 1,
                    item.text()
                );
            }
            if let Some(folio) = &page.folio {
                for item in &folio.items {
                    let [l, t, r, b] = extent(item);
                    assert!(
                        l >= 0.0 && t >= 0.0 && r <= page.width && b <= page.height,
                        "{name} page {}: the page number is off the sheet",
                        i + 1
                    );
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} items checked");
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A body row's printed text, cells in order.
fn row_text(table: &Table, row: usize) -> String {
    compact(
        &table.body[row]
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<String>(),
    )
}

/// Where the table's title block (label and title, or title and subtitle) is printed
/// next at or after `from` (page index, offset in its compact text): the page and the
/// offset just after it.
fn title_page(pages: &[Page], table: &Table, from: (usize, usize)) -> Option<(usize, usize)> {
    let head = compact(&format!(
        "{}{}{}",
        table.label.as_deref().unwrap_or(""),
        table.title,
        table.subtitle.as_deref().unwrap_or("")
    ));
    (from.0..pages.len()).find_map(|i| {
        let text = compact(&pages[i].text());
        let skip = if i == from.0 {
            from.1.min(text.len())
        } else {
            0
        };
        text[skip..]
            .find(&head)
            .map(|at| (i, skip + at + head.len()))
    })
}

#[test]
fn tables_keep_their_title_header_and_first_rows_together() {
    let mut checked = 0;
    for (name, doc) in documents() {
        let pages = laid(&doc);
        let mut from = (0, 0);
        for table in doc.tables() {
            let Some((page, after)) = title_page(&pages, table, from) else {
                panic!("{name}: the title of {} is not printed", table.id);
            };
            from = (page, after);
            let text = compact(&pages[page].text())[after..].to_string();
            let start = table.body_heads.map_or(0, |k| k + 1);
            let rows = if table.body.len() <= 5 {
                0..table.body.len()
            } else {
                0..(start + 3).min(table.body.len())
            };
            let mut at = 0;
            for row in rows {
                let want = row_text(table, row);
                let found = text[at..].find(&want);
                assert!(
                    found.is_some(),
                    "{name}: row {row} of {} ({want}) is not on the page of its title ({})",
                    table.id,
                    page + 1
                );
                at += found.unwrap_or(0) + want.len();
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} rows checked");
}

#[test]
fn continued_performance_tables_repeat_the_indicator_heads_in_one_size() {
    let mut continued = 0;
    for (name, doc) in documents() {
        for (i, page) in laid(&doc).iter().enumerate() {
            let text = compact(&page.text());
            if !text.contains("绩效目标表（续）") {
                continue;
            }
            continued += 1;
            assert!(
                text.contains("一级指标二级指标三级指标"),
                "{name} page {}: the indicator heads are not repeated",
                i + 1
            );
        }
        let pages = laid(&doc);
        let mut from = (0, 0);
        for table in doc.tables() {
            from = title_page(&pages, table, from).expect("title printed");
            if table.body_heads.is_none() {
                continue;
            }
            let sizes = cell_sizes(&pages[from.0], &table.title, from.1);
            assert!(
                sizes.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01),
                "{name}: {} is set in several sizes: {sizes:?}",
                table.id
            );
        }
    }
    assert!(continued > 0, "no continued 绩效目标表 was checked");
}

/// The sizes of the table-sized text runs (under 12 pt) set after the `nth_end`
/// character of the page's compact text, up to the next run in a larger size (the next
/// title): the cells of the table whose title ends there.
fn cell_sizes(page: &Page, _title: &str, nth_end: usize) -> Vec<f32> {
    let mut sizes = Vec::new();
    let mut seen = 0;
    for item in &page.items {
        let Item::Text { size, .. } = item else {
            continue;
        };
        let before = seen;
        seen += compact(&item.text()).len();
        if before < nth_end {
            continue;
        }
        if *size >= 12.0 {
            break;
        }
        sizes.push(*size);
    }
    assert!(!sizes.is_empty(), "no cells after the title");
    sizes
}

#[test]
fn portrait_tables_are_nine_point_or_more_and_wrap_no_lone_character() {
    let mut wrapped = 0;
    for (name, doc) in documents() {
        for (i, page) in laid(&doc).iter().enumerate() {
            let runs: Vec<(&Item, [f32; 4], f32)> = page
                .items
                .iter()
                .filter_map(|it| match it {
                    Item::Text { size, .. } => Some((it, extent(it), *size)),
                    _ => None,
                })
                .collect();
            for (item, _, size) in &runs {
                assert!(
                    page.is_landscape() || *size >= 9.0,
                    "{name} page {}: {:?} at {size} pt",
                    i + 1,
                    item.text()
                );
            }
            // A run directly under the run before it, overlapping it, at table sizes, is
            // the next line of the same cell.
            for pair in runs.windows(2) {
                let ((a, ea, sa), (b, eb, sb)) = (pair[0], pair[1]);
                let next_line = (sa - sb).abs() < 0.01
                    && sa < 12.0
                    && (eb[3] - ea[3] - sa * 1.25).abs() < 0.5
                    && eb[0] < ea[2]
                    && eb[2] > ea[0];
                if !next_line {
                    continue;
                }
                wrapped += 1;
                let visible = b.text().chars().filter(|c| !c.is_whitespace()).count();
                assert!(
                    visible > 1,
                    "{name} page {}: {:?} wraps a lone {:?}",
                    i + 1,
                    a.text(),
                    b.text()
                );
            }
        }
    }
    assert!(wrapped > 100, "only {wrapped} wrapped cell lines checked");
}

/// The extent of a run without its trailing spaces: a space has no ink. (A code cell's
/// trailing space is as wide as its face makes it — a third of an em in FandolHei, a fifth
/// in Noto — and may reach into the cell's padding, never across its rule.)
fn ink(item: &Item) -> [f32; 4] {
    let [l, t, r, b] = extent(item);
    match item {
        Item::Text { x, glyphs, .. } => {
            let last = glyphs.iter().rev().find(|g| !g.ch.is_whitespace());
            [l, t, last.map_or(r, |g| x + g.x + g.advance), b]
        }
        _ => [l, t, r, b],
    }
}

/// Table text keeps clear of every rule: no rule crosses or touches the ink box of a
/// run, with a point to spare on each side, and no rule crosses a run's trailing space.
#[test]
fn text_never_touches_a_rule() {
    let clear = 1.0;
    let mut checked = 0;
    for (name, doc) in documents() {
        for (i, page) in laid(&doc).iter().enumerate() {
            let rules: Vec<[f32; 4]> = page
                .items
                .iter()
                .filter(|it| matches!(it, Item::Rule { dotted: false, .. }))
                .map(extent)
                .collect();
            for item in page
                .items
                .iter()
                .filter(|it| matches!(it, Item::Text { .. }))
            {
                let text = item.text();
                if text.trim().is_empty() {
                    continue;
                }
                let ink = ink(item);
                let [l, t, r, b] = ink;
                let advanced = extent(item)[2];
                for [rl, rt, rr, rb] in &rules {
                    let vertical = (rl - rr).abs() < 0.01;
                    let touches = if vertical {
                        *rt < b
                            && *rb > t
                            && *rl > l - clear
                            && *rl < r.max(advanced - clear) + clear
                    } else {
                        *rl < r && *rr > l && *rt > t - clear * 0.5 && *rt < b + clear * 0.5
                    };
                    assert!(
                        !touches,
                        "{name} page {}: {text:?} at {ink:?} touches a rule at {:?}",
                        i + 1,
                        [rl, rt, rr, rb]
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 5_000, "only {checked} runs checked");
}

#[test]
fn dates_are_printed_without_leading_zeros() {
    let leading_zero = |text: &str| -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        chars.windows(3).enumerate().find_map(|(i, w)| {
            let zero_after = (w[0] == '年' || w[0] == '月') && w[1] == '0' && w[2].is_ascii_digit();
            zero_after.then(|| {
                chars[i.saturating_sub(6)..(i + 5).min(chars.len())]
                    .iter()
                    .collect()
            })
        })
    };
    for (name, doc) in documents() {
        for page in laid(&doc) {
            let text = page.text();
            assert_eq!(
                leading_zero(&text),
                None,
                "{name}: PDF date with a leading zero"
            );
        }
        let html = gongkai::render::html::HtmlRenderer::new(None)
            .expect("templates")
            .render(&doc)
            .expect("html");
        let html = String::from_utf8(html).expect("utf-8");
        assert_eq!(
            leading_zero(&html),
            None,
            "{name}: HTML date with a leading zero"
        );
        let json = serde_json::to_string(&doc).expect("json");
        assert_eq!(
            leading_zero(&json),
            None,
            "{name}: JSON date with a leading zero"
        );
    }
    assert!(leading_zero("于2024年02月19日印发").is_some());
    assert!(leading_zero("于2024年12月9日印发").is_none());
}
