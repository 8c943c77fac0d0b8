//! Fonts as a service: which faces this machine has for each 公文 role, and what they can
//! draw. The PDF renderer lays text out and embeds subsets with them; `check` asks them
//! whether every character of a budget's texts can be printed. Nothing here knows about
//! PDF, the document or the pipeline.
//!
//! The front door is [`load_fonts`]: [`FontOptions`] in (`--font-dir`, TOML `[fonts]`), a
//! [`FontSet`] out, or a [`FontError`] saying what to install. Inside, bottom first:
//! - [`role`]: the typographic roles of a 公文 ([`Role`]);
//! - [`discovery`]: which files on this machine can play each role, best first;
//! - [`substitute`]: roles drawn in a face that only stands in for the real one;
//! - [`set`]: the faces loaded once per process and each role's fallback chain;
//! - [`metrics`]: a character resolved to the face and glyph that draw it, and widths;
//! - [`coverage`]: which characters no face of some role can draw (for `check`);
//! - [`program`]: the font programs themselves — sfnt and CFF plumbing, and the glyphs of
//!   each CFF face kept for subsetting.

mod coverage;
mod discovery;
mod metrics;
pub(crate) mod program;
mod role;
mod set;
mod substitute;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use coverage::Coverage;
pub use metrics::{Metrics, Resolved};
pub use role::Role;
pub use set::{FontData, FontSet, LoadedFace};
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

/// Everything about fonts that can stop a PDF from being produced.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
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
}

/// Discovers and loads the fonts for every role; call once per process and reuse.
pub fn load_fonts(opts: &FontOptions) -> Result<FontSet, FontError> {
    FontSet::load(opts)
}
