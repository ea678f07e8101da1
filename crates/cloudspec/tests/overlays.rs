//! Each `overlays/<case>/` holds an English `document.yaml` and an `overlay.yaml`; the
//! snapshot holds what applying the overlay gives (the localized document, or every
//! finding) and the skeleton `cargo xtask translate` would write from it, filling what the
//! overlay lacks from the case's `memory.yaml`, if it has one.

use std::path::Path;

use cloudspec::overlay;
use serde_json::Value;

fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn overlay_cases() {
    insta::glob!("overlays", "*/overlay.yaml", |path| {
        let dir = path.parent().expect("a case is a directory");
        let english: Value = read_yaml(&dir.join("document.yaml"));
        let shown = Path::new("overlay.yaml");
        let overlay = match overlay::read(path, shown) {
            Ok(overlay) => overlay,
            Err(error) => {
                insta::assert_snapshot!(format!("unreadable:\n{error}\n"));
                return;
            }
        };
        let applied = match overlay::apply(&english, &overlay, shown) {
            Ok(applied) => format!(
                "applied (only translates: {}):\n{}",
                applied.only_translates,
                yaml_serde::to_string(&applied.document).expect("renders")
            ),
            Err(error) => format!("rejected:\n{error}\n"),
        };
        // A case's `memory.yaml` is the translation memory: translations by their English.
        let memory_file = dir.join("memory.yaml");
        let memory: std::collections::BTreeMap<String, String> =
            if memory_file.exists() { read_yaml(&memory_file) } else { std::collections::BTreeMap::new() };
        let skeleton = overlay::skeleton(&english, Some(&overlay), "zh-CN", "Images", &|english| {
            memory.get(english).cloned()
        });
        let skeleton = yaml_serde::to_string(&skeleton).expect("renders");
        insta::assert_snapshot!(format!("{applied}\nskeleton:\n{skeleton}"));
    });
}
