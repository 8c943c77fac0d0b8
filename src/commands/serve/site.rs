//! What the preview server holds and answers: the last good render, the problems of the
//! latest one, and a version that the wrapper page waits on to reload itself.

use super::http::{read_request, Body, ReadError, Request, Response};
use super::pages::{self, PLAIN_CSP, WRAPPER_CSP};
use crate::commands::rebuild::Rendered;
use crate::format::Format;
use std::io::BufReader;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How many connections are served at once; more are answered 503.
const MAX_CONNECTIONS: usize = 64;
/// How long a request may take to arrive, and a response to be taken.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(10);
/// How long `/__gongkai/version` waits for a new version before answering the same.
const LONG_POLL: Duration = Duration::from_secs(25);

const HTML: &str = "text/html; charset=utf-8";

/// The state shown.
#[derive(Debug, Default)]
struct Preview {
    /// Counts the renderings done (0: none yet).
    version: u64,
    /// The version of the last good render (0: none yet).
    rendered: u64,
    html: Option<Arc<Vec<u8>>>,
    pdf: Option<Arc<Vec<u8>>>,
    /// The problems panel of the latest rendering.
    problems: String,
}

/// The preview of one budget file, shared by the server's threads.
#[derive(Debug)]
pub struct Site {
    file: PathBuf,
    preview: Mutex<Preview>,
    changed: Condvar,
    connections: AtomicUsize,
}

impl Site {
    /// A site for `file`, showing "正在生成" until the first rendering.
    pub fn new(file: PathBuf) -> Site {
        Site {
            file,
            preview: Mutex::new(Preview {
                problems: pages::pending(),
                ..Preview::default()
            }),
            changed: Condvar::new(),
            connections: AtomicUsize::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Preview> {
        self.preview
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Shows a rendering: its outputs when it is good, its problems in any case.
    pub fn update(&self, rendered: &Rendered) {
        let mut preview = self.lock();
        preview.version += 1;
        if rendered.is_good() {
            for (format, bytes) in &rendered.outputs {
                let bytes = Some(Arc::new(bytes.clone()));
                // The preview serves the page and the PDF; it renders nothing else.
                match format {
                    Format::Html => preview.html = bytes,
                    Format::Pdf => preview.pdf = bytes,
                    _ => {}
                }
            }
            preview.rendered = preview.version;
        }
        preview.problems = pages::problems(&self.file, rendered, preview.html.is_some());
        drop(preview);
        self.changed.notify_all();
    }

    /// Accepts connections for ever, each on its own thread.
    pub fn serve(self: Arc<Self>, listener: TcpListener) {
        for stream in listener.incoming() {
            let Ok(stream) = stream else {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            };
            if self.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                let busy = Response::new(
                    503,
                    HTML,
                    text(pages::plain("预览服务繁忙", "请稍后刷新。")),
                );
                let _ = stream.set_write_timeout(Some(SOCKET_TIMEOUT));
                let _ = busy.write_to(&stream, true);
                self.connections.fetch_sub(1, Ordering::SeqCst);
                continue;
            }
            let site = Arc::clone(&self);
            let spawned = std::thread::Builder::new()
                .name("gongkai-serve".into())
                .spawn(move || {
                    site.answer(stream);
                    site.connections.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.connections.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// Reads one request from `stream` and answers it.
    fn answer(&self, stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(SOCKET_TIMEOUT));
        let _ = stream.set_write_timeout(Some(SOCKET_TIMEOUT));
        let request = read_request(BufReader::new(&stream));
        let (response, with_body) = match request {
            Ok(request) => {
                let head = request.method == "HEAD";
                (self.respond(&request), !head)
            }
            Err(ReadError::Closed) => return,
            Err(ReadError::Malformed) => (error(400, "请求格式有误（Bad Request）"), true),
            Err(ReadError::TooLarge) => (error(431, "请求头过大"), true),
        };
        let _ = response.write_to(&stream, with_body);
    }

    /// The response to a request.
    pub fn respond(&self, request: &Request) -> Response {
        if !matches!(request.method.as_str(), "GET" | "HEAD") {
            return error(405, "只接受 GET 和 HEAD 请求").with("Allow", "GET, HEAD");
        }
        if !request.host.as_deref().is_none_or(local_host) {
            return error(403, "预览只接受本机地址（127.0.0.1 或 localhost）的访问");
        }
        match request.path.as_str() {
            "/" | "/index.html" => {
                let preview = self.lock();
                let page = pages::wrapper(
                    &self.file,
                    &preview.problems,
                    preview.version,
                    preview.rendered,
                );
                Response::new(200, HTML, text(page)).with("Content-Security-Policy", WRAPPER_CSP)
            }
            "/disclosure.html" => match self.lock().html.clone() {
                Some(html) => Response::new(200, HTML, Body::Shared(html)),
                None => none_yet("/disclosure.html"),
            },
            "/disclosure.pdf" => match self.lock().pdf.clone() {
                Some(pdf) => Response::new(200, "application/pdf", Body::Shared(pdf)).with(
                    "Content-Disposition",
                    format!(
                        "inline; filename*=UTF-8''{}.pdf",
                        percent(&crate::output::stem(&self.file))
                    ),
                ),
                None => none_yet("/disclosure.pdf"),
            },
            "/__gongkai/version" => self.version(&request.query),
            "/__gongkai/problems" => Response::new(200, HTML, text(self.lock().problems.clone()))
                .with("Content-Security-Policy", PLAIN_CSP),
            "/__gongkai/live.js" => Response::new(
                200,
                "text/javascript; charset=utf-8",
                text(pages::LIVE_JS.to_string()),
            ),
            "/__gongkai/preview.css" => Response::new(
                200,
                "text/css; charset=utf-8",
                text(pages::STYLE_CSS.to_string()),
            ),
            other => Response::new(404, HTML, text(pages::not_found(other)))
                .with("Content-Security-Policy", PLAIN_CSP),
        }
    }

    /// `{"version":V,"rendered":R}` once the version differs from `since=N` in the query,
    /// or after [`LONG_POLL`]; at once without a `since`.
    fn version(&self, query: &str) -> Response {
        let since = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("since="))
            .and_then(|n| n.parse::<u64>().ok());
        let deadline = Instant::now() + LONG_POLL;
        let mut preview = self.lock();
        while since == Some(preview.version) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            preview = match self.changed.wait_timeout(preview, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        let json = format!(
            "{{\"version\":{},\"rendered\":{}}}",
            preview.version, preview.rendered
        );
        Response::new(200, "application/json", text(json))
    }
}

/// Whether a `Host` header names this machine's loopback address (any port): a page of
/// another site that a DNS trick points here is refused.
fn local_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost")
}

fn text(s: String) -> Body {
    Body::Owned(s.into_bytes())
}

fn error(status: u16, message: &str) -> Response {
    Response::new(status, HTML, text(pages::plain(message, "")))
        .with("Content-Security-Policy", PLAIN_CSP)
}

fn none_yet(path: &str) -> Response {
    let body = format!(
        "{} 尚无成功生成的版本：预算文件有错误，见 <a href=\"/\">预览页</a>。",
        pages::escape(path)
    );
    Response::new(404, HTML, text(pages::plain("尚未生成", &body)))
        .with("Content-Security-Policy", PLAIN_CSP)
}

/// Percent-encodes a file name for `filename*=UTF-8''…`.
fn percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_served() {
        assert!(local_host("127.0.0.1:3000"));
        assert!(local_host("LOCALHOST"));
        assert!(!local_host("evil.example:3000"));
        assert!(!local_host("127.0.0.1.evil.example"));
    }

    #[test]
    fn file_names_are_percent_encoded() {
        assert_eq!(percent("玛纳斯 a"), "%E7%8E%9B%E7%BA%B3%E6%96%AF%20a");
    }
}
