//! What the bytes of the examples' PDFs hold: each embedded font program exactly the
//! glyphs the pages draw with it (and `.notdef`), every stream compressed (lopdf, reading
//! the file back, hands object streams back inflated), and the
//! dictionaries in compressed object streams, none in the clear.

use crate::common::pdf_docs::{example_document, EXAMPLES};
use gongkai::fonts::{load_fonts, FontOptions};
use gongkai::render::pdf::render;
use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn each_font_program_holds_exactly_the_glyphs_drawn_and_everything_is_compressed() {
    let fonts = load_fonts(&FontOptions::default()).expect("CJK fonts installed");
    for name in EXAMPLES {
        let bytes = render(&example_document(name), &fonts).expect("render");
        let pdf = Document::load_mem(&bytes).expect("the PDF loads");
        let drawn = glyphs_drawn(&pdf);
        assert!(drawn.len() >= 4, "{name}: {} font programs", drawn.len());
        for (program, codes) in &drawn {
            let stream = pdf
                .get_object(*program)
                .and_then(Object::as_stream)
                .expect("font program");
            let cff = stream.decompressed_content().expect("program inflates");
            assert_eq!(
                cff_glyphs(&cff),
                Some(codes.len() + 1),
                "{name}: program {program:?} holds the {} glyphs drawn and .notdef",
                codes.len()
            );
            assert_eq!(codes.iter().max().copied(), Some(codes.len() as u16));
            assert!(
                cff.len() > 40 * codes.len(),
                "{name}: program {program:?} has outlines, not a stand-in: {} bytes",
                cff.len()
            );
        }
        let streams: Vec<&lopdf::Stream> = pdf
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .collect();
        for s in &streams {
            let kind = s.dict.get(b"Type").and_then(Object::as_name).ok();
            let structure = matches!(kind, Some(b"XRef" | b"ObjStm"));
            assert!(
                structure || s.dict.has(b"Filter"),
                "{name}: an uncompressed stream {:?}",
                s.dict
            );
        }
        let clear = |word: &[u8]| bytes.windows(word.len()).any(|w| w == word);
        assert!(clear(b"/ObjStm"), "{name}: no object stream");
        assert!(
            !clear(b"/MediaBox") && !clear(b"/FontName"),
            "{name}: page or font dictionaries in the clear"
        );
    }
}

/// The glyph codes shown with each embedded font program (spread faces share theirs).
fn glyphs_drawn(pdf: &Document) -> BTreeMap<ObjectId, BTreeSet<u16>> {
    let mut drawn: BTreeMap<ObjectId, BTreeSet<u16>> = BTreeMap::new();
    for page in pdf.get_pages().into_values() {
        let fonts = pdf.get_page_fonts(page).expect("page fonts");
        let content = pdf.get_page_content(page);
        let ops = Content::decode(&content)
            .expect("content decodes")
            .operations;
        let mut program = None;
        for op in ops {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().expect("font name");
                    program = fonts.get(name).map(|f| font_program(pdf, f));
                }
                "Tj" | "TJ" => {
                    let set = drawn.entry(program.expect("a font set")).or_default();
                    for s in strings(&op.operands) {
                        set.extend(s.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])));
                    }
                }
                _ => {}
            }
        }
    }
    drawn
}

fn strings(operands: &[Object]) -> Vec<&[u8]> {
    operands
        .iter()
        .flat_map(|o| match o {
            Object::String(s, _) => vec![s.as_slice()],
            Object::Array(items) => strings(items),
            _ => Vec::new(),
        })
        .collect()
}

/// The `FontFile3` stream of a Type 0 font.
fn font_program(pdf: &Document, font: &lopdf::Dictionary) -> ObjectId {
    fn deref<'a>(pdf: &'a Document, o: &'a Object) -> &'a Object {
        match o {
            Object::Reference(id) => pdf.get_object(*id).expect("object"),
            other => other,
        }
    }
    let deref = |o| deref(pdf, o);
    let descendants = deref(font.get(b"DescendantFonts").expect("descendants"));
    let cid_font = deref(&descendants.as_array().expect("array")[0])
        .as_dict()
        .expect("CID font");
    let descriptor = deref(cid_font.get(b"FontDescriptor").expect("descriptor"))
        .as_dict()
        .expect("descriptor dict");
    descriptor
        .get(b"FontFile3")
        .and_then(Object::as_reference)
        .expect("a CFF program")
}

/// The number of glyphs of a CFF program: the count of its CharStrings INDEX.
fn cff_glyphs(cff: &[u8]) -> Option<usize> {
    let index_end = |at: usize| -> Option<(usize, Vec<usize>)> {
        let count = usize::from(u16::from_be_bytes([*cff.get(at)?, *cff.get(at + 1)?]));
        if count == 0 {
            return Some((at + 2, Vec::new()));
        }
        let size = usize::from(*cff.get(at + 2)?);
        let offset = |i: usize| {
            cff.get(at + 3 + i * size..at + 3 + (i + 1) * size)
                .map(|b| b.iter().fold(0usize, |v, &x| (v << 8) | usize::from(x)))
        };
        let offsets: Vec<usize> = (0..=count).map(offset).collect::<Option<_>>()?;
        let base = at + 3 + (count + 1) * size - 1;
        Some((
            base + offsets[count],
            offsets.iter().map(|o| base + o).collect(),
        ))
    };
    let (names_end, _) = index_end(usize::from(*cff.get(2)?))?;
    let (_, tops) = index_end(names_end)?;
    let top = cff.get(tops[0]..tops[1])?;
    let charstrings_at = dict_operand(top, 17)?;
    Some(usize::from(u16::from_be_bytes([
        *cff.get(charstrings_at)?,
        *cff.get(charstrings_at + 1)?,
    ])))
}

/// The last integer operand before operator `op` in a CFF DICT.
fn dict_operand(dict: &[u8], op: u8) -> Option<usize> {
    let (mut i, mut last) = (0, None);
    while i < dict.len() {
        let b = dict[i];
        match b {
            12 => i += 2,
            0..=21 if b == op => return last,
            0..=21 => i += 1,
            28 => {
                last = Some(usize::from(u16::from_be_bytes([dict[i + 1], dict[i + 2]])));
                i += 3;
            }
            29 => {
                let v = u32::from_be_bytes([dict[i + 1], dict[i + 2], dict[i + 3], dict[i + 4]]);
                last = usize::try_from(v).ok();
                i += 5;
            }
            30 => {
                i += 1;
                while i < dict.len() && dict[i] & 0xF != 0xF && dict[i] >> 4 != 0xF {
                    i += 1;
                }
                i += 1;
            }
            32..=246 => {
                last = usize::try_from(i64::from(b) - 139).ok();
                i += 1;
            }
            247..=250 => {
                last = Some((usize::from(b) - 247) * 256 + usize::from(dict[i + 1]) + 108);
                i += 2;
            }
            _ => i += 2,
        }
    }
    None
}
