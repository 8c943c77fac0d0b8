//! 政府收支分类科目: classification codes and their embedded names.
//!
//! 支出功能分类 (类 3 digits, 款 5, 项 7) and 部门预算支出经济分类 (类 3, 款 5). A code's
//! name comes from the embedded table; codes missing from it may be named in the TOML's
//! `[names]` table.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

const FUNCTIONAL: &str = include_str!("codes/functional.tsv");
const ECONOMIC: &str = include_str!("codes/economic.tsv");

/// The edition (year) of the 政府收支分类科目 the embedded tables follow: the default of
/// `[unit] classification`.
pub const EDITION: &str = "2024";

/// A 支出功能分类 code: `201` (类), `20113` (款) or `2011301` (项).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FuncCode(String);

/// A 部门预算支出经济分类 code: `302` (类) or `30217` (款).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EconCode(String);

impl FuncCode {
    /// Accepts 3, 5 or 7 ASCII digits.
    pub fn parse(s: &str) -> Option<FuncCode> {
        let s = s.trim();
        (matches!(s.len(), 3 | 5 | 7) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| FuncCode(s.to_string()))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for a 7-digit 项 code.
    pub fn is_item(&self) -> bool {
        self.0.len() == 7
    }

    /// The 类 code (first three digits).
    pub fn class(&self) -> FuncCode {
        FuncCode(self.0[..3].to_string())
    }

    /// The 款 code (first five digits); for a 类 code, itself.
    pub fn kuan(&self) -> FuncCode {
        FuncCode(self.0[..self.0.len().min(5)].to_string())
    }

    /// The two digits of this level (`13` for `20113`, `01` for `2011301`).
    pub fn own_digits(&self) -> &str {
        let n = self.0.len();
        if n == 3 {
            &self.0
        } else {
            &self.0[n - 2..]
        }
    }
}

impl EconCode {
    /// Accepts 3 or 5 ASCII digits starting with 3.
    pub fn parse(s: &str) -> Option<EconCode> {
        let s = s.trim();
        (matches!(s.len(), 3 | 5) && s.starts_with('3') && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| EconCode(s.to_string()))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 类 code.
    pub fn class(&self) -> EconCode {
        EconCode(self.0[..3].to_string())
    }

    /// True for a 5-digit 款 code.
    pub fn is_kuan(&self) -> bool {
        self.0.len() == 5
    }

    /// 人员经费 (工资福利支出 301, 对个人和家庭的补助 303) rather than 公用经费.
    pub fn is_personnel(&self) -> bool {
        self.0.starts_with("301") || self.0.starts_with("303")
    }
}

impl fmt::Display for FuncCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for EconCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The 类 codes printed in tables 1 and 4, in order, even when empty.
pub const CLASS_LIST: [&str; 30] = [
    "201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213",
    "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230",
    "231", "232", "233", "234",
];

/// Name lookup: the embedded tables plus the TOML's own `[names]`.
#[derive(Debug, Clone, Default)]
pub struct Names {
    functional: BTreeMap<String, String>,
    economic: BTreeMap<String, String>,
    extra: BTreeMap<String, String>,
}

impl Names {
    /// The embedded tables with `extra` names (from the TOML) layered on top.
    pub fn with_extra(extra: &BTreeMap<String, String>) -> Names {
        let mut names = Names {
            functional: load(FUNCTIONAL),
            economic: load(ECONOMIC),
            extra: extra.clone(),
        };
        for (code, name) in extra {
            if code.starts_with('3') && code.len() <= 5 {
                names.economic.insert(code.clone(), name.clone());
            } else {
                names.functional.insert(code.clone(), name.clone());
            }
        }
        names
    }

    /// The names the TOML's `[names]` gives, by code.
    pub fn extra(&self) -> &BTreeMap<String, String> {
        &self.extra
    }

    /// Name of a 功能分类 code.
    pub fn functional(&self, code: &FuncCode) -> Option<&str> {
        self.functional.get(code.as_str()).map(String::as_str)
    }

    /// Name of an 经济分类 code.
    pub fn economic(&self, code: &EconCode) -> Option<&str> {
        self.economic.get(code.as_str()).map(String::as_str)
    }

    /// Up to `n` known 功能分类 codes of the same level nearest to `code` (longest common
    /// prefix first, then numerically closest), with their names: the hint for a typo.
    pub fn nearest_functional(&self, code: &str, n: usize) -> Vec<(String, String)> {
        nearest(&self.functional, code, n)
    }

    /// Up to `n` known 经济分类 codes of the same level nearest to `code`, with names.
    pub fn nearest_economic(&self, code: &str, n: usize) -> Vec<(String, String)> {
        nearest(&self.economic, code, n)
    }

    /// Name of a 功能分类 code, or the code itself when unknown (validation reports those).
    pub fn functional_or_code(&self, code: &FuncCode) -> String {
        self.functional(code)
            .map(str::to_string)
            .unwrap_or_else(|| code.to_string())
    }

    /// Name of an 经济分类 code, or the code itself when unknown.
    pub fn economic_or_code(&self, code: &EconCode) -> String {
        self.economic(code)
            .map(str::to_string)
            .unwrap_or_else(|| code.to_string())
    }
}

fn nearest(table: &BTreeMap<String, String>, code: &str, n: usize) -> Vec<(String, String)> {
    let number = |c: &str| c.parse::<i64>().unwrap_or(0);
    let mut candidates: Vec<(usize, i64, &String, &String)> = table
        .iter()
        .filter(|(c, _)| c.len() == code.len())
        .map(|(c, name)| {
            let common = c
                .bytes()
                .zip(code.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            (common, (number(c) - number(code)).abs(), c, name)
        })
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    candidates
        .into_iter()
        .take(n)
        .map(|(_, _, c, name)| (c.clone(), name.clone()))
        .collect()
}

/// The embedded 支出功能分类 table: (code, name) for every 类, 款 and 项, in file order.
pub fn functional_table() -> Vec<(&'static str, &'static str)> {
    rows(FUNCTIONAL)
}

/// The embedded 部门预算支出经济分类 table: (code, name) for every 类 and 款, in file order.
pub fn economic_table() -> Vec<(&'static str, &'static str)> {
    rows(ECONOMIC)
}

fn rows(tsv: &'static str) -> Vec<(&'static str, &'static str)> {
    tsv.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, n)| (c.trim(), n.trim()))
        .collect()
}

fn load(tsv: &str) -> BTreeMap<String, String> {
    tsv.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, n)| (c.trim().to_string(), n.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_a_name() {
        let names = Names::with_extra(&BTreeMap::new());
        for c in CLASS_LIST {
            assert!(
                names.functional(&FuncCode::parse(c).unwrap()).is_some(),
                "{c}"
            );
        }
    }

    #[test]
    fn nearest_codes_share_the_longest_prefix() {
        let names = Names::with_extra(&BTreeMap::new());
        let near = names.nearest_functional("2011398", 2);
        assert_eq!(near[0].0, "2011399");
        assert!(near.iter().all(|(c, _)| c.starts_with("20113")));
        assert_eq!(names.nearest_economic("30299", 1)[0].0, "30299");
        assert_eq!(names.nearest_economic("30298", 1)[0].0, "30299");
    }

    #[test]
    fn every_embedded_code_has_its_parents() {
        let names = Names::with_extra(&BTreeMap::new());
        for code in names.functional.keys() {
            let c = FuncCode::parse(code).unwrap();
            assert!(names.functional(&c.class()).is_some(), "{code}");
            assert!(names.functional(&c.kuan()).is_some(), "{code}");
        }
        for code in names.economic.keys() {
            let c = EconCode::parse(code).unwrap();
            assert!(names.economic(&c.class()).is_some(), "{code}");
        }
    }

    #[test]
    fn code_shapes() {
        assert!(FuncCode::parse("2011301").is_some());
        assert!(FuncCode::parse("201130").is_none());
        assert!(FuncCode::parse("20113a1").is_none());
        assert_eq!(FuncCode::parse("2011301").unwrap().kuan().as_str(), "20113");
        assert!(EconCode::parse("30217").unwrap().is_kuan());
        assert!(EconCode::parse("40217").is_none());
        assert!(EconCode::parse("30101").unwrap().is_personnel());
        assert!(!EconCode::parse("30201").unwrap().is_personnel());
    }
}
