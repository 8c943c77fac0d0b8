//! TOML text → check → document → HTML, PDF, JSON and xlsx, as `gongkai generate` runs it.
//! Any panic is a finding, and so is a budget that `check` accepts but rendering refuses.

#![no_main]

use gongkai::format::Format;
use gongkai::pipeline::Generator;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn generator() -> &'static Generator {
    static GENERATOR: OnceLock<Generator> = OnceLock::new();
    GENERATOR.get_or_init(|| {
        Generator::new(&[Format::Html, Format::Pdf, Format::Json, Format::Xlsx], None, &[])
            .expect("templates load")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = generator().generate(src, Path::new(".")) {
        // `check` found nothing wrong, yet an output could not be made.
        panic!("accepted by check, refused by generate: {e}");
    }
});
