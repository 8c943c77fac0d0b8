//! Text setting: resolve characters to glyphs (with font fallback), break into lines,
//! and place a line as positioned glyph runs — left, centred, right or justified.
//!
//! Where a line may break is decided below: [`linebreak`] holds the 禁则 (no closing
//! punctuation at a line start, numbers never split) and greedy filling; [`paragraph`] the
//! total-fit breaking of justified paragraphs, all their breaks chosen together; [`words`]
//! the word-aware breaks of titles and headings (the budget vocabulary in
//! `vocabulary.txt`).

pub mod linebreak;
pub mod paragraph;
pub mod words;

use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::{Glyph, Item};
use linebreak::{break_lines, break_preferring, can_break, squeeze_side};
use paragraph::{total_fit, Measure};
use std::ops::Range;
use words::{balanced_lines, Words};

/// A styled piece of text.
#[derive(Debug, Clone, Copy)]
pub struct Span<'s> {
    /// Font role.
    pub role: Role,
    /// The text.
    pub text: &'s str,
}

/// A character resolved to a glyph, with its advance at the set size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shaped {
    /// The character (`\n` for a forced break, which draws nothing).
    pub ch: char,
    /// Face index.
    pub face: u16,
    /// Glyph id.
    pub gid: u16,
    /// Natural advance in points.
    pub natural: f32,
    /// Advance used for layout (the natural one compressed to the body grid where asked).
    pub advance: f32,
}

/// How a line is aligned in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Stretched to both edges.
    Justify,
}

/// Resolves every character of `spans` at `size`; `squeeze` scales advances (the body
/// grid sets 28 characters of 16 pt in 156 mm). Unknown characters are an error.
pub fn shape(
    m: &Metrics,
    spans: &[Span],
    size: f32,
    squeeze: f32,
) -> Result<Vec<Shaped>, PdfError> {
    let bytes: usize = spans.iter().map(|s| s.text.len()).sum();
    let mut out = Vec::with_capacity(bytes / 3 + 8);
    for span in spans {
        for ch in span.text.chars() {
            let ch = match ch {
                '\r' => continue,
                '\t' => ' ',
                c => c,
            };
            if ch == '\n' {
                out.push(Shaped {
                    ch,
                    face: 0,
                    gid: 0,
                    natural: 0.0,
                    advance: 0.0,
                });
                continue;
            }
            if ch.is_control() {
                continue;
            }
            let r = m.require(span.role, ch, span.text)?;
            let natural = r.advance * size;
            out.push(Shaped {
                ch,
                face: r.face,
                gid: r.gid,
                natural,
                advance: natural * squeeze,
            });
        }
    }
    Ok(out)
}

/// Breaks shaped text into lines of at most `first` / `rest` points.
pub fn lines(shaped: &[Shaped], first: f32, rest: f32) -> Vec<Range<usize>> {
    let chars: Vec<char> = shaped.iter().map(|s| s.ch).collect();
    let widths: Vec<f32> = shaped.iter().map(|s| s.advance).collect();
    break_lines(&chars, &widths, first, rest)
}

/// Breaks shaped text into lines of at most `first` / `rest` points, between `words`
/// where a line allows it and at the 禁则 opportunities only where it does not.
pub fn lines_between_words(
    shaped: &[Shaped],
    first: f32,
    rest: f32,
    words: &Words,
) -> Vec<Range<usize>> {
    let chars: Vec<char> = shaped.iter().map(|s| s.ch).collect();
    let widths: Vec<f32> = shaped.iter().map(|s| s.advance).collect();
    let ok = Words::hard_breaks(&chars);
    let preferred = words.breaks(&chars);
    break_preferring(&chars, &widths, (first, rest), &ok, &preferred)
}

/// Width of a line as set.
pub fn width(line: &[Shaped]) -> f32 {
    line.iter().map(|s| s.advance).sum()
}

/// The widest gap justification may add between two characters, in em (¼ em): a line
/// that would need more is set solid rather than letter-spaced across the measure. The
/// PDF writer keeps wide gaps out of the text layer (spread faces), so a justified line
/// extracts and searches as its sentence.
pub const MAX_JUSTIFY_GAP: f32 = 0.25;

/// What punctuation compression may take from each character set at `size`: half the
/// advance of a full-width mark that [`squeeze_side`] knows, nothing from the others.
pub fn squeeze_room(shaped: &[Shaped], size: f32) -> Vec<f32> {
    shaped
        .iter()
        .map(|s| {
            if squeeze_side(s.ch).is_some() && s.natural >= 0.9 * size {
                s.advance / 2.0
            } else {
                0.0
            }
        })
        .collect()
}

/// Places one line in the box `[x, x + box_w]` on `baseline` at `size`.
/// Justification spreads the slack evenly over the gaps between characters where the
/// line could break (never inside a number or before closing punctuation), and is
/// skipped when that would open gaps wider than [`MAX_JUSTIFY_GAP`]. A line a little
/// wider than its box (as total-fit breaking may choose) takes the excess evenly from its
/// full-width punctuation, on the side without ink, up to half of each mark's em.
pub fn place(
    line: &[Shaped],
    x: f32,
    baseline: f32,
    box_w: f32,
    size: f32,
    align: Align,
) -> Vec<Item> {
    let natural = width(line);
    let slack = box_w - natural;
    let mut room = squeeze_room(line, size);
    // An opening mark that starts the line keeps its em: its left half is the margin.
    if let (Some(first), Some(s)) = (room.first_mut(), line.first()) {
        if squeeze_side(s.ch) == Some(true) {
            *first = 0.0;
        }
    }
    let capacity: f32 = room.iter().sum();
    let squeeze = if slack < -0.01 && capacity > 0.0 {
        (-slack / capacity).min(1.0)
    } else {
        0.0
    };
    let gaps: Vec<bool> = (0..line.len())
        .map(|i| i > 0 && can_break(line[i - 1].ch, line[i].ch))
        .collect();
    let n_gaps = gaps.iter().filter(|g| **g).count();
    let (start, extra) = match align {
        _ if squeeze > 0.0 => (x, 0.0),
        Align::Left => (x, 0.0),
        Align::Center => (x + slack / 2.0, 0.0),
        Align::Right => (x + slack, 0.0),
        Align::Justify
            if n_gaps > 0
                && slack > 0.0
                && slack / (n_gaps as f32) <= size * MAX_JUSTIFY_GAP + 0.001 =>
        {
            (x, slack / n_gaps as f32)
        }
        Align::Justify => (x, 0.0),
    };
    let xs = glyph_xs(line, start, (&gaps, extra), (&room, squeeze));
    runs(line, &xs, baseline, size)
}

/// Where each character's glyph stands: from `start`, `extra` added at each of `gaps`,
/// and `squeeze` of each character's compression `room` taken on its side without ink.
fn glyph_xs(
    line: &[Shaped],
    start: f32,
    (gaps, extra): (&[bool], f32),
    (room, squeeze): (&[f32], f32),
) -> Vec<f32> {
    let mut pen = start;
    line.iter()
        .enumerate()
        .map(|(i, s)| {
            if gaps[i] {
                pen += extra;
            }
            let cut = room[i] * squeeze;
            let ink_right = squeeze_side(s.ch) == Some(true);
            if ink_right {
                pen -= cut;
            }
            let x = pen;
            pen += s.advance - if ink_right { 0.0 } else { cut };
            x
        })
        .collect()
}

/// The glyph runs of a placed line, one per face in a row; `\n` draws nothing.
fn runs(line: &[Shaped], xs: &[f32], baseline: f32, size: f32) -> Vec<Item> {
    let mut items = Vec::new();
    let mut run: Option<(u16, f32, Vec<Glyph>)> = None;
    for (s, &pen) in line.iter().zip(xs) {
        if s.ch == '\n' {
            continue;
        }
        // Spaces are drawn (invisibly) like any glyph, so that every text extractor reads
        // them: 「201 一般公共服务支出」, not 「201一般公共服务支出」.
        let glyph = |x0: f32| Glyph {
            gid: s.gid,
            ch: s.ch,
            x: pen - x0,
            advance: s.natural,
        };
        match &mut run {
            Some((face, x0, glyphs)) if *face == s.face => glyphs.push(glyph(*x0)),
            _ => {
                if let Some(done) = run.take() {
                    items.push(text_item(done, baseline, size));
                }
                run = Some((s.face, pen, vec![glyph(pen)]));
            }
        }
    }
    if let Some(done) = run {
        items.push(text_item(done, baseline, size));
    }
    items
}

fn text_item((face, x, glyphs): (u16, f32, Vec<Glyph>), y: f32, size: f32) -> Item {
    Item::Text {
        x,
        y,
        size,
        face,
        glyphs,
    }
}

/// Shapes `text` in `role` and sets it as lines in a box of width `box_w`, returning the
/// items of each line (baselines relative to 0; the caller offsets them). With
/// [`Align::Justify`] only lines that end because the measure is full are justified; the
/// last line and a line ended by a forced break are set solid.
pub fn set_block(
    m: &Metrics,
    spans: &[Span],
    size: f32,
    box_w: f32,
    first_indent: f32,
    align: Align,
    squeeze: f32,
) -> Result<Vec<Vec<Item>>, PdfError> {
    let shaped = shape(m, spans, size, squeeze)?;
    let ranges = lines(&shaped, box_w - first_indent, box_w);
    Ok(place_lines(
        &shaped,
        ranges,
        box_w,
        first_indent,
        align,
        size,
    ))
}

/// Like [`set_block`], breaking between `words` (at a 禁则 opportunity inside a word only
/// when a line holds no break between words) and, with `balance` (titles), sharing the
/// text evenly between its lines. Justified text is broken a paragraph at a time
/// ([`paragraph::total_fit`]), greedily only where a run is wider than a line.
#[allow(
    clippy::too_many_arguments,
    reason = "the setting of one block: each argument is one of its independent choices"
)]
pub fn set_words(
    m: &Metrics,
    spans: &[Span],
    size: f32,
    (box_w, first_indent): (f32, f32),
    align: Align,
    squeeze: f32,
    words: &Words,
    balance: bool,
) -> Result<Vec<Vec<Item>>, PdfError> {
    let shaped = shape(m, spans, size, squeeze)?;
    let chars: Vec<char> = shaped.iter().map(|s| s.ch).collect();
    let widths: Vec<f32> = shaped.iter().map(|s| s.advance).collect();
    let forced = chars.contains(&'\n');
    let balanced = (balance && !forced)
        .then(|| {
            let ok = words.breaks(&chars);
            balanced_lines(&widths, &ok, (box_w - first_indent, box_w))
        })
        .flatten()
        .map(|ranges| ranges.into_iter().map(|r| trim(&chars, r)).collect());
    let justified = (align == Align::Justify && balanced.is_none())
        .then(|| {
            let measure = Measure {
                first: box_w - first_indent,
                rest: box_w,
                max_gap: MAX_JUSTIFY_GAP * size,
                runt: 2.5 * size * squeeze,
            };
            total_fit(
                &chars,
                (&widths, &squeeze_room(&shaped, size)),
                measure,
                &Words::hard_breaks(&chars),
                &words.breaks(&chars),
            )
        })
        .flatten();
    let ranges = balanced
        .or(justified)
        .unwrap_or_else(|| lines_between_words(&shaped, box_w - first_indent, box_w, words));
    Ok(place_lines(
        &shaped,
        ranges,
        box_w,
        first_indent,
        align,
        size,
    ))
}

/// A line without the spaces it starts or ends with.
fn trim(chars: &[char], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && chars[r.start] == ' ' {
        r.start += 1;
    }
    while r.end > r.start && chars[r.end - 1] == ' ' {
        r.end -= 1;
    }
    r
}

/// Places broken lines, the first indented by `first_indent`.
fn place_lines(
    shaped: &[Shaped],
    ranges: Vec<Range<usize>>,
    box_w: f32,
    first_indent: f32,
    align: Align,
    size: f32,
) -> Vec<Vec<Item>> {
    let count = ranges.len();
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let indent = if i == 0 { first_indent } else { 0.0 };
            let ended = i + 1 == count || forced_break_after(shaped, r.end);
            let a = if align == Align::Justify && ended {
                Align::Left
            } else {
                align
            };
            place(&shaped[r], indent, 0.0, box_w - indent, size, a)
        })
        .collect()
}

/// True when the line ending at `end` was ended by a `\n` (spaces before it skipped).
fn forced_break_after(shaped: &[Shaped], end: usize) -> bool {
    shaped[end..]
        .iter()
        .find(|s| s.ch != ' ' && s.ch != '\u{3000}')
        .is_some_and(|s| s.ch == '\n')
}

/// Baseline offset of `size` text centred in a line box of `line_h`.
pub fn baseline_in(line_h: f32, size: f32) -> f32 {
    (line_h - size) / 2.0 + 0.88 * size
}

/// Moves items by `(dx, dy)`.
pub fn offset(items: Vec<Item>, dx: f32, dy: f32) -> impl Iterator<Item = Item> {
    items.into_iter().map(move |item| match item {
        Item::Text {
            x,
            y,
            size,
            face,
            glyphs,
        } => Item::Text {
            x: x + dx,
            y: y + dy,
            size,
            face,
            glyphs,
        },
        Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            dotted,
        } => Item::Rule {
            x1: x1 + dx,
            y1: y1 + dy,
            x2: x2 + dx,
            y2: y2 + dy,
            width,
            dotted,
        },
        Item::Fill { x, y, w, h, gray } => Item::Fill {
            x: x + dx,
            y: y + dy,
            w,
            h,
            gray,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str) -> Vec<Shaped> {
        text.chars()
            .map(|ch| {
                let w = if ch == '\n' { 0.0 } else { 10.0 };
                Shaped {
                    ch,
                    face: 0,
                    gid: 1,
                    natural: w,
                    advance: w,
                }
            })
            .collect()
    }

    /// The x of every glyph of a set line, run offsets included.
    fn xs(items: &[Item]) -> Vec<f32> {
        items
            .iter()
            .flat_map(|it| match it {
                Item::Text { x, glyphs, .. } => glyphs.iter().map(|g| x + g.x).collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    #[test]
    fn full_lines_are_justified_and_short_lines_set_solid() {
        // 7 characters of 10 pt in a 75 pt box: the first line (7 wide, broken because the
        // box is full) spreads 5 pt over 6 gaps; the line ended by \n and the last line
        // are set solid.
        let text = shaped("一二三四五六七八\n九十甲乙");
        let ranges = lines(&text, 75.0, 75.0);
        let set = place_lines(&text, ranges, 75.0, 0.0, Align::Justify, 10.0);
        assert_eq!(set.len(), 3);
        let first = xs(&set[0]);
        assert!((first[6] - 65.0).abs() < 0.01, "{first:?}");
        let second = xs(&set[1]);
        assert_eq!(second, vec![0.0]);
        let third = xs(&set[2]);
        assert_eq!(third, vec![0.0, 10.0, 20.0, 30.0]);
    }

    #[test]
    fn a_line_needing_wide_gaps_is_not_letter_spaced() {
        let text = shaped("一二");
        let items = place(&text, 0.0, 0.0, 100.0, 10.0, Align::Justify);
        assert_eq!(xs(&items), vec![0.0, 10.0]);
    }
}
