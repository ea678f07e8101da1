//! `conform`: each folder of `conform_cases/` is named after the rule it shows (or
//! `conforming`, which shows none) and holds a case per vendor format, `huawei/` (API
//! Explorer) or `aliyun/` (OpenAPI metadata), each a tiny `document.yaml` and `vendor.json`.
//! The entries that would accept the differences are held by a snapshot.

use std::path::Path;

use cloudspec::conform::place::Stated;
use cloudspec::conform::{self, ContractRef, Draft, Entry, Key, rules};
use cloudspec_findings::Format;
use cloudspec_findings::registry::{self, Expectations};
use cloudspec_schema::openapi;
use serde_json::Value;

use super::command;

/// The contract of a case folder: `huawei` or `aliyun`, perhaps with a suffix that names
/// what the case shows (`huawei-open`).
fn contract(format: &str) -> ContractRef {
    match format.split('-').next().unwrap_or(format) {
        "huawei" => ContractRef::HuaweiApiExplorer { product: "ITEMS".into(), operation: "ListItems".into() },
        "aliyun" => {
            ContractRef::AliyunOpenapiMetadata { product: "items".into(), version: "2020-01-01".into() }
        }
        other => panic!("unknown format folder {other}: huawei or aliyun"),
    }
}

fn read(case: &Path) -> (Value, Value) {
    let document = std::fs::read_to_string(case.join("document.yaml")).expect("document.yaml");
    let document: Value = yaml_serde::from_str(&document).expect("document.yaml is YAML");
    let vendor = std::fs::read_to_string(case.join("vendor.json")).expect("vendor.json");
    (document, serde_json::from_str(&vendor).expect("vendor.json is JSON"))
}

fn folders(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> =
        std::fs::read_dir(dir).expect("a folder").map(|entry| entry.expect("entry").path()).collect();
    found.sort();
    found
}

fn name(path: &Path) -> &str {
    path.file_name().and_then(|name| name.to_str()).expect("a UTF-8 name")
}

#[test]
fn every_case_shows_its_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conform_cases");
    for folder in folders(&root) {
        let rule = name(&folder).to_owned();
        for case in folders(&folder) {
            let format = name(&case).to_owned();
            let (document, vendor) = read(&case);
            let operation_id = openapi::operations(&document)
                .first()
                .and_then(openapi::Operation::id)
                .expect("the case's document has an operation")
                .to_owned();
            let differences = conform::compare_files(&document, &operation_id, &contract(&format), &vendor)
                .unwrap_or_else(|error| panic!("{rule}/{format}: {error:?}"));
            let rules: Vec<&str> = differences.iter().map(|difference| difference.rule.id).collect();
            let rules: Vec<String> = rules.into_iter().map(str::to_owned).collect();
            if rule == "conforming" {
                assert!(differences.is_empty(), "{rule}/{format}: expected no difference, found {rules:?}");
            } else {
                assert!(
                    rules.contains(&rule),
                    "{rule}/{format}: the case does not show its rule; found {rules:?}"
                );
            }
            // A case's `accepted.yaml` is a conform file: each difference it accepts shows the
            // line of the entry that does, in place of the entry that would.
            let accepted = std::fs::read_to_string(case.join("accepted.yaml")).ok().map(|text| {
                conform::accepted::parse(Path::new("accepted.yaml"), &text).expect("accepted.yaml").accepted
            });
            let (judged, _) = conform::judge(differences, &accepted.unwrap_or_default());
            let entries: Vec<String> = judged
                .iter()
                .map(|judged| match &judged.accepted {
                    Some(entry) => format!(
                        "# {} accepted by the entry on line {}",
                        judged.difference.vendor.at, entry.line
                    ),
                    None => Draft::of(&judged.difference, "...").yaml(),
                })
                .collect();
            let report = format!("{}\n", entries.join("\n"));
            let suffix = format!("{rule}-{format}");
            insta::with_settings!({ snapshot_suffix => suffix, omit_expression => true }, {
                insta::assert_snapshot!("case", report);
            });
        }
    }
}

/// A document whose RPC action the metadata does not have, and a definition with two
/// operations, are errors that name the place; a document without the operation, too.
#[test]
fn what_cannot_be_compared_is_an_error_naming_the_place() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conform_cases/conforming");
    let (document, mut vendor) = read(&root.join("aliyun"));
    vendor["apis"] = serde_json::json!({"ListThings": {}});
    let error = conform::compare_files(&document, "ItemsListItems", &contract("aliyun"), &vendor)
        .expect_err("no API");
    assert_eq!(error, conform::Side::Vendor("/apis: has no API \"ListItems\"; it has 1".into()));
    let error =
        conform::compare_files(&document, "Nothing", &contract("aliyun"), &vendor).expect_err("no operation");
    assert_eq!(error, conform::Side::Document("has no operation \"Nothing\"".into()));
    let (document, mut vendor) = read(&root.join("huawei"));
    vendor["paths"]["/v1/other"] = serde_json::json!({"get": {}});
    let error = conform::compare_files(&document, "ListItems", &contract("huawei"), &vendor)
        .expect_err("two operations");
    assert_eq!(error, conform::Side::Vendor("/paths: expected exactly one operation, found 2".into()));
}

/// The rules hold to what every registry holds to: unique kebab-case ids, a summary, what
/// each breaks, a case folder each (`conforming` shows none) and no case without its rule.
#[test]
fn the_registry_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conform_cases");
    let cases: Vec<String> = folders(&root)
        .iter()
        .map(|folder| name(folder).to_owned())
        .filter(|name| name != "conforming")
        .collect();
    let problems =
        registry::problems(&rules::all(), &Expectations { cases: &cases, ..Expectations::default() });
    assert!(problems.is_empty(), "the rules of conform:\n{}", problems.join("\n"));
}

/// The reviewers' guide's table of rules is the one the rules generate.
#[test]
fn reviewers_guide_lists_every_conform_rule() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/reviewers.md");
    let table = rules::markdown_table();
    if let Err(message) = cloudspec::readme::ensure_section(&guide, "conform-rules", &table) {
        panic!("{message}");
    }
}

/// `--refresh` stores Huawei's definition in the mirror's form, refuses an answer that is
/// not a contract, and names the URL it could not download (from a closed loopback port:
/// no test reaches the network).
#[test]
fn refresh_normalises_and_names_what_failed() {
    let huawei = contract("huawei");
    let stored = huawei
        .normalise(br#"{"paths": {}, "b": [1, {"z": 1, "a": "\u00e9"}], "a": null}"#)
        .expect("a definition");
    assert_eq!(String::from_utf8(stored).expect("UTF-8"), r#"{"a":null,"b":[1,{"a":"é","z":1}],"paths":{}}"#);
    let refused = huawei
        .normalise(br#"{"error_code": "APIG.0308", "error_msg": "throttled"}"#)
        .expect_err("an error body");
    assert_eq!(refused, "API Explorer answered with an error: \"APIG.0308\" \"throttled\"");
    let aliyun = contract("aliyun");
    let verbatim = b"{\"info\":{\"style\":\"RPC\"},\n \"apis\":{}}";
    assert_eq!(aliyun.normalise(verbatim).expect("metadata"), verbatim);
    assert!(aliyun.normalise(b"<html>").is_err());
    assert_eq!(
        huawei.url().as_deref(),
        Some(
            "https://console.huaweicloud.com/apiexplorer/new/v4/apis/detail?product_short=ITEMS&\
            name=ListItems&region_id=cn-north-4"
        )
    );
    assert_eq!(
        aliyun.url().as_deref(),
        Some("https://api.aliyun.com/meta/v1/products/items/versions/2020-01-01/api-docs.json")
    );
    let error = conform::refresh::download("http://127.0.0.1:9/contract.json")
        .expect_err("nothing listens on port 9");
    let error = error.to_string();
    assert!(error.starts_with("cannot download http://127.0.0.1:9/contract.json: "), "{error}");
    let dir = tempfile::tempdir().expect("temporary directory");
    let workspace = cloudspec::Workspace::new(dir.path());
    let refreshed = conform::refresh::refresh_one(&workspace, &huawei, |url| {
        Err(conform::Error::Download { url: url.to_owned(), reason: "offline".to_owned() })
    })
    .expect("a file to refresh");
    let failure = refreshed.result.as_ref().map_err(ToString::to_string);
    assert_eq!(failure, Err(format!("cannot download {}: offline", refreshed.url)));
    assert!(!dir.path().join("contracts").exists(), "a failed refresh writes nothing");
    let written = conform::refresh::refresh_one(&workspace, &huawei, |_| Ok(br#"{"paths":{}}"#.to_vec()))
        .expect("a file");
    assert!(matches!(written.result, Ok(true)));
    let again = conform::refresh::refresh_one(&workspace, &huawei, |_| Ok(br#"{ "paths": {} }"#.to_vec()))
        .expect("a file");
    assert!(matches!(again.result, Ok(false)));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("contracts/huaweicloud/ITEMS/ListItems.json"))
            .expect("written"),
        r#"{"paths":{}}"#
    );
    let all = [refreshed, written, again];
    let text = command::rendered(Format::Text, |sink| conform::refresh::write(&all, sink));
    insta::assert_snapshot!("refresh", format!("{text}[exit {}]\n", conform::refresh::exit_code(&all)));
}

/// An entry that accepts no difference is stale: the report names its file and line, and
/// exits 1; the difference it was meant for is reported by its JSON pointers, with the entry
/// that would accept it, which names its stable places; in each of the five formats.
#[test]
fn a_stale_entry_fails_naming_its_line() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conform_cases/format-differs/huawei");
    let (document, vendor) = read(&case);
    let differences =
        conform::compare_files(&document, "ListItems", &contract("huawei"), &vendor).expect("compares");
    let mut key = Key::of(&differences[0]);
    key.vendor =
        Stated::parse(r#"operation/parameters[in=query,name=limit]/format = "int64""#).expect("a place");
    let written = cloudspec_findings::accepted::Written { key, reason: "the page is the contract".into() };
    let entry = Entry::new(written, "items.conform.yaml", 7).expect("a reason");
    let (judged, stale) = conform::judge(differences, &[entry]);
    let outcome = conform::Outcome {
        key: "example/items/ListItems".into(),
        conform_file: "items.conform.yaml".into(),
        result: Ok(conform::Held::Compared(conform::Comparison {
            document: "document.yaml".into(),
            contract: "vendor.json".into(),
            format: "huawei-api-explorer",
            url: String::new(),
            differences: judged,
            stale,
        })),
    };
    let outcomes = [outcome];
    let code = conform::report::exit_code(&outcomes);
    for format in Format::ALL {
        let text = command::rendered(format, |sink| conform::report::write(&outcomes, sink));
        insta::with_settings!({ snapshot_suffix => format.name(), omit_expression => true }, {
            insta::assert_snapshot!("stale", format!("{text}[exit {code}]\n"));
        });
    }
}
