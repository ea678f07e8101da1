//! Captured sessions (HAR 1.2) built from the documented requests (`tests/requests/`) and
//! bodies (`tests/fixtures/`), as a browser or mitmproxy would export them: the request sent
//! to the document's server in its default region, the body as the response's
//! `content.text`. A recipe (`tests/cases/har/*.session.json`) lists the steps of a session,
//! each a documented exchange with what the case changes in it.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine as _;
use cloudspec_endpoint::Endpoint;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::workspace;

/// One exchange of a session.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools, reason = "a recipe's switches, each a member a case sets")]
pub struct Step {
    /// `provider/service/OperationId`: its documented request, to its document's server.
    pub request: Option<String>,
    /// In place of `request`: this URL, with no headers.
    pub url: Option<String>,
    /// Query parameters and headers the case sets (a string) or removes (`null`).
    #[serde(default)]
    pub query: BTreeMap<String, Option<String>>,
    #[serde(default)]
    pub header: BTreeMap<String, Option<String>>,
    #[serde(default)]
    pub path: BTreeMap<String, String>,
    #[serde(default)]
    pub status: u16,
    /// The body: a file under `tests/fixtures/`.
    pub body: Option<String>,
    /// In place of `body`: this text.
    pub text: Option<String>,
    /// Headers a browser adds, besides the documented ones, as devtools records them.
    #[serde(default)]
    pub browser: bool,
    /// `Content-Type` of the response [default: application/json].
    pub content_type: Option<String>,
    /// The body kept as base64 (`content.encoding`).
    #[serde(default)]
    pub base64: bool,
    /// In place of `base64`: this `content.encoding`, the text kept as it is.
    pub encoding: Option<String>,
    /// `content.encoding` written before `content.text`, as some tools do; Chrome writes it after.
    #[serde(default)]
    pub encoding_first: bool,
    /// The body's `phone_images` preceded by this many generated images
    /// (`cloudspec_tests::phone_image`), as one line: a body as long as a case needs, whose own
    /// findings come after them.
    pub images: Option<usize>,
    /// Only so many bytes of the body kept, as a tool that cuts bodies short does.
    pub cut: Option<usize>,
    /// The body's text dropped, as browsers drop many.
    #[serde(default)]
    pub no_text: bool,
    /// An entry written as it is, for entries HAR does not allow.
    pub raw: Option<Value>,
}

/// A recipe: the steps of a session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    pub steps: Vec<Step>,
}

/// The documented exchanges of `endpoint`: its documented request, answered with each of
/// its documented bodies (`tests/fixtures/<key>/<status>.json`).
pub fn documented(endpoint: &Endpoint) -> Vec<Step> {
    let dir = workspace().path(cloudspec::paths::FIXTURES_DIR).join(endpoint.key());
    let listed = cloudspec::walk::listing(&dir, Path::new("")).unwrap_or_else(|error| panic!("{error}"));
    let mut statuses: Vec<u16> =
        listed.iter().filter_map(|path| path.to_str()?.strip_suffix(".json")?.parse().ok()).collect();
    statuses.sort_unstable();
    statuses
        .into_iter()
        .map(|status| Step {
            request: Some(endpoint.key()),
            status,
            body: Some(format!("{}/{status}.json", endpoint.key())),
            ..Step::default()
        })
        .collect()
}

/// The HAR 1.2 text of a session of `steps`.
pub fn har(steps: &[Step]) -> String {
    let entries: Vec<Value> = steps.iter().map(entry).collect();
    let har = json!({
        "log": {
            "version": "1.2",
            "creator": { "name": "cloudspec-tests", "version": "1" },
            "entries": entries,
        }
    });
    let mut text = serde_json::to_string_pretty(&har).expect("a HAR is JSON");
    text.push('\n');
    text
}

/// The secret values of the documented requests: what no report may show.
pub fn secrets() -> Vec<String> {
    cloudspec_catalog::ENDPOINTS
        .iter()
        .flat_map(|endpoint| {
            let request = request(&endpoint.key());
            ["query", "header"]
                .into_iter()
                .flat_map(move |place| {
                    request[place].as_object().cloned().unwrap_or_default().into_iter().filter_map(
                        |(name, value)| {
                            let secret =
                                ["X-Auth-Token", "AccessKeyId", "Signature"].contains(&name.as_str());
                            secret.then(|| text(&value))
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn request(key: &str) -> Value {
    let path = workspace().path(format!("tests/requests/{key}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn text(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

fn pairs(map: &BTreeMap<String, String>) -> Vec<Value> {
    map.iter().map(|(name, value)| json!({ "name": name, "value": value })).collect()
}

/// The values of `place` in the documented request, with the step's changes.
fn merged(documented: &Value, changes: &BTreeMap<String, Option<String>>) -> BTreeMap<String, String> {
    let mut values: BTreeMap<String, String> = documented
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, value)| (name.clone(), text(value)))
        .collect();
    for (name, value) in changes {
        match value {
            Some(value) => values.insert(name.clone(), value.clone()),
            None => values.remove(name),
        };
    }
    values
}

/// The method and URL of the documented request of `key`, with the step's changes, and its headers.
fn sent(key: &str, step: &Step) -> (String, String, BTreeMap<String, String>) {
    let endpoint = cloudspec_catalog::find(key).unwrap_or_else(|| panic!("no endpoint {key}"));
    let document = crate::document(endpoint);
    let operation =
        cloudspec_schema::openapi::operations(&document).into_iter().next().expect("an operation");
    let server = &document["servers"][0];
    let mut origin = server["url"].as_str().expect("a server URL").to_owned();
    for (name, variable) in server["variables"].as_object().into_iter().flatten() {
        origin = origin.replace(&format!("{{{name}}}"), variable["default"].as_str().expect("a default"));
    }
    let documented = request(key);
    let mut path = operation.path.to_owned();
    for (name, value) in merged(&documented["path"], &BTreeMap::new()).into_iter().chain(step.path.clone()) {
        path = path.replace(&format!("{{{name}}}"), &value);
    }
    let query: Vec<String> = merged(&documented["query"], &step.query)
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    let url = if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{}", query.join("&"))
    };
    (operation.method.to_uppercase(), url, merged(&documented["header"], &step.header))
}

/// Percent-encodes all but RFC 3986's unreserved characters, as signature v1 requires.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// What Chrome's devtools record a request to carry besides the API's own headers.
const BROWSER_REQUEST: &[(&str, &str)] = &[
    ("Accept", "application/json, text/plain, */*"),
    ("Accept-Encoding", "gzip, deflate, br, zstd"),
    ("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"),
    ("Connection", "keep-alive"),
    ("Origin", "https://console.example.com"),
    ("Referer", "https://console.example.com/console/"),
    ("Sec-Fetch-Dest", "empty"),
    ("Sec-Fetch-Mode", "cors"),
    ("Sec-Fetch-Site", "same-site"),
    (
        "User-Agent",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 \
        Safari/537.36",
    ),
    ("sec-ch-ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\""),
    ("sec-ch-ua-platform", "\"Linux\""),
];

/// And the headers a cloud API's gateway answers with.
const BROWSER_RESPONSE: &[(&str, &str)] = &[
    ("Access-Control-Allow-Origin", "https://console.example.com"),
    ("Cache-Control", "no-cache"),
    ("Connection", "keep-alive"),
    ("Date", "Sat, 05 Dec 2026 10:00:00 GMT"),
    ("Server", "api-gateway"),
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "SAMEORIGIN"),
    ("X-Request-Id", "5aac6ab146ba76e5b12a3d00a03a9869"),
];

/// The HAR entry of `step`.
pub fn entry(step: &Step) -> Value {
    if let Some(raw) = &step.raw {
        return raw.clone();
    }
    let (method, url, headers) = match (&step.request, &step.url) {
        (Some(key), None) => sent(key, step),
        (None, Some(url)) => ("GET".to_owned(), url.clone(), BTreeMap::new()),
        _ => panic!("a step names a request or a URL: {step:?}"),
    };
    let mut body = step.text.clone().unwrap_or_else(|| {
        step.body.as_ref().map_or_else(String::new, |body| {
            let path = workspace().path(cloudspec::paths::FIXTURES_DIR).join(body);
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        })
    });
    if let Some(count) = step.images {
        let mut answer: Value = serde_json::from_str(&body).expect("a body with images is JSON");
        let own = answer["phone_images"].as_array().cloned().unwrap_or_default();
        answer["phone_images"] = (0..count).map(crate::phone_image).chain(own).collect();
        body = serde_json::to_string(&answer).expect("a Value serializes");
    }
    let (mut headers, mut response_headers) = (headers, BTreeMap::new());
    if step.browser {
        headers.extend(BROWSER_REQUEST.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())));
        response_headers
            .extend(BROWSER_RESPONSE.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())));
        response_headers.insert("Content-Length".to_owned(), body.len().to_string());
    }
    let media = step.content_type.clone().unwrap_or_else(|| "application/json".to_owned());
    let mut content = json!({ "size": body.len(), "mimeType": media });
    if !step.no_text {
        let kept = step.cut.map_or(body.as_str(), |cut| &body[..cut]);
        let (text, encoding) = match (&step.encoding, step.base64) {
            (Some(encoding), _) => (json!(kept), Some(json!(encoding))),
            (None, true) => {
                (json!(base64::engine::general_purpose::STANDARD.encode(kept)), Some(json!("base64")))
            }
            (None, false) => (json!(kept), None),
        };
        if step.encoding_first
            && let Some(encoding) = &encoding
        {
            content["encoding"] = encoding.clone();
        }
        content["text"] = text;
        // After the text, unless written before it: a member set again keeps its place.
        if let Some(encoding) = encoding {
            content["encoding"] = encoding;
        }
    }
    response_headers.insert("Content-Type".to_owned(), media);
    json!({
        "startedDateTime": "2026-12-05T10:00:00.000Z",
        "time": 42,
        "request": {
            "method": method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": pairs(&headers),
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": step.status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": pairs(&response_headers),
            "content": content,
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": body.len(),
        },
        "cache": {},
        "timings": { "send": 1, "wait": 40, "receive": 1 },
    })
}
