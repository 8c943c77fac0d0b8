//! Builds the document model from the budget and its derived figures.

pub mod fmt;
pub mod glossary;
mod grid;
mod part1;
mod part3a;
mod part3b;
mod part3c;
mod part3d;
mod perf;
mod table11;
mod tables_a;
mod tables_b;
mod tables_c;

use crate::budget::options::{EmptyTable, TotalRow};
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::structure::structures;
use crate::derive::Figures;
use crate::document::model::{
    Block, Document, Meta, Part, PublishMeta, RowRole, Section, Signature, Table, TocEntry,
};
use crate::numerals::chinese_number;

/// Assembles the whole document. Figures come from `f`; nothing is computed here but
/// layout of rows and wording.
pub fn build(b: &Budget, f: &Figures<'_>) -> Document {
    let (name, year, scope) = (&b.unit.name, b.unit.year, b.unit.scope.word());
    let issuer = format!("编制{scope}：{name}");
    let tables: Vec<Table> = vec![
        tables_a::table1(b, f, &issuer),
        tables_a::table2(b, f, &issuer),
        tables_a::table3(b, f, &issuer),
        tables_a::table4(b, f, &issuer),
        tables_b::table5(b, f, &issuer),
        tables_b::table6(b, f, &issuer),
        tables_b::table7(b, f, &issuer),
        tables_c::fund_table(b, f, &issuer, Fiscal::Fund),
        tables_c::fund_table(b, f, &issuer, Fiscal::Soe),
        tables_c::table10(f, &issuer),
        table11::table11(b, f, &issuer),
    ];
    let tables: Vec<Table> = tables
        .into_iter()
        .enumerate()
        .map(|(i, t)| match (i + 1, b.options.conventions.total_row) {
            (2..=7, TotalRow::Bottom) => total_row_last(t),
            _ => t,
        })
        .collect();
    let s = structures(f, b.share_rounding);
    let part3 = vec![
        part3a::overall(b, f),
        part3a::income(b, f, &s),
        part3a::spending(b, f, &s),
        part3a::fiscal(b, f),
        part3b::general(b, f, &s),
        part3b::basic(b, f),
        part3b::projects(b),
        part3c::fund(b, f, Fiscal::Fund),
        part3c::fund(b, f, Fiscal::Soe),
        part3c::three_public(b, f),
        part3c::carryover(b, f),
        part3d::other(b, f),
    ];
    // Tables 8, 9, 11 and sections 八, 九, 十一 go together; whatever is printed numbers
    // itself in order, and the 目录 and bookmarks follow.
    let omitted = omitted(b, f);
    let tables = numbered_tables(
        tables
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !omitted.contains(&(i + 1)))
            .map(|(_, t)| t),
    );
    let part3 = numbered_sections(
        part3
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !omitted.contains(&(i + 1)))
            .map(|(_, s)| s),
    );
    let table_sections: Vec<Section> = tables
        .into_iter()
        .map(|t| Section {
            id: format!("sec-{}", t.id),
            heading: None,
            blocks: vec![Block::Table(t)],
        })
        .collect();
    let parts = vec![
        Part {
            id: "part-1".into(),
            number: "第一部分".into(),
            title: format!("{year}年{name}{scope}概况"),
            sections: part1::sections(b),
        },
        Part {
            id: "part-2".into(),
            number: "第二部分".into(),
            title: format!("{year}年{scope}预算公开表"),
            sections: table_sections,
        },
        Part {
            id: "part-3".into(),
            number: "第三部分".into(),
            title: format!("{year}年{scope}预算情况说明"),
            sections: part3,
        },
        Part {
            id: "part-4".into(),
            number: "第四部分".into(),
            title: "名词解释".into(),
            sections: vec![Section {
                id: "part-4-sec-1".into(),
                heading: None,
                blocks: glossary::blocks(b),
            }],
        },
    ];
    let title = format!("{name}{year}年{scope}预算公开");
    let mut doc = Document {
        meta: Meta {
            publish: PublishMeta {
                site_name: b.publish.site_name.clone(),
                site_id: b.publish.site_id.clone(),
                column: b.publish.column.clone(),
                article_title: title.clone(),
                pub_date: b.unit.issued.as_ref().map(fmt::iso_date),
                content_source: b.publish.source.clone().unwrap_or_else(|| name.clone()),
            },
            title,
            unit_name: name.clone(),
            year,
            scope: scope.to_string(),
            subtitle: format!("{year}年{scope}预算公开"),
            issued: b.unit.issued.as_ref().map(fmt::date),
        },
        toc: toc(&parts),
        signature: Signature {
            unit_name: name.clone(),
            date: b.unit.issued.as_ref().map(fmt::date),
        },
        parts,
    };
    let c = &b.options.conventions;
    super::finish::finish(
        &mut doc,
        &super::finish::Finish {
            unit: b.unit.display_unit,
            note: &b.rounding_note,
            zero_tables: c.zero_tables,
            zero_performance: c.zero_performance,
        },
    );
    doc
}

/// The standard numbers (tables 8, 9, 11 and sections 八, 九, 十一 share them) of what the
/// options leave out: an empty table set to `omit`.
fn omitted(b: &Budget, f: &Figures<'_>) -> Vec<usize> {
    let e = &b.options.empty_tables;
    let empty = |k: Fiscal| f.budget_trees.get(&k).is_none_or(|t| t.is_empty());
    [
        (8, e.fund, empty(Fiscal::Fund)),
        (9, e.soe, empty(Fiscal::Soe)),
        (11, e.carryover, f.carryover.is_empty()),
    ]
    .into_iter()
    .filter(|(_, choice, empty)| *empty && *choice == EmptyTable::Omit)
    .map(|(n, _, _)| n)
    .collect()
}

/// The table with its 总计 row moved from the top to the bottom.
fn total_row_last(mut t: Table) -> Table {
    if let Some(at) = t.body.iter().position(|r| r.role == RowRole::Total) {
        let row = t.body.remove(at);
        t.body.push(row);
    }
    t
}

/// Numbers the printed tables 1, 2, … in order: label 表N, anchor table-N.
fn numbered_tables(tables: impl Iterator<Item = Table>) -> Vec<Table> {
    tables
        .enumerate()
        .map(|(i, mut t)| {
            t.id = format!("table-{}", i + 1);
            t.label = Some(format!("表{}", i + 1));
            t
        })
        .collect()
}

/// Numbers the printed sections of part 3 一、二、… in order.
fn numbered_sections(sections: impl Iterator<Item = Section>) -> Vec<Section> {
    sections
        .enumerate()
        .map(|(i, mut s)| {
            s.id = format!("part-3-sec-{}", i + 1);
            s.heading = s.heading.map(|h| format!("{}、{h}", chinese_number(i + 1)));
            s
        })
        .collect()
}

fn toc(parts: &[Part]) -> Vec<TocEntry> {
    let mut out = Vec::new();
    for part in parts {
        out.push(TocEntry {
            level: 1,
            text: format!("{} {}", part.number, part.title),
            target: part.id.clone(),
        });
        for (i, s) in part.sections.iter().enumerate() {
            let (text, target) = match (&s.heading, s.blocks.first()) {
                (Some(h), _) => (h.clone(), s.id.clone()),
                (None, Some(Block::Table(t))) => (
                    format!("{}、{}", chinese_number(i + 1), t.title),
                    t.id.clone(),
                ),
                _ => continue,
            };
            out.push(TocEntry {
                level: 2,
                text,
                target,
            });
        }
    }
    out
}
