//! sfnt plumbing for font programs: a table's bytes (the glyph cache takes the `CFF `
//! table out of a `subsetter` subset), a format-12 `cmap`, and an sfnt rebuilt with tables
//! added. `subsetter` drops the `cmap` and `OS/2` tables of a TrueType subset; some PDF
//! readers want both in an embedded TrueType program, so the PDF writer adds a `cmap` for
//! the subset's glyphs and copies `OS/2` from the source face.

use std::collections::BTreeMap;

/// A `cmap` table mapping characters to (subset) glyph ids, one format-12 subtable
/// shared by the Unicode (0,4) and Windows (3,10) encoding records.
pub fn cmap(map: &BTreeMap<char, u16>) -> Vec<u8> {
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for (&ch, &gid) in map {
        let (c, g) = (ch as u32, u32::from(gid));
        match groups.last_mut() {
            Some(last) if last.1 + 1 == c && last.2 + (c - last.0) == g => last.1 = c,
            _ => groups.push((c, c, g)),
        }
    }
    let sub_len = 16 + 12 * groups.len() as u32;
    let mut out = Vec::new();
    out.extend(0u16.to_be_bytes());
    out.extend(2u16.to_be_bytes());
    let offset: u32 = 4 + 2 * 8;
    for (platform, encoding) in [(0u16, 4u16), (3, 10)] {
        out.extend(platform.to_be_bytes());
        out.extend(encoding.to_be_bytes());
        out.extend(offset.to_be_bytes());
    }
    out.extend(12u16.to_be_bytes());
    out.extend(0u16.to_be_bytes());
    out.extend(sub_len.to_be_bytes());
    out.extend(0u32.to_be_bytes());
    out.extend((groups.len() as u32).to_be_bytes());
    for (start, end, gid) in groups {
        out.extend(start.to_be_bytes());
        out.extend(end.to_be_bytes());
        out.extend(gid.to_be_bytes());
    }
    out
}

/// The bytes of table `tag` in a single-face sfnt, if present.
pub fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    (0..count).find_map(|i| {
        let rec = font.get(12 + 16 * i..28 + 16 * i)?;
        if &rec[0..4] != tag {
            return None;
        }
        let off = u32::from_be_bytes(rec[8..12].try_into().ok()?) as usize;
        let len = u32::from_be_bytes(rec[12..16].try_into().ok()?) as usize;
        font.get(off..off.checked_add(len)?)
    })
}

/// Rebuilds an sfnt with `extra` tables added (replacing same-tag tables), directory
/// sorted by tag, tables 4-byte aligned, checksums and `head.checkSumAdjustment` fixed.
/// Returns `None` when `font` is not a well-formed single-face sfnt.
pub fn with_tables(font: &[u8], extra: Vec<([u8; 4], Vec<u8>)>) -> Option<Vec<u8>> {
    let flavor = font.get(0..4)?;
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    for i in 0..count {
        let rec = font.get(12 + 16 * i..28 + 16 * i)?;
        let tag: [u8; 4] = rec[0..4].try_into().ok()?;
        let off = u32::from_be_bytes(rec[8..12].try_into().ok()?) as usize;
        let len = u32::from_be_bytes(rec[12..16].try_into().ok()?) as usize;
        tables.insert(tag, font.get(off..off.checked_add(len)?)?.to_vec());
    }
    for (tag, data) in extra {
        tables.insert(tag, data);
    }
    if let Some(head) = tables.get_mut(b"head") {
        if head.len() >= 12 {
            head[8..12].copy_from_slice(&[0, 0, 0, 0]);
        }
    }
    let n = tables.len() as u16;
    let selector = 15 - n.leading_zeros() as u16;
    let search = (1u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend(flavor);
    out.extend(n.to_be_bytes());
    out.extend(search.to_be_bytes());
    out.extend(selector.to_be_bytes());
    out.extend((n * 16 - search).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut body = Vec::new();
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend(tag);
        out.extend(checksum(data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        body.extend(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * tables.len() + body.len();
    }
    out.extend(body);
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out.get_mut(at + 8..at + 12)?
            .copy_from_slice(&adjust.to_be_bytes());
    }
    Some(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_groups_consecutive_runs_and_maps_every_char() {
        let map: BTreeMap<char, u16> = [('a', 1), ('b', 2), ('c', 3), ('中', 9)]
            .into_iter()
            .collect();
        let table = cmap(&map);
        let groups = u32::from_be_bytes(table[32..36].try_into().unwrap());
        assert_eq!(groups, 2);
        let parsed = ttf_parser::cmap::Table::parse(&table).expect("valid cmap");
        let sub = parsed
            .subtables
            .into_iter()
            .find(|s| s.is_unicode())
            .expect("unicode subtable");
        for (ch, gid) in map {
            assert_eq!(sub.glyph_index(ch as u32), Some(ttf_parser::GlyphId(gid)));
        }
        assert_eq!(sub.glyph_index('d' as u32), None);
    }

    #[test]
    fn added_tables_are_found_by_a_parser() {
        let mut font = b"OTTO".to_vec();
        font.extend([0, 0, 0, 0, 0, 0, 0, 0]);
        let out = with_tables(&font, vec![(*b"zzzz", vec![1, 2, 3]), (*b"aaaa", vec![4])]).unwrap();
        assert_eq!(u16::from_be_bytes([out[4], out[5]]), 2);
        assert_eq!(&out[12..16], b"aaaa");
        let off = u32::from_be_bytes(out[36..40].try_into().unwrap()) as usize;
        assert_eq!(&out[off..off + 3], &[1, 2, 3]);
        assert_eq!(table(&out, b"zzzz"), Some(&[1u8, 2, 3][..]));
        assert_eq!(table(&out, b"aaaa"), Some(&[4u8][..]));
        assert_eq!(table(&out, b"CFF "), None);
    }
}
