//! Tidy checks over the source itself (rust-analyzer's habit): no two modules of a crate
//! import each other. Such a pair is one concept split in two files, or two concepts that
//! each need a piece of the other: either way, whatever they share wants a module of its own.
//! And no line of Rust is wider than rustfmt allows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// Every module of the crate whose sources are in `src`, by path (`diff::render`; the crate
/// root is ""), with its file.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut modules = BTreeMap::new();
    for path in cloudspec_tests::files_below(src, ".rs") {
        let relative = path.strip_prefix(src).expect("under src").with_extension("");
        let mut parts: Vec<String> =
            relative.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
            parts.pop();
        }
        modules.insert(parts.join("::"), path);
    }
    modules
}

/// `module`'s parent (`a::b` → `a`, `a` → the root).
fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(parent, _)| parent)
}

/// `base::segment`, or `segment` at the root.
fn child(base: &str, segment: &str) -> String {
    if base.is_empty() { segment.to_owned() } else { format!("{base}::{segment}") }
}

/// The modules `module`'s code (its tests left out) names through `crate::`, `super::` or
/// `self::` paths, grouped imports included; each the deepest module the path reaches.
fn imports(module: &str, source: &str, modules: &BTreeMap<String, PathBuf>) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let comment = Regex::new(r"//[^\n]*").expect("a valid regex");
    let code = comment.replace_all(code, "");
    let path = Regex::new(r"\b((?:crate|self|super)(?:::super)*)((?:::\w+)*)(?:::\{([^}]*)\})?")
        .expect("a valid regex");
    let mut found = BTreeSet::new();
    for capture in path.captures_iter(&code) {
        let mut base = match &capture[1] {
            "crate" => String::new(),
            "self" => module.to_owned(),
            supers => {
                let mut base = module;
                for _ in supers.split("::") {
                    base = parent(base);
                }
                base.to_owned()
            }
        };
        let segments: Vec<&str> = capture
            .get(2)
            .map_or("", |m| m.as_str())
            .split("::")
            .filter(|segment| !segment.is_empty())
            .collect();
        let (deepest, whole) = reach(modules, &base, &segments);
        let mut targets: Vec<String> = deepest.into_iter().collect();
        if let Some(group) = capture.get(3)
            && whole
        {
            base = segments.iter().fold(base, |base, segment| child(&base, segment));
            for item in group.as_str().split(',') {
                let item: Vec<&str> =
                    item.split("::").map(str::trim).filter(|segment| !segment.is_empty()).collect();
                targets.extend(reach(modules, &base, &item).0);
            }
        }
        for target in targets {
            let related = target == module
                || target.is_empty()
                || module.starts_with(&format!("{target}::"))
                || target.starts_with(&format!("{module}::"));
            if !related {
                found.insert(target);
            }
        }
    }
    found
}

/// The deepest module `segments` reach from `base`, and whether every segment is a module.
fn reach(modules: &BTreeMap<String, PathBuf>, base: &str, segments: &[&str]) -> (Option<String>, bool) {
    let mut deepest = None;
    let mut at = base.to_owned();
    for segment in segments {
        let next = child(&at, segment);
        if !modules.contains_key(&next) {
            return (deepest, false);
        }
        deepest = Some(next.clone());
        at = next;
    }
    (deepest, true)
}

#[test]
fn no_two_modules_import_each_other() {
    let root = cloudspec_tests::workspace();
    let mut crates: Vec<PathBuf> = std::fs::read_dir(root.path("crates"))
        .expect("read crates/")
        .map(|entry| entry.expect("directory entry").path().join("src"))
        .collect();
    crates.push(root.path("xtask/src"));
    crates.sort();
    let mut cycles = Vec::new();
    for src in &crates {
        let modules = modules(src);
        let imports: BTreeMap<&String, BTreeSet<String>> = modules
            .iter()
            .map(|(module, file)| {
                let source = std::fs::read_to_string(file)
                    .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
                (module, imports(module, &source, &modules))
            })
            .collect();
        for (module, targets) in &imports {
            for target in targets {
                if module.as_str() < target.as_str()
                    && imports.get(target).is_some_and(|back| back.contains(*module))
                {
                    cycles.push(format!("{}: {module} and {target} import each other", src.display()));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}

/// The widest a line of Rust may be: rustfmt's `max_width`, read from rustfmt.toml. rustfmt
/// gives up on a statement it cannot fit (an over-long string literal) and leaves it as it is
/// without a word, so `cargo fmt --check` passes what it never formatted.
fn max_width(root: &cloudspec::Workspace) -> usize {
    let config = std::fs::read_to_string(root.path("rustfmt.toml")).expect("read rustfmt.toml");
    config
        .lines()
        .find_map(|line| line.strip_prefix("max_width").and_then(|rest| rest.trim().strip_prefix('=')))
        .and_then(|value| value.trim().parse().ok())
        .expect("rustfmt.toml sets max_width = <columns>")
}

/// `cargo xtask new` writes Rust that rustfmt cannot wrap (doc comments, macro arguments) to
/// the width it knows: it must be rustfmt.toml's, or what it writes fails the test below.
#[test]
fn new_writes_to_rustfmt_width() {
    assert_eq!(cloudspec::scaffold::MAX_WIDTH, max_width(&cloudspec_tests::workspace()));
}

#[test]
fn no_line_of_rust_is_wider_than_rustfmt_allows() {
    let root = cloudspec_tests::workspace();
    let width = max_width(&root);
    let mut wide = Vec::new();
    for file in cloudspec_tests::rust_files(&root) {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        for (index, line) in text.lines().enumerate() {
            let columns = line.chars().count();
            if columns > width {
                let shown = file.strip_prefix(root.root()).unwrap_or(&file).display();
                wide.push(format!("{shown}:{}: {columns} columns", index + 1));
            }
        }
    }
    assert!(
        wide.is_empty(),
        "{} lines are wider than rustfmt's max_width = {width}; break the string (concat!, \\ \
         continuations) so that rustfmt formats the statement again:\n{}",
        wide.len(),
        wide.join("\n")
    );
}
