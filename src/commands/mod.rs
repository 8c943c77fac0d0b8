//! The subcommands beyond `check` and `generate`, one module each: what a clerk uses
//! around the document itself (starting a file, previewing, rolling over, looking up codes,
//! publishing a batch, exporting tables).

pub mod batch;
pub mod codes;
pub mod init;
pub mod next_year;
pub mod rebuild;
pub mod serve;
pub mod watch;
pub mod watcher;
