//! `gongkai serve FILE.toml`: a local preview of the HTML disclosure that follows the file.
//!
//! The server listens on 127.0.0.1 only. `/` is a wrapper page: the problems of the latest
//! rendering (located, above), and the last good disclosure in a frame (`/disclosure.html`,
//! the same bytes `gongkai generate` writes, with its own strict policy); its script waits
//! on `/__gongkai/version` and reloads the frame and the problems after each rendering.
//! `/disclosure.pdf` is the PDF of the same render.

mod connection;
mod http;
mod pages;
mod site;

use super::args::{File, Looks};
use super::rebuild::{self, say, start_error, Substitutes};
use crate::format::Format;
use site::Site;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;

/// The port used unless `--port` says otherwise (as mdBook's).
pub const DEFAULT_PORT: u16 = 3000;

const PORT_HINT: &str = "用 --port 换一个端口，--port 0 自动选择空闲端口";

/// The arguments of `gongkai serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub file: File,
    /// 端口（默认 3000；0 表示自动选择空闲端口）。只在本机地址 127.0.0.1 上监听。
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// 启动后用默认浏览器打开预览页。
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub looks: Looks,
}

/// Runs `gongkai serve` until it is interrupted (Ctrl-C); returns only on a start-up
/// error (exit 2): unreadable file, templates that do not load, a port that is taken.
pub fn run(args: &ServeArgs) -> ExitCode {
    let formats = [Format::Html, Format::Pdf];
    let (generator, mut watcher, mut snapshot) = match rebuild::start(
        &formats,
        args.looks.templates.as_deref(),
        &args.looks.font_dir,
        &args.file.file,
    ) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let listener = match TcpListener::bind(address) {
        Ok(l) => l,
        Err(e) => return start_error(format!("无法在 {address} 上监听（{e}）；{PORT_HINT}")),
    };
    let port = listener.local_addr().map_or(args.port, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    say(&format!("预览地址：{url}"));
    say(&format!(
        "正在监视 {}；保存即重新生成，按 Ctrl-C 结束",
        crate::diagnostic::shown_path(&args.file.file)
    ));
    let site = Arc::new(Site::new(args.file.file.clone()));
    let server = Arc::clone(&site);
    if let Err(e) = std::thread::Builder::new()
        .name("gongkai-accept".into())
        .spawn(move || server.serve(listener))
    {
        return start_error(format!("无法启动预览服务：{e}"));
    }
    if args.open {
        open_browser(&url);
    }
    let mut substitutes = Substitutes::default();
    let mut good_before = false;
    loop {
        let rendered = rebuild::render(&generator, &args.file.file, &snapshot);
        eprint!("{}", rendered.report(&args.file.file));
        site.update(&rendered);
        if rendered.is_good() {
            let verb = if good_before {
                "已重新生成"
            } else {
                "已生成"
            };
            say(&format!("{verb}预览（耗时 {} ms）", rendered.millis()));
            good_before = true;
        } else {
            eprintln!(
                "{}：{} 个错误，预览页列出错误并保留上次成功生成的版本；改好后保存即自动刷新",
                crate::diagnostic::shown_path(&args.file.file),
                rendered.errors()
            );
        }
        substitutes.tell_new(&generator);
        snapshot = watcher.next_change();
    }
}

/// Opens `url` in the default browser; a failure is told, not fatal.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = Command::new(program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let cannot = |why: String| eprintln!("提示：无法打开浏览器（{why}），请手动打开 {url}");
    match spawned {
        Err(e) => cannot(format!("{program}：{e}")),
        Ok(mut child) => {
            let url = url.to_string();
            let program = program.to_string();
            let _ = std::thread::Builder::new()
                .name("gongkai-open".into())
                .spawn(move || match child.wait() {
                    Ok(status) if status.success() => {}
                    Ok(status) => eprintln!(
                        "提示：无法打开浏览器（{program} 退出：{status}），请手动打开 {url}"
                    ),
                    Err(e) => eprintln!("提示：无法打开浏览器（{program}：{e}），请手动打开 {url}"),
                });
        }
    }
}
