//! The pipeline crate and the diff engine show only what others use. rustc's
//! `unreachable_pub` (on in each `lib.rs`) makes every `pub` item reachable from outside, so
//! a `pub` anywhere in its files is public; this test holds each such name to a use outside
//! the crate: named by another crate, a test or a bench, or shown by a public signature (the
//! error a public function returns). What only the crate uses says `pub(crate)`, where
//! rustc's dead-code lint sees it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use cloudspec::Workspace;
use regex::Regex;

/// One `pub` declaration: its file, line, name and the whole line.
struct Declared {
    file: PathBuf,
    line: usize,
    name: String,
    text: String,
}

/// The code of a file, without its tests and comments.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    Regex::new(r"//[^\n]*").expect("a valid regex").replace_all(code, "").into_owned()
}

/// The `pub` declarations of `file`, one per name (a `pub use` of several names gives each),
/// each with what it shows: a signature up to its body, an enum with its variants.
fn declared(file: &Path) -> Vec<Declared> {
    let item = Regex::new(concat!(
        r"(?m)^[ \t]*pub\s+(?:(?:const|async|unsafe)\s+)?",
        r"(fn|struct|enum|const|static|type|trait|mod|use)\s+(?:r#)?(\w+)",
    ))
    .expect("a valid regex");
    let used = Regex::new(r"(\w+)\s*(?:[,};]|$)").expect("a valid regex");
    let code = code(file);
    let mut found = Vec::new();
    for capture in item.captures_iter(&code) {
        let start = capture.get(0).map_or(0, |whole| whole.start());
        let text = shown(&code[start..], &capture[1]);
        let names: Vec<String> = if &capture[1] == "use" {
            let names = used.captures_iter(text).map(|name| name[1].to_owned());
            names.filter(|name| !matches!(name.as_str(), "self" | "super" | "crate" | "use")).collect()
        } else {
            vec![capture[2].to_owned()]
        };
        let line = code[..start].lines().count() + 1;
        for name in names {
            found.push(Declared { file: file.to_owned(), line, name, text: text.to_owned() });
        }
    }
    found
}

/// What a declaration at the start of `code` shows: up to its body or `;`; an enum whole.
fn shown<'a>(code: &'a str, kind: &str) -> &'a str {
    let end = if kind == "enum" {
        let mut depth = 0;
        code.char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                c == '}' && depth == 0
            })
            .map(|(index, _)| index)
    } else {
        code.find(['{', ';'])
    };
    &code[..end.unwrap_or(code.len())]
}

/// The `pub` fields of `file`, each a line: what they show is public too.
fn fields(file: &Path) -> Vec<String> {
    let field = Regex::new(r"(?m)^[ \t]*pub\s+(?:r#)?\w+\s*:[^\n]*").expect("a valid regex");
    field.find_iter(&code(file)).map(|found| found.as_str().to_owned()).collect()
}

/// Every word of the Rust code in the workspace outside `src`.
fn words_outside(root: &Path, src: &Path) -> BTreeSet<String> {
    let word = Regex::new(r"\w+").expect("a valid regex");
    let outside =
        cloudspec_tests::rust_files(&Workspace::new(root)).into_iter().filter(|file| !file.starts_with(src));
    let texts = outside.map(|file| std::fs::read_to_string(file).unwrap_or_default());
    texts
        .flat_map(|text| word.find_iter(&text).map(|found| found.as_str().to_owned()).collect::<Vec<_>>())
        .collect()
}

/// The crates held to their surface, each with the fewest public names a working parse of it
/// finds; each says `#![warn(unreachable_pub)]` in its `lib.rs`.
const HELD: [(&str, usize); 2] = [("crates/cloudspec", 100), ("crates/diff", 20)];

#[test]
fn every_public_name_of_the_pipeline_and_the_diff_engine_is_used_outside_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the workspace root");
    let unused: Vec<String> =
        HELD.iter().flat_map(|&(dir, fewest)| unused(root, &root.join(dir).join("src"), fewest)).collect();
    assert!(
        unused.is_empty(),
        "public, but used by nothing outside the crate (make it `pub(crate)`):\n{}",
        unused.join("\n")
    );
}

/// The public names of the crate whose sources are in `src` that nothing outside it uses.
fn unused(root: &Path, src: &Path, fewest: usize) -> Vec<String> {
    let outside = words_outside(root, src);
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("the crate's lib.rs");
    assert!(lib.contains("#![warn(unreachable_pub)]"), "without `unreachable_pub`, `pub` is not public");
    let files = cloudspec_tests::files_below(src, ".rs");
    let declared: Vec<Declared> = files.iter().flat_map(|file| declared(file)).collect();
    let fields: Vec<String> = files.iter().flat_map(|file| fields(file)).collect();
    let found = declared.len();
    assert!(found >= fewest, "{}: the parse found only {found} public names: is it broken?", src.display());
    let word = |name: &str| Regex::new(&format!(r"\b{name}\b")).expect("a valid regex");
    declared
        .iter()
        .filter(|item| !outside.contains(&item.name))
        .filter(|item| {
            let named = word(&item.name);
            let shown = declared.iter().filter(|other| other.text != item.text).map(|other| &other.text);
            !shown.chain(&fields).any(|text| named.is_match(text))
        })
        .map(|item| {
            let file = item.file.strip_prefix(root).unwrap_or(&item.file).display();
            format!("{file}:{}: `{}`", item.line, item.name)
        })
        .collect()
}
