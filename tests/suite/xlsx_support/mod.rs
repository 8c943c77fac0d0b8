//! Reading a workbook back for the xlsx tests: the document's tables, an independent
//! placement of a grid's cells, and the check of one cell against the JSON model.
#![allow(dead_code)]

use calamine::Data;
use gongkai::document::Cell;
use rust_decimal::Decimal;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

/// (grid row, first column, cell) of every cell of `rows`, spans honoured (an independent
/// placement: spanned-over positions are taken by the cell above or to the left).
pub fn placed<'a>(rows: &[&'a [Cell]], width: usize) -> Vec<(usize, usize, &'a Cell)> {
    let mut taken = vec![vec![false; width]; rows.len()];
    let mut out = Vec::new();
    for (r, cells) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in *cells {
            while taken[r][c] {
                c += 1;
            }
            for line in taken.iter_mut().skip(r).take(cell.rowspan as usize) {
                for slot in line.iter_mut().skip(c).take(cell.colspan as usize) {
                    *slot = true;
                }
            }
            out.push((r, c, cell));
            c += cell.colspan as usize;
        }
    }
    out
}

/// `1234567.5` → `1,234,567.50`: a number as the PDF prints amounts.
pub fn grouped(v: f64) -> String {
    let plain = format!("{v:.2}");
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", plain.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap();
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{sign}{out}.{frac}")
}

/// A printed figure as the exact decimal it reads.
pub fn printed_decimal(text: &str) -> Decimal {
    Decimal::from_str(&text.replace(',', "")).unwrap()
}

/// Counts what the checks saw, so a test can tell they ran.
#[derive(Default, Debug)]
pub struct Seen {
    /// Amount cells read back as numbers.
    pub numbers: usize,
    /// Amount cells kept as text (beyond 15 significant digits).
    pub text_amounts: usize,
    /// Code cells (two or more digits) read back as text.
    pub codes: usize,
    /// Bold body cells.
    pub bold: usize,
}

/// The workbook's cell at `at` equals the JSON cell: empty stays empty, an amount is a
/// number whose value is exactly the printed figure (or, beyond a double's 15 digits, the
/// printed text), everything else the printed text.
pub fn check_cell(got: Option<&Data>, cell: &Cell, what: &str, seen: &mut Seen) {
    let got = got.cloned().unwrap_or(Data::Empty);
    if cell.text.is_empty() {
        assert_eq!(got, Data::Empty, "{what}: an empty cell stays empty");
        return;
    }
    match (&cell.amount, got) {
        (Some(_), Data::Float(v)) => {
            assert_eq!(grouped(v), cell.text, "{what}");
            let exact = Decimal::from_str(&v.to_string()).unwrap();
            assert_eq!(exact, printed_decimal(&cell.text), "{what}: not exact");
            seen.numbers += 1;
        }
        (Some(_), Data::String(s)) => {
            assert_eq!(s, cell.text, "{what}");
            let digits = printed_decimal(&s).normalize().mantissa().to_string();
            assert!(
                digits.trim_start_matches('-').len() > 15,
                "{what}: an amount a double holds exactly must be a number, got text {s}"
            );
            seen.text_amounts += 1;
        }
        (None, Data::String(s)) => {
            assert_eq!(s, cell.text, "{what}");
            if s.len() >= 2 && s.chars().all(|c| c.is_ascii_digit()) {
                seen.codes += 1;
            }
        }
        (_, other) => panic!("{what}: expected {:?}, got {other:?}", cell.text),
    }
}

/// The XML of the sheet at `index` (zero-based) of the workbook at `path`.
pub fn sheet_xml(path: &Path, index: usize) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{}.xml", index + 1))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The workbook part (sheets, defined names) of the workbook at `path`.
pub fn workbook_xml(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}
