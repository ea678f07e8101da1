//! The one directory walk: the files below a directory ([`files`]) or directly in it
//! ([`listing`]), sorted, as paths relative to the root they were asked below, with the first
//! error that stops it naming the directory it could not read.
//!
//! [`copy_tree`] copies what [`files`] finds.
//!
//! Links are followed only at the top (`root.join(dir)` itself): below it a link is neither a
//! file nor a directory, so a walk never leaves its tree or loops.

use std::io;
use std::path::{Path, PathBuf};

use crate::workspace::display;

/// A directory the walk could not list, or an entry of it it could not tell the kind of.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot list: {source}", display(.path))]
pub struct WalkError {
    /// The directory, as the walk's results are given (relative to its root), or the root
    /// itself when that is what failed.
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Every file below `root.join(dir)`, each as `dir/...`, sorted. A `dir` that does not exist
/// holds no files. With an empty `root`, the paths are as `dir` is given (absolute, or relative
/// to the current directory); with an empty `dir`, relative to `root`.
pub fn files(root: &Path, dir: &Path) -> Result<Vec<PathBuf>, WalkError> {
    walk(root, dir, Depth::Below)
}

/// The files directly in `root.join(dir)` (not in its subdirectories), each as `dir/NAME`,
/// sorted. A `dir` that does not exist holds no files.
pub fn listing(root: &Path, dir: &Path) -> Result<Vec<PathBuf>, WalkError> {
    walk(root, dir, Depth::In)
}

/// Copies the files below `from` to the same places below `to` (directories that hold no file
/// are not copied, as git keeps none), as the tests make a scratch workspace of some of a
/// workspace's folders.
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for relative in files(from, Path::new("")).map_err(std::io::Error::other)? {
        let target = to.join(&relative);
        std::fs::create_dir_all(target.parent().unwrap_or(to))?;
        std::fs::copy(from.join(&relative), &target)?;
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Depth {
    /// Directly in the directory.
    In,
    /// In it and in every directory below it.
    Below,
}

fn walk(root: &Path, dir: &Path, depth: Depth) -> Result<Vec<PathBuf>, WalkError> {
    let mut found = Vec::new();
    match descend(root, dir, depth, &mut found) {
        Err(error) if error.path == dir && error.source.kind() == io::ErrorKind::NotFound => {
            return Ok(Vec::new());
        }
        Err(WalkError { path, source }) if path.as_os_str().is_empty() => {
            return Err(WalkError { path: root.to_owned(), source });
        }
        result => result?,
    }
    found.sort();
    Ok(found)
}

fn descend(root: &Path, dir: &Path, depth: Depth, found: &mut Vec<PathBuf>) -> Result<(), WalkError> {
    let failed = |source| WalkError { path: dir.to_owned(), source };
    for entry in std::fs::read_dir(root.join(dir)).map_err(failed)? {
        let entry = entry.map_err(failed)?;
        let path = dir.join(entry.file_name());
        let kind = entry.file_type().map_err(failed)?;
        if kind.is_dir() && depth == Depth::Below {
            descend(root, &path, depth, found)?;
        } else if kind.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    type Walk = fn(&Path, &Path) -> Result<Vec<PathBuf>, WalkError>;

    /// Each walk of one tree, and what it finds.
    #[test]
    #[cfg(unix)]
    fn walks_find_the_files_of_their_depth_sorted_and_relative() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir_all(dir.path().join("b/c")).expect("directories");
        for file in ["z.txt", "b/c/x.txt", "b/a.txt"] {
            std::fs::write(dir.path().join(file), "").expect("a file");
        }
        std::os::unix::fs::symlink("b", dir.path().join("b/loop")).expect("a link");
        let cases: [(&str, Walk, &str, &[&str]); 6] = [
            ("every file", files, "", &["b/a.txt", "b/c/x.txt", "z.txt"]),
            ("every file below b", files, "b", &["b/a.txt", "b/c/x.txt"]),
            ("the files in the root", listing, "", &["z.txt"]),
            ("the files in b", listing, "b", &["b/a.txt"]),
            ("no directory", files, "none", &[]),
            ("no directory, one level", listing, "none", &[]),
        ];
        for (case, walk, below, expected) in cases {
            let found = walk(dir.path(), Path::new(below)).unwrap_or_else(|error| panic!("{case}: {error}"));
            assert_eq!(found, expected.iter().map(PathBuf::from).collect::<Vec<_>>(), "{case}");
        }
    }

    /// A directory that cannot be listed stops the walk, named as the results are.
    #[test]
    #[cfg(unix)]
    fn an_unlistable_directory_is_named() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join("file"), "").expect("a file");
        std::os::unix::fs::symlink("loop", dir.path().join("loop")).expect("a link");
        for below in ["file", "loop"] {
            let error = files(dir.path(), Path::new(below)).expect_err(below);
            assert_eq!(error.path, Path::new(below));
            assert!(error.to_string().starts_with(&format!("{below}: cannot list: ")), "{error}");
            let root = dir.path().join(below);
            let error = listing(&root, Path::new("")).expect_err(below);
            assert_eq!(error.path, root, "a root that cannot be listed is named");
        }
    }
}
