//! The request samples on the site: shown on each page of the endpoint (Redoc's
//! `x-codeSamples`, the same texts in every language), and published as files with an index
//! that `scripts/wire` reads to run them against Prism.

use std::path::Path;

use serde_json::{Value, json};

use cloudspec_endpoint::Endpoint;

use super::{SiteError, write};
use crate::samples::{Call, Sample};
use crate::workspace::Workspace;

/// Writes the samples of `endpoint` under `out` (`<key>.samples/<file>` and
/// `<key>.samples.json`) and returns them; none when it has no documented request.
pub(super) fn publish(
    workspace: &Workspace,
    endpoint: &Endpoint,
    english: &Value,
    out: &Path,
) -> Result<Vec<Sample>, SiteError> {
    let request_path = crate::paths::request(endpoint);
    let text = match std::fs::read_to_string(workspace.path(&request_path)) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(crate::samples::CallError::Read { path: request_path.into(), source }.into());
        }
    };
    let request: Value = serde_json::from_str(&text)
        .map_err(|source| crate::samples::CallError::Json { path: request_path.clone().into(), source })?;
    let call = Call::new(english, endpoint.operation_id, &endpoint.key(), &request, &request_path)?;
    let samples = crate::samples::samples(&call);
    let dir = crate::paths::site_samples(endpoint);
    for sample in &samples {
        write(&out.join(&dir).join(sample.file), &sample.source)?;
    }
    let index = json!({
        "server": call.server,
        "samples": samples
            .iter()
            .map(|sample| json!({ "label": sample.label, "file": format!("{dir}/{}", sample.file) }))
            .collect::<Vec<_>>(),
    });
    write(&out.join(format!("{dir}.json")), &format!("{index:#}\n"))?;
    Ok(samples)
}

/// `samples` as the operation's `x-codeSamples` in `document`.
pub(super) fn attach(document: &mut Value, endpoint: &Endpoint, samples: &[Sample]) {
    if samples.is_empty() {
        return;
    }
    let Some(found) = cloudspec_schema::openapi::find(document, endpoint.operation_id) else { return };
    let pointer = format!("/paths/{}/{}", cloudspec_schema::pointer::escape(found.path), found.method);
    if let Some(Value::Object(operation)) = document.pointer_mut(&pointer) {
        let samples: Vec<Value> = samples
            .iter()
            .map(|sample| json!({ "lang": sample.lang, "label": sample.label, "source": sample.source }))
            .collect();
        operation.insert("x-codeSamples".to_owned(), Value::Array(samples));
    }
}
