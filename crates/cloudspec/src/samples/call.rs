//! The documented request of an endpoint, resolved against its document: the server (its
//! variables at their defaults), the method, the path with its values, the query and the
//! headers, and which of them carry the API key.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

/// One request, ready to be written out.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub operation_id: String,
    /// The server's URL, its variables at their defaults, without a trailing `/`.
    pub server: String,
    /// Lower case, as the document keys it.
    pub method: String,
    /// The path template, as the document writes it (`/v1/{project_id}/images`).
    pub path: String,
    /// The path parameters' values, by name.
    pub path_values: Vec<(String, Value)>,
    /// The query parameters the operation declares, in the request file's order.
    pub query: Vec<(String, Value)>,
    /// The headers the operation declares.
    pub headers: Vec<(String, Value)>,
    /// The API key in a header (the IAM token), and in the query (Alibaba's AccessKeyId).
    pub header_key: Option<(String, String)>,
    pub query_key: Option<(String, String)>,
    /// The 3.0 rendition's file name and the 3.1 document's, for the generators' comments.
    pub rendition_file: String,
    pub document_file: String,
}

/// Why a request cannot be written out.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: not JSON: {source}", path.display())]
    Json { path: PathBuf, source: serde_json::Error },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

impl Call {
    /// The request in `request` (the file at `request_path`) against `document`, whose
    /// operation is `operation_id`; `key` names the endpoint's files.
    pub(crate) fn new(
        document: &Value,
        operation_id: &str,
        key: &str,
        request: &Value,
        request_path: &std::path::Path,
    ) -> Result<Self, CallError> {
        let invalid = |message: String| CallError::Invalid { path: request_path.to_owned(), message };
        let operation = cloudspec_schema::openapi::find(document, operation_id)
            .ok_or_else(|| invalid(format!("the document has no operation {operation_id}")))?;
        let server = server(document).ok_or_else(|| invalid("the document has no server".to_owned()))?;
        let declared: Vec<(String, String)> =
            [operation.path_item.get("parameters"), operation.value.get("parameters")]
                .into_iter()
                .flatten()
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(|parameter| {
                    Some((
                        parameter.get("in")?.as_str()?.to_owned(),
                        parameter.get("name")?.as_str()?.to_owned(),
                    ))
                })
                .collect();
        let schemes: Vec<(String, String)> = document
            .pointer("/components/securitySchemes")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(_, scheme)| scheme.get("type").and_then(Value::as_str) == Some("apiKey"))
            .filter_map(|(_, scheme)| {
                Some((scheme.get("in")?.as_str()?.to_owned(), scheme.get("name")?.as_str()?.to_owned()))
            })
            .collect();
        let name = key.rsplit('/').next().unwrap_or(key);
        let mut call = Call {
            operation_id: operation_id.to_owned(),
            server,
            method: operation.method.to_owned(),
            path: operation.path.to_owned(),
            path_values: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            header_key: None,
            query_key: None,
            rendition_file: format!("spec/{key}.openapi-3.0.yaml"),
            document_file: format!("{name}.yaml"),
        };
        for location in ["path", "query", "header"] {
            let values = request.get(location).and_then(Value::as_object).into_iter().flatten();
            for (name, value) in values {
                if !matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
                    return Err(invalid(format!(
                        "/{location}/{name}: expected a string, a number or a boolean"
                    )));
                }
                let wanted = (location.to_owned(), name.clone());
                let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                if schemes.contains(&wanted) {
                    match location {
                        "header" => call.header_key = Some((name.clone(), text)),
                        "query" => call.query_key = Some((name.clone(), text)),
                        _ => {
                            return Err(invalid(format!("/{location}/{name}: an API key in the {location}")));
                        }
                    }
                } else if declared.contains(&wanted) {
                    let list = match location {
                        "path" => &mut call.path_values,
                        "query" => &mut call.query,
                        _ => &mut call.headers,
                    };
                    list.push((name.clone(), value.clone()));
                } else {
                    return Err(invalid(format!(
                        "/{location}/{name}: neither a parameter of {operation_id} nor the key of \
                        its security scheme"
                    )));
                }
            }
        }
        Ok(call)
    }

    /// The path with its values, percent-encoded.
    pub(crate) fn wire_path(&self) -> String {
        let mut path = self.path.clone();
        for (name, value) in &self.path_values {
            path = path.replace(&format!("{{{name}}}"), &encode(&text(value)));
        }
        path
    }

    /// Every query pair on the wire, the API key last (where a client's hook adds it).
    pub(crate) fn wire_query(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> =
            self.query.iter().map(|(name, value)| (name.clone(), text(value))).collect();
        pairs.extend(self.query_key.clone());
        pairs
    }

    /// Every header on the wire, the API key first.
    pub(crate) fn wire_headers(&self) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = self.header_key.clone().into_iter().collect();
        headers.extend(self.headers.iter().map(|(name, value)| (name.clone(), text(value))));
        headers
    }

    /// The whole URL: server, path, `?` and the encoded query.
    pub(crate) fn url(&self) -> String {
        let query: Vec<String> = self
            .wire_query()
            .iter()
            .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
            .collect();
        let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
        format!("{}{}{query}", self.server, self.wire_path())
    }
}

/// The first server's URL, each variable at its default.
fn server(document: &Value) -> Option<String> {
    let server = document.pointer("/servers/0")?;
    let mut url = server.get("url")?.as_str()?.to_owned();
    for (name, variable) in server.get("variables").and_then(Value::as_object).into_iter().flatten() {
        url = url.replace(&format!("{{{name}}}"), variable.get("default")?.as_str()?);
    }
    Some(url.trim_end_matches('/').to_owned())
}

/// A value as the wire writes it.
pub(super) fn text(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

/// Percent-encoding of everything but RFC 3986's unreserved characters.
pub(super) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
