//! Values that may be written two ways: one word for every case (`empty_tables = "omit"`)
//! or a table with one word per case (`empty_tables = { fund = "omit" }`), and a project's
//! subsidy written as one text or as labelled lines.

use crate::input::raw::RawText;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// An option as written: one word for all cases, or a table of words per case. Read it as
/// `Option<toml::Spanned<Choice<T>>>` to keep the place it is written.
#[derive(Debug)]
pub enum Choice<T> {
    /// One word for every case.
    All(String),
    /// One entry per case.
    Each(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Choice<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Choice<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "一个词（例如 \"omit\"）或一张表（{{ 键 = \"词\" }}）")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Choice::All(v.trim().to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Choice::Each)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// One labelled line of a subsidy block: `补贴标准：每人每月200元`.
#[derive(Debug, Deserialize)]
pub struct RawSubsidyLine {
    /// The label, `补贴标准`.
    pub label: Option<RawText>,
    /// The text after it.
    pub text: Option<RawText>,
}

/// A project's subsidy as written: one text (printed as 补助对象、补助标准) or labelled
/// lines printed one each, in the order given.
#[derive(Debug)]
pub enum RawSubsidy {
    /// One text.
    Text(String),
    /// Labelled lines.
    Lines(Vec<RawSubsidyLine>),
}

impl<'de> Deserialize<'de> for RawSubsidy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSubsidy;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "文本，或由 {{ label = \"…\", text = \"…\" }} 组成的数组")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawSubsidy::Text(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut lines = Vec::new();
                while let Some(l) = seq.next_element::<RawSubsidyLine>()? {
                    lines.push(l);
                }
                Ok(RawSubsidy::Lines(lines))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::Spanned;

    #[derive(Debug, Deserialize)]
    struct Each {
        fund: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    struct Doc {
        c: Option<Spanned<Choice<Each>>>,
        s: Option<Spanned<RawSubsidy>>,
    }

    #[test]
    fn a_word_or_a_table() {
        let d: Doc = toml::from_str("c = \"omit\"\n").unwrap();
        assert!(matches!(d.c.unwrap().get_ref(), Choice::All(w) if w == "omit"));
        let d: Doc = toml::from_str("c = { fund = \"omit\" }\n").unwrap();
        assert!(
            matches!(d.c.unwrap().get_ref(), Choice::Each(e) if e.fund.as_deref() == Some("omit"))
        );
        assert!(toml::from_str::<Doc>("c = 3\n").is_err());
    }

    #[test]
    fn subsidy_text_or_lines_with_spans() {
        let d: Doc = toml::from_str("s = \"每人200元\"\n").unwrap();
        assert!(matches!(d.s.unwrap().get_ref(), RawSubsidy::Text(t) if t == "每人200元"));
        let src = "s = [{ label = \"补贴人数\", text = \"120人\" }, { label = \"补贴标准\", text = \"x\" }]\n";
        let d: Doc = toml::from_str(src).unwrap();
        let s = d.s.unwrap();
        let RawSubsidy::Lines(lines) = s.get_ref() else {
            panic!("lines expected")
        };
        assert_eq!(lines.len(), 2);
        let label = lines[0].label.as_ref().unwrap();
        assert_eq!(&src[label.span()], "\"补贴人数\"");
    }
}
