//! `gongkai check FILE…|DIR…`: parses, validates and reconciles each file and looks up every
//! character of its texts in the PDF fonts; prints every problem at once.

use super::args::Files;
use super::inputs::{apart_from, expand};
use super::io_error;
use crate::diagnostic::render;
use crate::pipeline::{base_dir, read, Generator};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The arguments of `gongkai check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub files: Files,
    /// 额外的字体目录（可多次给出），先于系统字体查找；用于检查缺字。
    #[arg(long)]
    pub font_dir: Vec<PathBuf>,
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

/// Runs `gongkai check`: exit 0 when every file is valid (warnings allowed), 1 when one has
/// an error, 2 when one cannot be read.
pub fn run(args: &CheckArgs) -> ExitCode {
    let font_dirs = &args.font_dir;
    let files = match expand(&args.files.files) {
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
    let name = crate::diagnostic::shown_path(file);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let (own, apart) = apart_from(&diagnostics, listed);
    let mut report = Report::with_stderr(render(&name, &src, &own), 0);
    for (unit, n) in apart {
        let unit = crate::diagnostic::shown(&unit);
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
