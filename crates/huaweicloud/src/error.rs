//! The error bodies of Huawei Cloud services, and the error responses that carry them.
//!
//! The API gateway in front of every service, CPH and Workspace all answer with an
//! `error_code` and an `error_msg`; each adds its own fields around that pair, so the pair is
//! one schema and each body composes it.
//!
//! Which body a status carries depends on who answers it. The gateway refuses a request
//! before the service sees it when the IAM token is wrong (401) or the caller is throttled
//! (429), with its own body, [`GatewayError`]; every other documented status is the
//! service's, with the body its pages document, or no body where they document none.

use std::collections::BTreeMap;

use cloudspec::endpoint::json_response;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, ResponseBuilder, response::Response};

/// The error code and message every Huawei Cloud error body carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ErrorCode {
    /// The error code: the service's own (`CPS.xxxx`, `WKS.xxxx`) or the API gateway's
    /// (`APIG.xxxx`, written `APIGW.xxxx` on the services' pages).
    pub error_code: String,
    /// The error message.
    pub error_msg: String,
}

/// The body the API gateway answers with when it refuses a request itself: the code and
/// message, and the request ID.
///
/// Sources: the API Gateway User Guide, "Common Errors Related to IAM Authentication
/// Information" (bodies with `error_msg`, `error_code` and `request_id`) and "Error Codes"
/// (`APIG.0301` 401, `APIG.0308` 429), which warns that the messages may change without
/// notice; a throttling body seen against API Explorer carries `APIGW.0308`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct GatewayError {
    #[serde(flatten)]
    pub error: ErrorCode,
    /// The ID of the request the gateway refused.
    pub request_id: String,
}

/// 401 as the gateway answers it.
pub const GATEWAY_UNAUTHORIZED: (u16, &str) = (
    401,
    "Unauthorized: the API gateway in front of the service refused the IAM token (`APIG.0301`, \
     incorrect IAM authentication information, such as \"decrypt token fail\"). The body is the \
     gateway's (API Gateway User Guide, \"Error Codes\").",
);

/// 429 as the gateway answers it.
pub const GATEWAY_THROTTLED: (u16, &str) = (
    429,
    "Too Many Requests: the API gateway's throttling threshold was reached (`APIG.0308`; the \
     services' pages write `APIGW.0308`, as in \"The throttling threshold has been reached: policy \
     ip over ratelimit,limit:5,time:5 second\"). The body is the gateway's (API Gateway User Guide, \
     \"Error Codes\").",
);

/// The responses for `statuses`, each a `(status, description)` pair as the service's page
/// documents it, all carrying body `T`.
pub fn responses<T: ToSchema>(statuses: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    statuses
        .iter()
        .map(|&(status, description)| (status.to_string(), json_response(description, &T::name())))
        .collect()
}

/// The responses for `statuses` whose body no source documents: a description, no content,
/// so that no client is told to expect a body that may not come.
pub fn undocumented(statuses: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    statuses
        .iter()
        .map(|&(status, description)| {
            (status.to_string(), RefOr::T(ResponseBuilder::new().description(description).build()))
        })
        .collect()
}
