//! Font discovery: which files on this machine can play each 公文 font role.
//!
//! Every role has an ordered list of well-known file names — the real Windows fonts first
//! (simfang/simhei/simkai/simsun), then macOS, then the Debian packages (Noto CJK,
//! LXGW WenKai). The user's directories are searched before the system ones.

use super::fonts::Role;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One candidate: a file name (lower case) and the face to use inside a collection.
struct Candidate {
    file: &'static str,
    face: u32,
}

const fn c(file: &'static str, face: u32) -> Candidate {
    Candidate { file, face }
}

/// Noto CJK collections: face 2 is Simplified Chinese.
const NOTO_SC: u32 = 2;

const BODY: &[Candidate] = &[
    c("simfang.ttf", 0),
    c("fangsong_gb2312.ttf", 0),
    c("仿宋_gb2312.ttf", 0),
    c("stfangso.ttf", 0),
    c("fangsong.ttf", 0),
    c("notoserifcjk-regular.ttc", NOTO_SC),
    c("notoserifcjksc-regular.otf", 0),
    c("songti.ttc", 0),
    c("simsun.ttc", 0),
    c("notosanscjk-regular.ttc", NOTO_SC),
    c("notosanscjksc-regular.otf", 0),
];

const HEADING: &[Candidate] = &[
    c("simhei.ttf", 0),
    c("stheiti medium.ttc", 0),
    c("notosanscjk-regular.ttc", NOTO_SC),
    c("notosanscjksc-regular.otf", 0),
    c("notosanscjk-medium.ttc", NOTO_SC),
    c("pingfang.ttc", 0),
    c("notoserifcjk-bold.ttc", NOTO_SC),
];

const KAI: &[Candidate] = &[
    c("simkai.ttf", 0),
    c("kaiti_gb2312.ttf", 0),
    c("楷体_gb2312.ttf", 0),
    c("stkaiti.ttf", 0),
    c("kaiti.ttc", 0),
    c("lxgwwenkai-regular.ttf", 0),
    c("lxgwwenkaigb-regular.ttf", 0),
    c("lxgwwenkai-light.ttf", 0),
];

const TITLE: &[Candidate] = &[
    c("fzxbsjw.ttf", 0),
    c("方正小标宋简体.ttf", 0),
    c("fzxbsk.ttf", 0),
    c("notoserifcjk-bold.ttc", NOTO_SC),
    c("notoserifcjksc-bold.otf", 0),
    c("notoserifcjk-black.ttc", NOTO_SC),
    c("songti.ttc", 0),
    c("simhei.ttf", 0),
    c("simsun.ttc", 0),
];

const TABLE: &[Candidate] = &[
    c("simsun.ttc", 0),
    c("notoserifcjk-regular.ttc", NOTO_SC),
    c("notoserifcjksc-regular.otf", 0),
    c("songti.ttc", 0),
    c("notosanscjk-regular.ttc", NOTO_SC),
];

/// Bold table text (totals, 类 rows): a heavier face.
const TABLE_BOLD: &[Candidate] = &[
    c("simhei.ttf", 0),
    c("notoserifcjk-bold.ttc", NOTO_SC),
    c("notoserifcjksc-bold.otf", 0),
    c("notosanscjk-bold.ttc", NOTO_SC),
    c("notosanscjk-regular.ttc", NOTO_SC),
];

fn candidates(role: Role) -> &'static [Candidate] {
    match role {
        Role::Body => BODY,
        Role::Heading => HEADING,
        Role::Kai => KAI,
        Role::Title => TITLE,
        Role::Table => TABLE,
        Role::TableBold => TABLE_BOLD,
    }
}

/// The system font directories of Linux, Windows and macOS, plus the user's own.
pub fn system_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![
        PathBuf::from("/usr/share/fonts"),
        PathBuf::from("/usr/local/share/fonts"),
        PathBuf::from("C:\\Windows\\Fonts"),
        PathBuf::from("/System/Library/Fonts"),
        PathBuf::from("/Library/Fonts"),
    ];
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    if let Some(windir) = std::env::var_os("WINDIR") {
        dirs.push(PathBuf::from(windir).join("Fonts"));
    }
    dirs
}

/// An index of the font files found: lower-case file name → first path found.
pub struct FontIndex {
    files: BTreeMap<String, PathBuf>,
}

impl FontIndex {
    /// Scans `dirs` in order (recursively, three levels deep); earlier dirs win.
    pub fn scan(dirs: &[PathBuf]) -> FontIndex {
        let mut files = BTreeMap::new();
        for dir in dirs {
            scan_dir(dir, 0, &mut files);
        }
        FontIndex { files }
    }

    /// The files that can play `role`, best first, each with its face index.
    pub fn role_files(&self, role: Role) -> Vec<(PathBuf, u32)> {
        candidates(role)
            .iter()
            .filter_map(|cand| self.files.get(cand.file).map(|p| (p.clone(), cand.face)))
            .collect()
    }
}

fn scan_dir(dir: &Path, depth: u8, files: &mut BTreeMap<String, PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if depth < 3 {
                scan_dir(&path, depth + 1, files);
            }
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let lower = name.to_lowercase();
        if [".ttf", ".ttc", ".otf", ".otc"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            files.entry(lower).or_insert(path);
        }
    }
}

/// The face to use in a file given explicitly: the Simplified Chinese face of a
/// collection when one is named so, else the first.
pub fn pick_face(data: &[u8]) -> u32 {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    for index in 0..count {
        let Ok(face) = ttf_parser::Face::parse(data, index) else {
            continue;
        };
        let named_sc = face.names().into_iter().any(|n| {
            n.name_id == ttf_parser::name_id::FAMILY
                && n.to_string()
                    .is_some_and(|s| s.ends_with(" SC") || s.contains("GB"))
        });
        if named_sc {
            return index;
        }
    }
    0
}
