//! What the user says about fonts: directories to search first (`--font-dir`) and files
//! to use for a role (the TOML `[fonts]` section).

use std::path::PathBuf;

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
