//! Roles drawn in a substitute face: the 公文 roles (title, headings, body) whose first
//! face on this machine is not a real face of the role — the body in Noto Serif instead
//! of a 仿宋, the title in Noto Serif Bold instead of 小标宋. The PDF is still made; the
//! command layer tells the user once per run which face stands in and how to install the
//! real one.

use super::role::Role;
use std::fmt;

/// One role drawn in a face that only stands in for the real one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Substitute {
    /// The role.
    pub role: Role,
    /// The face used instead (its PostScript or full name).
    pub face: String,
}

impl Substitute {
    /// Whether a substitute face in `role` is worth telling: the roles GB/T 9704 names a
    /// face for. Table text has no prescribed face.
    pub fn reported(role: Role) -> bool {
        matches!(role, Role::Title | Role::Heading | Role::Kai | Role::Body)
    }

    /// The real face of the role, as a reader knows it.
    pub fn wanted(&self) -> &'static str {
        match self.role {
            Role::Title => "方正小标宋简体",
            Role::Heading | Role::TableBold => "黑体",
            Role::Kai => "楷体",
            Role::Body => "仿宋",
            Role::Table => "宋体",
        }
    }

    /// How to install the real face.
    pub fn hint(&self) -> &'static str {
        match self.role {
            Role::Title => "方正小标宋简体不是自由字体，取得授权后把 FZXBSJW.TTF 复制到 ~/.local/share/fonts（或 /usr/local/share/fonts），或用 --font-dir 目录、TOML 的 [fonts] title 指定",
            Role::Heading | Role::TableBold => "运行 scripts/setup.sh 安装 Fandol 黑体（FandolHei），或把 Windows 的 simhei.ttf 复制到 ~/.local/share/fonts，或用 --font-dir 目录指定",
            Role::Kai => "运行 scripts/setup.sh 安装 Fandol 楷体（FandolKai），或把 Windows 的 simkai.ttf（或 楷体_GB2312.ttf）复制到 ~/.local/share/fonts，或用 --font-dir 目录指定",
            Role::Body => "运行 scripts/setup.sh 安装 Fandol 仿宋（FandolFang），或把 Windows 的 simfang.ttf（或 仿宋_GB2312.ttf）复制到 ~/.local/share/fonts，或用 --font-dir 目录指定",
            Role::Table => "运行 scripts/setup.sh 安装 Fandol 宋体（FandolSong），或把 Windows 的 simsun.ttc 复制到 ~/.local/share/fonts，或用 --font-dir 目录指定",
        }
    }
}

impl fmt::Display for Substitute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}未找到{}字体，PDF 中暂用 {} 代替（font substitute）。安装方法：{}。",
            self.role.name(),
            self.wanted(),
            self.face,
            self.hint()
        )
    }
}
