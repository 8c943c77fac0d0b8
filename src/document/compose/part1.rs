//! 第一部分 概况: 一、主要职能 and 二、机构设置及人员情况.

use super::wording::join;
use crate::budget::{Budget, HeadCount, Overview};
use crate::document::model::{Block, ParagraphStyle, Part, Section};

/// Part 1 of `b`'s document.
pub fn part(b: &Budget) -> Part {
    let (name, year, scope) = (&b.unit.name, b.unit.year, b.unit.scope.word());
    Part {
        id: "part-1".into(),
        number: "第一部分".into(),
        title: format!("{year}年{name}{scope}概况"),
        sections: vec![
            Section {
                id: "part-1-sec-1".into(),
                heading: Some("一、主要职能".into()),
                blocks: functions(&b.overview),
            },
            Section {
                id: "part-1-sec-2".into(),
                heading: Some("二、机构设置及人员情况".into()),
                blocks: vec![
                    body(format!("{}{}。", b.unit.name, organisation(b))),
                    body(staffing(b)),
                ],
            },
        ],
    }
}

fn body(text: String) -> Block {
    Block::Paragraph {
        text,
        style: ParagraphStyle::Body,
    }
}

/// 一、主要职能: the introduction, then each function with its chosen numbering.
fn functions(o: &Overview) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(intro) = &o.functions_intro {
        blocks.push(body(intro.clone()));
    }
    for (i, f) in o.functions.iter().enumerate() {
        blocks.push(body(format!("{}{f}", o.functions_numbering.label(i + 1))));
    }
    blocks
}

/// What follows the unit's name in 二: its subordinate units, then its offices.
fn organisation(b: &Budget) -> String {
    let o = &b.overview;
    let scope = b.unit.scope.word();
    let consolidated = b.is_consolidated() && !o.subordinates.is_empty();
    let subs = if consolidated {
        // A department summed from its units: the 本级 and each unit listed.
        format!(
            "部门预算由本级及下属{}家单位的预算组成，下属单位{}：{}",
            o.subordinates.len(),
            if o.subordinates.len() == 1 {
                "是"
            } else {
                "分别是"
            },
            join(&o.subordinates)
        )
    } else if o.subordinates.is_empty() {
        format!("无下属预算{scope}")
    } else {
        format!(
            "有下属预算{scope}{}个，分别是：{}",
            o.subordinates.len(),
            join(&o.subordinates)
        )
    };
    let offices = if o.offices.is_empty() {
        String::new()
    } else {
        format!(
            "{}下设{}个{}，分别是：{}",
            if consolidated { "；本级" } else { "，" },
            o.offices.len(),
            o.office_word,
            join(&o.offices)
        )
    };
    format!("{subs}{offices}")
}

/// The staffing sentence: 编制数, 实有人数 and each head count's change.
fn staffing(b: &Budget) -> String {
    let s = &b.overview.staffing;
    let actual = s.in_service.now + s.retired.now + s.veteran.now;
    format!(
        "{}编制数{}，实有人数{}人，其中：{}；{}；{}。",
        b.unit.name,
        s.authorized,
        actual,
        head_change("在职", &s.in_service),
        head_change("退休", &s.retired),
        head_change("离休", &s.veteran)
    )
}

/// `在职25人，增加2人`.
fn head_change(label: &str, h: &HeadCount) -> String {
    let (verb, n) = if h.now >= h.prior {
        ("增加", h.now - h.prior)
    } else {
        ("减少", h.prior - h.now)
    };
    format!("{label}{}人，{verb}{n}人", h.now)
}
