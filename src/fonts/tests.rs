//! Font chains and substitutes, decided on made-up machines: an index naming real font
//! files (Noto CJK, LXGW WenKai and the Fandol faces `scripts/setup.sh` installs) under
//! the names discovery looks for.

use super::discovery::{system_dirs, FontIndex};
use super::metrics::Metrics;
use super::options::FontOptions;
use super::role::Role;
use super::set::FontSet;
use super::substitute::Substitute;
use std::path::PathBuf;

const NOTO: [&str; 4] = [
    "notoserifcjk-regular.ttc",
    "notoserifcjk-bold.ttc",
    "notosanscjk-regular.ttc",
    "notosanscjk-bold.ttc",
];
const LXGW: &str = "lxgwwenkai-regular.ttf";
const FANDOL: [&str; 4] = [
    "fandolfang-regular.otf",
    "fandolhei-regular.otf",
    "fandolkai-regular.otf",
    "fandolsong-regular.otf",
];

/// The installed file discovery knows as `name`.
fn installed(name: &str) -> PathBuf {
    FontIndex::scan(&system_dirs())
        .get(name)
        .unwrap_or_else(|| panic!("{name} 未安装：先运行 scripts/setup.sh"))
}

/// A machine with exactly these fonts (each name → the installed file of `as_file`).
fn machine(fonts: &[(&str, &str)], opts: &FontOptions) -> FontSet {
    let files: Vec<(&str, PathBuf)> = fonts
        .iter()
        .map(|&(name, as_file)| (name, installed(as_file)))
        .collect();
    FontSet::from_index(&FontIndex::of(&files), opts, &[]).expect("fonts load")
}

/// The free fonts `scripts/setup.sh` installs, optionally with the Fandol faces.
fn debian(fandol: bool) -> Vec<(&'static str, &'static str)> {
    let mut names: Vec<&str> = NOTO.to_vec();
    names.push(LXGW);
    if fandol {
        names.extend(FANDOL);
    }
    names.into_iter().map(|n| (n, n)).collect()
}

fn chain(set: &FontSet, role: Role, n: usize) -> Vec<&str> {
    set.chain(role)
        .iter()
        .take(n)
        .map(|&i| set.faces()[i].name.as_str())
        .collect()
}

fn drawn_by(set: &FontSet, role: Role, ch: char) -> String {
    let metrics = Metrics::new(set);
    let resolved = metrics.resolve(role, ch).expect("some face has it");
    set.faces()[usize::from(resolved.face)].name.clone()
}

fn substitutes(set: &FontSet) -> Vec<(Role, String)> {
    set.substitutes()
        .into_iter()
        .map(|s| (s.role, s.face))
        .collect()
}

#[test]
fn each_role_starts_with_its_fandol_face_then_the_noto_face_of_its_style() {
    let set = machine(&debian(true), &FontOptions::default());
    let serif = "NotoSerifCJKsc-Regular";
    let sans = "NotoSansCJKsc-Regular";
    assert_eq!(chain(&set, Role::Body, 2), ["FandolFang-Regular", serif]);
    assert_eq!(chain(&set, Role::Heading, 2), ["FandolHei-Regular", sans]);
    assert_eq!(
        chain(&set, Role::Kai, 3),
        ["FandolKai-Regular", "LXGWWenKai-Regular", serif]
    );
    assert_eq!(chain(&set, Role::Table, 2), ["FandolSong-Regular", serif]);
    assert_eq!(chain(&set, Role::TableBold, 2), ["FandolHei-Regular", sans]);
    assert_eq!(chain(&set, Role::Title, 1), ["NotoSerifCJKsc-Bold"]);
    let without = machine(&debian(false), &FontOptions::default());
    assert_eq!(chain(&without, Role::Body, 1), [serif]);
    assert_eq!(chain(&without, Role::Kai, 2), ["LXGWWenKai-Regular", serif]);
    assert_eq!(chain(&without, Role::TableBold, 1), ["NotoSerifCJKsc-Bold"]);
}

/// ㎡ and 丟 are not in FandolFang (GB2312 coverage); the body draws them in Noto Serif,
/// never in a sans or 楷 face, and everything else in FandolFang.
#[test]
fn a_character_fandol_fang_lacks_is_drawn_in_noto_serif_in_the_body() {
    let set = machine(&debian(true), &FontOptions::default());
    let fang = std::fs::read(installed("fandolfang-regular.otf")).expect("read FandolFang");
    let fang = ttf_parser::Face::parse(&fang, 0).expect("parse FandolFang");
    for ch in ['㎡', '丟'] {
        assert!(fang.glyph_index(ch).is_none(), "FandolFang has {ch} now");
        assert_eq!(drawn_by(&set, Role::Body, ch), "NotoSerifCJKsc-Regular");
        assert_eq!(drawn_by(&set, Role::Table, ch), "NotoSerifCJKsc-Regular");
        assert_eq!(drawn_by(&set, Role::Heading, ch), "NotoSansCJKsc-Regular");
    }
    for ch in ['预', '算', '，', '1', '%'] {
        assert_eq!(drawn_by(&set, Role::Body, ch), "FandolFang-Regular", "{ch}");
    }
    assert_eq!(drawn_by(&set, Role::Kai, '一'), "FandolKai-Regular");
}

#[test]
fn a_role_whose_first_face_stands_in_is_a_substitute() {
    let none = FontOptions::default();
    let without = machine(&debian(false), &none);
    assert_eq!(
        substitutes(&without),
        [
            (Role::Title, "NotoSerifCJKsc-Bold".to_string()),
            (Role::Heading, "NotoSansCJKsc-Regular".to_string()),
            (Role::Kai, "LXGWWenKai-Regular".to_string()),
            (Role::Body, "NotoSerifCJKsc-Regular".to_string()),
        ]
    );
    let with = machine(&debian(true), &none);
    assert_eq!(
        substitutes(&with),
        [(Role::Title, "NotoSerifCJKsc-Bold".to_string())]
    );
    let mut xbs = debian(true);
    xbs.push(("fzxbsjw.ttf", "notoserifcjk-bold.ttc"));
    assert_eq!(substitutes(&machine(&xbs, &none)), []);
    let title = FontOptions {
        title: Some(installed("notoserifcjk-bold.ttc")),
        ..FontOptions::default()
    };
    assert_eq!(substitutes(&machine(&debian(true), &title)), []);
}

/// A role no candidate plays (here 楷体 and the title on a machine with Noto Sans alone)
/// is drawn in whatever face there is, and says so.
#[test]
fn a_role_without_any_candidate_is_a_substitute_too() {
    let sans = [("notosanscjk-regular.ttc", "notosanscjk-regular.ttc")];
    let set = machine(&sans, &FontOptions::default());
    let roles: Vec<Role> = set.substitutes().into_iter().map(|s| s.role).collect();
    assert_eq!(roles, [Role::Title, Role::Heading, Role::Kai, Role::Body]);
}

#[test]
fn the_notice_names_the_role_the_face_and_the_way_to_the_real_one() {
    let body = Substitute {
        role: Role::Body,
        face: "NotoSerifCJKsc-Regular".into(),
    };
    let text = body.to_string();
    for part in [
        "正文（仿宋）",
        "仿宋",
        "NotoSerifCJKsc-Regular",
        "scripts/setup.sh",
        "simfang.ttf",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
    let title = Substitute {
        role: Role::Title,
        face: "NotoSerifCJKsc-Bold".into(),
    }
    .to_string();
    assert!(
        title.contains("FZXBSJW.TTF") && title.contains("--font-dir"),
        "{title}"
    );
}
