//! Alibaba Cloud, as its API documentation describes it: what every RPC-style product shares
//! (signature v1 and its common parameters, the error body), and one module per product.

pub mod error;
pub mod rpc;
pub mod swas;

use cloudspec_endpoint::{ApiKeyLocation, Provider, SecurityScheme, WireCase};

/// Alibaba Cloud: AccessKey signatures and `PascalCase` wire names on every product.
pub static ALIBABA_CLOUD: Provider = Provider {
    id: "aliyun",
    name: "Alibaba Cloud",
    security: &[ACCESS_KEY],
    wire_case: WireCase::PascalCase,
    locales: &["zh-CN"],
};

const ACCESS_KEY: SecurityScheme = SecurityScheme {
    name: "AccessKey",
    location: ApiKeyLocation::Query,
    parameter: "AccessKeyId",
    description: "The AccessKey ID of the caller. OpenAPI cannot express signature v1 itself: every \
                  request also carries `Signature`, an HMAC-SHA1 of the canonicalised query keyed by \
                  the AccessKey secret, with `SignatureMethod`, `SignatureVersion`, `SignatureNonce` \
                  and `Timestamp`, which each operation lists as parameters.",
};
