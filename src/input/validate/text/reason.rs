//! A reason for a change: printed after 「主要原因是」, so it must say something, must not
//! say 「主要原因是」 again, and must not stop where its sentence goes on (「主要原因是。」).

use super::Finding;

/// Whether `key` names a reason (`prior.….reason`, `notes.secret_reason`).
pub fn is_reason(key: &str) -> bool {
    key.ends_with("reason")
}

/// Endings after which a sentence must go on.
const UNFINISHED: [&str; 22] = [
    "：", ":", "，", ",", "、", "；", ";", "（", "(", "“", "《", "是", "为", "因为", "由于",
    "原因", "在于", "用于", "包括", "如下", "以及", "及",
];

/// How the message of an empty reason begins.
pub const EMPTY: &str = "变动原因是空的";

/// What the document writes before a reason.
const LEAD: [&str; 3] = ["主要原因是", "原因是", "主要是"];

/// The problem of a reason, if any: empty (or only punctuation), starting with what the
/// document already writes before it, or ending where its sentence should go on.
pub fn check(text: &str) -> Vec<Finding> {
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    let body = trimmed.trim_end_matches(['。', '.', '！', '!', ' ', '　']);
    if !body.chars().any(char::is_alphanumeric) {
        return vec![Finding::error(
            start..start + trimmed.len(),
            format!("{EMPTY}（empty reason）"),
            "写明变动的原因；没有原因要说明时删去 reason 这个键",
        )];
    }
    if let Some(lead) = LEAD.iter().find(|l| body == **l) {
        return vec![Finding::error(
            start..start + trimmed.len(),
            format!("变动原因只写了“{lead}”，没有写完（unfinished reason）"),
            "写明变动的原因；公开文件会自动在原因前加上“主要原因是”",
        )];
    }
    if let Some(lead) = LEAD.iter().find(|l| body.starts_with(**l)) {
        return vec![Finding::error(
            start..start + lead.len(),
            format!("变动原因以“{lead}”开头，公开文件会印成“主要原因是{lead}…”（reason repeats its lead-in）"),
            "删去开头的这几个字：公开文件会自动在原因前加上“主要原因是”",
        )];
    }
    match UNFINISHED.iter().find(|e| body.ends_with(**e)) {
        Some(e) => {
            let end = start + body.len();
            vec![Finding::error(
                end - e.len()..end,
                format!("变动原因在“{e}”处没有写完（unfinished reason）"),
                "把原因写完整，例如“人员增加，工资福利支出相应增加”",
            )]
        }
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_unfinished_and_doubled_reasons_are_refused() {
        for (reason, says) in [
            ("", "空的"),
            ("。", "空的"),
            ("  ；。 ", "空的"),
            ("主要原因是。", "只写了“主要原因是”"),
            ("主要原因是人员增加", "以“主要原因是”开头"),
            ("人员增加，主要是：", "在“：”处没有写完"),
            ("工作量增加，原因是", "在“是”处没有写完"),
        ] {
            let found = check(reason);
            assert_eq!(found.len(), 1, "{reason}");
            assert!(
                found[0].message.contains(says),
                "{reason}: {}",
                found[0].message
            );
        }
        for fine in ["人员增加。", "增加了2名退休人员", "调标增资"] {
            assert!(check(fine).is_empty(), "{fine}");
        }
    }
}
