//! The zero and "none" cases of every derived sentence of 第三部分 (issue 19): a figure that is
//! zero both years says 「…未安排」 (README, "Changes"), a change is stated only where there is
//! one or where the clerk gave a reason, and no reason is printed that the file does not hold
//! (besides the documented default 「本年未安排此项预算」 for a figure that fell to zero).
//!
//! Each case is a small budget built from one template: 三公 this year and last year
//! (`"none"`, zeros, from zero, to zero, both zero with a reason), 机关运行经费 zero both years,
//! a project that fell to zero, and the 一般公共预算 with no project this year.

use crate::common;

use common::block_texts;
use gongkai::document::Document;
use std::path::Path;

/// What varies between the budgets.
struct Case {
    name: &'static str,
    /// This year's 公务接待费 (经济分类 30217), taken from the 办公费 line; `None` for none.
    reception: Option<&'static str>,
    /// The `[prior]` 三公 entry: `"none"` or the body of a `[prior.three_public]` table.
    three_prior: &'static str,
    /// This year's 公用经费 (办公费); zero makes the 机关运行经费 zero.
    office: &'static str,
    /// Last year's 机关运行经费.
    operating_prior: &'static str,
    /// Whether this year has the one project.
    project: bool,
}

const ZERO_THREE: &str = r#"[prior.three_public]
outbound = { amount = "0.00" }
reception = { amount = "0.00" }
vehicle_purchase = { amount = "0.00" }
vehicle_operation = { amount = "0.00" }
"#;

const FROM_ZERO: &str = r#"[prior.three_public]
outbound = { amount = "0.00" }
reception = { amount = "0.00", reason = "新设接待窗口" }
vehicle_purchase = { amount = "0.00" }
vehicle_operation = { amount = "0.00" }
"#;

const TO_ZERO: &str = r#"[prior.three_public]
outbound = { amount = "0.00" }
reception = { amount = "3.00", reason = "取消接待安排" }
vehicle_purchase = { amount = "0.00" }
vehicle_operation = { amount = "0.00" }
"#;

const ZERO_WITH_REASON: &str = r#"[prior.three_public]
outbound = { amount = "0.00", reason = "两年均无出国任务" }
reception = { amount = "0.00" }
vehicle_purchase = { amount = "0.00" }
vehicle_operation = { amount = "0.00" }
"#;

const CASES: [Case; 7] = [
    Case {
        name: "three_public none, none this year",
        reception: None,
        three_prior: r#"three_public = "none""#,
        office: "20.00",
        operating_prior: r#"{ amount = "19.00" }"#,
        project: true,
    },
    Case {
        name: "three_public zeros, none this year",
        reception: None,
        three_prior: ZERO_THREE,
        office: "20.00",
        operating_prior: r#"{ amount = "19.00" }"#,
        project: true,
    },
    Case {
        name: "reception from zero",
        reception: Some("5.00"),
        three_prior: FROM_ZERO,
        office: "15.00",
        operating_prior: r#"{ amount = "19.00" }"#,
        project: true,
    },
    Case {
        name: "reception to zero",
        reception: None,
        three_prior: TO_ZERO,
        office: "20.00",
        operating_prior: r#"{ amount = "19.00" }"#,
        project: true,
    },
    Case {
        name: "both zero with a reason",
        reception: None,
        three_prior: ZERO_WITH_REASON,
        office: "20.00",
        operating_prior: r#"{ amount = "19.00" }"#,
        project: true,
    },
    Case {
        name: "no 机关运行经费 either year",
        reception: None,
        three_prior: r#"three_public = "none""#,
        office: "0.00",
        operating_prior: r#"{ amount = "0.00" }"#,
        project: true,
    },
    Case {
        name: "the project fell to zero",
        reception: None,
        three_prior: r#"three_public = "none""#,
        office: "20.00",
        operating_prior: r#"{ amount = "19.00" }"#,
        project: false,
    },
];

const PROJECT: &str = r#"
[[projects]]
name = "经济普查经费"
code = "2010507"
source = "一般公共预算"
economic = { "302" = "20.00" }
basis = "经济普查条例"
allocation = "用于普查员劳务和资料印刷。"
period = "2025年1月-2025年12月"

[[performance.projects]]
project = "经济普查经费"
goal = "按时完成经济普查。"

[[performance.projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
level3 = "普查对象覆盖率"
value = "=100%"
weight = 90
"#;

/// The budget every case is made from; `{…}` marks what a case fills in.
const TEMPLATE: &str = r#"procurement = "none"

[unit]
name = "示例县统计局"
scope = "单位"
year = 2025
issued = "2025-02-10"

[overview]
functions = ["负责全县统计工作。"]
office_word = "股室"
offices = ["办公室", "综合股"]

[overview.staffing]
authorized = 10
in_service = 8
in_service_prior = 8
retired = 3
retired_prior = 3
veteran = 0
veteran_prior = 0

[[basic]]
code = "2010501"
amount = "80.00"

{economic}
{project}
[prior.income]
general = { amount = "95.00", reason = "{income_reason}" }

[prior.spending]
basic = { amount = "78.00" }
project = {prior_project}

[prior.general_budget]
basic = { amount = "78.00" }
project = {prior_project}

[[prior.items]]
code = "2010501"
amount = "78.00"

[[prior.items]]
code = "2010507"
amount = "17.00"
reason = "{item_reason}"

{three}
[purposes]
"201" = "保障机关运行和统计调查"

[performance.unit]
goal = "完成年度统计调查任务。"

[[performance.unit.indicators]]
level1 = "履职效能"
level2 = "数量指标"
level3 = "完成统计调查项目数"
value = ">=10项"
basis = "年度工作计划"
weight = 90

[assets]
building_area = "320.50"
building_value = "96.00"
general_vehicles = { count = 1, value = "12.00" }
enforcement_vehicles = { count = 0, value = "0.00" }
other_vehicles = { count = 0, value = "0.00" }
furniture_value = "8.40"
other_value = "15.20"
equipment_over_50 = 0
equipment_over_100 = 0
"#;

/// The budget of one case.
fn source(c: &Case) -> String {
    let mut economic = String::from("[[basic_economic]]\ncode = \"30101\"\namount = \"60.00\"\n");
    if c.office != "0.00" {
        economic.push_str(&format!(
            "\n[[basic_economic]]\ncode = \"30201\"\namount = \"{}\"\n",
            c.office
        ));
    }
    if let Some(r) = c.reception {
        economic.push_str(&format!(
            "\n[[basic_economic]]\ncode = \"30217\"\namount = \"{r}\"\n"
        ));
    }
    if c.office == "0.00" {
        economic.push_str("\n[[basic_economic]]\ncode = \"30102\"\namount = \"20.00\"\n");
    }
    let (project, prior_project, item_reason, income_reason) = if c.project {
        (
            PROJECT,
            r#"{ amount = "17.00", reason = "普查工作量增加" }"#,
            "普查工作量增加",
            "普查项目经费增加",
        )
    } else {
        (
            "",
            r#"{ amount = "17.00", reason = "普查结束" }"#,
            "普查结束",
            "普查结束",
        )
    };
    let three = if c.three_prior.starts_with('[') {
        format!(
            "[prior]\noperating = {}\n\n{}",
            c.operating_prior, c.three_prior
        )
    } else {
        format!(
            "[prior]\noperating = {}\n{}\n",
            c.operating_prior, c.three_prior
        )
    };
    [
        ("{economic}", economic.as_str()),
        ("{project}", project),
        ("{income_reason}", income_reason),
        ("{prior_project}", prior_project),
        ("{item_reason}", item_reason),
        ("{three}", three.as_str()),
    ]
    .iter()
    .fold(TEMPLATE.to_string(), |s, (mark, text)| {
        s.replace(mark, text)
    })
}

/// The case's document; it must build with no error.
fn document(c: &Case, src: &str) -> Document {
    let (checked, doc) = gongkai::pipeline::check_and_build(src, Path::new("."));
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.key, d.message))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}\n{src}", c.name);
    doc.unwrap_or_else(|| panic!("{}: no document", c.name))
}

/// Every sentence of 第三部分, split at 。 and ；.
fn part3_clauses(doc: &Document) -> Vec<String> {
    let part = doc
        .parts
        .iter()
        .find(|p| p.number == "第三部分")
        .expect("第三部分");
    part.sections
        .iter()
        .flat_map(|s| block_texts(&s.blocks))
        .flat_map(|t| {
            t.split_inclusive(['。', '；'])
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The 三公 section's paragraphs.
fn three_public(doc: &Document) -> Vec<String> {
    let part = doc
        .parts
        .iter()
        .find(|p| p.number == "第三部分")
        .expect("第三部分");
    let s = part
        .sections
        .iter()
        .find(|s| s.heading.as_deref().is_some_and(|h| h.contains("三公")))
        .expect("三公 section");
    block_texts(&s.blocks)
}

/// The reasons a text prints: what follows each 主要原因是, to the end of its clause.
fn reasons(text: &str) -> Vec<String> {
    text.split("主要原因是")
        .skip(1)
        .map(|r| r.split(['。', '；']).next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn no_change_or_reason_nobody_entered() {
    for c in &CASES {
        let src = source(c);
        let doc = document(c, &src);
        for clause in part3_clauses(&doc) {
            for r in reasons(&clause) {
                assert!(
                    src.contains(&r) || r == "本年未安排此项预算",
                    "{}: a reason the file does not hold: {clause}",
                    c.name
                );
            }
            let zero_change = ["增加0.00", "减少0.00", "增长0.00%", "下降0.00%"]
                .iter()
                .any(|z| clause.contains(z));
            assert!(
                !zero_change || clause.contains("主要原因是"),
                "{}: a change of zero nobody explained: {clause}",
                c.name
            );
        }
    }
}

#[test]
fn three_public_sentences() {
    let expect: [(&str, &[&str]); 5] = [
        (
            "three_public none, none this year",
            &["示例县统计局2025年未安排财政拨款“三公”经费预算，上年预算也未安排。"],
        ),
        (
            "three_public zeros, none this year",
            &["示例县统计局2025年未安排财政拨款“三公”经费预算，上年预算也未安排。"],
        ),
        (
            "reception from zero",
            &[
                "示例县统计局2025年财政拨款“三公”经费预算数为5.00万元，其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，公务用车运行费0.00万元，公务接待费5.00万元。",
                "2025年财政拨款“三公”经费预算比上年预算增加5.00万元，增长100.00%，其中：因公出国（境）费未安排；公务用车购置费未安排；公务用车运行费未安排；公务接待费增加5.00万元，增长100.00%，主要原因是新设接待窗口。",
            ],
        ),
        (
            "reception to zero",
            &[
                "示例县统计局2025年财政拨款“三公”经费预算数为0.00万元，其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，公务用车运行费0.00万元，公务接待费0.00万元。",
                "2025年财政拨款“三公”经费预算比上年预算减少3.00万元，下降100.00%，其中：因公出国（境）费未安排；公务用车购置费未安排；公务用车运行费未安排；公务接待费减少3.00万元，下降100.00%，主要原因是取消接待安排。",
            ],
        ),
        (
            "both zero with a reason",
            &[
                "示例县统计局2025年财政拨款“三公”经费预算数为0.00万元，其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，公务用车运行费0.00万元，公务接待费0.00万元。",
                "2025年财政拨款“三公”经费预算比上年预算增加0.00万元，增长0.00%，其中：因公出国（境）费增加0.00万元，增长0.00%，主要原因是两年均无出国任务；公务用车购置费未安排；公务用车运行费未安排；公务接待费未安排。",
            ],
        ),
    ];
    for (name, want) in expect {
        let c = CASES.iter().find(|c| c.name == name).expect("case");
        let doc = document(c, &source(c));
        assert_eq!(three_public(&doc), want.to_vec(), "{name}");
    }
}

#[test]
fn operating_and_project_zero_cases() {
    let c = CASES
        .iter()
        .find(|c| c.name == "no 机关运行经费 either year")
        .expect("case");
    let clauses = part3_clauses(&document(c, &source(c)));
    for want in [
        "示例县统计局2025年的机关运行经费财政拨款预算未安排。",
        // `procurement = "none"`.
        "2025年，示例县统计局未安排政府采购预算。",
    ] {
        assert!(clauses.iter().any(|s| s == want), "{want}: {clauses:#?}");
    }
    let c = CASES
        .iter()
        .find(|c| c.name == "the project fell to zero")
        .expect("case");
    let clauses = part3_clauses(&document(c, &source(c)));
    assert!(
        clauses
            .iter()
            .any(|s| s == "项目支出0.00万元，比上年预算减少17.00万元，下降100.00%。"),
        "{clauses:#?}"
    );
}

/// The minimal budget with every line paid from 事业收入: no 一般公共预算 this year, all of
/// last year's 一般公共预算 fallen to zero.
fn no_general_budget() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml");
    let src = std::fs::read_to_string(path).expect("minimal.toml");
    let moved = "改由事业收入安排";
    [
        ("code = \"2010501\"  # 统计信息事务-行政运行\n", "code = \"2010501\"\nsource = \"事业收入\"\n".to_string()),
        ("code = \"30101\"  # 基本工资\n", "code = \"30101\"\nsource = \"事业收入\"\n".into()),
        ("code = \"30201\"  # 办公费\n", "code = \"30201\"\nsource = \"事业收入\"\n".into()),
        ("source = \"一般公共预算\"\neconomic = { \"302\" = \"20.00\" }\nbasis = \"经济普查条例\"\nallocation = \"用于普查员劳务和资料印刷。\"\nperiod = \"2025年1月-2025年12月\"",
         "source = \"事业收入\"\namount = \"20.00\"".into()),
        ("reason = \"普查项目经费增加\" }", format!("reason = \"{moved}\" }}\nunit_funds = {{ amount = \"0.00\", reason = \"{moved}\" }}")),
        ("[prior.general_budget]\nbasic = { amount = \"78.00\" }\nproject = { amount = \"17.00\", reason = \"普查工作量增加\" }",
         format!("[prior.general_budget]\nbasic = {{ amount = \"78.00\", reason = \"{moved}\" }}\nproject = {{ amount = \"17.00\", reason = \"{moved}\" }}")),
        ("code = \"2010501\"\namount = \"78.00\"", format!("code = \"2010501\"\namount = \"78.00\"\nreason = \"{moved}\"")),
        ("operating = { amount = \"19.00\" }", format!("operating = {{ amount = \"19.00\", reason = \"{moved}\" }}")),
    ]
    .iter()
    .fold(src, |s, (from, to)| {
        assert!(s.contains(from), "minimal.toml no longer has {from}");
        s.replacen(from, to, 1)
    })
}

#[test]
fn no_general_budget_this_year() {
    let src = no_general_budget();
    let c = Case {
        name: "no 一般公共预算",
        ..CASES[0]
    };
    let doc = document(&c, &src);
    let clauses = part3_clauses(&doc);
    for want in [
        "示例县统计局2025年未安排财政拨款收支预算。",
        "示例县统计局2025年未安排一般公共预算当年拨款。",
        "示例县统计局2025年未安排一般公共预算基本支出。",
        "示例县统计局2025年未安排财政拨款“三公”经费预算，上年预算也未安排。",
    ] {
        assert!(clauses.iter().any(|s| s == want), "{want}: {clauses:#?}");
    }
    for clause in &clauses {
        for r in reasons(clause) {
            assert!(
                src.contains(&r),
                "a reason the file does not hold: {clause}"
            );
        }
        for stated in [
            "总预算0.00万元",
            "基本支出0.00万元，其中",
            "人员经费0.00万元。",
        ] {
            assert!(
                !clause.contains(stated),
                "a zero stated as a figure: {clause}"
            );
        }
    }
}

/// [`no_general_budget`] with no 一般公共预算 last year either: no prior 项, zeros without
/// reasons.
fn no_general_either_year() -> String {
    let moved = "改由事业收入安排";
    [
        (
            format!("general = {{ amount = \"95.00\", reason = \"{moved}\" }}\nunit_funds = {{ amount = \"0.00\", reason = \"{moved}\" }}"),
            "general = { amount = \"0.00\" }\nunit_funds = { amount = \"95.00\" }".to_string(),
        ),
        (
            format!("[prior.general_budget]\nbasic = {{ amount = \"78.00\", reason = \"{moved}\" }}\nproject = {{ amount = \"17.00\", reason = \"{moved}\" }}"),
            "[prior.general_budget]\nbasic = { amount = \"0.00\" }\nproject = { amount = \"0.00\" }".into(),
        ),
        (
            format!("[[prior.items]]\ncode = \"2010501\"\namount = \"78.00\"\nreason = \"{moved}\"\n\n[[prior.items]]\ncode = \"2010507\"\namount = \"17.00\"\nreason = \"普查工作量增加\"\n"),
            String::new(),
        ),
        (
            format!("operating = {{ amount = \"19.00\", reason = \"{moved}\" }}"),
            "operating = { amount = \"0.00\" }".into(),
        ),
    ]
    .iter()
    .fold(no_general_budget(), |s, (from, to)| {
        assert!(s.contains(from.as_str()), "no longer has {from}");
        s.replacen(from.as_str(), to, 1)
    })
}

#[test]
fn no_general_budget_either_year() {
    let src = no_general_either_year();
    let c = Case {
        name: "no 一般公共预算 either year",
        ..CASES[0]
    };
    let doc = document(&c, &src);
    let part = doc
        .parts
        .iter()
        .find(|p| p.number == "第三部分")
        .expect("第三部分");
    let five = part
        .sections
        .iter()
        .find(|s| {
            s.heading
                .as_deref()
                .is_some_and(|h| h.contains("一般公共预算当年拨款情况说明"))
        })
        .expect("五");
    let none = "示例县统计局2025年未安排一般公共预算当年拨款。";
    assert_eq!(
        block_texts(&five.blocks),
        [
            "（一）一般公共预算当年拨款规模变化情况",
            none,
            "（二）一般公共预算当年拨款结构情况",
            none,
            "（三）一般公共预算当年拨款具体使用情况",
            none,
        ]
    );
    let clauses = part3_clauses(&doc);
    assert!(
        clauses
            .iter()
            .any(|s| s == "示例县统计局2025年的机关运行经费财政拨款预算未安排。"),
        "{clauses:#?}"
    );
    for clause in &clauses {
        for r in reasons(clause) {
            assert!(src.contains(&r), "a reason nobody wrote: {clause}");
        }
        assert!(!clause.contains("合计0.00万元"), "{clause}");
    }
}
