//! One ratio, one figure: a share prints the same wherever its ratio appears, under the
//! default rounding (each share half-up from its exact ratio) and under largest remainder.

use crate::common::{block_texts, example_path};
use gongkai::document::Document;
use std::path::Path;

fn manas(options: &str) -> Document {
    let path = example_path("manas-commerce-2024");
    let src = std::fs::read_to_string(&path).unwrap() + options;
    let (budget, diags) = gongkai::input::load_str(&src, path.parent().unwrap_or(Path::new(".")));
    let budget = budget.unwrap_or_else(|| panic!("{diags:?}"));
    gongkai::pipeline::document(&budget)
}

/// The share printed after `lead` (e.g. `一般公共预算517.36万元，占`) in section `n` of 第三部分.
fn share_after(doc: &Document, n: usize, lead: &str) -> String {
    let texts = block_texts(&doc.parts[2].sections[n].blocks);
    let text = texts
        .iter()
        .find(|t| t.contains(lead))
        .unwrap_or_else(|| panic!("{lead} in {texts:?}"));
    let rest = &text[text.find(lead).unwrap() + lead.len()..];
    rest.split('%').next().unwrap().to_string()
}

#[test]
fn manas_517_36_of_1700_46_prints_one_figure_by_default() {
    // 517.3626 / 1,700.4626 = 30.4248…%: the income section and the spending section both
    // print it rounded, as the published document does (largest remainder made it 30.43%
    // in one of them).
    let doc = manas("");
    assert_eq!(share_after(&doc, 1, "一般公共预算517.36万元，占"), "30.42");
    assert_eq!(share_after(&doc, 2, "基本支出517.36万元，占"), "30.42");
}

#[test]
fn largest_remainder_still_prints_one_ratio_one_way() {
    let doc = manas("\n[options]\nshare_rounding = \"largest_remainder\"\n");
    let income = share_after(&doc, 1, "一般公共预算517.36万元，占");
    let spending = share_after(&doc, 2, "基本支出517.36万元，占");
    assert_eq!(income, spending);
}
