//! 第四部分 名词解释: the standard eight terms, with the TOML's replacements and additions.

use crate::budget::Budget;
use crate::document::model::{Block, Part, Section};
use crate::numerals::chinese_number;

/// Part 4 of `b`'s document: one section of terms, without a heading.
pub fn part(b: &Budget) -> Part {
    Part {
        id: "part-4".into(),
        number: "第四部分".into(),
        title: "名词解释".into(),
        sections: vec![Section {
            id: "part-4-sec-1".into(),
            heading: None,
            blocks: blocks(b),
        }],
    }
}

/// The standard glossary every disclosure prints.
pub const STANDARD: [(&str, &str); 8] = [
    ("财政拨款", "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"),
    ("一般公共预算", "包括公共财政拨款（补助）资金、专项收入。"),
    ("财政专户管理资金", "包括专户管理行政事业性收费（主要是教育收费）、其他非税收入。"),
    ("其他资金", "包括事业收入、事业经营收入、其他收入等。"),
    ("基本支出", "包括人员经费、公用经费（定额）。其中，人员经费包括工资福利支出、对个人和家庭的补助。"),
    (
        "项目支出",
        "部门（单位）支出预算的组成部分，是各部门（单位）为完成其特定的行政任务或事业发展目标，在基本支出预算之外编制的年度项目支出计划。",
    ),
    (
        "“三公”经费",
        "指部门（单位）因公出国（境）费、公务用车购置及运行维护费和公务接待费，其中：因公出国（境）费反映机关和参公事业单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置反映基本建设支出中安排机关和参公事业单位用于公务用车购置的支出（含车辆购置税、牌照费）；公务用车运行维护费反映机关和参公事业单位按规定保留的公务用车燃料费、维修费、过桥过路费、保险费、安全奖励费用等支出；公务接待费反映机关和参公事业单位按规定开支的各类公务接待（含外宾接待）费用。",
    ),
    (
        "机关运行经费",
        "指行政单位（含参照公务员法管理事业单位）的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。",
    ),
];

/// The glossary blocks.
fn blocks(b: &Budget) -> Vec<Block> {
    let mut terms: Vec<(String, String)> = STANDARD
        .iter()
        .map(|(t, d)| (t.to_string(), d.to_string()))
        .collect();
    for (term, def) in &b.glossary {
        match terms.iter_mut().find(|(t, _)| t == term) {
            Some(slot) => slot.1 = def.clone(),
            None => terms.push((term.clone(), def.clone())),
        }
    }
    terms
        .into_iter()
        .enumerate()
        .map(|(i, (term, definition))| Block::Term {
            number: format!("{}、", chinese_number(i + 1)),
            term,
            definition,
        })
        .collect()
}
