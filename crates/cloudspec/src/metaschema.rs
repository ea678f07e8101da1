//! The OpenAPI specifications' own rules, as validators: the official 3.1 and 3.0 schemas
//! every document must pass, and OAS 3.0.3's reading of a Schema Object for the values of a
//! 3.0 rendition. (Validation itself, and its words, are `cloudspec_schema::validate`'s.)

use std::sync::LazyLock;

use cloudspec_schema::validate::{self, BodySchema, Draft, SchemaError, Schemas, Violation};
use jsonschema::Validator;
use serde_json::{Value, json};

/// The schemas of an OpenAPI 3.0 document, read as openapi-schema-validator's OAS 3.0
/// validator reads them (see [`Oas30Semantics`]): draft 4, with `nullable`.
pub fn schemas_3_0(document: &Value) -> Result<Schemas, SchemaError> {
    let mut mapped = document.clone();
    crate::downgrade::walk::document(&mut mapped, &mut Oas30Semantics);
    Schemas::with_draft(mapped, Draft::Draft4)
}

/// The `application/json` schema of response `status` of `operation_id` in an OpenAPI 3.0
/// `document`, read as openapi-schema-validator reads it ([`schemas_3_0`]).
pub fn response_schema_3_0(
    document: &Value,
    operation_id: &str,
    status: &str,
) -> Result<BodySchema, SchemaError> {
    let schemas = schemas_3_0(document)?;
    schemas.compile(&schemas.response_pointer(operation_id, status)?)
}

/// Reads each 3.0 Schema Object as openapi-schema-validator's OAS 3.0 validator does, after
/// OAS 3.0.3: `nullable: true` adds null to the `type` beside it (`type: [T, "null"]`) and has
/// no effect without one; the keywords beside a `$ref` apply too (`allOf: [{$ref}]`). Nothing
/// moves but a `$ref`, so the pointers of the violations name places in the 3.0 document.
struct Oas30Semantics;

impl crate::downgrade::walk::Visitor for Oas30Semantics {
    fn reference(&mut self, _node: &mut Value, _at: &str, _kind: crate::downgrade::walk::Kind) {}

    fn schema(&mut self, node: &mut Value, at: &str) {
        for (tokens, subschema) in crate::downgrade::walk::subschemas_3_0(node) {
            self.schema(subschema, &format!("{at}{tokens}"));
        }
        let Some(schema) = node.as_object_mut() else { return };
        if schema.shift_remove("nullable") == Some(Value::Bool(true))
            && let Some(Value::String(name)) = schema.get("type")
        {
            let types = json!([name, "null"]);
            schema.insert("type".into(), types);
        }
        if schema.len() > 1
            && let Some(reference) = schema.shift_remove("$ref")
        {
            let all_of = schema.entry("allOf").or_insert_with(|| json!([]));
            if let Some(all_of) = all_of.as_array_mut() {
                all_of.push(json!({ "$ref": reference }));
            }
        }
    }
}

/// Every way `document` breaks the official OpenAPI 3.1 schema.
pub fn openapi_3_1_violations(document: &Value) -> Vec<Violation> {
    static VALIDATOR: LazyLock<Validator> =
        LazyLock::new(|| official(include_str!("../data/openapi-3.1.schema.json"), Draft::Draft202012));
    validate::violations_of(&VALIDATOR, document)
}

/// Every way `document` breaks the official OpenAPI 3.0 schema.
pub fn openapi_3_0_violations(document: &Value) -> Vec<Violation> {
    static VALIDATOR: LazyLock<Validator> =
        LazyLock::new(|| official(include_str!("../data/openapi-3.0.schema.json"), Draft::Draft4));
    validate::violations_of(&VALIDATOR, document)
}

/// The validator of a bundled official schema.
fn official(text: &str, draft: Draft) -> Validator {
    let schema: Value = serde_json::from_str(text).expect("a bundled OpenAPI schema is valid JSON");
    jsonschema::options().with_draft(draft).build(&schema).expect("a bundled OpenAPI schema compiles")
}
