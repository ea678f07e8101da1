//! Huawei Cloud, as its API documentation describes it: what every service shares
//! (IAM token auth, the project path parameter, the error body), and one module per service.

pub mod cph;
pub mod error;
pub mod ims;
pub mod project;
pub mod workspace;

use cloudspec_endpoint::{ApiKeyLocation, Provider, SecurityScheme, WireCase};

/// Huawei Cloud: IAM token auth and `snake_case` wire names on every service.
pub static HUAWEI_CLOUD: Provider = Provider {
    id: "huaweicloud",
    name: "Huawei Cloud",
    security: &[IAM_TOKEN],
    wire_case: WireCase::SnakeCase,
    locales: &["zh-CN"],
};

const IAM_TOKEN: SecurityScheme = SecurityScheme {
    name: "IamToken",
    location: ApiKeyLocation::Header,
    parameter: "X-Auth-Token",
    description: "An IAM user token: the value of the `X-Subject-Token` response header of IAM's \
                  `POST /v3/auth/tokens`. Each service's API Explorer bounds its length in its own \
                  way; an API key's security scheme has no schema in OpenAPI, so none is written here.",
};
