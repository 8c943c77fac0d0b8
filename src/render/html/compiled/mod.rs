//! The built-in templates compiled: the page that `templates/*.html` describe, written
//! straight from the view without a template interpreter (tera spent a fifth of a batch
//! document's processor time walking its own syntax tree). A `--templates` directory is
//! still rendered by tera. The two paths must give the same bytes:
//! `tests/suite/html_compiled.rs` renders every example and fixture both ways.
//!
//! Each function below follows one template, with its whitespace control applied
//! (`{%-` drops the newline before a tag); values are escaped as tera's autoescape does.

mod blocks;
mod table;

use super::title::Piece;
use super::view::{PageView, SignatureView, TocView};
use super::{escape_into, templates};
use crate::document::PublishMeta;

/// The page of `view` as `page.html` renders it.
pub(super) fn page(view: &PageView) -> Vec<u8> {
    let css = templates::embedded("style.css");
    let mut out = Html(String::with_capacity(css.len() + 256 * 1024));
    head(&mut out, &view.publish, &view.title);
    out.raw("<style>\n");
    out.raw(css);
    out.raw("\n</style>\n</head>\n<body>\n<main id=\"top\">\n");
    cover(&mut out, view);
    out.raw("\n");
    toc(&mut out, &view.toc);
    for part in &view.parts {
        out.raw("\n");
        blocks::part(&mut out, part);
    }
    out.raw("\n");
    signature(&mut out, &view.signature);
    out.raw("\n</main>\n</body>\n</html>\n");
    out.0.into_bytes()
}

/// The output being written.
struct Html(String);

impl Html {
    /// Appends markup as it stands.
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// Appends text escaped (a `{{ … }}` of an autoescaped template).
    fn text(&mut self, s: &str) {
        escape_into(&mut self.0, s);
    }

    /// Appends a number (`{{ … }}` of an integer).
    fn int(&mut self, n: impl Into<u32>) {
        use std::fmt::Write;
        // Writing into a String cannot fail.
        let _ = write!(self.0, "{}", n.into());
    }

    /// Markup and escaped values alternately, as a template line reads: `markup[0]`,
    /// `values[0]`, `markup[1]`, … (one more markup piece than values).
    fn line(&mut self, markup: &[&str], values: &[&str]) {
        for (i, m) in markup.iter().enumerate() {
            self.raw(m);
            if let Some(v) = values.get(i) {
                self.text(v);
            }
        }
    }

    /// `{% if value %}…{% endif %}` around `before value after`, value escaped.
    fn optional(&mut self, value: Option<&str>, before: &str, after: &str) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.raw(before);
            self.text(v);
            self.raw(after);
        }
    }

    /// `title.html`: the pieces, each kept one wrapped in `<span class="{class}">`.
    fn pieces(&mut self, pieces: &[Piece], class: &str) {
        for piece in pieces {
            if piece.keep {
                self.raw("<span class=\"");
                self.raw(class);
                self.raw("\">");
                self.text(&piece.text);
                self.raw("</span>");
            } else {
                self.text(&piece.text);
            }
        }
    }
}

/// Tera's truth of an optional text: present and not empty.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// `page.html` up to `<style>`: the `<meta>` tags and the title.
fn head(out: &mut Html, publish: &PublishMeta, title: &str) {
    out.raw(concat!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n",
        "<meta name=\"referrer\" content=\"no-referrer\">\n",
        "<meta name=\"generator\" content=\"gongkai\">"
    ));
    let meta_end = "\">";
    out.optional(
        given(&publish.site_name),
        "\n<meta name=\"SiteName\" content=\"",
        meta_end,
    );
    out.optional(
        given(&publish.site_id),
        "\n<meta name=\"SiteIDCode\" content=\"",
        meta_end,
    );
    out.optional(
        given(&publish.column),
        "\n<meta name=\"ColumnName\" content=\"",
        meta_end,
    );
    out.line(
        &["\n<meta name=\"ArticleTitle\" content=\"", meta_end],
        &[&publish.article_title],
    );
    out.optional(
        given(&publish.pub_date),
        "\n<meta name=\"PubDate\" content=\"",
        meta_end,
    );
    out.line(
        &[
            "\n<meta name=\"ContentSource\" content=\"",
            "\">\n<title>",
            "</title>\n",
        ],
        &[&publish.content_source, title],
    );
}

/// `cover.html`.
fn cover(out: &mut Html, view: &PageView) {
    out.line(
        &[
            "<header class=\"cover\">\n<h1><span class=\"cover-unit\">",
            "</span><span class=\"cover-sub\">",
            "</span></h1>",
        ],
        &[&view.unit_name, &view.subtitle],
    );
    out.optional(given(&view.issued), "\n<p class=\"cover-date\">", "</p>");
    out.raw("\n</header>\n");
}

/// `toc.html`.
fn toc(out: &mut Html, entries: &[TocView]) {
    out.raw(concat!(
        "<nav class=\"toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n",
        "<h2 id=\"toc-title\">目 录</h2>\n<ol>"
    ));
    for entry in entries {
        out.raw("\n");
        toc_link(out, entry);
        if !entry.children.is_empty() {
            out.raw("\n<ol>");
            for child in &entry.children {
                out.raw("\n");
                toc_link(out, child);
                out.raw("</li>");
            }
            out.raw("\n</ol>");
        }
        out.raw("\n</li>");
    }
    out.raw("\n</ol>\n</nav>\n");
}

/// A 目录 entry's `<li>` and link, the `<li>` left open.
fn toc_link(out: &mut Html, entry: &TocView) {
    out.raw("<li><a href=\"#");
    out.text(&entry.target);
    out.raw("\">");
    out.pieces(&entry.pieces, "keep");
    out.raw("</a>");
}

/// `signature.html`.
fn signature(out: &mut Html, signature: &SignatureView) {
    out.raw("<footer class=\"signature\" id=\"signature\">\n<p class=\"signature-unit\">");
    out.text(&signature.unit_name);
    out.raw("</p>");
    out.optional(
        given(&signature.date),
        "\n<p class=\"signature-date\">",
        "</p>",
    );
    out.raw("\n</footer>\n");
}
