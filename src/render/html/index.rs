//! The index page of a batch (`index.html`): one row per budget with its unit, key totals,
//! links to its outputs and its status. The command layer says what happened to each
//! budget ([`IndexEntry`]); this module turns that into the view the `index.html` template
//! places, rows sorted by file name, so the same batch gives the same bytes.

use crate::document::summary::{Totals, UnitFacts, LABELS};
use crate::format::Format;
use serde::Serialize;

/// One budget of a batch, as the index lists it.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The budget file's name (`qitai-commerce-2024.toml`).
    pub file: String,
    /// Who the budget is about, when its file was readable that far.
    pub unit: Option<UnitFacts>,
    /// Its key totals as printed, when it was generated.
    pub totals: Option<Totals>,
    /// The output files written for it, as names beside the index (`qitai.pdf`).
    pub outputs: Vec<String>,
    /// How it went.
    pub status: EntryStatus,
}

/// How one budget of a batch went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryStatus {
    /// Generated, with this many warnings.
    Generated {
        /// Warnings.
        warnings: usize,
    },
    /// Not generated: the budget has errors.
    Invalid {
        /// Errors.
        errors: usize,
        /// The first error, located (`a.toml:3:5: [unit.year] …`).
        first: String,
    },
    /// Not generated: the file could not be read, rendered or written.
    Failed {
        /// Why.
        message: String,
    },
}

/// The page.
#[derive(Debug, Serialize)]
pub(super) struct IndexView {
    /// `<title>` and heading.
    title: String,
    /// The counts line under the heading.
    counts: String,
    /// `金额单位：万元`, when every listed total is in the same unit.
    money_unit: Option<String>,
    /// The key total columns' headings.
    labels: Vec<&'static str>,
    /// One row per budget, by file name.
    rows: Vec<RowView>,
}

/// One budget's row.
#[derive(Debug, Serialize)]
struct RowView {
    /// Whether the file is named under the unit (not when the name is the file).
    file_apart: bool,
    file: String,
    /// The unit's name, or the file's when unknown.
    name: String,
    /// The budget year, `—` when unknown.
    year: String,
    /// `部门` or `单位`, `—` when unknown.
    scope: String,
    /// One text per label; `—` where there is none or the table prints it blank.
    figures: Vec<FigureView>,
    links: Vec<LinkView>,
    /// `ok`, `warn` or `err`.
    class: &'static str,
    status: String,
    detail: Option<String>,
}

#[derive(Debug, Serialize)]
struct FigureView {
    label: &'static str,
    text: String,
    /// No figure (`—`): left out of a phone's card.
    empty: bool,
}

#[derive(Debug, Serialize)]
struct LinkView {
    href: String,
    label: String,
    /// Where the kind is listed.
    #[serde(skip)]
    order: u8,
}

/// The view of a batch's index.
pub(super) fn view(entries: &[IndexEntry]) -> IndexView {
    let mut entries: Vec<&IndexEntry> = entries.iter().collect();
    entries.sort_by(|a, b| a.file.cmp(&b.file));
    let mut units: Vec<&str> = entries
        .iter()
        .filter_map(|e| e.totals.as_ref())
        .map(|t| t.unit.as_str())
        .collect();
    units.sort_unstable();
    units.dedup();
    let shared_unit = match units.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let generated = entries
        .iter()
        .filter(|e| matches!(e.status, EntryStatus::Generated { .. }))
        .count();
    let warned = entries
        .iter()
        .filter(|e| matches!(e.status, EntryStatus::Generated { warnings } if warnings > 0))
        .count();
    let failed = entries.len() - generated;
    let mut counts = format!("共 {} 个预算：{generated} 个已生成", entries.len());
    if warned > 0 {
        counts.push_str(&format!("（其中 {warned} 个有警告）"));
    }
    counts.push_str(&format!("，{failed} 个有错误。"));
    IndexView {
        title: "预算公开文件索引".to_string(),
        counts,
        money_unit: shared_unit.map(|u| format!("金额单位：{u}")),
        labels: LABELS.to_vec(),
        rows: entries
            .iter()
            .map(|e| row(e, shared_unit.is_none()))
            .collect(),
    }
}

fn row(e: &IndexEntry, with_unit: bool) -> RowView {
    let figures = LABELS
        .iter()
        .map(|&label| {
            let printed = e.totals.as_ref().and_then(|t| {
                let f = t.figures.iter().find(|f| f.label == label)?;
                let suffix = if with_unit { t.unit.as_str() } else { "" };
                (!f.text.is_empty()).then(|| format!("{}{suffix}", f.text))
            });
            FigureView {
                label,
                empty: printed.is_none(),
                text: printed.unwrap_or_else(|| "—".to_string()),
            }
        })
        .collect();
    let (class, status, detail) = match &e.status {
        EntryStatus::Generated { warnings: 0 } => ("ok", "已生成".to_string(), None),
        EntryStatus::Generated { warnings } => ("warn", format!("已生成，{warnings} 个警告"), None),
        EntryStatus::Invalid { errors, first } => {
            let more = match errors.saturating_sub(1) {
                0 => String::new(),
                n => format!(
                    "（另有 {n} 个错误，运行 gongkai check {} 查看全部）",
                    e.file
                ),
            };
            (
                "err",
                format!("{errors} 个错误"),
                Some(format!("{first}{more}")),
            )
        }
        EntryStatus::Failed { message } => ("err", "未生成".to_string(), Some(message.clone())),
    };
    let mut links: Vec<LinkView> = e.outputs.iter().map(|name| link(name)).collect();
    links.sort_by_key(|l| l.order);
    RowView {
        file: e.file.clone(),
        // A budget read too little to know its unit is named by its file alone.
        file_apart: e.unit.is_some(),
        name: e
            .unit
            .as_ref()
            .map_or_else(|| e.file.clone(), |u| u.name.clone()),
        year: e
            .unit
            .as_ref()
            .map_or_else(|| "—".to_string(), |u| u.year.to_string()),
        scope: e
            .unit
            .as_ref()
            .map_or_else(|| "—".to_string(), |u| u.scope.clone()),
        figures,
        links,
        class,
        status,
        detail,
    }
}

/// A link to an output beside the index, named by its kind; links are listed 网页, PDF,
/// Excel, JSON whatever order the formats were asked in.
fn link(name: &str) -> LinkView {
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    let (order, label) = match Format::from_extension(ext) {
        Some(format) => (format.link_rank(), format.label().to_string()),
        None => (u8::MAX, ext.to_uppercase()),
    };
    LinkView {
        href: href(name),
        label,
        order,
    }
}

/// A relative URL of a file beside the index: `./` and the name with everything but
/// unreserved ASCII percent-encoded (so no name reads as a scheme, query or fragment).
fn href(name: &str) -> String {
    let mut out = String::from("./");
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::summary::KeyFigure;

    fn entry(file: &str, status: EntryStatus, unit: &str) -> IndexEntry {
        IndexEntry {
            file: file.to_string(),
            unit: None,
            totals: Some(Totals {
                unit: unit.to_string(),
                figures: vec![KeyFigure {
                    label: "收入总计".to_string(),
                    text: "1,795.47".to_string(),
                    amount: None,
                }],
            }),
            outputs: vec![format!("{}.pdf", file.trim_end_matches(".toml"))],
            status,
        }
    }

    #[test]
    fn hrefs_are_relative_and_encoded() {
        assert_eq!(href("qitai-2024.pdf"), "./qitai-2024.pdf");
        assert_eq!(href("javascript:x.pdf"), "./javascript%3Ax.pdf");
        assert_eq!(href("a b#?.html"), "./a%20b%23%3F.html");
        assert_eq!(href("奇台.pdf"), "./%E5%A5%87%E5%8F%B0.pdf");
    }

    #[test]
    fn rows_are_sorted_and_counted() {
        let v = view(&[
            entry("b.toml", EntryStatus::Generated { warnings: 2 }, "万元"),
            entry("a.toml", EntryStatus::Generated { warnings: 0 }, "万元"),
            IndexEntry {
                totals: None,
                outputs: Vec::new(),
                ..entry(
                    "c.toml",
                    EntryStatus::Invalid {
                        errors: 3,
                        first: "c.toml:1:1: [unit] 缺少".to_string(),
                    },
                    "万元",
                )
            },
        ]);
        let files: Vec<&str> = v.rows.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["a.toml", "b.toml", "c.toml"]);
        assert_eq!(
            v.counts,
            "共 3 个预算：2 个已生成（其中 1 个有警告），1 个有错误。"
        );
        assert_eq!(v.money_unit.as_deref(), Some("金额单位：万元"));
        assert_eq!(v.rows[0].figures[0].text, "1,795.47");
        assert_eq!(v.rows[0].figures[1].text, "—");
        assert_eq!(v.rows[2].status, "3 个错误");
        assert_eq!(
            v.rows[2].detail.as_deref(),
            Some("c.toml:1:1: [unit] 缺少（另有 2 个错误，运行 gongkai check c.toml 查看全部）")
        );
        assert_eq!(v.rows[2].name, "c.toml");
        assert!(!v.rows[2].file_apart, "the file is not named twice");
        assert!(v.rows[2].figures.iter().all(|f| f.empty));
    }

    #[test]
    fn links_are_listed_in_one_order_and_named_for_clerks() {
        let v = view(&[IndexEntry {
            outputs: ["a.json", "a.xlsx", "a.pdf", "a.html"]
                .map(String::from)
                .to_vec(),
            ..entry("a.toml", EntryStatus::Generated { warnings: 0 }, "万元")
        }]);
        let labels: Vec<&str> = v.rows[0].links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["网页", "PDF", "Excel", "JSON"]);
    }

    #[test]
    fn mixed_money_units_print_beside_each_figure() {
        let v = view(&[
            entry("a.toml", EntryStatus::Generated { warnings: 0 }, "万元"),
            entry("b.toml", EntryStatus::Generated { warnings: 0 }, "元"),
        ]);
        assert_eq!(v.money_unit, None);
        assert_eq!(v.rows[1].figures[0].text, "1,795.47元");
    }
}
