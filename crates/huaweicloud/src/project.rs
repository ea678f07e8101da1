//! The `{project_id}` path parameter that scopes most Huawei Cloud APIs.

use utoipa::IntoParams;

/// The path of an API scoped to one project.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProjectPath {
    /// Specifies the project ID. For details about how to obtain the project ID, see
    /// Obtaining a Project ID. Its length of exactly 32 characters comes from API Explorer;
    /// the pages give none.
    #[param(min_length = 32, max_length = 32)]
    pub project_id: String,
}
