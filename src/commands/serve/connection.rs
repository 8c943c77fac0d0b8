//! One connection of the preview server, bounded in time as a whole: the request head must
//! arrive within [`HEAD_DEADLINE`] (a client dribbling a byte now and then is cut off, not
//! kept), the response must be taken within [`WRITE_DEADLINE`], and a client waiting for
//! the next rendering is looked at every [`GONE_CHECK`], so one that went away frees its
//! place at once.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// How long the whole request head may take to arrive.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// How long the whole response may take to be taken (a PDF of a few MB on a slow reader).
pub const WRITE_DEADLINE: Duration = Duration::from_secs(30);
/// How often a waiting client is checked for having gone.
pub const GONE_CHECK: Duration = Duration::from_millis(200);

/// A connection read and written against one deadline for everything: each read or write
/// may take only the time left, not a fresh timeout of its own.
pub struct Timed<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl<'a> Timed<'a> {
    /// `stream`, with `time` from now for what is read or written through it.
    pub fn new(stream: &'a TcpStream, time: Duration) -> Timed<'a> {
        Timed {
            stream,
            deadline: Instant::now() + time,
        }
    }

    /// The time left, or a `TimedOut` error when there is none.
    fn left(&self) -> std::io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        Ok(left)
    }
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.stream.set_read_timeout(Some(self.left()?))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

impl Write for Timed<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.stream.set_write_timeout(Some(self.left()?))?;
        let mut stream = self.stream;
        stream.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut stream = self.stream;
        stream.flush()
    }
}

/// Whether the client of `stream` has closed its side (or the connection broke): a look at
/// what it sent, without waiting and without taking it.
pub fn gone(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return true;
    }
    let mut byte = [0u8; 1];
    let seen = stream.peek(&mut byte);
    let restored = stream.set_nonblocking(false);
    match seen {
        Ok(0) => true,
        Ok(_) => restored.is_err(),
        Err(e) => e.kind() != ErrorKind::WouldBlock || restored.is_err(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        (client, server)
    }

    #[test]
    fn the_deadline_is_for_all_reads_together() {
        let (mut client, server) = pair();
        let dribble = std::thread::spawn(move || {
            for _ in 0..20 {
                if client.write_all(b"x").is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        let start = Instant::now();
        let mut timed = Timed::new(&server, Duration::from_millis(300));
        let mut all = Vec::new();
        let e = timed.read_to_end(&mut all).unwrap_err();
        assert!(matches!(
            e.kind(),
            ErrorKind::TimedOut | ErrorKind::WouldBlock
        ));
        assert!(
            start.elapsed() < Duration::from_millis(700),
            "{:?}",
            start.elapsed()
        );
        drop(server);
        dribble.join().unwrap();
    }

    #[test]
    fn a_closed_client_is_gone_and_a_quiet_one_is_not() {
        let (client, server) = pair();
        assert!(!gone(&server));
        drop(client);
        std::thread::sleep(Duration::from_millis(50));
        assert!(gone(&server));
    }
}
