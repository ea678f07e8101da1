//! progenitor's generator accepts every OpenAPI 3.0 rendition under `spec/`, and what it
//! generates is Rust that parses.

use std::path::{Path, PathBuf};

fn files(dir: &Path, suffix: &str, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, suffix, found);
        } else if path.to_string_lossy().ends_with(suffix) {
            found.push(path);
        }
    }
}

#[test]
fn progenitor_generates_a_client_from_every_rendition() {
    let mut found = Vec::new();
    files(&spec(), ".openapi-3.0.yaml", &mut found);
    found.sort();
    assert!(!found.is_empty(), "no OpenAPI 3.0 rendition under {}", spec().display());
    for path in found {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let api: openapiv3::OpenAPI = yaml_serde::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: openapiv3 cannot read it: {error}", path.display()));
        let mut generator = progenitor::Generator::new(&progenitor::GenerationSettings::default());
        let tokens = generator
            .generate_tokens(&api)
            .unwrap_or_else(|error| panic!("{}: progenitor rejects it: {error}", path.display()));
        let client: syn::File = syn::parse2(tokens)
            .unwrap_or_else(|error| panic!("{}: progenitor generated Rust that does not parse: {error}", path.display()));
        println!("{}: {} items generated", path.display(), client.items.len());
    }
}

/// Why the renditions exist: progenitor refuses the 3.1 documents themselves.
#[test]
fn progenitor_refuses_the_3_1_documents() {
    let mut found = Vec::new();
    files(&spec(), ".yaml", &mut found);
    found.retain(|path| !path.to_string_lossy().ends_with(".openapi-3.0.yaml"));
    assert!(!found.is_empty(), "no OpenAPI 3.1 document under {}", spec().display());
    for path in found {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let Ok(api) = yaml_serde::from_str::<openapiv3::OpenAPI>(&text) else { continue };
        let generated =
            progenitor::Generator::new(&progenitor::GenerationSettings::default()).generate_tokens(&api);
        assert!(generated.is_err(), "{}: progenitor accepted an OpenAPI 3.1 document", path.display());
    }
}

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}
