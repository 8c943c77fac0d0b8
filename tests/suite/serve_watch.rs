//! `gongkai watch` and `gongkai serve`, run as the user runs them: on a copy of an example
//! in a scratch directory, edited the ways editors save. Every wait is bounded, and the
//! process is killed when a test ends, passed or failed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long any one awaited event may take.
const TIMEOUT: Duration = Duration::from_secs(60);
const NAME: &str = "玛纳斯县商务和工业信息化局";

/// A running `gongkai`, killed when dropped; its output lines as they come.
struct Running {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Running {
    fn start(dir: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run gongkai");
        let (tx, lines) = channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        for (tag, stream) in [
            ("out", Box::new(stdout) as Box<dyn Read + Send>),
            ("err", Box::new(stderr)),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if tx.send(format!("{tag}: {line}")).is_err() {
                        break;
                    }
                }
            });
        }
        Running {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for the next line containing `what`; returns it.
    fn wait_for(&mut self, what: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(what) {
                        return line;
                    }
                }
                Err(_) => panic!(
                    "no line with «{what}» within {TIMEOUT:?}; output so far:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// The lines printed within `time` from now.
    fn lines_within(&mut self, time: Duration) -> Vec<String> {
        let deadline = Instant::now() + time;
        let mut lines = Vec::new();
        while let Ok(line) = self
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.seen.push(line.clone());
            lines.push(line);
        }
        lines
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A scratch directory holding a copy of the Manas example as `budget.toml`.
fn scratch(name: &str) -> (PathBuf, PathBuf) {
    let dir =
        std::env::temp_dir().join(format!("gongkai-serve-watch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("budget.toml");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/manas-commerce-2024.toml");
    std::fs::copy(example, &file).unwrap();
    (dir, file)
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The source with the unit renamed everywhere (a valid edit that shows in the document).
fn renamed(src: &str, name: &str) -> String {
    assert!(src.contains(NAME));
    src.replace(NAME, name)
}

/// The source with `[unit] year` made text (an error located at line:8), and that line.
fn broken(src: &str) -> (String, usize) {
    let line = src
        .lines()
        .position(|l| l == "year = 2024")
        .expect("year line")
        + 1;
    (
        src.replacen("\nyear = 2024\n", "\nyear = \"abc\"\n", 1),
        line,
    )
}

/// Saves as vim, VS Code and gedit do: a temporary file beside it, renamed over it.
fn rename_save(file: &Path, text: &str) {
    let tmp = file.with_file_name(".budget.toml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

#[test]
fn watch_regenerates_keeps_the_last_good_output_and_recovers() {
    let (dir, file) = scratch("watch");
    let (html, pdf) = (dir.join("out/budget.html"), dir.join("out/budget.pdf"));
    let original = read_text(&file);
    let mut watch = Running::start(&dir, &["watch", "budget.toml", "--out", "out"]);
    let first = watch.wait_for("已生成");
    assert!(
        first.starts_with("out: 已生成 out/budget.html、out/budget.pdf（耗时 "),
        "{first}"
    );
    assert!(read_text(&html).contains(NAME));

    // A plain write (truncate + write) is regenerated.
    let a = renamed(&original, "玛纳斯县商务甲局");
    std::fs::write(&file, &a).unwrap();
    let line = watch.wait_for("已重新生成");
    assert!(line.contains("（耗时 ") && line.contains(" ms）"), "{line}");
    let good_html = std::fs::read(&html).unwrap();
    let good_pdf = std::fs::read(&pdf).unwrap();
    assert!(String::from_utf8_lossy(&good_html).contains("玛纳斯县商务甲局"));
    assert!(good_pdf.starts_with(b"%PDF"));

    // Saving the same content again regenerates nothing.
    std::fs::write(&file, &a).unwrap();
    let quiet = watch.lines_within(Duration::from_millis(1500));
    assert!(quiet.is_empty(), "an unchanged save printed {quiet:?}");

    // A broken edit is reported once, located, and leaves the outputs byte for byte.
    let (bad, year_line) = broken(&a);
    std::fs::write(&file, &bad).unwrap();
    let located = watch.wait_for("[unit.year]");
    assert!(
        located.contains(&format!("budget.toml:{year_line}:8")),
        "{located}"
    );
    watch.wait_for("个错误，保留上次生成的文件");
    let after = watch.lines_within(Duration::from_millis(1500));
    assert!(
        !after
            .iter()
            .any(|l| l.contains("[unit.year]") || l.contains("已重新生成")),
        "reported once, nothing regenerated: {after:?}"
    );
    assert!(
        std::fs::read(&html).unwrap() == good_html,
        "the HTML was kept"
    );
    assert!(std::fs::read(&pdf).unwrap() == good_pdf, "the PDF was kept");

    // The fix, saved by renaming a temporary over the file, is picked up.
    rename_save(&file, &renamed(&original, "玛纳斯县商务乙局"));
    watch.wait_for("已重新生成");
    let fixed = read_text(&html);
    assert!(
        fixed.contains("玛纳斯县商务乙局"),
        "the rename-save was rendered"
    );
    assert!(std::fs::read(&pdf).unwrap() != good_pdf, "a new PDF");
    let left: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left.len(),
        2,
        "only the two outputs, no temporary: {left:?}"
    );
}

#[test]
fn watch_with_a_directory_in_the_way_replaces_nothing() {
    let (dir, file) = scratch("watch-in-the-way");
    let out = dir.join("out");
    let original = read_text(&file);
    let mut watch = Running::start(
        &dir,
        &[
            "watch",
            "budget.toml",
            "--out",
            "out",
            "--format",
            "html,json,pdf",
        ],
    );
    watch.wait_for("已生成");
    let html = std::fs::read(out.join("budget.html")).unwrap();
    let json = std::fs::read(out.join("budget.json")).unwrap();
    std::fs::remove_file(out.join("budget.pdf")).unwrap();
    std::fs::create_dir(out.join("budget.pdf")).unwrap();
    std::fs::write(&file, renamed(&original, "玛纳斯县商务甲局")).unwrap();
    let line = watch.wait_for("无法写入");
    assert!(
        line.contains("budget.pdf：这是一个目录，不是文件"),
        "{line}"
    );
    assert!(
        line.contains("没有替换任何文件，已有的输出保持不变"),
        "{line}"
    );
    let after = watch.lines_within(Duration::from_millis(1000));
    assert!(!after.iter().any(|l| l.contains("已重新生成")), "{after:?}");
    assert!(
        std::fs::read(out.join("budget.html")).unwrap() == html,
        "the HTML is kept"
    );
    assert!(
        std::fs::read(out.join("budget.json")).unwrap() == json,
        "the JSON is kept"
    );
    // Once the directory is gone, the next save writes the whole set.
    std::fs::remove_dir(out.join("budget.pdf")).unwrap();
    std::fs::write(&file, renamed(&original, "玛纳斯县商务乙局")).unwrap();
    watch.wait_for("已重新生成");
    assert!(read_text(&out.join("budget.html")).contains("玛纳斯县商务乙局"));
    assert!(std::fs::read(out.join("budget.pdf"))
        .unwrap()
        .starts_with(b"%PDF"));
}

/// An HTTP client with every wait bounded, that reads any status.
fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Status, content type and body of a GET.
fn get(agent: &ureq::Agent, url: &str) -> (u16, String, Vec<u8>) {
    let mut response = agent.get(url).call().expect("GET");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response
        .body_mut()
        .with_config()
        .limit(50_000_000)
        .read_to_vec()
        .expect("body");
    (status, content_type, body)
}

fn get_text(agent: &ureq::Agent, url: &str) -> String {
    let (status, _, body) = get(agent, url);
    assert_eq!(status, 200, "{url}");
    String::from_utf8(body).unwrap()
}

/// `(version, rendered)` once the version is past `since` (long polls, bounded).
fn next_version(agent: &ureq::Agent, base: &str, since: u64) -> (u64, u64) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let json = get_text(agent, &format!("{base}__gongkai/version?since={since}"));
        let number = |key: &str| -> u64 {
            let at = json.find(&format!("\"{key}\":")).expect(&json) + key.len() + 3;
            let digits: String = json[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().unwrap()
        };
        let (version, rendered) = (number("version"), number("rendered"));
        if version != since {
            return (version, rendered);
        }
        assert!(Instant::now() < deadline, "no new version after {since}");
    }
}

/// What `gongkai generate --format html` writes for `file`.
fn generated_html(dir: &Path) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args([
            "generate",
            "budget.toml",
            "--format",
            "html",
            "--out",
            "gen",
        ])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("generate took longer than {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "generate failed: {status}");
    std::fs::read(dir.join("gen/budget.html")).unwrap()
}

/// Sends raw bytes and returns the response's status line.
fn raw(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).unwrap();
    answer
}

#[test]
fn serve_previews_rerenders_shows_errors_over_the_last_render_and_recovers() {
    let (dir, file) = scratch("serve");
    let original = read_text(&file);
    let mut serve = Running::start(&dir, &["serve", "budget.toml", "--port", "0"]);
    let (base, port) = preview_address(&mut serve);
    let agent = client();
    let (version, rendered) = next_version(&agent, &base, 0);
    assert_eq!(version, rendered, "the first rendering is good");
    check_preview_pages(&agent, &base, &dir);
    check_other_requests(&agent, &base, port);

    // A save re-renders.
    std::fs::write(&file, renamed(&original, "玛纳斯县商务甲局")).unwrap();
    let (version, rendered) = next_version(&agent, &base, version);
    assert_eq!(version, rendered);
    let good = get(&agent, &format!("{base}disclosure.html")).2;
    assert!(String::from_utf8_lossy(&good).contains("玛纳斯县商务甲局"));

    // A broken edit: the page shows the error, located, above the last good render.
    let (bad, year_line) = broken(&renamed(&original, "玛纳斯县商务甲局"));
    std::fs::write(&file, bad).unwrap();
    let (version, still) = next_version(&agent, &base, version);
    assert_eq!(still, rendered, "no new render for a broken file");
    check_error_shown_over_last_render(&agent, &base, year_line, &good);

    // The fix, saved by rename, recovers.
    rename_save(&file, &renamed(&original, "玛纳斯县商务乙局"));
    let (version, rendered) = next_version(&agent, &base, version);
    assert_eq!(version, rendered);
    let page = get_text(&agent, &base);
    assert!(!page.contains("class=\"errors\""), "{page}");
    let html = get_text(&agent, &format!("{base}disclosure.html"));
    assert!(html.contains("玛纳斯县商务乙局"));
    serve.wait_for("已重新生成预览");
}

/// The preview's address as `serve` prints it on stdout, and its port.
fn preview_address(serve: &mut Running) -> (String, u16) {
    let line = serve.wait_for("预览地址：");
    let base = line
        .strip_prefix("out: 预览地址：")
        .expect("the address on stdout")
        .to_string();
    let port: u16 = base
        .strip_prefix("http://127.0.0.1:")
        .and_then(|p| p.strip_suffix('/'))
        .and_then(|p| p.parse().ok())
        .expect(&base);
    (base, port)
}

/// The wrapper page, the disclosure as `generate` makes it, the PDF.
fn check_preview_pages(agent: &ureq::Agent, base: &str, dir: &Path) {
    let (status, content_type, page) = get(agent, base);
    assert_eq!(
        (status, content_type.as_str()),
        (200, "text/html; charset=utf-8")
    );
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<iframe id=\"disclosure\"") && page.contains("/disclosure.pdf"));
    assert!(!page.contains("class=\"errors\""));
    let (status, content_type, html) = get(agent, &format!("{base}disclosure.html"));
    assert_eq!(
        (status, content_type.as_str()),
        (200, "text/html; charset=utf-8")
    );
    assert!(html == generated_html(dir), "the same bytes as generate");
    let (status, content_type, pdf) = get(agent, &format!("{base}disclosure.pdf"));
    assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
    assert!(pdf.starts_with(b"%PDF"));
}

/// Other paths, methods and malformed requests.
fn check_other_requests(agent: &ureq::Agent, base: &str, port: u16) {
    let (status, content_type, _) = get(agent, &format!("{base}nothing-here"));
    assert_eq!(
        (status, content_type.as_str()),
        (404, "text/html; charset=utf-8")
    );
    let posted = agent.post(base).send("x").expect("POST");
    assert_eq!(posted.status().as_u16(), 405);
    assert!(raw(port, b"garbage\r\n\r\n").starts_with("HTTP/1.1 400 "));
    let head = raw(port, b"HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assert!(head.starts_with("HTTP/1.1 200 "), "{head}");
}

/// The page shows the error at `year_line`, located, above the render, which is still the
/// last good one (`good`); the problems endpoint reports it too.
fn check_error_shown_over_last_render(
    agent: &ureq::Agent,
    base: &str,
    year_line: usize,
    good: &[u8],
) {
    let page = get_text(agent, base);
    let location = format!("<code>budget.toml:{year_line}:8</code>");
    let errors_at = page.find("class=\"errors\"").expect(&page);
    assert!(page.contains(&location), "{page}");
    assert!(page.contains("错误：<code>[unit.year]</code>") && page.contains("“abc”"));
    assert!(
        errors_at < page.find("<iframe").unwrap(),
        "errors above the render"
    );
    let kept = get(agent, &format!("{base}disclosure.html")).2;
    assert!(kept == good, "the last good render is still shown");
    assert!(get_text(agent, &format!("{base}__gongkai/problems")).contains(&location));
}

/// A department that sums its units is regenerated when a unit file is saved, keeps its
/// outputs while a unit file is broken (reported in that file), and follows its unit list.
#[test]
fn watch_follows_a_departments_unit_files() {
    let dir = std::env::temp_dir().join(format!("gongkai-watch-dept-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/consolidate");
    for f in ["部门.toml", "本级.toml", "二中.toml"] {
        std::fs::copy(fixtures.join(f), dir.join(f)).unwrap();
    }
    let unit = dir.join("二中.toml");
    let html = dir.join("out/部门.html");
    let original = read_text(&unit);
    let mut watch = Running::start(
        &dir,
        &["watch", "部门.toml", "--out", "out", "--format", "html"],
    );
    watch.wait_for("已生成");
    assert!(read_text(&html).contains("示例县第二中学"));

    // A save of a unit file regenerates the department.
    rename_save(&unit, &original.replace("示例县第二中学", "示例县第三中学"));
    watch.wait_for("已重新生成");
    let good = read_text(&html);
    assert!(good.contains("示例县第三中学") && !good.contains("示例县第二中学"));

    // A broken unit file is reported in that file; the department's page is kept.
    let bad = original.replacen("name = \"示例县第二中学\"", "name = 2", 1);
    std::fs::write(&unit, bad).unwrap();
    let located = watch.wait_for("[unit.name]");
    assert!(located.contains("二中.toml:3:8"), "{located}");
    watch.wait_for("保留上次生成的文件");
    assert_eq!(read_text(&html), good, "the last good page is kept");

    // The fix is picked up.
    std::fs::write(&unit, &original).unwrap();
    watch.wait_for("已重新生成");
    assert!(read_text(&html).contains("示例县第二中学"));
}

/// A started `serve` on a copy of the example, its first rendering done: the process, the
/// base address, the port and the current version.
fn started_serve(name: &str) -> (Running, String, u16, u64) {
    let (dir, _) = scratch(name);
    let mut serve = Running::start(&dir, &["serve", "budget.toml", "--port", "0"]);
    let (base, port) = preview_address(&mut serve);
    let (version, _) = next_version(&client(), &base, 0);
    (serve, base, port, version)
}

/// A connection that has sent `bytes` and is then left open, unread.
fn left_open(port: u16, bytes: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(bytes).unwrap();
    stream
}

/// The status of a page request, and how long it took.
fn timed_page(port: u16) -> (String, Duration) {
    let start = Instant::now();
    let status = raw(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    (status, start.elapsed())
}

#[test]
fn abandoned_live_reloads_do_not_keep_pages_from_being_served() {
    let (_serve, base, port, version) = started_serve("serve-abandoned");
    let poll =
        format!("GET /__gongkai/version?since={version} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    // 100 reloads whose live-reload requests stay open, never read…
    let open: Vec<TcpStream> = (0..100).map(|_| left_open(port, poll.as_bytes())).collect();
    // …and 100 whose connections were closed at once.
    for _ in 0..100 {
        drop(left_open(port, poll.as_bytes()));
    }
    std::thread::sleep(Duration::from_millis(300));
    let (status, took) = timed_page(port);
    assert_eq!(status, "HTTP/1.1 200 OK\r\n");
    assert!(took < Duration::from_secs(2), "the page took {took:?}");
    // A live client still waits for, and gets, the next version.
    let agent = client();
    let (now, _) = next_version(&agent, &base, 0);
    assert_eq!(now, version);
    drop(open);
}

#[test]
fn clients_slow_to_send_their_request_block_no_one() {
    let (_serve, _base, port, _) = started_serve("serve-slow");
    // 100 clients that send half a request head and then nothing.
    let slow: Vec<TcpStream> = (0..100)
        .map(|_| left_open(port, b"GET / HTTP/1.1\r\nHost: 127.0"))
        .collect();
    let (status, took) = timed_page(port);
    assert_eq!(status, "HTTP/1.1 200 OK\r\n");
    assert!(took < Duration::from_secs(2), "the page took {took:?}");
    drop(slow);
}

#[test]
fn a_client_dribbling_its_request_is_cut_off() {
    let (_serve, _base, port, _) = started_serve("serve-dribble");
    // It sends a byte every 300 ms: answered 408 within the head's deadline (5 s), however
    // long it would go on.
    let mut dribbler = TcpStream::connect(("127.0.0.1", port)).unwrap();
    dribbler
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let start = Instant::now();
    let head =
        b"GET / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let mut answer = Vec::new();
    for byte in head.iter().cycle() {
        if dribbler.write_all(&[*byte]).is_err() {
            break;
        }
        let mut buf = [0u8; 256];
        match dribbler.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
        if !answer.is_empty() && answer.ends_with(b"</html>\n")
            || start.elapsed() > Duration::from_secs(15)
        {
            break;
        }
    }
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(8),
        "the dribbler was kept {took:?}"
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"),
        "{answer}"
    );
}
