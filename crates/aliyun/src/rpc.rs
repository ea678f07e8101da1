//! RPC-style actions: every action of a product is a GET or POST to the endpoint's root,
//! told apart by its `Action` and `Version` query parameters, and signed with signature v1
//! (the "Common parameters" page).
//!
//! All actions of a product share the URL `/`, but OpenAPI keys operations by path and
//! method, so a document that bundles several actions needs one path per action. Each
//! action's path is `/#Action=<Action>`: a URL fragment is never sent, so requests still go
//! to `/` while the paths stay apart — the workaround the OpenAPI community uses for RPC
//! APIs. [`path`] spells it, and a test holds every action's path to it.

use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Required, Schema};

/// The path of `action` in a document (see the module's documentation).
pub fn path(action: &str) -> String {
    format!("/#Action={action}")
}

/// The parameters of an RPC action: `Action` and `Version` fixed to one value each, then the
/// common parameters of signature v1.
pub fn parameters(action: &str, version: &str) -> Vec<Parameter> {
    let mut parameters = vec![
        fixed("Action", action, "The name of the action."),
        fixed("Version", version, "The version of the product's API."),
    ];
    parameters.extend(COMMON.iter().map(Common::parameter));
    parameters
}

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
    format: Option<&'static str>,
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
        if let Some(format) = self.format {
            schema = schema.format(Some(utoipa::openapi::SchemaFormat::Custom(format.to_owned())));
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
        format: None,
    },
    Common {
        name: "Signature",
        required: true,
        description: "The signature of the request: Base64 of the HMAC-SHA1 of the canonicalised \
                      query, keyed by the AccessKey secret followed by `&`.",
        values: &[],
        default: None,
        format: None,
    },
    Common {
        name: "SignatureMethod",
        required: true,
        description: "The signing algorithm.",
        values: &["HMAC-SHA1"],
        default: None,
        format: None,
    },
    Common {
        name: "Timestamp",
        required: true,
        description: "When the request was signed, in UTC, ISO 8601 `yyyy-MM-ddTHH:mm:ssZ`.",
        values: &[],
        default: None,
        format: Some("date-time"),
    },
    Common {
        name: "SignatureVersion",
        required: true,
        description: "The version of the signature algorithm.",
        values: &["1.0"],
        default: None,
        format: None,
    },
    Common {
        name: "SignatureNonce",
        required: true,
        description: "A random value, unique for each request, that prevents replay.",
        values: &[],
        default: None,
        format: None,
    },
    Common {
        name: "ResourceOwnerAccount",
        required: false,
        description: "The account that owns the resource, when it is not the caller's.",
        values: &[],
        default: None,
        format: None,
    },
];
