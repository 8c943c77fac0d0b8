//! `[publish]`: the 政府网站 metadata of the HTML page — site name, 网站标识码, column and
//! content source. Every key is optional; the 网站标识码's format is checked.

use super::{Ctx, TextRules};
use crate::budget::Publish;
use crate::input::raw::RawPublish;

/// Validates `[publish]`.
pub fn publish(raw: &RawPublish, ctx: &mut Ctx<'_>, rules: &TextRules) -> Publish {
    let site_id = raw.site_id.as_ref().and_then(|r| {
        ctx.no_controls(r, "publish.site_id");
        let id = r.get_ref().trim();
        if is_site_id(id) {
            Some(id.to_string())
        } else {
            ctx.error(
                Some(r.span()),
                "publish.site_id",
                format!("“{id}”不是政府网站标识码（expected a 10-character site ID code）"),
                Some("网站标识码为10位：地方网站是10位数字（如 \"6523000001\"），国务院部门网站是 bm 加8位数字（如 \"bm17000009\"）"),
            );
            None
        }
    });
    Publish {
        site_name: ctx.opt_text(raw.site_name.as_ref(), "publish.site_name", rules),
        site_id,
        column: ctx.opt_text(raw.column.as_ref(), "publish.column", rules),
        source: ctx.opt_text(raw.source.as_ref(), "publish.source", rules),
    }
}

/// A 政府网站标识码: ten digits (local sites: the 6-digit region code and a 4-digit number)
/// or `bm` and eight digits (sites of State Council departments).
fn is_site_id(id: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    digits(id, 10) || id.strip_prefix("bm").is_some_and(|rest| digits(rest, 8))
}

#[cfg(test)]
mod tests {
    use super::is_site_id;

    #[test]
    fn site_ids_are_ten_digits_or_bm_and_eight() {
        assert!(is_site_id("6523000001"));
        assert!(is_site_id("bm17000009"));
        for bad in [
            "652300001",
            "65230000011",
            "6523OOOO01",
            "BM17000009",
            "bm1700000",
            "",
            "６５２３０００００１",
        ] {
            assert!(!is_site_id(bad), "{bad}");
        }
    }
}
