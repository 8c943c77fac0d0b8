//! Golden tests: every amount and percentage of every table and of part 3 equals the
//! published figure, except the published mistakes listed here, each with the right figure
//! and why. Figures are compared per table and per part-3 section as multisets of two-decimal
//! numbers taken from the reference text extraction and from the generated document.

use crate::common;

use common::{block_texts, example_document, reference};
use gongkai::document::{Block, Document};
use std::collections::BTreeMap;

/// A published figure that differs from the derived one.
struct Mistake {
    /// `表3` or `三` (part 3 section).
    region: &'static str,
    /// The figure as published (None: gongkai prints a figure the reference lacks).
    published: Option<&'static str>,
    /// The figure gongkai derives (None: the reference prints a figure gongkai does not).
    ours: Option<&'static str>,
    /// How many times it occurs in the region.
    count: i32,
    /// Why.
    why: &'static str,
}

/// Shorthand for a [`Mistake`].
const fn m(
    region: &'static str,
    published: Option<&'static str>,
    ours: Option<&'static str>,
    count: i32,
    why: &'static str,
) -> Mistake {
    Mistake {
        region,
        published,
        ours,
        count,
        why,
    }
}

const TABLE_TITLES: [&str; 11] = [
    "收支总体情况表",
    "收入总体情况表",
    "支出总体情况表",
    "财政拨款收支预算总体情况表",
    "一般公共预算支出情况表",
    "一般公共预算基本支出情况表",
    "一般公共预算项目支出情况表",
    "政府性基金预算支出情况表",
    "国有资本经营预算支出情况表",
    "“三公”经费支出情况表",
    "上年结转结余情况明细表",
];

const SECTION_MARKERS: [&str; 12] = [
    "一、关于",
    "二、关于",
    "三、关于",
    "四、关于",
    "五、关于",
    "六、关于",
    "七、关于",
    "八、关于",
    "九、关于",
    "十、关于",
    "十一、关于",
    "十二、",
];

/// Two-decimal numbers in a text, commas removed.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            && (i == 0
                || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == ',' || chars[i - 1] == '.'))
        {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (chars[j] == ',' && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                j += 1;
            }
            if chars.get(j) == Some(&'.')
                && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())
                && chars.get(j + 2).is_some_and(|c| c.is_ascii_digit())
                && !chars.get(j + 3).is_some_and(|c| c.is_ascii_digit())
            {
                let s: String = chars[i..j + 3].iter().filter(|c| **c != ',').collect();
                out.push(s);
                i = j + 3;
                continue;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn multiset(v: Vec<String>) -> BTreeMap<String, i32> {
    let mut m = BTreeMap::new();
    for s in v {
        *m.entry(s).or_insert(0) += 1;
    }
    m
}

/// Reference regions: table N text and part-3 section texts.
fn reference_regions(text: &str, present_tables: &[usize]) -> BTreeMap<String, String> {
    let mut regions = BTreeMap::new();
    let start = text
        .find("表 1")
        .or_else(|| text.find("表1"))
        .expect("table 1 marker");
    let part3 = text.rfind("第三部分").expect("part 3");
    let mut marks: Vec<(String, usize)> = Vec::new();
    let mut pos = start;
    for n in present_tables {
        let title = TABLE_TITLES[n - 1];
        let at = text[pos..]
            .find(title)
            .map(|i| i + pos)
            .unwrap_or_else(|| panic!("title {title}"));
        marks.push((format!("表{n}"), at));
        pos = at + title.len();
    }
    marks.push(("end".into(), part3));
    for w in marks.windows(2) {
        regions.insert(w[0].0.clone(), text[w[0].1..w[1].1].to_string());
    }
    let end = text.rfind("第四部分").expect("part 4");
    let mut secs: Vec<(String, usize)> = Vec::new();
    let mut pos = part3;
    for (i, m) in SECTION_MARKERS.iter().enumerate() {
        let at = text[pos..end]
            .find(m)
            .map(|x| x + pos)
            .unwrap_or_else(|| panic!("section marker {m}"));
        secs.push((
            SECTION_MARKERS[i]
                .trim_end_matches("关于")
                .trim_end_matches('、')
                .to_string(),
            at,
        ));
        pos = at + m.len();
    }
    secs.push(("end".into(), end));
    for w in secs.windows(2) {
        regions.insert(w[0].0.clone(), text[w[0].1..w[1].1].to_string());
    }
    regions
}

/// Our regions: table N and part-3 sections by their Chinese ordinal.
fn our_regions(doc: &Document) -> BTreeMap<String, String> {
    let mut regions = BTreeMap::new();
    for s in &doc.parts[1].sections {
        if let Some(Block::Table(t)) = s.blocks.first() {
            regions.insert(
                t.label.clone().unwrap_or_default(),
                block_texts(&s.blocks).join("\n"),
            );
        }
    }
    for s in &doc.parts[2].sections {
        let h = s.heading.clone().unwrap_or_default();
        let key = h.split('、').next().unwrap_or_default().to_string();
        regions.insert(key, format!("{h}\n{}", block_texts(&s.blocks).join("\n")));
    }
    regions
}

fn check_example(name: &str, present_tables: &[usize], partial: &[&str], mistakes: &[Mistake]) {
    let doc = example_document(name);
    let ours = our_regions(&doc);
    let refs = reference_regions(&reference(name), present_tables);
    let mut failures = Vec::new();
    for (region, ref_text) in &refs {
        let mine = ours
            .get(region)
            .unwrap_or_else(|| panic!("{name}: no region {region} in the document"));
        let r = multiset(numbers(ref_text));
        let o = multiset(numbers(mine));
        let mut only_ref: BTreeMap<String, i32> = BTreeMap::new();
        let mut only_ours: BTreeMap<String, i32> = BTreeMap::new();
        for (k, v) in &r {
            let d = v - o.get(k).copied().unwrap_or(0);
            if d > 0 {
                only_ref.insert(k.clone(), d);
            }
        }
        for (k, v) in &o {
            let d = v - r.get(k).copied().unwrap_or(0);
            if d > 0 {
                only_ours.insert(k.clone(), d);
            }
        }
        for m in mistakes.iter().filter(|m| m.region == region) {
            if let Some(p) = m.published {
                match only_ref.get_mut(p) {
                    Some(c) if *c >= m.count => *c -= m.count,
                    _ => failures.push(format!(
                        "{name} {region}: listed published mistake {p} ×{} not found ({})",
                        m.count, m.why
                    )),
                }
            }
            if let Some(p) = m.ours {
                match only_ours.get_mut(p) {
                    Some(c) if *c >= m.count => *c -= m.count,
                    _ => failures.push(format!(
                        "{name} {region}: listed corrected figure {p} ×{} not produced ({})",
                        m.count, m.why
                    )),
                }
            }
        }
        only_ref.retain(|_, c| *c > 0);
        only_ours.retain(|_, c| *c > 0);
        if !only_ref.is_empty() {
            failures.push(format!(
                "{name} {region}: published but not derived: {only_ref:?}"
            ));
        }
        if !only_ours.is_empty() && !partial.contains(&region.as_str()) {
            failures.push(format!(
                "{name} {region}: derived but not published: {only_ours:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn number_extraction() {
    assert_eq!(
        numbers("合计1,795.47万元，占32.40%，34.7%，500万元，2024年"),
        ["1795.47", "32.40"]
    );
    assert_eq!(numbers("1700.46 0.00"), ["1700.46", "0.00"]);
}

include!("golden/mistakes.rs");
