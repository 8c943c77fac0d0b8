//! The HTML renderer on a hand-built document: structure, accessibility, self-containment,
//! print rules, charts, escaping, determinism and template overrides.

use crate::common::html_check;
use crate::common::html_fixture;

use gongkai::document::{Block, Document};
use gongkai::render::html::{HtmlError, HtmlRenderer};
use html_check::{escaped, parse, problems};
use html_fixture::fixture_document;

const UNIT: &str = "奇台县商务和工业信息化局";

fn render(doc: &Document) -> String {
    let bytes = HtmlRenderer::new(None)
        .expect("embedded templates load")
        .render(doc)
        .expect("renders");
    String::from_utf8(bytes).expect("UTF-8")
}

/// The text between the first `start` after `anchor` and the next `end`.
fn slice<'a>(html: &'a str, anchor: &str, start: &str, end: &str) -> &'a str {
    let a = html
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not in page"));
    let s = html[a..].find(start).expect("start") + a;
    let e = html[s..].find(end).expect("end") + s;
    &html[s..e + end.len()]
}

#[test]
fn page_is_valid_self_contained_and_script_free() {
    let html = render(&fixture_document(UNIT));
    assert_eq!(problems(&html), Vec::<String>::new());
    assert!(html.contains(r#"<html lang="zh-CN">"#));
    assert!(
        html.contains(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
    );
    assert!(
        html.contains("default-src 'none'"),
        "a CSP forbids every request and script"
    );
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains(&format!("<title>{UNIT}2024年部门预算公开</title>")));
}

#[test]
fn table_two_has_three_header_rows_sixteen_columns_and_scopes() {
    let html = render(&fixture_document(UNIT));
    let table = slice(&html, r#"id="table-2""#, "<table>", "</table>");
    let thead = slice(table, "<thead>", "<thead>", "</thead>");
    assert_eq!(thead.matches("<tr>").count(), 3);
    assert_eq!(table.matches("<col class=").count(), 16);
    assert!(
        thead
            .contains(r#"<th scope="colgroup" colspan="3" class="c k-code">功能分类科目编码</th>"#),
        "{thead}"
    );
    assert!(thead.contains(r#"<th scope="col" rowspan="2" class="c k-text">功能分类科目名称</th>"#));
    assert!(thead
        .contains(r#"<th scope="colgroup" colspan="7" class="c k-amount">财政拨款（补助）</th>"#));
    assert!(thead
        .contains(r#"<th scope="col" class="c k-amount">上级国有资本经营预算安排的转移支付</th>"#));
    assert!(table.contains(
        r#"<caption id="table-2-caption">表2 单位收入总体情况表（单位：万元）</caption>"#
    ));
    // every header row fills the 16 columns once spans are counted
    let elements = parse(table).expect("parses");
    let mut width = 0;
    for e in elements.iter().filter(|e| e.name == "th").take(8) {
        width += e
            .attrs
            .get("colspan")
            .map(|c| c.parse::<usize>().unwrap())
            .unwrap_or(1);
    }
    assert_eq!(width, 16);
}

#[test]
fn rows_carry_their_roles_and_cells_their_alignment() {
    let html = render(&fixture_document(UNIT));
    let table = slice(&html, r#"id="table-2""#, "<tbody>", "</tbody>");
    assert!(table.contains(r#"<tr class="total"><td class="c k-code"></td><td class="c k-code"></td><td class="c k-code"></td><th scope="row" class="l k-text">总计</th><td class="r k-amount num">1,795.47</td>"#), "{table}");
    assert!(table.contains(r#"<tr class="class"><td class="c k-code">201</td>"#));
    assert!(table.contains(r#"<th scope="row" class="l i1 k-text">商贸事务</th>"#));
    assert!(table.contains(r#"<th scope="row" class="l i2 k-text">行政运行</th>"#));
    assert!(
        table.contains(r#"<td class="r k-amount num"></td>"#),
        "blank zero amounts stay blank"
    );
    let style = slice(&html, "<style>", "<style>", "</style>");
    for rule in [
        "tr.total th, tr.total td { font-weight: bold;",
        "tr.class th, tr.class td { font-weight: bold; }",
        ".i1 {",
        ".i2 {",
        "tabular-nums",
        ".num { text-align: right; white-space: nowrap;",
    ] {
        assert!(style.contains(rule), "style lacks {rule}");
    }
}

#[test]
fn wide_tables_scroll_inside_a_labelled_region() {
    let html = render(&fixture_document(UNIT));
    let block = slice(
        &html,
        r#"<div class="table-block landscape" id="table-2">"#,
        "<div",
        "<table>",
    );
    assert!(
        block.contains(
            r#"<div class="scroll" role="region" aria-labelledby="table-2-caption" tabindex="0">"#
        ),
        "{block}"
    );
    assert!(html.contains(r#"<h3 class="table-title" id="table-2-title">单位收入总体情况表</h3>"#));
    assert!(html.contains(r#"<p class="table-meta"><span class="issuer">编制单位：<span class="keep">奇台县商务和工业信息化局</span></span><span class="unit">单位：万元</span></p>"#));
    assert!(html.contains(".scroll {\n  overflow-x: auto; max-width: 100%;"));
    // Every table, narrow ones too, carries the hint inside its scroll box; CSS shows it
    // exactly when the table is wider than the box (checked in Chromium by html_browser).
    let hint =
        r#"<p class="scroll-hint" aria-hidden="true"><span>表格较宽，可左右滑动查看 →</span></p>"#;
    assert!(block.contains(hint), "{block}");
    let narrow = slice(&html, r#"id="table-1""#, "<div", "<table>");
    assert!(narrow.contains(hint), "{narrow}");
    assert_eq!(html.matches(hint).count(), html.matches("<table>").count());
    assert!(html.contains("padding-top: clamp(0px, (100% - 100cqw) * 1000, 1.9em);"));
}

#[test]
fn region_names_are_unique_even_for_tables_sharing_a_title() {
    let mut doc = fixture_document(UNIT);
    let tables: Vec<_> = doc
        .parts
        .iter_mut()
        .flat_map(|p| p.sections.iter_mut())
        .flat_map(|s| s.blocks.iter_mut())
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let first = tables.into_iter().next().expect("a table");
    first.subject = Some("招商引资经费".into());
    let html = render(&doc);
    let id = &first_table_id(&html);
    assert!(
        html.contains(&format!(r#"aria-labelledby="{id}-caption""#)),
        "the region is named by its caption"
    );
    let caption = slice(
        &html,
        &format!(r#"<caption id="{id}-caption">"#),
        "<caption",
        "</caption>",
    );
    assert!(caption.contains(" 招商引资经费"), "{caption}");
}

fn first_table_id(html: &str) -> String {
    let at = html
        .find(r#"<div class="table-block"#)
        .expect("a table block");
    let id = &html[at..];
    let id = &id[id.find(r#"id=""#).unwrap() + 4..];
    id[..id.find('"').unwrap()].to_string()
}

#[test]
fn empty_tables_print_their_header_and_the_statement() {
    let html = render(&fixture_document(UNIT));
    let block = slice(&html, r#"id="table-8""#, "<table>", "</p>");
    assert!(block.contains("<thead>"));
    assert!(!block.contains("<tbody>"));
    assert!(block.contains(r#"<p class="empty-statement">2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。</p>"#), "{block}");
}

#[test]
fn print_css_sets_a4_repeats_headers_and_breaks_pages() {
    let html = render(&fixture_document(UNIT));
    for rule in [
        "@page { size: A4 portrait;",
        "@page wide { size: A4 landscape;",
        ".landscape { page: wide; }",
        "thead { display: table-header-group; }",
        ".part { break-before: page; }",
        ".table-block { break-before: page;",
        "tr, th, td, .chart, .glossary .term { break-inside: avoid;",
        ".scroll { overflow: visible; background: none; }",
        ".scroll-hint { display: none !important; }",
    ] {
        assert!(html.contains(rule), "print CSS lacks {rule}");
    }
    let fonts = slice(&html, "--fangsong:", "--fangsong:", ";");
    assert!(
        fonts.contains("\"仿宋\"") && fonts.contains("\"Noto Serif CJK SC\""),
        "{fonts}"
    );
    assert!(
        html.contains("\"宋体\"")
            && html.contains("\"黑体\"")
            && html.contains("\"Noto Sans CJK SC\"")
    );
}

#[test]
fn charts_are_inline_svg_with_their_figures_as_text() {
    let html = render(&fixture_document(UNIT));
    let fig = slice(
        &html,
        r#"<figure class="chart" id="chart-income""#,
        "<figure",
        "</figure>",
    );
    assert!(fig.contains(r#"aria-labelledby="chart-income-title""#));
    assert!(fig.contains(r#"<figcaption id="chart-income-title">收入预算构成</figcaption>"#));
    // The PDF's rows: label, a bar as long as the item's fraction of the largest one (the
    // longest 57.58 % of the plot area, i.e. 38 % of the row), the value text after it.
    assert!(
        fig.contains(r#"<li><span class="chart-label">单位资金</span><span class="chart-plot"><svg class="chart-bar" width="57.58%" height="12" aria-hidden="true" focusable="false"><rect width="100%" height="100%"/></svg><span class="chart-value num">711.70万元 39.64%</span></span></li>"#),
        "{fig}"
    );
    assert!(
        fig.contains(r#"<svg class="chart-bar" width="47.06%""#),
        "{fig}"
    );
    let labels: Vec<_> = fig.match_indices(r#"<span class="chart-label">"#).collect();
    assert_eq!(labels.len(), 3, "{fig}");
}

#[test]
fn toc_glossary_and_signature() {
    let html = render(&fixture_document(UNIT));
    let toc = slice(&html, r#"<nav class="toc""#, "<nav", "</nav>");
    assert!(
        toc.contains(
            r##"<li><a href="#part-2">第二部分 <span class="keep">2024年</span>部门预算公开表</a>"##
        ),
        "{toc}"
    );
    assert!(toc.contains(r##"<li><a href="#table-2">单位收入总体情况表</a></li>"##));
    assert_eq!(
        toc.matches("<ol>").count(),
        4,
        "the outer list and one per part with sections"
    );
    assert!(html.contains(r#"<dl class="glossary">"#));
    assert!(html.contains(r#"<div class="term"><dt><span class="term-number">一、</span><dfn>财政拨款</dfn>：</dt><dd>指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。</dd></div>"#));
    let end = &html[html.rfind("<footer").unwrap()..];
    assert!(end.starts_with(&format!("<footer class=\"signature\" id=\"signature\">\n<p class=\"signature-unit\">{UNIT}</p>\n<p class=\"signature-date\">2024年2月21日</p>")), "{end}");
}

#[test]
fn headings_nest_without_skipping_levels() {
    let html = render(&fixture_document(UNIT));
    let mut last = 1;
    for e in parse(&html).unwrap() {
        if let Some(level) = e.name.strip_prefix('h').and_then(|n| n.parse::<u32>().ok()) {
            assert!(level <= last + 1, "<h{level}> follows <h{last}>");
            last = level;
        }
    }
}

const HOSTILE: &str = r#"<script>alert(1)</script>"><img src=x onerror=alert(2)>'"#;

#[test]
fn every_text_from_the_toml_is_escaped() {
    let mut doc = fixture_document(HOSTILE);
    doc.toc[0].text = HOSTILE.into();
    if let Some(Block::Table(t)) = doc.parts[1].sections[0].blocks.first_mut() {
        t.title = HOSTILE.into();
        t.body[0].cells[0].text = HOSTILE.into();
        t.header[0][0].text = HOSTILE.into();
    }
    if let Some(Block::Chart(c)) = doc.parts[2].sections[0].blocks.get_mut(1) {
        c.items[0].label = HOSTILE.into();
        c.title = HOSTILE.into();
    }
    doc.parts[3].sections[0].blocks[0] = Block::Term {
        number: HOSTILE.into(),
        term: HOSTILE.into(),
        definition: HOSTILE.into(),
    };
    let html = render(&doc);
    assert!(!html.contains("<script"), "raw script tag reached the page");
    assert!(!html.contains("<img"), "raw img tag reached the page");
    assert!(!html.contains(r#""><img"#));
    let hostile = escaped(HOSTILE);
    assert!(
        html.matches(hostile.as_str()).count() >= 15,
        "the hostile text is printed, escaped, in every field"
    );
    assert_eq!(
        problems(&html),
        Vec::<String>::new(),
        "the page stays valid"
    );
    for e in parse(&html).unwrap() {
        assert!(
            e.attrs.keys().all(|k| !k.starts_with("on")),
            "event handler on <{}>",
            e.name
        );
    }
}

#[test]
fn same_document_same_bytes() {
    let doc = fixture_document(UNIT);
    let renderer = HtmlRenderer::new(None).unwrap();
    let a = renderer.render(&doc).unwrap();
    let b = HtmlRenderer::new(None).unwrap().render(&doc).unwrap();
    assert_eq!(a, b);
}

#[test]
fn layout_defects_are_errors_not_broken_pages() {
    let mut doc = fixture_document(UNIT);
    doc.toc.push(gongkai::document::TocEntry {
        level: 2,
        text: "x".into(),
        target: "nowhere".into(),
    });
    let e = HtmlRenderer::new(None).unwrap().render(&doc).unwrap_err();
    assert!(
        matches!(&e, HtmlError::Layout(m) if m.contains("nowhere")),
        "{e}"
    );

    let mut doc = fixture_document(UNIT);
    doc.parts[1].id = "part-1".into();
    let e = HtmlRenderer::new(None).unwrap().render(&doc).unwrap_err();
    assert!(e.to_string().contains("part-1"), "{e}");

    let mut doc = fixture_document(UNIT);
    if let Some(Block::Table(t)) = doc.parts[1].sections[1].blocks.first_mut() {
        t.header[0][0].colspan = 9;
    }
    let e = HtmlRenderer::new(None).unwrap().render(&doc).unwrap_err();
    assert!(e.to_string().contains("table-2"), "{e}");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_template_directory_overrides_single_templates() {
    let dir = temp_dir("html-override");
    std::fs::write(dir.join("signature.html"), "<footer class=\"signature\" id=\"signature\"><p>{{ signature.unit_name }}（盖章）</p>{% include \"seal.html\" %}</footer>\n").unwrap();
    std::fs::write(dir.join("seal.html"), "<p class=\"seal\">{{ title }}</p>").unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    let doc = fixture_document("<b>单位</b>");
    let html =
        String::from_utf8(HtmlRenderer::new(Some(&dir)).unwrap().render(&doc).unwrap()).unwrap();
    assert!(html.contains("<p>&lt;b&gt;单位&lt;/b&gt;（盖章）</p><p class=\"seal\">&lt;b&gt;单位&lt;/b&gt;2024年部门预算公开</p>"), "overrides are autoescaped too");
    assert!(
        html.contains("<dl class=\"glossary\">"),
        "the other templates stay embedded"
    );
}

#[test]
fn template_errors_name_the_template_file() {
    let dir = temp_dir("html-broken-parse");
    std::fs::write(
        dir.join("table.html"),
        "<table>{% for row in table.body %}</table>",
    )
    .unwrap();
    let e = HtmlRenderer::new(Some(&dir)).err().expect("does not parse");
    assert!(
        matches!(&e, HtmlError::TemplateParse { file, .. } if file.ends_with("table.html")),
        "{e}"
    );

    let dir = temp_dir("html-broken-render");
    std::fs::write(
        dir.join("chart.html"),
        "<figure>{{ chart.no_such_field }}</figure>",
    )
    .unwrap();
    let e = HtmlRenderer::new(Some(&dir))
        .unwrap()
        .render(&fixture_document(UNIT))
        .unwrap_err();
    assert!(
        matches!(&e, HtmlError::TemplateRender { file, .. } if file.ends_with("chart.html")),
        "{e}"
    );

    let missing = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-template-dir");
    assert!(matches!(
        HtmlRenderer::new(Some(&missing)),
        Err(HtmlError::TemplateDir { .. })
    ));
}

#[test]
fn head_carries_the_government_site_metadata() {
    let mut doc = fixture_document(UNIT);
    let html = render(&doc);
    let title = format!("{UNIT}2024年部门预算公开");
    for tag in [
        r#"<meta name="SiteName" content="奇台县人民政府">"#.to_string(),
        r#"<meta name="SiteIDCode" content="6523250001">"#.to_string(),
        r#"<meta name="ColumnName" content="预算公开">"#.to_string(),
        format!(r#"<meta name="ArticleTitle" content="{title}">"#),
        r#"<meta name="PubDate" content="2024-02-21">"#.to_string(),
        format!(r#"<meta name="ContentSource" content="{UNIT}">"#),
    ] {
        assert!(html.contains(&tag), "{tag} missing");
    }
    assert!(html.contains(r#"<p class="cover-date">2024年2月21日</p>"#));
    // Without [publish] only the document's own tags are printed.
    let p = &mut doc.meta.publish;
    (p.site_name, p.site_id, p.column) = (None, None, None);
    let html = render(&doc);
    for absent in ["SiteName", "SiteIDCode", "ColumnName"] {
        assert!(
            !html.contains(&format!(r#"<meta name="{absent}""#)),
            "{absent}"
        );
    }
    assert!(html.contains(r#"<meta name="ArticleTitle""#));
    assert!(html.contains(r#"<meta name="ContentSource""#));
}
