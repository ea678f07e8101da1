//! The editorial rules of zh-CN documents: each folder of `editorial_cases/` breaks the rule
//! it is named after (`<rule>` or `<rule>--<variant>`; `clean` breaks none), and the report
//! is held by a snapshot. In a folder:
//!
//! - every `*.yaml` but those below is a zh-CN document, held to the glossary of the provider
//!   its first line names (`# provider: aliyun`; Huawei Cloud otherwise), from the workspace's
//!   `i18n/`; an OpenAPI 3.1 document's Chinese 3.0 rendition is held to the rules too;
//! - `*.overlay.yaml` are overlays: their `x-verbatim` passages are exempt in every document,
//!   and their marks are checked;
//! - the statuses of all its documents go by one name each;
//! - `english.yaml`, if present, is the English document the overlays translate, whose
//!   translations must agree across them.

use std::path::{Path, PathBuf};

use cloudspec::downgrade::{Language, downgrade_in};
use cloudspec::editorial::{self, Glossary, Subject, consistency, rules};
use cloudspec::overlay;
use cloudspec::workspace::Workspace;
use serde_json::Value;

use super::rule_cases;

fn read_yaml(path: &Path) -> (String, Value) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let value = yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    (text, value)
}

fn file_name(path: &Path) -> String {
    path.file_name().and_then(|name| name.to_str()).expect("UTF-8 name").to_owned()
}

/// Every finding on the case in `folder`, and how many documents it holds.
fn findings(workspace: &Workspace, folder: &Path) -> (Vec<cloudspec::lint::Finding>, usize) {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(folder).expect("case folder").map(|entry| entry.expect("entry").path()).collect();
    files.sort();
    let (overlays, rest): (Vec<_>, Vec<_>) =
        files.into_iter().partition(|file| file_name(file).ends_with(".overlay.yaml"));
    let overlays: Vec<(String, overlay::Overlay)> = overlays
        .iter()
        .map(|file| (file_name(file), overlay::read(file, file).unwrap_or_else(|error| panic!("{error}"))))
        .collect();
    let verbatim: Vec<&str> =
        overlays.iter().flat_map(|(_, overlay)| editorial::verbatim_passages(overlay)).collect();
    let mut found = Vec::new();
    let mut documents = 0;
    let mut named: Vec<(String, Value)> = Vec::new();
    for file in &rest {
        let name = file_name(file);
        let (text, document) = read_yaml(file);
        if name == "english.yaml" {
            let translations: Vec<consistency::Translation> = overlays
                .iter()
                .flat_map(|(shown, overlay)| editorial::translations_of(&document, overlay, shown))
                .collect();
            found.extend(consistency::findings(&translations));
            continue;
        }
        let provider =
            text.lines().next().and_then(|line| line.strip_prefix("# provider: ")).unwrap_or("huaweicloud");
        let glossary = Glossary::load(workspace, provider, "zh-CN").unwrap_or_else(|error| panic!("{error}"));
        let mut subjects = vec![(name.clone(), document)];
        if subjects[0]
            .1
            .get("openapi")
            .and_then(Value::as_str)
            .is_some_and(|version| version.starts_with("3.1"))
        {
            let rendition = downgrade_in(&subjects[0].1, Language::Chinese(glossary.spacing.style)).value;
            subjects.push((name.replace(".yaml", ".openapi-3.0.yaml"), rendition));
        }
        for (path, document) in &subjects {
            documents += 1;
            found.extend(editorial::lint(Subject {
                path,
                document,
                glossary: &glossary,
                verbatim: &verbatim,
            }));
        }
        named.push(subjects.swap_remove(0));
    }
    found.extend(editorial::status_names(named.iter().map(|(path, document)| (path.as_str(), document))));
    for (shown, overlay) in &overlays {
        found.extend(editorial::verbatim_findings(overlay, shown));
    }
    (found, documents)
}

#[test]
fn every_case_breaks_its_rule() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = Workspace::new(manifest.join("../.."));
    let root = manifest.join("tests/editorial_cases");
    for (name, case) in rule_cases::folders(&root) {
        let (findings, documents) = findings(&workspace, &case);
        let text = rule_cases::report(&name, documents, &findings);
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true }, {
            insta::assert_snapshot!("case", text);
        });
    }
}

/// The registry holds to what every registry does: ids, summaries, a case folder a rule.
#[test]
fn the_registry_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editorial_cases");
    rule_cases::registry(&rules::ALL, &root, &[]);
}

/// The publishers' guide shows every vendor's glossary and the rules, as the data and the code
/// have them.
#[test]
fn publishers_guide_shows_the_glossaries_and_the_rules() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = Workspace::new(manifest.join("../.."));
    let mut providers: Vec<String> = std::fs::read_dir(workspace.path("i18n/zh-CN"))
        .expect("i18n/zh-CN")
        .map(|entry| file_name(&entry.expect("entry").path()))
        .filter_map(|name| name.strip_suffix(".yaml").map(str::to_owned))
        .filter(|name| name != "common")
        .collect();
    providers.sort();
    let glossaries: Vec<Glossary> = providers
        .iter()
        .map(|provider| {
            Glossary::load(&workspace, provider, "zh-CN").unwrap_or_else(|error| panic!("{error}"))
        })
        .collect();
    let guide = workspace.path("docs/publishers.md");
    for (name, table) in
        [("zh-glossary", editorial::glossary::table(&glossaries)), ("zh-rules", rules::table())]
    {
        if let Err(message) = cloudspec::readme::ensure_section(&guide, name, &table) {
            panic!("{message}");
        }
    }
}
