//! Reading and writing the CID-keyed CFF font programs that `subsetter` produces.
//!
//! A `subsetter` CFF has no subroutines (every charstring is self-contained), an identity
//! charset and one Private DICT per font dict. That makes a glyph's charstring and its
//! font dict portable between subsets of the same face, which is what
//! [`super::glyph_cache`] relies on: it keeps each glyph once and assembles a document's
//! subset with [`write()`] instead of subsetting the source face again.

/// DICT operator of `charset`.
const CHARSET: u16 = 15;
/// DICT operator of `Encoding`.
const ENCODING: u16 = 16;
/// DICT operator of `CharStrings`.
const CHAR_STRINGS: u16 = 17;
/// DICT operator of `Private`.
const PRIVATE: u16 = 18;
/// DICT operator of `Subrs` (in a Private DICT).
const SUBRS: u16 = 19;
/// DICT operator of `FDArray` (12 36).
const FD_ARRAY: u16 = 1236;
/// DICT operator of `FDSelect` (12 37).
const FD_SELECT: u16 = 1237;
/// DICT operator of `FontName` (12 38).
const FONT_NAME: u16 = 1238;

/// One DICT entry: its operator (`12 x` as `1200 + x`) and its operands, still encoded.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The operator.
    pub op: u16,
    /// The operand bytes, as found.
    pub operands: Vec<u8>,
}

/// A font dict of a CID-keyed font: its own entries (Private and FontName left out; the
/// FontName's string would belong to another String INDEX) and its Private DICT.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FontDict {
    /// Entries other than `Private` and `FontName`, encoded.
    pub entries: Vec<u8>,
    /// The Private DICT without `Subrs`, encoded.
    pub private: Vec<u8>,
}

/// The parts of a CID-keyed CFF that a subset is made of.
#[derive(Debug, Clone)]
pub struct CidFont {
    /// The Name INDEX, encoded.
    pub names: Vec<u8>,
    /// Top DICT entries other than the offsets (charset, CharStrings, FDArray, FDSelect).
    pub top: Vec<Entry>,
    /// The String INDEX, encoded.
    pub strings: Vec<u8>,
    /// The font dicts.
    pub dicts: Vec<FontDict>,
    /// Font dict index of each glyph.
    pub glyph_dict: Vec<u8>,
    /// Charstring of each glyph.
    pub charstrings: Vec<Vec<u8>>,
}

impl CidFont {
    /// Parses a CID-keyed CFF without subroutines; `None` for anything else.
    pub fn parse(cff: &[u8]) -> Option<CidFont> {
        let head = Head::parse(cff)?;
        let offset = |op: u16| head.offset(op);
        let (charstrings, _) = parse_index(cff, offset(CHAR_STRINGS)?)?;
        let (fd_array, _) = parse_index(cff, offset(FD_ARRAY)?)?;
        let glyph_dict = parse_fd_select(cff, offset(FD_SELECT)?, charstrings.len())?;
        let dicts = fd_array
            .iter()
            .map(|d| font_dict(cff, d))
            .collect::<Option<Vec<_>>>()?;
        if glyph_dict.iter().any(|&fd| usize::from(fd) >= dicts.len()) {
            return None;
        }
        let skipped = [
            CHARSET,
            ENCODING,
            CHAR_STRINGS,
            PRIVATE,
            FD_ARRAY,
            FD_SELECT,
        ];
        Some(CidFont {
            names: cff.get(head.names)?.to_vec(),
            top: head
                .top
                .into_iter()
                .filter(|e| !skipped.contains(&e.op))
                .collect(),
            strings: cff.get(head.strings)?.to_vec(),
            dicts,
            glyph_dict,
            charstrings: charstrings.into_iter().map(<[u8]>::to_vec).collect(),
        })
    }
}

/// What comes before the glyphs of a CFF without global subroutines: the Name INDEX and
/// String INDEX (as byte ranges) and the Top DICT's entries.
struct Head {
    names: std::ops::Range<usize>,
    strings: std::ops::Range<usize>,
    top: Vec<Entry>,
}

impl Head {
    /// Reads the head of `cff`; `None` if it is malformed or has global subroutines.
    fn parse(cff: &[u8]) -> Option<Head> {
        let header_size = usize::from(*cff.get(2)?);
        let (_, names_end) = parse_index(cff, header_size)?;
        let (tops, top_end) = parse_index(cff, names_end)?;
        let (_, strings_end) = parse_index(cff, top_end)?;
        let (gsubrs, _) = parse_index(cff, strings_end)?;
        if !gsubrs.is_empty() {
            return None;
        }
        Some(Head {
            names: header_size..names_end,
            strings: top_end..strings_end,
            top: parse_dict(tops.first()?)?,
        })
    }

    /// The offset a Top DICT operator gives (CharStrings, FDArray, FDSelect …).
    fn offset(&self, op: u16) -> Option<usize> {
        let e = self.top.iter().find(|e| e.op == op)?;
        usize::try_from(*ints(&e.operands)?.first()?).ok()
    }
}

/// The glyphs of a source CID-keyed CFF without subroutines, read where they lie: a
/// charstring needs nothing outside itself, so it can be taken as is, and `subsetter`
/// (which would only copy it) is not needed for it.
#[derive(Debug, Clone)]
pub struct Plain {
    /// Where the CharStrings INDEX starts in the CFF table.
    charstrings_at: usize,
    /// Source font dict index of each glyph.
    pub glyph_dict: Vec<u8>,
}

impl Plain {
    /// Reads `cff` when it is CID-keyed and has no global or local subroutines; `None`
    /// for anything else (those faces go through `subsetter`).
    pub fn parse(cff: &[u8]) -> Option<Plain> {
        let head = Head::parse(cff)?;
        let offset = |op: u16| head.offset(op);
        let charstrings_at = offset(CHAR_STRINGS)?;
        let glyphs = usize::from(u16::from_be_bytes([
            *cff.get(charstrings_at)?,
            *cff.get(charstrings_at + 1)?,
        ]));
        let (fd_array, _) = parse_index(cff, offset(FD_ARRAY)?)?;
        for dict in &fd_array {
            font_dict(cff, dict)?;
        }
        let glyph_dict = parse_fd_select(cff, offset(FD_SELECT)?, glyphs)?;
        if glyph_dict
            .iter()
            .any(|&fd| usize::from(fd) >= fd_array.len())
        {
            return None;
        }
        Some(Plain {
            charstrings_at,
            glyph_dict,
        })
    }

    /// The charstring of glyph `gid` in `cff` (the table this was parsed from).
    pub fn charstring<'a>(&self, cff: &'a [u8], gid: u16) -> Option<&'a [u8]> {
        let at = self.charstrings_at;
        let count = usize::from(u16::from_be_bytes([*cff.get(at)?, *cff.get(at + 1)?]));
        let i = usize::from(gid);
        if i >= count {
            return None;
        }
        let size = usize::from(*cff.get(at + 2)?);
        if !(1..=4).contains(&size) {
            return None;
        }
        let offset = |k: usize| -> Option<usize> {
            let from = at + 3 + k * size;
            let bytes = cff.get(from..from + size)?;
            Some(bytes.iter().fold(0usize, |v, &b| (v << 8) | usize::from(b)))
        };
        let base = at + 3 + (count + 1) * size - 1;
        cff.get(base + offset(i)?..base + offset(i + 1)?)
    }
}

/// One font dict and its Private DICT, read from `cff`.
fn font_dict(cff: &[u8], data: &[u8]) -> Option<FontDict> {
    let entries = parse_dict(data)?;
    let private = entries.iter().find(|e| e.op == PRIVATE)?;
    let (size, at) = match ints(&private.operands)?.as_slice() {
        &[size, at] => (usize::try_from(size).ok()?, usize::try_from(at).ok()?),
        _ => return None,
    };
    let private = parse_dict(cff.get(at..at.checked_add(size)?)?)?;
    if private.iter().any(|e| e.op == SUBRS) {
        return None;
    }
    let keep = |e: &&Entry| e.op != PRIVATE && e.op != FONT_NAME;
    Some(FontDict {
        entries: encode_dict(entries.iter().filter(keep)),
        private: encode_dict(private.iter()),
    })
}

/// Writes a CID-keyed CFF: `font`'s Name INDEX, Top DICT and String INDEX, the given font
/// dicts, and one glyph per `(font dict index, charstring)`, glyph 0 first, with an
/// identity charset (glyph id = CID).
pub fn write(font: &CidFont, dicts: &[&FontDict], glyphs: &[(u8, &[u8])]) -> Vec<u8> {
    let n = glyphs.len();
    let top_with = |offsets: [usize; 4]| {
        let mut top = encode_dict(font.top.iter());
        for (value, op) in offsets
            .into_iter()
            .zip([CHARSET, FD_SELECT, FD_ARRAY, CHAR_STRINGS])
        {
            push_int5(&mut top, value);
            push_op(&mut top, op);
        }
        top
    };
    let top_index_len = index_len(&[top_with([0; 4]).len()]);
    let charset: Vec<u8> = match u16::try_from(n.saturating_sub(2)) {
        Ok(left) if n > 1 => [vec![2, 0, 1], left.to_be_bytes().to_vec()].concat(),
        _ => vec![0],
    };
    let dict_lens: Vec<usize> = dicts.iter().map(|d| d.entries.len() + 11).collect();
    let mut at = 4 + font.names.len() + top_index_len + font.strings.len() + 2;
    let charset_at = at;
    at += charset.len();
    let mut private_at = Vec::with_capacity(dicts.len());
    for d in dicts {
        private_at.push(at);
        at += d.private.len();
    }
    let fd_select_at = at;
    at += 1 + n;
    let fd_array_at = at;
    at += index_len(&dict_lens);
    let charstrings_at = at;
    let lens: Vec<usize> = glyphs.iter().map(|g| g.1.len()).collect();
    let mut out = Vec::with_capacity(charstrings_at + index_len(&lens));
    out.extend([1, 0, 4, 4]);
    out.extend(&font.names);
    let top = top_with([charset_at, fd_select_at, fd_array_at, charstrings_at]);
    write_index(&mut out, &[top.as_slice()]);
    out.extend(&font.strings);
    out.extend([0, 0]);
    out.extend(&charset);
    for d in dicts {
        out.extend(&d.private);
    }
    out.push(0);
    out.extend(glyphs.iter().map(|g| g.0));
    let encoded: Vec<Vec<u8>> = dicts.iter().zip(&private_at).map(with_private).collect();
    let encoded: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
    write_index(&mut out, &encoded);
    let charstrings: Vec<&[u8]> = glyphs.iter().map(|g| g.1).collect();
    write_index(&mut out, &charstrings);
    out
}

/// A font dict's entries with its `Private` entry (size, offset) added.
fn with_private((dict, &at): (&&FontDict, &usize)) -> Vec<u8> {
    let mut e = dict.entries.clone();
    push_int5(&mut e, dict.private.len());
    push_int5(&mut e, at);
    push_op(&mut e, PRIVATE);
    e
}

/// Parses the INDEX at `at`: its items and the offset just past it.
fn parse_index(data: &[u8], at: usize) -> Option<(Vec<&[u8]>, usize)> {
    let count = usize::from(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]));
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let size = usize::from(*data.get(at + 2)?);
    if !(1..=4).contains(&size) {
        return None;
    }
    let offsets_at = at + 3;
    let offset = |i: usize| -> Option<usize> {
        let bytes = data.get(offsets_at + i * size..offsets_at + (i + 1) * size)?;
        Some(bytes.iter().fold(0usize, |v, &b| (v << 8) | usize::from(b)))
    };
    let base = offsets_at + (count + 1) * size - 1;
    let mut items = Vec::with_capacity(count);
    let mut start = offset(0)?;
    for i in 1..=count {
        let end = offset(i)?;
        items.push(data.get(base + start..base + end)?);
        start = end;
    }
    Some((items, base + start))
}

/// The encoded length of an INDEX of items of these lengths.
fn index_len(lens: &[usize]) -> usize {
    if lens.is_empty() {
        return 2;
    }
    let data: usize = lens.iter().sum();
    3 + (lens.len() + 1) * offset_size(data + 1) + data
}

fn offset_size(max: usize) -> usize {
    match max {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    }
}

/// Appends an INDEX of `items`.
fn write_index(out: &mut Vec<u8>, items: &[&[u8]]) {
    let count = u16::try_from(items.len()).unwrap_or(u16::MAX);
    out.extend(count.to_be_bytes());
    if items.is_empty() {
        return;
    }
    let total: usize = items.iter().map(|i| i.len()).sum();
    let size = offset_size(total + 1);
    out.push(size as u8);
    let push = |out: &mut Vec<u8>, value: usize| {
        out.extend(&(value as u32).to_be_bytes()[4 - size..]);
    };
    let mut offset = 1usize;
    push(out, offset);
    for item in items {
        offset += item.len();
        push(out, offset);
    }
    for item in items {
        out.extend(*item);
    }
}

/// Splits a DICT into entries; `None` if it is malformed.
fn parse_dict(data: &[u8]) -> Option<Vec<Entry>> {
    let mut out = Vec::new();
    let (mut i, mut start) = (0usize, 0usize);
    while i < data.len() {
        match data[i] {
            b @ 0..=21 => {
                let operands = data[start..i].to_vec();
                let op = if b == 12 {
                    i += 1;
                    1200 + u16::from(*data.get(i)?)
                } else {
                    u16::from(b)
                };
                out.push(Entry { op, operands });
                i += 1;
                start = i;
            }
            28 => i += 3,
            29 => i += 5,
            30 => {
                i += 1;
                loop {
                    let b = *data.get(i)?;
                    i += 1;
                    if b >> 4 == 0xF || b & 0xF == 0xF {
                        break;
                    }
                }
            }
            32..=246 => i += 1,
            247..=254 => i += 2,
            _ => return None,
        }
    }
    (start == data.len()).then_some(out)
}

/// Encodes entries back into a DICT.
fn encode_dict<'a>(entries: impl Iterator<Item = &'a Entry>) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        out.extend(&e.operands);
        push_op(&mut out, e.op);
    }
    out
}

/// The integer operands of an entry; `None` if one of them is a real.
fn ints(operands: &[u8]) -> Option<Vec<i64>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < operands.len() {
        let b0 = i64::from(operands[i]);
        let byte = |k: usize| operands.get(i + k).map(|&b| i64::from(b));
        let (value, len) = match operands[i] {
            28 => (
                i64::from(i16::from_be_bytes([
                    *operands.get(i + 1)?,
                    *operands.get(i + 2)?,
                ])),
                3,
            ),
            29 => {
                let b: [u8; 4] = operands.get(i + 1..i + 5)?.try_into().ok()?;
                (i64::from(i32::from_be_bytes(b)), 5)
            }
            32..=246 => (b0 - 139, 1),
            247..=250 => ((b0 - 247) * 256 + byte(1)? + 108, 2),
            251..=254 => (-(b0 - 251) * 256 - byte(1)? - 108, 2),
            _ => return None,
        };
        out.push(value);
        i += len;
    }
    Some(out)
}

fn push_int5(out: &mut Vec<u8>, value: usize) {
    out.push(29);
    out.extend(i32::try_from(value).unwrap_or(i32::MAX).to_be_bytes());
}

fn push_op(out: &mut Vec<u8>, op: u16) {
    if op >= 1200 {
        out.extend([12, (op - 1200) as u8]);
    } else {
        out.push(op as u8);
    }
}

/// The font dict index of each of `glyphs` glyphs (FDSelect format 0 or 3).
fn parse_fd_select(data: &[u8], at: usize, glyphs: usize) -> Option<Vec<u8>> {
    match *data.get(at)? {
        0 => Some(data.get(at + 1..at + 1 + glyphs)?.to_vec()),
        3 => {
            let ranges = usize::from(u16::from_be_bytes([*data.get(at + 1)?, *data.get(at + 2)?]));
            let mut out = vec![0u8; glyphs];
            for r in 0..ranges {
                let rec = data.get(at + 3 + 3 * r..at + 3 + 3 * r + 5)?;
                let first = usize::from(u16::from_be_bytes([rec[0], rec[1]]));
                let next = usize::from(u16::from_be_bytes([rec[3], rec[4]]));
                for slot in out.get_mut(first..next.min(glyphs))? {
                    *slot = rec[2];
                }
            }
            Some(out)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dict_round_trips_and_reads_integers() {
        let dict = [
            139u8, 247, 0, 28, 1, 0, 29, 0, 1, 0, 0, 12, 36, 30, 0x1a, 0x2f, 17,
        ];
        let entries = parse_dict(&dict).expect("valid dict");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].op, 1236);
        assert_eq!(ints(&entries[0].operands), Some(vec![0, 108, 256, 65536]));
        assert_eq!(entries[1].op, 17);
        assert_eq!(ints(&entries[1].operands), None);
        assert_eq!(encode_dict(entries.iter()), dict.to_vec());
    }

    #[test]
    fn index_round_trips_with_its_computed_length() {
        let big = vec![7u8; 300];
        let items: Vec<&[u8]> = vec![b"ab", b"", &big];
        let mut out = vec![9];
        write_index(&mut out, &items);
        assert_eq!(out.len() - 1, index_len(&[2, 0, 300]));
        let (back, end) = parse_index(&out, 1).expect("valid index");
        assert_eq!(back, items);
        assert_eq!(end, out.len());
        let mut empty = Vec::new();
        write_index(&mut empty, &[]);
        assert_eq!(empty, vec![0, 0]);
        assert_eq!(parse_index(&empty, 0), Some((Vec::new(), 2)));
    }

    #[test]
    fn fd_select_format_3_expands_ranges() {
        let data = [3u8, 0, 2, 0, 0, 1, 0, 2, 0, 0, 4];
        assert_eq!(parse_fd_select(&data, 0, 4), Some(vec![1, 1, 0, 0]));
    }
}
