//! Benchmark: for each example, through the same [`Generator`] path as `gongkai generate`:
//! - cold: TOML → PDF + HTML in a fresh process (templates, font discovery and loading,
//!   the first glyph cut-outs included);
//! - batch: wall time per document for a batch of 100 generated as `gongkai generate` does
//!   with many files (in parallel on the worker pool, fonts and templates loaded once);
//! - serial: wall time per document when the 100 are generated one after another (what
//!   regenerating after each edit costs);
//! - CPU: processor time per document in the batch (all threads);
//! - PDF size, pages, peak memory after the cold document (what one `gongkai generate`
//!   of it holds at most) and peak memory of the whole run.
//!
//! Every batch output is compared with the cold one byte for byte.
//!
//! Usage: `cargo run --release --bin bench [FILE.toml …]` (default: the three examples).
//! Each file is measured in a child process of its own, so peak memory is per example.

use gongkai::format::Format;
use gongkai::pipeline::base_dir;
use gongkai::pipeline::{Generated, Generator};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// mimalloc, as in the `gongkai` binary, so the figures are the command's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        "{:<24} {:>8} {:>13} {:>14} {:>12} {:>7} {:>8} {:>6} {:>8} {:>8}",
        "document",
        "cold ms",
        "batch ms/doc",
        "serial ms/doc",
        "CPU ms/doc",
        "PDF KB",
        "HTML KB",
        "pages",
        "peak MB",
        "one MB"
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

/// One generation of `src`: the PDF and HTML bytes, or what went wrong.
fn run(generator: &Generator, src: &str, path: &Path) -> Result<Vec<Vec<u8>>, String> {
    match generator.generate(src, &base_dir(path))? {
        Generated {
            errors: 0, outputs, ..
        } => Ok(outputs.into_iter().map(|(_, bytes)| bytes).collect()),
        Generated { errors, .. } => Err(format!("{}: {errors} errors", path.display())),
    }
}

fn measure_one(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cold_start = Instant::now();
    let generator = Generator::new(&[Format::Pdf, Format::Html], None, &[])?;
    let cold_out = run(&generator, &src, path)?;
    let cold = cold_start.elapsed();
    let one_peak = peak_mb();
    let same = |out: Vec<Vec<u8>>| {
        if out == cold_out {
            Ok(())
        } else {
            Err("a batch render differs from the cold one".to_string())
        }
    };
    let cpu_start = cpu_time();
    let batch_start = Instant::now();
    (0..BATCH)
        .into_par_iter()
        .try_for_each(|_| same(run(&generator, &src, path)?))?;
    let batch = batch_start.elapsed() / BATCH;
    let cpu = (cpu_time() - cpu_start) / f64::from(BATCH);
    let serial_start = Instant::now();
    for _ in 0..BATCH {
        same(run(&generator, &src, path)?)?;
    }
    let serial = serial_start.elapsed() / BATCH;
    let pdf = cold_out.first().map_or(0, Vec::len);
    let html = cold_out.get(1).map_or(0, Vec::len);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    println!(
        "{:<24} {:>8.1} {:>13.1} {:>14.1} {:>12.1} {:>7.1} {:>8.1} {:>6} {:>8.1} {:>8.1}",
        name,
        cold.as_secs_f64() * 1000.0,
        batch.as_secs_f64() * 1000.0,
        serial.as_secs_f64() * 1000.0,
        cpu * 1000.0,
        pdf as f64 / 1024.0,
        html as f64 / 1024.0,
        pages(&cold_out[0]),
        peak_mb(),
        one_peak
    );
    Ok(())
}

/// The page count of a PDF, from its page tree's `/Count`.
fn pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .unwrap_or(0)
}

/// Processor time of this process so far (user + system, all threads), in seconds;
/// 0 where `/proc` is not available.
fn cpu_time() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
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
