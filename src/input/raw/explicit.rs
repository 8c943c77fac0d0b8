//! A section that may be written as empty on purpose: `procurement = "none"` says the unit
//! has none, where leaving the section out would only say that nobody entered it. gongkai
//! never infers a fact from absence, so such sections are either given or marked `"none"`.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// The word that marks a section as explicitly empty.
pub const NONE_WORD: &str = "none";

/// A section as written: its table, or the word `"none"`. Read it as
/// `Option<toml::Spanned<Explicit<T>>>`: `None` there means the section is absent.
#[derive(Debug)]
pub enum Explicit<T> {
    /// `key = "none"`: explicitly empty.
    None,
    /// The section's table.
    Given(T),
}

impl<T> Explicit<T> {
    /// The table when one was given.
    pub fn given(&self) -> Option<&T> {
        match self {
            Explicit::Given(t) => Some(t),
            Explicit::None => None,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Explicit<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Explicit<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "表（[节名]），或 \"{NONE_WORD}\"（表示没有）")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v.trim() == NONE_WORD {
                    Ok(Explicit::None)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Explicit::Given)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::Spanned;

    #[derive(Debug, Deserialize)]
    struct Section {
        a: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    struct Doc {
        s: Option<Spanned<Explicit<Section>>>,
    }

    fn unknown_keys(src: &str) -> (Doc, Vec<String>) {
        let mut ignored = Vec::new();
        let de = toml::de::Deserializer::parse(src).unwrap();
        let doc = serde_ignored::deserialize(de, |p| ignored.push(p.to_string())).unwrap();
        (doc, ignored)
    }

    #[test]
    fn a_table_the_word_none_or_absent() {
        let (d, _) = unknown_keys("[s]\na = \"x\"\n");
        assert_eq!(
            d.s.unwrap().get_ref().given().unwrap().a.as_deref(),
            Some("x")
        );
        let (d, _) = unknown_keys("s = \"none\"\n");
        assert!(matches!(d.s.unwrap().get_ref(), Explicit::None));
        let (d, _) = unknown_keys("t = 1\n");
        assert!(d.s.is_none());
        assert!(toml::from_str::<Doc>("s = \"nothing\"\n").is_err());
    }

    #[test]
    fn unknown_keys_inside_are_still_found() {
        let (_, ignored) = unknown_keys("[s]\na = \"x\"\ntypo = 1\n");
        assert_eq!(ignored.len(), 1);
        assert!(ignored[0].starts_with("s.") && ignored[0].ends_with(".typo"));
    }
}
