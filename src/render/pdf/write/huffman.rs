//! Huffman-only zlib streams, for the font programs.
//!
//! CJK charstrings hardly repeat (subroutinizing the Fandol faces saves 5 % of their bytes
//! before compression and nothing after), so what deflate gains on a font program is
//! almost all in its Huffman code: zlib's search for repeats took two thirds of the
//! compression time for 3 % of the bytes. Here each block of the program gets its own
//! optimal code (RFC 1951 dynamic block, literals only), written in one pass over the
//! bytes; a stream is a function of its input alone.

/// Bytes per block: each block carries a code fitted to its own bytes (~80 bytes of
/// header); larger blocks follow the glyphs less closely.
const BLOCK: usize = 32 * 1024;

/// The longest code deflate allows for literals, and for code lengths.
const MAX_BITS: u8 = 15;
const MAX_LENGTH_BITS: u8 = 7;

/// The order in which the code-length code's lengths are written (RFC 1951 3.2.7).
const LENGTH_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// End of block, the one symbol beyond the literals.
const END: usize = 256;

/// `bytes` as one complete zlib stream of literal-only dynamic-Huffman blocks.
pub fn deflate_literals(bytes: &[u8]) -> Vec<u8> {
    let mut out = Bits::with_capacity(bytes.len() * 7 / 8 + 64);
    out.bytes.extend([0x78, 0x01]);
    let mut blocks = bytes.chunks(BLOCK).peekable();
    if blocks.peek().is_none() {
        block(&mut out, &[], true);
    }
    while let Some(chunk) = blocks.next() {
        block(&mut out, chunk, blocks.peek().is_none());
    }
    out.align();
    out.bytes
        .extend(zlib_rs::adler32::adler32(1, bytes).to_be_bytes());
    out.bytes
}

/// One dynamic block of `chunk`'s bytes as literals.
fn block(out: &mut Bits, chunk: &[u8], last: bool) {
    let mut counts = [0u32; END + 1];
    // Four tallies side by side, so that a run of one byte value does not wait on its own
    // count at every step.
    let mut lanes = [[0u32; 256]; 4];
    let quads = chunk.chunks_exact(4);
    for &b in quads.remainder() {
        lanes[0][usize::from(b)] += 1;
    }
    for q in quads {
        for (lane, &b) in lanes.iter_mut().zip(q) {
            lane[usize::from(b)] += 1;
        }
    }
    for (i, count) in counts.iter_mut().take(256).enumerate() {
        *count = lanes.iter().map(|lane| lane[i]).sum();
    }
    counts[END] = 1;
    two_symbols_at_least(&mut counts);
    let lengths = code_lengths(&counts, MAX_BITS);
    out.put(u32::from(last), 1);
    out.put(2, 2);
    header(out, &lengths);
    let codes = canonical(&lengths);
    let mut table = [0u32; 256];
    for (entry, &(code, len)) in table.iter_mut().zip(&codes) {
        *entry = code | u32::from(len) << 16;
    }
    out.put_bytes(chunk, &table);
    let (code, len) = codes[END];
    out.put(code, len);
}

/// HLIT, HDIST, HCLEN and the code lengths: the literal code's, then two unused distance
/// codes of one bit (a complete code every reader accepts), run-length coded.
fn header(out: &mut Bits, lengths: &[u8]) {
    let mut all = lengths.to_vec();
    all.extend([1, 1]);
    let runs = runs(&all);
    let mut counts = [0u32; 19];
    for &(symbol, _) in &runs {
        counts[usize::from(symbol)] += 1;
    }
    two_symbols_at_least(&mut counts);
    let length_lengths = code_lengths(&counts, MAX_LENGTH_BITS);
    let written = LENGTH_ORDER
        .iter()
        .rposition(|&s| length_lengths[s] > 0)
        .map_or(4, |last| (last + 1).max(4));
    out.put(0, 5);
    out.put(1, 5);
    out.put(written as u32 - 4, 4);
    for &s in &LENGTH_ORDER[..written] {
        out.put(u32::from(length_lengths[s]), 3);
    }
    let codes = canonical(&length_lengths);
    for (symbol, extra) in runs {
        let (code, len) = codes[usize::from(symbol)];
        out.put(code, len);
        match symbol {
            16 => out.put(u32::from(extra), 2),
            17 => out.put(u32::from(extra), 3),
            18 => out.put(u32::from(extra), 7),
            _ => {}
        }
    }
}

/// Gives an unused symbol a count when fewer than two are used: a code of one symbol
/// would have no bits.
fn two_symbols_at_least(counts: &mut [u32]) {
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        if let Some(unused) = counts.iter_mut().find(|c| **c == 0) {
            *unused = 1;
        }
    }
}

/// Code lengths as code-length symbols with their extra bits: 16 repeats the previous
/// length 3–6 times, 17 and 18 give 3–10 and 11–138 zeros.
fn runs(lengths: &[u8]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lengths.len() {
        let len = lengths[i];
        let run = lengths[i..].iter().take_while(|&&l| l == len).count();
        if len == 0 && run >= 11 {
            let n = run.min(138);
            out.push((18, (n - 11) as u8));
            i += n;
        } else if len == 0 && run >= 3 {
            out.push((17, (run - 3) as u8));
            i += run;
        } else if len > 0 && run >= 4 {
            out.push((len, 0));
            let n = (run - 1).min(6);
            out.push((16, (n - 3) as u8));
            i += 1 + n;
        } else {
            out.push((len, 0));
            i += 1;
        }
    }
    out
}

/// Huffman code lengths for `counts` (0 for an unused symbol), none longer than `limit`:
/// when the optimal code is too deep, the counts are halved (keeping every used symbol)
/// and the code built again.
fn code_lengths(counts: &[u32], limit: u8) -> Vec<u8> {
    let mut counts = counts.to_vec();
    loop {
        let lengths = huffman(&counts);
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        for c in counts.iter_mut().filter(|c| **c > 0) {
            *c = (*c >> 1).max(1);
        }
    }
}

/// Optimal (unlimited) Huffman code lengths, by the two-queue method: leaves sorted by
/// count (then symbol), merged nodes taken in the order they were made, a leaf before a
/// node of the same weight. The result is a function of the counts alone.
fn huffman(counts: &[u32]) -> Vec<u8> {
    let mut leaves: Vec<(u64, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(symbol, &c)| (u64::from(c), symbol))
        .collect();
    leaves.sort_unstable();
    let n = leaves.len();
    let mut lengths = vec![0u8; counts.len()];
    if n < 2 {
        return lengths;
    }
    let mut weight: Vec<u64> = leaves.iter().map(|&(c, _)| c).collect();
    let mut parent = vec![0usize; 2 * n - 1];
    let (mut leaf, mut node) = (0, n);
    for made in n..2 * n - 1 {
        let mut take = || {
            let from_leaf = leaf < n && (node >= made || weight[leaf] <= weight[node]);
            let at = if from_leaf { &mut leaf } else { &mut node };
            *at += 1;
            *at - 1
        };
        let (a, b) = (take(), take());
        weight.push(weight[a] + weight[b]);
        parent[a] = made;
        parent[b] = made;
    }
    let mut depth = vec![0u8; 2 * n - 1];
    for k in (0..2 * n - 2).rev() {
        depth[k] = depth[parent[k]].saturating_add(1);
    }
    for (k, &(_, symbol)) in leaves.iter().enumerate() {
        lengths[symbol] = depth[k];
    }
    lengths
}

/// The canonical code of each symbol (RFC 1951 3.2.2), bit-reversed for writing, and its
/// length.
fn canonical(lengths: &[u8]) -> Vec<(u32, u8)> {
    let mut per_length = [0u32; 16];
    for &l in lengths.iter().filter(|&&l| l > 0) {
        per_length[usize::from(l)] += 1;
    }
    let mut next = [0u32; 16];
    let mut code = 0u32;
    for bits in 1..16 {
        code = (code + per_length[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            if l == 0 {
                return (0, 0);
            }
            let c = next[usize::from(l)];
            next[usize::from(l)] += 1;
            (c.reverse_bits() >> (32 - u32::from(l)), l)
        })
        .collect()
}

/// A deflate bit stream: bits are packed from the least significant end of each byte.
struct Bits {
    bytes: Vec<u8>,
    acc: u64,
    used: u32,
}

impl Bits {
    fn with_capacity(n: usize) -> Bits {
        Bits {
            bytes: Vec::with_capacity(n),
            acc: 0,
            used: 0,
        }
    }

    /// Appends the low `len` bits of `value` (at most 16).
    #[inline(always)]
    fn put(&mut self, value: u32, len: u8) {
        self.acc |= u64::from(value) << self.used;
        self.used += u32::from(len);
        if self.used >= 32 {
            self.bytes
                .extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.used -= 32;
        }
    }

    /// Appends the code of each of `bytes` from `table`, with the bit buffer in a
    /// register: three codes (at most 45 bits) go in, then all its whole bytes are stored
    /// with one 8-byte write and the rest kept, without a branch on how many there were.
    /// Each byte's entry in `table` is its code in the low 16 bits, the code's length
    /// above them.
    fn put_bytes(&mut self, bytes: &[u8], table: &[u32; 256]) {
        while self.used >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.used -= 8;
        }
        let start = self.bytes.len();
        // Codes are at most 15 bits: under two bytes a byte, and 8 bytes of slack.
        self.bytes.resize(start + bytes.len() * 2 + 8, 0);
        let buf = &mut self.bytes[start..];
        let (mut acc, mut used, mut pos) = (self.acc, self.used, 0usize);
        let add = |acc: &mut u64, used: &mut u32, b: u8| {
            let entry = table[usize::from(b)];
            *acc |= u64::from(entry & 0xFFFF) << *used;
            *used += entry >> 16;
        };
        let triples = bytes.chunks_exact(3);
        let rest = triples.remainder();
        for t in triples.chain(rest.chunks(3)) {
            for &b in t {
                add(&mut acc, &mut used, b);
            }
            buf[pos..pos + 8].copy_from_slice(&acc.to_le_bytes());
            let whole = used >> 3;
            pos += whole as usize;
            acc >>= whole * 8;
            used &= 7;
        }
        self.bytes.truncate(start + pos);
        (self.acc, self.used) = (acc, used);
    }

    /// Pads with zero bits to a whole byte and flushes.
    fn align(&mut self) {
        while self.used > 0 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.used = self.used.saturating_sub(8);
        }
        self.acc = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Read;

    fn inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .expect("a valid zlib stream");
        out
    }

    #[test]
    fn round_trips_edge_cases() {
        let long: Vec<u8> = (0..100_000u64).map(|i| (i * i % 251) as u8).collect();
        for input in [&[][..], &[0], &[7; 5], &[0, 255], &long] {
            assert_eq!(inflate(&deflate_literals(input)), input);
        }
    }

    #[test]
    fn skewed_bytes_get_short_codes() {
        let skewed: Vec<u8> = (0..50_000u32)
            .map(|i| if i % 7 == 0 { (i % 256) as u8 } else { 139 })
            .collect();
        let z = deflate_literals(&skewed);
        assert!(z.len() < skewed.len() / 2, "{} bytes", z.len());
        assert_eq!(inflate(&z), skewed);
    }

    #[test]
    fn deep_codes_are_limited_to_fifteen_bits() {
        let mut counts = vec![0u32; 257];
        let mut fib = (1u32, 1u32);
        for c in counts.iter_mut().take(30) {
            *c = fib.0;
            fib = (fib.1, fib.0 + fib.1);
        }
        assert!(huffman(&counts).iter().any(|&l| l > 15));
        let limited = code_lengths(&counts, 15);
        assert!(limited.iter().all(|&l| l <= 15));
        let kraft: f64 = limited
            .iter()
            .filter(|&&l| l > 0)
            .map(|&l| 0.5f64.powi(i32::from(l)))
            .sum();
        assert!((kraft - 1.0).abs() < 1e-9, "complete code: {kraft}");
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..70_000)) {
            prop_assert_eq!(inflate(&deflate_literals(&bytes)), bytes);
        }
    }
}
