//! Page references read back from the PDF as a reader meets them: for every example, every
//! valid fixture and a few hundred random budgets, each 目录 entry's printed page number,
//! each 目录 link and each bookmark names a page on which the heading stands. The PDFs are
//! read by `pdf_page_refs.py` (pdfplumber for the 目录's layout, the links and the
//! /Outlines; poppler for the pages' text), in one process for all files.

use crate::common::run::temp_dir;
use crate::common::{example_path, python, valid_fixtures, EXAMPLES};
use gongkai::fonts::{load_fonts, FontOptions, FontSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Random budgets rendered besides the examples and fixtures.
const RANDOM_BUDGETS: u64 = 200;

/// The checker, run with `python3 -c`.
const SCRIPT: &str = include_str!("pdf_page_refs.py");

/// Text the random budgets' sentences are cut from.
const POOL: &str =
    "负责全县统计工作组织实施各类统计调查收集整理和提供统计资料开展统计分析发布统计信息\
和统计公报承担国民经济核算工作指导专业统计基础建设管理统计调查项目监督检查统计法律法规的实施\
推进统计信息化建设完善统计数据质量控制体系提高统计服务水平";

/// A small deterministic generator (64-bit LCG), so a failure names a reproducible seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    /// A sentence of 8–140 characters with commas, figures and a full stop.
    fn sentence(&mut self) -> String {
        let pool: Vec<char> = POOL.chars().collect();
        let len = 8 + self.below(133);
        let mut s = String::new();
        for i in 0..len {
            s.push(pool[self.below(pool.len())]);
            // A comma inside the sentence, never before its full stop (「，。」 is refused).
            if i % 17 == 16 && i + 1 < len {
                s.push('，');
            }
            if self.below(40) == 0 {
                s.push_str(&format!("{}.{:02}万元", self.below(5000), self.below(100)));
            }
        }
        s.push('。');
        s
    }
}

/// A valid budget built from `tests/fixtures/minimal.toml` with random functions and
/// random projects (texts, amounts, indicator tables), so that headings fall at random
/// places on the pages.
fn random_budget(seed: u64) -> String {
    let mut rng = Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
    )
    .expect("minimal.toml");
    let functions: Vec<String> = (0..1 + rng.below(12))
        .map(|_| format!("\"{}\"", rng.sentence()))
        .collect();
    let mut src = base.replacen(
        "functions = [\"负责全县统计工作。\"]",
        &format!("functions = [{}]", functions.join(", ")),
        1,
    );
    for k in 0..rng.below(9) {
        let amount = format!("{}.{:02}", 1 + rng.below(900), rng.below(100));
        src.push_str(&format!(
            "\n[[projects]]\nname = \"调查项目{k}\"\ncode = \"2010507\"\nsource = \"一般公共预算\"\n\
             economic = {{ \"302\" = \"{amount}\" }}\nbasis = \"{}\"\nallocation = \"{}\"\n\
             period = \"2025年1月-2025年12月\"\n\n[[performance.projects]]\nproject = \"调查项目{k}\"\n\
             goal = \"{}\"\n",
            rng.sentence(),
            rng.sentence(),
            rng.sentence()
        ));
        let count = 1 + rng.below(14);
        for i in 0..count {
            // The weights add up to 90: the first takes what the others' 5 leave.
            let weight = if i == 0 { 90 - 5 * (count - 1) } else { 5 };
            src.push_str(&format!(
                "\n[[performance.projects.indicators]]\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\n\
                 level3 = \"指标{i}\"\nvalue = \"=100%\"\nweight = {weight}\n"
            ));
        }
    }
    src
}

/// Renders `path` into `dir`; `None` when the file does not build (a fixture of a
/// department's member, say).
fn render(path: &Path, dir: &Path, name: &str, fonts: &FontSet) -> Option<PathBuf> {
    let (doc, _) = gongkai::pipeline::document_from_file(path).ok()?;
    let bytes = gongkai::render::pdf::render(&doc, fonts).expect("render");
    let out = dir.join(format!("{name}.pdf"));
    std::fs::write(&out, bytes).expect("write pdf");
    Some(out)
}

/// The PDFs of the examples, the fixtures and the random budgets, rendered on two threads.
fn rendered(dir: &Path) -> Vec<PathBuf> {
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    let mut inputs: Vec<(String, PathBuf)> = EXAMPLES
        .iter()
        .map(|n| (n.to_string(), example_path(n)))
        .collect();
    for (i, path) in valid_fixtures().into_iter().enumerate() {
        inputs.push((format!("fixture{i}"), path));
    }
    for seed in 0..RANDOM_BUDGETS {
        let path = dir.join(format!("random{seed}.toml"));
        std::fs::write(&path, random_budget(seed)).expect("write budget");
        inputs.push((format!("random{seed}"), path));
    }
    let halves: Vec<Vec<PathBuf>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|t| {
                let (inputs, fonts) = (&inputs, &fonts);
                scope.spawn(move || {
                    inputs
                        .iter()
                        .skip(t)
                        .step_by(2)
                        .filter_map(|(name, path)| render(path, dir, name, fonts))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("render thread"))
            .collect()
    });
    halves.concat()
}

#[test]
fn every_page_reference_names_the_page_its_heading_is_on() {
    let dir = temp_dir("page-refs");
    let pdfs = rendered(&dir);
    let randoms = pdfs
        .iter()
        .filter(|p| p.to_string_lossy().contains("random"))
        .count();
    assert_eq!(randoms as u64, RANDOM_BUDGETS, "every random budget builds");
    let out = Command::new(python::python())
        .arg("-c")
        .arg(SCRIPT)
        .args(&pdfs)
        .output()
        .expect("python runs (scripts/test-tools.sh installs pdfplumber in .venv)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "checker failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let checked: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("CHECKED"))
        .collect();
    assert_eq!(checked.len(), pdfs.len(), "{stdout}");
    let entries: usize = checked
        .iter()
        .filter_map(|l| l.split(' ').nth(2)?.parse::<usize>().ok())
        .sum();
    assert!(
        entries > 20 * pdfs.len(),
        "only {entries} 目录 entries read"
    );
    let wrong: Vec<&str> = stdout.lines().filter(|l| l.starts_with("WRONG")).collect();
    assert!(
        wrong.is_empty(),
        "{} page references name a page without their heading:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
