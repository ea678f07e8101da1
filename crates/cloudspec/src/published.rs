//! What `spec/` publishes, as a capture is judged by it: the response schema that the
//! committed document declares for one operation, status and locale. It is read from `spec/`,
//! not built from the Rust types, so that a capture is held to what was published (not to a
//! vendor's contract: that is `conform`'s).

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

use cloudspec_capture::Plan;
use cloudspec_endpoint::Endpoint;

use crate::paths;
use crate::workspace::{self, Workspace};
use cloudspec_schema::validate::{SchemaError, Schemas};

/// The locale of the document a capture is held to unless another is named.
pub(crate) const DEFAULT_LOCALE: &str = paths::SOURCE_LOCALE;

/// What a capture is held to.
#[derive(Debug)]
pub struct Published {
    pub endpoint: &'static Endpoint,
    pub status: String,
    pub locale: String,
    /// The document, relative to the workspace root.
    pub document: PathBuf,
    /// The body schema in the document, after following `$ref`s that stand alone.
    pub schema: String,
    pub plan: Plan,
}

/// Why no contract could be found: each is a wrong command line or a `spec/` to regenerate.
#[derive(Debug, thiserror::Error)]
pub enum PublishedError {
    #[error("no operation {name:?}{}", suggest(.suggestions))]
    UnknownOperation { name: String, suggestions: Vec<String> },
    #[error("operation {name:?} is ambiguous: {} share it; name one as \
        provider/service/OperationId", .candidates.join(", "))]
    AmbiguousOperation { name: String, candidates: Vec<String> },
    #[error("locale {0:?} is not a language tag such as en or zh-CN")]
    BadLocale(String),
    #[error("{key} has no {locale} document: {} does not exist; locales with a document: \
        {}", workspace::display(.path), list_or_none(.available))]
    NoLocale { key: String, locale: String, path: PathBuf, available: Vec<String> },
    #[error("{}: does not exist; run `cargo xtask generate`", workspace::display(.0))]
    NoDocument(PathBuf),
    #[error("{}: cannot read: {source}", workspace::display(.path))]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: not a YAML document: {message}", workspace::display(.path))]
    Yaml { path: PathBuf, message: String },
    #[error("{}: {operation} declares no response {status} with an application/json schema; it \
        declares {}", workspace::display(.path), list_or_none(.declared))]
    NoStatus { path: PathBuf, operation: String, status: String, declared: Vec<String> },
    #[error("{}: {source}", workspace::display(.path))]
    Schema { path: PathBuf, source: SchemaError },
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; `cargo xtask list` shows every operation".to_owned()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() { "none".to_owned() } else { items.join(", ") }
}

/// Loads the contract of response `status` of `operation` (an operationId, or
/// `provider/service/OperationId`) in the `locale` document.
pub fn load(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    operation: &str,
    status: &str,
    locale: &str,
) -> Result<Published, PublishedError> {
    let endpoint = resolve(endpoints, operation)?;
    let document = document_path(workspace, endpoint, locale)?;
    let schemas = read_document(workspace, &document)?;
    let pointer = schemas.response_pointer(endpoint.operation_id, status).map_err(|source| match source {
        SchemaError::NoResponseSchema { .. } => PublishedError::NoStatus {
            path: document.clone(),
            operation: endpoint.operation_id.to_owned(),
            status: status.to_owned(),
            declared: declared_statuses(schemas.document(), endpoint.operation_id),
        },
        source => PublishedError::Schema { path: document.clone(), source },
    })?;
    let plan = Plan::new(&schemas, &pointer)
        .map_err(|source| PublishedError::Schema { path: document.clone(), source })?;
    let schema = plan.root_pointer().to_owned();
    Ok(Published { endpoint, status: status.to_owned(), locale: locale.to_owned(), document, schema, plan })
}

/// The committed document at `document` (relative to the workspace), ready to validate against.
pub(crate) fn read_document(
    workspace: &Workspace,
    document: &std::path::Path,
) -> Result<Schemas, PublishedError> {
    let text = std::fs::read_to_string(workspace.path(document)).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            PublishedError::NoDocument(document.to_owned())
        } else {
            PublishedError::Read { path: document.to_owned(), source }
        }
    })?;
    let value: Value = crate::yaml::parse(&text)
        .map_err(|error| PublishedError::Yaml { path: document.to_owned(), message: error.to_string() })?;
    Schemas::new(value).map_err(|source| PublishedError::Schema { path: document.to_owned(), source })
}

/// The endpoint `name` names: its `provider/service/OperationId`, or an operationId that
/// only one endpoint has. Otherwise the error lists the candidates or the close matches.
pub fn resolve(endpoints: &[&'static Endpoint], name: &str) -> Result<&'static Endpoint, PublishedError> {
    if let Some(endpoint) = endpoints.iter().find(|endpoint| endpoint.key() == name) {
        return Ok(endpoint);
    }
    let named: Vec<&'static Endpoint> =
        endpoints.iter().copied().filter(|endpoint| endpoint.operation_id == name).collect();
    match named.as_slice() {
        [endpoint] => Ok(endpoint),
        [] => Err(PublishedError::UnknownOperation {
            name: name.to_owned(),
            suggestions: close_matches(endpoints.iter().map(|endpoint| endpoint.key()), name),
        }),
        _ => Err(PublishedError::AmbiguousOperation {
            name: name.to_owned(),
            candidates: named.iter().map(|endpoint| endpoint.key()).collect(),
        }),
    }
}

/// The keys close to `name`, closest first: those that contain it, ignoring case, or whose
/// operationId (or the whole key) is a few edits from it; only the best few are kept.
pub(crate) fn close_matches(keys: impl IntoIterator<Item = String>, name: &str) -> Vec<String> {
    let wanted = name.to_lowercase();
    let threshold = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = keys
        .into_iter()
        .filter_map(|key| {
            let lower = key.to_lowercase();
            let operation = lower.rsplit('/').next().unwrap_or_default();
            let distance = if wanted.len() >= 4 && lower.contains(&wanted) {
                0
            } else {
                strsim::levenshtein(&wanted, operation).min(strsim::levenshtein(&wanted, &lower))
            };
            (distance <= threshold).then_some((distance, key))
        })
        .collect();
    scored.sort();
    let best = scored.first().map_or(0, |(distance, _)| *distance);
    scored.into_iter().take_while(|(distance, _)| *distance <= best + 2).map(|(_, key)| key).collect()
}

/// The document of `endpoint` in `locale`; an error when that file does not exist.
fn document_path(
    workspace: &Workspace,
    endpoint: &Endpoint,
    locale: &str,
) -> Result<PathBuf, PublishedError> {
    if !paths::is_language_tag(locale) {
        return Err(PublishedError::BadLocale(locale.to_owned()));
    }
    let path = paths::localized_document(endpoint, locale);
    if locale == paths::SOURCE_LOCALE || workspace.path(&path).is_file() {
        return Ok(path.into());
    }
    Err(PublishedError::NoLocale {
        key: endpoint.key(),
        locale: locale.to_owned(),
        available: endpoint.locales().into_iter().map(str::to_owned).collect(),
        path: path.into(),
    })
}

/// The statuses of `operation_id` that have an `application/json` schema.
pub fn declared_statuses(document: &Value, operation_id: &str) -> Vec<String> {
    let Some(operation) =
        cloudspec_schema::openapi::find(document, operation_id).map(|operation| operation.pointer)
    else {
        return Vec::new();
    };
    let responses = document.pointer(&format!("{operation}/responses")).and_then(Value::as_object);
    responses
        .into_iter()
        .flatten()
        .filter(|(_, response)| response.pointer("/content/application~1json/schema").is_some())
        .map(|(status, _)| status.clone())
        .collect()
}

impl Published {
    /// One line that says what captures are held to.
    pub fn describe(&self) -> String {
        let mut text = format!("response {} of {}", self.status, self.endpoint.key());
        let _ = write!(text, " in {}#{}", workspace::display(&self.document), self.schema);
        if self.locale != DEFAULT_LOCALE {
            let _ = write!(text, " ({})", self.locale);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudspec_endpoint::{Body, Operation, Provider, ServerTemplate, Service, WireCase};

    fn provider(id: &'static str) -> &'static Provider {
        Box::leak(Box::new(Provider {
            id,
            name: id,
            security: &[],
            wire_case: WireCase::PascalCase,
            locales: &[],
        }))
    }

    fn endpoint(
        provider: &'static Provider,
        service: &'static str,
        operation_id: &'static str,
    ) -> &'static Endpoint {
        let service = Box::leak(Box::new(Service {
            id: service,
            name: service,
            api_version: "v1",
            server: ServerTemplate {
                url: "https://{region}",
                default_region: "r",
                regions: &[],
                description: "",
            },
            tags: &[],
            error_body: Body::of::<serde_json::Value>(),
            errors: &[],
        }));
        Box::leak(Box::new(Endpoint {
            provider,
            service,
            operation_id,
            api_version: None,
            replaced_by: None,
            sources: &[],
            operation: Operation::from_paths(utoipa::openapi::path::Paths::new),
            responses: &[],
            source_file: file!(),
        }))
    }

    #[test]
    fn an_operation_id_two_providers_share_is_named_in_full() {
        let (a, b) = (provider("a"), provider("b"));
        let endpoints = [
            endpoint(a, "images", "ListImages"),
            endpoint(b, "servers", "ListImages"),
            endpoint(a, "images", "GetImage"),
        ];
        let key = |result: Result<&Endpoint, PublishedError>| {
            result.map(Endpoint::key).map_err(|error| error.to_string())
        };
        assert_eq!(key(resolve(&endpoints, "GetImage")), Ok("a/images/GetImage".to_owned()));
        assert_eq!(key(resolve(&endpoints, "b/servers/ListImages")), Ok("b/servers/ListImages".to_owned()));
        assert_eq!(
            key(resolve(&endpoints, "ListImages")),
            Err(
                "operation \"ListImages\" is ambiguous: a/images/ListImages, b/servers/ListImages share it; \
                 name one as provider/service/OperationId"
                    .to_owned()
            )
        );
        assert_eq!(
            key(resolve(&endpoints, "ListImage")),
            Err("no operation \"ListImage\"; did you mean a/images/ListImages, b/servers/ListImages?"
                .to_owned())
        );
    }

    #[test]
    fn close_matches_ignore_case_and_small_typos() {
        let keys = || {
            ["huaweicloud/cph/ListPhoneImages", "huaweicloud/workspace/ListImages", "aliyun/swas/ListImages"]
                .map(String::from)
        };
        assert_eq!(close_matches(keys(), "listphoneimages"), ["huaweicloud/cph/ListPhoneImages"]);
        assert_eq!(close_matches(keys(), "ListPhoneImage"), ["huaweicloud/cph/ListPhoneImages"]);
        assert_eq!(
            close_matches(keys(), "ListImage"),
            ["aliyun/swas/ListImages", "huaweicloud/workspace/ListImages"]
        );
        assert_eq!(
            close_matches(keys(), "swas/ListImages").first().map(String::as_str),
            Some("aliyun/swas/ListImages")
        );
        assert!(close_matches(keys(), "DeleteServer").is_empty());
    }
}
