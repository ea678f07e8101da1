//! The checkout the commands act on. (Where each file lives in it is [`crate::paths`]'s.)

use std::path::{Path, PathBuf};

/// A checkout of the workspace: the root that holds `spec/` and `tests/fixtures/`.
#[derive(Clone, Debug)]
pub struct Workspace {
    root: PathBuf,
}

/// The table of the root `Cargo.toml` that marks a cloudspec checkout.
pub const MARKER: &str = "[workspace.metadata.cloudspec]";

/// No checkout was found above the current directory.
#[derive(Debug, thiserror::Error)]
#[error(
    "no cloudspec checkout at or above {}: none of these directories has a Cargo.toml with \
    {MARKER}; run the command inside a checkout, or pass --root",
    .start.display()
)]
pub(crate) struct NotFound {
    pub start: PathBuf,
}

/// `--root` names a directory that is no checkout.
#[derive(Debug, thiserror::Error)]
#[error(
    "--root {}: not a cloudspec checkout: it has no Cargo.toml with {MARKER}; name the directory \
    that holds the workspace's Cargo.toml",
    .root.display()
)]
pub struct NotACheckout {
    pub root: PathBuf,
}

impl Workspace {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The checkout that holds `start`: the nearest directory at or above it whose
    /// `Cargo.toml` has [`MARKER`]. Found at run time, so that a binary built in one checkout
    /// acts on the checkout it is run in (two worktrees may share a target directory).
    pub(crate) fn discover(start: &Path) -> Result<Self, NotFound> {
        start
            .ancestors()
            .find(|dir| {
                std::fs::read_to_string(dir.join("Cargo.toml"))
                    .is_ok_and(|manifest| manifest.lines().any(|line| line.trim() == MARKER))
            })
            .map(Self::new)
            .ok_or_else(|| NotFound { start: start.to_owned() })
    }

    /// The checkout at `root`, which `--root` names: its `Cargo.toml` must have [`MARKER`],
    /// so that a wrong directory is a usage error, not every file reported missing.
    pub fn at(root: impl Into<PathBuf>) -> Result<Self, NotACheckout> {
        let root = root.into();
        let marked = std::fs::read_to_string(root.join("Cargo.toml"))
            .is_ok_and(|manifest| manifest.lines().any(|line| line.trim() == MARKER));
        if marked { Ok(Self::new(root)) } else { Err(NotACheckout { root }) }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `relative` below the root.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.join(relative)
    }
}

/// Shows a relative path with `/` on every platform, as it appears in messages and reports;
/// an absolute path as the platform writes it.
pub fn display(path: &Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    crate::relpath::slashed(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_the_nearest_directory_with_the_marker() {
        let top = tempfile::tempdir().expect("temporary directory");
        let root = top.path().join("checkout");
        let nested = root.join("consumers/progenitor/src");
        std::fs::create_dir_all(&nested).expect("create directories");
        std::fs::write(root.join("Cargo.toml"), format!("[workspace]\n\n{MARKER}\nroot = true\n"))
            .expect("write");
        // A workspace of its own without the marker is passed over.
        std::fs::write(root.join("consumers/progenitor/Cargo.toml"), "[workspace]\n").expect("write");
        assert_eq!(Workspace::discover(&nested).map(|found| found.root).ok(), Some(root.clone()));
        assert_eq!(Workspace::discover(&root).map(|found| found.root).ok(), Some(root));
        let error = Workspace::discover(top.path()).map(|found| found.root).expect_err("no marker above");
        assert!(error.to_string().contains("pass --root"), "{error}");
    }
}
