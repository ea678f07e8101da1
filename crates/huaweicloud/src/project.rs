//! The `{project_id}` path parameter that scopes most Huawei Cloud APIs.

/// Declares `$name`, the path of a service's APIs scoped to one project, with the length of a
/// project ID as that service's contract bounds it (`$bound`, the sentence that says so).
/// No page gives a length, and the services' API Explorers disagree (CPH: exactly 32
/// characters, Workspace: 1 to 255), so each service's document holds its own contract's.
macro_rules! project_path {
    ($name:ident, min = $min:tt, max = $max:tt, $bound:literal) => {
        /// The path of an API scoped to one project.
        #[derive(Debug, ::utoipa::IntoParams)]
        #[into_params(parameter_in = Path)]
        pub struct $name {
            #[doc = "Specifies the project ID. For details about how to obtain the project ID, see"]
            #[doc = "Obtaining a Project ID. The pages give no length."]
            #[doc = $bound]
            #[param(min_length = $min, max_length = $max)]
            pub project_id: String,
        }
    };
}
pub(crate) use project_path;
