//! The files gongkai's own PDF writer makes are well-formed by readers it does not share
//! code with: for every document the layout is checked on (examples, valid fixtures, the
//! synthetic stress document), qpdf's `--check` finds no syntax or stream problem and no
//! warning, and poppler reads every page without a message. The Type 0 fonts say what a
//! reader needs: a negative descent, a positive cap height, the subset tag on both names.
//! A TrueType face (LXGW WenKai as the body) goes in as a `CIDFontType2` the same readers
//! accept.

use crate::common::pdf_docs::{fonts, layout_documents};
use crate::common::run::temp_dir;
use lopdf::{Document, Object};
use std::path::Path;
use std::process::Command;

#[test]
fn qpdf_and_poppler_read_every_document_without_a_complaint() {
    let dir = temp_dir("pdf-syntax");
    let mut complaints = Vec::new();
    for (i, (name, doc)) in layout_documents().into_iter().enumerate() {
        let bytes = gongkai::render::pdf::render(&doc, fonts()).expect("render");
        let pdf = dir.join(format!("{i}.pdf"));
        std::fs::write(&pdf, &bytes).expect("write pdf");
        complaints.extend(qpdf_check(&pdf).map(|c| format!("{name}: qpdf: {c}")));
        complaints.extend(poppler_check(&pdf).map(|c| format!("{name}: poppler: {c}")));
        check_fonts(&name, &bytes);
    }
    assert!(complaints.is_empty(), "{}", complaints.join("\n"));
}

/// What `qpdf --check` says beyond its all-clear, if anything.
fn qpdf_check(pdf: &Path) -> Option<String> {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf runs (scripts/test-tools.sh installs it)");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let clean = out.status.success()
        && text.contains("No syntax or stream encoding errors found")
        && !text.to_lowercase().contains("warning");
    (!clean).then_some(text)
}

/// What poppler prints while it reads every page's text and draws every page, if anything.
fn poppler_check(pdf: &Path) -> Option<String> {
    let text = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let draw = Command::new("pdftoppm")
        .args(["-r", "10", "-png"])
        .arg(pdf)
        .arg(pdf.with_extension(""))
        .output()
        .expect("pdftoppm runs");
    let said =
        String::from_utf8_lossy(&text.stderr).to_string() + &String::from_utf8_lossy(&draw.stderr);
    let clean = text.status.success() && draw.status.success() && said.trim().is_empty();
    (!clean).then_some(said)
}

/// Every Type 0 font's descendant and descriptor carry the same tagged name and sane
/// metrics.
fn check_fonts(name: &str, bytes: &[u8]) {
    let pdf = Document::load_mem(bytes).expect("the PDF loads");
    let mut seen = 0;
    for page in pdf.get_pages().into_values() {
        for (_, font) in pdf.get_page_fonts(page).expect("fonts") {
            seen += 1;
            let base = font
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .expect("BaseFont");
            assert_eq!(base.get(6), Some(&b'+'), "{name}: subset tag");
            let descendants = font
                .get(b"DescendantFonts")
                .and_then(Object::as_array)
                .expect("descendants");
            let cid = descendants[0].as_dict().expect("inline CID font");
            assert_eq!(
                cid.get(b"BaseFont").and_then(Object::as_name).ok(),
                Some(base)
            );
            let descriptor = cid
                .get(b"FontDescriptor")
                .and_then(Object::as_reference)
                .and_then(|r| pdf.get_dictionary(r))
                .expect("descriptor");
            let int = |key: &[u8]| {
                descriptor
                    .get(key)
                    .and_then(Object::as_i64)
                    .expect("metric")
            };
            assert_eq!(
                descriptor.get(b"FontName").and_then(Object::as_name).ok(),
                Some(base)
            );
            assert!(int(b"Descent") < 0, "{name}: descent {}", int(b"Descent"));
            assert!(
                int(b"CapHeight") > 0 && int(b"Ascent") > 0,
                "{name}: heights"
            );
        }
    }
    assert!(seen > 0, "{name}: no fonts");
}

/// A TrueType (`glyf`) face — LXGW WenKai, which scripts/setup.sh installs, as the body
/// face — is embedded as a `CIDFontType2` with its sfnt subset in `/FontFile2` and identity
/// glyph mapping; qpdf finds nothing wrong, and poppler extracts the body as written.
#[test]
fn a_truetype_face_is_embedded_as_a_cid_font_type_2() {
    let wenkai = Path::new("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf");
    assert!(wenkai.exists(), "LXGW WenKai installed (scripts/setup.sh)");
    let options = gongkai::fonts::FontOptions {
        body: Some(wenkai.to_path_buf()),
        ..Default::default()
    };
    let fonts = gongkai::fonts::load_fonts(&options).expect("fonts");
    let doc = crate::common::pdf_docs::example_document("qitai-commerce-2024");
    let bytes = gongkai::render::pdf::render(&doc, &fonts).expect("render");
    let dir = temp_dir("pdf-truetype");
    let pdf = dir.join("wenkai.pdf");
    std::fs::write(&pdf, &bytes).expect("write pdf");
    assert_eq!(qpdf_check(&pdf), None);
    let parsed = Document::load_mem(&bytes).expect("the PDF loads");
    assert!(truetype_fonts(&parsed) >= 1, "no CIDFontType2 in the file");
    check_truetype_programs(&parsed);
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', "");
    assert!(text.contains("奇台县商务和工业信息化局"), "extracted text");
}

/// The number of `CIDFontType2` descendants, each checked to map CIDs to glyphs by identity.
fn truetype_fonts(parsed: &Document) -> usize {
    let descendants = parsed.objects.values().filter_map(|o| {
        let font = o.as_dict().ok()?;
        let list = font
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .ok()?;
        list.first()?.as_dict().ok()
    });
    let mut truetype = 0;
    for cid in descendants {
        if cid.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"CIDFontType2") {
            continue;
        }
        truetype += 1;
        let map = cid.get(b"CIDToGIDMap").and_then(Object::as_name).ok();
        assert_eq!(map, Some(&b"Identity"[..]));
    }
    truetype
}

/// Every `/FontFile2` program inflates to its `/Length1` bytes and parses as a font.
fn check_truetype_programs(parsed: &Document) {
    for object in parsed.objects.values() {
        let Ok(descriptor) = object.as_dict() else {
            continue;
        };
        let Ok(program) = descriptor.get(b"FontFile2").and_then(Object::as_reference) else {
            continue;
        };
        let stream = parsed
            .get_object(program)
            .and_then(Object::as_stream)
            .expect("program");
        let sfnt = stream.decompressed_content().expect("program inflates");
        let length1 = stream.dict.get(b"Length1").and_then(Object::as_i64);
        assert_eq!(length1.ok(), Some(sfnt.len() as i64));
        let face = ttf_parser::Face::parse(&sfnt, 0).expect("the subset parses as a font");
        assert!(
            face.number_of_glyphs() > 100,
            "{} glyphs",
            face.number_of_glyphs()
        );
    }
}
