//! The command-line interface: `gongkai check` and `gongkai generate`.

pub use crate::generate::Format;
use crate::generate::Generator;
use crate::model::diagnostic::render;
use crate::pipeline::{base_dir, read};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::collections::BTreeMap;
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
        /// 额外的字体目录（可多次给出），先于系统字体查找；用于检查缺字。
        #[arg(long)]
        font_dir: Vec<PathBuf>,
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
    /// 边改边生成：监视预算文件，每次保存后重新生成到输出目录；有错误时列出问题并保留上次的文件。
    #[command(
        after_help = "示例：gongkai watch examples/qitai-commerce-2024.toml --out out\n按 Ctrl-C 结束。"
    )]
    Watch(crate::commands::watch::WatchArgs),
    /// 本机预览（preview server）：在 127.0.0.1 上显示 HTML 公开文件，每次保存后自动刷新；有错误时在上方列出。
    #[command(
        after_help = "示例：gongkai serve examples/qitai-commerce-2024.toml --open\n按 Ctrl-C 结束。"
    )]
    Serve(crate::commands::serve::ServeArgs),
}

/// Runs the CLI: 0 ok, 1 invalid budget, 2 usage or I/O error.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { files, font_dir } => check(&files, &font_dir),
        Command::Generate {
            files,
            format,
            out,
            templates,
            font_dir,
        } => generate(&files, &format, &out, templates.as_deref(), &font_dir),
        Command::Watch(args) => crate::commands::watch::run(&args),
        Command::Serve(args) => crate::commands::serve::run(&args),
    }
}

fn io_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("错误：{msg}");
    ExitCode::from(2)
}

/// What one file gave: text for stderr and for stdout, and its exit status. Files are
/// worked on in parallel; their reports are printed in the order the files were given.
struct Report {
    stderr: String,
    stdout: String,
    status: u8,
}

impl Report {
    fn with_stderr(stderr: String, status: u8) -> Report {
        Report {
            stderr,
            stdout: String::new(),
            status,
        }
    }
}

/// Prints the reports in order; the exit code is the worst status.
fn print_reports(reports: Vec<Report>) -> ExitCode {
    let mut code = 0;
    for r in reports {
        eprint!("{}", r.stderr);
        print!("{}", r.stdout);
        code = code.max(r.status);
    }
    ExitCode::from(code)
}

fn check(files: &[PathBuf], font_dirs: &[PathBuf]) -> ExitCode {
    let generator = match Generator::new(&[], None, font_dirs) {
        Ok(g) => g,
        Err(e) => return io_error(e),
    };
    print_reports(files.par_iter().map(|f| check_one(&generator, f)).collect())
}

/// Checks one file, fonts included (a character no font has is found here, located).
fn check_one(generator: &Generator, file: &Path) -> Report {
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return Report::with_stderr(format!("错误：{e}\n"), 2),
    };
    let diagnostics = generator.check(&src, &base_dir(file));
    let name = file.display().to_string();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let mut report = Report::with_stderr(render(&name, &src, &diagnostics), 0);
    if errors > 0 {
        report.stderr += &format!("{name}：{errors} 个错误，{warnings} 个警告\n");
        report.status = 1;
    } else {
        report.stdout = format!("{name}：检查通过（{warnings} 个警告）\n");
    }
    report
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
    let code = print_reports(
        files
            .par_iter()
            .map(|file| generate_one(&generator, file, out))
            .collect(),
    );
    for substitute in generator.substitutes() {
        eprintln!("提示：{substitute}");
    }
    code
}

/// Generates one file's outputs and writes them.
fn generate_one(generator: &Generator, file: &Path, out: &Path) -> Report {
    let name = file.display().to_string();
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return Report::with_stderr(format!("错误：{e}\n"), 2),
    };
    let generated = match generator.generate(&src, &base_dir(file)) {
        Ok(g) => g,
        Err(e) => return Report::with_stderr(format!("错误：{e}\n"), 2),
    };
    let mut report = Report::with_stderr(render(&name, &src, &generated.diagnostics), 0);
    if generated.errors > 0 {
        report.stderr += &format!("{name}：{} 个错误，未生成任何文件\n", generated.errors);
        report.status = 1;
        return report;
    }
    let files: Vec<(PathBuf, &[u8])> = generated
        .outputs
        .iter()
        .map(|(format, bytes)| {
            let path = out.join(format!("{}.{}", stem(file), format.extension()));
            (path, bytes.as_slice())
        })
        .collect();
    if let Err(e) = crate::output::write_set(out, &stem(file), &files) {
        report.stderr += &format!(
            "错误：无法写入 {} 的输出文件（已有的输出保持不变）：{e}\n",
            out.display()
        );
        report.status = 2;
        return report;
    }
    for (path, _) in &files {
        report.stdout += &format!("已生成 {}\n", path.display());
    }
    report
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "budget".into())
}
