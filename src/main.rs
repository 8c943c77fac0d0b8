//! The `gongkai` binary.

/// mimalloc: a render allocates and frees many small objects (glyph runs, PDF objects);
/// glibc's allocator spent a fifth of the time in malloc/free and page faults.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

fn main() -> ExitCode {
    match gongkai::commands::parse_args(std::env::args_os()) {
        Ok(cli) => gongkai::commands::run(cli),
        Err(code) => code,
    }
}
