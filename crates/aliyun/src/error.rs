//! The error body every Alibaba Cloud RPC product returns on a 4xx or 5xx status.

use std::collections::BTreeMap;

use cloudspec::endpoint::json_response;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, response::Response};

/// The common error body of Alibaba Cloud RPC APIs.
///
/// Alibaba Cloud's pages on errors (doc-detail 50285 and 67698) show `RequestId`, `HostId`,
/// `Code` and `Message`; newer errors of swas-open have been seen with `Product`, `Api`,
/// `RequestId` and `Code` alone. Only the request ID and the code are in both, so only they
/// are required; other members are admitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct ErrorBody {
    /// The request ID.
    pub request_id: String,
    /// The endpoint that served the request, such as `swas.cn-hangzhou.aliyuncs.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    #[schemars(with = "String")]
    pub host_id: Option<String>,
    /// The error code, such as `InvalidParam`.
    pub code: String,
    /// The error message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    #[schemars(with = "String")]
    pub message: Option<String>,
}

/// A documented error of an action: its status, code and message.
#[derive(Debug)]
pub struct DocumentedError {
    pub status: u16,
    pub code: &'static str,
    pub message: &'static str,
}

/// The error responses of an action, grouped by status: each lists its documented codes and
/// messages, and carries [`ErrorBody`]. The product's Error Center lists more codes.
pub fn responses(errors: &[DocumentedError]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&DocumentedError>> = BTreeMap::new();
    for error in errors {
        by_status.entry(error.status).or_default().push(error);
    }
    by_status
        .into_iter()
        .map(|(status, errors)| {
            let codes: Vec<String> =
                errors.iter().map(|error| format!("- `{}`: {}", error.code, error.message)).collect();
            let description = format!(
                "Error. The documented codes:\n\n{}\n\nThe Error Center lists the others.",
                codes.join("\n")
            );
            (status.to_string(), json_response(description, &<ErrorBody as ToSchema>::name()))
        })
        .collect()
}
