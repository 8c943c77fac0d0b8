//! `gongkai watch FILE.toml --out DIR`: regenerates the outputs after every save.
//!
//! The outputs are written on start and after every change of the file's content, as one
//! set ([`crate::output::write_set`]), so a viewer never sees half a PDF. An edit with
//! errors prints its diagnostics once and leaves the last good outputs as they were.

use super::args::{File, Formats, Looks, OutDir};
use super::rebuild::{self, say, Rendered, Substitutes};
use crate::diagnostic::shown_path;
use crate::format::Format;
use std::process::ExitCode;

/// The arguments of `gongkai watch`.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub file: File,
    #[command(flatten)]
    pub out: OutDir,
    #[command(flatten)]
    pub formats: Formats,
    #[command(flatten)]
    pub looks: Looks,
}

/// Runs `gongkai watch` until it is interrupted (Ctrl-C); returns only on a start-up
/// error: 2 when the file cannot be read or the templates cannot be loaded.
pub fn run(args: &WatchArgs) -> ExitCode {
    let formats = Format::unique(&args.formats.format);
    let (generator, mut watcher, mut snapshot) = match rebuild::start(
        &formats,
        args.looks.templates.as_deref(),
        &args.looks.font_dir,
        &args.file.file,
    ) {
        Ok(started) => started,
        Err(code) => return code,
    };
    say(&format!(
        "正在监视 {}，输出到 {}；保存即重新生成，按 Ctrl-C 结束",
        shown_path(&args.file.file),
        shown_path(&args.out.out)
    ));
    let mut substitutes = Substitutes::default();
    let mut written = false;
    loop {
        let rendered = rebuild::render(&generator, &args.file.file, &snapshot);
        written |= publish(args, &rendered, written);
        substitutes.tell_new(&generator);
        snapshot = watcher.next_change();
    }
}

/// Prints what a rendering found and, when it is good, writes its outputs; returns
/// whether they were written. `before`: whether a set was written earlier in this run.
fn publish(args: &WatchArgs, rendered: &Rendered, before: bool) -> bool {
    eprint!("{}", rendered.report(&args.file.file));
    let name = shown_path(&args.file.file);
    if !rendered.is_good() {
        let kept = if before {
            "保留上次生成的文件"
        } else {
            "尚未生成任何文件"
        };
        eprintln!(
            "{name}：{} 个错误，{kept}；改好后保存即自动重新生成",
            rendered.errors()
        );
        return false;
    }
    let files = rebuild::output_files(&args.file.file, &args.out.out, rendered);
    if let Err(e) =
        crate::output::write_set(&args.out.out, &crate::output::stem(&args.file.file), &files)
    {
        eprintln!("错误：无法写入 {e}");
        return false;
    }
    let list: Vec<String> = files.iter().map(|(p, _)| shown_path(p)).collect();
    let verb = if before {
        "已重新生成"
    } else {
        "已生成"
    };
    say(&format!(
        "{verb} {}（耗时 {} ms）",
        list.join("、"),
        rendered.millis()
    ));
    true
}
