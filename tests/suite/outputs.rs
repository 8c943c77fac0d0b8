//! A budget's outputs are written as one set, all or nothing (issue 19): one output that
//! cannot be written — its name taken by a directory — replaces none of the others, and the
//! message says so.

use crate::common;

use common::run::{gongkai, temp_dir};
use std::path::Path;

fn minimal() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn generate_with_a_directory_in_the_way_replaces_nothing() {
    let dir = temp_dir("set-in-the-way");
    let file = dir.join("unit.toml");
    std::fs::write(&file, minimal()).unwrap();
    let out = dir.join("out");
    let first = gongkai(&[
        "generate".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "html,json".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(first.status.success(), "{first:?}");
    let (html, json) = (
        std::fs::read(out.join("unit.html")).unwrap(),
        std::fs::read(out.join("unit.json")).unwrap(),
    );
    // The next version of the budget, whose PDF has a directory where it would go.
    std::fs::write(&file, minimal().replace("示例县统计局", "示例县统计新局")).unwrap();
    std::fs::create_dir(out.join("unit.pdf")).unwrap();
    let second = gongkai(&[
        "generate".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "html,json,pdf".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&second.stderr);
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert_eq!(second.status.code(), Some(2), "{stderr}");
    assert!(
        std::fs::read(out.join("unit.html")).unwrap() == html,
        "the HTML is the previous one"
    );
    assert!(
        std::fs::read(out.join("unit.json")).unwrap() == json,
        "the JSON is the previous one"
    );
    assert!(
        stderr.contains("unit.pdf：这是一个目录，不是文件"),
        "{stderr}"
    );
    assert!(
        stderr.contains("没有替换任何文件，已有的输出保持不变"),
        "{stderr}"
    );
    assert!(!stdout.contains("已生成"), "{stdout}");
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["unit.html", "unit.json", "unit.pdf"],
        "no temporary or backup left"
    );
}
