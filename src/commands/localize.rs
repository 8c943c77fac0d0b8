//! The command line in the users' language: clap's built-in headings, flags and errors in
//! Chinese (with the English word after it where a user may search for it).

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;
use std::process::ExitCode;

const TEMPLATE: &str = "{about-with-newline}\n用法（usage）：{usage}\n\n{all-args}{after-help}";

/// The value names shown for common arguments, by argument id.
const VALUE_NAMES: [(&str, &str); 12] = [
    ("scope", "部门或单位"),
    ("limit", "条数"),
    ("output", "新文件"),
    ("files", "文件或目录"),
    ("file", "文件"),
    ("out", "目录"),
    ("format", "格式"),
    ("templates", "目录"),
    ("font_dir", "目录"),
    ("port", "端口"),
    ("year", "年份"),
    ("query", "查询"),
];

/// The localized command tree of `command` (the derived `Cli`): every command gets the
/// Chinese help layout, `-h/--help` (and `-V/--version` at the top) in Chinese, Chinese
/// value names, and a usage line with 「选项」.
pub fn localize(command: Command) -> Command {
    let command = command
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本（version）"),
        )
        .disable_help_subcommand(true)
        .subcommand_help_heading("命令（commands）")
        .subcommand_value_name("命令");
    localize_one(command, "")
}

/// Localizes `command`, whose parent commands are `parents` (e.g. `gongkai `).
fn localize_one(command: Command, parents: &str) -> Command {
    let path = format!("{parents}{} ", command.get_name());
    let mut command = command
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助（help）"),
        )
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "参数（arguments）"
            } else {
                "选项（options）"
            };
            let named = VALUE_NAMES
                .iter()
                .find(|(id, _)| arg.get_id() == *id)
                .map(|(_, name)| *name);
            let arg = arg.help_heading(heading);
            if !arg.get_action().takes_values() {
                return arg;
            }
            let arg = arg.hide_possible_values(true).hide_default_value(true);
            match named {
                Some(name) => arg.value_name(name),
                None => arg,
            }
        })
        .mut_subcommands(|sub| localize_one(sub, &path));
    let usage = command.render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage: ");
    let usage = usage
        .strip_prefix(command.get_name())
        .map_or(usage.to_string(), |rest| {
            format!("{path}{}", rest.trim_start())
        })
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>");
    command.override_usage(usage)
}

/// `gongkai help [命令]` as `gongkai [命令] --help`: the help subcommand is clap's own, in
/// English, so it is rewritten before parsing.
pub fn rewrite_help(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// Prints a parse error in Chinese; help and version requests print as they are. Returns
/// the exit code: 0 for help and version, 2 for a usage error.
pub fn report(err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let _ = err.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    eprint!("{}", message(err));
    ExitCode::from(2)
}

/// The Chinese text of a usage error: what is wrong, a suggestion, the usage line and
/// where to find help.
pub fn message(err: &clap::Error) -> String {
    let get = |kind| err.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let mut out = format!("错误：{}\n", what(err));
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let suggested = get(kind);
        if !suggested.is_empty() {
            out.push_str(&format!("  提示：是不是要用 {suggested}？\n"));
        }
    }
    if let Some(usage) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage
            .trim()
            .trim_start_matches("Usage: ")
            .trim_start_matches("用法（usage）：");
        out.push_str(&format!("\n用法（usage）：{usage}\n"));
    }
    out.push_str("\n运行 gongkai --help 或 gongkai <命令> --help 查看帮助。\n");
    out
}

/// What is wrong, in Chinese, with the English term after it.
fn what(err: &clap::Error) -> String {
    let get = |kind| err.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    match err.kind() {
        ErrorKind::UnknownArgument => format!("未知的参数 {arg}（unexpected argument）"),
        ErrorKind::InvalidSubcommand => format!(
            "没有命令 {}（unrecognized subcommand）",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必需的参数 {arg}（missing required argument）")
        }
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            let valid = if valid.is_empty() {
                String::new()
            } else {
                format!("；可用的值：{valid}")
            };
            if value.is_empty() {
                format!("{arg} 需要一个值（a value is required）{valid}")
            } else {
                format!("{arg} 的值“{value}”无效（invalid value）{valid}")
            }
        }
        ErrorKind::ValueValidation => {
            let cause = std::error::Error::source(err)
                .map(|s| format!("：{s}"))
                .unwrap_or_default();
            format!("{arg} 的值“{value}”无效（invalid value）{cause}")
        }
        ErrorKind::ArgumentConflict => format!(
            "参数 {arg} 不能与 {} 同时使用（conflicting arguments）",
            get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{arg} 的值个数不对（wrong number of values）")
        }
        ErrorKind::NoEquals => format!("{arg} 的值要用等号给出（{arg}=值）"),
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本（invalid UTF-8）".to_string(),
        _ => err.kind().as_str().unwrap_or("命令行参数有误").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::Cli;
    use clap::CommandFactory;

    #[test]
    fn the_localized_commands_are_valid() {
        localize(Cli::command()).debug_assert();
    }

    #[test]
    fn usage_errors_are_in_chinese_and_name_the_command() {
        let err = localize(Cli::command())
            .try_get_matches_from(["gongkai", "generate", "x.toml", "--bogus"])
            .unwrap_err();
        let text = message(&err);
        assert!(text.starts_with("错误：未知的参数 --bogus"), "{text}");
        assert!(
            text.contains("用法（usage）：gongkai generate [选项]"),
            "{text}"
        );
        assert!(!text.contains("Usage"), "{text}");
    }

    #[test]
    fn help_is_in_chinese_with_examples() {
        let mut command = localize(Cli::command());
        for sub in command.get_subcommands_mut() {
            let help = sub.render_long_help().to_string();
            assert!(help.contains("用法（usage）：gongkai "), "{help}");
            assert!(help.contains("示例"), "{help}");
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Print help",
                "[default:",
            ] {
                assert!(!help.contains(english), "{english} in {help}");
            }
        }
    }

    #[test]
    fn help_subcommand_is_rewritten_to_the_flag() {
        let args = rewrite_help(vec!["gongkai".into(), "help".into(), "check".into()]);
        assert_eq!(args, ["gongkai", "check", "--help"].map(OsString::from));
    }
}
