//! The `{project_id}` path parameter that scopes most Huawei Cloud APIs.

use utoipa::IntoParams;

/// The path of an API scoped to one project.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProjectPath {
    /// Specifies the project ID. For details about how to obtain the project ID, see
    /// Obtaining a Project ID. The pages give no length. A project ID is exactly 32
    /// characters as CPH's API Explorer bounds it; Workspace's API Explorer allows 1 to 255.
    #[param(min_length = 32, max_length = 32)]
    pub project_id: String,
}
