//! Diagnostics: every problem found in a budget file, with its location, collected at once,
//! and how they print (`file:line:col`, the key, the message, the source line underlined).

mod input_file;
mod io_reason;
mod locate;
mod shown;
pub mod snippet;

pub use input_file::{read_input, read_input_text, Refused, MAX_INPUT_BYTES};
pub use io_reason::describe as io_reason;
pub use locate::header_span;
pub use shown::{shown, shown_path};

use std::ops::Range;
use std::sync::Arc;

/// A file other than the one being checked that a diagnostic belongs to (a unit file of a
/// department's consolidation): its name as the user gave it, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file's path as printed in `file:line:col`.
    pub name: String,
    /// The file's text, which the diagnostic's span points into.
    pub src: String,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is wrong; nothing is generated.
    Error,
    /// Worth a look; output is still generated.
    Warning,
}

/// One problem: where, which key, what was expected, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Byte range in the source, when known.
    pub span: Option<Range<usize>>,
    /// The key path, e.g. `projects[2].economic`.
    pub key: String,
    /// The message, Chinese first.
    pub message: String,
    /// A hint on how to fix it.
    pub hint: Option<String>,
    /// The file the span points into when it is not the file being checked (`None`: that
    /// file).
    pub file: Option<Arc<SourceFile>>,
}

impl Diagnostic {
    /// An error at a span.
    pub fn error(
        span: Option<Range<usize>>,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            key: key.into(),
            message: message.into(),
            hint: None,
            file: None,
        }
    }

    /// A warning at a span.
    pub fn warning(
        span: Option<Range<usize>>,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            key: key.into(),
            message: message.into(),
            hint: None,
            file: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic, belonging to `file` (unless it already belongs to another one).
    pub fn in_file(mut self, file: &Arc<SourceFile>) -> Self {
        if self.file.is_none() {
            self.file = Some(Arc::clone(file));
        }
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// Renders diagnostics, each once: a `file:line:col: 错误：[key] message` line (the form
/// editors jump to), then the source line with the span underlined and the hint. No colour.
/// A diagnostic that belongs to another file ([`Diagnostic::file`]) is shown with that
/// file's name and text.
pub fn render(file_name: &str, src: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        match &d.file {
            Some(f) => render_one(&f.name, &f.src, d, &mut out),
            None => render_one(file_name, src, d, &mut out),
        }
    }
    out
}

fn render_one(file_name: &str, src: &str, d: &Diagnostic, out: &mut String) {
    let file_name = shown(file_name);
    let location = match &d.span {
        Some(s) => {
            let (l, c) = line_col(src, s.start);
            format!("{file_name}:{l}:{c}")
        }
        None => file_name,
    };
    let kind = match d.severity {
        Severity::Error => "错误",
        Severity::Warning => "警告",
    };
    let key = if d.key.is_empty() { "文件" } else { &d.key };
    out.push_str(&format!("{location}: {kind}：[{key}] {}\n", d.message));
    if let Some(span) = &d.span {
        out.push_str(&snippet::underline(src, span.clone()));
    }
    if let Some(h) = &d.hint {
        out.push_str(&format!("  = 提示：{h}\n"));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let src = "a = 1\n名称 = \"x\"\n";
        let off = src.find('x').unwrap();
        assert_eq!(line_col(src, off), (2, 7));
        assert_eq!(line_col(src, 0), (1, 1));
    }

    /// A diagnostic of another file is located in that file; the others in the file
    /// checked.
    #[test]
    fn a_diagnostic_of_another_file_renders_with_its_name_and_text() {
        let unit = Arc::new(SourceFile {
            name: "dir/unit.toml".into(),
            src: "a = 1\nb = 2\n".into(),
        });
        let own = Diagnostic::error(Some(0..1), "x", "本文件");
        let other = Diagnostic::error(Some(6..7), "b", "单位文件").in_file(&unit);
        let out = render("dept.toml", "x = 1\n", &[own, other]);
        assert!(out.contains("dept.toml:1:1: 错误：[x] 本文件"), "{out}");
        assert!(
            out.contains("dir/unit.toml:2:1: 错误：[b] 单位文件"),
            "{out}"
        );
        assert!(out.contains("b = 2"), "{out}");
    }
}
