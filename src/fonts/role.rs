//! The typographic roles of a 公文: every piece of text is set in one of them, and each
//! has its own fallback chain of faces ([`super::FontSet`]).

/// The typographic roles of a 公文.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Document and part titles (小标宋).
    Title,
    /// 一、 headings (黑体).
    Heading,
    /// （一） headings (楷体).
    Kai,
    /// Body text (仿宋).
    Body,
    /// Table text (宋体).
    Table,
    /// Emphasised table text: totals and 类 rows.
    TableBold,
}

impl Role {
    /// All roles, in a fixed order.
    pub const ALL: [Role; 6] = [
        Role::Title,
        Role::Heading,
        Role::Kai,
        Role::Body,
        Role::Table,
        Role::TableBold,
    ];

    /// The Chinese name of the role, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "标题（小标宋）",
            Role::Heading => "一级标题（黑体）",
            Role::Kai => "二级标题（楷体）",
            Role::Body => "正文（仿宋）",
            Role::Table => "表格（宋体）",
            Role::TableBold => "表格加粗",
        }
    }

    /// The role's position in [`Role::ALL`], for arrays indexed by role.
    pub(super) fn slot(self) -> usize {
        self as usize
    }
}
