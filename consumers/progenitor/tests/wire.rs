//! The clients progenitor generates from each 3.0 rendition under `spec/` make every documented call:
//! each endpoint is called with its documented request (`tests/requests/<key>.json`) through the
//! recording proxy in front of Prism, once for 200 and once per documented error (Prism's
//! `Prefer: code=..., example=documented`), and each decoded body, the success type or the error
//! type, must equal the documented example (`tests/fixtures/<key>/<status>.json`).
//!
//! `scripts/wire` starts Prism and the proxy and runs this test with `CLOUDSPEC_WIRE_ROUTES`
//! (where each endpoint's proxy listens) and `CLOUDSPEC_WIRE_RESULTS` (where the verdicts go);
//! it judges the requests the proxy recorded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use progenitor::progenitor_client::{Error, ResponseValue};
use serde_json::Value;

/// A module with progenitor's builder-style client of one 3.0 rendition.
macro_rules! client {
    ($module:ident, $spec:literal) => {
        mod $module {
            progenitor::generate_api!(spec = $spec, interface = Builder);
        }
    };
}

client!(cph, "../../spec/huaweicloud/cph/ListPhoneImages.openapi-3.0.yaml");
client!(workspace, "../../spec/huaweicloud/workspace/ListImages.openapi-3.0.yaml");
client!(ims, "../../spec/huaweicloud/ims/GlanceListImagesDetail.openapi-3.0.yaml");

/// Alibaba's `AccessKeyId` is a security scheme in the query, which progenitor leaves to the
/// caller: a pre-hook adds it to every request, the client's inner value holding it.
mod swas {
    progenitor::generate_api!(
        spec = "../../spec/aliyun/swas/SwasListImages.openapi-3.0.yaml",
        interface = Builder,
        inner_type = String,
        pre_hook = (|access_key_id: &String, request: &mut reqwest::Request| {
            request.url_mut().query_pairs_mut().append_pair("AccessKeyId", access_key_id);
        }),
    );
}

/// The documented request of one endpoint: the values of its path, query and header.
struct Request {
    path: BTreeMap<String, Value>,
    query: BTreeMap<String, Value>,
    header: BTreeMap<String, Value>,
}

impl Request {
    fn read(key: &str) -> Self {
        let value = read_json(&root().join("tests/requests").join(format!("{key}.json")));
        let part = |name: &str| {
            serde_json::from_value(value[name].clone())
                .unwrap_or_else(|error| panic!("{key}: {name}: {error}"))
        };
        Request { path: part("path"), query: part("query"), header: part("header") }
    }

    fn text(values: &BTreeMap<String, Value>, name: &str) -> String {
        match &values[name] {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        }
    }

    fn path(&self, name: &str) -> String {
        Self::text(&self.path, name)
    }

    fn query(&self, name: &str) -> String {
        Self::text(&self.query, name)
    }

    /// A query value the documented request may leave out.
    fn optional(&self, name: &str) -> Option<String> {
        self.query.contains_key(name).then(|| self.query(name))
    }

    /// A reqwest client that sends the documented headers (the IAM token), and `Prefer`.
    fn http(&self, status: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        for name in self.header.keys() {
            let value = Self::text(&self.header, name);
            headers.insert(
                reqwest::header::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
                value.parse().expect("a header value"),
            );
        }
        if status != "200" {
            let prefer = format!("code={status}, example=documented");
            headers.insert("Prefer", prefer.parse().expect("a header value"));
        }
        reqwest::Client::builder().default_headers(headers).build().expect("a reqwest client")
    }
}

/// The status and the decoded body, the success type's or the error type's, as JSON.
fn decoded<T: serde::Serialize, E: serde::Serialize + std::fmt::Debug>(
    result: Result<ResponseValue<T>, Error<E>>,
) -> Result<(u16, Value), String> {
    let (status, body) = match result {
        Ok(response) => (response.status(), serde_json::to_value(response.into_inner())),
        Err(Error::ErrorResponse(response)) => {
            (response.status(), serde_json::to_value(response.into_inner()))
        }
        Err(other) => return Err(format!("not decoded: {other}")),
    };
    Ok((status.as_u16(), body.map_err(|error| error.to_string())?))
}

/// One documented call of `key` with the status asked of Prism, through progenitor's client.
async fn call(key: &str, base: &str, request: &Request, status: &str) -> Result<(u16, Value), String> {
    let http = request.http(status);
    match key {
        "huaweicloud/cph/ListPhoneImages" => {
            let client = cph::Client::new_with_client(base, http);
            decoded(client.list_phone_images().project_id(request.path("project_id")).send().await)
        }
        "huaweicloud/workspace/ListImages" => {
            let client = workspace::Client::new_with_client(base, http);
            let mut call = client.list_images().project_id(request.path("project_id"));
            if let Some(value) = request.optional("image_type") {
                call = call.image_type(value.as_str());
            }
            if let Some(value) = request.optional("platform") {
                call = call.platform(value.as_str());
            }
            if let Some(value) = request.optional("limit") {
                call = call.limit(value.parse::<i32>().map_err(|error| error.to_string())?);
            }
            decoded(call.send().await)
        }
        "huaweicloud/ims/GlanceListImagesDetail" => {
            let client = ims::Client::new_with_client(base, http);
            let mut call = client.glance_list_images_detail();
            if let Some(value) = request.optional("disk_format") {
                call = call.disk_format(value);
            }
            decoded(call.send().await)
        }
        "aliyun/swas/SwasListImages" => {
            let client = swas::Client::new_with_client(base, http, request.query("AccessKeyId"));
            let mut call = client
                .swas_list_images()
                .action(request.query("Action").as_str())
                .version(request.query("Version").as_str())
                .signature(request.query("Signature"))
                .signature_method(request.query("SignatureMethod").as_str())
                .timestamp(request.query("Timestamp").as_str())
                .signature_version(request.query("SignatureVersion").as_str())
                .signature_nonce(request.query("SignatureNonce"))
                .region_id(request.query("RegionId"));
            if let Some(value) = request.optional("Format") {
                call = call.format(value.as_str());
            }
            if let Some(value) = request.optional("ImageIds") {
                call = call.image_ids(value.as_str());
            }
            if let Some(value) = request.optional("ImageType") {
                call = call.image_type(value.as_str());
            }
            decoded(call.send().await)
        }
        other => Err(format!("no progenitor call written for {other}")),
    }
}

#[tokio::test]
async fn every_endpoint_answers_the_documented_call() {
    let variable = |name: &str| {
        std::env::var(name)
            .unwrap_or_else(|_| panic!("{name} is not set: run scripts/wire, which starts Prism"))
    };
    let routes: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_value(read_json(Path::new(&variable("CLOUDSPEC_WIRE_ROUTES")))).expect("routes");
    let mut results: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    let mut failed = 0;
    for (key, route) in &routes {
        let request = Request::read(key);
        for status in statuses(key) {
            let expected = read_json(&root().join("tests/fixtures").join(key).join(format!("{status}.json")));
            let verdict = match call(key, &route["progenitor"], &request, &status).await {
                Ok((got, body)) if got.to_string() == status && body == expected => "ok".to_owned(),
                Ok((got, body)) => format!("status {got}, body {body}"),
                Err(error) => error,
            };
            println!("  progenitor {key} {status}: {verdict}");
            failed += usize::from(verdict != "ok");
            results.entry(key).or_default().insert(status, verdict);
        }
    }
    let file = variable("CLOUDSPEC_WIRE_RESULTS");
    std::fs::write(&file, serde_json::to_string_pretty(&results).expect("JSON")).expect("write the results");
    assert_eq!(failed, 0, "{failed} calls did not come back as documented: see above");
}

/// The documented statuses of `key`: its fixtures' names.
fn statuses(key: &str) -> Vec<String> {
    let dir = root().join("tests/fixtures").join(key);
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let status = name.strip_suffix(".json")?;
            (status.len() == 3 && status.bytes().all(|byte| byte.is_ascii_digit())).then(|| status.to_owned())
        })
        .collect();
    found.sort();
    found
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
