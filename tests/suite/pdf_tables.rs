//! Tables in the PDF, checked on the laid-out pages of every example, every fixture that
//! builds and the synthetic stress document:
//! - no line of a body cell breaks inside a word: a unit name, a word of the vocabulary
//!   or a bracketed unit (（万元）) — unless the word is wider than a third of the text
//!   block, which no column can be given;
//! - no line of a header cell breaks inside a word that has no smaller word in it (补助,
//!   预算; a compound longer than its column breaks between its parts: 一般公共/预算)
//!   unless the word is wider than the cell;
//! - a continued table never leaves a tail of one or two rows on its last page;
//! - an empty table (its header and the 空表 statement) is never on a landscape page.

use crate::common::pdf_docs::{laid, layout_documents as documents};

use gongkai::document::{Document, RowRole, Table};
use gongkai::render::pdf::{Item, Page};

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The words no cell line may split: the vocabulary's, the unit's names, the names the
/// tables' group rows print, and the bracketed units.
fn known_words(doc: &Document) -> Vec<Vec<char>> {
    let vocabulary = include_str!("../../src/render/pdf/text/vocabulary.txt");
    let mut words: Vec<String> = vocabulary
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    words.push(doc.meta.unit_name.clone());
    words.push(doc.signature.unit_name.clone());
    for table in doc.tables() {
        for (i, row) in table.body.iter().enumerate() {
            if row.role == RowRole::Group && table.body_heads != Some(i) {
                words.extend(row.cells.iter().map(|c| c.text.trim().to_string()));
            }
        }
    }
    words.extend(["（万元）", "（元）"].map(String::from));
    words.sort();
    words.dedup();
    words
        .into_iter()
        .map(|w| w.chars().collect::<Vec<char>>())
        .filter(|w| w.len() > 1 && !w.iter().any(char::is_ascii_digit))
        .collect()
}

/// Left, top, right and bottom of a text run's em box.
fn extent(item: &Item) -> Option<(String, f32, [f32; 4])> {
    match item {
        Item::Text {
            x, y, size, glyphs, ..
        } => {
            let first = glyphs.first().map_or(0.0, |g| g.x);
            let last = glyphs.last().map_or(0.0, |g| g.x + g.advance);
            let box_ = [x + first, y - 0.88 * size, x + last, y + 0.12 * size];
            Some((item.text(), *size, box_))
        }
        _ => None,
    }
}

/// The width of the shaded (header) cell of the page the point lies in.
fn header_width(page: &Page, x: f32, y: f32) -> Option<f32> {
    page.items.iter().find_map(|it| match it {
        Item::Fill {
            x: fx, y: fy, w, h, ..
        } if x >= *fx && x <= fx + w && y >= *fy && y <= fy + h => Some(*w),
        _ => None,
    })
}

/// The words of `words` with no other of them inside (补助, 预算; not 一般公共预算).
fn smallest(words: &[Vec<char>]) -> Vec<Vec<char>> {
    words
        .iter()
        .filter(|w| {
            !words
                .iter()
                .any(|v| v.len() < w.len() && w.windows(v.len()).any(|s| s == v.as_slice()))
        })
        .cloned()
        .collect()
}

/// The word of `words` that a break between `left` and `right` splits, if any.
fn split_word<'w>(words: &'w [Vec<char>], left: &str, right: &str) -> Option<&'w Vec<char>> {
    let left: Vec<char> = left.trim_end().chars().collect();
    let right: Vec<char> = right.trim_start().chars().collect();
    words
        .iter()
        .find(|w| (1..w.len()).any(|k| left.ends_with(&w[..k]) && right.starts_with(&w[k..])))
}

/// A line of a table cell followed by the cell's next line: both texts, the size, and the
/// width of the cell when it is a shaded header cell.
struct Wrap {
    above: String,
    below: String,
    size: f32,
    header: Option<f32>,
}

/// The wrapped cell lines of `page`: a run directly under the run before it, overlapping
/// it, at table sizes, is the next line of the same cell.
fn wraps(page: &Page) -> Vec<Wrap> {
    let runs: Vec<(String, f32, [f32; 4])> = page.items.iter().filter_map(extent).collect();
    runs.windows(2)
        .filter_map(|pair| {
            let ((a, sa, ea), (b, sb, eb)) = (&pair[0], &pair[1]);
            let next_line = (sa - sb).abs() < 0.01
                && *sa < 12.0
                && (eb[3] - ea[3] - sa * 1.25).abs() < 0.5
                && eb[0] < ea[2]
                && eb[2] > ea[0];
            next_line.then(|| Wrap {
                above: a.clone(),
                below: b.clone(),
                size: *sa,
                header: header_width(page, ea[0] + 0.5, ea[1] + 0.5),
            })
        })
        .collect()
}

/// How many brackets or marks bound to `word` a split of it between `a` and `b` also
/// holds (「（补」 / 「助）」: two), which no line may leave either.
fn bound_marks(word: &[char], a: &str, b: &str) -> usize {
    let k = (1..word.len())
        .find(|&k| {
            a.trim_end()
                .ends_with(&word[..k].iter().collect::<String>())
        })
        .unwrap_or(1);
    let before: Vec<char> = a.trim_end().chars().rev().skip(k).take(1).collect();
    let after: Vec<char> = b
        .trim_start()
        .chars()
        .skip(word.len() - k)
        .take(1)
        .collect();
    usize::from(before.iter().any(|c| "（《“(".contains(*c)))
        + usize::from(after.iter().any(|c| "）》”)，、。".contains(*c)))
}

#[test]
fn no_body_cell_line_breaks_inside_a_word() {
    let mut wrapped = 0;
    for (name, doc) in documents() {
        let words = known_words(&doc);
        for (i, page) in laid(&doc).iter().enumerate() {
            let block = if page.is_landscape() { 700.0 } else { 442.0 };
            for w in wraps(page).iter().filter(|w| w.header.is_none()) {
                wrapped += 1;
                let Some(word) = split_word(&words, &w.above, &w.below) else {
                    continue;
                };
                let wide = word.len() as f32 * w.size > block / 3.0;
                assert!(
                    wide,
                    "{name} page {}: a cell breaks {:?} inside {:?}: {:?} / {:?}",
                    i + 1,
                    word.iter().collect::<String>(),
                    (&w.above, &w.below),
                    w.above,
                    w.below
                );
            }
        }
    }
    assert!(wrapped > 100, "only {wrapped} wrapped cell lines checked");
}

#[test]
fn no_header_line_breaks_inside_a_word_that_fits_its_cell() {
    let mut wrapped = 0;
    for (name, doc) in documents() {
        let words = smallest(&known_words(&doc));
        for (i, page) in laid(&doc).iter().enumerate() {
            for w in wraps(page) {
                let Some(cell_w) = w.header else {
                    continue;
                };
                wrapped += 1;
                let Some(word) = split_word(&words, &w.above, &w.below) else {
                    continue;
                };
                let bound = bound_marks(word, &w.above, &w.below);
                let wide = (word.len() + bound) as f32 * w.size > cell_w - 6.0;
                assert!(
                    wide,
                    "{name} page {}: a header breaks {:?} inside: {:?} / {:?}",
                    i + 1,
                    word.iter().collect::<String>(),
                    w.above,
                    w.below
                );
            }
        }
    }
    assert!(wrapped > 100, "only {wrapped} wrapped header lines checked");
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

/// The page where `table`'s title is printed next at or after page `from`.
fn title_page(pages: &[Page], table: &Table, from: usize) -> Option<usize> {
    let head = compact(&format!(
        "{}{}{}",
        table.label.as_deref().unwrap_or(""),
        table.title,
        table.subtitle.as_deref().unwrap_or("")
    ));
    (from..pages.len()).find(|&i| compact(&pages[i].text()).contains(&head))
}

/// How many of `table`'s last body rows (after its row of column headings) are printed,
/// in order, in `text`.
fn tail_rows(table: &Table, text: &str) -> usize {
    let first = table.body_heads.map_or(0, |k| k + 1);
    let mut end = text.len();
    let mut count = 0;
    for row in (first..table.body.len()).rev() {
        let want = row_text(table, row);
        match text[..end].rfind(&want) {
            Some(at) => {
                end = at;
                count += 1;
            }
            None => break,
        }
    }
    count
}

#[test]
fn continued_tables_leave_no_tail_of_one_or_two_rows() {
    let mut continued = 0;
    for (name, doc) in documents() {
        let pages = laid(&doc);
        let mut from = 0;
        for table in doc.tables() {
            let Some(page) = title_page(&pages, table, from) else {
                panic!("{name}: the title of {} is not printed", table.id);
            };
            from = page;
            let caption = compact(&match &table.label {
                Some(label) => format!("{label}{}（续）", table.title),
                None => format!("{}（续）", table.title),
            });
            let mut last = page;
            while last + 1 < pages.len() && compact(&pages[last + 1].text()).starts_with(&caption) {
                last += 1;
            }
            if last == page {
                continue;
            }
            continued += 1;
            from = last;
            let text = compact(&pages[last].text())[caption.len()..].to_string();
            let rows = table.body.len() - table.body_heads.map_or(0, |k| k + 1);
            let tail = tail_rows(table, &text);
            assert!(
                tail >= 3 || tail == rows,
                "{name}: {} ({}) leaves {tail} row(s) alone on page {}",
                table.id,
                table.title,
                last + 1
            );
        }
    }
    assert!(continued > 2, "only {continued} continued tables checked");
}

#[test]
fn empty_tables_are_never_on_a_landscape_page() {
    let mut empty = 0;
    for (name, doc) in documents() {
        let pages = laid(&doc);
        let mut from = 0;
        for table in doc.tables() {
            let Some(page) = title_page(&pages, table, from) else {
                panic!("{name}: the title of {} is not printed", table.id);
            };
            from = page;
            if !(table.body.is_empty() && table.empty_statement.is_some()) {
                continue;
            }
            empty += 1;
            assert!(
                !pages[page].is_landscape(),
                "{name}: the empty {} ({}) is on a landscape page ({})",
                table.id,
                table.title,
                page + 1
            );
        }
    }
    assert!(empty > 5, "only {empty} empty tables checked");
}
