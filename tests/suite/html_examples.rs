//! The HTML of every example: a snapshot of the page, and assertions that it is valid and
//! shows every heading, table title and text (so every derived figure) of its document.

use crate::common::html_check;
use crate::common::html_docs;

use gongkai::document::{Block, Document, Table};
use gongkai::render::html::HtmlRenderer;
use html_check::{escaped, problems};

fn render(doc: &Document) -> String {
    String::from_utf8(
        HtmlRenderer::new(None)
            .expect("templates")
            .render(doc)
            .expect("renders"),
    )
    .expect("UTF-8")
}

/// Every text of the document, with where it comes from.
fn texts(doc: &Document) -> Vec<(String, String)> {
    let mut out = vec![
        ("title".to_string(), doc.meta.title.clone()),
        ("unit".to_string(), doc.meta.unit_name.clone()),
        ("subtitle".to_string(), doc.meta.subtitle.clone()),
        ("落款".to_string(), doc.signature.unit_name.clone()),
    ];
    out.extend(
        doc.signature
            .date
            .iter()
            .map(|d| ("落款日期".to_string(), d.clone())),
    );
    out.extend(
        doc.toc
            .iter()
            .map(|e| (format!("目录 → {}", e.target), e.text.clone())),
    );
    for part in &doc.parts {
        out.push((part.id.clone(), part.number.clone()));
        out.push((part.id.clone(), part.title.clone()));
        for s in &part.sections {
            out.extend(s.heading.iter().map(|h| (s.id.clone(), h.clone())));
            for b in &s.blocks {
                push_block_texts(&s.id, b, &mut out);
            }
        }
    }
    out.retain(|(_, t)| !t.trim().is_empty());
    out
}

/// Adds every text of block `b` of section `section` to `out`, with where it comes from.
fn push_block_texts(section: &str, b: &Block, out: &mut Vec<(String, String)>) {
    match b {
        Block::Subheading { text } | Block::Paragraph { text, .. } => {
            out.push((section.to_string(), text.clone()))
        }
        Block::Table(t) => push_table_texts(t, out),
        Block::Chart(c) => {
            // The shared chart layout: the same texts as the PDF's chart.
            let chart = gongkai::render::chart::layout(c);
            out.push((c.id.clone(), chart.title));
            for row in chart.rows {
                out.push((c.id.clone(), row.label));
                out.push((c.id.clone(), row.value));
            }
        }
        Block::Term {
            number,
            term,
            definition,
        } => {
            out.extend([number, term, definition].map(|t| (section.to_string(), t.clone())));
        }
    }
}

/// Adds every text of table `t` to `out`: title, the lines around it, header and body cells.
fn push_table_texts(t: &Table, out: &mut Vec<(String, String)>) {
    let at = |what: &str| format!("{} {what}", t.id);
    out.push((at("title"), t.title.clone()));
    for x in [
        &t.label,
        &t.subtitle,
        &t.issuer,
        &t.unit,
        &t.empty_statement,
    ]
    .into_iter()
    .flatten()
    {
        out.push((at("line"), x.clone()));
    }
    for c in t.header.iter().flatten() {
        out.push((at("header"), c.text.clone()));
    }
    for (r, row) in t.body.iter().enumerate() {
        for c in &row.cells {
            out.push((at(&format!("row {}", r + 1)), c.text.clone()));
        }
    }
}

/// `html` with the `<span class="keep">` around the unit's name and years in titles and
/// the `<span class="fig">` around figures with their units in paragraphs removed, so that
/// titles and paragraphs read as their plain text.
fn without_keep_spans(html: &str) -> String {
    let mut html = html.to_string();
    for open in ["<span class=\"keep\">", "<span class=\"fig\">"] {
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(at) = rest.find(open) {
            out.push_str(&rest[..at]);
            rest = &rest[at + open.len()..];
            let end = rest.find("</span>").expect("a kept span ends");
            assert!(!rest[..end].contains('<'), "a kept span holds only text");
            out.push_str(&rest[..end]);
            rest = &rest[end + "</span>".len()..];
        }
        out.push_str(rest);
        html = out;
    }
    html
}

/// The amounts and percentages of `text` with their units (`1,795.47万元`, `27.96%`).
fn figures_with_units(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let unit = if *c == '%' {
            1
        } else if *c == '万' && chars.get(i + 1) == Some(&'元') {
            2
        } else {
            continue;
        };
        let start = (0..i)
            .rev()
            .take_while(|&k| chars[k].is_ascii_digit() || chars[k] == '.' || chars[k] == ',')
            .last();
        if let Some(start) = start.filter(|&s| chars[s].is_ascii_digit()) {
            out.push(chars[start..i + unit].iter().collect());
        }
    }
    out
}

/// Every amount and percentage of every paragraph is kept whole with its unit on a narrow
/// screen: the page wraps it in `<span class="fig">`.
fn check_figures_kept_whole(name: &str, doc: &Document, rendered: &str) {
    let mut seen = 0;
    for part in &doc.parts {
        for s in &part.sections {
            for b in &s.blocks {
                let Block::Paragraph { text, .. } = b else {
                    continue;
                };
                for f in figures_with_units(text) {
                    seen += 1;
                    assert!(
                        rendered.contains(&format!("<span class=\"fig\">{f}</span>")),
                        "{name}: {f} may break from its unit in {text:?}"
                    );
                }
            }
        }
    }
    assert!(seen > 50, "{name}: only {seen} figures in paragraphs");
}

/// Checks the page of example `name`: valid, every text shown, parts, headings and tables
/// marked up as such, the unit's name kept whole, deterministic, and as in its snapshot.
fn check_example(name: &str) {
    let doc = html_docs::example_document(name);
    let rendered = render(&doc);
    assert_eq!(
        problems(&rendered),
        Vec::<String>::new(),
        "{name}: invalid page"
    );
    let html = without_keep_spans(&rendered);
    let missing: Vec<_> = texts(&doc)
        .into_iter()
        .filter(|(_, t)| !html.contains(&escaped(t)))
        .collect();
    assert!(
        missing.is_empty(),
        "{name}: texts missing from the page: {missing:#?}"
    );
    for part in &doc.parts {
        assert!(
            html.contains(&format!("<section class=\"part\" id=\"{}\"", part.id)),
            "{name}: part {} missing",
            part.id
        );
        for s in &part.sections {
            if let Some(h) = &s.heading {
                assert!(
                    html.contains(&format!(">{}</h3>", escaped(h))),
                    "{name}: heading {h} is not a heading"
                );
            }
            for b in &s.blocks {
                if let Block::Table(t) = b {
                    check_table_caption_and_title(name, &html, t);
                }
            }
        }
    }
    assert!(
        rendered.contains(&format!(
            "<span class=\"keep\">{}</span>",
            escaped(&doc.meta.unit_name)
        )),
        "{name}: the unit's name is kept whole in titles"
    );
    check_figures_kept_whole(name, &doc, &rendered);
    assert_eq!(render(&doc), rendered, "{name}: rendering is deterministic");
    insta::assert_snapshot!(format!("html_{name}"), rendered);
}

/// Table `t` is captioned with its label and title, and its title is a heading.
fn check_table_caption_and_title(name: &str, html: &str, t: &Table) {
    let caption = format!(
        "<caption id=\"{}-caption\">{}{}",
        t.id,
        t.label
            .as_ref()
            .map(|l| format!("{} ", escaped(l)))
            .unwrap_or_default(),
        escaped(&t.title)
    );
    assert!(
        html.contains(&caption),
        "{name}: table {} has no caption {caption}",
        t.id
    );
    assert!(
        html.contains(&format!(
            "class=\"table-title\" id=\"{}-title\">{}</h",
            t.id,
            escaped(&t.title)
        )),
        "{name}: table {} title",
        t.id
    );
}

#[test]
fn qitai_commerce_2024() {
    check_example("qitai-commerce-2024");
    let html = render(&html_docs::example_document("qitai-commerce-2024"));
    let start = html
        .find("<div class=\"table-block landscape\" id=\"table-2\">")
        .expect("table 2 is a wide table");
    let table = &html[start..start + html[start..].find("</table>").expect("table 2 ends")];
    let thead =
        &table[table.find("<thead>").expect("thead")..table.find("</thead>").expect("/thead")];
    assert_eq!(
        thead.matches("<tr>").count(),
        3,
        "table 2 has three header rows"
    );
    assert_eq!(
        table.matches("<col class=").count(),
        16,
        "table 2 has 16 columns"
    );
    assert!(
        thead.contains("<th scope=\"colgroup\" colspan=\"7\""),
        "财政拨款（补助） spans seven columns"
    );
}

#[test]
fn changji_industry_2024() {
    check_example("changji-industry-2024");
}

#[test]
fn manas_commerce_2024() {
    check_example("manas-commerce-2024");
}

#[test]
fn publish_section_reaches_the_head_through_the_document() {
    let src = format!(
        "{}\n[publish]\nsite_name = \"示例县人民政府\"\nsite_id = \"6523000001\"\ncolumn = \"财政预决算\"\nsource = \"示例县财政局\"\n",
        include_str!("../fixtures/minimal.toml")
    );
    let (budget, diags) = gongkai::input::load_str(&src, std::path::Path::new("."));
    let budget = budget.unwrap_or_else(|| panic!("{diags:?}"));
    let doc = gongkai::pipeline::document(&budget);
    assert_eq!(doc.meta.publish.site_id.as_deref(), Some("6523000001"));
    let html = render(&doc);
    for tag in [
        r#"<meta name="SiteName" content="示例县人民政府">"#,
        r#"<meta name="SiteIDCode" content="6523000001">"#,
        r#"<meta name="ColumnName" content="财政预决算">"#,
        r#"<meta name="ArticleTitle" content="示例县统计局2025年单位预算公开">"#,
        r#"<meta name="PubDate" content="2025-02-10">"#,
        r#"<meta name="ContentSource" content="示例县财政局">"#,
    ] {
        assert!(html.contains(tag), "{tag} missing");
    }
}
