//! The PDF writer: draws laid-out pages with printpdf. The only folder that uses printpdf.
//!
//! Each font is subset by [`subset`] to the glyphs the pages use, and printpdf
//! embeds that subset as is (its own subsetting and its level-9 stream compression are
//! off). Each page's content is drawn by [`draw`]; the spread faces it shows (runs
//! justified wider than extractors allow as `Tc`) are added by [`spread`]. printpdf hands back its document in
//! memory as a lopdf `Document`, which [`outline`] finishes, compresses at a fast level
//! ([`deflate`]) and saves once; the font programs are compressed on the worker pool while
//! printpdf builds that document.

mod deflate;
mod draw;
mod huffman;
pub mod outline;
mod spread;
mod subset;

use crate::fonts::FontSet;
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::{Item, Page};
use deflate::{pack_all, Packed};
use draw::{draw_page, font_id};
use printpdf::{PdfDocument, PdfSaveOptions};
use std::collections::{BTreeMap, BTreeSet};
use subset::{subset_all, UsedGlyphs};

/// printpdf's document in memory and the font programs already compressed.
pub struct Written {
    /// The document as printpdf built it.
    pub pdf: lopdf::Document,
    /// Font programs with their compressed form, for [`deflate::compress_streams`].
    pub packed: Vec<Packed>,
}

/// Draws `pages` with printpdf and returns its document in memory (metadata, outline and
/// compression are added by [`outline`]).
pub fn write(pages: &[Page], fonts: &FontSet) -> Result<Written, PdfError> {
    let used = used_glyphs(pages);
    let mut pdf = PdfDocument::new("");
    let mut remaps = BTreeMap::new();
    let mut programs = Vec::new();
    for mut subset in subset_all(fonts, &used)? {
        programs.push((std::mem::take(&mut subset.program), subset.stand_in.take()));
        pdf.resources
            .fonts
            .map
            .insert(font_id(subset.face), subset.font);
        remaps.insert(subset.face, subset.remap);
    }
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let (packed, built) = rayon::join(
        || pack_all(programs),
        || {
            let mut spread = BTreeSet::new();
            pdf.pages = pages
                .iter()
                .map(|p| draw_page(p, &remaps, &mut spread))
                .collect();
            let mut warnings = Vec::new();
            let mut doc = pdf.to_lopdf_document(&opts, &mut warnings);
            spread::add_spread_faces(&mut doc, &spread).map(|()| doc)
        },
    );
    Ok(Written {
        pdf: built?,
        packed,
    })
}

/// Glyph ids used per face, each with its character.
fn used_glyphs(pages: &[Page]) -> UsedGlyphs {
    let mut used = UsedGlyphs::new();
    for page in pages {
        let folio = page.folio.iter().flat_map(|f| &f.items);
        for item in page.items.iter().chain(folio) {
            if let Item::Text { face, glyphs, .. } = item {
                let set = used.entry(*face).or_default();
                for g in glyphs {
                    set.entry(g.gid).or_insert(g.ch);
                }
            }
        }
    }
    used
}
