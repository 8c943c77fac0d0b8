//! The preview's own pages: the wrapper around the disclosure (with the problems above
//! it), the problems panel, the not-found page, and the wrapper's script and style. Every
//! text from the budget file or the user is HTML-escaped here.

use crate::commands::rebuild::Rendered;
use crate::diagnostic::line_col;
use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The wrapper page's policy: its own script and style only, the disclosure in a frame.
pub const WRAPPER_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/// The policy of the other pages the preview makes (no script, no style, nothing loaded).
pub const PLAIN_CSP: &str = "default-src 'none'; base-uri 'none'; form-action 'none'";

/// The script that reloads the disclosure and the problems after each rendering.
pub const LIVE_JS: &str = include_str!("live.js");
/// The wrapper page's style.
pub const STYLE_CSS: &str = include_str!("preview.css");

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The wrapper page: the file's name, a link to the PDF, the problems, and the last good
/// disclosure in a frame. `version` and `rendered` start the script's polling.
pub fn wrapper(file: &Path, problems: &str, version: u64, rendered: u64) -> String {
    let path = escape(&file.display().to_string());
    let name = file
        .file_name()
        .map_or_else(|| path.clone(), |n| escape(&n.to_string_lossy()));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>预览：{name}</title>\n<link rel=\"stylesheet\" href=\"/__gongkai/preview.css\">\n\
         <script src=\"/__gongkai/live.js\" defer></script>\n</head>\n\
         <body data-version=\"{version}\" data-rendered=\"{rendered}\">\n\
         <header><span class=\"file\" title=\"{path}\">预览：{name}</span>\
         <a href=\"/disclosure.pdf\" target=\"_blank\" rel=\"noopener\">PDF</a>\
         <a href=\"/disclosure.html\" target=\"_blank\" rel=\"noopener\">HTML</a>\
         <span id=\"status\" role=\"status\"></span></header>\n\
         <div id=\"problems\">{problems}</div>\n\
         <iframe id=\"disclosure\" title=\"公开文件\" src=\"/disclosure.html\"></iframe>\n\
         </body>\n</html>\n"
    )
}

/// The panel shown before the first rendering has finished.
pub fn pending() -> String {
    "<p class=\"pending\">正在生成……</p>".to_string()
}

/// The problems panel of a rendering: its errors, located, above the last good render
/// (`have_render`), or its warnings, folded, when it is good.
pub fn problems(file: &Path, rendered: &Rendered, have_render: bool) -> String {
    let name = file.display().to_string();
    let items: String = rendered
        .failure
        .iter()
        .map(|f| {
            format!(
                "<li class=\"error\"><p class=\"message\">{}</p></li>\n",
                escape(f)
            )
        })
        .chain(
            rendered
                .diagnostics
                .iter()
                .filter(|d| d.is_error() || rendered.is_good())
                .map(|d| item(&name, &rendered.src, d)),
        )
        .collect();
    if rendered.is_good() {
        let warnings = rendered.diagnostics.len();
        if warnings == 0 {
            return String::new();
        }
        return format!(
            "<details class=\"warnings\"><summary>{warnings} 个警告</summary>\n<ol>\n{items}</ol>\n</details>\n"
        );
    }
    let below = if have_render {
        "下面显示的是上次成功生成的版本"
    } else {
        "尚无成功生成的版本"
    };
    format!(
        "<section class=\"errors\" role=\"alert\">\n<h2>{} 有 {} 个错误，未重新生成；{below}。改好后保存即自动刷新。</h2>\n<ol>\n{items}</ol>\n</section>\n",
        escape(&name),
        rendered.errors()
    )
}

/// One diagnostic: where (file:line:column), its key, message and hint, and its line of
/// the source with the place marked.
fn item(name: &str, src: &str, d: &Diagnostic) -> String {
    // A department's unit file has its own name and text.
    let (name, src) = match &d.file {
        Some(f) => (f.name.as_str(), f.src.as_str()),
        None => (name, src),
    };
    let (class, kind) = if d.is_error() {
        ("error", "错误")
    } else {
        ("warning", "警告")
    };
    let location = match &d.span {
        Some(span) => {
            let (line, col) = line_col(src, span.start);
            format!("{name}:{line}:{col}")
        }
        None => name.to_string(),
    };
    let key = if d.key.is_empty() { "文件" } else { &d.key };
    let mut out = format!(
        "<li class=\"{class}\"><p class=\"where\"><code>{}</code> {kind}：<code>[{}]</code></p>\n<p class=\"message\">{}</p>\n",
        escape(&location),
        escape(key),
        escape(&d.message)
    );
    if let Some(hint) = &d.hint {
        out += &format!("<p class=\"hint\">提示：{}</p>\n", escape(hint));
    }
    if let Some(span) = &d.span {
        out += &source_line(src, span.start, span.end);
    }
    out + "</li>\n"
}

/// The source line holding `start`, with `start..end` (clipped to the line) marked.
fn source_line(src: &str, start: usize, end: usize) -> String {
    let (Some(head), Some(tail)) = (src.get(..start), src.get(start..)) else {
        return String::new();
    };
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line_end = tail.find('\n').map_or(src.len(), |i| start + i);
    let end = end.clamp(start, line_end);
    let (Some(before), Some(marked), Some(after)) = (
        src.get(line_start..start),
        src.get(start..end),
        src.get(end..line_end),
    ) else {
        return String::new();
    };
    let (line, _) = line_col(src, start);
    format!(
        "<pre><span class=\"line\">{line} | </span>{}<mark>{}</mark>{}</pre>\n",
        escape(before.trim_end_matches('\r')),
        escape(marked),
        escape(after.trim_end_matches('\r'))
    )
}

/// The page of a path the preview does not have.
pub fn not_found(path: &str) -> String {
    plain(
        "找不到页面（404 Not Found）",
        &format!(
            "预览服务没有 {}。公开文件的预览在 <a href=\"/\">/</a>。",
            escape(path)
        ),
    )
}

/// A page with a heading and a paragraph (`body` already escaped).
pub fn plain(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n</head>\n<body>\n<h1>{t}</h1>\n<p>{body}</p>\n</body>\n</html>\n",
        t = escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn rendered(src: &str, diagnostics: Vec<Diagnostic>) -> Rendered {
        Rendered {
            src: src.into(),
            diagnostics,
            failure: None,
            outputs: Vec::new(),
            took: Duration::ZERO,
        }
    }

    #[test]
    fn an_error_is_shown_located_and_escaped() {
        let src = "[unit]\nname = \"<b>\"\n";
        let at = src.find('"').unwrap();
        let d = Diagnostic::error(Some(at..at + 5), "unit.name", "名称 <错>")
            .with_hint("改成 \"单位\" & 再保存");
        let html = problems(Path::new("a.toml"), &rendered(src, vec![d]), true);
        assert!(html.contains("<code>a.toml:2:8</code>"), "{html}");
        assert!(html.contains("错误：<code>[unit.name]</code>"), "{html}");
        assert!(html.contains("名称 &lt;错&gt;"));
        assert!(html.contains("提示：改成 &quot;单位&quot; &amp; 再保存"));
        assert!(
            html.contains("name = <mark>&quot;&lt;b&gt;&quot;</mark>"),
            "{html}"
        );
        assert!(html.contains("上次成功生成的版本"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn a_unit_files_error_is_located_in_that_file() {
        let unit = std::sync::Arc::new(crate::diagnostic::SourceFile {
            name: "units/二中.toml".into(),
            src: "[unit]\nname = 2\n".into(),
        });
        let d = Diagnostic::error(Some(14..15), "unit.name", "类型不对").in_file(&unit);
        let html = problems(Path::new("部门.toml"), &rendered("[unit]\n", vec![d]), true);
        assert!(html.contains("<code>units/二中.toml:2:8</code>"), "{html}");
        assert!(html.contains("name = <mark>2</mark>"), "{html}");
    }

    #[test]
    fn a_good_rendering_shows_only_its_warnings_folded() {
        let r = rendered("a = 1\n", vec![]);
        assert_eq!(problems(Path::new("a.toml"), &r, true), "");
        let w = Diagnostic::warning(None, "names", "多余");
        let html = problems(Path::new("a.toml"), &rendered("a = 1\n", vec![w]), true);
        assert!(html.starts_with("<details class=\"warnings\">"), "{html}");
    }
}
