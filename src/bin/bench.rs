//! Benchmark: for each example, the cold time to produce PDF + HTML from the TOML in one
//! process (parsing, derivation, font discovery and loading included), the time per document
//! in a batch of 100 (fonts and templates loaded once), the PDF size and peak memory.
//!
//! Usage: `cargo run --release --bin bench [FILE.toml …]` (default: the three examples).
//! Each file is measured in a child process of its own, so peak memory is per example.

use gongkai::document::Document;
use gongkai::pipeline::{base_dir, check_source, document};
use gongkai::render::html::HtmlRenderer;
use gongkai::render::pdf::{load_fonts, render, FontOptions};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const BATCH: u32 = 100;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        return match args.get(1).map(|p| measure_one(Path::new(p))) {
            Some(Ok(())) => ExitCode::SUCCESS,
            Some(Err(e)) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
            None => ExitCode::FAILURE,
        };
    }
    let files: Vec<PathBuf> = if args.is_empty() {
        [
            "qitai-commerce-2024",
            "changji-industry-2024",
            "manas-commerce-2024",
        ]
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(format!("{n}.toml"))
        })
        .collect()
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    let Ok(exe) = std::env::current_exe() else {
        return ExitCode::FAILURE;
    };
    println!(
        "{:<24} {:>13} {:>14} {:>8} {:>8} {:>6} {:>8}",
        "document", "cold ms", "batch ms/doc", "PDF KB", "HTML KB", "pages", "peak MB"
    );
    let mut ok = true;
    for f in files {
        ok &= matches!(Command::new(&exe).arg("--one").arg(&f).status(), Ok(s) if s.success());
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// TOML text → document, through the checks; errors as text.
fn build(src: &str, path: &Path) -> Result<Document, String> {
    let checked = check_source(src, &base_dir(path));
    match (checked.errors(), checked.budget) {
        (0, Some(b)) => Ok(document(&b)),
        (n, _) => Err(format!("{}: {n} errors", path.display())),
    }
}

fn measure_one(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cold_start = Instant::now();
    let doc = build(&src, path)?;
    let fonts = load_fonts(&FontOptions::default()).map_err(|e| e.to_string())?;
    let html_renderer = HtmlRenderer::new(None).map_err(|e| e.to_string())?;
    let pdf = render(&doc, &fonts).map_err(|e| e.to_string())?;
    let html = html_renderer.render(&doc).map_err(|e| e.to_string())?;
    let cold = cold_start.elapsed();
    let batch_start = Instant::now();
    for _ in 0..BATCH {
        let doc = build(&src, path)?;
        let again = render(&doc, &fonts).map_err(|e| e.to_string())?;
        let again_html = html_renderer.render(&doc).map_err(|e| e.to_string())?;
        if again != pdf || again_html != html {
            return Err("a batch render differs from the cold one".into());
        }
    }
    let per_doc = batch_start.elapsed() / BATCH;
    let pages = gongkai::render::pdf::lay_out_pages(&doc, &fonts)
        .map_err(|e| e.to_string())?
        .len();
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    println!(
        "{:<24} {:>13.1} {:>14.1} {:>8.1} {:>8.1} {:>6} {:>8.1}",
        name,
        cold.as_secs_f64() * 1000.0,
        per_doc.as_secs_f64() * 1000.0,
        pdf.len() as f64 / 1024.0,
        html.len() as f64 / 1024.0,
        pages,
        peak_mb()
    );
    Ok(())
}

/// Peak resident set size of this process (Linux `VmHWM`), in MB; 0 elsewhere.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}
