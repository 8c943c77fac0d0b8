//! What each key a clerk may leave as 待填写 is, in Chinese, and how to fill it in: the name
//! and hint of a placeholder's error.

use crate::budget::source::accepted_names;

/// A placeholder's description: what the key is and what to enter.
pub struct Label {
    /// What the key holds: `单位全称`, `基本支出金额（万元）`.
    pub name: String,
    /// How to fill it in, with an example.
    pub hint: String,
}

/// What a value is, for the hint.
enum Kind {
    Amount,
    Count,
    Area,
    FuncItem,
    EconKuan,
    EconKey,
    ClassKey,
    CodeKey,
    Year,
    Date,
    Source,
    Word(&'static str),
    Text(&'static str),
}

/// The key path with indices left out and the keys of code-keyed tables (`economic`,
/// `purposes`, `names`) written `*`: `projects[0].economic.302` → `projects.economic.*`.
fn normalize(key: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut code_next = false;
    for step in key.split('.') {
        if code_next {
            out.push("*");
            code_next = false;
            continue;
        }
        let plain = step.split('[').next().unwrap_or(step);
        code_next = matches!(plain, "economic" | "purposes" | "names");
        out.push(plain);
    }
    out.join(".")
}

/// The name and hint of a placeholder at `key` (`is_key`: the placeholder is the key of a
/// code-keyed table); `money_unit` is the file's amount unit.
pub fn describe(key: &str, is_key: bool, money_unit: &str) -> Label {
    let path = normalize(key);
    let (name, kind) = if is_key {
        key_kind(&path)
    } else {
        value_kind(&path)
    };
    let name = match kind {
        Kind::Amount => format!("{name}（{money_unit}）"),
        _ => name,
    };
    Label {
        name,
        hint: hint(&kind, money_unit),
    }
}

fn key_kind(path: &str) -> (String, Kind) {
    match path {
        "purposes.*" => ("功能分类类级编码".into(), Kind::ClassKey),
        "names.*" => ("编码".into(), Kind::CodeKey),
        _ => ("经济分类编码".into(), Kind::EconKey),
    }
}

/// The name and kind of a value at `path`: a key of its own, or by its section and last
/// step.
fn value_kind(path: &str) -> (String, Kind) {
    if let Some((name, kind)) = named_key(path) {
        return (name.to_string(), kind);
    }
    let last = path.rsplit('.').next().unwrap_or(path);
    let section = path.split('.').next().unwrap_or(path);
    if let Some(name) = path.strip_prefix("overview.").and_then(staffing_name) {
        return (name.to_string(), Kind::Count);
    }
    if path.starts_with("prior.") {
        return prior_kind(path, last);
    }
    if path.starts_with("assets.") {
        return assets_kind(path, last);
    }
    match line_kind(section, last).or_else(|| closing_kind(section, last)) {
        Some((name, kind)) => (name.to_string(), kind),
        None => (
            last.to_string(),
            Kind::Text("按 README 的“输入格式”一节写出的值"),
        ),
    }
}

/// The keys with a name of their own: `[unit]`, the 概况 texts, `[purposes]`, `[names]` and
/// a project table's project.
fn named_key(path: &str) -> Option<(&'static str, Kind)> {
    Some(match path {
        "unit.name" => ("单位全称", Kind::Text("\"示例县统计局\"（与公章一致）")),
        "unit.scope" => ("公开口径", Kind::Word("\"部门\"、\"单位\"")),
        "unit.year" => ("预算年度", Kind::Year),
        "unit.issued" => ("落款日期", Kind::Date),
        "unit.amount_unit" | "unit.display_unit" => ("金额单位", Kind::Word("\"万元\"、\"元\"")),
        "overview.functions_intro" => ("职能引言", Kind::Text("\"……主要职责是：\"")),
        "overview.functions" => (
            "主要职能",
            Kind::Text("\"负责全县统计工作。\"（每项一条，不写编号）"),
        ),
        "overview.office_word" => ("内设机构的称呼", Kind::Word("\"处室\"、\"科室\"、\"股室\"")),
        "overview.offices" => ("内设机构名称", Kind::Text("\"办公室\"")),
        "overview.subordinates" => ("下属预算单位全称", Kind::Text("\"示例县统计调查队\"")),
        "purposes.*" => (
            "这一类支出主要用于",
            Kind::Text("\"保障机关运行和统计调查\""),
        ),
        "names.*" => ("科目名称", Kind::Text("\"其他统计信息事务支出\"")),
        "performance.projects.project" => (
            "对应的项目名称",
            Kind::Text("与 [[projects]] 的 name 完全一致的名称"),
        ),
        _ => return None,
    })
}

/// The fields of spending lines and projects: codes, sources, amounts and project texts.
fn line_kind(section: &str, last: &str) -> Option<(&'static str, Kind)> {
    Some(match (section, last) {
        (_, "code") if section == "basic_economic" => ("基本支出经济分类款级编码", Kind::EconKuan),
        (_, "code") => ("功能分类项级编码", Kind::FuncItem),
        ("publish", "source") => ("内容来源", Kind::Text("\"示例县统计局\"")),
        (_, "source") => ("资金来源", Kind::Source),
        ("basic" | "basic_economic", "amount") => ("基本支出金额", Kind::Amount),
        ("basic", "personnel") => ("其中人员经费", Kind::Amount),
        ("projects", "amount") => ("项目金额", Kind::Amount),
        ("projects", "*") => ("项目按经济分类的金额", Kind::Amount),
        ("projects", "name") => ("项目名称", Kind::Text("\"经济普查经费\"")),
        ("projects", "basis") => ("设立的政策依据", Kind::Text("\"《全国经济普查条例》\"")),
        ("projects", "undertaker") => ("项目承担单位", Kind::Text("\"示例县统计局\"")),
        ("projects", "allocation") => {
            ("资金分配情况", Kind::Text("\"用于普查员劳务和资料印刷。\""))
        }
        ("projects", "period") => ("资金执行时间", Kind::Text("\"2025年1月-2025年12月\"")),
        ("projects", "subsidy" | "text") => ("补助对象、补助标准", Kind::Text("\"每人每月200元\"")),
        ("projects", "label") => ("补助说明的标题", Kind::Text("\"补贴标准\"")),
        ("projects", "purpose") => ("结转资金主要用于", Kind::Text("\"支付上年未完工程款\"")),
        _ => return None,
    })
}

/// The fields of the later sections: 政府采购, 绩效, `[notes]`, `[[glossary]]`, `[control]`,
/// the unit's aliases, `[fonts]` and `[publish]`.
fn closing_kind(section: &str, last: &str) -> Option<(&'static str, Kind)> {
    Some(match (section, last) {
        ("procurement", _) => procurement_name(last),
        ("performance", _) => performance_kind(last),
        ("notes", "other") => ("其他需说明的事项", Kind::Text("一段完整的说明文字")),
        ("notes", "secret_reason") => (
            "涉密项目未公开绩效目标表的原因",
            Kind::Text("\"涉及国家秘密\""),
        ),
        ("notes", "nonfiscal_reason") => (
            "非财政拨款项目未公开绩效目标表的原因",
            Kind::Text("\"资金来源为单位资金\""),
        ),
        ("glossary", "term") => ("名词", Kind::Text("\"机关运行经费\"")),
        ("glossary", "definition") => ("名词解释", Kind::Text("\"指……\"")),
        ("control", _) => ("批复数", Kind::Amount),
        ("unit", "aliases") => ("单位名称的其他正确写法", Kind::Text("\"示例县统计局本级\"")),
        ("fonts", "dir") => ("字体目录", Kind::Text("\"fonts\"（相对于本文件）")),
        ("fonts", _) => (
            "字体文件",
            Kind::Text("\"fonts/FZFSK.TTF\"（相对于本文件）"),
        ),
        ("publish", "site_name") => ("网站名称", Kind::Text("\"奇台县人民政府\"")),
        ("publish", "site_id") => ("政府网站标识码", Kind::Text("\"6523250001\"")),
        ("publish", "column") => ("栏目", Kind::Text("\"预算公开\"")),
        _ => return None,
    })
}

fn staffing_name(key: &str) -> Option<&'static str> {
    Some(match key {
        "staffing.authorized" => "编制数（人）",
        "staffing.in_service" => "本年在职人数（人）",
        "staffing.in_service_prior" => "上年在职人数（人）",
        "staffing.retired" => "本年退休人数（人）",
        "staffing.retired_prior" => "上年退休人数（人）",
        "staffing.veteran" => "本年离休人数（人）",
        "staffing.veteran_prior" => "上年离休人数（人）",
        "staffing.actual" => "实有人数（人）",
        "operating_units.administrative" => "下属行政单位（家）",
        "operating_units.institutions" => "下属事业单位（家）",
        _ => return None,
    })
}

fn prior_kind(path: &str, last: &str) -> (String, Kind) {
    let mut steps = path.split('.').skip(1);
    let (section, field) = (steps.next().unwrap_or(""), steps.next().unwrap_or(""));
    let what = match (section, field) {
        ("items", _) => "该项",
        ("operating", _) => "上年机关运行经费",
        ("spending", "basic") => "上年基本支出",
        ("spending", _) => "上年项目支出",
        ("general_budget", "basic") => "上年一般公共预算基本支出",
        ("general_budget", _) => "上年一般公共预算项目支出",
        ("three_public", "outbound") => "上年因公出国（境）费",
        ("three_public", "reception") => "上年公务接待费",
        ("three_public", "vehicle_purchase") => "上年公务用车购置费",
        ("three_public", _) => "上年公务用车运行维护费",
        (_, "general") => "上年一般公共预算拨款收入",
        (_, "general_transfer") => "上年上级一般公共预算转移支付收入",
        (_, "fund") => "上年政府性基金预算拨款收入",
        (_, "fund_transfer") => "上年上级政府性基金转移支付收入",
        (_, "soe") => "上年国有资本经营预算拨款收入",
        (_, "soe_transfer") => "上年上级国有资本经营预算转移支付收入",
        (_, "special_account") => "上年财政专户管理资金收入",
        (_, "unit_funds") => "上年单位资金收入",
        (_, "fiscal_carryover") => "上年财政拨款结转",
        _ => "上年非财政拨款结转结余",
    };
    match last {
        "code" => (
            "上年一般公共预算功能分类项级编码".to_string(),
            Kind::FuncItem,
        ),
        "amount" if section == "items" => ("上年该项一般公共预算数".to_string(), Kind::Amount),
        "reason" => (
            format!("{what}的变动原因"),
            Kind::Text("\"人员调资，工资性支出增加\""),
        ),
        _ => (format!("{what}预算数"), Kind::Amount),
    }
}

fn assets_kind(path: &str, last: &str) -> (String, Kind) {
    let plan = path.starts_with("assets.plan.");
    let vehicles = path.split('.').nth(1).and_then(|v| match v {
        "general_vehicles" => Some("一般公务用车"),
        "enforcement_vehicles" => Some("执法执勤用车"),
        "other_vehicles" => Some("其他车辆"),
        _ => None,
    });
    let (name, kind) = match (plan, vehicles, last) {
        (_, Some(v), "count") => (format!("{v}数量（辆）"), Kind::Count),
        (_, Some(v), _) => (format!("{v}价值"), Kind::Amount),
        (true, _, "vehicles") => ("本年计划购置车辆（辆）".into(), Kind::Count),
        (true, _, "equipment_over_50") => {
            ("本年计划购置50万元以上大型设备（台）".into(), Kind::Count)
        }
        (true, _, _) => ("本年计划购置100万元以上大型设备（台）".into(), Kind::Count),
        (_, _, "building_area") => ("房屋面积（平方米）".into(), Kind::Area),
        (_, _, "building_value") => ("房屋价值".into(), Kind::Amount),
        (_, _, "furniture_value") => ("办公家具价值".into(), Kind::Amount),
        (_, _, "equipment_over_50") => ("单位价值50万元以上大型设备（台）".into(), Kind::Count),
        (_, _, "equipment_over_100") => ("单位价值100万元以上大型设备（台）".into(), Kind::Count),
        _ => ("其他资产价值".into(), Kind::Amount),
    };
    (name, kind)
}

fn procurement_name(last: &str) -> (&'static str, Kind) {
    let name = match last {
        "goods" => "政府采购货物",
        "works" => "政府采购工程",
        "services" => "政府采购服务",
        "total" => "政府采购合计",
        "sme_reserved" => "面向中小企业预留",
        _ => "其中面向小微企业预留",
    };
    (name, Kind::Amount)
}

fn performance_kind(last: &str) -> (&'static str, Kind) {
    match last {
        "unit_name" => ("表中的单位名称", Kind::Text("本单位全称")),
        "contact" => ("联系人", Kind::Text("\"张三\"")),
        "phone" => ("联系电话", Kind::Text("\"0994-1234567\"")),
        "manager" => ("项目负责人", Kind::Text("\"张三\"")),
        "goal" => ("绩效目标", Kind::Text("\"按时完成年度统计调查任务。\"")),
        "budget" => ("年度预算总额", Kind::Amount),
        "level1" => ("一级指标", Kind::Text("\"产出指标\"")),
        "level2" => ("二级指标", Kind::Text("\"数量指标\"")),
        "level3" => ("三级指标", Kind::Text("\"完成统计调查项目数\"")),
        "value" => ("指标值", Kind::Text("\">=10项\"")),
        "basis" => ("指标值设定依据", Kind::Text("\"年度工作计划\"")),
        "prior_value" => ("上年完成值", Kind::Text("\"10项\"")),
        "weight" => ("分值权重", Kind::Count),
        "scoring" => (
            "指标赋分规则",
            Kind::Text("\"完成得满分，未完成按比例扣分\""),
        ),
        "evidence" => ("佐证资料", Kind::Text("\"统计调查报告\"")),
        "weight_total" => ("指标分值权重合计", Kind::Count),
        _ => ("绩效设置", Kind::Text("按 README 的“输入格式”一节写出的值")),
    }
}

fn hint(kind: &Kind, money_unit: &str) -> String {
    match kind {
        Kind::Amount => format!(
            "填写金额（{money_unit}），写成带英文引号的数字，例如 \"80.00\"；没有时写 \"0.00\""
        ),
        Kind::Count => "填写整数，不加引号，例如 3；没有时写 0".into(),
        Kind::Area => "填写面积（平方米），写成带英文引号的数字，例如 \"320.50\"".into(),
        Kind::FuncItem => {
            "填写7位功能分类项级编码，例如 \"2011301\"（商贸事务·行政运行）".into()
        }
        Kind::EconKuan => {
            "填写5位经济分类款级编码，例如 \"30101\"（基本工资）、\"30201\"（办公费）".into()
        }
        Kind::EconKey => "把键 \"待填写\" 换成经济分类编码：类（3位，例如 \"302\" 商品和服务支出）或款（5位，例如 \"30201\" 办公费）；值为这一分类的金额".into(),
        Kind::ClassKey => "把键 \"待填写\" 换成功能分类类级编码（3位，即项级编码的前三位），例如 \"201\"（一般公共服务支出）".into(),
        Kind::CodeKey => "把键 \"待填写\" 换成分类表中没有的编码，值写它的名称".into(),
        Kind::Year => "填写四位年份，不加引号，例如 year = 2025".into(),
        Kind::Date => "填写日期，格式 YYYY-MM-DD，例如 \"2025-02-10\"".into(),
        Kind::Source => format!("填写资金来源，可用：{}", accepted_names()),
        Kind::Word(choices) => format!("填写 {choices} 之一"),
        Kind::Text(example) => format!("填写实际内容，例如 {example}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_keyed_tables_and_indices_are_normalized() {
        assert_eq!(
            normalize("projects[2].lines[0].economic.302"),
            "projects.lines.economic.*"
        );
        assert_eq!(normalize("purposes.待填写"), "purposes.*");
        assert_eq!(normalize("basic[0].amount"), "basic.amount");
    }

    #[test]
    fn every_kind_of_key_has_a_chinese_name() {
        let cases = [
            ("basic[0].amount", false, "基本支出金额（万元）"),
            ("basic_economic[0].code", false, "基本支出经济分类款级编码"),
            ("projects[0].lines[1].code", false, "功能分类项级编码"),
            ("projects[0].economic.待填写", true, "经济分类编码"),
            (
                "projects[0].economic.302",
                false,
                "项目按经济分类的金额（万元）",
            ),
            (
                "prior.items[1].amount",
                false,
                "上年该项一般公共预算数（万元）",
            ),
            (
                "prior.three_public.outbound.amount",
                false,
                "上年因公出国（境）费预算数（万元）",
            ),
            (
                "prior.income.unit_funds.amount",
                false,
                "上年单位资金收入预算数（万元）",
            ),
            (
                "assets.general_vehicles.count",
                false,
                "一般公务用车数量（辆）",
            ),
            ("assets.plan.vehicles", false, "本年计划购置车辆（辆）"),
            ("performance.unit.indicators[0].weight", false, "分值权重"),
            ("overview.staffing.authorized", false, "编制数（人）"),
        ];
        for (key, is_key, name) in cases {
            assert_eq!(describe(key, is_key, "万元").name, name, "{key}");
        }
        assert!(describe("basic[0].amount", false, "元")
            .hint
            .contains("金额（元）"));
    }
}
