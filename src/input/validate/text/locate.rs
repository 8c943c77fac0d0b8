//! Where in the source a part of a text is written: a problem is shown at the characters
//! that carry it, not only at the whole string.

use std::ops::Range;

/// The source span of bytes `at` of `value`, the text of the string written at `span` of
/// `src`. The part is found in the string as written when it occurs there as often as in
/// the value (escapes elsewhere do not matter); otherwise the whole string's span.
pub fn within(src: &str, span: Range<usize>, value: &str, at: Range<usize>) -> Range<usize> {
    let (Some(written), Some(part), Some(before)) = (
        src.get(span.clone()),
        value.get(at.clone()),
        value.get(..at.start),
    ) else {
        return span;
    };
    if part.is_empty() || written.matches(part).count() != value.matches(part).count() {
        return span;
    }
    let nth = before.matches(part).count();
    written
        .match_indices(part)
        .nth(nth)
        .map_or(span.clone(), |(i, _)| {
            span.start + i..span.start + i + part.len()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_found_where_it_is_written() {
        let src = "a = \"甲，，乙，，\"\n";
        let span = 4..src.len() - 1;
        let value = "甲，，乙，，";
        let second = value.rfind("，，").unwrap_or_default();
        let at = within(src, span.clone(), value, second..second + 6);
        assert_eq!(at.start, src.rfind("，，").unwrap_or_default());
        // Written with an escape the part does not show as such: the whole string.
        let src = "a = \"\\u3002\\u3002\"\n";
        let span = 4..src.len() - 1;
        assert_eq!(within(src, span.clone(), "。。", 0..6), span);
    }
}
