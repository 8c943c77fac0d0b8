//! Font discovery: which files on this machine can play each 公文 font role.
//!
//! Every role has an ordered list of well-known file names — the real Windows fonts first
//! (simfang/simhei/simkai/simsun), then macOS, then the free Fandol faces (仿宋, 黑体,
//! 楷体, 宋体; installed by `scripts/setup.sh`), then the Debian packages (Noto CJK, LXGW
//! WenKai). The user's directories are searched before the system ones. Each candidate
//! says whether it is a real face of its role or a substitute, and which Noto CJK (or
//! LXGW) faces of the same style draw, glyph by glyph, what it lacks: a character missing
//! in FandolFang is drawn in Noto Serif, never in a sans or 楷 face.

use super::role::Role;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The style of a face, which decides the faces that cover for its missing glyphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 仿宋, 宋体 and other serif text faces.
    Serif,
    /// A bold serif (bold table text).
    SerifBold,
    /// The title: the heaviest serif there is.
    SerifHeavy,
    /// 黑体.
    Sans,
    /// A bold 黑体.
    SansBold,
    /// 楷体.
    Kai,
}

/// One candidate: a file name (lower case), the face to use inside a collection, whether
/// it is a real face of its role (not a substitute) and its style.
struct Candidate {
    file: &'static str,
    face: u32,
    real: bool,
    style: Style,
}

/// A real face of its role.
const fn real(file: &'static str, face: u32, style: Style) -> Candidate {
    Candidate {
        file,
        face,
        real: true,
        style,
    }
}

/// A face that stands in for the real one.
const fn sub(file: &'static str, face: u32, style: Style) -> Candidate {
    Candidate {
        file,
        face,
        real: false,
        style,
    }
}

/// Noto CJK collections: face 2 is Simplified Chinese.
const NOTO_SC: u32 = 2;

use Style::{Kai, Sans, SansBold, Serif, SerifBold, SerifHeavy};

const BODY: &[Candidate] = &[
    real("simfang.ttf", 0, Serif),
    real("fangsong_gb2312.ttf", 0, Serif),
    real("仿宋_gb2312.ttf", 0, Serif),
    real("stfangso.ttf", 0, Serif),
    real("fangsong.ttf", 0, Serif),
    real("fandolfang-regular.otf", 0, Serif),
    sub("notoserifcjk-regular.ttc", NOTO_SC, Serif),
    sub("notoserifcjksc-regular.otf", 0, Serif),
    sub("songti.ttc", 0, Serif),
    sub("simsun.ttc", 0, Serif),
    sub("notosanscjk-regular.ttc", NOTO_SC, Sans),
    sub("notosanscjksc-regular.otf", 0, Sans),
];

const HEADING: &[Candidate] = &[
    real("simhei.ttf", 0, Sans),
    real("stheiti medium.ttc", 0, Sans),
    real("fandolhei-regular.otf", 0, Sans),
    sub("notosanscjk-regular.ttc", NOTO_SC, Sans),
    sub("notosanscjksc-regular.otf", 0, Sans),
    sub("notosanscjk-medium.ttc", NOTO_SC, Sans),
    sub("pingfang.ttc", 0, Sans),
    sub("notoserifcjk-bold.ttc", NOTO_SC, SerifBold),
];

const KAI: &[Candidate] = &[
    real("simkai.ttf", 0, Kai),
    real("kaiti_gb2312.ttf", 0, Kai),
    real("楷体_gb2312.ttf", 0, Kai),
    real("stkaiti.ttf", 0, Kai),
    real("kaiti.ttc", 0, Kai),
    real("fandolkai-regular.otf", 0, Kai),
    sub("lxgwwenkai-regular.ttf", 0, Kai),
    sub("lxgwwenkaigb-regular.ttf", 0, Kai),
    sub("lxgwwenkai-light.ttf", 0, Kai),
];

const TITLE: &[Candidate] = &[
    real("fzxbsjw.ttf", 0, SerifHeavy),
    real("方正小标宋简体.ttf", 0, SerifHeavy),
    real("fzxbsk.ttf", 0, SerifHeavy),
    sub("notoserifcjk-black.ttc", NOTO_SC, SerifHeavy),
    sub("notoserifcjksc-black.otf", 0, SerifHeavy),
    sub("notoserifcjk-bold.ttc", NOTO_SC, SerifHeavy),
    sub("notoserifcjksc-bold.otf", 0, SerifHeavy),
    sub("fandolsong-bold.otf", 0, SerifHeavy),
    sub("songti.ttc", 0, Serif),
    sub("simhei.ttf", 0, Sans),
    sub("simsun.ttc", 0, Serif),
];

/// Table text: 宋体.
const TABLE: &[Candidate] = &[
    real("simsun.ttc", 0, Serif),
    real("fandolsong-regular.otf", 0, Serif),
    sub("notoserifcjk-regular.ttc", NOTO_SC, Serif),
    sub("notoserifcjksc-regular.otf", 0, Serif),
    sub("songti.ttc", 0, Serif),
    sub("notosanscjk-regular.ttc", NOTO_SC, Sans),
];

/// Bold table text (totals, 类 rows): 黑体 where there is one, else a bold serif.
const TABLE_BOLD: &[Candidate] = &[
    real("simhei.ttf", 0, Sans),
    real("fandolhei-regular.otf", 0, Sans),
    sub("notoserifcjk-bold.ttc", NOTO_SC, SerifBold),
    sub("notoserifcjksc-bold.otf", 0, SerifBold),
    sub("notosanscjk-bold.ttc", NOTO_SC, SansBold),
    sub("notosanscjk-regular.ttc", NOTO_SC, Sans),
];

/// Noto Serif CJK SC Regular, as a collection or a single face.
const NOTO_SERIF: &[Candidate] = &[
    sub("notoserifcjk-regular.ttc", NOTO_SC, Serif),
    sub("notoserifcjksc-regular.otf", 0, Serif),
];

/// The faces that draw what a face of `style` lacks, glyph by glyph: from each group the
/// first one present.
fn cover(style: Style) -> &'static [&'static [Candidate]] {
    const SERIF_BOLD: &[Candidate] = &[
        sub("notoserifcjk-bold.ttc", NOTO_SC, SerifBold),
        sub("notoserifcjksc-bold.otf", 0, SerifBold),
    ];
    const SERIF_HEAVY: &[Candidate] = &[
        sub("notoserifcjk-black.ttc", NOTO_SC, SerifHeavy),
        sub("notoserifcjksc-black.otf", 0, SerifHeavy),
        sub("notoserifcjk-bold.ttc", NOTO_SC, SerifHeavy),
        sub("notoserifcjksc-bold.otf", 0, SerifHeavy),
    ];
    const SANS: &[Candidate] = &[
        sub("notosanscjk-regular.ttc", NOTO_SC, Sans),
        sub("notosanscjksc-regular.otf", 0, Sans),
    ];
    const SANS_BOLD: &[Candidate] = &[
        sub("notosanscjk-bold.ttc", NOTO_SC, SansBold),
        sub("notosanscjksc-bold.otf", 0, SansBold),
    ];
    const KAI_FACES: &[Candidate] = &[
        sub("lxgwwenkai-regular.ttf", 0, Kai),
        sub("lxgwwenkaigb-regular.ttf", 0, Kai),
    ];
    match style {
        Style::Serif => &[NOTO_SERIF],
        Style::SerifBold => &[SERIF_BOLD],
        Style::SerifHeavy => &[SERIF_HEAVY],
        Style::Sans => &[SANS],
        Style::SansBold => &[SANS_BOLD],
        Style::Kai => &[KAI_FACES, NOTO_SERIF],
    }
}

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

/// A face found for a role: where it is, whether it is a real face of the role, and the
/// faces present that draw what it lacks, glyph by glyph (from each group, best first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// The face inside the file.
    pub face: u32,
    /// A real face of the role, not a substitute.
    pub real: bool,
    /// Groups of covering faces; the first face of a group that loads is used.
    pub cover: Vec<Vec<(PathBuf, u32)>>,
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

    /// An index of the given files, named as given (tests: a machine's fonts made up).
    #[cfg(test)]
    pub fn of(files: &[(&str, PathBuf)]) -> FontIndex {
        let files = files
            .iter()
            .map(|(name, path)| (name.to_lowercase(), path.clone()))
            .collect();
        FontIndex { files }
    }

    /// The path indexed under `file` (lower case), if any.
    #[cfg(test)]
    pub fn get(&self, file: &str) -> Option<PathBuf> {
        self.files.get(file).cloned()
    }

    /// The files that can play `role`, best first, each with its face index, whether it
    /// is a real face of the role and the faces present that cover for it.
    pub fn role_files(&self, role: Role) -> Vec<Found> {
        candidates(role)
            .iter()
            .filter_map(|cand| {
                let (path, face) = self.present(cand)?;
                let cover = cover(cand.style)
                    .iter()
                    .map(|group| group.iter().filter_map(|c| self.present(c)).collect())
                    .collect();
                Some(Found {
                    path,
                    face,
                    real: cand.real,
                    cover,
                })
            })
            .collect()
    }

    fn present(&self, cand: &Candidate) -> Option<(PathBuf, u32)> {
        self.files.get(cand.file).map(|p| (p.clone(), cand.face))
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
