//! The fonts as a user meets them: a character the body's 仿宋 (FandolFang) lacks is drawn
//! in Noto Serif and extracts as itself, and `generate` says once per run which roles
//! are drawn in a substitute face.

use crate::common;

use common::{example_document, example_path};
use gongkai::document::Block;
use gongkai::fonts::{load_fonts, FontOptions};
use gongkai::render::pdf::{lay_out_pages, render, Item};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gongkai-fonts-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// ㎡ and 丟 are outside FandolFang's GB2312 set; the rest of the sentence is not.
const SENTENCE: &str = "房屋面积1,418.73㎡，无丟失。";

#[test]
fn a_character_fandol_fang_lacks_is_drawn_in_noto_serif_and_extracts() {
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    let mut doc = example_document("qitai-commerce-2024");
    let paragraph = doc
        .parts
        .iter_mut()
        .flat_map(|p| p.sections.iter_mut())
        .flat_map(|s| s.blocks.iter_mut())
        .find_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text),
            _ => None,
        })
        .expect("a paragraph");
    paragraph.push_str(SENTENCE);
    let pages = lay_out_pages(&doc, &fonts).expect("layout");
    let drawn: Vec<(char, &str)> = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Text { face, glyphs, .. } => Some((face, glyphs)),
            _ => None,
        })
        .flat_map(|(face, glyphs)| {
            let name = fonts.faces()[usize::from(*face)].name.as_str();
            glyphs.iter().map(move |g| (g.ch, name))
        })
        .collect();
    let wanted: Vec<char> = SENTENCE.chars().collect();
    let at = drawn
        .windows(wanted.len())
        .position(|w| w.iter().map(|d| d.0).eq(wanted.iter().copied()))
        .expect("the sentence is drawn in order");
    for &(ch, face) in &drawn[at..at + wanted.len()] {
        let expected = if matches!(ch, '㎡' | '丟') {
            "NotoSerifCJKsc-Regular"
        } else {
            "FandolFang-Regular"
        };
        assert_eq!(
            face, expected,
            "{ch} (scripts/setup.sh installs FandolFang)"
        );
    }

    let path = temp_dir("glyphs").join("qitai.pdf");
    std::fs::write(&path, render(&doc, &fonts).expect("render")).expect("write pdf");
    let text = Command::new("pdftotext")
        .args([path.to_str().unwrap_or_default(), "-"])
        .output()
        .expect("pdftotext");
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains(SENTENCE), "{SENTENCE} not extracted");
}

fn generate(files: &[PathBuf], out: &Path, format: &str, font_dir: Option<&Path>) -> Output {
    let home = out.join("home");
    std::fs::create_dir_all(&home).expect("home");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gongkai"));
    cmd.arg("generate")
        .args(files)
        .args(["--format", format, "--out"])
        .arg(out)
        .env("HOME", &home);
    if let Some(dir) = font_dir {
        cmd.arg("--font-dir").arg(dir);
    }
    cmd.output().expect("run gongkai")
}

fn notices(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("提示："))
        .map(str::to_string)
        .collect()
}

/// Installed font files named `name` (lower case), searched where Debian puts them.
fn installed(name: &str) -> PathBuf {
    fn walk(dir: &Path, name: &str) -> Option<PathBuf> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        entries.into_iter().find_map(|p| {
            if p.is_dir() {
                walk(&p, name)
            } else {
                let lower = p.file_name()?.to_string_lossy().to_lowercase();
                (lower == name).then_some(p)
            }
        })
    }
    ["/usr/share/fonts", "/usr/local/share/fonts"]
        .iter()
        .find_map(|d| walk(Path::new(d), name))
        .unwrap_or_else(|| panic!("{name} not installed (scripts/setup.sh)"))
}

/// No 方正小标宋 is installed by scripts/setup.sh (it is not free), so the title is drawn
/// in Noto Serif CJK Bold: a batch of two budgets says so once, not once per budget; a
/// font directory holding a 小标宋 (here a stand-in under its file name) silences it, and
/// so does a run that makes no PDF.
#[test]
fn a_batch_says_once_which_roles_are_drawn_in_a_substitute_face() {
    let files = [
        example_path("qitai-commerce-2024"),
        example_path("manas-commerce-2024"),
    ];
    let out_dir = temp_dir("notice");
    let out = generate(&files, &out_dir, "pdf", None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = notices(&out);
    let title: Vec<&String> = said
        .iter()
        .filter(|l| l.contains("标题（小标宋）"))
        .collect();
    assert_eq!(title.len(), 1, "{said:?}");
    assert!(title[0].contains("NotoSerifCJKsc-Bold") && title[0].contains("FZXBSJW.TTF"));
    let mut distinct = said.clone();
    distinct.dedup();
    assert_eq!(distinct, said, "a notice repeated");
    assert!(said.iter().all(|l| !l.contains("正文（仿宋）")), "{said:?}");

    let fonts = out_dir.join("fonts");
    std::fs::create_dir_all(&fonts).expect("font dir");
    std::os::unix::fs::symlink(
        installed("notoserifcjk-bold.ttc"),
        fonts.join("FZXBSJW.TTF"),
    )
    .expect("symlink");
    let with_xbs = generate(&files, &out_dir.join("xbs"), "pdf", Some(&fonts));
    assert_eq!(with_xbs.status.code(), Some(0));
    assert!(
        notices(&with_xbs).iter().all(|l| !l.contains("标题")),
        "{:?}",
        notices(&with_xbs)
    );
    let html = generate(&files, &out_dir.join("html"), "html", None);
    assert_eq!(html.status.code(), Some(0));
    assert_eq!(notices(&html), Vec::<String>::new());
}
