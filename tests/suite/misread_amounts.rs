//! Every amount of every example, perturbed into each form a number must not be read as
//! (misplaced or doubled thousands separators, a second decimal point, a stray letter),
//! is refused with an error located at that amount: nothing is silently misread.

use crate::common;

use common::{example_path, EXAMPLES};
use std::path::Path;

/// Forms of a mistyped amount, each refused.
const MISREAD: [&str; 7] = [
    "1,2,3",
    "1,,9.00",
    ",19.00",
    "19,.00",
    "1.2.3",
    "12a",
    "1,2345.00",
];

/// True for a string value that is an amount as written in the examples.
fn is_amount(key: &str, text: &str) -> bool {
    let last = key.rsplit('.').next().unwrap_or(key);
    !last.contains("code")
        && text.contains('.')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

#[test]
fn every_amount_misread_is_refused_where_it_stands() {
    let mut tried = 0;
    for name in EXAMPLES {
        let src = std::fs::read_to_string(example_path(name)).unwrap();
        let amounts: Vec<_> = gongkai::input::parse::strings(&src)
            .into_iter()
            .filter(|(key, _, text)| is_amount(key, text))
            .collect();
        assert!(
            amounts.len() > 50,
            "{name}: amounts found: {}",
            amounts.len()
        );
        for (i, (key, span, _)) in amounts.iter().enumerate() {
            let bad = MISREAD[i % MISREAD.len()];
            let mut perturbed = src.clone();
            perturbed.replace_range(span.clone(), &format!("\"{bad}\""));
            let (_, diags) = gongkai::input::load_str(&perturbed, Path::new("."));
            let hit = diags.iter().any(|d| {
                d.is_error()
                    && (d.message.contains("不是金额") || d.message.contains("不是非负数值"))
                    && d.span.as_ref().is_some_and(|s| s.start == span.start)
            });
            assert!(
                hit,
                "{name} {key}: \"{bad}\" was not refused at its place: {diags:?}"
            );
            tried += 1;
        }
    }
    assert!(tried > 200, "tried {tried}");
}
