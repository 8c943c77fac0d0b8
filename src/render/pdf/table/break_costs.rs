//! What a line break before each character of a table cell costs, by what it divides:
//! nothing between words; more between the parts of a compound (一般公共|预算, 家庭|的),
//! less in a header, whose compound may be longer than an amount column, than in a body
//! cell, whose words stay whole wherever a width lets them; much more inside a word; a
//! break the 禁则 or a figure forbid only where nothing else fits. [`super::cell_lines`]
//! chooses a cell's breaks by these costs.

/// A break between two parts of a compound in a header (a header's compound longer than
/// an amount column is split rather than squeeze every row's name).
const PART: f32 = 60.0;
/// A break between two parts of a compound in a body cell, whose words stay whole where
/// any width lets them (not much cheaper than a break inside a word).
const BODY_PART: f32 = 150.0;
/// A break between two parts that leaves 的 to start a line (家庭/的补助).
const PART_DE: f32 = 100.0;
/// A break inside a word (the 禁则 allow it).
const INSIDE: f32 = 1000.0;
/// More for a break inside a word next to its first or last character (政府性基/金).
const EDGE: f32 = 100.0;
/// A break the 禁则 forbid, only where nothing else lets a line fit.
const FORCED: f32 = 10_000.0;

/// What a break before each character of a cell costs, from where a line may start
/// between `words`, between `parts` of a compound and at all (`hard`): nothing between
/// words, [`PART`] between the parts of a compound in a header and [`BODY_PART`] in a body
/// cell (at least [`PART_DE`] before 的), [`INSIDE`] (and [`EDGE`]) inside a word,
/// [`FORCED`] where the 禁则 or a figure forbid it.
pub fn break_costs(
    chars: &[char],
    (words, parts, hard): (&[bool], &[bool], &[bool]),
    header: bool,
) -> Vec<f32> {
    let part = if header { PART } else { BODY_PART };
    let n = chars.len();
    let bound = |k: usize| k == 0 || k >= n || words[k] || parts[k];
    (0..n)
        .map(|k| {
            if words[k] {
                0.0
            } else if parts[k] && chars[k] == '的' {
                part.max(PART_DE)
            } else if parts[k] {
                part
            } else if hard[k] {
                let edge = k >= 1 && (bound(k - 1) || bound(k + 1));
                INSIDE + if edge { EDGE } else { 0.0 }
            } else {
                FORCED
            }
        })
        .collect()
}
