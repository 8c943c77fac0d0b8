//! The document model as plain text: every heading, sentence and table row, for snapshots
//! that show exactly which published words moved.

use gongkai::document::{Block, Cell, Document, Section, Table};

pub fn cells(cells: &[Cell]) -> String {
    cells
        .iter()
        .map(|c| {
            let span = if (c.colspan, c.rowspan) == (1, 1) {
                String::new()
            } else {
                format!("⟨{}×{}⟩", c.colspan, c.rowspan)
            };
            format!("{}{}{span}", "·".repeat(c.indent as usize), c.text)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

pub fn table(t: &Table, out: &mut String) {
    out.push_str(&format!(
        "[{}] {} {} {} {} {:?}\n",
        t.label.clone().unwrap_or_default(),
        t.title,
        t.subtitle.clone().unwrap_or_default(),
        t.issuer.clone().unwrap_or_default(),
        t.unit.clone().unwrap_or_default(),
        t.orientation
    ));
    for r in &t.header {
        out.push_str(&format!("  H {}\n", cells(r)));
    }
    for r in &t.body {
        out.push_str(&format!("  {:?} {}\n", r.role, cells(&r.cells)));
    }
    if let Some(e) = &t.empty_statement {
        out.push_str(&format!("  空表：{e}\n"));
    }
}

/// Blocks, one line each (tables one line per row).
pub fn blocks(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Subheading { text } => out.push_str(&format!("### {text}\n")),
            Block::Paragraph { text, style } => out.push_str(&format!("{style:?}: {text}\n")),
            Block::Table(t) => table(t, out),
            Block::Chart(c) => {
                let items: Vec<String> = c
                    .items
                    .iter()
                    .map(|i| format!("{} {} {}%", i.label, i.amount, i.share))
                    .collect();
                out.push_str(&format!(
                    "图 {}（{}）：{}\n",
                    c.title,
                    c.total,
                    items.join("；")
                ));
            }
            Block::Term {
                number,
                term,
                definition,
            } => out.push_str(&format!("{number}{term}：{definition}\n")),
        }
    }
}

/// One section: its heading, then its blocks.
pub fn section(s: &Section) -> String {
    let mut out = String::new();
    if let Some(h) = &s.heading {
        out.push_str(&format!("## {h}\n"));
    }
    blocks(&s.blocks, &mut out);
    out
}

/// The whole document: title, 目录, every part and section, 落款.
pub fn render(doc: &Document) -> String {
    let mut out = format!("{}\n{}\n", doc.meta.title, doc.meta.subtitle);
    for e in &doc.toc {
        out.push_str(&format!("目录{} {} → {}\n", e.level, e.text, e.target));
    }
    for p in &doc.parts {
        out.push_str(&format!("\n# {} {}\n", p.number, p.title));
        for s in &p.sections {
            out.push_str(&section(s));
        }
    }
    out.push_str(&format!(
        "\n落款：{} {}\n",
        doc.signature.unit_name,
        doc.signature.date.clone().unwrap_or_default()
    ));
    out
}
