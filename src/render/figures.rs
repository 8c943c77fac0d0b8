//! The units a figure keeps on its line (`1,795.47万元`, `27.96%`, `2024年`, `146号`): the
//! PDF's line breaking and the HTML's kept pieces read the same list.

/// Units a figure keeps on its line.
pub const UNITS: &[&str] = &[
    "万元",
    "亿元",
    "元",
    "%",
    "％",
    "‰",
    "个",
    "人",
    "辆",
    "家",
    "项",
    "次",
    "年",
    "月",
    "日",
    "平方米",
    "台",
    "套",
    "名",
    "岁",
    "号",
];

/// Length in bytes of the longest unit `rest` starts with.
pub fn unit_len(rest: &str) -> Option<usize> {
    UNITS
        .iter()
        .filter(|u| rest.starts_with(**u))
        .map(|u| u.len())
        .max()
}
