//! Every endpoint has the `invalid/` and `valid/` fixtures its response schemas ask for: one
//! that breaks each closed enum, limit, `required` entry, `type` and `oneOf`, and one that
//! uses each open enum's openness and each `null` (`cloudspec_tests::coverage` derives them and
//! says what covers what).
//!
//! A requirement nothing covers is reported with its endpoint, its place in the document and
//! its kind. Outside CI the test then derives the fixtures that cover it from the endpoint's
//! documented bodies, writes them, and fails until they are reviewed and committed (as
//! `readme::ensure_section` rewrites a table): `rejected` and `accepted` then hold each new
//! fixture to every schema and the Rust type, with a snapshot of what they report.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use cloudspec::paths::{self, Fixture, FixtureFile};
use cloudspec_tests::coverage::{self, Coverage, Kind};

#[test]
fn every_requirement_of_the_schemas_has_its_fixture() {
    let workspace = cloudspec_tests::workspace();
    let mut problems = Vec::new();
    let mut written = Vec::new();
    for endpoint in cloudspec_catalog::ENDPOINTS {
        let key = endpoint.key();
        let document = cloudspec_tests::document(endpoint);
        let requirements = match coverage::requirements(&document, endpoint.operation_id) {
            Ok(requirements) => requirements,
            Err(unknown) => {
                problems.extend(unknown.into_iter().map(|place| format!("{key}: {place}")));
                continue;
            }
        };
        let mut coverage = Coverage::new(document.clone(), &requirements);
        let mut documented = BTreeMap::new();
        let dir = workspace.path(paths::fixture_dir(endpoint));
        for path in fixture_files(&dir) {
            let relative = path.strip_prefix(workspace.root()).unwrap_or(&path);
            let shown = cloudspec::workspace::display(relative);
            let Some(FixtureFile { status, kind, .. }) = FixtureFile::parse(relative) else { continue };
            let body = cloudspec_schema::json::read(&path).unwrap_or_else(|error| panic!("{error}"));
            let root =
                match cloudspec_schema::validate::response_pointer(&document, endpoint.operation_id, &status)
                {
                    Ok(root) => root,
                    Err(error) => {
                        problems.push(format!("{shown}: {error}"));
                        continue;
                    }
                };
            let kind = match kind {
                Fixture::Invalid => Kind::Invalid,
                Fixture::Documented => {
                    documented.insert(status, body.clone());
                    Kind::Valid
                }
                Fixture::Valid => Kind::Valid,
            };
            coverage.record(kind, &root, &body, &requirements);
        }
        let missing = coverage.missing(&requirements);
        if missing.is_empty() {
            continue;
        }
        problems.extend(missing.iter().map(|requirement| format!("{key}: {requirement}")));
        let (derived, underived) =
            coverage::derive_missing(&mut coverage, &requirements, &missing, &documented);
        problems.extend(underived.iter().map(|requirement| {
            format!(
                "{key}: {requirement}: no change of a body of the status covers it; write the fixture by hand"
            )
        }));
        if is_ci() {
            continue;
        }
        for fixture in derived {
            let folder = dir.join(fixture.kind.folder()).join(&fixture.status);
            let path = free_name(&folder, fixture.group);
            let text = serde_json::to_string_pretty(&fixture.body).expect("a JSON value serializes") + "\n";
            std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, text)).unwrap_or_else(
                |error| {
                    panic!("{}: cannot write: {error}", path.display());
                },
            );
            let relative = path.strip_prefix(workspace.root()).unwrap_or(&path).to_owned();
            written.push(format!(
                "{} ({} places)",
                cloudspec::workspace::display(&relative),
                fixture.covers.len()
            ));
        }
    }
    let fix = if is_ci() {
        "run the tests without CI set: they derive the missing fixtures from the documented bodies".to_owned()
    } else if written.is_empty() {
        String::new()
    } else {
        format!(
            "Derived from the documented bodies and written:\n{}\nreview them, accept their snapshots \
             (`INSTA_UPDATE=always cargo test -p cloudspec-tests`), and commit them",
            written.join("\n")
        )
    };
    assert!(problems.is_empty(), "nothing covers these requirements:\n{}\n{fix}", problems.join("\n"));
}

/// `<status>.json`, `invalid/<status>/*.json` and `valid/<status>/*.json` below `dir`, sorted.
fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let kinds = [Kind::Invalid, Kind::Valid].map(|kind| OsStr::new(kind.folder()));
    let placed = |path: &Path| {
        let parts: Vec<&OsStr> = path
            .strip_prefix(dir)
            .expect("below dir")
            .components()
            .map(std::path::Component::as_os_str)
            .collect();
        match parts.as_slice() {
            [_] => true,
            [kind, _, _] => kinds.contains(kind),
            _ => false,
        }
    };
    cloudspec_tests::files_below(dir, ".json").into_iter().filter(|path| placed(path)).collect()
}

/// `<folder>/<stem>.json`, or `<stem>-2.json`... if that exists.
fn free_name(folder: &Path, stem: &str) -> PathBuf {
    let mut path = folder.join(format!("{stem}.json"));
    for n in 2.. {
        if !path.exists() {
            break;
        }
        path = folder.join(format!("{stem}-{n}.json"));
    }
    path
}

fn is_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false")
}
