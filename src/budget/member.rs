//! A unit of a department's consolidated budget: its name, whether it is the department's
//! 本级, its file and its own validated budget.

use crate::budget::Budget;
use crate::diagnostic::SourceFile;
use std::sync::Arc;

/// One unit listed in `[consolidate] units`.
#[derive(Debug, Clone)]
pub struct Member {
    /// The unit's name (`[unit] name` of its file).
    pub name: String,
    /// The department's 本级: the unit whose name is the department's name or one of its
    /// aliases.
    pub own: bool,
    /// The unit's file (for diagnostics located in it).
    pub file: Arc<SourceFile>,
    /// The unit's own budget, as its file gives it.
    pub budget: Budget,
}

impl Member {
    /// The name printed for the unit in the department's tables and texts: the 本级, when its
    /// file names it with the department's own name, is `…本级` (as budget systems print it),
    /// so that it is not read as the department's total.
    pub fn label(&self) -> String {
        if self.own && !self.name.ends_with("本级") {
            format!("{}本级", self.name)
        } else {
            self.name.clone()
        }
    }
}
