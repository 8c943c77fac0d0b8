//! The PDF writer: laid-out pages to the bytes of a file, written directly (no PDF library).
//!
//! Each face is subset by [`subset`] to the glyphs the pages use, its program compressed
//! ([`deflate`], font programs by [`huffman`]) while each page's content is drawn
//! ([`draw`]) and compressed, all on the worker pool. Then the objects are numbered in a
//! fixed order — catalog, page tree, pages, fonts ([`fonts`], with the spread faces of
//! widely justified lines), resources, links, contents, bookmarks, information
//! ([`outline`]) — and written once ([`file`]) in the syntax of [`syntax`]. The same pages
//! give the same bytes.

mod deflate;
mod draw;
mod file;
mod fonts;
mod huffman;
mod outline;
mod rules;
mod subset;
mod syntax;

use crate::document::Document;
use crate::fonts::FontSet;
use crate::render::pdf::error::PdfError;
use crate::render::pdf::layout::Laid;
use crate::render::pdf::page::{Item, Page};
use deflate::{deflate, pack_font};
use draw::draw_page;
use file::PdfFile;
use outline::PageRefs;
use rayon::prelude::*;
use std::collections::BTreeSet;
use subset::{dense, remaps, subset_all, Subset, UsedGlyphs};
use syntax::{Ref, Syntax};

/// A page's content stream compressed, and the spread faces it shows.
type DrawnPage = (Vec<u8>, BTreeSet<(u16, u16)>);

/// Writes the laid-out document as PDF bytes.
pub fn write(laid: &Laid, doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    let pages = &laid.pages;
    let used = used_glyphs(pages);
    let remaps = remaps(&used);
    let ids = dense(&remaps);
    let (subsets, drawn) = rayon::join(
        || -> Result<Vec<(Subset, Vec<u8>)>, PdfError> {
            Ok(subset_all(fonts, &used, &remaps)?
                .into_par_iter()
                .map(|s| {
                    let packed = pack_font(&s.program);
                    (s, packed)
                })
                .collect())
        },
        || -> Result<Vec<DrawnPage>, PdfError> {
            pages
                .par_iter()
                .map(|page| {
                    let drawn = draw_page(page, &ids);
                    Ok((deflate(&drawn.content)?, drawn.spread))
                })
                .collect()
        },
    );
    assemble(laid, doc, subsets?, drawn?)
}

/// Numbers the objects and writes the file.
fn assemble(
    laid: &Laid,
    doc: &Document,
    subsets: Vec<(Subset, Vec<u8>)>,
    drawn: Vec<DrawnPage>,
) -> Result<Vec<u8>, PdfError> {
    let mut file = PdfFile::new();
    let catalog = file.alloc();
    let tree = file.alloc();
    let refs: Vec<Ref> = laid.pages.iter().map(|_| file.alloc()).collect();
    let heights: Vec<f32> = laid.pages.iter().map(|p| p.height).collect();
    let spread: BTreeSet<(u16, u16)> = drawn.iter().flat_map(|(_, s)| s).copied().collect();
    let font_resources = fonts::embed(&mut file, subsets, &spread)?;
    let mut resources = Vec::with_capacity(font_resources.len() + 16);
    resources.raw("<</Font");
    resources.extend_from_slice(&font_resources);
    resources.raw(">>");
    let resources = file.add(resources);
    let nav = PageRefs {
        refs: &refs,
        heights: &heights,
    };
    let annots = outline::add_links(&mut file, &laid.links, &nav);
    for (i, (content, _)) in drawn.into_iter().enumerate() {
        let content = file.add_stream(b"<</Filter/FlateDecode>>".to_vec(), content);
        let page = &laid.pages[i];
        let mut dict = Vec::with_capacity(160);
        dict.raw("<</Type/Page/Parent ").reference(tree);
        dict.raw("/MediaBox[0 0 ").real(page.width).raw(" ");
        dict.real(page.height)
            .raw("]/Resources ")
            .reference(resources);
        dict.raw("/Contents ").reference(content);
        if let Some(list) = annots.get(i).filter(|l| !l.is_empty()) {
            dict.raw("/Annots").references(list);
        }
        dict.raw(">>");
        file.set(refs[i], dict);
    }
    file.set(tree, page_tree(&refs));
    let outlines = outline::add_outlines(&mut file, &laid.marks, &nav);
    let info = file.add(outline::info(doc));
    let mut root = Vec::with_capacity(128);
    root.raw("<</Type/Catalog/Pages ").reference(tree);
    root.raw("/Outlines ").reference(outlines);
    root.raw("/PageMode/UseOutlines/Lang(zh-CN)>>");
    file.set(catalog, root);
    file.finish(catalog, info)
}

/// The page tree: one node over all pages.
fn page_tree(refs: &[Ref]) -> Vec<u8> {
    let mut tree = Vec::with_capacity(32 + 8 * refs.len());
    tree.raw("<</Type/Pages/Count ")
        .int(refs.len() as i64)
        .raw("/Kids")
        .references(refs)
        .raw(">>");
    tree
}

/// Glyph ids used per face, each with its character (the first it was drawn for).
fn used_glyphs(pages: &[Page]) -> UsedGlyphs {
    let mut used = UsedGlyphs::new();
    let mut seen: Vec<Vec<u64>> = Vec::new();
    for page in pages {
        let folio = page.folio.iter().flat_map(|f| &f.items);
        for item in page.items.iter().chain(folio) {
            let Item::Text { face, glyphs, .. } = item else {
                continue;
            };
            let f = usize::from(*face);
            if seen.len() <= f {
                seen.resize(f + 1, Vec::new());
            }
            let bits = &mut seen[f];
            if bits.is_empty() {
                bits.resize(1 << 10, 0);
            }
            for g in glyphs {
                let (word, bit) = (usize::from(g.gid >> 6), 1u64 << (g.gid & 63));
                if bits[word] & bit == 0 {
                    bits[word] |= bit;
                    used.entry(*face).or_default().insert(g.gid, g.ch);
                }
            }
        }
    }
    used
}
