//! What the document prints and in which order: the tables and sections an option leaves
//! out, the numbers of those printed (表1, 表2, …; 一、二、…), and the 目录 built from the
//! parts as printed, so the 目录 and the bookmarks always follow what is there.

use crate::budget::options::EmptyTable;
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::Figures;
use crate::document::model::{Block, Part, Section, Table, TocEntry};
use crate::numerals::chinese_number;

/// The standard numbers (tables 8, 9, 11 and sections 八, 九, 十一 share them) of what the
/// options leave out: an empty table set to `omit`.
pub fn omitted(b: &Budget, f: &Figures<'_>) -> Vec<usize> {
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

/// The items, in their standard order, whose standard number (1-based) is not `omitted`.
pub fn printed<'o, T: 'o>(items: Vec<T>, omitted: &'o [usize]) -> impl Iterator<Item = T> + 'o {
    items
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !omitted.contains(&(i + 1)))
        .map(|(_, item)| item)
}

/// Numbers the printed tables 1, 2, … in order: label 表N, anchor table-N.
pub fn numbered_tables(tables: impl Iterator<Item = Table>) -> Vec<Table> {
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
pub fn numbered_sections(sections: impl Iterator<Item = Section>) -> Vec<Section> {
    sections
        .enumerate()
        .map(|(i, mut s)| {
            s.id = format!("part-3-sec-{}", i + 1);
            s.heading = s.heading.map(|h| format!("{}、{h}", chinese_number(i + 1)));
            s
        })
        .collect()
}

/// The 目录: each part, then each of its sections with a heading (a table's section by its
/// number and title).
pub fn toc(parts: &[Part]) -> Vec<TocEntry> {
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
