//! Finishing the PDF with lopdf: nested bookmarks (part → section → table), 目录 links,
//! document metadata and a content-derived `/ID`, so the bytes are deterministic.

use super::deflate::{compress_streams, Packed};
use super::Written;
use crate::document::Document;
use crate::render::pdf::error::PdfError;
use crate::render::pdf::layout::body::Mark;
use crate::render::pdf::layout::toc::TocLink;
use crate::render::pdf::layout::Laid;
use lopdf::{dictionary, Dictionary, Object, ObjectId, StringFormat};

/// A fixed-length stand-in for the `/ID`, replaced by the hash of the bytes once written.
const ID_PLACEHOLDER: &str = "00000000000000000000000000000000";

/// Adds outline, links and metadata to printpdf's in-memory document, deflates its
/// streams at a fast level and serialises it once with a content-derived `/ID`.
pub fn finish(written: Written, doc: &Document, laid: &Laid) -> Result<Vec<u8>, PdfError> {
    let Written { mut pdf, packed } = written;
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let root_id = pdf
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    let heights: Vec<f32> = laid.pages.iter().map(|p| p.height).collect();
    let dest = |page: usize, y: f32| -> Object {
        let Some(&page_id) = pages.get(page) else {
            return Object::Null;
        };
        let top = heights.get(page).copied().unwrap_or(0.0) - y + 6.0;
        Object::Array(vec![
            Object::Reference(page_id),
            "XYZ".into(),
            Object::Null,
            Object::Real(top),
            Object::Null,
        ])
    };
    let outlines_id = add_outlines(&mut pdf, &laid.marks, &dest);
    add_links(&mut pdf, &laid.links, (&pages, &heights), &dest);
    let info_id = set_info(&mut pdf, doc);
    if let Ok(catalog) = pdf.get_object_mut(root_id).and_then(Object::as_dict_mut) {
        catalog.set("Outlines", Object::Reference(outlines_id));
        catalog.set("PageMode", "UseOutlines");
        catalog.set("Lang", Object::string_literal("zh-CN"));
    }
    pdf.trailer.set("Info", Object::Reference(info_id));
    save(pdf, &packed)
}

/// Adds the outline dictionary and its items for `marks`; returns the dictionary's id.
fn add_outlines(
    pdf: &mut lopdf::Document,
    marks: &[Mark],
    dest: &dyn Fn(usize, f32) -> Object,
) -> ObjectId {
    let outlines_id = pdf.new_object_id();
    let top_items = build_tree(pdf, marks, outlines_id, dest);
    let mut outlines = dictionary! { "Type" => "Outlines" };
    if let (Some(first), Some(last)) = (top_items.first(), top_items.last()) {
        outlines.set("First", Object::Reference(*first));
        outlines.set("Last", Object::Reference(*last));
        outlines.set("Count", Object::Integer(top_items.len() as i64));
    }
    pdf.objects
        .insert(outlines_id, Object::Dictionary(outlines));
    outlines_id
}

/// Adds a link annotation for every 目录 entry to its page; `pages` and `heights` are
/// the page objects and page heights in page order.
fn add_links(
    pdf: &mut lopdf::Document,
    links: &[TocLink],
    (pages, heights): (&[ObjectId], &[f32]),
    dest: &dyn Fn(usize, f32) -> Object,
) {
    for link in links {
        let Some(&page_id) = pages.get(link.page) else {
            continue;
        };
        let h = heights.get(link.page).copied().unwrap_or(0.0);
        let [x, y, w, lh] = link.rect;
        let annot = dictionary! {
            "Type" => "Annot",
            "Subtype" => "Link",
            "Rect" => vec![Object::Real(x), Object::Real(h - y - lh), Object::Real(x + w), Object::Real(h - y)],
            "Border" => vec![Object::Integer(0), Object::Integer(0), Object::Integer(0)],
            "Dest" => dest(link.target_page, 0.0),
        };
        let annot_id = pdf.add_object(annot);
        if let Ok(page) = pdf.get_object_mut(page_id).and_then(Object::as_dict_mut) {
            let mut annots = page
                .get(b"Annots")
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default();
            annots.push(Object::Reference(annot_id));
            page.set("Annots", Object::Array(annots));
        }
    }
}

/// Puts the document information dictionary in place of printpdf's (or adds it); returns
/// its id.
fn set_info(pdf: &mut lopdf::Document, doc: &Document) -> ObjectId {
    let info = Object::Dictionary(info_dict(doc));
    match pdf.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            pdf.objects.insert(id, info);
            id
        }
        Err(_) => pdf.add_object(info),
    }
}

/// Compresses the streams and serialises the document once, with placeholder `/ID`
/// strings replaced by a hash of the bytes.
fn save(mut pdf: lopdf::Document, packed: &[Packed]) -> Result<Vec<u8>, PdfError> {
    let id_str = Object::String(ID_PLACEHOLDER.as_bytes().to_vec(), StringFormat::Literal);
    pdf.trailer
        .set("ID", Object::Array(vec![id_str.clone(), id_str]));
    compress_streams(&mut pdf, packed)?;
    let streams: usize = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .map(|s| s.content.len())
        .sum();
    let mut out = Vec::with_capacity(streams + streams / 8 + 64 * 1024);
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(OBJECTS_PER_STREAM)
        .compression_level(6)
        .build();
    pdf.save_with_options(&mut out, options)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    stamp_id(&mut out);
    Ok(out)
}

/// Objects per object stream: the dictionaries (pages, fonts, widths, outline items, links)
/// are compressed together in streams of this many, with a cross-reference stream.
const OBJECTS_PER_STREAM: usize = 500;

/// Replaces the placeholder `/ID` strings of the cross-reference stream by a hash of
/// everything before them.
fn stamp_id(out: &mut [u8]) {
    let needle = ID_PLACEHOLDER.as_bytes();
    let body_end = out
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or(out.len());
    let id = fnv_hex(&out[..body_end]);
    let mut at = body_end;
    while let Some(pos) = out[at..].windows(needle.len()).position(|w| w == needle) {
        let start = at + pos;
        out[start..start + needle.len()].copy_from_slice(id.as_bytes());
        at = start + needle.len();
    }
}

/// Creates the outline items for `marks` (levels 1–3) and returns the top-level ids.
fn build_tree(
    pdf: &mut lopdf::Document,
    marks: &[Mark],
    root: ObjectId,
    dest: &dyn Fn(usize, f32) -> Object,
) -> Vec<ObjectId> {
    let ids: Vec<ObjectId> = marks.iter().map(|_| pdf.new_object_id()).collect();
    let mut parent_of: Vec<Option<usize>> = vec![None; marks.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, mk) in marks.iter().enumerate() {
        while stack.last().is_some_and(|&p| marks[p].level >= mk.level) {
            stack.pop();
        }
        parent_of[i] = stack.last().copied();
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..marks.len()).filter(|&i| parent_of[i] == p).collect()
    };
    for (i, mk) in marks.iter().enumerate() {
        let kids = children(Some(i));
        let siblings = children(parent_of[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut d = dictionary! {
            "Title" => utf16(&mk.title),
            "Parent" => Object::Reference(parent_of[i].map_or(root, |p| ids[p])),
            "Dest" => dest(mk.page, mk.y),
        };
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            let count = if mk.level == 1 {
                kids.len() as i64
            } else {
                -(kids.len() as i64)
            };
            d.set("Count", Object::Integer(count));
        }
        pdf.objects.insert(ids[i], Object::Dictionary(d));
    }
    children(None).into_iter().map(|i| ids[i]).collect()
}

fn info_dict(doc: &Document) -> Dictionary {
    let mut info = dictionary! {
        "Title" => utf16(&doc.meta.title),
        "Author" => utf16(&doc.meta.unit_name),
        "Subject" => utf16(&doc.meta.subtitle),
        "Creator" => Object::string_literal("gongkai"),
        "Producer" => Object::string_literal("gongkai (printpdf)"),
    };
    if let Some(date) = doc.meta.issued.as_deref().and_then(pdf_date) {
        info.set("CreationDate", Object::string_literal(date.clone()));
        info.set("ModDate", Object::string_literal(date));
    }
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

/// A text string as UTF-16BE with a byte-order mark.
fn utf16(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// 32 hex digits of FNV-1a over `bytes` (two differently seeded 64-bit hashes, computed
/// in one pass).
fn fnv_hex(bytes: &[u8]) -> String {
    const PRIME: u64 = 0x0100_0000_01b3;
    let (a, b) = bytes.iter().fold(
        (0xcbf2_9ce4_8422_2325u64, 0x8422_2325_cbf2_9ce4u64),
        |(a, b), &byte| {
            (
                (a ^ u64::from(byte)).wrapping_mul(PRIME),
                (b ^ u64::from(byte)).wrapping_mul(PRIME),
            )
        },
    );
    format!("{a:016x}{b:016x}")
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
