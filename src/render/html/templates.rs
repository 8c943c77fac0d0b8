//! The template set: the embedded defaults, each replaceable from a `--templates` directory.

use super::HtmlError;
use std::path::{Path, PathBuf};

/// The embedded templates: (name, source). `page.html` includes the others but the index's
/// (`index.html` and its `index.css`: the page listing a batch).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "page.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/page.html")),
    ),
    (
        "style.css",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/style.css")),
    ),
    (
        "cover.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/cover.html")),
    ),
    (
        "toc.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/toc.html")),
    ),
    (
        "part.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/part.html")),
    ),
    (
        "blocks.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/blocks.html"
        )),
    ),
    (
        "table.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/table.html")),
    ),
    (
        "chart.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/chart.html")),
    ),
    (
        "signature.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/signature.html"
        )),
    ),
    (
        "title.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/title.html")),
    ),
    (
        "index.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/index.html")),
    ),
    (
        "index.css",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/index.css")),
    ),
];

/// The embedded source of template `name` (empty for a name not embedded: a defect the
/// compiled page's tests would show at once).
pub(super) fn embedded(name: &str) -> &'static str {
    EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, source)| source)
}

/// File endings accepted from a `--templates` directory.
const TEMPLATE_ENDINGS: &[&str] = &[".html", ".css", ".svg"];

/// Where a template's text came from.
#[derive(Debug, Clone)]
enum Origin {
    /// Compiled into the binary from `templates/<name>`.
    Embedded,
    /// Read from this file of the `--templates` directory.
    Override(PathBuf),
}

/// One template: its tera name, text and origin.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    source: String,
    origin: Origin,
}

/// The templates the renderer uses, in a fixed order (embedded first, then added files
/// sorted by name), so loading is deterministic.
#[derive(Debug, Clone)]
pub(super) struct TemplateSet {
    entries: Vec<Entry>,
}

impl TemplateSet {
    /// The embedded templates, with the files of `dir` replacing or extending them.
    pub(super) fn load(dir: Option<&Path>) -> Result<Self, HtmlError> {
        let mut entries: Vec<Entry> = EMBEDDED
            .iter()
            .map(|(name, source)| Entry {
                name: (*name).to_string(),
                source: (*source).to_string(),
                origin: Origin::Embedded,
            })
            .collect();
        if let Some(dir) = dir {
            for (name, path) in template_files(dir)? {
                let source = crate::diagnostic::read_input_text(&path).map_err(|source| {
                    HtmlError::TemplateRead {
                        path: path.clone(),
                        source,
                    }
                })?;
                let origin = Origin::Override(path);
                match entries.iter_mut().find(|e| e.name == name) {
                    Some(entry) => {
                        entry.source = source;
                        entry.origin = origin;
                    }
                    None => entries.push(Entry {
                        name,
                        source,
                        origin,
                    }),
                }
            }
        }
        Ok(TemplateSet { entries })
    }

    /// (name, source) pairs for tera.
    pub(super) fn sources(&self) -> Vec<(&str, &str)> {
        self.entries
            .iter()
            .map(|e| (e.name.as_str(), e.source.as_str()))
            .collect()
    }

    /// The file of the template an error message names (the innermost one it quotes),
    /// or the list of all templates when it names none.
    pub(super) fn origin_named_in(&self, message: &str) -> String {
        let mut best: Option<(usize, &Entry)> = None;
        for entry in &self.entries {
            for quote in ['\'', '"', '`'] {
                let quoted = format!("{quote}{}{quote}", entry.name);
                if let Some(pos) = message.rfind(&quoted) {
                    if best.is_none_or(|(p, _)| pos > p) {
                        best = Some((pos, entry));
                    }
                }
            }
        }
        match best {
            Some((_, entry)) => describe(entry),
            None => self
                .entries
                .iter()
                .map(describe)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// `templates/page.html` for embedded templates, the file path for overrides.
fn describe(entry: &Entry) -> String {
    match &entry.origin {
        Origin::Embedded => format!("templates/{}", entry.name),
        Origin::Override(path) => path.display().to_string(),
    }
}

/// The template files of `dir` (by file name, sorted), ignoring other files.
fn template_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, HtmlError> {
    let dir_error = |source| HtmlError::TemplateDir {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for item in std::fs::read_dir(dir).map_err(dir_error)? {
        let path = item.map_err(dir_error)?.path();
        if !path.is_file() {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| HtmlError::TemplateName { path: path.clone() })?
            .to_string();
        if TEMPLATE_ENDINGS.iter().any(|ending| name.ends_with(ending)) {
            files.push((name, path));
        }
    }
    files.sort();
    Ok(files)
}
