//! The little HTTP/1.1 the preview needs: reading a request's head (GET and HEAD, no
//! body), and writing a whole response with `Connection: close`. Everything is bounded:
//! the head's size here, the time by the caller's deadlines ([`super::connection`]).

use std::io::{BufRead, Write};
use std::sync::Arc;

/// The largest request head accepted, request line and headers together.
const MAX_HEAD: u64 = 16 * 1024;

/// A request's method, target and `Host`.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, or any other token (answered 405).
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The query, without the `?` (empty when there is none).
    pub query: String,
    /// The `Host` header, when given.
    pub host: Option<String>,
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The client closed the connection or the socket failed; nothing to answer.
    Closed,
    /// Not a request this server understands (answered 400).
    Malformed,
    /// The head is larger than [`MAX_HEAD`] (answered 431).
    TooLarge,
    /// The head did not arrive in time (answered 408).
    TimedOut,
}

/// [`ReadError::TimedOut`] for a read that ran out of time, [`ReadError::Closed`] otherwise.
fn failed(e: &std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => ReadError::TimedOut,
        _ => ReadError::Closed,
    }
}

/// Reads a request's head from `input`.
pub fn read_request(input: impl BufRead) -> Result<Request, ReadError> {
    let mut input = input.take(MAX_HEAD);
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        match input.read_until(b'\n', &mut line) {
            Ok(0) if lines.is_empty() => return Err(ReadError::Closed),
            Ok(_) if !line.ends_with(b"\n") => {
                return Err(if input.limit() == 0 {
                    ReadError::TooLarge
                } else {
                    ReadError::Closed
                })
            }
            Ok(_) => {}
            Err(e) => return Err(failed(&e)),
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        if text.is_empty() {
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(text);
    }
    parse_head(&lines)
}

fn parse_head(lines: &[String]) -> Result<Request, ReadError> {
    let first = lines.first().ok_or(ReadError::Malformed)?;
    let mut parts = first.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed);
    };
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic());
    if !token(method) || !matches!(version, "HTTP/1.0" | "HTTP/1.1") {
        return Err(ReadError::Malformed);
    }
    let origin = match target.strip_prefix("http://") {
        Some(rest) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => target,
    };
    if !origin.starts_with('/') {
        return Err(ReadError::Malformed);
    }
    let (path, query) = origin.split_once('?').unwrap_or((origin, ""));
    let mut host = None;
    for line in &lines[1..] {
        let (name, value) = line.split_once(':').ok_or(ReadError::Malformed)?;
        if name.eq_ignore_ascii_case("host") {
            host = Some(value.trim().to_string());
        }
    }
    Ok(Request {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
        host,
    })
}

/// A response body: small ones owned, the renders shared with the preview state.
#[derive(Debug, Clone)]
pub enum Body {
    /// Bytes made for this response.
    Owned(Vec<u8>),
    /// Bytes kept by the server (a render), not copied.
    Shared(Arc<Vec<u8>>),
}

impl Body {
    fn bytes(&self) -> &[u8] {
        match self {
            Body::Owned(b) => b,
            Body::Shared(b) => b,
        }
    }
}

/// A whole response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers beyond the ones every response has.
    pub headers: Vec<(&'static str, String)>,
    /// The body (not sent for HEAD).
    pub body: Body,
}

impl Response {
    /// A response with a `Content-Type`.
    pub fn new(status: u16, content_type: &str, body: Body) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    /// Adds a header.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response; the body only when `with_body` (not for HEAD).
    pub fn write_to(&self, mut out: impl Write, with_body: bool) -> std::io::Result<()> {
        let body = self.body.bytes();
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += &format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
            body.len()
        );
        out.write_all(head.as_bytes())?;
        if with_body {
            out.write_all(body)?;
        }
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Result<Request, ReadError> {
        read_request(raw.as_bytes())
    }

    #[test]
    fn a_get_is_read_with_its_query_and_host() {
        let r = read("GET /__gongkai/version?since=3 HTTP/1.1\r\nHost: 127.0.0.1:3000\r\n\r\n");
        assert_eq!(
            r,
            Ok(Request {
                method: "GET".into(),
                path: "/__gongkai/version".into(),
                query: "since=3".into(),
                host: Some("127.0.0.1:3000".into()),
            })
        );
        let absolute = read("HEAD http://localhost:3000/x.pdf HTTP/1.0\n\n").unwrap();
        assert_eq!(absolute.path, "/x.pdf");
    }

    #[test]
    fn bad_heads_are_told_apart() {
        assert_eq!(read(""), Err(ReadError::Closed));
        assert_eq!(read("GET / HTTP/1.1\r\n"), Err(ReadError::Closed));
        assert_eq!(read("\u{1}\u{2}\r\n\r\n"), Err(ReadError::Malformed));
        assert_eq!(read("GET / HTTP/2\r\n\r\n"), Err(ReadError::Malformed));
        assert_eq!(read("GET x HTTP/1.1\r\n\r\n"), Err(ReadError::Malformed));
        assert_eq!(
            read("GET / HTTP/1.1\r\nnocolon\r\n\r\n"),
            Err(ReadError::Malformed)
        );
        let huge = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(20_000));
        assert_eq!(read(&huge), Err(ReadError::TooLarge));
    }

    #[test]
    fn head_responses_have_no_body_but_its_length() {
        let r = Response::new(
            200,
            "text/plain; charset=utf-8",
            Body::Owned(b"hello".to_vec()),
        );
        let mut out = Vec::new();
        r.write_to(&mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("Content-Length: 5\r\n"));
        assert!(text.ends_with("\r\n\r\n"));
    }
}
