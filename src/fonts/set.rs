//! Loading and fallback chains: the faces read for this process and, for each role, the
//! faces that draw it, best first.
//!
//! A [`FontSet`] is loaded once per process: each font file is read once and shared by
//! every role that uses it. Each role has a chain of faces; a character is drawn with
//! the first face of the chain that has a glyph for it: the role's own face (FandolFang
//! for the body), then the Noto CJK face of the same style (Noto Serif), then the rest.

use super::discovery::{pick_face, system_dirs, FontIndex};
use super::error::FontError;
use super::options::FontOptions;
use super::program::glyph_cache::GlyphCache;
use super::resolutions::Resolutions;
use super::role::Role;
use super::substitute::Substitute;
use crate::regular_file::open_accepted;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// One loaded face: the whole file's bytes (shared) and the face index inside it.
#[derive(Debug, Clone)]
pub struct LoadedFace {
    /// The file it came from.
    pub path: PathBuf,
    /// Face index inside a collection.
    pub index: u32,
    /// The file's bytes, shared between faces of the same file.
    pub data: Arc<FontData>,
    /// The face's PostScript or family name, for messages and the PDF.
    pub name: String,
    /// Glyphs of this face already cut out for a subset (CFF faces).
    pub glyphs: Arc<GlyphCache>,
}

/// A font file's bytes: memory-mapped, so only the pages a render touches are read
/// (a Noto CJK collection is 20–27 MB, of which a document uses a few hundred KB).
#[derive(Debug)]
pub struct FontData {
    map: memmap2::Mmap,
}

impl FontData {
    /// Maps `path` read-only. Only a regular file, opened by [`open_accepted`] (a named pipe
    /// is never waited on).
    fn open(path: &std::path::Path) -> Result<FontData, String> {
        const NOT_REGULAR: &str =
            "不是普通文件（设备、管道或目录不能作为字体）（not a regular file）";
        let regular = |m: &std::fs::Metadata| match m.is_file() {
            true => Ok(()),
            false => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                NOT_REGULAR,
            )),
        };
        let (file, _) = open_accepted(path, regular).map_err(|e| e.to_string())?;
        // SAFETY: the map is read-only and font files are not rewritten while a render
        // runs; a file truncated under us is the same hazard every font loader accepts.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| e.to_string())?;
        Ok(FontData { map })
    }

    /// The whole file.
    pub fn as_slice(&self) -> &[u8] {
        &self.map
    }
}

impl std::ops::Deref for FontData {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.map
    }
}

/// Every face loaded for this process and the fallback chain of each role.
#[derive(Debug, Clone)]
pub struct FontSet {
    faces: Vec<LoadedFace>,
    chains: [Vec<usize>; 6],
    substitutes: Vec<Substitute>,
    resolutions: Resolutions,
}

impl FontSet {
    /// Discovers and reads the fonts; see [`super::load_fonts`].
    pub fn load(opts: &FontOptions) -> Result<FontSet, FontError> {
        let mut dirs = opts.dirs.clone();
        dirs.extend(system_dirs());
        FontSet::from_index(&FontIndex::scan(&dirs), opts, &dirs)
    }

    /// Loads the faces `index` offers. A role's chain is the explicit face (if any), its
    /// first face that loads, the faces of the same style that cover for that one, then
    /// every other face loaded. `searched` names the directories behind `index`.
    pub(super) fn from_index(
        index: &FontIndex,
        opts: &FontOptions,
        searched: &[PathBuf],
    ) -> Result<FontSet, FontError> {
        let mut loader = Loader::default();
        let mut chains: [Vec<usize>; 6] = Default::default();
        let mut real = [false; 6];
        for role in Role::ALL {
            let chain = &mut chains[role.slot()];
            if let Some(path) = explicit(opts, role) {
                chain.push(loader.explicit(path)?);
                real[role.slot()] = true;
            }
            let found = index.role_files(role);
            let Some((id, first)) = found
                .iter()
                .find_map(|f| loader.discovered(&f.path, f.face).map(|id| (id, f)))
            else {
                continue;
            };
            push_new(chain, id);
            real[role.slot()] |= first.real;
            for group in &first.cover {
                if let Some(id) = group.iter().find_map(|(p, i)| loader.discovered(p, *i)) {
                    push_new(chain, id);
                }
            }
        }
        if loader.faces.is_empty() {
            let searched: Vec<String> = searched.iter().map(|d| d.display().to_string()).collect();
            return Err(FontError::NoFonts {
                searched: searched.join(", "),
            });
        }
        for chain in chains.iter_mut() {
            for id in 0..loader.faces.len() {
                push_new(chain, id);
            }
        }
        let substitutes = Role::ALL
            .into_iter()
            .filter(|&role| Substitute::reported(role) && !real[role.slot()])
            .filter_map(|role| {
                let first = *chains[role.slot()].first()?;
                Some(Substitute {
                    role,
                    face: loader.faces[first].name.clone(),
                })
            })
            .collect();
        Ok(FontSet {
            faces: loader.faces,
            chains,
            substitutes,
            resolutions: Resolutions::new(),
        })
    }

    /// The 公文 roles drawn in a face that only stands in for the real one (no 仿宋, no
    /// 小标宋, …), in role order; empty when every role has its real face.
    pub fn substitutes(&self) -> Vec<Substitute> {
        self.substitutes.clone()
    }

    /// All loaded faces; a face's position is its stable id.
    pub fn faces(&self) -> &[LoadedFace] {
        &self.faces
    }

    /// The characters resolved so far, shared by every render of this set.
    pub(super) fn resolutions(&self) -> &Resolutions {
        &self.resolutions
    }

    /// The fallback chain of `role`, best first.
    pub fn chain(&self, role: Role) -> &[usize] {
        &self.chains[role.slot()]
    }

    /// The chain of `role` as readable names, for messages.
    pub fn chain_names(&self, role: Role) -> String {
        let names: Vec<&str> = self
            .chain(role)
            .iter()
            .map(|&i| self.faces[i].name.as_str())
            .collect();
        names.join(" → ")
    }
}

fn push_new(chain: &mut Vec<usize>, id: usize) {
    if !chain.contains(&id) {
        chain.push(id);
    }
}

fn explicit(opts: &FontOptions, role: Role) -> Option<&PathBuf> {
    match role {
        Role::Title => opts.title.as_ref(),
        Role::Heading => opts.heading.as_ref(),
        Role::Kai => opts.kai.as_ref(),
        Role::Body => opts.body.as_ref(),
        Role::Table | Role::TableBold => opts.table.as_ref(),
    }
}

/// Reads each file once and parses each (file, face) once.
#[derive(Default)]
struct Loader {
    files: BTreeMap<PathBuf, Arc<FontData>>,
    faces: Vec<LoadedFace>,
}

impl Loader {
    fn explicit(&mut self, path: &PathBuf) -> Result<usize, FontError> {
        let data = self.read(path).map_err(|reason| FontError::BadFont {
            path: path.clone(),
            reason,
        })?;
        let face = pick_face(&data);
        self.face(path, face).map_err(|reason| FontError::BadFont {
            path: path.clone(),
            reason,
        })
    }

    fn discovered(&mut self, path: &PathBuf, face: u32) -> Option<usize> {
        self.face(path, face).ok()
    }

    fn read(&mut self, path: &PathBuf) -> Result<Arc<FontData>, String> {
        if let Some(data) = self.files.get(path) {
            return Ok(data.clone());
        }
        let data = Arc::new(FontData::open(path)?);
        self.files.insert(path.clone(), data.clone());
        Ok(data)
    }

    fn face(&mut self, path: &PathBuf, index: u32) -> Result<usize, String> {
        if let Some(pos) = self
            .faces
            .iter()
            .position(|f| &f.path == path && f.index == index)
        {
            return Ok(pos);
        }
        let data = self.read(path)?;
        let parsed = ttf_parser::Face::parse(&data, index).map_err(|e| e.to_string())?;
        if parsed.glyph_index('中').is_none() {
            return Err("该字体不含中文字形".to_string());
        }
        let name = face_name(&parsed).unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        self.faces.push(LoadedFace {
            path: path.clone(),
            index,
            data,
            name,
            glyphs: Arc::default(),
        });
        Ok(self.faces.len() - 1)
    }
}

fn face_name(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    let find = |id: u16| {
        names
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    find(ttf_parser::name_id::POST_SCRIPT_NAME).or_else(|| find(ttf_parser::name_id::FULL_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_device_or_a_pipe_is_not_opened_as_a_font() {
        let zero = FontData::open(&PathBuf::from("/dev/zero")).unwrap_err();
        assert!(zero.starts_with("不是普通文件"), "{zero}");
        let dir = std::env::temp_dir().join(format!("gongkai-font-fifo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("face.ttf");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let pipe = FontData::open(&fifo).unwrap_err();
        assert!(pipe.starts_with("不是普通文件"), "{pipe}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
