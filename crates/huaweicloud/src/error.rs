//! The error body Huawei Cloud's API gateway and its services return, and the responses
//! that carry it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder, response::Response};

/// The error body of CPH ("Abnormal Response") and of the API gateway in front of every
/// Huawei Cloud service: a request ID, a service error code and a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub struct ErrorBody {
    /// Specifies the request ID, which is unique.
    pub request_id: String,
    /// The error code: `CPS.xxxx` from the service, or `APIGW.xxxx` from the API gateway.
    pub error_code: String,
    /// The error message.
    pub error_msg: String,
}

/// The responses for `statuses`, each a `(status, description)` pair, all carrying body `T`.
pub fn responses<T: ToSchema>(statuses: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    statuses
        .iter()
        .map(|&(status, description)| {
            let content = ContentBuilder::new().schema(Some(Ref::from_schema_name(T::name()))).build();
            let response =
                ResponseBuilder::new().description(description).content("application/json", content).build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}
