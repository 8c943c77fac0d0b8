//! Why a file could not be read or written, in Chinese first: the operating system's
//! English message follows in brackets only for the rare kinds without a Chinese one.

use std::io::{Error, ErrorKind};

/// The reason of an I/O error for a clerk: `文件或目录不存在（not found）`.
pub fn describe(e: &Error) -> String {
    if let Some(refused) = super::input_file::refusal(e) {
        return refused.to_string();
    }
    let chinese = match e.kind() {
        ErrorKind::NotFound => "文件或目录不存在（not found）",
        ErrorKind::PermissionDenied => "没有权限（permission denied）",
        ErrorKind::AlreadyExists => "已经存在（already exists）",
        ErrorKind::IsADirectory => "这是一个目录，不是文件（is a directory）",
        ErrorKind::NotADirectory => "路径中有一段不是目录（not a directory）",
        ErrorKind::DirectoryNotEmpty => "目录不是空的（directory not empty）",
        ErrorKind::ReadOnlyFilesystem => "文件系统只读（read-only file system）",
        ErrorKind::StorageFull => "磁盘已满（no space left）",
        ErrorKind::QuotaExceeded => "超出磁盘配额（quota exceeded）",
        ErrorKind::InvalidFilename => "文件名无效（invalid file name）",
        ErrorKind::InvalidData => "不是 UTF-8 编码的文本，请以 UTF-8 保存（invalid UTF-8）",
        ErrorKind::FileTooLarge => "文件太大（file too large）",
        ErrorKind::CrossesDevices => "不能跨磁盘改名（cross-device link）",
        ErrorKind::ResourceBusy => "文件正被占用（resource busy）",
        ErrorKind::Interrupted => "操作被中断（interrupted）",
        _ => return format!("读写失败（{e}）"),
    };
    chinese.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_reasons_are_chinese_and_the_rest_keeps_the_system_text() {
        let missing = std::fs::read("/no/such/gongkai/file").unwrap_err();
        assert_eq!(describe(&missing), "文件或目录不存在（not found）");
        let dir = std::fs::read_to_string(std::env::temp_dir()).unwrap_err();
        assert!(
            describe(&dir).starts_with("这是一个目录"),
            "{}",
            describe(&dir)
        );
        let other = Error::other("boom");
        assert_eq!(describe(&other), "读写失败（boom）");
    }
}
