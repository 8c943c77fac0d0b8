//! Characters no output may carry: control characters (a carriage return among them),
//! invisible format characters, line and paragraph separators, unusual spaces, and the
//! replacement character that marks text damaged in copying.

use super::Finding;

/// A class of characters refused in texts, with what to do about them.
struct Class {
    /// What the class is, in the message.
    what: &'static str,
    /// What to do.
    hint: &'static str,
    /// Whether a character belongs to it.
    holds: fn(char) -> bool,
}

const CLASSES: [Class; 5] = [
    Class {
        what: "控制字符",
        hint:
            "这类字符通常来自从其他软件复制的文字，删去后重新输入这段文字；换行直接写在多行字符串里",
        holds: |c| c.is_control() && !matches!(c, '\n' | '\t'),
    },
    Class {
        what: "不可见的格式字符",
        hint: "零宽字符、方向控制符等看不见却会随文字印出或使生成失败，删去即可",
        holds: |c| {
            matches!(u32::from(c),
                0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
                | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
        },
    },
    Class {
        what: "行分隔符或段分隔符",
        hint: "换成普通换行（在多行字符串里直接换行），或删去",
        holds: |c| matches!(c, '\u{2028}' | '\u{2029}' | '\u{0085}'),
    },
    Class {
        what: "特殊空格",
        hint: "换成普通空格，或删去；中文之间不需要空格（全角空格 U+3000 可以用）",
        holds: |c| {
            matches!(
                u32::from(c),
                0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F
            )
        },
    },
    Class {
        what: "替换字符或非字符",
        hint: "这段文字在复制或转码时已经损坏（公开文件上会显示为乱码），请按原文重新输入",
        holds: |c| {
            c == '\u{FFFD}'
                || matches!(u32::from(c) & 0xFFFF, 0xFFFE | 0xFFFF)
                || (0xFDD0..=0xFDEF).contains(&u32::from(c))
        },
    },
];

/// Whether `c` is refused in every text (a CR alone; a CRLF pair is a line break).
pub fn is_refused(c: char) -> bool {
    CLASSES.iter().any(|class| (class.holds)(c))
}

/// One finding per class of refused characters in `text` (a CR of a CRLF pair is a line
/// break, not refused), located at its first character, naming each code point once.
pub fn refused(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for class in &CLASSES {
        let mut first = None;
        let mut points: Vec<String> = Vec::new();
        for (i, c) in text.char_indices() {
            let crlf = c == '\r' && text[i + 1..].starts_with('\n');
            if crlf || !(class.holds)(c) {
                continue;
            }
            first.get_or_insert(i..i + c.len_utf8());
            let point = format!("U+{:04X}", u32::from(c));
            if !points.contains(&point) {
                points.push(point);
            }
        }
        if let Some(at) = first {
            out.push(Finding::error(
                at,
                format!(
                    "文本中有{} {}（{}）",
                    class.what,
                    points.join("、"),
                    english(class.what)
                ),
                class.hint,
            ));
        }
    }
    out
}

/// The English gloss of a class.
fn english(what: &str) -> &'static str {
    match what {
        "控制字符" => "control character in text",
        "不可见的格式字符" => "invisible format character in text",
        "行分隔符或段分隔符" => "line or paragraph separator in text",
        "特殊空格" => "unusual space in text",
        _ => "damaged text",
    }
}

/// `text` with each CRLF line break written as LF: what outputs carry.
pub fn normalise_breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_is_refused_once_with_its_code_points() {
        let found = refused("甲\u{200B}乙\u{200B}丙\u{FEFF}\u{2028}丁\u{00A0}\r戊\u{FFFD}");
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(found.len(), 5, "{messages:?}");
        assert!(messages[0].contains("控制字符 U+000D"), "{messages:?}");
        assert!(messages[1].contains("U+200B、U+FEFF"), "{messages:?}");
        assert_eq!(found[1].at, 3..6);
        assert!(messages[2].contains("U+2028"), "{messages:?}");
        assert!(messages[3].contains("U+00A0"), "{messages:?}");
        assert!(messages[4].contains("U+FFFD"), "{messages:?}");
    }

    #[test]
    fn line_breaks_tabs_and_the_ideographic_space_pass() {
        assert!(refused("第一行\r\n第二行\n\t第三行　全角空格").is_empty());
        assert_eq!(normalise_breaks("甲\r\n乙"), "甲\n乙");
    }

    /// TOML keeps a CRLF file's line breaks inside a multi-line string as written: the
    /// text check must let the pair through.
    #[test]
    fn a_crlf_file_keeps_its_breaks_in_multi_line_strings() {
        let v: toml::Table =
            toml::from_str("a = \"\"\"\r\n甲\r\n乙\"\"\"\r\n").expect("valid TOML");
        let a = v["a"].as_str().unwrap_or_default();
        assert!(refused(a).is_empty(), "{a:?}");
        assert_eq!(normalise_breaks(a), "甲\n乙");
    }
}
