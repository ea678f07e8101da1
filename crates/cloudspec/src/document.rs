//! Building one endpoint's document: finish, check it is sound, render.

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::emit;
use crate::finish::{self, Example, FinishError};
use crate::fixtures::{self, FixtureError};
use crate::paths;
use crate::relpath::RelPath;
use crate::soundness::{self, Dialect, Refusal, Values};
use crate::workspace::Workspace;
use cloudspec_schema::validate::{self, BodySchema, SchemaError, Violation};
use cloudspec_schema::words::count;

/// A finished document, ready to compare with or write to `path`.
#[derive(Debug)]
pub struct Document {
    pub endpoint: &'static Endpoint,
    /// Relative to the workspace root.
    pub path: RelPath,
    pub value: Value,
    pub text: String,
}

/// Why a document could not be built. Each names the file or place at fault.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Fixture(#[from] FixtureError),
    #[error(transparent)]
    Finish(#[from] FinishError),
    #[error(transparent)]
    Overlay(#[from] crate::overlay::OverlayError),
    /// The vendor's glossary, which says how the 3.0 rendition's notes are spaced, is unreadable.
    #[error(transparent)]
    Glossary(#[from] crate::editorial::GlossaryError),
    /// A locale the 3.0 rendition has no notes in ([`crate::downgrade::Note`]).
    #[error(
        "the OpenAPI 3.0 rendition cannot write its notes in {locale:?}: they are written in \
        English and Chinese only"
    )]
    NoNotes { locale: String },
    #[error("{file}: the example does not validate against response {status} of the \
        document:\n{}", list(.violations))]
    InvalidExample { file: String, status: String, violations: Vec<Violation> },
    /// The schema a documented example (`file`) is held to cannot be found or compiled.
    #[error("{file}: {source}")]
    Schema { file: String, source: SchemaError },
    /// The standalone JSON Schema of a body type does not compile.
    #[error("{type_name}: the standalone JSON Schema does not compile: {source}")]
    StandaloneSchema { type_name: String, source: SchemaError },
    #[error("the document is not valid OpenAPI 3.1:\n{}", list(.violations))]
    InvalidOpenApi { violations: Vec<Violation> },
    #[error("the OpenAPI 3.0 rendition is not valid OpenAPI 3.0:\n{}", list(.violations))]
    InvalidOpenApi30 { violations: Vec<Violation> },
    #[error(
        "{} breaks its own schemas in {}:\n{}",
        unsound_subject(*.dialect),
        count(.refusals.len(), "place"),
        list(.refusals)
    )]
    Unsound { dialect: Dialect, refusals: Vec<Refusal> },
    #[error("{type_name}: the schemars and utoipa derives disagree:\n{}", list(.differences))]
    Drift { type_name: String, differences: Vec<crate::drift::Difference> },
    #[error("{type_name}: the example at {pointer} does not validate against the standalone \
        schema:\n{}", list(.violations))]
    InvalidStandaloneExample { type_name: String, pointer: String, violations: Vec<Violation> },
    #[error("cannot render YAML: {0}")]
    Render(#[from] yaml_serde::Error),
    #[error("the rendered YAML does not read back as the document (a bug in rendering)")]
    RenderRoundTrip,
    /// The sources or the citations of the document's facts cannot be read.
    #[error("{0}")]
    Provenance(String),
    #[error(transparent)]
    Citations(#[from] crate::citations::FileError),
}

impl BuildError {
    /// The body type whose standalone JSON Schema failed, if the error is about one: names
    /// the schema file the failure prevented.
    pub fn type_name(&self) -> Option<&str> {
        match self {
            Self::Drift { type_name, .. }
            | Self::StandaloneSchema { type_name, .. }
            | Self::InvalidStandaloneExample { type_name, .. } => Some(type_name),
            _ => None,
        }
    }
}

fn unsound_subject(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::OpenApi3_1 => "the document",
        Dialect::OpenApi3_0 => "the OpenAPI 3.0 rendition (read as OAS 3.0.3 reads it)",
    }
}

/// Every value `document` states beside a schema valid against it ([`soundness`]), or the
/// error that lists those that are not.
pub fn sound(document: &Value, dialect: Dialect) -> Result<(), BuildError> {
    let refusals = soundness::refusals(document, dialect);
    if refusals.is_empty() { Ok(()) } else { Err(BuildError::Unsound { dialect, refusals }) }
}

/// What the build asks of every document it writes, whatever it holds: valid against the
/// official OpenAPI schema of its version, and [`sound`].
pub fn proven(document: &Value, dialect: Dialect) -> Result<(), BuildError> {
    valid(document, dialect)?;
    sound(document, dialect)
}

/// Valid against the official OpenAPI schema of its version: all that is left to prove of a
/// document whose values are those of one already proven ([`Values::Inherited`]).
pub fn valid(document: &Value, dialect: Dialect) -> Result<(), BuildError> {
    match dialect {
        Dialect::OpenApi3_1 => {
            let violations = crate::metaschema::openapi_3_1_violations(document);
            if !violations.is_empty() {
                return Err(BuildError::InvalidOpenApi { violations });
            }
        }
        Dialect::OpenApi3_0 => {
            let violations = crate::metaschema::openapi_3_0_violations(document);
            if !violations.is_empty() {
                return Err(BuildError::InvalidOpenApi30 { violations });
            }
        }
    }
    Ok(())
}

/// [`proven`], or [`valid`] where the values are inherited.
pub(crate) fn proven_as(document: &Value, dialect: Dialect, values: Values) -> Result<(), BuildError> {
    match values {
        Values::Check => proven(document, dialect),
        Values::Inherited => valid(document, dialect),
    }
}

fn list(violations: &[impl std::fmt::Display]) -> String {
    violations.iter().map(|violation| format!("  at {violation}")).collect::<Vec<_>>().join("\n")
}

/// Builds the document of `endpoint` from its types and fixtures, and proves it sound:
/// valid OpenAPI 3.1, every embedded example valid against its own schema, and every other
/// value it states beside a schema too ([`soundness`]).
pub fn build(workspace: &Workspace, endpoint: &'static Endpoint) -> Result<Document, BuildError> {
    let examples: Vec<Example> = fixtures::documented(workspace, endpoint)?
        .into_iter()
        .map(|fixture| Example {
            status: fixture.status,
            file: fixture.path.to_string(),
            value: fixture.value,
            summary: fixture.provenance.summary,
            source: fixture.provenance.source,
        })
        .collect();
    let notes = crate::citations::notes_of(workspace, endpoint)?;
    let value = finish::finish(endpoint, &examples, &notes)?;

    let violations = crate::metaschema::openapi_3_1_violations(&value);
    if !violations.is_empty() {
        return Err(BuildError::InvalidOpenApi { violations });
    }
    for example in &examples {
        validate::response_pointer(&value, endpoint.operation_id, &example.status)
            .map_err(|source| BuildError::Schema { file: example.file.clone(), source })?;
    }
    // The documented examples are among the values checked here. When the document is
    // unsound, a fixture at fault is named by its file, as its author knows it.
    sound(&value, Dialect::OpenApi3_1)
        .map_err(|unsound| invalid_fixture(&value, endpoint, &examples).unwrap_or(unsound))?;
    let text = rendered(&value)?;
    Ok(Document { endpoint, path: paths::document(endpoint), value, text })
}

/// `document` as the YAML committed under `spec/`, proven to read back as `document`: every
/// YAML file the pipeline writes goes through here.
pub fn rendered(document: &Value) -> Result<String, BuildError> {
    let text = emit::yaml(document)?;
    if !crate::readback::reads_back_as(&text, document)? {
        return Err(BuildError::RenderRoundTrip);
    }
    Ok(text)
}

/// The error of the first documented example that breaks the schema of its response, if
/// one does.
fn invalid_fixture(value: &Value, endpoint: &Endpoint, examples: &[Example]) -> Option<BuildError> {
    examples.iter().find_map(|example| {
        let schema = match BodySchema::of_response(value, endpoint.operation_id, &example.status) {
            Ok(schema) => schema,
            Err(source) => return Some(BuildError::Schema { file: example.file.clone(), source }),
        };
        let violations = schema.violations(&example.value);
        (!violations.is_empty()).then(|| BuildError::InvalidExample {
            file: example.file.clone(),
            status: example.status.clone(),
            violations,
        })
    })
}

/// What `list` shows of an endpoint, read from its descriptor alone.
#[derive(Debug)]
pub struct Summary {
    pub method: String,
    pub path: String,
    /// The required query parameters with one allowed value, in the document's order: the
    /// `Action` and `Version` an RPC API tells its operations apart by, part of the address.
    pub fixed_query: Vec<(String, String)>,
    /// The operation's `summary`, empty when it has none.
    pub summary: String,
    pub deprecated: bool,
}

/// The method, path and deprecation of `endpoint`'s one operation.
pub fn summary(endpoint: &Endpoint) -> Result<Summary, FinishError> {
    let document = finish::utoipa_document(endpoint)?;
    let operation = cloudspec_schema::openapi::find(&document, endpoint.operation_id)
        .ok_or_else(|| FinishError::NoOperation(endpoint.operation_id.to_owned()))?;
    let fixed_query = operation
        .value
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|parameter| parameter["in"] == "query" && parameter["required"] == true)
        .filter_map(|parameter| {
            match parameter.pointer("/schema/enum").and_then(Value::as_array)?.as_slice() {
                [Value::String(value)] => Some((parameter["name"].as_str()?.to_owned(), value.clone())),
                _ => None,
            }
        })
        .collect();
    Ok(Summary {
        method: operation.method.to_owned(),
        path: operation.path.to_owned(),
        fixed_query,
        summary: operation.value.get("summary").and_then(Value::as_str).unwrap_or_default().to_owned(),
        deprecated: operation.deprecated(),
    })
}
