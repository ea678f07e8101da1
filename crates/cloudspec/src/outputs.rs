//! Every file an endpoint generates under `spec/`: its OpenAPI 3.1 document, and the
//! renditions derived from it. Each is named `spec/<provider>/<service>/<OperationId>.<rest>`,
//! so that the files of an endpoint are known by their name alone, even when it fails to build.

use std::path::{Path, PathBuf};

use crate::document::{self, BuildError};
use crate::endpoint::Endpoint;
use crate::rendition;
use crate::workspace::{self, SPEC_DIR, Workspace};

/// One generated file.
#[derive(Debug)]
pub struct Output {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub text: String,
}

/// Every file `endpoint` generates: its OpenAPI 3.1 document, its OpenAPI 3.0.3
/// rendition, and the standalone JSON Schema of each body type.
pub fn build(workspace: &Workspace, endpoint: &'static Endpoint) -> Result<Vec<Output>, BuildError> {
    let document = document::build(workspace, endpoint)?;
    let openapi_3_0 = rendition::openapi_3_0(&document.path, &document.value)?;
    let schemas = rendition::json_schemas(&document)?;
    let mut outputs = vec![Output { path: document.path, text: document.text }, openapi_3_0];
    outputs.extend(schemas);
    Ok(outputs)
}

/// Whether `path` (relative to the root) is named as one of `endpoint`'s files.
pub fn owns(endpoint: &Endpoint, path: &Path) -> bool {
    workspace::display(path).starts_with(&format!("{SPEC_DIR}/{}.", endpoint.key()))
}
