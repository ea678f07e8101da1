//! The reference site in a real browser: every page of `cargo xtask docs` (each endpoint in
//! each language, and each index), served from a local server and opened in headless
//! Chromium at a phone's width (390 px) and a desktop's (1400 px) with the network off:
//!
//! - the page asks for nothing that is not local, and breaks no rule of its content
//!   security policy (each would be a request to the internet without it);
//! - it has a viewport, one `<main>`, and headings that never skip a level;
//! - an endpoint's page shows its operation's summary, the fields of its response and the
//!   documented example, in its own language; a zh-CN page shows none of the English Redoc
//!   writes (`site/redoc-english.txt`);
//! - an endpoint's page shows its four request samples (curl, Python, TypeScript, Rust);
//! - an endpoint's "What changed" lists every commit that changed its document, as `git log`
//!   tells it;
//! - an index links every page in its language, and its search finds each term of
//!   `site/search.txt` (a field, an error code, a Chinese word) on the site's pages.
//!
//! A screenshot of each page at each width lands in `target/site-screenshots/` for a person
//! to look at. Chromium is Debian's `chromium` package, which `.ci/run` installs. Where it is
//! missing the test says so and passes, except in CI, where it fails.

use std::fmt::Write as _;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cloudspec::Workspace;
use cloudspec::site::Kind;
use cloudspec_catalog::ENDPOINTS;
use serde_json::Value;

const CHROMIUM: &str = "/usr/bin/chromium";

/// The tabs of the request samples every reference page shows.
const SAMPLES: [&str; 4] = ["curl", "Python (httpx)", "TypeScript (openapi-fetch)", "Rust (progenitor)"];

/// The widths every page is opened at, with a window height.
const WIDTHS: [(u32, u32); 2] = [(390, 844), (1400, 1800)];

fn workspace() -> Workspace {
    Workspace::new(Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace root"))
}

fn read_yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// What a reader must see on a page: the operation's summary, the names of the 200 body's
/// fields, a string of the documented example, and the link to a deprecated operation's
/// replacement.
fn expectations(document: &Value, endpoint: &cloudspec_endpoint::Endpoint) -> Vec<String> {
    let operation =
        cloudspec_schema::openapi::find(document, endpoint.operation_id).expect("the operation").value;
    let mut expected = vec![operation["summary"].as_str().expect("a summary").to_owned()];
    let schema = &operation["responses"]["200"]["content"]["application/json"]["schema"];
    let name = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()).expect("a $ref to the body");
    let properties = document["components"]["schemas"][name]["properties"].as_object().expect("properties");
    expected.extend(properties.keys().cloned());
    let example =
        &operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"];
    let sample = first_long_string(example).expect("the example has a string");
    expected.push(sample);
    // A deprecated operation links what its vendor recommends in its place.
    if let Some(key) = endpoint.replaced_by {
        expected.push(format!("{key}</code></a>"));
    }
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

/// What one visit of a page saw.
struct Visit {
    /// The DOM after the page's scripts ran, without its scripts (which hold the document
    /// itself, and would make every check of the text pass).
    dom: String,
    /// Every failure of the visit itself: a request that is not local, a refusal by the
    /// content security policy.
    failures: Vec<String>,
}

/// Chromium with the network off (every host but the loopback fails to resolve) and its own
/// background traffic turned off as far as it goes; what remains of that is told apart from
/// the page's by its initiator (see [`foreign_requests`]).
fn chromium(profile: &Path, (width, height): (u32, u32)) -> Command {
    let mut command = Command::new(CHROMIUM);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-features=Translate,AutofillServerCommunication,OptimizationHints,MediaRouter",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--enable-logging=stderr",
            "--v=0",
            "--hide-scrollbars",
            "--virtual-time-budget=20000",
        ])
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.join("profile").display()))
        .arg(format!("--log-net-log={}", profile.join("net.json").display()));
    command
}

/// Opens `url` at `size` twice, once for its DOM and once for a screenshot into `screenshot`.
fn visit(url: &str, size: (u32, u32), screenshot: &Path) -> Visit {
    let mut failures = Vec::new();
    let mut dom = String::new();
    for shot in [false, true] {
        let profile = tempfile::tempdir().expect("temporary profile");
        let mut command = chromium(profile.path(), size);
        if shot {
            command.arg(format!("--screenshot={}", screenshot.display()));
        } else {
            command.arg("--dump-dom");
        }
        let output = command.arg(url).output().expect("run chromium");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "chromium failed on {url}: {stderr}");
        failures.extend(
            stderr
                .lines()
                .filter(|line| line.contains("Content Security Policy"))
                .map(|line| format!("{url} at {} px: {line}", size.0)),
        );
        failures.extend(
            foreign_requests(&profile.path().join("net.json"))
                .into_iter()
                .map(|request| format!("{url} at {} px: asked for {request}", size.0)),
        );
        if !shot {
            dom = strip_scripts(&String::from_utf8_lossy(&output.stdout));
        }
    }
    Visit { dom, failures }
}

/// The page's requests, from Chromium's net log, that go anywhere but the loopback. A
/// request is the page's when a document initiated it (its `initiator` is an origin) or it
/// loads a frame; Chromium's own (updates, sign-in, spelling) have neither.
fn foreign_requests(net_log: &Path) -> Vec<String> {
    let text =
        std::fs::read_to_string(net_log).unwrap_or_else(|error| panic!("{}: {error}", net_log.display()));
    // Chromium may stop before it closes the log's array and object.
    let log: Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .unwrap_or_else(|error| panic!("{}: not JSON: {error}", net_log.display()));
    let start_job =
        log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_u64().expect("the event type");
    let mut foreign: Vec<String> = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|event| event["type"].as_u64() == Some(start_job))
        .map(|event| &event["params"])
        .filter(|params| {
            params["initiator"].as_str() != Some("not an origin")
                || params["request_type"].as_str().is_some_and(|kind| kind.ends_with("frame"))
        })
        .filter_map(|params| params["url"].as_str())
        .filter(|url| !is_local(url))
        .map(str::to_owned)
        .collect();
    foreign.sort();
    foreign.dedup();
    foreign
}

fn is_local(url: &str) -> bool {
    ["http://127.0.0.1:", "data:", "blob:"].iter().any(|prefix| url.starts_with(prefix))
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

/// The text of the DOM's text runs (what lies between two tags, so `path` and ` Parameters`
/// written as two text nodes are one run), trimmed, but for the document's inline code, and
/// each `placeholder`.
fn texts(dom: &str) -> Vec<String> {
    let mut texts: Vec<String> = dom
        .split('<')
        .filter_map(|part| part.split_once('>'))
        // The document's own code (`<code>default</code>`) is its words, not Redoc's.
        .filter(|(tag, _)| tag.split_whitespace().next() != Some("code"))
        .map(|(_, text)| text.trim().to_owned())
        .collect();
    texts.extend(
        dom.split("placeholder=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_owned),
    );
    texts.retain(|text| !text.is_empty());
    texts
}

/// The lines of `tests/site/<name>`, without comments and blank lines.
fn lines_of(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/site").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// What the search on the index at `url` finds for `term`: none when no result shows it.
fn search_failures(url: &str, term: &str, screenshot: &Path) -> Vec<String> {
    let query = term.bytes().fold(String::new(), |mut query, byte| {
        let _ = write!(query, "%{byte:02X}");
        query
    });
    let Visit { dom, mut failures } = visit(&format!("{url}?q={query}"), WIDTHS[1], screenshot);
    let shown = dom
        .split("<li class=\"result\"")
        .skip(1)
        .filter_map(|item| item.split("</li>").next())
        .any(|item| item.to_lowercase().contains(&term.to_lowercase()) && item.contains(".html\""));
    if !shown {
        failures.push(format!("{url}: searching {term:?} shows no result that holds it"));
    }
    failures
}

/// Every commit that changed the endpoint's document, as git tells it.
fn history(workspace: &Workspace, endpoint: &cloudspec_endpoint::Endpoint) -> Vec<String> {
    let document = cloudspec::paths::document(endpoint);
    let output = Command::new("git")
        .arg("-C")
        .arg(workspace.root())
        .args(["log", "--format=%H", "--"])
        .arg(&document)
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git log {}: {}",
        document.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let commits: Vec<String> = String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect();
    assert!(!commits.is_empty(), "git log {}: no commit changed it", document.display());
    commits
}

/// How the page is built: a viewport, one `<main>`, headings that never skip a level (a
/// heading's level is its `aria-level` where it has one).
fn structure(page: &str, dom: &str) -> Vec<String> {
    let mut failures = Vec::new();
    if !dom.contains("<meta name=\"viewport\" content=\"width=device-width") {
        failures.push(format!("{page}: no viewport"));
    }
    if dom.matches("<main").count() != 1 {
        failures.push(format!("{page}: not exactly one <main>"));
    }
    let mut previous = 0;
    for tag in dom.split('<').skip(1) {
        let Some(level) =
            tag.strip_prefix('h').and_then(|rest| rest.chars().next()).and_then(|c| c.to_digit(10))
        else {
            continue;
        };
        if !tag[2..].starts_with([' ', '>']) {
            continue;
        }
        let head = tag.split('>').next().unwrap_or_default();
        let level = head
            .split("aria-level=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|level| level.parse().ok())
            .unwrap_or(level);
        if level > previous + 1 {
            failures.push(format!("{page}: a heading of level {level} follows one of level {previous}"));
        }
        previous = level;
    }
    failures
}

/// Without JavaScript, each endpoint's page already shows what the browser test expects of it:
/// the summary, the response's fields, the documented example and the samples.
#[test]
fn every_page_has_its_content_without_javascript() {
    let workspace = workspace();
    cloudspec::site::install_renderer(&workspace).unwrap_or_else(|error| panic!("{error}"));
    let site = tempfile::tempdir().expect("temporary directory");
    let options = cloudspec::site::Options { base_url: "http://127.0.0.1/" };
    let pages = cloudspec::site::build(&workspace, ENDPOINTS, &options, site.path())
        .unwrap_or_else(|error| panic!("{error}"));
    let mut failures = Vec::new();
    for page in pages.iter().filter(|page| page.kind == Kind::Reference) {
        let endpoint = page.endpoint.expect("a reference has its endpoint");
        let html = std::fs::read_to_string(site.path().join(&page.path)).expect("read the page");
        let html = strip_scripts(&html);
        let document =
            read_yaml(&workspace.path(cloudspec::paths::localized_document(endpoint, page.locale)));
        failures.extend(
            expectations(&document, endpoint)
                .into_iter()
                .chain(SAMPLES.iter().map(|label| (*label).to_owned()))
                .map(|expected| expected.replace('"', "&quot;"))
                .filter(|expected| !html.contains(expected.as_str()))
                .map(|expected| format!("{}: without JavaScript, does not show {expected:?}", page.path)),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let base_url = format!("http://127.0.0.1:{port}/");
    let site = tempfile::tempdir().expect("temporary directory");
    let options = cloudspec::site::Options { base_url: &base_url };
    let pages = cloudspec::site::build(&workspace, ENDPOINTS, &options, site.path())
        .unwrap_or_else(|error| panic!("{error}"));
    let references = pages.iter().filter(|page| page.kind == Kind::Reference).count();
    assert_eq!(references, ENDPOINTS.iter().map(|e| e.locales().len()).sum::<usize>());

    let root = site.path().to_owned();
    let deadline = Instant::now() + Duration::from_secs(600);
    let server = std::thread::spawn(move || cloudspec::site::serve(&root, listener, Some(deadline)));

    let screenshots = workspace.path("target/site-screenshots");
    std::fs::create_dir_all(&screenshots).expect("create the screenshot directory");
    let english = lines_of("redoc-english.txt");
    let terms = lines_of("search.txt");
    let visits: Vec<_> = pages.iter().flat_map(|page| WIDTHS.map(|size| (page, size))).collect();
    // Each visit in a Chromium of its own (a profile directory each), as many at once as
    // there are cores.
    let failures: Vec<String> = crate::parallel::map(&visits, |&(page, size)| {
        let url = format!("{base_url}{}", page.path);
        let shot = screenshots.join(format!(
            "{}.{}.png",
            page.path.replace('/', "__").trim_end_matches(".html"),
            size.0
        ));
        let Visit { dom, mut failures } = visit(&url, size, &shot);
        let at = format!("{} at {} px", page.path, size.0);
        failures.extend(structure(&at, &dom));
        let text = texts(&dom);
        match (page.kind, page.endpoint) {
            (Kind::Reference, Some(endpoint)) => {
                let relative = cloudspec::paths::localized_document(endpoint, page.locale);
                let document = read_yaml(&workspace.path(relative));
                failures.extend(
                    expectations(&document, endpoint)
                        .into_iter()
                        .chain(SAMPLES.iter().map(|label| (*label).to_owned()))
                        .filter(|expected| !dom.contains(expected.as_str()))
                        .map(|expected| format!("{at}: does not show {expected:?}")),
                );
                if page.locale != "en" {
                    failures.extend(
                        text.iter()
                            .filter(|text| english.iter().any(|label| text.eq_ignore_ascii_case(label)))
                            .map(|text| format!("{at}: English left by Redoc: {text:?}")),
                    );
                }
            }
            (Kind::Changes, Some(endpoint)) => failures.extend(
                history(&workspace, endpoint)
                    .into_iter()
                    .filter(|commit| !dom.contains(&format!("id=\"{commit}\"")))
                    .map(|commit| format!("{at}: does not list commit {commit}, which changed the document")),
            ),
            _ => {
                failures.extend(
                    pages
                        .iter()
                        .filter(|other| {
                            other.kind == Kind::Reference && !dom.contains(&format!("{}\"", other.path))
                        })
                        .map(|other| format!("{at}: does not link {}", other.path)),
                );
                // The search, once per index (at one width).
                if size == WIDTHS[1] {
                    for (index, term) in terms.iter().enumerate() {
                        let name = format!("{}.search{index}.png", page.path.trim_end_matches(".html"));
                        failures.extend(search_failures(&url, term, &screenshots.join(name)));
                    }
                }
            }
        }
        failures
    })
    .concat();
    drop(server);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
