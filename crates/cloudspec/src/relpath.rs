//! Paths relative to the workspace root, as people read them: the path a report, a message or
//! a link names is written with `/` between its parts on every platform, so that a report
//! made on Windows reads, diffs and links as one made elsewhere.

use std::borrow::Borrow;
use std::ffi::OsStr;
use std::fmt;
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A path relative to the workspace root (`spec/huaweicloud/cph/ListPhoneImages.yaml`): a
/// [`Path`] to open (through [`crate::Workspace::path`]), whose [`Display`](fmt::Display) is
/// its `/`-separated form.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelPath(PathBuf);

impl RelPath {
    /// `path`, which is relative to the workspace root.
    pub(crate) fn new(path: impl Into<PathBuf>) -> Self {
        Self(path.into())
    }

    pub(crate) fn as_path(&self) -> &Path {
        &self.0
    }

    /// `part` below this path, relative to the root still.
    pub(crate) fn join(&self, part: impl AsRef<Path>) -> Self {
        Self(self.0.join(part))
    }
}

impl fmt::Display for RelPath {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(&slashed(&self.0))
    }
}

/// `path`'s parts joined with `/`, whatever the platform's separator.
pub(crate) fn slashed(path: &Path) -> String {
    path.components().map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

impl Deref for RelPath {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for RelPath {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<OsStr> for RelPath {
    fn as_ref(&self) -> &OsStr {
        self.0.as_os_str()
    }
}

/// So that a set or map of them is looked up by a plain [`Path`] (what a walk finds).
impl Borrow<Path> for RelPath {
    fn borrow(&self) -> &Path {
        &self.0
    }
}

impl From<PathBuf> for RelPath {
    fn from(path: PathBuf) -> Self {
        Self(path)
    }
}

impl From<RelPath> for PathBuf {
    fn from(path: RelPath) -> Self {
        path.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_forward_slashes_whatever_the_separator() {
        let path: PathBuf = ["spec", "huaweicloud", "cph", "ListPhoneImages.yaml"].iter().collect();
        assert_eq!(RelPath::new(path).to_string(), "spec/huaweicloud/cph/ListPhoneImages.yaml");
        #[cfg(windows)]
        assert_eq!(RelPath::new(r"spec\huaweicloud\x.yaml").to_string(), "spec/huaweicloud/x.yaml");
    }
}
