//! What the workspace-level tests share: the workspace, the documents built once per
//! run, and the way a fixture's path names its endpoint and status.

#[path = "support/coverage/mod.rs"]
pub mod coverage;
#[path = "support/session.rs"]
pub mod session;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use cloudspec::Workspace;

use cloudspec_endpoint::Endpoint;
use serde_json::Value;

/// The checkout these tests run in.
pub fn workspace() -> Workspace {
    Workspace::new(Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the workspace root"))
}

/// Every file below `dir` whose name ends with `suffix`, as `dir/...`, sorted: the pipeline's
/// one walker ([`cloudspec::walk`]), with a failure that names the directory it could not list.
pub fn files_below(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let found = cloudspec::walk::files(Path::new(""), dir).unwrap_or_else(|error| panic!("{error}"));
    found.into_iter().filter(|path| path.to_string_lossy().ends_with(suffix)).collect()
}

/// Every Rust file of the workspace's own code (`crates/`, `xtask/`, `tests/`), build output
/// left out, sorted. Case folders are walked too: derive's case files are Rust written by hand
/// like any other, only no crate's module tree (and so no rustfmt run) reaches them.
pub fn rust_files(root: &Workspace) -> Vec<PathBuf> {
    let built = |path: &Path| {
        path.components()
            .any(|part| [OsStr::new("target"), OsStr::new("node_modules")].contains(&part.as_os_str()))
    };
    let dirs = ["crates", "xtask", "tests"].map(|dir| root.path(dir));
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| {
            let below = files_below(dir, ".rs");
            below
                .into_iter()
                .filter(move |path| !built(path.strip_prefix(dir).expect("a file below its directory")))
        })
        .collect();
    files.sort();
    files
}

/// The size of the inputs the benches generate: `CLOUDSPEC_BENCH_MB` megabytes, 50 by default.
pub fn bench_megabytes() -> usize {
    std::env::var("CLOUDSPEC_BENCH_MB").ok().and_then(|mb| mb.parse().ok()).unwrap_or(50)
}

/// Image `index` of a generated ListPhoneImages answer, for the benches: a documented image
/// with an id and a name of its own (a third of the names Chinese, for multi-byte strings).
pub fn phone_image(index: usize) -> Value {
    static DOCUMENTED: LazyLock<Vec<Value>> = LazyLock::new(|| {
        let path = workspace().path("tests/fixtures/huaweicloud/cph/ListPhoneImages/200.json");
        let fixture = cloudspec_schema::json::read(&path).unwrap_or_else(|error| panic!("{error}"));
        fixture["phone_images"].as_array().expect("the example lists images").clone()
    });
    let mut image = DOCUMENTED[index % DOCUMENTED.len()].clone();
    image["image_id"] = Value::from(format!("{index:032x}"));
    image["image_name"] = Value::from(if index.is_multiple_of(3) {
        format!("云手机镜像{index}")
    } else {
        format!("AOSP image {index}")
    });
    image
}

/// The finished document of `endpoint`, built once per test binary.
pub fn document(endpoint: &'static Endpoint) -> Value {
    static BUILT: LazyLock<Mutex<HashMap<String, Value>>> = LazyLock::new(Mutex::default);
    let mut built = BUILT.lock().expect("no test panics while holding the lock");
    built
        .entry(endpoint.key())
        .or_insert_with(|| match cloudspec::document::build(&workspace(), endpoint) {
            Ok(document) => document.value,
            Err(error) => panic!("{}: {error}", endpoint.key()),
        })
        .clone()
}

/// A fixture file and what its place in `tests/fixtures/` says about it.
#[derive(Debug)]
pub struct FixtureCase {
    pub endpoint: &'static Endpoint,
    /// The response status the file is a body of.
    pub status: String,
    /// Relative to the workspace root, with `/` separators.
    pub path: String,
    pub value: Value,
}

/// Reads `tests/fixtures/<provider>/<service>/<OperationId>/[(in)valid/]<status>[/<case>].json`.
pub fn fixture_case(path: &Path) -> FixtureCase {
    let relative = path.strip_prefix(workspace().root()).unwrap_or(path);
    let shown = cloudspec::workspace::display(relative);
    let Some(cloudspec::paths::FixtureFile { key, status, .. }) =
        cloudspec::paths::FixtureFile::parse(relative)
    else {
        panic!("{shown}: not where a fixture belongs (tests/fixtures/<provider>/<service>/<OperationId>/...)")
    };
    let endpoint =
        cloudspec_catalog::find(&key).unwrap_or_else(|| panic!("{shown}: no endpoint {key} in the catalog"));
    let value = cloudspec_schema::json::read(path).unwrap_or_else(|error| panic!("{error}"));
    FixtureCase { endpoint, status, path: shown, value }
}

/// Every violation of `case.value` against the schema its document declares for it.
pub fn schema_violations(case: &FixtureCase) -> Vec<cloudspec_schema::validate::Violation> {
    let document = document(case.endpoint);
    cloudspec_schema::validate::BodySchema::of_response(&document, case.endpoint.operation_id, &case.status)
        .unwrap_or_else(|error| panic!("{}: {error}", case.path))
        .violations(&case.value)
}

/// Every violation of `case.value` against the schema the OpenAPI 3.0 rendition of its
/// document declares for it (draft 4, `nullable` read as admitting null).
pub fn schema_violations_3_0(case: &FixtureCase) -> Vec<cloudspec_schema::validate::Violation> {
    let rendition = cloudspec::downgrade::downgrade(&document(case.endpoint)).value;
    cloudspec::metaschema::response_schema_3_0(&rendition, case.endpoint.operation_id, &case.status)
        .unwrap_or_else(|error| panic!("{}: {error}", case.path))
        .violations(&case.value)
}

/// Every violation of `case.value` against the standalone JSON Schema of its body type.
pub fn standalone_violations(case: &FixtureCase) -> Vec<cloudspec_schema::validate::Violation> {
    cloudspec_schema::validate::BodySchema::standalone(&body(case).json_schema())
        .unwrap_or_else(|error| panic!("{}: {error}", case.path))
        .violations(&case.value)
}

/// Panics unless the generated document, its OpenAPI 3.0 rendition and the standalone JSON
/// Schema of its type all accept `case.value` as a body of its status.
pub fn assert_every_schema_accepts(case: &FixtureCase) {
    for (against, violations) in [
        ("the generated document", schema_violations(case)),
        ("the OpenAPI 3.0 rendition", schema_violations_3_0(case)),
        ("the standalone JSON Schema", standalone_violations(case)),
    ] {
        assert!(
            violations.is_empty(),
            "{}: does not validate against response {} of {against}:\n{}",
            case.path,
            case.status,
            violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

/// The Rust type documented for the fixture's status.
pub fn body(case: &FixtureCase) -> &'static cloudspec_endpoint::Body {
    case.endpoint.body(&case.status).unwrap_or_else(|| {
        panic!("{}: {} declares no body type for status {}", case.path, case.endpoint.key(), case.status)
    })
}

/// The root of the fixtures, for `insta::glob!`.
pub fn fixtures_dir() -> PathBuf {
    workspace().path(cloudspec::paths::FIXTURES_DIR)
}

/// Runs `assert` with a snapshot name made of the fixture's path below `tests/fixtures/`, so
/// that names stay the same as endpoints are added (`insta::glob!` would name them after the
/// matches' common prefix, which moves).
pub fn snapshot(case: &FixtureCase, assert: impl FnOnce()) {
    let name = case.path.strip_prefix("tests/fixtures/").unwrap_or(&case.path).trim_end_matches(".json");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_suffix(name.replace('/', "__"));
    settings.bind(assert);
}

/// The JSON value that starts at a one-based line and column (in bytes) of `text`, if one does.
pub fn value_at(text: &str, line: usize, column: usize) -> Option<Value> {
    let line_start: usize = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum();
    let rest = text.get(line_start + column.checked_sub(1)?..)?;
    serde_json::Deserializer::from_str(rest).into_iter().next()?.ok()
}
