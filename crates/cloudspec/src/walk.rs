//! The one recursive directory walk: every file below a directory, relative to it, sorted,
//! with the first error that stops it.

use std::io;
use std::path::{Path, PathBuf};

/// Every file below `dir` (following no links), relative to `dir`, in sorted order. A
/// directory that does not exist holds no files.
pub(crate) fn files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    match walk(dir, Path::new(""), &mut found) {
        Err(error) if error.kind() == io::ErrorKind::NotFound && !dir.exists() => return Ok(Vec::new()),
        result => result?,
    }
    found.sort();
    Ok(found)
}

fn walk(root: &Path, relative: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(root.join(relative))? {
        let entry = entry?;
        let path = relative.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(root, &path, found)?;
        } else if kind.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_nested_files_sorted_and_relative() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir_all(dir.path().join("b/c")).expect("directories");
        for file in ["z.txt", "b/c/x.txt", "b/a.txt"] {
            std::fs::write(dir.path().join(file), "").expect("a file");
        }
        let found = files(dir.path()).expect("a walk");
        assert_eq!(found, ["b/a.txt", "b/c/x.txt", "z.txt"].map(PathBuf::from));
        assert!(files(&dir.path().join("none")).expect("no directory").is_empty());
    }
}
