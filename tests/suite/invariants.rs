//! Property tests over the whole pipeline: random budgets, built into documents, keep the
//! invariants a published disclosure must satisfy.

use gongkai::document::{Block, Document, RowRole, Table};
use gongkai::money::{Money, Percent};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use std::path::Path;

const CODES: [&str; 6] = [
    "2011301", "2011308", "2080505", "2101101", "2130101", "2210201",
];
const ECONOMIC: [&str; 6] = ["30101", "30102", "30103", "30201", "30202", "30205"];
const PROJECT_SOURCES: [&str; 6] = [
    "一般公共预算",
    "上级一般公共预算",
    "政府性基金",
    "其他收入",
    "一般公共预算结转",
    "单位资金结转结余",
];

fn budget_toml(basic: &[(usize, i64)], projects: &[(usize, usize, i64)]) -> String {
    budget_toml_at(basic, projects, 2)
}

/// A random budget whose amounts are `units / 10^scale` 万元.
fn budget_toml_at(basic: &[(usize, i64)], projects: &[(usize, usize, i64)], scale: u32) -> String {
    let mut s = String::from(
        "procurement = \"none\"\n\n[unit]\nname = \"测试局\"\nscope = \"部门\"\nyear = 2025\nissued = \"2025-02-10\"\n\n[prior]\noperating = { amount = \"0.00\", reason = \"测试\" }\nthree_public = \"none\"\n\n[assets]\nbuilding_area = \"0\"\nbuilding_value = \"0\"\ngeneral_vehicles = { count = 0, value = \"0\" }\nenforcement_vehicles = { count = 0, value = \"0\" }\nother_vehicles = { count = 0, value = \"0\" }\nfurniture_value = \"0\"\nother_value = \"0\"\nequipment_over_50 = 0\nequipment_over_100 = 0\n\n[overview]\nfunctions = [\"测试\"]\n\n[overview.staffing]\nauthorized = 1\nin_service = 1\nin_service_prior = 1\nretired = 0\nretired_prior = 0\nveteran = 0\nveteran_prior = 0\n",
    );
    let mut merged: std::collections::BTreeMap<usize, i64> = std::collections::BTreeMap::new();
    for (c, cents) in basic {
        *merged.entry(*c).or_default() += cents;
    }
    for (c, cents) in &merged {
        s.push_str(&format!(
            "\n[[basic]]\ncode = \"{}\"\namount = \"{}\"\n",
            CODES[*c],
            Decimal::new(*cents, scale)
        ));
    }
    // One 经济分类 line per 项 (a different 款 each), so no line exceeds a basic line.
    for (c, cents) in &merged {
        s.push_str(&format!(
            "\n[[basic_economic]]\ncode = \"{}\"\namount = \"{}\"\n",
            ECONOMIC[*c],
            Decimal::new(*cents, scale)
        ));
    }
    for (i, (c, src, cents)) in projects.iter().enumerate() {
        s.push_str(&format!(
            "\n[[projects]]\nname = \"项目{i}\"\ncode = \"{}\"\nsource = \"{}\"\neconomic = {{ \"302\" = \"{}\" }}\n",
            CODES[*c],
            PROJECT_SOURCES[*src],
            Decimal::new(*cents, scale)
        ));
    }
    s
}

fn document(src: &str) -> Document {
    let (budget, diags) = gongkai::input::load_str(src, Path::new("."));
    let budget = budget.unwrap_or_else(|| panic!("{diags:?}"));
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    gongkai::pipeline::document(&budget)
}

fn table(doc: &Document, n: usize) -> &Table {
    doc.parts[1]
        .sections
        .iter()
        .find_map(|s| match s.blocks.first() {
            Some(Block::Table(t)) if t.label.as_deref() == Some(&format!("表{n}")) => Some(t),
            _ => None,
        })
        .expect("table")
}

fn amounts(t: &Table, role: RowRole, col: usize) -> Vec<Money> {
    t.body
        .iter()
        .filter(|r| r.role == role)
        .map(|r| r.cells[col].amount.unwrap_or_default())
        .collect()
}

fn total_of(t: &Table, col: usize) -> Money {
    amounts(t, RowRole::Total, col)
        .first()
        .copied()
        .unwrap_or_default()
}

/// The `X万元，占Y%` pairs of a text: each amount (exact here, every leaf has two decimals)
/// with its printed share.
fn shares_in(text: &str) -> Vec<(Money, Percent)> {
    text.split("%")
        .filter_map(|s| s.rsplit_once("万元，占"))
        .filter_map(|(before, share)| {
            let amount: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            Some((
                Money::parse_exact(&amount)?,
                Percent::from_percent(share.parse().ok()?),
            ))
        })
        .collect()
}

/// Each share is its exact ratio rounded half-up, so a list sums to 100.00% within half a
/// hundredth per part (a 尾差, never adjusted).
fn assert_independent(pairs: &[(Money, Percent)]) -> Result<(), TestCaseError> {
    let whole: Money = pairs.iter().map(|(m, _)| *m).sum();
    for (m, p) in pairs {
        prop_assert_eq!(
            *p,
            Percent::ratio(*m, whole),
            "{} of {}",
            m.plain(),
            whole.plain()
        );
    }
    let sum: Decimal = pairs.iter().map(|(_, p)| p.decimal()).sum();
    let slack = Decimal::new(5, 3) * Decimal::from(pairs.len());
    prop_assert!(
        (sum - Decimal::ONE_HUNDRED).abs() <= slack,
        "shares sum to {sum}"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn totals_equal_sums_of_parts(
        basic in prop::collection::vec((0usize..6, 1i64..5_000_000), 1..8),
        projects in prop::collection::vec((0usize..6, 0usize..6, 1i64..5_000_000), 0..8),
    ) {
        let doc = document(&budget_toml(&basic, &projects));
        let grand: Money = basic.iter().map(|(_, c)| Money::new(Decimal::new(*c, 2))).sum::<Money>()
            + projects.iter().map(|(_, _, c)| Money::new(Decimal::new(*c, 2))).sum::<Money>();

        let t1 = table(&doc, 1);
        let last = t1.body.last().unwrap();
        prop_assert_eq!(last.cells[1].amount, Some(grand));
        prop_assert_eq!(last.cells[3].amount, Some(grand));
        let right: Money = t1.body.iter().filter(|r| r.role == RowRole::Plain).filter_map(|r| r.cells[3].amount).sum();
        prop_assert_eq!(right, grand);
        let left: Money = t1.body.iter().filter(|r| r.cells[0].text.starts_with("一、") || r.cells[0].text.starts_with("二、")).filter_map(|r| r.cells[1].amount).sum();
        prop_assert_eq!(left, grand);

        for n in [2, 3] {
            let t = table(&doc, n);
            prop_assert_eq!(total_of(t, 4), grand);
            let classes: Money = amounts(t, RowRole::Class, 4).into_iter().sum();
            let items: Money = amounts(t, RowRole::Item, 4).into_iter().sum();
            prop_assert_eq!(classes, grand);
            prop_assert_eq!(items, grand);
        }
        let t3 = table(&doc, 3);
        prop_assert_eq!(total_of(t3, 4), total_of(t3, 5) + total_of(t3, 6));
        let t2 = table(&doc, 2);
        let sources: Money = (6..=15).map(|c| total_of(t2, c)).sum();
        prop_assert_eq!(sources, grand);

        let part3 = &doc.parts[2].sections;
        for sec in [1usize, 4] {
            let texts: Vec<String> = part3[sec].blocks.iter().filter_map(|b| match b { Block::Paragraph { text, .. } => Some(text.clone()), _ => None }).collect();
            let pairs: Vec<(Money, Percent)> = texts.iter().flat_map(|t| shares_in(t)).collect();
            prop_assert!(!pairs.is_empty(), "section {} has no shares: {:?}", sec + 1, texts);
            assert_independent(&pairs)?;
        }
        for b in part3.iter().flat_map(|s| s.blocks.iter()) {
            if let Block::Chart(c) = b {
                let pairs: Vec<(Money, Percent)> = c.items.iter().map(|i| (i.amount, i.share)).collect();
                assert_independent(&pairs)?;
            }
        }
    }
}

/// Every table of the document, part 2 and the performance tables of part 3.
fn all_tables(doc: &Document) -> Vec<&Table> {
    doc.parts
        .iter()
        .flat_map(|p| p.sections.iter())
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn printed(t: &Table, at: (usize, usize)) -> Decimal {
    let cell = &t.body[at.0].cells[at.1];
    if cell.text.is_empty() {
        return Decimal::ZERO;
    }
    cell.text
        .replace(',', "")
        .parse()
        .expect("a printed amount")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Amounts at the budget system's precision (six decimals of 万元): every printed cell is
    /// its own exact value rounded half-up; every printed total is the rounding of the exact
    /// sum of its parts and lies within 0.005 × (number of parts) of the sum of the printed
    /// parts; the 尾差 note is on exactly the tables where some printed total differs.
    #[test]
    fn printed_totals_round_the_exact_sums(
        basic in prop::collection::vec((0usize..6, 1i64..50_000_000_000), 1..8),
        projects in prop::collection::vec((0usize..6, 0usize..6, 1i64..50_000_000_000), 0..8),
    ) {
        let doc = document(&budget_toml_at(&basic, &projects, 6));
        for t in all_tables(&doc) {
            for row in &t.body {
                for cell in &row.cells {
                    if let Some(m) = cell.amount {
                        prop_assert_eq!(&cell.text, &m.grouped());
                    }
                }
            }
            let mut differs = false;
            for (total, parts) in gongkai::document::finish::relations(t) {
                let exact = |at: (usize, usize)| t.body[at.0].cells[at.1].amount.unwrap_or_default();
                let exact_sum: Money = parts.iter().map(|p| exact(*p)).sum();
                prop_assert_eq!(exact(total), exact_sum, "{} {:?}", t.title, total);
                let printed_sum: Decimal = parts.iter().map(|p| printed(t, *p)).sum();
                let gap = (printed(t, total) - printed_sum).abs();
                let bound = Decimal::new(5, 3) * Decimal::from(parts.len());
                prop_assert!(gap <= bound, "{}: gap {} over {} parts", t.title, gap, parts.len());
                differs |= !gap.is_zero();
            }
            prop_assert_eq!(t.rounding_note.is_some(), differs, "{}", t.title);
        }
        // Two-decimal input of the same budget never needs a note.
        let rounded: Vec<(usize, i64)> = basic.iter().map(|(c, v)| (*c, (v / 10_000).max(1))).collect();
        let doc2 = document(&budget_toml(&rounded, &[]));
        prop_assert!(all_tables(&doc2).iter().all(|t| t.rounding_note.is_none()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Extreme but legal magnitudes (up to 10^12 万元 less a 分, to the 分) build a
    /// document that renders to HTML and PDF without a panic or an error.
    #[test]
    fn extreme_budgets_render(
        basic in prop::collection::vec((0usize..6, 1i64..=999_999_999_999_999_999), 1..4),
        projects in prop::collection::vec((0usize..6, 0usize..6, 1i64..=999_999_999_999_999_999), 0..3),
    ) {
        let basic: std::collections::BTreeMap<usize, i64> = basic.into_iter().rev().collect();
        let basic: Vec<(usize, i64)> = basic.into_iter().collect();
        let doc = document(&budget_toml_at(&basic, &projects, 6));
        static FONTS: std::sync::OnceLock<gongkai::fonts::FontSet> = std::sync::OnceLock::new();
        let fonts = FONTS.get_or_init(|| {
            gongkai::fonts::load_fonts(&Default::default()).expect("CJK fonts installed")
        });
        let html = gongkai::render::html::HtmlRenderer::new(None).expect("templates");
        prop_assert!(html.render(&doc).is_ok());
        prop_assert!(gongkai::render::pdf::render(&doc, fonts).is_ok());
    }
}

/// The relations of every table hold on the printed figures, with the 尾差 note exactly
/// where a printed total differs from its printed parts.
fn relations_hold(doc: &Document) -> Result<(), TestCaseError> {
    for t in all_tables(doc) {
        let mut differs = false;
        for (total, parts) in gongkai::document::finish::relations(t) {
            let exact = |at: (usize, usize)| t.body[at.0].cells[at.1].amount.unwrap_or_default();
            let exact_sum: Money = parts.iter().map(|p| exact(*p)).sum();
            prop_assert_eq!(exact(total), exact_sum, "{} {:?}", t.title, total);
            let printed_sum: Decimal = parts.iter().map(|p| printed(t, *p)).sum();
            differs |= printed(t, total) != printed_sum;
        }
        prop_assert_eq!(t.rounding_note.is_some(), differs, "{}", t.title);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Under every table convention (总计 row top or bottom, zero cells blank or 0.00, with
    /// or without the unit-name row) every relation still holds, every printed amount is its
    /// own exact value (or blank for an exact zero when zeros print blank), and the 总计 row
    /// of the code tables 2, 3, 5, 6, 7 sits where the option puts it.
    #[test]
    fn table_conventions_keep_the_figures(
        basic in prop::collection::vec((0usize..6, 1i64..50_000_000_000), 1..6),
        projects in prop::collection::vec((0usize..6, 0usize..6, 1i64..50_000_000_000), 0..6),
        bottom in any::<bool>(),
        unit_row in any::<bool>(),
        zero in 0usize..3,
    ) {
        let zero_word = ["", "zero_cells = \"blank\"\n", "zero_cells = \"zero\"\n"][zero];
        let src = format!(
            "{}\n[options]\ntotal_row = \"{}\"\nunit_row = {unit_row}\n{zero_word}",
            budget_toml_at(&basic, &projects, 6),
            if bottom { "bottom" } else { "top" },
        );
        let doc = document(&src);
        relations_hold(&doc)?;
        for t in all_tables(&doc) {
            for cell in t.body.iter().flat_map(|r| &r.cells) {
                match cell.amount {
                    Some(m) if zero == 1 && m.is_zero() => prop_assert_eq!(&cell.text, ""),
                    Some(m) => prop_assert_eq!(&cell.text, &m.grouped()),
                    None => {}
                }
            }
        }
        for n in 2..=7 {
            let t = table(&doc, n);
            if t.body.is_empty() {
                continue;
            }
            let at = t.body.iter().position(|r| r.role == RowRole::Total);
            // 表4, like 表1, is a two-sided 收支 table: its 收入总计/支出总计 row is always last.
            let expected = if bottom || n == 4 { t.body.len() - 1 } else { 0 };
            prop_assert_eq!(at, Some(expected), "表{}", n);
        }
        let t7 = table(&doc, 7);
        prop_assert_eq!(
            t7.body.iter().any(|r| r.role == RowRole::Group),
            unit_row && !t7.body.is_empty()
        );
    }

    /// A project written as one `[[projects]]` with `[[projects.lines]]` is the same facts as
    /// its lines written as `[[projects]]` entries of the same name: the documents are equal.
    #[test]
    fn project_lines_are_the_same_facts_as_same_named_entries(
        basic in prop::collection::vec((0usize..6, 1i64..5_000_000), 1..4),
        lines in prop::collection::btree_map((0usize..6, 0usize..6), 1i64..5_000_000, 1..5),
    ) {
        let base = budget_toml(&basic, &[]);
        let line = |(c, s): (usize, usize), cents: i64| {
            format!(
                "code = \"{}\"\nsource = \"{}\"\neconomic = {{ \"302\" = \"{}\" }}\n",
                CODES[c],
                PROJECT_SOURCES[s],
                Decimal::new(cents, 2)
            )
        };
        let mut grouped = format!("{base}\n[[projects]]\nname = \"分行项目\"\n");
        let mut separate = base.clone();
        for (k, cents) in &lines {
            grouped.push_str(&format!("\n[[projects.lines]]\n{}", line(*k, *cents)));
            separate.push_str(&format!("\n[[projects]]\nname = \"分行项目\"\n{}", line(*k, *cents)));
        }
        prop_assert_eq!(document(&grouped), document(&separate));
    }
}
