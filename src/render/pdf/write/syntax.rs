//! PDF object syntax written straight into bytes (ISO 32000-1 §7.3): integers, reals with
//! at most four decimals (a ten-thousandth of a point is far below any device's pixel), names, strings, references. No formatting machinery and no
//! intermediate objects: a page's content and every dictionary are appended to a buffer.

/// An indirect object's number (generation 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ref(pub u32);

/// Appending PDF tokens to a byte buffer. Each call writes one token and no separator;
/// the caller writes the spaces a token needs from its neighbour.
pub trait Syntax {
    /// Appends `text` as it is (operators, delimiters, fixed names).
    fn raw(&mut self, text: &str) -> &mut Self;
    /// Appends an integer.
    fn int(&mut self, value: i64) -> &mut Self;
    /// Appends a real with at most four decimals, trailing zeros dropped (`12`, `-0.5`,
    /// `144.4724`); a value that is not finite is written as `0`.
    fn real(&mut self, value: f32) -> &mut Self;
    /// Appends a real with at most two decimals (`TJ` offsets, in thousandths of an em).
    fn real2(&mut self, value: f32) -> &mut Self;
    /// Appends `/name`, with every byte outside the regular characters as `#xx`.
    fn name(&mut self, name: &str) -> &mut Self;
    /// Appends `N 0 R`.
    fn reference(&mut self, r: Ref) -> &mut Self;
    /// Appends an array of references, `[N 0 R M 0 R …]`.
    fn references(&mut self, refs: &[Ref]) -> &mut Self;
    /// Appends `<…>`: `bytes` as hexadecimal.
    fn hex(&mut self, bytes: &[u8]) -> &mut Self;
    /// Appends a text string (PDF 32000-1 §7.9.2.2): UTF-16BE with a byte-order mark, in
    /// hexadecimal.
    fn text(&mut self, text: &str) -> &mut Self;
    /// Appends `<…>`: `text` as UTF-16BE in hexadecimal, without a byte-order mark (the
    /// targets of a ToUnicode map).
    fn utf16(&mut self, text: &str) -> &mut Self;
}

impl Syntax for Vec<u8> {
    fn raw(&mut self, text: &str) -> &mut Self {
        self.extend_from_slice(text.as_bytes());
        self
    }

    fn int(&mut self, value: i64) -> &mut Self {
        if value < 0 {
            self.push(b'-');
        }
        digits(self, value.unsigned_abs());
        self
    }

    fn real(&mut self, value: f32) -> &mut Self {
        fixed(self, value, REAL_SCALE);
        self
    }

    fn real2(&mut self, value: f32) -> &mut Self {
        fixed(self, value, 100);
        self
    }

    fn name(&mut self, name: &str) -> &mut Self {
        self.push(b'/');
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() || b"-_.+".contains(&b) {
                self.push(b);
            } else {
                self.push(b'#');
                hex_byte(self, b);
            }
        }
        self
    }

    fn reference(&mut self, r: Ref) -> &mut Self {
        digits(self, u64::from(r.0));
        self.raw(" 0 R")
    }

    fn references(&mut self, refs: &[Ref]) -> &mut Self {
        self.push(b'[');
        for (k, r) in refs.iter().enumerate() {
            self.raw(if k == 0 { "" } else { " " }).reference(*r);
        }
        self.push(b']');
        self
    }

    fn hex(&mut self, bytes: &[u8]) -> &mut Self {
        self.push(b'<');
        for &b in bytes {
            hex_byte(self, b);
        }
        self.push(b'>');
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        self.raw("<FEFF");
        utf16_digits(self, text);
        self.push(b'>');
        self
    }

    fn utf16(&mut self, text: &str) -> &mut Self {
        self.push(b'<');
        utf16_digits(self, text);
        self.push(b'>');
        self
    }
}

/// Appends the hex digits of `text` in UTF-16BE.
fn utf16_digits(out: &mut Vec<u8>, text: &str) {
    for unit in text.encode_utf16() {
        for b in unit.to_be_bytes() {
            hex_byte(out, b);
        }
    }
}

/// What [`Syntax::real`] writes a value in: 1/10000 of a unit.
pub const REAL_SCALE: u64 = 10_000;

/// `value` in units of `1/scale`, rounded as it is written.
pub fn in_units(value: f32, scale: u64) -> f64 {
    (f64::from(value) * scale as f64).round()
}

/// Appends the decimal digits of `n`.
fn digits(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// Appends `value` rounded to `1/scale` (a power of ten), trailing zeros dropped.
fn fixed(out: &mut Vec<u8>, value: f32, scale: u64) {
    let scaled = in_units(value, scale);
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        out.push(b'0');
        return;
    }
    let n = scaled as i64;
    if n < 0 {
        out.push(b'-');
    }
    let n = n.unsigned_abs();
    digits(out, n / scale);
    let mut frac = n % scale;
    if frac == 0 {
        return;
    }
    out.push(b'.');
    let mut place = scale / 10;
    while frac > 0 {
        out.push(b'0' + (frac / place) as u8);
        frac %= place;
        place /= 10;
    }
}

/// Appends the two hex digits of `b`.
pub fn hex_byte(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(HEX[usize::from(b >> 4)]);
    out.push(HEX[usize::from(b & 15)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `f` appends to an empty buffer.
    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).expect("ascii")
    }

    #[test]
    fn reals_keep_four_decimals_and_drop_trailing_zeros() {
        let cases = [
            (0.0, "0"),
            (12.0, "12"),
            (-0.5, "-0.5"),
            (144.47244, "144.4724"),
            (0.00004, "0"),
            (-0.00004, "0"),
            (0.00006, "0.0001"),
            (595.275_6, "595.2756"),
            (841.889_8, "841.8898"),
            (0.25, "0.25"),
            (1.05, "1.05"),
            (f32::NAN, "0"),
            (f32::INFINITY, "0"),
        ];
        for (value, want) in cases {
            assert_eq!(written(|o| _ = o.real(value)), want, "{value}");
        }
        assert_eq!(written(|o| _ = o.real2(6.444)), "6.44");
        assert_eq!(written(|o| _ = o.real2(77.0)), "77");
    }

    #[test]
    fn integers_names_strings_and_references() {
        assert_eq!(written(|o| _ = o.int(-1046)), "-1046");
        assert_eq!(written(|o| _ = o.int(0)), "0");
        let min = written(|o| _ = o.int(i64::MIN));
        assert_eq!(min, "-9223372036854775808");
        let name = written(|o| _ = o.name("A+Fandol Song(1)"));
        assert_eq!(name, "/A+Fandol#20Song#281#29");
        assert_eq!(written(|o| _ = o.reference(Ref(12))), "12 0 R");
        let list = written(|o| _ = o.references(&[Ref(3), Ref(4)]));
        assert_eq!(list, "[3 0 R 4 0 R]");
        assert_eq!(written(|o| _ = o.references(&[])), "[]");
        assert_eq!(written(|o| _ = o.hex(&[0, 0x1f, 0xab])), "<001FAB>");
        assert_eq!(written(|o| _ = o.text("预算A")), "<FEFF98847B970041>");
        assert_eq!(written(|o| _ = o.utf16("𠀀")), "<D840DC00>");
    }
}
