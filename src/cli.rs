//! The command-line interface: every subcommand's arguments, and `gongkai check` itself
//! (the other commands run in [`crate::commands`]).

use crate::commands::batch;
use crate::diagnostic::render;
pub use crate::generate::Format;
use crate::generate::Generator;
use crate::pipeline::{base_dir, read};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod localize;

/// gongkai（公开）：把预算 TOML 生成部门/单位预算公开文件（PDF、HTML）。
#[derive(Debug, Parser)]
#[command(
    name = "gongkai",
    version,
    about,
    after_help = "示例（examples）：\n  gongkai check 单位.toml\n  gongkai generate 单位.toml --out 公开\n\n运行 gongkai <命令> --help 查看各命令的说明和示例。"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查预算文件：一次列出所有问题（文件:行:列、键、原因）。
    #[command(after_help = "示例：\n  gongkai check 单位.toml\n  gongkai check 2025/*.toml")]
    Check {
        /// 预算 TOML 文件或目录（一个或多个；目录取其中所有 *.toml，不含子目录）.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 额外的字体目录（可多次给出），先于系统字体查找；用于检查缺字。
        #[arg(long)]
        font_dir: Vec<PathBuf>,
    },
    /// 生成公开文件：默认同时生成 HTML 和 PDF。可一次给出多个预算文件或目录（并行生成，字体只加载一次；批量时显示进度，在输出目录写 index.html 索引页，最后一行汇总）。
    #[command(after_help = "示例：
  gongkai generate 单位.toml --out 公开
  gongkai generate 单位.toml --format pdf,html,json
  gongkai generate 预算文件/ --out 公开文件/")]
    Generate {
        /// 预算 TOML 文件或目录（一个或多个；目录取其中所有 *.toml，不含子目录）.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 输出格式：html、pdf、json、xlsx（Excel 工作簿），可用逗号分隔多个（默认 html,pdf）。
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
    /// 结转下一年度（next year）：本年的数成为上年预算，本年金额清为“待填写”，保留注释和文字。
    #[command(
        name = "next-year",
        after_help = "示例：gongkai next-year examples/qitai-commerce-2024.toml -o qitai-commerce-2025.toml"
    )]
    NextYear {
        /// 本年的预算 TOML 文件（须无错误）.
        file: PathBuf,
        /// 下一年度的新文件（不得已存在）.
        #[arg(short = 'o', long = "output", value_name = "NEXT.toml")]
        output: PathBuf,
    },
    /// 查分类科目编码（codes）：按编码前缀或名称中的词查功能分类（类/款/项）和经济分类（类/款）。
    #[command(
        after_help = "示例：gongkai codes 住房公积金\n      gongkai codes 2080\n      gongkai codes 统计 行政运行"
    )]
    Codes {
        /// 编码前缀（数字）或名称中的词；多个词须同时匹配.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// 每类最多列出几条（0 为全部）.
        #[arg(long, default_value_t = 30)]
        limit: usize,
    },
    /// 新建预算文件（init）：各节齐全、每个键有中文注释（必填/可选、单位、例子），要填的值写作“待填写”。
    #[command(
        after_help = "示例：\n  gongkai init 统计局2025.toml --year 2025\n  gongkai init --scope 部门 教育局2025.toml\n\n不会覆盖已有文件。把所有“待填写”换成实际内容后运行 gongkai check 文件名：\n尚未填写的项会逐条列出。"
    )]
    Init {
        /// 要新建的预算 TOML 文件（不能已存在）。
        file: PathBuf,
        /// 公开口径（scope）：部门 或 单位（默认 单位）。
        #[arg(long, default_value = "单位", value_parser = ["部门", "单位"])]
        scope: String,
        /// 预算年度（year），例如 2025；不写时年度也留作“待填写”。
        #[arg(long, value_parser = clap::value_parser!(i32).range(2000..=2100))]
        year: Option<i32>,
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

/// Parses the command line with Chinese help and errors; `Err` carries the exit code after
/// the help, the version or a usage error has been printed.
pub fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, ExitCode> {
    let args = localize::rewrite_help(args.into_iter().collect());
    let matches = localize::localize(Cli::command())
        .try_get_matches_from(args)
        .map_err(|e| localize::report(&e))?;
    Cli::from_arg_matches(&matches).map_err(|e| localize::report(&e))
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
        } => batch::generate(&files, &format, &out, templates.as_deref(), &font_dir),
        Command::NextYear { file, output } => crate::commands::next_year::run(&file, &output),
        Command::Codes { query, limit } => crate::commands::codes::run(&query, limit),
        Command::Init { scope, year, file } => crate::commands::init::run(&scope, year, &file),
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

fn check(args: &[PathBuf], font_dirs: &[PathBuf]) -> ExitCode {
    let files = match batch::expand(args) {
        Ok(inputs) => inputs.files,
        Err(e) => return io_error(e),
    };
    let generator = match Generator::new(&[], None, font_dirs) {
        Ok(g) => g,
        Err(e) => return io_error(e),
    };
    // A department's unit file checked in the same run is reported there only.
    let listed: BTreeSet<PathBuf> = files.iter().filter_map(|f| f.canonicalize().ok()).collect();
    let listed = (files.len() > 1).then_some(&listed);
    print_reports(
        files
            .par_iter()
            .map(|f| check_one(&generator, f, listed))
            .collect(),
    )
}

/// Checks one file, fonts included (a character no font has is found here, located).
fn check_one(generator: &Generator, file: &Path, listed: Option<&BTreeSet<PathBuf>>) -> Report {
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return Report::with_stderr(format!("错误：{e}\n"), 2),
    };
    let diagnostics = generator.check(&src, &base_dir(file));
    let name = file.display().to_string();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let (own, apart) = batch::apart_from(&diagnostics, listed);
    let mut report = Report::with_stderr(render(&name, &src, &own), 0);
    for (unit, n) in apart {
        report.stderr += &format!("{name}：单位文件 {unit} 有 {n} 个错误，见它自己的报告\n");
    }
    if errors > 0 {
        report.stderr += &format!("{name}：{errors} 个错误，{warnings} 个警告\n");
        report.status = 1;
    } else {
        report.stdout = format!("{name}：检查通过（{warnings} 个警告）\n");
    }
    report
}
