//! The reference site in a real browser: every page of `cargo xtask docs`, served from a
//! local server, opened in headless Chromium, must show its operation's summary, the fields
//! of its response and the documented example, in its own language; a screenshot of each
//! lands in `target/site-screenshots/` for a person to look at.
//!
//! Chromium is Debian's `chromium` package, which `.ci/run` installs. Where it is missing the
//! test says so and passes, except in CI, where it fails.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cloudspec::Workspace;
use cloudspec_catalog::ENDPOINTS;
use serde_json::Value;

const CHROMIUM: &str = "/usr/bin/chromium";

fn workspace() -> Workspace {
    Workspace::new(Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace root"))
}

fn read_yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// What a reader must see on a page: the operation's summary, the names of the 200 body's
/// fields, and a string of the documented example.
fn expectations(document: &Value, endpoint: &cloudspec::Endpoint) -> Vec<String> {
    let operation = cloudspec::openapi::find(document, endpoint.operation_id).expect("the operation").value;
    let mut expected = vec![operation["summary"].as_str().expect("a summary").to_owned()];
    let schema = &operation["responses"]["200"]["content"]["application/json"]["schema"];
    let name = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()).expect("a $ref to the body");
    let properties = document["components"]["schemas"][name]["properties"].as_object().expect("properties");
    expected.extend(properties.keys().cloned());
    let example =
        &operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"];
    let sample = first_long_string(example).expect("the example has a string");
    expected.push(sample);
    expected
}

fn first_long_string(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if text.len() >= 8 && text.is_ascii() => Some(text.clone()),
        Value::Array(items) => items.iter().find_map(first_long_string),
        Value::Object(object) => object.values().find_map(first_long_string),
        _ => None,
    }
}

/// The page's rendered text: the DOM after Redoc ran, without its scripts (which hold the
/// document itself, and would make every check pass).
fn rendered(url: &str, screenshot: &Path, profile: &Path) -> String {
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--virtual-time-budget=20000",
        "--window-size=1400,1800",
    ];
    let profile = format!("--user-data-dir={}", profile.display());
    let dom = Command::new(CHROMIUM)
        .args(common)
        .arg(&profile)
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(dom.status.success(), "chromium failed on {url}: {}", String::from_utf8_lossy(&dom.stderr));
    let shot = Command::new(CHROMIUM)
        .args(common)
        .arg(&profile)
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(shot.status.success(), "chromium could not take a screenshot of {url}");
    strip_scripts(&String::from_utf8_lossy(&dom.stdout))
}

fn strip_scripts(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        text.push_str(&rest[..start]);
        rest = rest[start..].find("</script>").map_or("", |end| &rest[start + end + "</script>".len()..]);
    }
    text.push_str(rest);
    text
}

#[test]
fn every_page_renders_in_a_browser() {
    if !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{CHROMIUM} is missing: .ci/run installs Debian's chromium"
        );
        eprintln!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
        return;
    }
    let workspace = workspace();
    cloudspec::site::install_renderer(&workspace).unwrap_or_else(|error| panic!("{error}"));
    let site = tempfile::tempdir().expect("temporary directory");
    let pages =
        cloudspec::site::build(&workspace, ENDPOINTS, site.path()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(pages.len(), ENDPOINTS.iter().map(|e| e.locales().len()).sum::<usize>());

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let root = site.path().to_owned();
    let deadline = Instant::now() + Duration::from_secs(300);
    let server = std::thread::spawn(move || cloudspec::site::serve(&root, &listener, Some(deadline)));

    let screenshots = workspace.path("target/site-screenshots");
    std::fs::create_dir_all(&screenshots).expect("create the screenshot directory");
    let profile = tempfile::tempdir().expect("temporary profile");
    let index =
        rendered(&format!("http://127.0.0.1:{port}/"), &screenshots.join("index.png"), profile.path());
    // Each page in a Chromium of its own (a profile directory each), as many at once as
    // there are cores.
    let failures: Vec<String> = crate::parallel::map(&pages, |page| {
        let relative = cloudspec::paths::localized_document(page.endpoint, page.locale);
        let document = read_yaml(&workspace.path(relative));
        let url = format!("http://127.0.0.1:{port}/{}", page.path);
        let shot = screenshots.join(page.path.replace('/', "__").replace(".html", ".png"));
        let profile = tempfile::tempdir().expect("temporary profile");
        let text = rendered(&url, &shot, profile.path());
        let mut failures: Vec<String> = expectations(&document, page.endpoint)
            .into_iter()
            .filter(|expected| !text.contains(expected))
            .map(|expected| format!("{}: does not show {expected:?}", page.path))
            .collect();
        if !index.contains(&page.path) {
            failures.push(format!("index.html does not link {}", page.path));
        }
        failures
    })
    .concat();
    drop(server);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
