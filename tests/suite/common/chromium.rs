//! Driving the system's headless Chromium from the browser tests (`html_browser.rs`,
//! `html_axe.rs`): finding it, running it with a fresh profile and a time limit, and
//! showing a page in an iframe of an exact width.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long one Chromium run may take.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(120);

/// The browser to drive, or `None` when the run opted out of browser tests
/// (`GONGKAI_SKIP_BROWSER=1`); panics when it is missing otherwise.
pub fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(
        std::env::var("GONGKAI_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    );
    if path.is_file() {
        return Some(path);
    }
    if std::env::var("GONGKAI_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("GONGKAI_SKIP_BROWSER=1: browser test skipped");
        return None;
    }
    panic!("chromium not found at {} (install Debian's chromium, set GONGKAI_CHROMIUM, or set GONGKAI_SKIP_BROWSER=1 to skip)", path.display());
}

/// A scratch directory of the test target, `<target>/tmp/<name>`.
pub fn work_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).expect("work dir");
    dir
}

/// Runs headless Chromium with the flags CI uses and a fresh profile in `dir`; returns
/// its standard output.
pub fn run_chromium(browser: &Path, dir: &Path, args: &[String]) -> String {
    static PROFILE: AtomicUsize = AtomicUsize::new(0);
    let profile = dir.join(format!(
        "profile-{}-{}",
        std::process::id(),
        PROFILE.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&profile);
    let out_file = profile.with_extension("out");
    let stdout = std::fs::File::create(&out_file).expect("stdout file");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {args:?} did not finish in {CHROMIUM_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = std::fs::remove_dir_all(&profile);
    let output = std::fs::read_to_string(&out_file).unwrap_or_default();
    let _ = std::fs::remove_file(&out_file);
    assert!(status.success(), "chromium {args:?} failed: {status}");
    output
}

/// `file://` URL of a file.
pub fn file_url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("absolute path").display()
    )
}

/// A page's HTML as the `srcdoc` attribute value of an iframe.
pub fn srcdoc(page: &str) -> String {
    page.replace('&', "&amp;").replace('"', "&quot;")
}

/// The text of `<pre id="{id}">…</pre>` in a dumped DOM, unescaped.
pub fn pre_text(dom: &str, id: &str) -> Option<String> {
    let open = format!("<pre id=\"{id}\">");
    let start = dom.find(&open)? + open.len();
    let end = dom[start..].find("</pre>")? + start;
    Some(
        dom[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&"),
    )
}
