//! Where things live in a cloudspec checkout.

use std::path::{Path, PathBuf};

use crate::endpoint::Endpoint;

/// A checkout of the workspace: the root that holds `spec/` and `tests/fixtures/`.
#[derive(Clone, Debug)]
pub struct Workspace {
    root: PathBuf,
}

/// The directory of generated documents, relative to the root.
pub const SPEC_DIR: &str = "spec";
/// The directory of fixtures, relative to the root.
pub const FIXTURES_DIR: &str = "tests/fixtures";

impl Workspace {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `spec/<provider>/<service>/<OperationId>.yaml`, relative to the root.
    pub fn document_path(endpoint: &Endpoint) -> PathBuf {
        Path::new(SPEC_DIR).join(format!("{}.yaml", endpoint.key()))
    }

    /// `tests/fixtures/<provider>/<service>/<OperationId>`, relative to the root.
    pub fn fixture_dir(endpoint: &Endpoint) -> PathBuf {
        Path::new(FIXTURES_DIR).join(endpoint.key())
    }

    /// `relative` below the root.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.join(relative)
    }
}

/// Shows a relative path with `/` on every platform, as it appears in messages and reports.
pub fn display(path: &Path) -> String {
    path.components().map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
