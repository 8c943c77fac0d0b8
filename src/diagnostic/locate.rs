//! Locating a problem that has no span of its own: a key path (`assets.building_area`,
//! `prior.items[2]`) is pointed at the header of its table in the source text.

use std::ops::Range;

/// Where to point for a key that has no span of its own: the header of its table, or of
/// the nearest enclosing table that has one (`[assets]` for `assets.building_area`,
/// `[[prior.items]]` or else the first `[prior…]` header for `prior.items`).
pub fn header_span(src: &str, key: &str) -> Option<Range<usize>> {
    let plain: Vec<&str> = key
        .split('.')
        .map(|step| step.split('[').next().unwrap_or(step))
        .collect();
    let headers: Vec<(Range<usize>, &str)> = {
        let mut offset = 0;
        let mut out = Vec::new();
        for line in src.split_inclusive('\n') {
            let t = line.trim();
            if t.starts_with('[') {
                let start = offset + (line.len() - line.trim_start().len());
                let name = t
                    .trim_start_matches('[')
                    .split(']')
                    .next()
                    .unwrap_or("")
                    .trim();
                out.push((start..start + t.len(), name));
            }
            offset += line.len();
        }
        out
    };
    (1..=plain.len()).rev().find_map(|n| {
        let table = plain[..n].join(".");
        let nested = format!("{table}.");
        headers
            .iter()
            .find(|(_, name)| *name == table)
            .or_else(|| headers.iter().find(|(_, name)| name.starts_with(&nested)))
            .map(|(span, _)| span.clone())
    })
}
