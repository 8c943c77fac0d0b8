//! Words a reviewer marks: placeholders left in (XX, 请填写, TBD), a word written twice
//! (预算预算, 的的), change words that contradict each other (增加持平, 增加（减少）), and a
//! unit's document that calls itself 部门预算.

use super::punctuation::is_han;
use super::Finding;

/// Placeholders that must never reach a published document. (A value that is only `待填写`
/// is the starter file's placeholder, reported as such by `input::placeholder`.)
const PLACEHOLDERS: [&str; 20] = [
    "待填写",
    "请填写",
    "请输入",
    "此处填写",
    "待补充",
    "待定",
    "（略）",
    "(略)",
    "XX",
    "xx",
    "ＸＸ",
    "ｘｘ",
    "××",
    "某某",
    "……",
    "TBD",
    "TODO",
    "FIXME",
    "tbd",
    "todo",
];

/// Every placeholder of `text` (the longest where two start at one place), each named once,
/// in one finding at the first.
pub fn placeholders(text: &str) -> Vec<Finding> {
    let mut first = None;
    let mut names: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let found = PLACEHOLDERS
            .iter()
            .filter(|p| text[i..].starts_with(**p))
            .max_by_key(|p| p.len());
        match found {
            Some(p) => {
                first.get_or_insert(i..i + p.len());
                if !names.contains(p) {
                    names.push(p);
                }
                i += p.len();
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let Some(at) = first else {
        return Vec::new();
    };
    let shown: Vec<String> = names.iter().map(|p| format!("“{p}”")).collect();
    vec![Finding::error(
        at,
        format!(
            "文本中留有占位符{}（placeholder left in text）",
            shown.join("、")
        ),
        "把占位符换成实际内容后再生成",
    )]
}

/// Words legitimately said twice (ABAB reduplication).
const REDUPLICATED: [&str; 12] = [
    "研究研究",
    "考虑考虑",
    "商量商量",
    "学习学习",
    "讨论讨论",
    "一个一个",
    "一步一步",
    "一项一项",
    "一件一件",
    "一批一批",
    "一年一年",
    "一天一天",
];

/// Function words never written twice in a row, except inside an AABB word (的的确确,
/// 实实在在) or 不了了之.
const FUNCTION_WORDS: [char; 12] = [
    '的', '了', '和', '是', '在', '与', '及', '对', '为', '把', '被', '将',
];

/// Each word written twice in a row: a run of two to eight 汉字 repeated at once
/// (预算预算), or a function word doubled (的的). A warning: names (买买提) and
/// reduplications a list cannot foresee are written so on purpose.
pub fn doubled(text: &str) -> Vec<Finding> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let n = (1..=8).find(|&n| repeats(&chars, i, n));
        match n {
            Some(n) => {
                let word = &text[chars[i].0..end_of(i + n)];
                let mut times = 2;
                while text[end_of(i + times * n)..].starts_with(word) {
                    times += 1;
                }
                let at = chars[i].0..end_of(i + times * n);
                let said = if times == 2 {
                    "两".to_string()
                } else {
                    times.to_string()
                };
                out.push(Finding::warning(
                    at,
                    format!("“{word}”连写了{said}遍（doubled word）"),
                    "多半是输入或粘贴时重复了，只留一遍；如果确实应当这样写，可以不改",
                ));
                i += times * n;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether the `n` characters at `i` are 汉字 repeated right after, and not a known
/// reduplication.
fn repeats(chars: &[(usize, char)], i: usize, n: usize) -> bool {
    let Some(run) = chars.get(i..i + 2 * n) else {
        return false;
    };
    let (first, second) = run.split_at(n);
    let same = |((_, a), (_, b)): (&(usize, char), &(usize, char))| a == b && is_han(*a);
    if !first.iter().zip(second).all(same) {
        return false;
    }
    if n > 1 {
        let s: String = run.iter().map(|(_, c)| *c).collect();
        return !REDUPLICATED.contains(&s.as_str());
    }
    let ch = first[0].1;
    let at = |k: usize| chars.get(k).map(|(_, c)| *c);
    let aabb =
        (i >= 2 && at(i - 2) == at(i - 1)) || (at(i + 2).is_some() && at(i + 2) == at(i + 3));
    let idiom = ch == '了' && i >= 1 && at(i - 1) == Some('不') && at(i + 2) == Some('之');
    FUNCTION_WORDS.contains(&ch) && !aabb && !idiom
}

/// Words of change, by direction.
const CHANGE: [(&str, u8); 8] = [
    ("增加", 0),
    ("增长", 0),
    ("上升", 0),
    ("提高", 0),
    ("减少", 1),
    ("下降", 1),
    ("降低", 1),
    ("持平", 2),
];

/// What may stand between two change words written as alternatives: 增加（减少）, 增加/减少.
const BETWEEN: [&str; 5] = ["（", "(", "/", "／", ""];

/// Each place where two change words of different directions stand together (增加持平,
/// 减少增加, 增长下降) or one is offered as the other's alternative (增加（减少）): the
/// template's choice left unmade. 增加值 (value added) is a word of its own.
pub fn contradictory(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if let Some(len) = contradiction_at(&text[i..]) {
            let words = &text[i..i + len];
            out.push(Finding::error(
                i..i + len,
                format!("变动方向前后矛盾：“{words}”（contradictory change words）"),
                "按实际情况只留一个：增加、减少或持平",
            ));
            i += len;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The length of a contradiction at the start of `s`.
fn contradiction_at(s: &str) -> Option<usize> {
    let (first, dir) = CHANGE.iter().find(|(w, _)| s.starts_with(w))?;
    let rest = &s[first.len()..];
    BETWEEN.iter().find_map(|sep| {
        let after = rest.strip_prefix(sep)?;
        let (second, other) = CHANGE.iter().find(|(w, _)| after.starts_with(w))?;
        let tail = &after[second.len()..];
        let closed = match *sep {
            "（" => tail.strip_prefix('）'),
            "(" => tail.strip_prefix(')'),
            _ => Some(tail),
        }?;
        let len = s.len() - closed.len();
        (other != dir && !closed.starts_with('值')).then_some(len)
    })
}

/// The first place a unit's document calls itself 部门预算: a warning (a unit may rightly
/// cite the 部门预算 rules).
pub fn scope_word(text: &str, unit_document: bool) -> Vec<Finding> {
    let Some(at) = text.find("部门预算").filter(|_| unit_document) else {
        return Vec::new();
    };
    vec![Finding::warning(
        at..at + "部门预算".len(),
        "本文件是单位预算（scope = \"单位\"），文字里却写了“部门预算”（department wording in a unit's document）",
        "说的是本单位的预算时改为“单位预算”；引用部门预算的规定时可以不改",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_named_once_each_longest_first() {
        let found = placeholders("负责XX工作，XXX事项，请填写，TBD");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("“XX”、“请填写”、“TBD”"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].at, 6..8);
        assert!(placeholders("负责全县统计工作。").is_empty());
        assert!(placeholders("（略）").len() == 1 && placeholders("ＸＸ局").len() == 1);
    }

    #[test]
    fn doubled_words_are_found_and_reduplications_pass() {
        let found = doubled(
            "编制预算预算，的的确确，实实在在，不了了之，常常，研究研究，公共服务公共服务，是的的，统计统计统计",
        );
        let words: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(found.len(), 4, "{words:?}");
        assert!(words[3].starts_with("“统计”连写了3遍"), "{words:?}");
        assert!(words[0].starts_with("“预算”"));
        assert!(words[1].starts_with("“公共服务”"));
        assert!(words[2].starts_with("“的”"));
        assert!(!found[0].error);
    }

    #[test]
    fn contradictory_change_words_are_found() {
        for wrong in [
            "增加持平",
            "减少增加",
            "增长下降",
            "增加（减少）",
            "增长/下降",
        ] {
            let found = contradictory(&format!("比上年{wrong}5%"));
            assert_eq!(found.len(), 1, "{wrong}");
            assert!(found[0].message.contains(wrong), "{wrong}");
        }
        for fine in [
            "增加值增长下",
            "工业增加值",
            "增加，减少",
            "增长增加",
            "增减变动",
        ] {
            assert!(contradictory(fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn a_unit_document_calling_itself_departmental_is_warned() {
        assert_eq!(scope_word("2026年部门预算安排购置车辆0辆", true).len(), 1);
        assert!(scope_word("2026年部门预算安排购置车辆0辆", false).is_empty());
    }
}
