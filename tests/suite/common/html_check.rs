//! A strict checker for the pages gongkai writes: balanced tags, unique ids, scoped header
//! cells, resolvable internal links and labels, and nothing that runs or fetches.

use std::collections::{BTreeMap, BTreeSet};

/// One start tag with its attributes (values unescaped only for `&amp;`/`&quot;`).
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Parses `html`, returning its start tags in order, or the first structural error.
pub fn parse(html: &str) -> Result<Vec<Element>, String> {
    let mut elements = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        if let Some(len) = declaration_len(&html[start..])? {
            i = start + len;
            continue;
        }
        let tag = read_tag(html, start)?;
        i = tag.end;
        if tag.closing {
            close(&mut stack, &tag.name)?;
            continue;
        }
        elements.push(Element {
            name: tag.name.clone(),
            attrs: tag.attrs,
        });
        if tag.self_closing || VOID.contains(&tag.name.as_str()) {
            continue;
        }
        if tag.name == "style" || tag.name == "script" {
            i = raw_text_end(html, i, &tag.name)?;
            continue;
        }
        stack.push(tag.name);
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> never closed"));
    }
    Ok(elements)
}

/// One tag as written: `<name …>`, `<name …/>` or `</name>`, ending before byte `end`.
struct Tag {
    name: String,
    attrs: BTreeMap<String, String>,
    closing: bool,
    self_closing: bool,
    end: usize,
}

/// The length of the comment or `<!…>` declaration `rest` starts with, if it starts with one.
fn declaration_len(rest: &str) -> Result<Option<usize>, String> {
    if rest.starts_with("<!--") {
        let end = rest.find("-->").ok_or("unclosed comment")?;
        return Ok(Some(end + 3));
    }
    if rest.starts_with("<!") {
        let end = rest.find('>').ok_or("unclosed doctype")?;
        return Ok(Some(end + 1));
    }
    Ok(None)
}

/// The tag whose `<` is at byte `start`, with its attributes.
fn read_tag(html: &str, start: usize) -> Result<Tag, String> {
    let bytes = html.as_bytes();
    let closing = html[start..].starts_with("</");
    let name_start = start + if closing { 2 } else { 1 };
    let mut j = name_start;
    while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
        j += 1;
    }
    let name = html[name_start..j].to_ascii_lowercase();
    if name.is_empty() {
        return Err(format!(
            "bare '<' at byte {start}: {:?}",
            &html[start..(start + 20).min(html.len())]
        ));
    }
    let mut attrs = BTreeMap::new();
    let self_closing = loop {
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= bytes.len() {
            return Err(format!("unterminated tag <{name}>"));
        }
        if bytes[j] == b'>' {
            j += 1;
            break false;
        }
        if bytes[j] == b'/' && bytes.get(j + 1) == Some(&b'>') {
            j += 2;
            break true;
        }
        let (attr, value, next) = read_attribute(html, j, &name)?;
        j = next;
        if attrs.insert(attr.clone(), value).is_some() {
            return Err(format!("duplicate attribute {attr} in <{name}>"));
        }
    };
    Ok(Tag {
        name,
        attrs,
        closing,
        self_closing,
        end: j,
    })
}

/// The attribute of `<name>` starting at byte `j`: its name, its unescaped value (empty
/// when it has none) and the byte after it.
fn read_attribute(html: &str, mut j: usize, name: &str) -> Result<(String, String, usize), String> {
    let bytes = html.as_bytes();
    let a = j;
    while j < bytes.len()
        && !bytes[j].is_ascii_whitespace()
        && bytes[j] != b'='
        && bytes[j] != b'>'
        && bytes[j] != b'/'
    {
        j += 1;
    }
    let attr = html[a..j].to_ascii_lowercase();
    if attr.is_empty() {
        return Err(format!("malformed attribute in <{name}> at byte {j}"));
    }
    let mut value = String::new();
    if bytes.get(j) == Some(&b'=') {
        j += 1;
        let q = bytes[j];
        if q != b'"' && q != b'\'' {
            return Err(format!("unquoted value of {attr} in <{name}>"));
        }
        let end = html[j + 1..]
            .find(q as char)
            .ok_or(format!("unclosed value of {attr}"))?
            + j
            + 1;
        value = html[j + 1..end]
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        j = end + 1;
    }
    Ok((attr, value, j))
}

/// Closes the innermost open element, which must be `<name>`.
fn close(stack: &mut Vec<String>, name: &str) -> Result<(), String> {
    match stack.pop() {
        Some(open) if open == name => Ok(()),
        Some(open) => Err(format!("</{name}> closes <{open}>")),
        None => Err(format!("</{name}> with nothing open")),
    }
}

/// The byte after the `</name>` that ends the raw text (style or script) starting at `i`.
fn raw_text_end(html: &str, i: usize, name: &str) -> Result<usize, String> {
    let end_tag = format!("</{name}>");
    let end = html[i..]
        .find(&end_tag)
        .ok_or(format!("unclosed <{name}>"))?;
    Ok(i + end + end_tag.len())
}

/// Every problem that keeps `html` from being a valid, self-contained, script-free page.
pub fn problems(html: &str) -> Vec<String> {
    let elements = match parse(html) {
        Ok(e) => e,
        Err(e) => return vec![e],
    };
    let mut out = Vec::new();
    if !html.starts_with("<!DOCTYPE html>") {
        out.push("no <!DOCTYPE html>".into());
    }
    let ids = unique_ids(&elements, &mut out);
    for e in &elements {
        element_problems(e, &mut out);
        attribute_problems(e, &ids, &mut out);
    }
    style_sheet_problems(html, &mut out);
    out
}

/// The ids of the page, each id given twice reported in `out`.
fn unique_ids(elements: &[Element], out: &mut Vec<String>) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for e in elements {
        if let Some(id) = e.attrs.get("id") {
            if !ids.insert(id.clone()) {
                out.push(format!("duplicate id {id}"));
            }
        }
    }
    ids
}

/// Reports a header cell without a scope, an element that runs or fetches, and a page
/// not in Chinese.
fn element_problems(e: &Element, out: &mut Vec<String>) {
    let a = |k: &str| e.attrs.get(k).map(String::as_str);
    match e.name.as_str() {
        "th" => match a("scope") {
            Some("col" | "colgroup" | "row" | "rowgroup") => {}
            other => out.push(format!("<th> with scope {other:?}")),
        },
        "script" | "iframe" | "object" | "embed" | "img" | "link" | "base" | "form" | "audio"
        | "video" => out.push(format!("forbidden element <{}>", e.name)),
        "html" if a("lang") != Some("zh-CN") => out.push("html lang is not zh-CN".into()),
        _ => {}
    }
}

/// Reports event handlers, links that leave the page and labels that name no element.
fn attribute_problems(e: &Element, ids: &BTreeSet<String>, out: &mut Vec<String>) {
    for (k, v) in &e.attrs {
        if k.starts_with("on") {
            out.push(format!("event handler {k} on <{}>", e.name));
        }
        if matches!(
            k.as_str(),
            "href" | "src" | "xlink:href" | "action" | "srcset"
        ) {
            match v.strip_prefix('#') {
                Some(target) if ids.contains(target) => {}
                _ => out.push(format!(
                    "<{} {k}=\"{v}\"> does not point at an id on the page",
                    e.name
                )),
            }
        }
        if matches!(k.as_str(), "aria-labelledby" | "aria-describedby") {
            for target in v.split_whitespace() {
                if !ids.contains(target) {
                    out.push(format!("{k}=\"{target}\" on <{}> names no element", e.name));
                }
            }
        }
    }
}

/// Reports what in the first style sheet would fetch or run something.
fn style_sheet_problems(html: &str, out: &mut Vec<String>) {
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap_or("");
    for needle in ["url(", "@import", "@font-face", "expression("] {
        if style.contains(needle) {
            out.push(format!("style sheet contains {needle}"));
        }
    }
}

/// Escapes text the way the page does, for looking document texts up in it.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
