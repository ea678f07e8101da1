//! RPC-style actions: every action of a product is a GET or POST to the endpoint's root,
//! told apart by its `Action` and `Version` query parameters, and signed with signature v1
//! (the "Common parameters" page).
//!
//! An action's path is [`PATH`], `/`, as on the wire; `Action` and `Version` are required
//! query parameters with one allowed value each. That is what every consumer sends right:
//! Prism routes `/` and validates the two values; a client that joins server, path, `?` and
//! query keeps the query; generators make the two required arguments of one value. The older
//! `/#Action=<Action>` form is routed by no mock, and a joining client puts the query into the
//! fragment, where it is never sent. No `default`: a default tells a client what the server
//! assumes when the value is left out, and the server assumes nothing (it answers an error).
//!
//! So a document holds one action: OpenAPI keys an operation by path and method, and every
//! action of a product is `GET /`. Actions of one product never share a document; a product's
//! client is generated from each of its actions' documents.

use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Required, Schema};

/// The path of every RPC action, as the request line carries it.
pub const PATH: &str = "/";

/// The parameters of an RPC action: `Action` and `Version` fixed to one value each, then the
/// common parameters of signature v1.
pub fn parameters(action: &str, version: &str) -> Vec<Parameter> {
    let mut parameters = vec![
        fixed(
            "Action",
            action,
            &format!(
                "The name of the action, always `{action}`: every action of the product is a request \
                 to `/`, told apart by this parameter."
            ),
        ),
        fixed("Version", version, &format!("The version of the product's API, always `{version}`.")),
    ];
    parameters.extend(COMMON.iter().map(Common::parameter));
    parameters
}

/// Declares `$name`, the type an action's `#[utoipa::path(params(...))]` lists for `Action`,
/// `Version` and the common parameters, from the action's name (written here alone) and its
/// product's [`Service`](cloudspec_endpoint::Service), whose `api_version` is the `Version`.
macro_rules! action {
    ($name:ident, $action:literal, $service:path) => {
        #[doc = concat!("`Action` (always `", $action, "`), `Version` and the common parameters.")]
        struct $name;

        impl ::utoipa::IntoParams for $name {
            fn into_params(
                _: impl Fn() -> Option<::utoipa::openapi::path::ParameterIn>,
            ) -> Vec<::utoipa::openapi::path::Parameter> {
                $crate::rpc::parameters($action, $service.api_version)
            }
        }
    };
}

pub(crate) use action;

fn fixed(name: &str, value: &str, description: &str) -> Parameter {
    query(
        name,
        Required::True,
        description,
        ObjectBuilder::new().schema_type(Type::String).enum_values(Some([value])),
    )
}

fn query(name: &str, required: Required, description: &str, schema: ObjectBuilder) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Query)
        .required(required)
        .description(Some(description))
        .schema(Some(Schema::Object(schema.build())))
        .build()
}

/// One common parameter of signature v1.
struct Common {
    name: &'static str,
    required: bool,
    description: &'static str,
    values: &'static [&'static str],
    default: Option<&'static str>,
    pattern: Option<&'static str>,
    /// Whether the value is never empty: what a signer computes always has characters, and
    /// an empty query value is read as a missing one.
    non_empty: bool,
}

impl Common {
    fn parameter(&self) -> Parameter {
        let mut schema = ObjectBuilder::new().schema_type(Type::String);
        if !self.values.is_empty() {
            schema = schema.enum_values(Some(self.values.iter().copied()));
        }
        if let Some(default) = self.default {
            schema = schema.default(Some(default.into()));
        }
        if let Some(pattern) = self.pattern {
            schema = schema.pattern(Some(pattern));
        }
        if self.non_empty {
            schema = schema.min_length(Some(1));
        }
        let required = if self.required { Required::True } else { Required::False };
        query(self.name, required, self.description, schema)
    }
}

/// The common request parameters, in the order of Alibaba's "Common parameters" page.
/// `AccessKeyId` is the security scheme's.
const COMMON: &[Common] = &[
    Common {
        name: "Format",
        required: false,
        description: "The format of the response. Alibaba Cloud also answers in XML (`Format=XML`); the \
                      documents describe the JSON responses only, so only `JSON` is admitted.",
        values: &["JSON"],
        default: Some("JSON"),
        pattern: None,
        non_empty: false,
    },
    Common {
        name: "Signature",
        required: true,
        description: "The signature of the request: Base64 of the HMAC-SHA1 of the canonicalised \
                      query, keyed by the AccessKey secret followed by `&`.",
        values: &[],
        default: None,
        pattern: None,
        non_empty: true,
    },
    Common {
        name: "SignatureMethod",
        required: true,
        description: "The signing algorithm.",
        values: &["HMAC-SHA1"],
        default: None,
        pattern: None,
        non_empty: false,
    },
    Common {
        name: "Timestamp",
        required: true,
        description: "When the request was signed, in UTC, ISO 8601 `yyyy-MM-ddTHH:mm:ssZ`. A string \
                      of that pattern, not `format: date-time`: the signature covers the exact \
                      text, and generators write a date-time their own way (openapi-python-client \
                      as `+00:00`, with microseconds when there are any).",
        values: &[],
        default: None,
        // `[0-9]`, not `\d`: Python's `re` (hypothesis, schemathesis) reads `\d` as any Unicode
        // digit, ECMAScript (Prism) as ASCII only.
        pattern: Some(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"),
        non_empty: false,
    },
    Common {
        name: "SignatureVersion",
        required: true,
        description: "The version of the signature algorithm.",
        values: &["1.0"],
        default: None,
        pattern: None,
        non_empty: false,
    },
    Common {
        name: "SignatureNonce",
        required: true,
        description: "A random value, unique for each request, that prevents replay.",
        values: &[],
        default: None,
        pattern: None,
        non_empty: true,
    },
    Common {
        name: "ResourceOwnerAccount",
        required: false,
        description: "The account that owns the resource, when it is not the caller's.",
        values: &[],
        default: None,
        pattern: None,
        non_empty: false,
    },
];
