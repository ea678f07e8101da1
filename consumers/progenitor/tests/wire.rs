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

// A module with progenitor's client of each endpoint, and `documented_call`, which makes its
// documented call: written by build.rs from the request files and the 3.0 renditions.
include!(concat!(env!("OUT_DIR"), "/calls.rs"));

/// A reqwest client that sends `headers` (the IAM token) and, for an error, `Prefer`.
fn http(headers: &[(&str, &str)], status: &str) -> reqwest::Client {
    let mut map = reqwest::header::HeaderMap::new();
    for (name, value) in headers {
        map.insert(
            reqwest::header::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            value.parse().expect("a header value"),
        );
    }
    if status != "200" {
        let prefer = format!("code={status}, example=documented");
        map.insert("Prefer", prefer.parse().expect("a header value"));
    }
    reqwest::Client::builder().default_headers(map).build().expect("a reqwest client")
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
        for status in statuses(key) {
            let expected = read_json(&root().join("tests/fixtures").join(key).join(format!("{status}.json")));
            let verdict = match documented_call(key, &route["progenitor"], &status).await {
                Some(Ok((got, body))) if got.to_string() == status && body == expected => "ok".to_owned(),
                Some(Ok((got, body))) => format!("status {got}, body {body}"),
                Some(Err(error)) => error,
                None => format!("no documented request: tests/requests/{key}.json"),
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
