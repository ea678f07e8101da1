//! The error bodies of Huawei Cloud services, and the error responses that carry them.
//!
//! The API gateway in front of every service, CPH and Workspace all answer with an
//! `error_code` and an `error_msg`; each service adds its own fields around that pair, so the
//! pair is one schema and each service's body composes it.

use std::collections::BTreeMap;

use cloudspec::endpoint::json_response;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, response::Response};

/// The error code and message every Huawei Cloud error body carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ErrorCode {
    /// The error code: the service's own (`CPS.xxxx`, `WKS.xxxx`) or the API gateway's
    /// (`APIGW.xxxx`).
    pub error_code: String,
    /// The error message.
    pub error_msg: String,
}

/// The responses for `statuses`, each a `(status, description)` pair as the service's page
/// documents it, all carrying body `T`.
pub fn responses<T: ToSchema>(statuses: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    statuses
        .iter()
        .map(|&(status, description)| (status.to_string(), json_response(description, &T::name())))
        .collect()
}
