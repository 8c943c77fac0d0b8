//! Diagnostics: every problem found in a budget file, with its location, collected at once.

use std::ops::Range;

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
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
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
pub fn render(file_name: &str, src: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let location = match &d.span {
            Some(s) => {
                let (l, c) = line_col(src, s.start);
                format!("{file_name}:{l}:{c}")
            }
            None => file_name.to_string(),
        };
        let kind = match d.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        };
        let key = if d.key.is_empty() { "文件" } else { &d.key };
        out.push_str(&format!("{location}: {kind}：[{key}] {}\n", d.message));
        if let Some(span) = &d.span {
            out.push_str(&super::snippet::underline(src, span.clone()));
        }
        if let Some(h) = &d.hint {
            out.push_str(&format!("  = 提示：{h}\n"));
        }
        out.push('\n');
    }
    out
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
}
