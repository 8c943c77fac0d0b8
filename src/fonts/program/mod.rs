//! Font programs: the bytes of a face, read and rewritten below the level of glyph
//! metrics. [`sfnt`] finds, adds and replaces sfnt tables (a `cmap` for a subset, the
//! one-table `OTTO` wrapper of a CFF program); [`cff`] reads and writes the CID-keyed CFF
//! programs `subsetter` produces; [`glyph_cache`] keeps, per CFF face, the glyphs already
//! cut out, so that a document's subset is assembled from them. The PDF writer embeds what
//! these make; nothing here knows about PDF.

mod cff;
pub mod glyph_cache;
pub mod sfnt;
