//! `gongkai generate --format xlsx`: the workbook read back (calamine) equals the JSON
//! document model cell for cell, with its merged ranges, number formats, bold rows and
//! print setup; the same TOML gives the same bytes.

use crate::common;
use crate::common::run;
use crate::xlsx_support;
use run::temp_dir;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::{example_path, EXAMPLES};
use gongkai::document::{Cell, Document, Orientation, RowRole};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use xlsx_support::{check_cell, placed, sheet_xml, workbook_xml, Seen};

/// Runs `generate --format xlsx,json` on `file` into `dir`; returns the document and the
/// workbook's path.
fn generate(file: &Path, dir: &Path) -> (Document, PathBuf) {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["generate", file.to_str().unwrap(), "--format", "xlsx,json"])
        .args(["--out", dir.to_str().unwrap()])
        .output()
        .expect("run gongkai");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    let json = std::fs::read_to_string(dir.join(format!("{stem}.json"))).unwrap();
    let doc: Document = serde_json::from_str(&json).unwrap();
    (doc, dir.join(format!("{stem}.xlsx")))
}

/// Every table of `doc` is a sheet of the workbook at `path`, in order, equal to it cell
/// for cell.
fn check_workbook(doc: &Document, path: &Path) -> Seen {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names();
    let tables = doc.tables();
    assert_eq!(names.len(), tables.len(), "{names:?}");
    let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(
        lower.len(),
        names.len(),
        "sheet names are unique: {names:?}"
    );
    let workbook = workbook_xml(path);
    let mut seen = Seen::default();
    for (i, (t, name)) in tables.iter().zip(&names).enumerate() {
        assert!(name.encode_utf16().count() <= 31, "{name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
        match &t.label {
            Some(label) => assert!(name.starts_with(&format!("{label} ")), "{name}"),
            None => assert!(name.starts_with(&t.title), "{name}"),
        }
        let values = book.worksheet_range(name).unwrap();
        let styles = book.worksheet_style(name).unwrap();
        let merged = book.merge_cells_by_sheet_name(name).unwrap();
        let width = t.columns.len();
        let last = width as u32 - 1;
        let get = |r: u32, c: u32| values.get_value((r, c));
        let text = |r: u32, c: u32| match get(r, c) {
            Some(Data::String(s)) => s.clone(),
            other => panic!("{name} ({r},{c}): {other:?}"),
        };
        let mut want_merged: Vec<((u32, u32), (u32, u32))> = Vec::new();
        let across = |r: u32| ((r, 0), (r, last));

        // The title block, as the PDF prints it.
        let mut row = 0;
        if let Some(label) = &t.label {
            assert_eq!(text(row, 0), *label);
            row += 1;
        }
        assert_eq!(text(row, 0), t.title, "{name}");
        want_merged.push(across(row));
        row += 1;
        if let Some(sub) = &t.subtitle {
            assert_eq!(text(row, 0), *sub);
            want_merged.push(across(row));
            row += 1;
        }
        if let (Some(issuer), Some(unit)) = (&t.issuer, &t.unit) {
            assert_eq!(text(row, 0), *issuer);
            assert_eq!(text(row, last), *unit);
            want_merged.push(((row, 0), (row, last - 1)));
            row += 1;
        }

        // Header and body grids, cell for cell, spans as merged ranges.
        let header: Vec<&[Cell]> = t.header.iter().map(Vec::as_slice).collect();
        let body: Vec<&[Cell]> = t.body.iter().map(|r| r.cells.as_slice()).collect();
        for (grid, start, is_header) in [
            (&header, row, true),
            (&body, row + t.header.len() as u32, false),
        ] {
            for (r, c, cell) in placed(grid, width) {
                let at = (start + r as u32, c as u32);
                let what = format!("{name} {at:?} {:?}", cell.text);
                check_cell(get(at.0, at.1), cell, &what, &mut seen);
                let (rs, cs) = (cell.rowspan as u32, cell.colspan as u32);
                if rs > 1 || cs > 1 {
                    want_merged.push((at, (at.0 + rs - 1, at.1 + cs - 1)));
                    for rr in at.0..at.0 + rs {
                        for cc in at.1..at.1 + cs {
                            if (rr, cc) != at {
                                assert!(
                                    matches!(get(rr, cc), None | Some(Data::Empty)),
                                    "{what}: covered cell ({rr},{cc}) is empty"
                                );
                            }
                        }
                    }
                }
                let style = styles.get(at).unwrap();
                let bold = is_header
                    || matches!(
                        t.body[r].role,
                        RowRole::Total | RowRole::Class | RowRole::Group
                    );
                assert_eq!(style.font.as_ref().unwrap().is_bold(), bold, "{what}: bold");
                seen.bold += usize::from(bold && !is_header);
                if cell.amount.is_some() {
                    let code = &style.number_format.as_ref().unwrap().format_code;
                    assert_eq!(code, "#,##0.00", "{what}");
                } else if !cell.text.is_empty() {
                    assert!(style.alignment.as_ref().unwrap().wrap_text, "{what}: wraps");
                }
            }
        }

        // The 空表 statement or the 尾差 note right under the grid, and nothing after.
        let end = row + (t.header.len() + t.body.len()) as u32;
        let statement = match (&t.empty_statement, t.body.is_empty()) {
            (Some(s), true) => Some(s),
            _ => t.rounding_note.as_ref(),
        };
        match statement {
            Some(s) => {
                assert_eq!(text(end, 0), *s, "{name}");
                want_merged.push(across(end));
                assert_eq!(values.end().unwrap().0, end, "{name}");
            }
            None => assert_eq!(values.end().unwrap().0, end - 1, "{name}"),
        }
        assert_eq!(values.end().unwrap().1, last, "{name}");

        let mut got_merged: Vec<_> = merged.iter().map(|d| (d.start, d.end)).collect();
        got_merged.sort();
        want_merged.sort();
        assert_eq!(got_merged, want_merged, "{name}: merged ranges");

        // Print setup: A4, the table's orientation, one page wide, header rows repeated,
        // panes frozen under the header.
        let xml = sheet_xml(path, i);
        let orientation = match t.orientation {
            Orientation::Landscape => "landscape",
            Orientation::Portrait => "portrait",
        };
        assert!(
            xml.contains(&format!(
                r#"<pageSetup paperSize="9" fitToHeight="0" orientation="{orientation}""#
            )),
            "{name}: A4, {orientation}, one page wide"
        );
        assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{name}");
        let repeated = if t.header.is_empty() {
            t.body_heads
                .map(|h| (row + h as u32 + 1, row + h as u32 + 1))
        } else {
            Some((row + 1, row + t.header.len() as u32))
        };
        if let Some((first, last)) = repeated {
            let at = workbook
                .find(&format!(r#"localSheetId="{i}">"#))
                .unwrap_or_else(|| panic!("{name}: no print titles"));
            let titles = workbook[at..].split("</definedName>").next().unwrap();
            assert!(
                titles.ends_with(&format!("!${first}:${last}")),
                "{name}: {titles}"
            );
        }
        if !t.header.is_empty() {
            let frozen = row + t.header.len() as u32;
            let pane = format!(
                r#"<pane ySplit="{frozen}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/>"#,
                frozen + 1
            );
            assert!(xml.contains(&pane), "{name}: panes frozen under the header");
        }
    }
    seen
}

#[test]
fn every_example_workbook_equals_its_document() {
    let dir = temp_dir("examples");
    for name in EXAMPLES {
        let (doc, path) = generate(&example_path(name), &dir);
        let seen = check_workbook(&doc, &path);
        assert!(seen.numbers > 100, "{name}: {seen:?}");
        assert_eq!(seen.text_amounts, 0, "{name}: every amount is a number");
        assert!(seen.codes > 10, "{name}: codes are text: {seen:?}");
        assert!(seen.bold > 5, "{name}: {seen:?}");
        assert!(
            doc.tables().len() >= 12,
            "{name}: tables 1–11 and the 绩效目标表"
        );
    }
}

/// The same TOML gives the same bytes: no clock, no unordered map reaches the file.
#[test]
fn the_same_toml_gives_the_same_bytes() {
    for name in EXAMPLES {
        let first = generate(&example_path(name), &temp_dir("again-1")).1;
        let second = generate(&example_path(name), &temp_dir("again-2")).1;
        assert_eq!(
            std::fs::read(&first).unwrap(),
            std::fs::read(&second).unwrap(),
            "{name}"
        );
    }
    // The creation date is the budget's date of issue.
    let path = generate(&example_path("qitai-commerce-2024"), &temp_dir("core")).1;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut core = String::new();
    zip.by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut core)
        .unwrap();
    assert!(core.contains("2024-02-21T00:00:00Z"), "{core}");
}

/// Printed in 元, a figure is the 元 figure; one beyond a double's 15 significant digits
/// keeps its printed text rather than become a different number.
#[test]
fn yuan_figures_are_the_printed_ones() {
    let dir = temp_dir("yuan");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/units/yuan.toml");
    let src = std::fs::read_to_string(fixture).unwrap();
    let src = src.replace(
        "\namount_unit = \"元\"",
        "\ndisplay_unit = \"元\"\namount_unit = \"元\"",
    );
    let file = dir.join("yuan-display.toml");
    std::fs::write(&file, &src).unwrap();
    let (doc, path) = generate(&file, &dir.join("out"));
    let seen = check_workbook(&doc, &path);
    assert!(seen.numbers > 10 && seen.text_amounts == 0, "{seen:?}");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book
        .worksheet_range("表6 一般公共预算基本支出情况表")
        .unwrap();
    assert!(
        range
            .used_cells()
            .any(|(_, _, v)| *v == Data::Float(800123.45)),
        "800,123.45 元 is the number 800123.45"
    );

    // 99,999,999,999,999.99 元 has 16 significant digits: no double holds it.
    let huge = src
        .replace("\"600,061.72\"", "\"99,999,999,999,999.99\"")
        .replace("\"800,123.45\"", "\"100,000,000,200,061.72\"")
        .replace(
            "basic = { amount = \"780,000.00\" }",
            "basic = { amount = \"780,000.00\", reason = \"测试\" }",
        )
        .replace(
            "code = \"2010501\"\namount = \"780,000.00\"\n",
            "code = \"2010501\"\namount = \"780,000.00\"\nreason = \"测试\"\n",
        );
    let file = dir.join("huge.toml");
    std::fs::write(&file, huge).unwrap();
    let (doc, path) = generate(&file, &dir.join("huge"));
    let seen = check_workbook(&doc, &path);
    assert!(seen.text_amounts > 0 && seen.numbers > 0, "{seen:?}");
}
