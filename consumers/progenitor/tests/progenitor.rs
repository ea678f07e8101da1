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
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let api: openapiv3::OpenAPI = yaml_serde::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: openapiv3 cannot read it: {error}", path.display()));
        let mut generator = progenitor::Generator::new(&progenitor::GenerationSettings::default());
        let tokens = generator
            .generate_tokens(&api)
            .unwrap_or_else(|error| panic!("{}: progenitor rejects it: {error}", path.display()));
        let client: syn::File = syn::parse2(tokens).unwrap_or_else(|error| {
            panic!("{}: progenitor generated Rust that does not parse: {error}", path.display())
        });
        println!("{}: {} items generated", path.display(), client.items.len());
        open_enums_are_strings(&path, &text, &client);
    }
}

/// A response enum the pages call open (`x-extensible-enum`) must decode any value: typify
/// must make it a string (or integer) newtype, never a Rust enum that rejects a new value.
fn open_enums_are_strings(path: &Path, text: &str, client: &syn::File) {
    let document: serde_json::Value = yaml_serde::from_str(text).expect("the rendition is YAML");
    let schemas = document.pointer("/components/schemas").and_then(serde_json::Value::as_object);
    let open: Vec<&String> = schemas
        .into_iter()
        .flatten()
        .filter(|(_, schema)| schema.get("x-extensible-enum").is_some())
        .map(|(name, _)| name)
        .collect();
    let module = client
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(module) if module.ident == "types" => {
                module.content.as_ref().map(|(_, items)| items)
            }
            _ => None,
        })
        .expect("progenitor writes its types into `mod types`");
    for name in open {
        let item = module.iter().find(|item| match item {
            syn::Item::Struct(item) => item.ident == name,
            syn::Item::Enum(item) => item.ident == name,
            syn::Item::Type(item) => item.ident == name,
            _ => false,
        });
        let shape = match item {
            Some(syn::Item::Struct(item)) => match &item.fields {
                syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                    let inner = &fields.unnamed[0].ty;
                    quote_type(inner)
                }
                _ => panic!("{}: {name} is a struct that is not a newtype", path.display()),
            },
            Some(syn::Item::Type(item)) => quote_type(&item.ty),
            Some(syn::Item::Enum(_)) => {
                panic!("{}: {name} is a closed Rust enum: an unlisted value fails to decode", path.display())
            }
            _ => panic!("{}: progenitor generated no type {name}", path.display()),
        };
        assert!(
            ["String", "i32", "i64"].iter().any(|accepted| shape.ends_with(accepted)),
            "{}: {name} wraps {shape}, not a string or an integer",
            path.display()
        );
        println!("  {name}: an open enum, generated as a newtype of {shape}");
    }
}

fn quote_type(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(path) => {
            path.path.segments.iter().map(|segment| segment.ident.to_string()).collect::<Vec<_>>().join("::")
        }
        _ => "another type".to_owned(),
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
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let Ok(api) = yaml_serde::from_str::<openapiv3::OpenAPI>(&text) else { continue };
        let generated =
            progenitor::Generator::new(&progenitor::GenerationSettings::default()).generate_tokens(&api);
        assert!(generated.is_err(), "{}: progenitor accepted an OpenAPI 3.1 document", path.display());
    }
}

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}
