//! `gongkai next-year FILE.toml -o NEXT.toml`: next year's file from this year's.
//!
//! This year's figures (as derived and printed) become the 上年预算, this year's amounts
//! are cleared to 待填写 for re-entry, the reasons for changes are removed (`check` asks for
//! one where a figure then changes by 10% or more), texts are kept, and the year and dates
//! advance. The TOML is edited in place, so comments and key order stay as they were.

pub mod carry;
pub mod clear;
pub mod department;
pub mod edit;
pub mod prior;

use crate::budget::Budget;
use crate::derive::figures::{figures, Figures};
use crate::diagnostic::render;
use crate::pipeline::{base_dir, check_source, read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use toml_edit::DocumentMut;

/// What rolling over did, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// A department that sums its units: its 上年预算 come from the units' files.
    pub department: bool,
    /// This year and next.
    pub years: (i32, Option<i64>),
    /// `[prior]` entries set, removed; reasons removed.
    pub carried: prior::Carried,
    /// `*_prior` head counts set.
    pub staffing: usize,
    /// Figures cleared, per part.
    pub cleared: clear::Cleared,
    /// Year, date and periods advanced.
    pub advanced: clear::Advanced,
    /// The file's amount unit.
    pub unit: &'static str,
}

/// Next year's TOML from this year's source and its checked budget and figures.
pub fn roll_over(src: &str, b: &Budget, f: &Figures<'_>) -> Result<(String, Summary), String> {
    let mut doc: DocumentMut = src.parse().map_err(|e| format!("无法按 TOML 读取：{e}"))?;
    let this = carry::this_year(b, f);
    let root = doc.as_table_mut();
    let department = !b.members.is_empty();
    let (carried, staffing) = if department {
        let reasons = department::drop_reasons(root);
        let carried = prior::Carried {
            reasons,
            ..prior::Carried::default()
        };
        (carried, 0)
    } else {
        let carried = prior::carry(root, &this, b.unit.amount_unit);
        (carried, prior::staffing(root, &this))
    };
    let cleared = clear::clear(root);
    let advanced = clear::advance(root);
    let summary = Summary {
        department,
        years: (b.unit.year, advanced.year),
        carried,
        staffing,
        cleared,
        advanced,
        unit: b.unit.amount_unit.name(),
    };
    Ok((doc.to_string(), summary))
}

/// The arguments of `gongkai next-year`.
#[derive(Debug, clap::Args)]
pub struct NextYearArgs {
    /// 本年的预算 TOML 文件（须无错误）.
    pub file: PathBuf,
    /// 下一年度的新文件（不得已存在）.
    #[arg(short = 'o', long = "output", value_name = "NEXT.toml")]
    pub output: PathBuf,
}

/// Runs the command: 0 written, 1 the input has errors, 2 the output exists or cannot be
/// written (or the input cannot be read).
pub fn run(args: &NextYearArgs) -> ExitCode {
    let (file, output) = (args.file.as_path(), args.output.as_path());
    if output.symlink_metadata().is_ok() {
        eprintln!(
            "{}",
            refused(&crate::output::CreateError::Exists(output.to_path_buf()))
        );
        return ExitCode::from(2);
    }
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let name = file.display().to_string();
    let checked = check_source(&src, &base_dir(file));
    let errors = checked.errors();
    let budget = match checked.budget {
        Some(b) if errors == 0 => b,
        _ => {
            eprint!("{}", render(&name, &src, &checked.diagnostics));
            eprintln!(
                "{name}：{errors} 个错误，未生成下一年度文件\n提示：先改正本年文件（gongkai check {name}），再结转"
            );
            return ExitCode::from(1);
        }
    };
    let f = figures(&budget);
    let (text, summary) = match roll_over(&src, &budget, &f) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("错误：{name}：{e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = crate::output::create_new(output, text.as_bytes()) {
        eprintln!("{}", refused(&e));
        return ExitCode::from(2);
    }
    print!("{}", describe(&summary, output));
    eprint!("{}", old_year_texts(&text, &summary, output));
    ExitCode::SUCCESS
}

/// The texts of the new file that still mention the old year, each located in the new
/// file, under a line saying what to do with them; empty when there are none.
pub fn old_year_texts(text: &str, s: &Summary, output: &Path) -> String {
    let (year, next) = (s.years.0, s.years.1.and_then(|y| i32::try_from(y).ok()));
    let found = crate::pipeline::texts_mentioning(text, year, next.unwrap_or(year + 1));
    if found.is_empty() {
        return String::new();
    }
    let name = output.display().to_string();
    format!(
        "{}：{} 处文字仍提到 {year} 年，请逐条核对（如“力争{year}年……”应改为新年度）：\n{}",
        name,
        found.len(),
        render(&name, text, &found)
    )
}

/// Why the new file was not written, with what to do.
fn refused(e: &crate::output::CreateError) -> String {
    match e {
        crate::output::CreateError::Exists(_) => {
            format!("错误：{e}\n提示：换一个输出文件名，或先删去这个文件")
        }
        crate::output::CreateError::Io { .. } => format!("错误：{e}"),
    }
}

/// The short Chinese summary printed after writing.
pub fn describe(s: &Summary, output: &Path) -> String {
    let out = output.display();
    let next = s
        .years
        .1
        .map_or_else(|| "下一".to_string(), |y| y.to_string());
    let mut text = format!("已生成 {out}：{next}年度，由{}年度结转。\n", s.years.0);
    if s.department {
        text += &format!(
            "  部门汇总文件：上年预算由各单位文件汇总，本文件不填金额；变动原因已清空 {} 条。\n  \
             请对 [consolidate] units 中的每个单位文件分别运行 gongkai next-year，再把 units 改为新文件名。\n",
            s.carried.reasons
        );
    } else {
        text += &format!(
        "  上年预算：{} 项已填入{}年的数（{}，精确值）；本年没有预算的 {} 项已删去；变动原因已清空 {} 条。\n",
        s.carried.set, s.years.0, s.unit, s.carried.removed, s.carried.reasons
    );
    }
    if s.staffing > 0 {
        text += "  上年人数：在职、退休、离休已按本年人数填入。\n";
    }
    let parts: Vec<String> = s
        .cleared
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{what} {n} 处"))
        .collect();
    let total: usize = s.cleared.iter().map(|(_, n)| n).sum();
    if total > 0 {
        text += &format!("  待填写：共 {total} 处（{}）。\n", parts.join("、"));
    }
    let mut dates = Vec::new();
    if let Some(d) = &s.advanced.issued {
        dates.push(format!("落款日期改为 {d}（请按实际日期核对）"));
    }
    if s.advanced.periods > 0 {
        dates.push(format!("项目执行时间 {} 处顺延一年", s.advanced.periods));
    }
    if !dates.is_empty() {
        text += &format!("  日期：{}。\n", dates.join("；"));
    }
    text += "  文字（概况、用途、项目说明、绩效目标、名词解释、其他事项）照旧保留，请逐项核对。\n";
    text += &format!(
        "下一步：把各“待填写”换成{next}年的数；变动10%以上（或从无到有、从有到无）的，check 会要求写上 reason；然后运行 gongkai check {out}\n"
    );
    text
}
