//! The output formats: each one's name on the command line, file extension, label and place
//! in a list of links. Adding a format starts here; the compiler then points at the
//! renderer to call (`pipeline::Generator`).

/// The help of `--format`, listing every format.
pub const FORMAT_HELP: &str =
    "输出格式：html、pdf、json、xlsx（Excel 工作簿），可用逗号分隔多个（默认 html,pdf）。";

/// Output formats, in the order `--format` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// 网页.
    Html,
    /// PDF.
    Pdf,
    /// 文档模型（JSON）.
    Json,
    /// Excel 工作簿：公开表与绩效目标表，每表一个工作表.
    Xlsx,
}

impl Format {
    /// The formats asked for, each once, in the order first given.
    pub fn unique(formats: &[Format]) -> Vec<Format> {
        let mut unique: Vec<Format> = Vec::new();
        for f in formats {
            if !unique.contains(f) {
                unique.push(*f);
            }
        }
        unique
    }

    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format whose file extension is `ext`.
    pub fn from_extension(ext: &str) -> Option<Format> {
        <Format as clap::ValueEnum>::value_variants()
            .iter()
            .copied()
            .find(|f| f.extension() == ext)
    }

    /// How a link to an output of the format is labelled for a reader.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "网页",
            Format::Pdf => "PDF",
            Format::Json => "JSON",
            Format::Xlsx => "Excel",
        }
    }

    /// The place of the format's link among a unit's outputs: 网页, PDF, Excel, JSON —
    /// the page to read first, the data last.
    pub fn link_rank(self) -> u8 {
        match self {
            Format::Html => 0,
            Format::Pdf => 1,
            Format::Xlsx => 2,
            Format::Json => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_extension_names_its_format() {
        for f in <Format as clap::ValueEnum>::value_variants() {
            assert_eq!(Format::from_extension(f.extension()), Some(*f));
        }
        assert_eq!(Format::from_extension("docx"), None);
    }
}
