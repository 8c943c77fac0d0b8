//! The document's navigation and description: nested bookmarks (part → section → table),
//! 目录 links, and the document information dictionary.

use super::file::PdfFile;
use super::syntax::{Ref, Syntax};
use crate::document::Document;
use crate::render::pdf::layout::body::Mark;
use crate::render::pdf::layout::toc::TocLink;

/// The pages as the navigation needs them: each page's object and height, in page order.
pub struct PageRefs<'a> {
    /// Each page's object.
    pub refs: &'a [Ref],
    /// Each page's height in points.
    pub heights: &'a [f32],
}

impl PageRefs<'_> {
    /// Appends a destination: page `page` shown from `y` points below its top (6 points of
    /// air above); `null` when there is no such page.
    fn dest(&self, out: &mut Vec<u8>, page: usize, y: f32) {
        let (Some(&r), Some(&h)) = (self.refs.get(page), self.heights.get(page)) else {
            out.raw("null");
            return;
        };
        out.raw("[").reference(r).raw("/XYZ null ");
        out.real(h - y + 6.0).raw(" null]");
    }
}

/// Adds a link annotation for every 目录 entry; returns each page's annotations.
pub fn add_links(file: &mut PdfFile, links: &[TocLink], pages: &PageRefs<'_>) -> Vec<Vec<Ref>> {
    let mut annots = vec![Vec::new(); pages.refs.len()];
    for link in links {
        let Some(h) = pages.heights.get(link.page).copied() else {
            continue;
        };
        let [x, y, w, lh] = link.rect;
        let mut annot = Vec::with_capacity(160);
        annot
            .raw("<</Type/Annot/Subtype/Link/Rect[")
            .real(x)
            .raw(" ");
        annot
            .real(h - y - lh)
            .raw(" ")
            .real(x + w)
            .raw(" ")
            .real(h - y);
        annot.raw("]/Border[0 0 0]/Dest");
        pages.dest(&mut annot, link.target_page, 0.0);
        annot.raw(">>");
        let r = file.add(annot);
        if let Some(list) = annots.get_mut(link.page) {
            list.push(r);
        }
    }
    annots
}

/// Adds the outline dictionary and its items for `marks` (levels 1–3); returns the
/// dictionary.
pub fn add_outlines(file: &mut PdfFile, marks: &[Mark], pages: &PageRefs<'_>) -> Ref {
    let root = file.alloc();
    let ids: Vec<Ref> = marks.iter().map(|_| file.alloc()).collect();
    let parent_of = parents(marks);
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..marks.len()).filter(|&i| parent_of[i] == p).collect()
    };
    for (i, mk) in marks.iter().enumerate() {
        let kids = children(Some(i));
        let siblings = children(parent_of[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut d = Vec::with_capacity(200);
        d.raw("<</Title ").text(&mk.title).raw("/Parent ");
        d.reference(parent_of[i].map_or(root, |p| ids[p]));
        d.raw("/Dest");
        pages.dest(&mut d, mk.page, mk.y);
        if pos > 0 {
            d.raw("/Prev ").reference(ids[siblings[pos - 1]]);
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.raw("/Next ").reference(ids[next]);
        }
        if !kids.is_empty() {
            let count = kids.len() as i64;
            first_last(&mut d, &kids, &ids);
            d.raw("/Count ")
                .int(if mk.level == 1 { count } else { -count });
        }
        d.raw(">>");
        file.set(ids[i], d);
    }
    let top = children(None);
    let mut outlines = Vec::with_capacity(80);
    outlines.raw("<</Type/Outlines");
    if !top.is_empty() {
        first_last(&mut outlines, &top, &ids);
        outlines.raw("/Count ").int(top.len() as i64);
    }
    outlines.raw(">>");
    file.set(root, outlines);
    root
}

/// Each mark's parent: the nearest earlier mark of a lower level.
fn parents(marks: &[Mark]) -> Vec<Option<usize>> {
    let mut parent_of: Vec<Option<usize>> = vec![None; marks.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, mk) in marks.iter().enumerate() {
        while stack.last().is_some_and(|&p| marks[p].level >= mk.level) {
            stack.pop();
        }
        parent_of[i] = stack.last().copied();
        stack.push(i);
    }
    parent_of
}

fn first_last(out: &mut Vec<u8>, items: &[usize], ids: &[Ref]) {
    if let (Some(&first), Some(&last)) = (items.first(), items.last()) {
        out.raw("/First ").reference(ids[first]);
        out.raw("/Last ").reference(ids[last]);
    }
}

/// The document information dictionary: title, unit, subject, and the issue date when the
/// document has one.
pub fn info(doc: &Document) -> Vec<u8> {
    let mut info = Vec::with_capacity(400);
    info.raw("<</Title ").text(&doc.meta.title);
    info.raw("/Author ").text(&doc.meta.unit_name);
    info.raw("/Subject ").text(&doc.meta.subtitle);
    info.raw("/Creator(gongkai)/Producer(gongkai)");
    if let Some(date) = doc.meta.issued.as_deref().and_then(pdf_date) {
        info.raw("/CreationDate(").raw(&date).raw(")/ModDate(");
        info.raw(&date).raw(")");
    }
    info.raw(">>");
    info
}

/// `2024年2月19日` (or `2024年02月19日`) → `D:20240219000000`; `None` when it is not such a date.
fn pdf_date(text: &str) -> Option<String> {
    let digits: Vec<String> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    match digits.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            Some(format!("D:{y}{:0>2}{:0>2}000000", m, d))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::pdf_date;

    #[test]
    fn chinese_dates_become_pdf_dates() {
        assert_eq!(
            pdf_date("2024年02月19日").as_deref(),
            Some("D:20240219000000")
        );
        assert_eq!(
            pdf_date("2024年2月9日").as_deref(),
            Some("D:20240209000000")
        );
        assert_eq!(pdf_date("二〇二四年"), None);
    }
}
