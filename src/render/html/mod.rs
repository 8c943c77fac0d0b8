//! HTML renderer: lays the [`Document`] out as one self-contained, accessible web page.
//!
//! The page is what the templates in `templates/` describe: embedded in the binary and
//! compiled (`compiled/`, the same bytes tera gives), or rendered with tera when any of
//! them is replaced from a `--templates DIR`. Templates receive a
//! view of the document (see `view.rs`) that already holds every layout decision — header
//! scopes, row classes, heading levels, chart bar geometry — so they only place text.
//! Autoescaping is on for every template: no text from the TOML reaches the page unescaped.
//! The same templates also hold a batch's index page (`index.html`, see `index.rs`).

mod chart;
mod compiled;
mod figures;
mod index;
mod table_view;
mod templates;
mod title;
mod view;

use crate::document::Document;
use std::path::{Path, PathBuf};
use templates::TemplateSet;
use tera::{Context, Tera};

pub use index::{EntryStatus, IndexEntry};

/// The template the page is rendered from; it includes the others.
const ENTRY_TEMPLATE: &str = "page.html";

/// The template of a batch's index page (`index.html` beside the outputs).
const INDEX_TEMPLATE: &str = "index.html";

/// Renders documents to HTML with a fixed set of templates.
pub struct HtmlRenderer {
    engine: Engine,
}

/// How pages are rendered.
enum Engine {
    /// The built-in templates, compiled (see `compiled/`); the index page, rendered once
    /// a batch, still goes through tera, loaded when it is drawn.
    Compiled,
    /// Templates interpreted by tera: a `--templates` directory, or the built-in ones
    /// when asked for explicitly ([`HtmlRenderer::interpreted`]).
    Interpreted(Box<Interpreted>),
}

/// Parsed tera templates and where each came from.
struct Interpreted {
    tera: Tera,
    set: TemplateSet,
}

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// The `--templates` directory could not be listed.
    #[error("cannot read template directory {path}: {source}")]
    TemplateDir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A template file in the `--templates` directory could not be read.
    #[error("cannot read template file {path}: {source}")]
    TemplateRead {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file name in the `--templates` directory is not valid UTF-8.
    #[error("template file name is not valid UTF-8: {path}")]
    TemplateName {
        /// The file.
        path: PathBuf,
    },
    /// A template does not parse.
    #[error("template {file} does not parse: {message}")]
    TemplateParse {
        /// The template file (embedded `templates/…` name or override path).
        file: String,
        /// Tera's explanation, with its causes.
        message: String,
    },
    /// A template failed while rendering.
    #[error("template {file} failed to render: {message}")]
    TemplateRender {
        /// The template file (embedded `templates/…` name or override path).
        file: String,
        /// Tera's explanation, with its causes.
        message: String,
    },
    /// The document cannot be laid out as valid HTML (a document-builder defect: reported,
    /// never guessed around).
    #[error("document cannot be laid out as HTML: {0}")]
    Layout(String),
}

impl HtmlRenderer {
    /// The built-in templates (compiled), or, with `template_dir`, the embedded templates
    /// with each one for which the directory holds a file of the same name replaced (extra
    /// `.html`/`.css`/`.svg` files there are added, so overrides may include partials of
    /// their own), parsed and checked at once.
    pub fn new(template_dir: Option<&Path>) -> Result<Self, HtmlError> {
        match template_dir {
            None => Ok(HtmlRenderer {
                engine: Engine::Compiled,
            }),
            Some(dir) => Self::interpreted(Some(dir)),
        }
    }

    /// Like [`HtmlRenderer::new`], but every page goes through tera, the built-in
    /// templates too: what the compiled page is tested against.
    pub fn interpreted(template_dir: Option<&Path>) -> Result<Self, HtmlError> {
        Ok(HtmlRenderer {
            engine: Engine::Interpreted(Box::new(Interpreted::load(template_dir)?)),
        })
    }

    /// Renders the whole document as one HTML page (UTF-8 bytes). Same document, same bytes.
    pub fn render(&self, doc: &Document) -> Result<Vec<u8>, HtmlError> {
        let page = view::page(doc)?;
        match &self.engine {
            Engine::Compiled => Ok(compiled::page(&page)),
            Engine::Interpreted(tera) => tera.render(ENTRY_TEMPLATE, &page),
        }
    }

    /// Renders the index page of a batch (UTF-8 bytes): a row per entry, sorted by file
    /// name. Same entries, same bytes.
    pub fn render_index(&self, entries: &[IndexEntry]) -> Result<Vec<u8>, HtmlError> {
        let view = index::view(entries);
        match &self.engine {
            Engine::Compiled => Interpreted::load(None)?.render(INDEX_TEMPLATE, &view),
            Engine::Interpreted(tera) => tera.render(INDEX_TEMPLATE, &view),
        }
    }
}

impl Interpreted {
    /// The embedded templates, with the files of `template_dir` replacing or extending them.
    fn load(template_dir: Option<&Path>) -> Result<Self, HtmlError> {
        let set = TemplateSet::load(template_dir)?;
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".css", ".svg"]);
        tera.set_escape_fn(escape_text);
        tera.add_raw_templates(set.sources()).map_err(|e| {
            let message = error_chain(&e);
            HtmlError::TemplateParse {
                file: set.origin_named_in(&message),
                message,
            }
        })?;
        if tera.get_template(ENTRY_TEMPLATE).is_err() {
            return Err(HtmlError::TemplateParse {
                file: ENTRY_TEMPLATE.to_string(),
                message: "the entry template is missing".to_string(),
            });
        }
        Ok(Interpreted { tera, set })
    }

    fn render(&self, template: &str, view: &impl serde::Serialize) -> Result<Vec<u8>, HtmlError> {
        let render_error = |e: tera::Error| {
            let message = error_chain(&e);
            HtmlError::TemplateRender {
                file: self.set.origin_named_in(&message),
                message,
            }
        };
        let context = Context::from_serialize(view).map_err(render_error)?;
        let html = self.tera.render(template, &context).map_err(render_error)?;
        Ok(html.into_bytes())
    }
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    escape_into(&mut out, input);
    out
}

/// Appends `input` to `out` escaped as [`escape_text`] does, copying the runs between the
/// five escaped characters whole.
fn escape_into(out: &mut String, input: &str) {
    let mut start = 0;
    for (at, byte) in input.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[start..at]);
        out.push_str(entity);
        start = at + 1;
    }
    out.push_str(&input[start..]);
}

/// Tera's error with all its causes, one per line.
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        message.push_str("\n  caused by: ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::escape_text;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_text(r#"<script>alert(1)</script>"><img src=x onerror='y'>&"#),
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;"
        );
        assert_eq!(escape_text("奇台县 1,795.47"), "奇台县 1,795.47");
    }
}
