//! The command-line interface: `gongkai check` and `gongkai generate`.

pub use crate::generate::Format;
use crate::generate::Generator;
use crate::model::diagnostic::render;
use crate::pipeline::{base_dir, check_source, read};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::collections::BTreeMap;
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
        /// 预算 TOML 文件（一个或多个）.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 生成公开文件：默认同时生成 HTML 和 PDF。可一次给出多个预算文件（并行生成，字体只加载一次）。
    Generate {
        /// 预算 TOML 文件（一个或多个）.
        #[arg(required = true)]
        files: Vec<PathBuf>,
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

/// Runs the CLI: 0 ok, 1 invalid budget, 2 usage or I/O error.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { files } => check(&files),
        Command::Generate {
            files,
            format,
            out,
            templates,
            font_dir,
        } => generate(&files, &format, &out, templates.as_deref(), &font_dir),
    }
}

fn io_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("错误：{msg}");
    ExitCode::from(2)
}

fn check(files: &[PathBuf]) -> ExitCode {
    let reports: Vec<(String, String, u8)> = files.par_iter().map(|f| check_one(f)).collect();
    let mut code = 0;
    for (errors, passed, status) in reports {
        eprint!("{errors}");
        print!("{passed}");
        code = code.max(status);
    }
    ExitCode::from(code)
}

/// Checks one file: what to print on stderr and on stdout, and the exit status.
fn check_one(file: &Path) -> (String, String, u8) {
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return (format!("错误：{e}\n"), String::new(), 2),
    };
    let checked = check_source(&src, &base_dir(file));
    let name = file.display().to_string();
    let errors = checked.errors();
    let warnings = checked.diagnostics.len() - errors;
    let mut report = render(&name, &src, &checked.diagnostics);
    if errors > 0 {
        report.push_str(&format!("{name}：{errors} 个错误，{warnings} 个警告\n"));
        (report, String::new(), 1)
    } else {
        (
            report,
            format!("{name}：检查通过（{warnings} 个警告）\n"),
            0,
        )
    }
}

fn generate(
    files: &[PathBuf],
    formats: &[Format],
    out: &Path,
    templates: Option<&Path>,
    font_dirs: &[PathBuf],
) -> ExitCode {
    let mut unique: Vec<Format> = Vec::new();
    for f in formats {
        if !unique.contains(f) {
            unique.push(*f);
        }
    }
    let formats = unique;
    let mut stems = BTreeMap::new();
    for file in files {
        if let Some(other) = stems.insert(stem(file), file) {
            return io_error(format!(
                "{} 与 {} 的输出文件同名（{}.*），请分两次生成或改名",
                other.display(),
                file.display(),
                stem(file)
            ));
        }
    }
    let generator = match Generator::new(&formats, templates, font_dirs) {
        Ok(g) => g,
        Err(e) => return io_error(e),
    };
    let reports: Vec<(String, u8)> = files
        .par_iter()
        .map(|file| generate_one(&generator, file, out))
        .collect();
    let mut code = 0;
    for (report, status) in reports {
        for line in report.lines() {
            if line.starts_with("已生成 ") {
                println!("{line}");
            } else {
                eprintln!("{line}");
            }
        }
        code = code.max(status);
    }
    ExitCode::from(code)
}

/// Generates one file's outputs and writes them; returns what to print and the exit status.
fn generate_one(generator: &Generator, file: &Path, out: &Path) -> (String, u8) {
    let name = file.display().to_string();
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return (format!("错误：{e}\n"), 2),
    };
    let generated = match generator.generate(&src, &base_dir(file)) {
        Ok(g) => g,
        Err(e) => return (format!("错误：{e}\n"), 2),
    };
    let mut report = render(&name, &src, &generated.diagnostics);
    if generated.errors > 0 {
        report.push_str(&format!(
            "{name}：{} 个错误，未生成任何文件\n",
            generated.errors
        ));
        return (report, 1);
    }
    if let Err(e) = std::fs::create_dir_all(out) {
        report.push_str(&format!("错误：无法创建输出目录 {}：{e}\n", out.display()));
        return (report, 2);
    }
    for (format, bytes) in &generated.outputs {
        let path = out.join(format!("{}.{}", stem(file), format.extension()));
        if let Err(e) = write_atomic(&path, bytes) {
            report.push_str(&format!("错误：无法写入 {}：{e}\n", path.display()));
            return (report, 2);
        }
        report.push_str(&format!("已生成 {}\n", path.display()));
    }
    (report, 0)
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "budget".into())
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
