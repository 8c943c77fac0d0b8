//! What the preview server holds and answers: the last good render, the problems of the
//! latest one, and a version that the wrapper page waits on to reload itself.
//!
//! Each connection has a thread of its own, bounded in time ([`super::connection`]). The
//! clients waiting for the next version are limited apart ([`MAX_WAITING`]: a new one
//! answers the longest-waiting at once) and dropped as soon as they go away, so reloads,
//! abandoned tabs or clients that dribble their request never keep the pages from being
//! served; only more than [`MAX_CONNECTIONS`] connections at the same moment are refused.

use super::connection::{gone, Timed, GONE_CHECK, HEAD_DEADLINE, WRITE_DEADLINE};
use super::http::{read_request, Body, ReadError, Request, Response};
use super::pages::{self, PLAIN_CSP, WRAPPER_CSP};
use crate::commands::rebuild::Rendered;
use crate::format::Format;
use std::collections::VecDeque;
use std::io::BufReader;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How many connections are served at once; more are answered 503 at once.
const MAX_CONNECTIONS: usize = 512;
/// How many clients wait for the next version at once; a new one answers the oldest.
const MAX_WAITING: usize = 64;
/// How long `/__gongkai/version` waits for a new version before answering the same.
const LONG_POLL: Duration = Duration::from_secs(25);
/// The stack of a connection's thread: it only formats a page.
const THREAD_STACK: usize = 256 * 1024;

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
    /// The tickets of the clients waiting for a new version, oldest first.
    waiters: VecDeque<u64>,
    /// The next waiter's ticket.
    next_ticket: u64,
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
                )
                .with("Retry-After", "1");
                let _ = busy.write_to(Timed::new(&stream, Duration::from_secs(1)), true);
                self.connections.fetch_sub(1, Ordering::SeqCst);
                continue;
            }
            let site = Arc::clone(&self);
            let spawned = std::thread::Builder::new()
                .name("gongkai-serve".into())
                .stack_size(THREAD_STACK)
                .spawn(move || {
                    site.answer(stream);
                    site.connections.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.connections.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// Reads one request from `stream` (its head within [`HEAD_DEADLINE`]) and answers it
    /// (within [`WRITE_DEADLINE`]); nothing when the client went away meanwhile.
    fn answer(&self, stream: TcpStream) {
        let request = read_request(BufReader::new(Timed::new(&stream, HEAD_DEADLINE)));
        let (response, with_body) = match request {
            Ok(request) => {
                let head = request.method == "HEAD";
                let Some(response) = self.respond(&request, &|| gone(&stream)) else {
                    return;
                };
                (response, !head)
            }
            Err(ReadError::Closed) => return,
            Err(ReadError::Malformed) => (error(400, "请求格式有误（Bad Request）"), true),
            Err(ReadError::TooLarge) => (error(431, "请求头过大"), true),
            Err(ReadError::TimedOut) => (
                error(408, "请求未在限定时间内发完（Request Timeout）"),
                true,
            ),
        };
        let _ = response.write_to(Timed::new(&stream, WRITE_DEADLINE), with_body);
    }

    /// The response to a request; `None` when `gone` says the client left while it waited
    /// for a new version.
    fn respond(&self, request: &Request, gone: &dyn Fn() -> bool) -> Option<Response> {
        if !matches!(request.method.as_str(), "GET" | "HEAD") {
            return Some(error(405, "只接受 GET 和 HEAD 请求").with("Allow", "GET, HEAD"));
        }
        if !request.host.as_deref().is_none_or(local_host) {
            return Some(error(
                403,
                "预览只接受本机地址（127.0.0.1 或 localhost）的访问",
            ));
        }
        if request.path == "/__gongkai/version" {
            return self.version(&request.query, gone);
        }
        Some(self.page(&request.path))
    }

    /// Every response but the version's: the pages, the assets, 404.
    fn page(&self, path: &str) -> Response {
        match path {
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
    /// or after [`LONG_POLL`], or when [`MAX_WAITING`] newer clients wait; at once without a
    /// `since`. `None` when `gone` says the client left (looked at every [`GONE_CHECK`]).
    fn version(&self, query: &str, gone: &dyn Fn() -> bool) -> Option<Response> {
        let since = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("since="))
            .and_then(|n| n.parse::<u64>().ok());
        let deadline = Instant::now() + LONG_POLL;
        let mut preview = self.lock();
        let ticket = preview.next_ticket;
        preview.next_ticket += 1;
        preview.waiters.push_back(ticket);
        if preview.waiters.len() > MAX_WAITING {
            preview.waiters.pop_front();
            self.changed.notify_all();
        }
        let mut left_us = false;
        while since == Some(preview.version) && preview.waiters.contains(&ticket) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            preview = match self.changed.wait_timeout(preview, left.min(GONE_CHECK)) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
            drop(preview);
            left_us = gone();
            preview = self.lock();
            if left_us {
                break;
            }
        }
        preview.waiters.retain(|t| *t != ticket);
        if left_us {
            return None;
        }
        let json = format!(
            "{{\"version\":{},\"rendered\":{}}}",
            preview.version, preview.rendered
        );
        Some(Response::new(200, "application/json", text(json)))
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
