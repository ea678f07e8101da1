//! Where every file of an endpoint lives, relative to the workspace root, and what a path
//! under `spec/` is: the one owner of file names. The files of an endpoint are known by its
//! key (`<provider>/<service>/<OperationId>`) and the module that declares it, so that they
//! are known even when the endpoint fails to build.
//!
//! ```text
//! spec/<key>.yaml                         the OpenAPI 3.1 document (English)
//! spec/<key>.<locale>.yaml                the same in another locale
//! spec/<key>[.<locale>].openapi-3.0.yaml  the 3.0 rendition of either
//! spec/<key>.<TypeName>.schema.json       the JSON Schema of one body type
//! spec/<key>.sources.md                   where each stated fact of the document comes from
//! tests/fixtures/<key>/<status>.json      a documented example
//! tests/fixtures/<key>/invalid/<status>/<case>.json, .../valid/<status>/<case>.json
//! tests/requests/<key>.json               the documented request
//! <module>.<locale>.overlay.yaml          a locale's overlay, beside the endpoint's module
//! <module>.conform.yaml                   the accepted differences from the vendor's contract
//! <site>/<key>.<locale>.html              the endpoint's page of the reference site
//! <site>/<key>.samples/<file>             a request sample, as the page shows it
//! <site>/<key>.samples.json               the samples' index: the server they call, their files
//! <site>/<key>.changes.<locale>.html      what changed in the endpoint's document, from git
//! <site>/<key>.changes.atom               the same, as an Atom feed
//! <site>/spec/...                         every file of spec/, published at its own path
//! ```

use std::path::Path;

use cloudspec_endpoint::Endpoint;

use crate::relpath::RelPath;
use crate::workspace;

/// The directory of generated documents.
pub const SPEC_DIR: &str = "spec";
/// The directory of response fixtures.
pub const FIXTURES_DIR: &str = "tests/fixtures";
/// The vendors' contracts `conform` holds the documents to.
pub(crate) const CONTRACTS_DIR: &str = "contracts";
/// The directory of documented requests.
pub(crate) const REQUESTS_DIR: &str = "tests/requests";

/// The locale of the doc comments, and so of the documents without a locale in their name.
pub const SOURCE_LOCALE: &str = "en";

/// What the 3.0 rendition of a document is named after it: `X.yaml` -> `X.openapi-3.0.yaml`.
const OPENAPI_3_0_SUFFIX: &str = ".openapi-3.0.yaml";
const JSON_SCHEMA_SUFFIX: &str = ".schema.json";
const SOURCES_SUFFIX: &str = ".sources.md";

/// `spec/<key>.yaml`: the English OpenAPI 3.1 document, the contract.
pub fn document(endpoint: &Endpoint) -> RelPath {
    spec_file(endpoint, ".yaml")
}

/// The OpenAPI 3.1 document in `locale`: [`document`] for [`SOURCE_LOCALE`], else
/// `spec/<key>.<locale>.yaml`.
pub fn localized_document(endpoint: &Endpoint, locale: &str) -> RelPath {
    if locale == SOURCE_LOCALE { document(endpoint) } else { spec_file(endpoint, &format!(".{locale}.yaml")) }
}

/// The OpenAPI 3.0.3 rendition of the document in `locale`: `spec/<key>[.<locale>].openapi-3.0.yaml`.
pub fn rendition_3_0(endpoint: &Endpoint, locale: &str) -> RelPath {
    let infix = if locale == SOURCE_LOCALE { String::new() } else { format!(".{locale}") };
    spec_file(endpoint, &format!("{infix}{OPENAPI_3_0_SUFFIX}"))
}

/// `spec/<key>.<TypeName>.schema.json`: the standalone JSON Schema of one body type.
pub fn json_schema(endpoint: &Endpoint, type_name: &str) -> RelPath {
    spec_file(endpoint, &format!(".{type_name}{JSON_SCHEMA_SUFFIX}"))
}

/// `spec/<key>.sources.md`: every stated fact of the English document and its citations,
/// for reviewers.
pub fn sources(endpoint: &Endpoint) -> RelPath {
    spec_file(endpoint, SOURCES_SUFFIX)
}

fn spec_file(endpoint: &Endpoint, suffix: &str) -> RelPath {
    RelPath::new(Path::new(SPEC_DIR).join(format!("{}{suffix}", endpoint.key())))
}

/// `tests/fixtures/<key>`: the documented examples, `<status>.json`, directly in it.
pub fn fixture_dir(endpoint: &Endpoint) -> RelPath {
    RelPath::new(Path::new(FIXTURES_DIR).join(endpoint.key()))
}

/// `tests/fixtures/<key>/<status>.json`: the documented example of `status`.
pub fn documented_fixture(endpoint: &Endpoint, status: &str) -> RelPath {
    fixture_dir(endpoint).join(format!("{status}.json"))
}

/// The status a documented example is named after: `200` for `.../200.json`; `None` for
/// any other name.
pub(crate) fn documented_status(path: &Path) -> Option<&str> {
    let stem = path.file_name()?.to_str()?.strip_suffix(".json")?;
    is_status(stem).then_some(stem)
}

/// Three digits: what names a response.
fn is_status(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// `<key>.<locale>.html`, relative to the root of the reference site (`/`-separated): the
/// endpoint's page in `locale`.
pub(crate) fn site_page(endpoint: &Endpoint, locale: &str) -> String {
    format!("{}.{locale}.html", endpoint.key())
}

/// `<key>.samples/`, relative to the root of the reference site: the endpoint's request
/// samples, one file each, and `<key>.samples.json` beside it, their index.
pub(crate) fn site_samples(endpoint: &Endpoint) -> String {
    format!("{}.samples", endpoint.key())
}

/// `<key>.changes.<locale>.html`, relative to the root of the reference site: what changed in
/// the endpoint's document, commit by commit.
pub(crate) fn site_changes(endpoint: &Endpoint, locale: &str) -> String {
    format!("{}.changes.{locale}.html", endpoint.key())
}

/// `<key>.changes.atom`, relative to the root of the reference site: the Atom feed of
/// [`site_changes`].
pub(crate) fn site_feed(endpoint: &Endpoint) -> String {
    format!("{}.changes.atom", endpoint.key())
}

/// `tests/requests/<key>.json`: the documented request that `scripts/wire` sends.
pub fn request(endpoint: &Endpoint) -> RelPath {
    RelPath::new(Path::new(REQUESTS_DIR).join(format!("{}.json", endpoint.key())))
}

/// `<module>.<locale>.overlay.yaml`, beside the module that declares the endpoint.
pub fn overlay(endpoint: &Endpoint, locale: &str) -> RelPath {
    beside_module(endpoint, &format!(".{locale}.overlay.yaml"))
}

/// `<module>.conform.yaml`, beside the module that declares the endpoint.
pub fn conform_file(endpoint: &Endpoint) -> RelPath {
    beside_module(endpoint, ".conform.yaml")
}

fn beside_module(endpoint: &Endpoint, suffix: &str) -> RelPath {
    let stem = endpoint.source_file.strip_suffix(".rs").unwrap_or(endpoint.source_file);
    RelPath::new(format!("{stem}{suffix}"))
}

/// Whether the file `path` names is held to OpenAPI 3.0 as a rendition is (`*.openapi-3.0.yaml`).
pub fn is_rendition_3_0(path: &Path) -> bool {
    path.file_name().and_then(|name| name.to_str()).is_some_and(|name| name.ends_with(OPENAPI_3_0_SUFFIX))
}

/// Whether `path` is named as one of `endpoint`'s files under `spec/`.
pub fn owns(endpoint: &Endpoint, path: &Path) -> bool {
    workspace::display(path).starts_with(&format!("{SPEC_DIR}/{}.", endpoint.key()))
}

/// What a file under `spec/` is, read from its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SpecFile {
    /// `<OperationId>.yaml` or `<OperationId>.<locale>.yaml`: an OpenAPI 3.1 document.
    Document { operation_id: String, locale: String },
    /// `<OperationId>[.<locale>].openapi-3.0.yaml`: a 3.0 rendition.
    Rendition3_0 { operation_id: String, locale: String },
    /// `<OperationId>.<TypeName>.schema.json`.
    JsonSchema { operation_id: String, type_name: String },
    /// `<OperationId>.sources.md`.
    Sources { operation_id: String },
}

impl SpecFile {
    /// What the file named by `path`'s last component is; `None` for a name no endpoint
    /// generates.
    pub(crate) fn parse(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        let owned = |text: &str| text.to_owned();
        if let Some(stem) = name.strip_suffix(JSON_SCHEMA_SUFFIX) {
            let (operation_id, type_name) = stem.split_once('.')?;
            return (is_name(operation_id) && is_name(type_name)).then(|| Self::JsonSchema {
                operation_id: owned(operation_id),
                type_name: owned(type_name),
            });
        }
        if let Some(operation_id) = name.strip_suffix(SOURCES_SUFFIX) {
            return is_name(operation_id).then(|| Self::Sources { operation_id: owned(operation_id) });
        }
        if let Some(stem) = name.strip_suffix(OPENAPI_3_0_SUFFIX) {
            let (operation_id, locale) = split_locale(stem)?;
            return Some(Self::Rendition3_0 { operation_id, locale });
        }
        let (operation_id, locale) = split_locale(name.strip_suffix(".yaml")?)?;
        Some(Self::Document { operation_id, locale })
    }

    /// Whether this is the English OpenAPI 3.1 document: the contract the others derive from.
    pub(crate) fn is_contract(&self) -> bool {
        matches!(self, Self::Document { locale, .. } if locale == SOURCE_LOCALE)
    }
}

/// `<OperationId>` or `<OperationId>.<locale>`.
fn split_locale(stem: &str) -> Option<(String, String)> {
    let (operation_id, locale) = stem.split_once('.').unwrap_or((stem, SOURCE_LOCALE));
    (is_name(operation_id) && is_language_tag(locale)).then(|| (operation_id.to_owned(), locale.to_owned()))
}

/// An operationId or a type name: not empty, and nothing that separates parts of a name.
fn is_name(text: &str) -> bool {
    !text.is_empty() && !text.contains(['.', '/', '\\'])
}

/// A BCP 47-like tag: letters, then subtags of letters and digits after hyphens. Anything
/// else (a path, a dot) is refused before it reaches a file name.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|byte| byte.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_alphanumeric())
        })
}

/// The kinds of response fixture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixture {
    /// `<status>.json`: the page's example, embedded in the document.
    Documented,
    /// `invalid/<status>/<case>.json`: a body every schema must reject.
    Invalid,
    /// `valid/<status>/<case>.json`: a body the API may send that no page shows.
    Valid,
}

/// A fixture file, read back from its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixtureFile {
    /// `<provider>/<service>/<OperationId>`.
    pub key: String,
    pub status: String,
    pub kind: Fixture,
}

impl FixtureFile {
    /// What the fixture at `path` (relative to the workspace root, `/` or the platform's
    /// separator) is; `None` when it is not where a fixture belongs.
    pub fn parse(path: &Path) -> Option<Self> {
        let shown = workspace::display(path);
        let below = shown.strip_prefix(FIXTURES_DIR)?.strip_prefix('/')?;
        let parts: Vec<&str> = below.split('/').collect();
        let (key, kind, status) = match parts.as_slice() {
            [provider, service, operation, file] => {
                ([provider, service, operation], Fixture::Documented, file.strip_suffix(".json")?)
            }
            [provider, service, operation, kind, status, case]
                if Path::new(case).extension().is_some_and(|ext| ext == "json") =>
            {
                let kind = match *kind {
                    "invalid" => Fixture::Invalid,
                    "valid" => Fixture::Valid,
                    _ => return None,
                };
                ([provider, service, operation], kind, *status)
            }
            _ => return None,
        };
        is_status(status).then(|| Self {
            key: key.map(|part| *part).join("/"),
            status: status.to_owned(),
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str) -> Option<SpecFile> {
        SpecFile::parse(Path::new(name))
    }

    #[test]
    fn every_name_under_spec_reads_back() {
        let document = |locale: &str| SpecFile::Document {
            operation_id: "ListPhoneImages".into(),
            locale: locale.into(),
        };
        let rendition = |locale: &str| SpecFile::Rendition3_0 {
            operation_id: "ListPhoneImages".into(),
            locale: locale.into(),
        };
        assert_eq!(spec("spec/huaweicloud/cph/ListPhoneImages.yaml"), Some(document("en")));
        assert_eq!(spec("ListPhoneImages.zh-CN.yaml"), Some(document("zh-CN")));
        assert_eq!(spec("ListPhoneImages.openapi-3.0.yaml"), Some(rendition("en")));
        assert_eq!(spec("ListPhoneImages.zh-CN.openapi-3.0.yaml"), Some(rendition("zh-CN")));
        assert_eq!(
            spec("ListPhoneImages.CphError.schema.json"),
            Some(SpecFile::JsonSchema {
                operation_id: "ListPhoneImages".into(),
                type_name: "CphError".into()
            })
        );
        for foreign in [
            ".yaml",
            "ListPhoneImages.schema.json",
            "a.b.c.yaml",
            "notes.txt",
            "X.zh_CN.yaml",
            "X.yml",
            "x/.yaml",
        ] {
            assert_eq!(spec(foreign), None, "{foreign}");
        }
        assert!(spec("ListPhoneImages.yaml").is_some_and(|file| file.is_contract()));
        assert!(!spec("ListPhoneImages.zh-CN.yaml").is_some_and(|file| file.is_contract()));
        assert!(!spec("ListPhoneImages.openapi-3.0.yaml").is_some_and(|file| file.is_contract()));
    }

    #[test]
    fn fixture_paths_read_back() {
        let fixture = |path: &str| FixtureFile::parse(Path::new(path));
        let file = |status: &str, kind| {
            Some(FixtureFile { key: "huaweicloud/cph/ListPhoneImages".into(), status: status.into(), kind })
        };
        assert_eq!(
            fixture("tests/fixtures/huaweicloud/cph/ListPhoneImages/200.json"),
            file("200", Fixture::Documented)
        );
        assert_eq!(
            fixture("tests/fixtures/huaweicloud/cph/ListPhoneImages/invalid/400/no-code.json"),
            file("400", Fixture::Invalid)
        );
        assert_eq!(
            fixture("tests/fixtures/huaweicloud/cph/ListPhoneImages/valid/200/new-label.json"),
            file("200", Fixture::Valid)
        );
        for elsewhere in [
            "tests/fixtures/README.md",
            "tests/fixtures/huaweicloud/cph/ListPhoneImages/ok.json",
            "tests/fixtures/huaweicloud/cph/ListPhoneImages/other/200/x.json",
            "spec/huaweicloud/cph/ListPhoneImages.yaml",
        ] {
            assert_eq!(fixture(elsewhere), None, "{elsewhere}");
        }
    }

    #[test]
    fn language_tags_are_checked_before_they_name_a_file() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("zh-CN"));
        assert!(!is_language_tag("../x"));
        assert!(!is_language_tag("en.yaml"));
        assert!(!is_language_tag(""));
    }
}
