//! One rendering of a watched budget file, shared by `gongkai watch` and `gongkai serve`:
//! the same [`Generator`] as `gongkai generate`, so the outputs are the same bytes; and the
//! [`watcher`] that says when the file (or a department's unit file) changed.

pub mod watcher;

use crate::diagnostic::render as render_diagnostics;
use crate::diagnostic::Diagnostic;
use crate::fonts::Substitute;
use crate::format::Format;
use crate::pipeline::Generator;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use watcher::{Snapshot, Watcher};

/// What one rendering of the file gave.
#[derive(Debug)]
pub struct Rendered {
    /// The file's text as rendered (empty when it could not be read).
    pub src: String,
    /// Every diagnostic of the budget (errors and warnings), located in `src`.
    pub diagnostics: Vec<Diagnostic>,
    /// A problem not tied to a place in the file: unreadable file, failed rendering.
    pub failure: Option<String>,
    /// The bytes of each format, in the order asked for; empty unless [`Rendered::is_good`].
    pub outputs: Vec<(Format, Vec<u8>)>,
    /// How long it took.
    pub took: Duration,
}

impl Rendered {
    /// Whether every output was rendered.
    pub fn is_good(&self) -> bool {
        self.failure.is_none() && self.errors() == 0
    }

    /// The number of errors (a failure counts as one).
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
            + usize::from(self.failure.is_some())
    }

    /// The diagnostics as `gongkai check` prints them, and the failure, for stderr.
    pub fn report(&self, file: &Path) -> String {
        let mut out = render_diagnostics(&file.display().to_string(), &self.src, &self.diagnostics);
        if let Some(failure) = &self.failure {
            out += &format!("错误：{failure}\n");
        }
        out
    }

    /// The milliseconds it took, for the messages.
    pub fn millis(&self) -> u128 {
        self.took.as_millis()
    }
}

/// Renders the snapshot of `file` with `generator`.
pub fn render(generator: &Generator, file: &Path, snapshot: &Snapshot) -> Rendered {
    let start = Instant::now();
    let mut rendered = Rendered {
        src: String::new(),
        diagnostics: Vec::new(),
        failure: None,
        outputs: Vec::new(),
        took: Duration::ZERO,
    };
    match snapshot {
        Snapshot::Unreadable(why) => rendered.failure = Some(why.clone()),
        Snapshot::Present(bytes) => match String::from_utf8(bytes.clone()) {
            Err(_) => {
                rendered.failure = Some(format!(
                    "无法读取 {}：不是 UTF-8 编码的文本（请以 UTF-8 保存）",
                    crate::diagnostic::shown_path(file)
                ))
            }
            Ok(src) => {
                match generator.generate(&src, &crate::pipeline::base_dir(file)) {
                    Ok(generated) => {
                        rendered.diagnostics = generated.diagnostics;
                        rendered.outputs = generated.outputs;
                    }
                    Err(e) => rendered.failure = Some(e),
                }
                rendered.src = src;
            }
        },
    }
    if !rendered.is_good() {
        rendered.outputs.clear();
    }
    rendered.took = start.elapsed();
    rendered
}

/// The paths of a rendering's outputs in `out`, with their bytes.
pub fn output_files<'a>(
    file: &Path,
    out: &Path,
    rendered: &'a Rendered,
) -> Vec<(PathBuf, &'a [u8])> {
    crate::output::output_paths(file, out, &rendered.outputs)
}

/// The font substitutes not told yet: each is told once per run.
#[derive(Debug, Default)]
pub struct Substitutes(Vec<Substitute>);

impl Substitutes {
    /// Prints, on stderr, the generator's substitutes not printed before.
    pub fn tell_new(&mut self, generator: &Generator) {
        for substitute in generator.substitutes() {
            if !self.0.contains(&substitute) {
                eprintln!("提示：{substitute}");
                self.0.push(substitute);
            }
        }
    }
}

/// A line on stdout, flushed at once (another program may be reading it).
pub fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// What `watch` and `serve` start from: the generator of `formats` and the watcher of
/// `file` with its content now; `Err` (exit 2, told) when the templates or fonts cannot be
/// set up or the file cannot be read.
pub fn start(
    formats: &[Format],
    templates: Option<&Path>,
    font_dirs: &[PathBuf],
    file: &Path,
) -> Result<(Generator, Watcher, Snapshot), std::process::ExitCode> {
    let generator = Generator::new(formats, templates, font_dirs).map_err(start_error)?;
    let (watcher, snapshot) = Watcher::start(file);
    if let Snapshot::Unreadable(why) = &snapshot {
        return Err(start_error(why));
    }
    Ok((generator, watcher, snapshot))
}

/// Tells a start-up error; exit status 2.
pub fn start_error(e: impl std::fmt::Display) -> std::process::ExitCode {
    eprintln!("错误：{e}");
    std::process::ExitCode::from(2)
}
