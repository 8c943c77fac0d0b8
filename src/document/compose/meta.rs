//! The document's title, cover lines, signature and 政府网站 metadata.

use super::wording::{date, iso_date};
use crate::budget::Budget;
use crate::document::model::{Meta, PublishMeta, Signature};

/// The title, cover and publishing metadata of `b`'s document.
pub fn meta(b: &Budget) -> Meta {
    let (name, year, scope) = (&b.unit.name, b.unit.year, b.unit.scope.word());
    let title = format!("{name}{year}年{scope}预算公开");
    Meta {
        publish: PublishMeta {
            site_name: b.publish.site_name.clone(),
            site_id: b.publish.site_id.clone(),
            column: b.publish.column.clone(),
            article_title: title.clone(),
            pub_date: b.unit.issued.as_ref().map(iso_date),
            content_source: b.publish.source.clone().unwrap_or_else(|| name.clone()),
        },
        title,
        unit_name: name.clone(),
        year,
        scope: scope.to_string(),
        subtitle: format!("{year}年{scope}预算公开"),
        issued: b.unit.issued.as_ref().map(date),
    }
}

/// The signature under the document: the unit's name and the date of issue.
pub fn signature(b: &Budget) -> Signature {
    Signature {
        unit_name: b.unit.name.clone(),
        date: b.unit.issued.as_ref().map(date),
    }
}
