//! Arguments more than one command takes, each written once and flattened into the
//! commands that take it (`#[command(flatten)]`), so that the same flag has the same name,
//! help and default everywhere.

use crate::format::{Format, FORMAT_HELP};
use std::path::PathBuf;

/// The budget files of `check` and `generate`: files and directories.
#[derive(Debug, clap::Args)]
pub struct Files {
    /// 预算 TOML 文件或目录（一个或多个；目录取其中所有 *.toml，不含子目录）.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// The one budget file of `watch` and `serve`.
#[derive(Debug, clap::Args)]
pub struct File {
    /// 预算 TOML 文件。
    pub file: PathBuf,
}

/// `--format`: which outputs to make.
#[derive(Debug, clap::Args)]
pub struct Formats {
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Format::Html, Format::Pdf], help = FORMAT_HELP)]
    pub format: Vec<Format>,
}

/// `--out`: where the outputs go.
#[derive(Debug, clap::Args)]
pub struct OutDir {
    /// 输出目录（默认当前目录）。
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
}

/// `--templates` and `--font-dir`: what the outputs look like.
#[derive(Debug, clap::Args)]
pub struct Looks {
    /// 自定义模板目录：其中同名的模板文件替换内置模板。
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// 额外的字体目录（可多次给出），先于系统字体查找。
    #[arg(long)]
    pub font_dir: Vec<PathBuf>,
}
