//! Texts longer than a line or a page: a 60-character unit name on every table's 编制单位
//! line and a 3,000-character performance goal wrap and continue; nothing is drawn outside
//! the page and no character is lost.

use gongkai::fonts::{load_fonts, FontOptions};
use gongkai::render::pdf::{lay_out_pages, Item, Page};
use std::path::Path;

const MINIMAL: &str = include_str!("../fixtures/minimal.toml");
/// Ten characters that occur nowhere else in the document.
const MARKS: &str = "甲乙丙丁戊己庚辛壬癸";

fn pages() -> (Vec<Page>, String) {
    let name = format!(
        "示例县{}中心",
        "经济和信息化统计调查数据管理与发展服务".repeat(3)
    );
    assert_eq!(name.chars().count(), 62);
    let goal = MARKS.repeat(300);
    let src = MINIMAL
        .replace("name = \"示例县统计局\"", &format!("name = \"{name}\""))
        .replace(
            "goal = \"按时完成经济普查。\"",
            &format!("goal = \"{goal}\""),
        );
    let (budget, diags) = gongkai::input::load_str(&src, Path::new("."));
    let budget = budget.unwrap_or_else(|| panic!("{diags:?}"));
    let doc = gongkai::pipeline::document(&budget);
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    (lay_out_pages(&doc, &fonts).expect("layout"), name)
}

/// The extent of an item: (left, top, right, bottom).
fn extent(item: &Item) -> (f32, f32, f32, f32) {
    match item {
        Item::Text {
            x, y, size, glyphs, ..
        } => {
            let right = glyphs.last().map_or(*x, |g| x + g.x + g.advance);
            (*x, y - size, right, y + size * 0.25)
        }
        Item::Rule { x1, y1, x2, y2, .. } => (x1.min(*x2), y1.min(*y2), x1.max(*x2), y1.max(*y2)),
        Item::Fill { x, y, w, h, .. } => (*x, *y, x + w, y + h),
    }
}

#[test]
fn long_texts_stay_on_the_page_and_lose_nothing() {
    let (pages, name) = pages();
    for (n, page) in pages.iter().enumerate() {
        for item in &page.items {
            let (l, t, r, b) = extent(item);
            assert!(
                l >= -0.5 && t >= -0.5 && r <= page.width + 0.5 && b <= page.height + 0.5,
                "page {}: {:?} lies outside the page ({l}, {t}, {r}, {b})",
                n + 1,
                item.text()
            );
        }
    }
    let all: String = pages.iter().map(|p| p.text()).collect::<Vec<_>>().join(" ");
    for mark in MARKS.chars() {
        assert_eq!(
            all.matches(mark).count(),
            300,
            "every {mark} of the goal is printed"
        );
    }
    let compact = |p: &Page| p.text().split_whitespace().collect::<String>();
    let table_pages: Vec<&Page> = pages
        .iter()
        .filter(|p| compact(p).contains("编制单位："))
        .collect();
    assert!(table_pages.len() >= 11);
    for p in table_pages {
        assert!(
            compact(p).contains(&format!("编制单位：{name}")),
            "the whole unit name is on the 编制单位 line: {}",
            compact(p)
        );
    }
}
