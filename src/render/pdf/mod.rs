//! PDF renderer: layout (fonts, line breaking, tables, pagination), then the printpdf writer.
//!
//! The stages are separate, as in typst: [`layout`] turns a [`Document`] into pages of
//! positioned items (glyph runs, rules, fills) using only font metrics; [`writer`] draws
//! those pages with printpdf after subsetting each font to the glyphs used and takes
//! printpdf's document in memory; [`outline`] adds the nested bookmarks, links, metadata
//! and a deterministic `/ID` to that document, compresses its streams and saves it once.

mod body;
mod cell_lines;
mod cff;
mod chart;
mod columns;
mod coverage;
mod deflate;
mod discovery;
mod fonts;
#[cfg(test)]
mod fonts_tests;
mod frame;
mod glyph_cache;
mod layout;
pub mod linebreak;
mod metrics;
mod outline;
mod pages;
pub mod paginate;
mod sfnt;
mod subset;
mod substitute;
mod table;
mod table_rows;
mod table_title;
mod text;
mod toc;
mod words;
mod writer;

use crate::document::Document;
use std::path::PathBuf;

pub use coverage::Coverage;
pub use fonts::{FontSet, Role};
pub use pages::{Folio, Item, Page};
pub use substitute::Substitute;

/// Where to look for fonts: extra directories and explicit files per role
/// (`--font-dir` and the TOML `[fonts]` section).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FontOptions {
    /// Directories searched before the system font directories, in order.
    pub dirs: Vec<PathBuf>,
    /// Body text (仿宋).
    pub body: Option<PathBuf>,
    /// 一、 headings (黑体).
    pub heading: Option<PathBuf>,
    /// （一） headings (楷体).
    pub kai: Option<PathBuf>,
    /// Title (小标宋).
    pub title: Option<PathBuf>,
    /// Tables (宋体).
    pub table: Option<PathBuf>,
}

/// Everything that can stop a PDF from being produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No usable Chinese font was found at all.
    #[error("未找到可用的中文字体（需要仿宋、黑体、楷体、宋体或其替代字体）。\n请安装字体后重试：\n  Debian/Ubuntu: 运行 scripts/setup.sh（安装 Noto CJK、霞鹜文楷和 Fandol 仿宋/黑体/楷体/宋体），或 sudo apt-get install fonts-noto-cjk fonts-lxgw-wenkai\n  Windows: 确认 C:\\Windows\\Fonts 中有 simfang.ttf、simhei.ttf、simkai.ttf、simsun.ttc\n  macOS: 系统自带 Songti/Kaiti/STHeiti\n或用 --font-dir 目录 / TOML 的 [fonts] 指定字体文件。\n已查找：{searched}")]
    NoFonts {
        /// The directories that were searched.
        searched: String,
    },
    /// A font file given explicitly could not be read or parsed.
    #[error("字体文件 {path} 无法使用：{reason}")]
    BadFont {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A character no loaded font can draw.
    #[error("字符“{ch}”(U+{code:04X}) 在所有可用字体中都没有字形（{role} 字体链：{chain}）；请安装覆盖该字符的中文字体（如 fonts-noto-cjk）。出现位置：{context}")]
    MissingGlyph {
        /// The character.
        ch: char,
        /// Its code point.
        code: u32,
        /// The font role that was asked for it.
        role: &'static str,
        /// The faces tried.
        chain: String,
        /// The text it occurs in.
        context: String,
    },
    /// Subsetting or embedding a font failed.
    #[error("字体 {font} 子集化失败：{reason}")]
    Subset {
        /// The face.
        font: String,
        /// Why.
        reason: String,
    },
    /// The PDF could not be assembled.
    #[error("生成 PDF 失败：{0}")]
    Write(String),
}

/// Discovers and loads the fonts for every role; call once per process and reuse.
pub fn load_fonts(opts: &FontOptions) -> Result<FontSet, PdfError> {
    FontSet::load(opts)
}

/// Lays out `doc` and writes it as PDF bytes. Pure: same input, same bytes.
pub fn render(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    let laid = layout::lay_out(doc, fonts)?;
    let written = writer::write(&laid.pages, fonts)?;
    outline::finish(written, doc, &laid)
}

/// Lays out `doc` without writing it: the pages of positioned items (for tests and tools).
pub fn lay_out_pages(doc: &Document, fonts: &FontSet) -> Result<Vec<Page>, PdfError> {
    Ok(layout::lay_out(doc, fonts)?.pages)
}
