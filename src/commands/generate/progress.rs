//! Progress of a batch as each budget finishes: on a terminal one progress bar line,
//! redrawn in place and cleared before anything else is printed; elsewhere (a log, a pipe)
//! one plain line per finished budget.

use std::io::Write;

/// Width of the bar, in cells.
const BAR: usize = 20;
/// The most display columns the bar shows of a file's name.
const NAME_COLUMNS: usize = 30;
/// Carriage return and erase-line: the start of a redraw, and a clear.
const CLEAR: &str = "\r\x1b[2K";

/// Reports a batch's progress on `err`, with each budget's own output on `err` and `out`.
pub struct Progress<E: Write, O: Write> {
    err: E,
    out: O,
    terminal: bool,
    total: usize,
    done: usize,
    drawn: bool,
}

impl<E: Write, O: Write> Progress<E, O> {
    /// Progress of `total` budgets; `terminal` when `err` is a terminal (bar, not lines).
    pub fn new(err: E, out: O, terminal: bool, total: usize) -> Self {
        let mut progress = Progress {
            err,
            out,
            terminal,
            total,
            done: 0,
            drawn: false,
        };
        progress.draw("");
        progress
    }

    /// One budget finished: `line` says how (`已生成 a（pdf、html）`), `name` is its file
    /// for the bar, then its own text for stderr (diagnostics) and stdout.
    pub fn finished(&mut self, line: &str, name: &str, stderr: &str, stdout: &str) {
        self.done += 1;
        self.clear();
        if !self.terminal {
            let _ = writeln!(self.err, "[{}/{}] {line}", self.done, self.total);
        }
        let _ = self.err.write_all(stderr.as_bytes());
        let _ = self.err.flush();
        let _ = self.out.write_all(stdout.as_bytes());
        let _ = self.out.flush();
        self.draw(name);
    }

    /// Removes the bar (before the closing lines).
    pub fn clear(&mut self) {
        if self.drawn {
            let _ = self.err.write_all(CLEAR.as_bytes());
            let _ = self.err.flush();
            self.drawn = false;
        }
    }

    /// Draws the bar with `name` as the last finished file (terminal only).
    fn draw(&mut self, name: &str) {
        if !self.terminal {
            return;
        }
        let filled = (self.done * BAR).checked_div(self.total).unwrap_or(BAR);
        let _ = write!(
            self.err,
            "{CLEAR}生成中 [{}{}] {}/{} {}",
            "#".repeat(filled),
            "-".repeat(BAR - filled.min(BAR)),
            self.done,
            self.total,
            shortened(name)
        );
        let _ = self.err.flush();
        self.drawn = true;
    }
}

/// `name`, cut to [`NAME_COLUMNS`] display columns with `…` (CJK characters count two), so
/// the bar stays on one line and can be redrawn.
fn shortened(name: &str) -> String {
    let width = |c: char| if u32::from(c) >= 0x1100 { 2 } else { 1 };
    if name.chars().map(width).sum::<usize>() <= NAME_COLUMNS {
        return name.to_string();
    }
    let mut out = String::new();
    let mut used = 1;
    for c in name.chars() {
        if used + width(c) > NAME_COLUMNS {
            break;
        }
        used += width(c);
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn without_a_terminal_each_budget_is_one_line_then_its_output() {
        let mut p = Progress::new(Vec::new(), Vec::new(), false, 2);
        p.finished("已生成 a（pdf）", "a.toml", "", "已生成 out/a.pdf\n");
        p.finished(
            "有错误 b.toml（1 个错误）",
            "b.toml",
            "b.toml:1:1: 错误\n",
            "",
        );
        p.clear();
        assert_eq!(
            text(&p.err),
            "[1/2] 已生成 a（pdf）\n[2/2] 有错误 b.toml（1 个错误）\nb.toml:1:1: 错误\n"
        );
        assert_eq!(text(&p.out), "已生成 out/a.pdf\n");
    }

    #[test]
    fn on_a_terminal_the_bar_is_redrawn_and_cleared_before_output() {
        let mut p = Progress::new(Vec::new(), Vec::new(), true, 4);
        p.finished(
            "有错误 b.toml（1 个错误）",
            "b.toml",
            "b.toml:1:1: 错误\n",
            "",
        );
        p.clear();
        let err = text(&p.err);
        assert_eq!(
            err,
            format!(
                "{CLEAR}生成中 [--------------------] 0/4 {CLEAR}b.toml:1:1: 错误\n\
                 {CLEAR}生成中 [#####---------------] 1/4 b.toml{CLEAR}"
            )
        );
        assert!(
            !err.contains("[1/4]"),
            "no plain progress line on a terminal"
        );
    }

    #[test]
    fn long_names_are_cut_to_keep_the_bar_on_one_line() {
        assert_eq!(shortened("a.toml"), "a.toml");
        let long = "奇台县商务和工业信息化局所属单位预算二〇二四年.toml";
        let cut = shortened(long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() < long.chars().count());
        assert!(
            cut.chars()
                .map(|c| if u32::from(c) >= 0x1100 { 2 } else { 1 })
                .sum::<usize>()
                <= NAME_COLUMNS
        );
    }
}
