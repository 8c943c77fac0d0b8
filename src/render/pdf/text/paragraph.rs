//! Total-fit breaking of a justified paragraph (Knuth–Plass, as TeX and typst break
//! justified text): the breaks of the whole paragraph are chosen together, so that a figure
//! that must stay whole is made room for by the lines before it instead of leaving a hole.
//!
//! A line may end only where the 禁则 allow (`ok`, which also keeps figures with their units
//! whole); a break inside a quoted term or an ordinal (`ok` but not `preferred`) costs a
//! penalty. Each line but a paragraph's last is justified over the gaps where it could
//! break, each gap at most `max_gap` wide; its badness grows with the cube of how far its
//! gaps are stretched, and a line whose gaps would exceed `max_gap` (set solid, short) costs
//! far more than any justified line. A line a little too long may instead take up to half
//! the em of its full-width punctuation (`squeeze`, 标点挤压), with a badness that grows
//! the same way. The cheapest sum of squared line costs wins.
//!
//! Cost: for each possible line end, the starts looked at are those within one measure
//! before it (a bounded look-back, the line's width from prefix sums of the advances), so
//! the time is O(n·k) for n characters and k characters per line, without measuring any
//! string twice.

use super::linebreak::{opportunities, squeeze_side};
use std::ops::Range;

/// Badness of a justified line whose gaps are stretched to the full `max_gap`.
const FULL_STRETCH: f32 = 100.0;
/// Badness of a line that cannot be justified within `max_gap` (set solid, ending short),
/// before its shortfall is added.
const UNJUSTIFIABLE: f32 = 10_000.0;
/// Demerits of a break inside a quoted term or an ordinal.
const SPLIT_WORD: f32 = 3_000.0;
/// Demerits of a paragraph's last line narrower than [`Measure::runt`]: those of a line
/// stretched to the full.
const RUNT: f32 = (1.0 + FULL_STRETCH) * (1.0 + FULL_STRETCH);

/// The measure of a paragraph: the first line's width, the other lines' width, and the
/// widest gap justification may open between two characters.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    /// Width of the first line (after its indent).
    pub first: f32,
    /// Width of every other line.
    pub rest: f32,
    /// The widest gap justification may add between two characters.
    pub max_gap: f32,
    /// A paragraph's last line narrower than this (a lone character and its punctuation)
    /// costs as much as a line stretched to `max_gap`.
    pub runt: f32,
}

/// The paragraph's characters with prefix sums of their advances and of the gaps
/// justification may stretch, so any line's width and gap count cost O(1).
struct Prefix<'a> {
    chars: &'a [char],
    /// `width[k]`: advances of `chars[..k]`.
    width: Vec<f32>,
    /// `gaps[k]`: stretchable gaps before `chars[1..k]` (a gap before `chars[p]`).
    gaps: Vec<u32>,
    /// `squeeze[k]`: what punctuation compression may take from `chars[..k]`.
    squeeze: Vec<f32>,
    /// `opening[k]`: `chars[k]` is an opening mark (compressed on its left).
    opening: Vec<bool>,
}

impl Prefix<'_> {
    /// Where a line ending at `end` ends without the spaces before `end`.
    fn trimmed_end(&self, mut end: usize) -> usize {
        while end > 0 && is_space(self.chars[end - 1]) {
            end -= 1;
        }
        end
    }

    /// Width, stretchable gaps and compressible width of the line `chars[start..end]`,
    /// `start` already past the spaces a line starts with and `end` before those it ends
    /// with (see [`Prefix::trimmed_end`]; `end` is `start` for a line of spaces only, and
    /// below it for a start beyond the line's end).
    fn line_to(&self, start: usize, end: usize) -> (f32, u32, f32) {
        let gaps = if end > start {
            self.gaps[end] - self.gaps[start + 1]
        } else {
            0
        };
        // An opening mark that starts the line keeps its em: its left half is the margin.
        let from = if end > start && self.opening[start] {
            start + 1
        } else {
            start
        };
        (
            self.width[end] - self.width[start],
            gaps,
            self.squeeze[end] - self.squeeze[from],
        )
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\t'
}

/// Breaks `chars` (advances `widths`, of which punctuation compression may take
/// `squeeze`) into justified lines, the whole paragraph at once; `\n` forces a break.
/// Returns the lines without the spaces they start or end with, or `None` when some
/// stretch between two allowed breaks is wider than a line (the caller then falls back to
/// greedy filling, which cuts such a run).
pub fn total_fit(
    chars: &[char],
    (widths, squeeze): (&[f32], &[f32]),
    measure: Measure,
    ok: &[bool],
    preferred: &[bool],
) -> Option<Vec<Range<usize>>> {
    let stretch = opportunities(chars);
    let mut width = Vec::with_capacity(chars.len() + 1);
    let mut gaps = Vec::with_capacity(chars.len() + 1);
    let mut squeezes = Vec::with_capacity(chars.len() + 1);
    let (mut w, mut g, mut q) = (0.0, 0, 0.0);
    width.push(w);
    gaps.push(g);
    squeezes.push(q);
    for (i, (adv, sq)) in widths.iter().zip(squeeze).enumerate() {
        w += adv;
        g += u32::from(i > 0 && stretch[i]);
        q += sq;
        width.push(w);
        gaps.push(g);
        squeezes.push(q);
    }
    let prefix = Prefix {
        chars,
        width,
        gaps,
        squeeze: squeezes,
        opening: chars
            .iter()
            .map(|c| squeeze_side(*c) == Some(true))
            .collect(),
    };
    let mut lines = Vec::new();
    let mut start = 0;
    for end in chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(chars.len()))
    {
        let first = lines.is_empty();
        let limits = (
            if first { measure.first } else { measure.rest },
            measure.rest,
        );
        let segment = Segment {
            prefix: &prefix,
            ok,
            preferred,
            limits,
            max_gap: measure.max_gap,
            runt: measure.runt,
        };
        lines.extend(segment.lines(start..end)?);
        start = end + 1;
    }
    Some(lines)
}

/// One stretch of a paragraph between forced breaks, with its line widths.
struct Segment<'p, 'a> {
    prefix: &'p Prefix<'a>,
    ok: &'p [bool],
    preferred: &'p [bool],
    /// Width of the segment's first line and of the others.
    limits: (f32, f32),
    max_gap: f32,
    runt: f32,
}

impl Segment<'_, '_> {
    /// The best lines of `range`, by dynamic programming over its allowed breaks.
    fn lines(&self, range: Range<usize>) -> Option<Vec<Range<usize>>> {
        let chars = self.prefix.chars;
        let ends = self.breaks(range.clone())?;
        Some(
            ends.windows(2)
                .map(|w| trim(chars, self.skip(w[0], range.clone())..w[1]))
                .collect(),
        )
    }

    /// The breaks of the best lines of `range`, its start and end included.
    fn breaks(&self, range: Range<usize>) -> Option<Vec<usize>> {
        let (s, e) = (range.start, range.end);
        // The breaks a line may start at, each with where its text begins: past the
        // spaces after it.
        let starts: Vec<(usize, usize)> = (s..e)
            .filter(|&i| i == s || self.ok[i])
            .map(|i| (i, self.skip(i, range.clone())))
            .collect();
        // best[k - s]: least demerits of lines ending at break k, and the break before.
        let mut best: Vec<Option<(f32, usize)>> = vec![None; e - s + 1];
        best[0] = Some((0.0, s));
        // starts[..open]: the starts before the current end.
        let mut open = 0;
        for j in (s + 1..=e).filter(|&j| j == e || self.ok[j]) {
            while open < starts.len() && starts[open].0 < j {
                open += 1;
            }
            best[j - s] = self.best_start(&starts[..open], &best, (s, j), j == e);
        }
        chain(&best, range)
    }

    /// Where a line starting at break `b` of `range` begins: past the spaces after it
    /// (the segment's own start keeps them).
    fn skip(&self, b: usize, range: Range<usize>) -> usize {
        let chars = self.prefix.chars;
        let mut k = b;
        while k < range.end && is_space(chars[k]) && b > range.start {
            k += 1;
        }
        k
    }

    /// The least demerits of the lines of the segment starting at `s` that end with one
    /// from one of `starts` to `j`, and that start; `None` when no line before it can end
    /// where one would start. The starts looked at are those from the nearest up to the
    /// first whose line is too long; among equal demerits the nearest wins.
    ///
    /// They are looked at farthest first, so that a good line is found early: once a line
    /// is too short to justify (not the last), every nearer start gives a line shorter
    /// still, with fewer gaps, so demerits at least its own; when those exceed the best
    /// found, no nearer start can win and the search stops.
    fn best_start(
        &self,
        starts: &[(usize, usize)],
        best: &[Option<(f32, usize)>],
        (s, j): (usize, usize),
        last: bool,
    ) -> Option<(f32, usize)> {
        let end = self.prefix.trimmed_end(j);
        let line = |i: usize, start: usize| {
            let limit = if i == s { self.limits.0 } else { self.limits.1 };
            // A start past `j` (spaces up to the segment's end) keeps `j` as it is.
            let to = if start > j { j } else { end.max(start) };
            (limit, self.prefix.line_to(start, to))
        };
        let fitting = starts
            .iter()
            .rev()
            .take_while(|&&(i, start)| {
                let (limit, (w, _, q)) = line(i, start);
                // Not too long: `!(w - q > limit + 0.01)`, as the plain search tests it.
                (w - q).partial_cmp(&(limit + 0.01)) != Some(std::cmp::Ordering::Greater)
            })
            .count();
        let mut found: Option<(f32, usize)> = None;
        for &(i, start) in &starts[starts.len() - fitting..] {
            let (limit, (w, g, q)) = line(i, start);
            let slack = limit - w;
            let line_demerits = self.demerits(slack, (g, q), last);
            let beyond = found.is_some_and(|(f, _)| line_demerits > f);
            if !last && i > s && beyond && self.hopeless(slack, g) {
                break;
            }
            let Some((before, _)) = best[i - s] else {
                continue;
            };
            let (split, runt) = self.penalties(i, s, w, last);
            let d = before + line_demerits + split + runt;
            if found.is_none_or(|(f, _)| d <= f) {
                found = Some((d, i));
            }
        }
        found
    }

    /// What a line from break `i` of the segment starting at `s`, `w` points wide, costs
    /// beyond its demerits: a break inside a word, and a runt last line.
    fn penalties(&self, i: usize, s: usize, w: f32, last: bool) -> (f32, f32) {
        let split = if i > s && !self.preferred[i] {
            SPLIT_WORD
        } else {
            0.0
        };
        let runt = if last && w < self.runt && i > s {
            RUNT
        } else {
            0.0
        };
        (split, runt)
    }

    /// Whether a line (not a paragraph's last) with `slack` points over `gaps` gaps cannot
    /// be justified: [`Segment::demerits`] then charges it as unjustifiable.
    fn hopeless(&self, slack: f32, gaps: u32) -> bool {
        slack > 0.01 && slack > self.room(gaps)
    }

    /// What justification may open over `gaps` gaps.
    fn room(&self, gaps: u32) -> f32 {
        gaps as f32 * self.max_gap
    }

    /// Demerits of a line with `slack` points to spread over `gaps` gaps, or (when
    /// negative) to take from its punctuation, which can give `squeeze`.
    fn demerits(&self, slack: f32, (gaps, squeeze): (u32, f32), last: bool) -> f32 {
        let room = self.room(gaps);
        let badness = if slack < -0.01 {
            let r = (-slack / squeeze).min(1.0);
            FULL_STRETCH * r * r * r
        } else if last || slack <= 0.01 {
            0.0
        } else if slack <= room {
            let r = slack / room;
            FULL_STRETCH * r * r * r
        } else {
            UNJUSTIFIABLE * (1.0 + slack / self.limits.1)
        };
        (1.0 + badness) * (1.0 + badness)
    }
}

/// The breaks from `range`'s start to its end, followed back from the end through
/// `best` (the break before each); `None` when some end has none.
fn chain(best: &[Option<(f32, usize)>], range: Range<usize>) -> Option<Vec<usize>> {
    let (s, e) = (range.start, range.end);
    let mut ends = vec![e];
    let mut at = e;
    while at > s {
        let (_, before) = best[at - s]?;
        ends.push(before);
        at = before;
    }
    if ends.len() == 1 {
        ends.push(s);
    }
    ends.reverse();
    Some(ends)
}

/// A line without the spaces it ends with.
fn trim(chars: &[char], mut r: Range<usize>) -> Range<usize> {
    while r.end > r.start && is_space(chars[r.end - 1]) {
        r.end -= 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::text::linebreak::break_preferring;
    use crate::render::pdf::text::words::Words;

    fn no_squeeze(chars: &[char]) -> Vec<f32> {
        vec![0.0; chars.len()]
    }

    /// CJK characters 1 wide, ASCII ½, in lines of `per_line`, gaps up to `max_gap`.
    fn set(text: &str, per_line: f32, max_gap: f32) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let widths: Vec<f32> = chars
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        let ok = Words::hard_breaks(&chars);
        let preferred = Words::figures().breaks(&chars);
        let measure = Measure {
            first: per_line,
            rest: per_line,
            max_gap,
            runt: 0.0,
        };
        total_fit(
            &chars,
            (&widths, &no_squeeze(&chars)),
            measure,
            &ok,
            &preferred,
        )
        .expect("every run fits a line")
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
    }

    /// The greedy breaks paragraphs had before: each line filled as far as it goes.
    fn greedy(text: &str, per_line: f32) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let widths: Vec<f32> = chars
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        let ok = Words::hard_breaks(&chars);
        let preferred = Words::figures().breaks(&chars);
        break_preferring(&chars, &widths, (per_line, per_line), &ok, &preferred)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    /// Width of a line as [`set`] measures it.
    fn width(line: &str) -> f32 {
        line.chars()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .sum()
    }

    /// True when `line` (set in `per_line`) can be justified with gaps of at most ¼.
    fn justifiable(line: &str, per_line: f32) -> bool {
        let chars: Vec<char> = line.chars().collect();
        let gaps = opportunities(&chars).iter().skip(1).filter(|g| **g).count();
        per_line - width(line) <= 0.25 * gaps as f32 + 0.001
    }

    #[test]
    fn a_figure_that_greedy_pushes_down_leaves_no_hole() {
        // Lines of 16: greedy fills the first line, then 「1,327.70万元」 (6 wide) does not
        // fit after the next 12 characters and leaves that line 4 short, more than its 11
        // gaps can take. Total fit ends the first line 2 earlier and both lines justify.
        let text = "一二三四五六七八九十甲乙丙丁戊己子丑寅卯辰巳午未申酉戌亥1,327.70万元，\
                    东南西北上下左右前后春夏秋冬金木水火土日月星";
        let greedy = greedy(text, 16.0);
        assert!(
            !greedy[..greedy.len() - 1]
                .iter()
                .all(|l| justifiable(l, 16.0)),
            "greedy leaves a hole: {greedy:?}"
        );
        let fit = set(text, 16.0, 0.25);
        assert_eq!(fit.concat(), text);
        for line in &fit[..fit.len() - 1] {
            assert!(justifiable(line, 16.0), "{line:?} of {fit:?} is short");
        }
    }

    #[test]
    fn kinsoku_holds_and_figures_stay_whole() {
        let text = "甲乙丙，丁戊己庚。辛壬（癸子）丑寅卯辰巳占30.42%，午未申酉戌亥甲乙丙丁戊己庚辛壬1,795.47万元。";
        for per_line in [7.0, 8.0, 9.0, 10.0, 11.0] {
            let fit = set(text, per_line, 0.25);
            assert_eq!(fit.concat(), text);
            for line in &fit {
                let first = line.chars().next().unwrap_or('甲');
                assert!(!"，。、）％".contains(first), "{line:?} in {fit:?}");
                assert!(!line.ends_with('（'), "{line:?} in {fit:?}");
                assert!(width(line) <= per_line + 0.01, "{line:?} overflows");
            }
            assert!(fit.iter().any(|l| l.contains("30.42%")), "{fit:?}");
            assert!(fit.iter().any(|l| l.contains("1,795.47万元")), "{fit:?}");
        }
    }

    #[test]
    fn a_last_line_is_not_left_with_one_character() {
        let chars: Vec<char> = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子"
            .chars()
            .collect();
        let widths = vec![1.0; chars.len()];
        let ok = Words::hard_breaks(&chars);
        let squeeze = no_squeeze(&chars);
        let lines = |runt: f32| {
            let measure = Measure {
                first: 10.0,
                rest: 10.0,
                max_gap: 0.25,
                runt,
            };
            total_fit(&chars, (&widths, &squeeze), measure, &ok, &ok).expect("fits")
        };
        assert_eq!(lines(0.0).last().map(|r| r.len()), Some(1));
        let kept = lines(2.0);
        assert!(kept.last().is_some_and(|r| r.len() >= 2), "{kept:?}");
    }

    #[test]
    fn forced_breaks_and_first_line_indent() {
        let chars: Vec<char> = "一二三四五六\n七八九十甲乙".chars().collect();
        let widths = vec![1.0; chars.len()];
        let ok = Words::hard_breaks(&chars);
        let measure = Measure {
            first: 4.0,
            rest: 6.0,
            max_gap: 0.25,
            runt: 0.0,
        };
        let squeeze = no_squeeze(&chars);
        let lines = total_fit(&chars, (&widths, &squeeze), measure, &ok, &ok).expect("fits");
        let text: Vec<String> = lines
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(text, vec!["一二三四", "五六", "七八九十甲乙"]);
    }

    #[test]
    fn a_run_wider_than_the_line_is_left_to_the_caller() {
        let chars: Vec<char> = "12345678901234567890".chars().collect();
        let widths = vec![0.5; chars.len()];
        let ok = Words::hard_breaks(&chars);
        let measure = Measure {
            first: 4.0,
            rest: 4.0,
            max_gap: 0.25,
            runt: 0.0,
        };
        let squeeze = no_squeeze(&chars);
        assert!(total_fit(&chars, (&widths, &squeeze), measure, &ok, &ok).is_none());
    }
}

/// The search of [`Segment::best_start`] (farthest start first, stopping early) against the
/// plain one it replaced: every start from the nearest to the first too long, nearest
/// first, a strictly smaller sum replacing the best. Same costs, so the same breaks.
#[cfg(test)]
mod search {
    use super::*;
    use proptest::prelude::*;

    impl Segment<'_, '_> {
        fn plain_breaks(&self, range: Range<usize>) -> Option<Vec<usize>> {
            let (s, e) = (range.start, range.end);
            let mut best: Vec<Option<(f32, usize)>> = vec![None; e - s + 1];
            best[0] = Some((0.0, s));
            for j in (s + 1..=e).filter(|&j| j == e || self.ok[j]) {
                let last = j == e;
                let end = self.prefix.trimmed_end(j);
                let mut found: Option<(f32, usize)> = None;
                for i in (s..j).rev().filter(|&i| i == s || self.ok[i]) {
                    let limit = if i == s { self.limits.0 } else { self.limits.1 };
                    let start = self.skip(i, range.clone());
                    let to = if start > j { j } else { end.max(start) };
                    let (w, g, q) = self.prefix.line_to(start, to);
                    if w - q > limit + 0.01 {
                        break;
                    }
                    let Some((before, _)) = best[i - s] else {
                        continue;
                    };
                    let (split, runt) = self.penalties(i, s, w, last);
                    let d = before + self.demerits(limit - w, (g, q), last) + split + runt;
                    if found.is_none_or(|(f, _)| d < f) {
                        found = Some((d, i));
                    }
                }
                best[j - s] = found;
            }
            chain(&best, range)
        }
    }

    /// Characters of every kind the breaker treats apart, with their advances.
    fn text() -> impl Strategy<Value = Vec<(char, f32)>> {
        let ch = prop::sample::select(vec![
            '预', '算', '收', '入', '，', '。', '（', '）', '“', '”', ' ', '　', '1', '0', '.',
            '%', 'a',
        ]);
        prop::collection::vec((ch, 0.3f32..1.2), 1..160)
    }

    proptest! {
        #[test]
        fn the_early_stopping_search_finds_the_plain_searchs_breaks(
            text in text(),
            first in 4.0f32..12.0,
            rest in 6.0f32..14.0,
            max_gap in 0.0f32..0.5,
            oks in prop::collection::vec(any::<bool>(), 160),
            preferred in prop::collection::vec(any::<bool>(), 160),
        ) {
            let chars: Vec<char> = text.iter().map(|t| t.0).collect();
            let widths: Vec<f32> = text.iter().map(|t| t.1).collect();
            let squeeze: Vec<f32> = widths.iter().zip(&chars)
                .map(|(w, c)| if squeeze_side(*c).is_some() { w / 2.0 } else { 0.0 })
                .collect();
            let mut width = vec![0.0];
            let mut gaps = vec![0];
            let mut squeezes = vec![0.0];
            let stretch = opportunities(&chars);
            for (i, (w, q)) in widths.iter().zip(&squeeze).enumerate() {
                width.push(width[i] + w);
                gaps.push(gaps[i] + u32::from(i > 0 && stretch[i]));
                squeezes.push(squeezes[i] + q);
            }
            let prefix = Prefix {
                chars: &chars,
                width,
                gaps,
                squeeze: squeezes,
                opening: chars.iter().map(|c| squeeze_side(*c) == Some(true)).collect(),
            };
            let segment = Segment {
                prefix: &prefix,
                ok: &oks[..chars.len()],
                preferred: &preferred[..chars.len()],
                limits: (first, rest),
                max_gap,
                runt: 2.5,
            };
            prop_assert_eq!(
                segment.breaks(0..chars.len()),
                segment.plain_breaks(0..chars.len())
            );
        }
    }
}
