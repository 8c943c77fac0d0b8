//! How evenly the examples' paragraphs are set, measured on the laid-out pages: every line
//! of a paragraph but its last fills the measure to within one character, and no gap that
//! justification opens between two characters is wider than ¼ em. The one exception is a
//! paragraph's first line that cannot be filled at all: the figure that starts the next
//! line (with its unit and the punctuation after it) does not fit even with every
//! full-width mark compressed by half, and the gaps justification may open (not inside a
//! figure, not around punctuation that binds) cannot take the rest within ¼ em — nothing
//! before it could give way.

use crate::common::{example_document, paragraph_pieces, EXAMPLES};
use gongkai::document::Document;
use gongkai::fonts::{load_fonts, FontOptions, FontSet};
use gongkai::render::figures::unit_len;
use gongkai::render::pdf::{lay_out_pages, Item, Page};
use std::sync::OnceLock;

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| load_fonts(&FontOptions::default()).expect("CJK fonts installed"))
}

/// Body size (3号) and the portrait text block's edges, in points.
const SIZE: f32 = 16.0;
const LEFT: f32 = 28.0 * 72.0 / 25.4;
const WIDTH: f32 = 156.0 * 72.0 / 25.4;
/// The body's advance compression: 28 characters of 16 pt in 156 mm.
const SQUEEZE: f32 = WIDTH / (28.0 * SIZE);

/// One body line as laid out: its text, its characters with their advances, left and right
/// edges and widest gap between characters.
struct Line {
    text: String,
    glyphs: Vec<(char, f32)>,
    left: f32,
    right: f32,
    gap: f32,
}

/// Full-width punctuation that may be compressed by half, and what may not start a line.
const SQUEEZABLE: &str = "，。、；：）》」』】〕〉”’（《「『【〔〈“‘";
const NO_START: &str = "，。、；：？！）》」』】〕〉”’·．％‰℃°,.;:?!)]}%～";

/// What compression may take from `glyphs`: half of each full-width mark.
fn squeezable(glyphs: &[(char, f32)]) -> f32 {
    glyphs
        .iter()
        .filter(|(c, w)| SQUEEZABLE.contains(*c) && *w > 0.9 * SIZE * SQUEEZE)
        .map(|(_, w)| w / 2.0)
        .sum()
}

/// The unbreakable piece a line starts with: a figure with its unit, or one character,
/// and the punctuation that may not start a line after it.
fn first_piece(glyphs: &[(char, f32)]) -> &[(char, f32)] {
    let text: String = glyphs.iter().map(|g| g.0).collect();
    let mut n = glyphs
        .iter()
        .take_while(|g| g.0.is_ascii_alphanumeric() || ".,%".contains(g.0))
        .count()
        .max(1);
    if glyphs[0].0.is_ascii_digit() {
        let rest: String = text.chars().skip(n).collect();
        n += unit_len(&rest).map_or(0, |len| rest[..len].chars().count());
    }
    n += glyphs[n.min(glyphs.len())..]
        .iter()
        .take_while(|g| NO_START.contains(g.0))
        .count();
    &glyphs[..n.min(glyphs.len())]
}

/// True when `line` could not take the first piece of `next` even with all its and the
/// piece's full-width punctuation compressed by half.
fn cannot_take_more(line: &Line, next: &Line) -> bool {
    let piece = first_piece(&next.glyphs);
    let mut both = line.glyphs.clone();
    both.extend_from_slice(piece);
    let natural: f32 = both.iter().map(|g| g.1).sum();
    natural - squeezable(&both) > LEFT + WIDTH - line.left + 0.01
}

/// Characters that may not end a line, and those a figure is made of: no gap is opened
/// after the first, nor between two of the second.
const NO_END: &str = "（《「『【〔〈“‘([{";
const FIGURE: &str = "0123456789.,%-+/";

/// True when `line` could not reach the measure with a gap of ¼ em wherever justification
/// may open one: between two characters, but not inside a figure, before what may not
/// start a line or after what may not end one.
fn cannot_spread(line: &Line) -> bool {
    let gaps = line
        .glyphs
        .windows(2)
        .filter(|w| {
            let (a, b) = (w[0].0, w[1].0);
            let figure = |c: char| FIGURE.contains(c) || c.is_ascii_alphabetic();
            let binds = NO_START.contains(b) || NO_END.contains(a);
            !(binds || figure(a) && figure(b))
        })
        .count() as f32;
    LEFT + WIDTH - line.right > gaps * 0.25 * SIZE + 0.01
}

/// A glyph's left and right edges and its character.
type Placed = (f32, f32, char);

/// The 16 pt lines of portrait pages, in reading order (runs on one baseline joined).
fn body_lines(pages: &[Page]) -> Vec<Line> {
    let mut out = Vec::new();
    for page in pages.iter().filter(|p| !p.is_landscape()) {
        let mut rows: Vec<(f32, Vec<Placed>)> = Vec::new();
        for item in &page.items {
            let Item::Text {
                x, y, size, glyphs, ..
            } = item
            else {
                continue;
            };
            if (*size - SIZE).abs() > 0.01 || *x < LEFT - 0.5 {
                continue;
            }
            let row = match rows.iter_mut().find(|(b, _)| (b - y).abs() < 0.1) {
                Some(row) => row,
                None => {
                    rows.push((*y, Vec::new()));
                    rows.last_mut().expect("just pushed")
                }
            };
            row.1.extend(
                glyphs
                    .iter()
                    .map(|g| (x + g.x, x + g.x + g.advance * SQUEEZE, g.ch)),
            );
        }
        for (_, mut glyphs) in rows {
            glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let gap = glyphs
                .windows(2)
                .map(|w| (w[1].0 - w[0].1) / SIZE)
                .fold(0.0, f32::max);
            out.push(Line {
                text: glyphs.iter().map(|g| g.2).filter(|c| *c != ' ').collect(),
                glyphs: glyphs.iter().map(|g| (g.2, g.1 - g.0)).collect(),
                left: glyphs.first().map_or(0.0, |g| g.0),
                right: glyphs.last().map_or(0.0, |g| g.1),
                gap,
            });
        }
    }
    out
}

/// Each paragraph's pieces (a forced break ends a piece), without spaces.
fn paragraphs(doc: &Document) -> Vec<String> {
    paragraph_pieces(doc)
        .into_iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

/// Per example: lines of its paragraphs, the lines but the last of a paragraph ending more
/// than a character short of the measure or opening a gap over ¼ em, and the widest gap.
struct Evenness {
    lines: usize,
    /// First lines that cannot be filled (see the module's note).
    forced: usize,
    /// Paragraphs whose lines were not found in order on the pages.
    unmatched: Vec<String>,
    short: Vec<String>,
    max_gap: f32,
}

fn evenness(name: &str) -> Evenness {
    let doc = example_document(name);
    let lines = body_lines(&lay_out_pages(&doc, fonts()).expect("layout"));
    let mut at = 0;
    let mut result = Evenness {
        lines: 0,
        forced: 0,
        unmatched: Vec::new(),
        short: Vec::new(),
        max_gap: 0.0,
    };
    for para in paragraphs(&doc) {
        let Some(start) = (at..lines.len())
            .find(|&i| !lines[i].text.is_empty() && para.starts_with(&lines[i].text))
        else {
            continue;
        };
        let mut end = start;
        let mut seen = String::new();
        while end < lines.len() && para.starts_with(&format!("{seen}{}", lines[end].text)) {
            seen.push_str(&lines[end].text);
            end += 1;
            if seen == para {
                break;
            }
        }
        if seen != para {
            result.unmatched.push(para);
            continue;
        }
        for (i, line) in lines[start..end].iter().enumerate() {
            result.lines += 1;
            result.max_gap = result.max_gap.max(line.gap);
            let last = start + i + 1 == end;
            let ends_short = !last && line.right < LEFT + WIDTH - WIDTH / 28.0 - 0.5;
            let forced = ends_short
                && i == 0
                && cannot_take_more(line, &lines[start + 1])
                && cannot_spread(line);
            result.forced += usize::from(forced);
            let short = ends_short && !forced;
            if short || line.gap > 0.25 + 0.005 {
                result.short.push(format!(
                    "{} (ends {:.1} pt short, widest gap {:.3} em) in {:?}",
                    line.text,
                    LEFT + WIDTH - line.right,
                    line.gap,
                    lines[start..end]
                        .iter()
                        .map(|l| l.text.as_str())
                        .collect::<Vec<_>>()
                ));
            }
        }
        at = end;
    }
    result
}

#[test]
fn paragraph_lines_end_full_and_gaps_stay_within_a_quarter_em() {
    let mut failures = Vec::new();
    for name in EXAMPLES {
        let e = evenness(name);
        eprintln!(
            "{name}: {} paragraph lines, {} short or over-spread, {} first lines that cannot be \
             filled, widest gap {:.3} em",
            e.lines,
            e.short.len(),
            e.forced,
            e.max_gap
        );
        assert!(
            e.lines > 200,
            "{name}: only {} paragraph lines found",
            e.lines
        );
        failures.extend(e.short.into_iter().map(|l| format!("{name}: {l}")));
    }
    assert!(
        failures.is_empty(),
        "{} lines end short or spread too wide:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
