//! What can go wrong with fonts: none found, a font file given that cannot be used, a
//! character no face can draw. Each message says what to install or where.

use std::path::PathBuf;

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
