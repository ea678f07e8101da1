//! Every file an endpoint generates under `spec/`: its OpenAPI 3.1 document, and the
//! renditions derived from it. Each is named `spec/<provider>/<service>/<OperationId>.<rest>`,
//! so that the files of an endpoint are known by their name alone, even when it fails to build.

use std::path::{Path, PathBuf};

use crate::document::{self, BuildError};
use crate::endpoint::Endpoint;
use crate::workspace::{self, SPEC_DIR, Workspace};

/// One generated file.
#[derive(Debug)]
pub struct Output {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub text: String,
}

/// Every file `endpoint` generates, its OpenAPI 3.1 document first.
pub fn build(workspace: &Workspace, endpoint: &'static Endpoint) -> Result<Vec<Output>, BuildError> {
    let document = document::build(workspace, endpoint)?;
    Ok(vec![Output { path: document.path, text: document.text }])
}

/// Whether `path` (relative to the root) is named as one of `endpoint`'s files.
pub fn owns(endpoint: &Endpoint, path: &Path) -> bool {
    workspace::display(path).starts_with(&format!("{SPEC_DIR}/{}.", endpoint.key()))
}
