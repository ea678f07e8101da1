//! The error bodies of Huawei Cloud services, and the error responses that carry them.
//!
//! The API gateway in front of every service, CPH and Workspace all answer with an
//! `error_code` and an `error_msg`; each adds its own fields around that pair, so the pair is
//! one schema and each body composes it.
//!
//! Which body a status carries depends on who answers it. The gateway refuses a request
//! before the service sees it when the IAM token is wrong (401) or the caller is throttled
//! (429), with its own body: `error_code`, `error_msg` and `request_id` (API Gateway User
//! Guide, "Common Errors Related to IAM Authentication Information" and "Error Codes", which
//! warns that the messages may change without notice). Every other documented status is the
//! service's, with the body its pages document.
//!
//! progenitor generates one error type per operation, and refuses an operation whose error
//! responses carry different bodies: so each service has one error body, which admits the
//! gateway's too, and requires only what every status it serves sends.

use cloudspec_endpoint::{Response, schemas};
use serde::{Deserialize, Serialize};

/// The error code and message every Huawei Cloud error body carries.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ErrorCode {
    /// The error code: the service's own, or the API gateway's (`APIG.xxxx`; the services'
    /// pages say that codes starting with `APIGW` are the gateway's).
    pub error_code: String,
    /// The error message.
    pub error_msg: String,
}

/// 401 as the gateway answers it, with the service's error body, which admits the gateway's.
pub const GATEWAY_UNAUTHORIZED: Response = Response::gateway_error(
    401,
    "Unauthorized: the API gateway in front of the service refused the IAM token (`APIG.0301`, \
     incorrect IAM authentication information, such as \"decrypt token fail\"). The body is the \
     gateway's: `error_code`, `error_msg` and `request_id` (API Gateway User Guide, \"Error Codes\").",
);

/// 429 as the gateway answers it, with the service's error body, which admits the gateway's.
pub const GATEWAY_THROTTLED: Response = Response::gateway_error(
    429,
    "Too Many Requests: the API gateway's throttling threshold was reached (`APIG.0308` in the API \
     Gateway User Guide's \"Error Codes\"; a throttled call against API Explorer was answered \
     `APIGW.0308`, \"The throttling threshold has been reached: policy ip over ratelimit,limit:5,time:5 \
     second\"). The body is the gateway's: `error_code`, `error_msg` and `request_id`.",
);
