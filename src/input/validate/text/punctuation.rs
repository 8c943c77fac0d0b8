//! Punctuation a reviewer marks: the same mark twice (。。), half-width marks inside
//! Chinese sentences (万元,占), and quotation marks or brackets left unpaired.

use super::Finding;

/// Whether `c` is a Chinese character (a 汉字).
pub fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether `c` is Chinese: a 汉字 or a full-width mark (，。“（ …).
fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(u32::from(c), 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Marks that end or split a sentence, none of which is ever written twice in a row.
const MARKS: [char; 7] = ['。', '，', '；', '、', '：', '！', '？'];

/// Each run of two or more sentence marks (。。, ，。, ；；); …… and —— are marks of their own.
pub fn repeated(text: &str) -> Vec<Finding> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|(_, c)| MARKS.contains(c))
            .count();
        if run >= 2 {
            let start = chars[i].0;
            let end = chars.get(i + run).map_or(text.len(), |(b, _)| *b);
            let marks = &text[start..end];
            out.push(Finding::error(
                start..end,
                format!("标点“{marks}”重复（repeated punctuation）"),
                "一处只留一个标点",
            ));
        }
        i += run.max(1);
    }
    out
}

/// Half-width marks inside Chinese: `,` `;` `:` `(` `)` next to a Chinese character
/// (万元,占; 项目,2个), `?` `!` `.` right after one. Thousands separators (1,327.70),
/// decimal points, times, URLs and codes have no Chinese neighbour and pass. One finding
/// per text, at the first, naming each mark once.
pub fn half_width(text: &str) -> Vec<Finding> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let neighbour = |i: usize, step: isize| {
        let mut j = i as isize + step;
        while let Some((_, c)) = usize::try_from(j).ok().and_then(|j| chars.get(j)) {
            if *c != ' ' {
                return Some(*c);
            }
            j += step;
        }
        None
    };
    let mut first = None;
    let mut marks: Vec<char> = Vec::new();
    for (i, (at, c)) in chars.iter().enumerate() {
        let left = neighbour(i, -1).is_some_and(is_chinese);
        let right = neighbour(i, 1).is_some_and(is_chinese);
        let wrong = match c {
            ',' | ';' | ':' | '(' | ')' => left || right,
            '?' | '!' => left,
            '.' => {
                neighbour(i, -1).is_some_and(is_han)
                    && !neighbour(i, 1).is_some_and(|n| n.is_ascii_alphanumeric())
            }
            _ => false,
        };
        if wrong {
            first.get_or_insert(*at..at + 1);
            if !marks.contains(c) {
                marks.push(*c);
            }
        }
    }
    let Some(at) = first else {
        return Vec::new();
    };
    let shown: Vec<String> = marks.iter().map(|m| format!("“{m}”")).collect();
    vec![Finding::error(
        at,
        format!(
            "中文句子里用了半角标点{}（half-width punctuation in Chinese text）",
            shown.join("")
        ),
        "中文里用全角标点：，；：（）？！。；数字中的千分位逗号和小数点不受影响",
    )]
}

/// Whether `key` is a text printed as a paragraph of its own, which ends as a sentence does:
/// a 主要职能 item, an 其他事项 note, a 绩效目标, a 名词解释.
pub fn is_paragraph(key: &str) -> bool {
    let item = |prefix: &str| {
        key.strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('[') && rest.ends_with(']'))
    };
    item("overview.functions")
        || item("notes.other")
        || key == "performance.unit.goal"
        || (key.starts_with("performance.projects[") && key.ends_with("].goal"))
        || (key.starts_with("glossary[") && key.ends_with("].definition"))
}

/// A paragraph that stops without its full stop (the checklist's 「…主要原因是工作量增加」
/// 后面漏了个句号), at its last character. A warning: some offices write 主要职能 items as a
/// list without stops.
pub fn unended(text: &str) -> Vec<Finding> {
    // A refused character at the end is reported as such: the sentence ends before it.
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || super::chars::is_refused(c));
    let Some(last) = trimmed.chars().next_back() else {
        return Vec::new();
    };
    if matches!(
        last,
        '。' | '！' | '？' | '；' | '）' | '”' | '’' | '》' | '…'
    ) {
        return Vec::new();
    }
    let at = trimmed.len() - last.len_utf8()..trimmed.len();
    vec![Finding::warning(
        at,
        format!("这段文字在“{last}”处结束，句末没有句号（missing full stop）"),
        "在句末补上句号“。”",
    )]
}

/// The closing mark of each pair checked, by its opening mark.
const PAIRS: [(char, char); 11] = [
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('(', ')'),
    ('《', '》'),
    ('【', '】'),
    ('「', '」'),
    ('『', '』'),
    ('〔', '〕'),
    ('［', '］'),
    ('〈', '〉'),
];

/// Each quotation mark or bracket without its partner: an opening mark never closed, a
/// closing mark never opened (“…”活动。” has one right quote too many).
pub fn unbalanced(text: &str) -> Vec<Finding> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut stray: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        if let Some((o, _)) = PAIRS.iter().find(|(o, _)| *o == c) {
            open.push((at, *o));
        } else if let Some((o, _)) = PAIRS.iter().find(|(_, cl)| *cl == c) {
            match open.iter().rposition(|(_, x)| x == o) {
                Some(p) => {
                    stray.extend(open.drain(p + 1..));
                    open.pop();
                }
                None if c == '’' && is_apostrophe(text, at) => {}
                None => stray.push((at, c)),
            }
        }
    }
    stray.extend(open);
    stray.sort_unstable();
    stray
        .into_iter()
        .map(|(at, c)| {
            let closing = PAIRS.iter().any(|(_, cl)| *cl == c);
            let (what, hint) = if closing {
                ("多了一个", "删去多余的这个标点，或在前面补上与它配对的标点")
            } else {
                ("缺少与之配对的", "补上配对的标点，或删去这一个")
            };
            let message = if closing {
                format!(
                    "{what}“{c}”，前面没有与它配对的标点（unbalanced quotation mark or bracket）"
                )
            } else {
                format!("“{c}”{what}后半（unbalanced quotation mark or bracket）")
            };
            Finding::error(at..at + c.len_utf8(), message, hint)
        })
        .collect()
}

/// A ’ between two Latin letters is an apostrophe (Xinjiang’s), not a quotation mark.
fn is_apostrophe(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().nth(1);
    before.is_some_and(|c| c.is_ascii_alphabetic())
        && after.is_some_and(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(found: &[Finding]) -> Vec<&str> {
        found.iter().map(|f| f.message.as_str()).collect()
    }

    #[test]
    fn repeated_marks_are_found_once_per_run() {
        let found = repeated("信息化建设及运行维护等方面的支出。。另，，有；。");
        assert_eq!(found.len(), 3, "{:?}", messages(&found));
        assert!(found[0].message.contains("“。。”"));
        assert!(repeated("……——等等。").is_empty());
    }

    #[test]
    fn half_width_marks_inside_chinese_are_found_numbers_and_urls_pass() {
        for wrong in [
            "万元,占",
            "项目,2个",
            "单位:万元",
            "金额(万元)",
            "是否?",
            "完成工作.",
            "一;二",
        ] {
            assert_eq!(half_width(wrong).len(), 1, "{wrong}");
        }
        for fine in [
            "1,327.70万元",
            "增长6.23%",
            "详见https://www.shpt.gov.cn/a.pdf",
            "9:30开始",
            "编码2011301",
            "Xinjiang, China",
        ] {
            assert!(half_width(fine).is_empty(), "{fine}");
        }
        let found = half_width("万元,占(甲),乙");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("“,”“(”“)”"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].at, 6..7);
    }

    #[test]
    fn a_paragraph_ends_with_its_full_stop() {
        assert!(is_paragraph("overview.functions[3]") && is_paragraph("notes.other[0]"));
        assert!(
            is_paragraph("performance.projects[2].goal") && is_paragraph("glossary[0].definition")
        );
        assert!(!is_paragraph("overview.functions_intro") && !is_paragraph("projects[0].name"));
        let found = unended("负责全县统计工作");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("在“作”处结束"),
            "{}",
            found[0].message
        );
        for fine in [
            "负责全县统计工作。",
            "负责统计（含普查）",
            "见“说明”",
            "甲；",
            "",
        ] {
            assert!(unended(fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn unpaired_marks_are_found_each_once() {
        let text = "开展“‘人民调解协议书检查’、优秀调解案例”活动。”";
        let found = unbalanced(text);
        assert_eq!(found.len(), 1, "{:?}", messages(&found));
        assert!(
            found[0].message.contains("多了一个“””"),
            "{}",
            found[0].message
        );
        assert_eq!(&text[found[0].at.clone()], "”");
        let found = unbalanced("《规划（2021—2025年》和【注");
        assert_eq!(found.len(), 2, "{:?}", messages(&found));
        assert!(found[0].message.contains("“（”缺少"));
        assert!(found[1].message.contains("“【”缺少"));
        assert!(unbalanced("《关于“十四五”规划（草案）的说明》，Xinjiang’s").is_empty());
    }
}
