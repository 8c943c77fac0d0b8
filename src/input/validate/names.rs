//! `[names]`: names for codes the embedded classification does not have. A code it has
//! keeps its official name: the tables print that one.

use super::ctx::Ctx;
use super::text::TextRules;
use crate::budget::codes::{economic_table, functional_table, Names};
use crate::input::raw::RawBudget;
use std::collections::BTreeMap;

/// The classification's name of `code`, looked up in the table `[names]` would add it to.
fn official(code: &str) -> Option<&'static str> {
    let table = if code.starts_with('3') && code.len() <= 5 {
        economic_table()
    } else {
        functional_table()
    };
    table.into_iter().find(|(c, _)| *c == code).map(|(_, n)| n)
}

/// Validates `[names]`, added to the embedded names. An entry for a code the classification
/// already names is refused (written otherwise) or reported as superfluous (written the
/// same), and not added.
pub fn extra_names(raw: &RawBudget, ctx: &mut Ctx<'_>, rules: &TextRules) -> Names {
    let mut extra_names = BTreeMap::new();
    for (code, name) in &raw.names {
        let key = format!("names.{code}");
        let text = ctx.text(name, &key, rules);
        let code = code.trim();
        match official(code) {
            Some(o) if o == text => ctx.warn(
                Some(name.span()),
                &key,
                format!("编码 {code} 在分类中已有同样的名称“{o}”，这一条是多余的（superfluous name）"),
                Some("删去这一条；[names] 只用于分类里没有的编码"),
            ),
            Some(o) => ctx.error(
                Some(name.span()),
                &key,
                format!("编码 {code} 在分类中的名称是“{o}”，[names] 不能把它改成“{text}”（code already named by the classification）"),
                Some(&format!(
                    "删去这一条，公开表会印分类里的名称：\"{code}\" = \"{o}\"；[names] 只用于分类里没有的编码"
                )),
            ),
            None => {
                extra_names.insert(code.to_string(), text);
            }
        }
    }
    Names::with_extra(&extra_names)
}

#[cfg(test)]
mod tests {
    use super::official;

    #[test]
    fn official_names_are_found_in_their_table() {
        assert_eq!(official("201"), Some("一般公共服务支出"));
        assert_eq!(official("30217"), Some("公务接待费"));
        assert_eq!(official("2080597"), None);
    }
}
