//! `gongkai generate` over any number of budgets (files and directories, see [`expand`]):
//! every budget is generated in parallel and reported as it finishes. A batch (a directory
//! or several files) also gets progress (a bar on a terminal, a line per budget otherwise),
//! `OUT/index.html` listing every unit, and a closing summary line; a budget with errors
//! does not stop the others.

mod progress;

use super::args::{Files, Formats, Looks, OutDir};
use super::inputs::{apart_from, expand, Inputs};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::{line_col, render, shown, shown_path};
use crate::format::Format;
use crate::output::stem;
use crate::pipeline::{base_dir, read};
use crate::pipeline::{Generated, Generator};
use crate::render::html::{EntryStatus, HtmlRenderer, IndexEntry};
use progress::Progress;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

/// The name of a batch's index page in the output directory.
const INDEX: &str = "index.html";

/// What one budget gave: its own text for stderr and stdout, its exit status (0 ok,
/// 1 invalid, 2 I/O) and its row of the index.
struct Outcome {
    stderr: String,
    stdout: String,
    status: u8,
    entry: IndexEntry,
}

/// The arguments of `gongkai generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub files: Files,
    #[command(flatten)]
    pub formats: Formats,
    #[command(flatten)]
    pub out: OutDir,
    #[command(flatten)]
    pub looks: Looks,
}

/// Runs `gongkai generate` with its arguments.
pub fn run(args: &GenerateArgs) -> ExitCode {
    generate(
        &args.files.files,
        &args.formats.format,
        &args.out.out,
        args.looks.templates.as_deref(),
        &args.looks.font_dir,
    )
}

/// Runs `gongkai generate`: exit 0 when every budget was generated, 1 when one is invalid,
/// 2 on a usage or I/O error.
pub fn generate(
    args: &[PathBuf],
    formats: &[Format],
    out: &Path,
    templates: Option<&Path>,
    font_dirs: &[PathBuf],
) -> ExitCode {
    let formats = Format::unique(formats);
    let Inputs { files, batch } = match expand(args) {
        Ok(inputs) => inputs,
        Err(e) => return io_error(e),
    };
    if let Err(e) = distinct_outputs(&files, batch && formats.contains(&Format::Html)) {
        return io_error(e);
    }
    let generator = match Generator::new(&formats, templates, font_dirs) {
        Ok(g) => g,
        Err(e) => return io_error(e),
    };
    let index = match batch.then(|| HtmlRenderer::new(templates)).transpose() {
        Ok(index) => index,
        Err(e) => return io_error(format!("无法加载模板：{e}")),
    };
    let progress = batch.then(|| {
        let terminal = std::io::stderr().is_terminal();
        Mutex::new(Progress::new(
            std::io::stderr(),
            std::io::stdout(),
            terminal,
            files.len(),
        ))
    });
    let outcomes = generate_all(&generator, &files, out, batch, progress.as_ref());
    match &progress {
        Some(progress) => {
            if let Ok(mut p) = progress.lock() {
                p.clear();
            }
        }
        None => {
            for o in &outcomes {
                eprint_text(&o.stderr);
                let _ = std::io::stdout().lock().write_all(o.stdout.as_bytes());
            }
        }
    }
    for substitute in generator.substitutes() {
        eprint_text(&format!("提示：{substitute}\n"));
    }
    let mut code = outcomes.iter().map(|o| o.status).max().unwrap_or(0);
    if let Some(index) = &index {
        code = code.max(write_index(index, &outcomes, out));
        eprint_text(&summary(&outcomes));
    }
    ExitCode::from(code)
}

/// Generates every file in parallel, each reported to `progress` (in a batch) as it finishes.
fn generate_all(
    generator: &Generator,
    files: &[PathBuf],
    out: &Path,
    batch: bool,
    progress: Option<&Mutex<Progress<std::io::Stderr, std::io::Stdout>>>,
) -> Vec<Outcome> {
    // The budgets of this run, to tell a department's unit files that are reported apart.
    let listed: BTreeSet<PathBuf> = files.iter().filter_map(|f| f.canonicalize().ok()).collect();
    files
        .par_iter()
        .map(|file| {
            let outcome = generate_one(generator, file, out, batch.then_some(&listed));
            if let Some(Ok(mut p)) = progress.map(Mutex::lock) {
                let name = shown(&outcome.entry.file);
                p.finished(
                    &progress_line(&outcome, file),
                    &name,
                    &outcome.stderr,
                    &outcome.stdout,
                );
            }
            outcome
        })
        .collect()
}

/// Refuses inputs whose outputs would overwrite each other's (or, with `index_page`, the
/// index page).
fn distinct_outputs(files: &[PathBuf], index_page: bool) -> Result<(), String> {
    let mut stems = BTreeMap::new();
    for file in files {
        if let Some(other) = stems.insert(stem(file), file) {
            return Err(format!(
                "{} 与 {} 的输出文件同名（{}.*），请分两次生成或改名",
                shown_path(other),
                shown_path(file),
                shown(&stem(file))
            ));
        }
    }
    match stems.get("index") {
        Some(file) if index_page => Err(format!(
            "{} 的网页与批量生成的索引页同名（{INDEX}），请改名",
            shown_path(file)
        )),
        _ => Ok(()),
    }
}

/// Generates one budget. In a batch (`listed`: its budgets) its progress line says it had
/// errors, so no second line says so after its diagnostics, and the problems of a
/// department's unit file that is itself in the batch are printed with that file only.
fn generate_one(
    generator: &Generator,
    file: &Path,
    out: &Path,
    listed: Option<&BTreeSet<PathBuf>>,
) -> Outcome {
    let batch = listed.is_some();
    let name = shown_path(file);
    let mut entry = IndexEntry {
        file: file_name(file),
        unit: None,
        totals: None,
        outputs: Vec::new(),
        status: EntryStatus::Failed {
            message: String::new(),
        },
    };
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => return Outcome::failed(entry, e.to_string()),
    };
    let mut generated = match generator.generate(&src, &base_dir(file)) {
        Ok(g) => g,
        Err(e) => return Outcome::failed(entry, e),
    };
    entry.unit = generated.unit.take();
    let (own, apart) = apart_from(&generated.diagnostics, listed);
    let mut stderr = render(&name, &src, &own);
    for (unit, errors) in apart {
        let unit = shown(&unit);
        stderr += &format!("{name}：单位文件 {unit} 有 {errors} 个错误，见它自己的条目\n");
    }
    if generated.errors > 0 {
        if !batch {
            stderr += &format!("{name}：{} 个错误，未生成任何文件\n", generated.errors);
        }
        let first = generated.diagnostics.iter().find(|d| d.is_error());
        entry.status = EntryStatus::Invalid {
            errors: generated.errors,
            first: first.map_or_else(String::new, |d| located(d, &entry.file, &src)),
        };
        return Outcome {
            stderr,
            stdout: String::new(),
            status: 1,
            entry,
        };
    }
    write(file, out, generated, entry, stderr)
}

/// `file:line:col: [key] message` of a diagnostic for the index, in `file` (its text `src`)
/// or, for a department's unit file, in that file as the department file names it.
fn located(d: &Diagnostic, file: &str, src: &str) -> String {
    let (file, text) = match &d.file {
        Some(f) => (f.name.clone(), f.src.as_str()),
        None => (file.to_string(), src),
    };
    let at = d.span.as_ref().map_or(String::new(), |s| {
        let (l, c) = line_col(text, s.start);
        format!(":{l}:{c}")
    });
    format!("{file}{at}: [{}] {}", d.key, d.message)
}

/// Writes the outputs of a budget generated without errors as one set; its outcome.
fn write(
    file: &Path,
    out: &Path,
    generated: Generated,
    mut entry: IndexEntry,
    stderr: String,
) -> Outcome {
    let files = crate::output::output_paths(file, out, &generated.outputs);
    if let Err(e) = crate::output::write_set(out, &stem(file), &files) {
        let message = format!("无法写入 {e}");
        return Outcome {
            stderr: format!("{stderr}错误：{message}\n"),
            status: 2,
            ..Outcome::failed(entry, message)
        };
    }
    let mut stdout = String::new();
    for (path, _) in &files {
        stdout += &format!("已生成 {}\n", shown_path(path));
        entry.outputs.push(file_name(path));
    }
    entry.totals = generated.totals;
    entry.status = EntryStatus::Generated {
        warnings: generated.diagnostics.len() - generated.errors,
    };
    Outcome {
        stderr,
        stdout,
        status: 0,
        entry,
    }
}

impl Outcome {
    /// A budget that could not be read, rendered or written.
    fn failed(mut entry: IndexEntry, message: String) -> Outcome {
        let stderr = format!("错误：{message}\n");
        entry.status = EntryStatus::Failed { message };
        Outcome {
            stderr,
            stdout: String::new(),
            status: 2,
            entry,
        }
    }
}

/// The progress line of a finished budget: `已生成 a（pdf、html）`, `有错误 b.toml（3 个错误）`.
fn progress_line(o: &Outcome, file: &Path) -> String {
    match &o.entry.status {
        EntryStatus::Generated { .. } => {
            let kinds: Vec<&str> = o
                .entry
                .outputs
                .iter()
                .filter_map(|n| n.rsplit_once('.').map(|(_, ext)| ext))
                .collect();
            format!("已生成 {}（{}）", shown(&stem(file)), kinds.join("、"))
        }
        EntryStatus::Invalid { errors, .. } => {
            format!("有错误 {}（{errors} 个错误）", shown(&o.entry.file))
        }
        EntryStatus::Failed { .. } => format!("未生成 {}", shown(&o.entry.file)),
    }
}

/// Writes `OUT/index.html`; the exit status it adds (2 when it cannot be written).
fn write_index(renderer: &HtmlRenderer, outcomes: &[Outcome], out: &Path) -> u8 {
    let entries: Vec<IndexEntry> = outcomes.iter().map(|o| o.entry.clone()).collect();
    let path = out.join(INDEX);
    let written = renderer
        .render_index(&entries)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            crate::output::write_set(out, "index", &[(path.clone(), &bytes)])
                .map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => {
            eprint_text(&format!("索引页：{}\n", shown_path(&path)));
            0
        }
        Err(e) => {
            eprint_text(&format!("错误：无法写入索引页 {e}\n"));
            2
        }
    }
}

/// `3 个已生成，1 个有错误：b.toml`, and `，1 个未生成（读写失败）：c.toml` when a file could
/// not be read, rendered or written.
fn summary(outcomes: &[Outcome]) -> String {
    let named = |pick: fn(&EntryStatus) -> bool| {
        let mut files: Vec<String> = outcomes
            .iter()
            .filter(|o| pick(&o.entry.status))
            .map(|o| shown(&o.entry.file))
            .collect();
        files.sort_unstable();
        files
    };
    let invalid = named(|s| matches!(s, EntryStatus::Invalid { .. }));
    let failed = named(|s| matches!(s, EntryStatus::Failed { .. }));
    let generated = outcomes.len() - invalid.len() - failed.len();
    let mut line = format!("{generated} 个已生成，{} 个有错误", invalid.len());
    if !invalid.is_empty() {
        line += &format!("：{}", invalid.join("、"));
    }
    if !failed.is_empty() {
        line += &format!(
            "；{} 个未生成（读写失败）：{}",
            failed.len(),
            failed.join("、")
        );
    }
    line + "\n"
}

fn eprint_text(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn io_error(msg: impl std::fmt::Display) -> ExitCode {
    eprint_text(&format!("错误：{msg}\n"));
    ExitCode::from(2)
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string())
}
