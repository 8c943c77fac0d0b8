//! Names in texts: the unit's own name misspelt (an old name left in), and a 类 named in
//! words other than the classification's (「医疗卫生与计划生育支出（210类）」 where the
//! tables print 卫生健康支出).

use super::{Finding, TextRules};
use crate::input::placeholder::is_placeholder;

const ORG_SUFFIXES: [&str; 6] = ["委员会", "局", "委", "办公室", "中心", "厅"];

/// The region prefix of a name (`奇台县`) followed by the first two characters after it.
pub fn stem(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let pos = chars
        .iter()
        .position(|c| matches!(c, '县' | '市' | '州' | '区' | '旗'))?;
    (chars.len() > pos + 3).then(|| chars[..pos + 3].iter().collect())
}

/// The first organisation named like the unit (same stem) that is none of its names.
pub fn misspelt_name(text: &str, rules: &TextRules) -> Option<String> {
    // A name not yet filled in: which spellings are the unit's is not known.
    if rules.names.iter().any(|n| is_placeholder(n)) {
        return None;
    }
    let stem = rules.name_stem.as_ref()?;
    let mut rest = text;
    while let Some(pos) = rest.find(stem.as_str()) {
        let after = &rest[pos..];
        let candidate = ORG_SUFFIXES
            .iter()
            .filter_map(|s| after.find(s).map(|i| (i, s.len())))
            .min_by_key(|(i, len)| (*i, usize::MAX - len))
            .map(|(i, len)| &after[..i + len])
            .filter(|c| c.chars().count() <= 24);
        if let Some(c) = candidate {
            let known = rules
                .names
                .iter()
                .any(|n| n == c || n.starts_with(c) || c.starts_with(n.as_str()));
            if !known {
                return Some(c.to_string());
            }
        }
        rest = &rest[pos + stem.len()..];
    }
    None
}

/// Each 类 cited by its code (`（210类）`) whose words before it are not the
/// classification's name of that 类.
pub fn class_names(text: &str, official: impl Fn(&str) -> Option<&'static str>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (open, bracket) in text.match_indices(['（', '(']) {
        let inner = &text[open + bracket.len()..];
        let code = inner
            .get(..3)
            .filter(|c| c.bytes().all(|b| b.is_ascii_digit()));
        let close = match inner.get(3..) {
            Some(r) if r.starts_with("类）") => "类）".len(),
            Some(r) if r.starts_with("类)") => "类)".len(),
            _ => 0,
        };
        let cited = close > 0;
        let Some((code, name)) = code.filter(|_| cited).and_then(|c| Some((c, official(c)?)))
        else {
            continue;
        };
        let before = &text[..open];
        if before.ends_with(name) {
            continue;
        }
        let cited = &text[open..open + bracket.len() + 3 + close];
        out.push(Finding::error(
            open..open + cited.len(),
            format!(
                "“{cited}”前写的不是分类里的名称：{code} 类是“{name}”（class named otherwise）"
            ),
            &format!("写作“{name}（{code}类）”，与公开表里的名称一致"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_renamed_unit() {
        let rules = TextRules::new("玛纳斯县商务和工业信息化局", &[], Some(2024));
        assert_eq!(
            misspelt_name("玛纳斯县商务和经济信息化委员会负责", &rules).as_deref(),
            Some("玛纳斯县商务和经济信息化委员会")
        );
        assert_eq!(
            misspelt_name("玛纳斯县商务和工业信息化局负责", &rules),
            None
        );
        assert_eq!(misspelt_name("玛纳斯县人民政府", &rules), None);
    }

    #[test]
    fn a_class_cited_under_an_old_name_is_found() {
        let official = |c: &str| (c == "210").then_some("卫生健康支出");
        let text = "第11点：医疗卫生与计划生育支出（210类）12万元";
        let found = class_names(text, official);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("210 类是“卫生健康支出”"),
            "{}",
            found[0].message
        );
        assert_eq!(&text[found[0].at.clone()], "（210类）");
        assert!(class_names("主要用于卫生健康支出（210类）", official).is_empty());
        assert!(class_names("住房公积金（01项）", official).is_empty());
    }
}
