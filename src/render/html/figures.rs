//! Running text in pieces so that a figure with its unit (`1,795.47万元`, `27.96%`,
//! `2024年`, `146号`) never breaks over two lines on a narrow screen: the template wraps
//! each kept piece in `<span class="fig">` (`white-space: nowrap`). The rest of the text
//! breaks as the browser breaks Chinese.

use super::title::{split_kept, Piece};
use crate::render::figures::unit_len;

/// Splits `text` at each figure (digits, with `,` and `.` between digits) followed by a
/// unit; the pieces joined give `text` back.
pub(super) fn figure_pieces(text: &str) -> Vec<Piece> {
    split_kept(text, |rest, after_digit| {
        figure_len(rest).filter(|_| !after_digit)
    })
}

/// Length in bytes of the figure with its unit that `rest` starts with, if any.
fn figure_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut n = 0;
    while n < bytes.len()
        && (bytes[n].is_ascii_digit()
            || (matches!(bytes[n], b',' | b'.')
                && n > 0
                && bytes.get(n + 1).is_some_and(u8::is_ascii_digit)))
    {
        n += 1;
    }
    if n == 0 {
        return None;
    }
    Some(n + unit_len(&rest[n..])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        crate::render::html::title::tests::show(&figure_pieces(text))
    }

    #[test]
    fn figures_keep_their_units() {
        assert_eq!(
            show("转移支付资金502.00万元，占27.96%，比上年增加1,795.47万元。"),
            "转移支付资金[502.00万元]，占[27.96%]，比上年增加[1,795.47万元]。"
        );
        assert_eq!(show("昌州财建【2023】146号文"), "昌州财建【2023】[146号]文");
        assert_eq!(show("2024年，车辆3辆"), "[2024年]，车辆[3辆]");
    }

    #[test]
    fn a_figure_without_a_unit_and_punctuation_around_it_stay_plain() {
        assert_eq!(show("编号201，共1.5"), "编号201，共1.5");
        assert_eq!(show("合计：,5万元"), "合计：,[5万元]");
    }
}
