// The published mistakes, one entry per figure: region, published figure, gongkai's figure,
// how often it occurs in that region, and why gongkai's figure is the right one.

const QITAI_SHARE: &str = "第三部分五（二）的类结构占比按各自四舍五入合计为100.01%；最大余数法使合计恰为100.00%：500.00/1,083.77=46.1353%，余数最小的一项取46.13%";
const ONE_DECIMAL: &str = "原文只保留一位小数（34.7%、1.6%），统一为两位小数";
const NO_DECIMALS: &str = "原文金额未保留两位小数（如“500万元”“0 万元”），gongkai统一为两位小数";
const QITAI_NONFISCAL: &str = "原文称当年非财政拨款项目0个、0.00万元，又称有2个、713.70万元；表3的单位资金项目支出为711.70万元（其他商贸事务支出），2个项目合计711.70万元";
const UNIT_TOTAL_ROW: &str =
    "gongkai的整体绩效目标表按奇台表式印出“合计”行（年度预算合计），原文此表无合计行";

#[test]
fn qitai_matches_published_figures() {
    check_example(
        "qitai-commerce-2024",
        &[1, 2, 3, 4, 5, 6, 7, 9, 10],
        &["表2"],
        &[
            m("五", Some("46.14"), Some("46.13"), 1, QITAI_SHARE),
            m("五", None, Some("34.70"), 1, ONE_DECIMAL),
            m("五", None, Some("1.60"), 1, ONE_DECIMAL),
            m("七", None, Some("500.00"), 1, NO_DECIMALS),
            m("七", None, Some("70.00"), 1, NO_DECIMALS),
            m("七", None, Some("44.00"), 1, NO_DECIMALS),
            m("十二", Some("0.00"), Some("711.70"), 1, QITAI_NONFISCAL),
            m("十二", Some("713.70"), Some("711.70"), 1, QITAI_NONFISCAL),
        ],
    );
}

const CHANGJI_TOTAL: &str = "原文基本支出总计印为581.55万元，但表2、表3、表5各项（409.71+20.71+53.20+26.60+26.60+1.66+0.44+42.62）与表6各款合计均为581.54万元；总计应等于明细之和";
const CHANGJI_GRAND: &str =
    "收支总计=581.54+216.98+238.00=1,036.52万元（原文1,036.53万元，与明细不符）";
const CHANGJI_PERSONNEL: &str =
    "人员经费=工资福利支出495.05+对个人和家庭的补助26.87=521.92万元（原文521.93万元）";
const CHANGJI_BASIC_CHANGE: &str =
    "基本支出581.54万元比上年634.70万元减少53.16万元，下降8.38%（原文以581.55计算）";
const CHANGJI_GPB_CHANGE: &str =
    "一般公共预算581.54万元比上年2,918.03万元减少2,336.49万元（原文以581.55计算）";
const CHANGJI_ROUNDING: &str = "百分比按四舍五入：2.51/55.71=4.5055%→4.51%，1.91/61.53=3.1042%→3.10%，原文分别印为4.50%、3.11%";
const CHANGJI_LOCAL: &str =
    "整体绩效目标表本级安排=当年一般公共预算581.54+财政拨款结转216.98=798.52万元（原文798.53万元）";

#[test]
fn changji_matches_published_figures() {
    check_example(
        "changji-industry-2024",
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        &[],
        &[
            m("表1", Some("581.55"), Some("581.54"), 3, CHANGJI_TOTAL),
            m("表1", Some("1036.53"), Some("1036.52"), 2, CHANGJI_GRAND),
            m("表2", Some("581.55"), Some("581.54"), 2, CHANGJI_TOTAL),
            m("表2", Some("1036.53"), Some("1036.52"), 1, CHANGJI_GRAND),
            m("表3", Some("581.55"), Some("581.54"), 1, CHANGJI_TOTAL),
            m("表3", Some("1036.53"), Some("1036.52"), 1, CHANGJI_GRAND),
            m("表4", Some("581.55"), Some("581.54"), 5, CHANGJI_TOTAL),
            m("表5", Some("581.55"), Some("581.54"), 2, CHANGJI_TOTAL),
            m("表6", Some("581.55"), Some("581.54"), 1, CHANGJI_TOTAL),
            m("表6", Some("521.93"), Some("521.92"), 1, CHANGJI_PERSONNEL),
            m("一", Some("1036.53"), Some("1036.52"), 1, CHANGJI_GRAND),
            m("二", Some("1036.53"), Some("1036.52"), 1, CHANGJI_GRAND),
            m("二", Some("581.55"), Some("581.54"), 1, CHANGJI_TOTAL),
            m(
                "二",
                Some("2336.48"),
                Some("2336.49"),
                1,
                CHANGJI_GPB_CHANGE,
            ),
            m("三", Some("1036.53"), Some("1036.52"), 1, CHANGJI_GRAND),
            m("三", Some("581.55"), Some("581.54"), 1, CHANGJI_TOTAL),
            m("三", Some("53.15"), Some("53.16"), 1, CHANGJI_BASIC_CHANGE),
            m("三", Some("8.37"), Some("8.38"), 1, CHANGJI_BASIC_CHANGE),
            m("四", Some("581.55"), Some("581.54"), 2, CHANGJI_TOTAL),
            m("五", Some("581.55"), Some("581.54"), 2, CHANGJI_TOTAL),
            m("五", Some("53.15"), Some("53.16"), 1, CHANGJI_BASIC_CHANGE),
            m("五", Some("8.37"), Some("8.38"), 1, CHANGJI_BASIC_CHANGE),
            m("五", Some("4.50"), Some("4.51"), 1, CHANGJI_ROUNDING),
            m("六", Some("581.55"), Some("581.54"), 1, CHANGJI_TOTAL),
            m("六", Some("521.93"), Some("521.92"), 1, CHANGJI_PERSONNEL),
            m("十", None, Some("0.00"), 2, NO_DECIMALS),
            m("十二", Some("3.11"), Some("3.10"), 1, CHANGJI_ROUNDING),
            m("十二", Some("1036.53"), Some("1036.52"), 1, CHANGJI_GRAND),
            m("十二", None, Some("1036.52"), 1, UNIT_TOTAL_ROW),
            m("十二", Some("798.53"), Some("798.52"), 1, CHANGJI_LOCAL),
            m("十二", None, Some("0.00"), 1, NO_DECIMALS),
        ],
    );
}

const MANAS_HEALTH: &str = "卫生健康支出的两项为15.97+4.39=20.36万元，原文类、款行印为20.37万元（且各类合计为517.37，不等于总计517.36）";
const MANAS_TABLE6: &str = "表6的301各款合计301.30、303各款合计14.65，与原文类行301.31、14.66不符；按类行与总计调整其他工资福利支出为14.88、奖励金为0.98";
const MANAS_INCOME_SHARE: &str = "收入结构占比：517.36/1,700.46=30.4247%，1,183.05/1,700.46=69.5723%；原文印30.42%、69.58%（合计100.00%但69.58%舍入错误），最大余数法为30.43%、69.57%";
const MANAS_SPENDING_SHARE: &str =
    "项目支出1,183.10/1,700.46=69.5753%，应为69.58%（原文69.57%，基本支出与项目支出合计99.99%）";
const MANAS_GPB_SHARE: &str = "卫生健康支出按20.36万元计算占3.9354%；最大余数法使各类合计100.00%，取3.93%（原文3.94%，各类合计100.01%）";

#[test]
fn manas_matches_published_figures() {
    check_example(
        "manas-commerce-2024",
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        &[],
        &[
            m("表1", Some("20.37"), Some("20.36"), 1, MANAS_HEALTH),
            m("表2", Some("20.37"), Some("20.36"), 6, MANAS_HEALTH),
            m("表3", Some("20.37"), Some("20.36"), 4, MANAS_HEALTH),
            m("表4", Some("20.37"), Some("20.36"), 2, MANAS_HEALTH),
            m("表5", Some("20.37"), Some("20.36"), 4, MANAS_HEALTH),
            m("表6", Some("14.87"), Some("14.88"), 2, MANAS_TABLE6),
            m("表6", Some("0.97"), Some("0.98"), 2, MANAS_TABLE6),
            m("二", Some("30.42"), Some("30.43"), 1, MANAS_INCOME_SHARE),
            m("二", Some("69.58"), Some("69.57"), 1, MANAS_INCOME_SHARE),
            m("三", Some("69.57"), Some("69.58"), 1, MANAS_SPENDING_SHARE),
            m("四", Some("20.37"), Some("20.36"), 1, MANAS_HEALTH),
            m("五", Some("20.37"), Some("20.36"), 1, MANAS_HEALTH),
            m("五", Some("3.94"), Some("3.93"), 1, MANAS_GPB_SHARE),
            m("十", None, Some("0.00"), 2, NO_DECIMALS),
            m("十二", None, Some("1700.46"), 1, UNIT_TOTAL_ROW),
        ],
    );
}
