//! `gongkai generate --format xlsx`: the workbook read back (calamine) equals the JSON
//! document model cell for cell, with its merged ranges, number formats, bold rows and
//! print setup; the same TOML gives the same bytes.

use crate::common;
use crate::common::run;
use crate::xlsx_support;
use run::temp_dir;

use calamine::{open_workbook, Data, Dimensions, Range, Reader, StyleRange, Xlsx};
use common::{example_path, EXAMPLES};
use gongkai::document::{Cell, Document, Orientation, RowRole, Table};
use std::fs::File;
use std::io::{BufReader, Read};
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
        check_sheet_name(name, t);
        let sheet = Sheet::read(&mut book, name, t);
        let mut want_merged: Vec<Merge> = Vec::new();
        let row = sheet.check_title_block(&mut want_merged);
        sheet.check_grids(row, &mut want_merged, &mut seen);
        sheet.check_statement_and_end(row, &mut want_merged);
        sheet.check_merged(want_merged);
        sheet.check_print_setup(row, &sheet_xml(path, i), &workbook, i);
    }
    seen
}

/// A sheet's name fits Excel's rules and starts with its table's label (or title).
fn check_sheet_name(name: &str, t: &Table) {
    assert!(name.encode_utf16().count() <= 31, "{name}");
    assert!(
        !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
        "{name}"
    );
    match &t.label {
        Some(label) => assert!(name.starts_with(&format!("{label} ")), "{name}"),
        None => assert!(name.starts_with(&t.title), "{name}"),
    }
}

/// A merged range: its first and last cell, (row, column) each.
type Merge = ((u32, u32), (u32, u32));

/// A sheet read back, with the table it must equal.
struct Sheet<'a> {
    name: &'a str,
    table: &'a Table,
    values: Range<Data>,
    styles: StyleRange,
    merged: Vec<Dimensions>,
    /// The table's number of columns.
    width: usize,
    /// The sheet's last column.
    last: u32,
}

impl<'a> Sheet<'a> {
    /// Reads the values, styles and merged ranges of sheet `name`, which shows `table`.
    fn read(book: &mut Xlsx<BufReader<File>>, name: &'a str, table: &'a Table) -> Self {
        let values = book.worksheet_range(name).unwrap();
        let styles = book.worksheet_style(name).unwrap();
        let merged = book.merge_cells_by_sheet_name(name).unwrap();
        let width = table.columns.len();
        let last = width as u32 - 1;
        Sheet {
            name,
            table,
            values,
            styles,
            merged,
            width,
            last,
        }
    }

    /// The value at (`r`, `c`), if any.
    fn get(&self, r: u32, c: u32) -> Option<&Data> {
        self.values.get_value((r, c))
    }

    /// The text at (`r`, `c`), which must be text.
    fn text(&self, r: u32, c: u32) -> String {
        match self.get(r, c) {
            Some(Data::String(s)) => s.clone(),
            other => panic!("{} ({r},{c}): {other:?}", self.name),
        }
    }

    /// Row `r`, merged across the table's width.
    fn across(&self, r: u32) -> Merge {
        ((r, 0), (r, self.last))
    }

    /// The title block, as the PDF prints it; returns the row after it.
    fn check_title_block(&self, want_merged: &mut Vec<Merge>) -> u32 {
        let (t, name, last) = (self.table, self.name, self.last);
        let mut row = 0;
        if let Some(label) = &t.label {
            assert_eq!(self.text(row, 0), *label);
            row += 1;
        }
        assert_eq!(self.text(row, 0), t.title, "{name}");
        want_merged.push(self.across(row));
        row += 1;
        if let Some(sub) = &t.subtitle {
            assert_eq!(self.text(row, 0), *sub);
            want_merged.push(self.across(row));
            row += 1;
        }
        if let (Some(issuer), Some(unit)) = (&t.issuer, &t.unit) {
            assert_eq!(self.text(row, 0), *issuer);
            assert_eq!(self.text(row, last), *unit);
            want_merged.push(((row, 0), (row, last - 1)));
            row += 1;
        }
        row
    }

    /// Header and body grids from `row` on, cell for cell, spans as merged ranges.
    fn check_grids(&self, row: u32, want_merged: &mut Vec<Merge>, seen: &mut Seen) {
        let t = self.table;
        let header: Vec<&[Cell]> = t.header.iter().map(Vec::as_slice).collect();
        let body: Vec<&[Cell]> = t.body.iter().map(|r| r.cells.as_slice()).collect();
        for (grid, start, is_header) in [
            (&header, row, true),
            (&body, row + t.header.len() as u32, false),
        ] {
            for (r, c, cell) in placed(grid, self.width) {
                let at = (start + r as u32, c as u32);
                let what = format!("{} {at:?} {:?}", self.name, cell.text);
                check_cell(self.get(at.0, at.1), cell, &what, seen);
                self.check_span(at, cell, &what, want_merged);
                let bold = self.check_style(at, r, cell, is_header, &what);
                seen.bold += usize::from(bold && !is_header);
            }
        }
    }

    /// A cell spanning several is a merged range whose other cells are empty.
    fn check_span(&self, at: (u32, u32), cell: &Cell, what: &str, want_merged: &mut Vec<Merge>) {
        let (rs, cs) = (cell.rowspan as u32, cell.colspan as u32);
        if rs > 1 || cs > 1 {
            want_merged.push((at, (at.0 + rs - 1, at.1 + cs - 1)));
            for rr in at.0..at.0 + rs {
                for cc in at.1..at.1 + cs {
                    if (rr, cc) != at {
                        assert!(
                            matches!(self.get(rr, cc), None | Some(Data::Empty)),
                            "{what}: covered cell ({rr},{cc}) is empty"
                        );
                    }
                }
            }
        }
    }

    /// Header cells and the total, 类 and group rows are bold (returned), amounts are
    /// formatted `#,##0.00`, other texts wrap.
    fn check_style(
        &self,
        at: (u32, u32),
        r: usize,
        cell: &Cell,
        is_header: bool,
        what: &str,
    ) -> bool {
        let style = self.styles.get(at).unwrap();
        let bold = is_header
            || matches!(
                self.table.body[r].role,
                RowRole::Total | RowRole::Class | RowRole::Group
            );
        assert_eq!(style.font.as_ref().unwrap().is_bold(), bold, "{what}: bold");
        if cell.amount.is_some() {
            let code = &style.number_format.as_ref().unwrap().format_code;
            assert_eq!(code, "#,##0.00", "{what}");
        } else if !cell.text.is_empty() {
            assert!(style.alignment.as_ref().unwrap().wrap_text, "{what}: wraps");
        }
        bold
    }

    /// The 空表 statement or the 尾差 note right under the grid, and nothing after.
    fn check_statement_and_end(&self, row: u32, want_merged: &mut Vec<Merge>) {
        let (t, name) = (self.table, self.name);
        let end = row + (t.header.len() + t.body.len()) as u32;
        let statement = match (&t.empty_statement, t.body.is_empty()) {
            (Some(s), true) => Some(s),
            _ => t.rounding_note.as_ref(),
        };
        match statement {
            Some(s) => {
                assert_eq!(self.text(end, 0), *s, "{name}");
                want_merged.push(self.across(end));
                assert_eq!(self.values.end().unwrap().0, end, "{name}");
            }
            None => assert_eq!(self.values.end().unwrap().0, end - 1, "{name}"),
        }
        assert_eq!(self.values.end().unwrap().1, self.last, "{name}");
    }

    /// The sheet's merged ranges are exactly `want_merged`.
    fn check_merged(&self, mut want_merged: Vec<Merge>) {
        let mut got_merged: Vec<_> = self.merged.iter().map(|d| (d.start, d.end)).collect();
        got_merged.sort();
        want_merged.sort();
        assert_eq!(got_merged, want_merged, "{}: merged ranges", self.name);
    }

    /// Print setup of sheet `i` (`xml`, in `workbook`): A4, the table's orientation, one
    /// page wide, header rows repeated, panes frozen under the header starting at `row`.
    fn check_print_setup(&self, row: u32, xml: &str, workbook: &str, i: usize) {
        let (t, name) = (self.table, self.name);
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
