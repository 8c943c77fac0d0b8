//! The command-line interface: `gongkai check` and `gongkai generate`.

use crate::model::diagnostic::render;
use crate::pipeline::{self, base_dir, check_source, read};
use crate::render::html::HtmlRenderer;
use crate::render::pdf::{load_fonts, FontOptions};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// gongkai（公开）：把预算 TOML 生成部门/单位预算公开文件（PDF、HTML）。
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查预算文件：一次列出所有问题（文件:行:列、键、原因）。
    Check {
        /// 预算 TOML 文件.
        file: PathBuf,
    },
    /// 生成公开文件：默认同时生成 HTML 和 PDF。
    Generate {
        /// 预算 TOML 文件.
        file: PathBuf,
        /// 输出格式：html、pdf、json，可用逗号分隔多个（默认 html,pdf）。
        #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Format::Html, Format::Pdf])]
        format: Vec<Format>,
        /// 输出目录（默认当前目录）。
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// 自定义模板目录：其中同名的模板文件替换内置模板。
        #[arg(long)]
        templates: Option<PathBuf>,
        /// 额外的字体目录（可多次给出），先于系统字体查找。
        #[arg(long)]
        font_dir: Vec<PathBuf>,
    },
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 网页.
    Html,
    /// PDF.
    Pdf,
    /// The document model as JSON.
    Json,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Json => "json",
        }
    }
}

/// Runs the CLI: 0 ok, 1 invalid budget, 2 usage or I/O error.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { file } => check(&file),
        Command::Generate {
            file,
            format,
            out,
            templates,
            font_dir,
        } => generate(&file, &format, &out, templates.as_deref(), &font_dir),
    }
}

fn io_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("错误：{msg}");
    ExitCode::from(2)
}

fn check(file: &Path) -> ExitCode {
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return io_error(e),
    };
    let checked = check_source(&src, &base_dir(file));
    let name = file.display().to_string();
    let errors = checked.errors();
    let warnings = checked.diagnostics.len() - errors;
    eprint!("{}", render(&name, &src, &checked.diagnostics));
    if errors > 0 {
        eprintln!("{name}：{errors} 个错误，{warnings} 个警告");
        ExitCode::from(1)
    } else {
        println!("{name}：检查通过（{warnings} 个警告）");
        ExitCode::SUCCESS
    }
}

fn generate(
    file: &Path,
    formats: &[Format],
    out: &Path,
    templates: Option<&Path>,
    font_dirs: &[PathBuf],
) -> ExitCode {
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return io_error(e),
    };
    let checked = check_source(&src, &base_dir(file));
    let name = file.display().to_string();
    if !checked.diagnostics.is_empty() {
        eprint!("{}", render(&name, &src, &checked.diagnostics));
    }
    let errors = checked.errors();
    let budget = match checked.budget {
        Some(b) if errors == 0 => b,
        _ => {
            eprintln!("{name}：{errors} 个错误，未生成任何文件");
            return ExitCode::from(1);
        }
    };
    let doc = pipeline::document(&budget);
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "budget".into());
    let mut outputs = Vec::new();
    for format in formats {
        let bytes = match format {
            Format::Json => serde_json::to_vec_pretty(&doc).map_err(|e| e.to_string()),
            Format::Html => HtmlRenderer::new(templates)
                .and_then(|r| r.render(&doc))
                .map_err(|e| e.to_string()),
            Format::Pdf => {
                let f = &budget.fonts;
                let mut dirs: Vec<PathBuf> = font_dirs.to_vec();
                dirs.extend(f.dir.clone());
                let opts = FontOptions {
                    dirs,
                    body: f.body.clone(),
                    heading: f.heading.clone(),
                    kai: f.kai.clone(),
                    title: f.title.clone(),
                    table: f.table.clone(),
                };
                load_fonts(&opts)
                    .and_then(|fonts| crate::render::pdf::render(&doc, &fonts))
                    .map_err(|e| e.to_string())
            }
        };
        match bytes {
            Ok(b) => outputs.push((out.join(format!("{stem}.{}", format.extension())), b)),
            Err(e) => return io_error(format!("生成 {} 失败：{e}", format.extension())),
        }
    }
    if let Err(e) = std::fs::create_dir_all(out) {
        return io_error(format!("无法创建输出目录 {}：{e}", out.display()));
    }
    for (path, bytes) in &outputs {
        if let Err(e) = write_atomic(path, bytes) {
            return io_error(format!("无法写入 {}：{e}", path.display()));
        }
        println!("已生成 {}", path.display());
    }
    ExitCode::SUCCESS
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match result.and_then(|_| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
