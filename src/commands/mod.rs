//! The command line: every subcommand in its own module with its arguments ([`args`] holds
//! the ones several share), clap's help and errors in Chinese ([`localize`]), and [`run`],
//! which dispatches. Commands are the only layer that reads arguments, prints and writes
//! files (through `crate::output`).

pub mod args;
pub mod check;
pub mod codes;
pub mod generate;
pub mod init;
pub mod inputs;
mod localize;
pub mod next_year;
pub mod rebuild;
pub mod serve;
pub mod watch;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

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
    Check(check::CheckArgs),
    /// 生成公开文件：默认同时生成 HTML 和 PDF。可一次给出多个预算文件或目录（并行生成，字体只加载一次；批量时显示进度，在输出目录写 index.html 索引页，最后一行汇总）。
    #[command(after_help = "示例：
  gongkai generate 单位.toml --out 公开
  gongkai generate 单位.toml --format pdf,html,json
  gongkai generate 预算文件/ --out 公开文件/")]
    Generate(generate::GenerateArgs),
    /// 结转下一年度（next year）：本年的数成为上年预算，本年金额清为“待填写”，保留注释和文字。
    #[command(
        name = "next-year",
        after_help = "示例：gongkai next-year examples/qitai-commerce-2024.toml -o qitai-commerce-2025.toml"
    )]
    NextYear(next_year::NextYearArgs),
    /// 查分类科目编码（codes）：按编码前缀或名称中的词查功能分类（类/款/项）和经济分类（类/款）。
    #[command(
        after_help = "示例：gongkai codes 住房公积金\n      gongkai codes 2080\n      gongkai codes 统计 行政运行"
    )]
    Codes(codes::CodesArgs),
    /// 新建预算文件（init）：各节齐全、每个键有中文注释（必填/可选、单位、例子），要填的值写作“待填写”。
    #[command(
        after_help = "示例：\n  gongkai init 统计局2025.toml --year 2025\n  gongkai init --scope 部门 教育局2025.toml\n\n不会覆盖已有文件。把所有“待填写”换成实际内容后运行 gongkai check 文件名：\n尚未填写的项会逐条列出。"
    )]
    Init(init::InitArgs),
    /// 边改边生成：监视预算文件，每次保存后重新生成到输出目录；有错误时列出问题并保留上次的文件。
    #[command(
        after_help = "示例：gongkai watch examples/qitai-commerce-2024.toml --out out\n按 Ctrl-C 结束。"
    )]
    Watch(watch::WatchArgs),
    /// 本机预览（preview server）：在 127.0.0.1 上显示 HTML 公开文件，每次保存后自动刷新；有错误时在上方列出。
    #[command(
        after_help = "示例：gongkai serve examples/qitai-commerce-2024.toml --open\n按 Ctrl-C 结束。"
    )]
    Serve(serve::ServeArgs),
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

/// Runs the command: 0 ok, 1 invalid budget, 2 usage or I/O error.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::NextYear(args) => next_year::run(&args),
        Command::Codes(args) => codes::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Serve(args) => serve::run(&args),
    }
}

/// Prints a usage or I/O error; exit code 2.
fn io_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("错误：{msg}");
    ExitCode::from(2)
}
