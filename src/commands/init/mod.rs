//! `gongkai init`: a starter budget file with every section the document needs, each key
//! explained in a Chinese comment (必填 or 可选, its unit, an example), the standard 名词解释
//! listed, and every value the clerk must supply left as 待填写, which `gongkai check` lists
//! until it is filled in. Never overwrites a file.

use crate::output::{create_new, CreateError};

use crate::budget::Scope;
use crate::document::compose::part4::STANDARD;
use crate::numerals::chinese_number;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The starter's text, with markers for what depends on the scope and the year.
const STARTER: &str = include_str!("starter.toml");

/// For a 部门: how to sum the units' own files instead of typing the department's amounts.
const CONSOLIDATE_NOTE: &str = "# 7. 部门预算由本级和下属单位汇总而成的，也可以每个单位（含本级）各写一个单位文件（gongkai init\n\
#    --scope 单位），本文件只写文字和变动原因，加一节 [consolidate] units = [\"本级.toml\", \"二中.toml\"]，\n\
#    金额、人数和资产由 gongkai 把各单位文件相加；这时删去本文件中录入金额的各节（见 README 的\n\
#    “部门汇总（consolidation）”一节）。\n";

/// The starter file for a scope and, when known, the budget year. Deterministic: the same
/// arguments always give the same text.
pub fn starter(scope: Scope, year: Option<i32>) -> String {
    let word = scope.word();
    let (year_value, y, this, prior, prior_end) = match year {
        Some(n) => (
            n.to_string(),
            n.to_string(),
            format!("{n}年"),
            format!("上年（{}年）", n - 1),
            format!("{}年12月31日", n - 1),
        ),
        None => (
            "\"待填写\"".to_string(),
            "YYYY".to_string(),
            "本年".to_string(),
            "上年".to_string(),
            "上年末".to_string(),
        ),
    };
    let (scope_note, subordinates) = match scope {
        Scope::Department => (
            "\"部门\"（部门预算，含下属单位）；只公开本单位时写 \"单位\"",
            "subordinates = [\"待填写\"]  # 必填（部门）· 下属预算单位全称，每个一项；确无下属单位时写 [] · 例：[\"示例县统计调查队\"]",
        ),
        Scope::Unit => (
            "\"单位\"（本单位的单位预算）；部门连同下属单位公开部门预算时写 \"部门\"",
            "subordinates = []  # 可选 · 下属预算单位全称，每个一项；没有写 [] · 例：[\"示例县统计调查队\"]",
        ),
    };
    let consolidate_note = match scope {
        Scope::Department => CONSOLIDATE_NOTE,
        Scope::Unit => "",
    };
    STARTER
        .replace("{{CONSOLIDATE_NOTE}}", consolidate_note)
        .replace("{{SCOPE_NOTE}}", scope_note)
        .replace("{{SUBORDINATES}}", subordinates)
        .replace("{{GLOSSARY}}", &glossary_comment())
        .replace("{{SCOPE}}", word)
        .replace("{{YEAR_VALUE}}", &year_value)
        .replace("{{Y}}", &y)
        .replace("{{本年}}", &this)
        .replace("{{上年}}", &prior)
        .replace("{{上年底}}", &prior_end)
}

/// The standard 名词解释 as comment lines, numbered as the document prints them.
fn glossary_comment() -> String {
    STANDARD
        .iter()
        .enumerate()
        .map(|(i, (term, definition))| {
            format!("#   {}、{term}：{definition}", chinese_number(i + 1))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The arguments of `gongkai init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// 要新建的预算 TOML 文件（不能已存在）。
    pub file: PathBuf,
    /// 公开口径（scope）：部门 或 单位（默认 单位）。
    #[arg(long, default_value = "单位", value_parser = ["部门", "单位"])]
    pub scope: String,
    /// 预算年度（year），例如 2025；不写时年度也留作“待填写”。
    #[arg(long, value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,
}

/// Runs `gongkai init`: `scope` is `部门` or `单位`. Exit 0 when the file was created, 2 when
/// it exists already (left unchanged) or could not be written.
pub fn run(args: &InitArgs) -> ExitCode {
    let (year, file) = (args.year, args.file.as_path());
    let scope = if args.scope == "部门" {
        Scope::Department
    } else {
        Scope::Unit
    };
    let name = crate::diagnostic::shown_path(file);
    match create_new(file, starter(scope, year).as_bytes()) {
        Ok(()) => {
            print!("{}", next_steps(&name));
            ExitCode::SUCCESS
        }
        Err(e @ CreateError::Exists(_)) => {
            eprintln!(
                "错误：{e}。请换一个文件名，例如 gongkai init {}",
                crate::diagnostic::shown_path(&other_name(file))
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(2)
        }
    }
}

/// A name beside `file` that is free: `NAME-2.toml`, `NAME-3.toml`, …
fn other_name(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "budget".into());
    let ext = file
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "toml".into());
    let candidate = |n: u32| file.with_file_name(format!("{stem}-{n}.{ext}"));
    (2..1000)
        .map(candidate)
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or_else(|| candidate(1000))
}

/// What to tell the clerk after the file was created.
pub fn next_steps(file: &str) -> String {
    format!(
        "已创建 {file}。\n把其中所有“待填写”换成实际内容（每个键后的注释说明必填与否、单位和例子），\
         然后运行 gongkai check {file}：尚未填写的项会逐条列出；检查通过后运行 gongkai generate {file}。\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::placeholder;

    #[test]
    fn every_marker_is_filled_and_the_text_is_toml() {
        for scope in [Scope::Unit, Scope::Department] {
            for year in [None, Some(2026)] {
                let text = starter(scope, year);
                assert!(!text.contains("{{"), "{text}");
                assert!(toml::from_str::<toml::Table>(&text).is_ok(), "{text}");
                assert!(!placeholder::find(&text).is_empty());
            }
        }
    }

    #[test]
    fn the_year_fills_the_year_and_its_comments() {
        let text = starter(Scope::Unit, Some(2026));
        assert!(text.contains("year = 2026  #"));
        assert!(text.contains("上年（2025年）预算数"));
        assert!(text.contains("截至2025年12月31日"));
        let text = starter(Scope::Unit, None);
        assert!(text.contains("year = \"待填写\"  #"));
        assert_eq!(starter(Scope::Unit, None), text, "deterministic");
    }

    #[test]
    fn a_department_is_told_how_to_sum_its_units() {
        assert!(starter(Scope::Department, Some(2025)).contains("[consolidate] units"));
        assert!(!starter(Scope::Unit, Some(2025)).contains("consolidate"));
        assert!(!starter(Scope::Unit, None).contains("{{"));
    }

    #[test]
    fn the_scope_chooses_the_wording_and_the_subordinates() {
        let unit = starter(Scope::Unit, None);
        assert!(unit.contains("scope = \"单位\"") && unit.contains("subordinates = []"));
        let dept = starter(Scope::Department, None);
        assert!(dept.contains("scope = \"部门\"") && dept.contains("subordinates = [\"待填写\"]"));
        assert!(dept.contains("部门整体绩效目标表"));
    }

    #[test]
    fn the_standard_glossary_is_listed() {
        let text = starter(Scope::Unit, None);
        for (term, definition) in STANDARD {
            assert!(text.contains(&format!("、{term}：{definition}")), "{term}");
        }
    }
}
