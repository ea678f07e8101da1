//! `diff`: each folder of `diff_cases/` is named after the rule it shows and holds
//! `before.yaml` and `after.yaml` (one of them missing when the document was added or
//! removed); the report is held by a snapshot. A second test reads the old side from a real
//! git history.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use cloudspec::Workspace;
use cloudspec::diff::{self, DocumentSet, Format, Options, documents, git, render, rules};

const SHOWN_AS: &str = "spec/example/items/SearchItems.yaml";

fn side(case: &Path, name: &str) -> DocumentSet {
    let path = case.join(name);
    let mut set = DocumentSet::new();
    if let Ok(text) = std::fs::read_to_string(&path) {
        set.insert(
            SHOWN_AS.to_owned(),
            documents::parse(&path.display().to_string(), &text).expect("a case is YAML"),
        );
    }
    set
}

fn text(diff: &render::Diff) -> String {
    let report = render::report(diff, Format::Text, false);
    format!("{}[exit {}]\n", anstream::adapter::strip_str(&report.text), report.exit_code)
}

#[test]
fn every_case_is_classified_by_its_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff_cases");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/diff_cases")
        .map(|entry| entry.expect("entry").path())
        .collect();
    cases.sort();
    for case in &cases {
        let name = case.file_name().and_then(|name| name.to_str()).expect("a UTF-8 folder name").to_owned();
        let changes = diff::diff(&side(case, "before.yaml"), &side(case, "after.yaml"));
        assert!(
            changes.iter().any(|change| change.rule.id == name),
            "{name}: the case does not show its rule; found {:?}",
            changes.iter().map(|change| change.rule.id).collect::<Vec<_>>()
        );
        let report = text(&render::Diff { base: "before.yaml".into(), head: "after.yaml".into(), changes });
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true }, {
            insta::assert_snapshot!("case", report);
        });
    }
    for rule in rules::all() {
        assert!(root.join(rule.id).is_dir(), "rule {} has no case in tests/diff_cases/", rule.id);
    }
}

fn git_in(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(status.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&status.stderr));
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A document committed, changed and committed again: the diff reads `HEAD~1` with git and
/// the new side from the directory, and names the revision and file of what it cannot read.
#[test]
fn against_a_git_revision() {
    let repo = tempfile::tempdir().expect("temporary directory");
    let root = repo.path();
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff_cases/response-property-removed");
    let read = |name: &str| std::fs::read_to_string(case.join(name)).expect("read case");
    let document = "spec/example/items/SearchItems.yaml";
    git_in(root, &["init", "--quiet", "--initial-branch=main"]);
    write(root, document, &read("before.yaml"));
    git_in(root, &["add", "."]);
    git_in(root, &["commit", "--quiet", "-m", "before"]);
    write(root, document, &read("after.yaml"));
    git_in(root, &["commit", "--quiet", "-am", "after"]);

    let workspace = Workspace::new(root);
    let options = Options {
        base: Some("HEAD~1".into()),
        after_dir: Some("spec".into()),
        format: Format::Text,
        allow_breaking: false,
    };
    let report = diff::run(&workspace, &[], &options).expect("the diff runs");
    let mut transcript =
        format!("{}[exit {}]\n", anstream::adapter::strip_str(&report.text), report.exit_code);

    let allowed = Options { allow_breaking: true, format: Format::Json, ..options };
    let report = diff::run(&workspace, &[], &allowed).expect("the diff runs");
    assert_eq!(report.exit_code, 0, "--allow-breaking exits 0");

    // The document added since the root commit; the merge base with main is HEAD itself.
    let before_root = git::documents_at(root, "HEAD~1", "spec").expect("read HEAD~1");
    assert_eq!(before_root.keys().collect::<Vec<_>>(), [document]);
    let default_base = Options {
        base: None,
        after_dir: Some("spec".into()),
        format: Format::Markdown,
        allow_breaking: false,
    };
    let report = diff::run(&workspace, &[], &default_base).expect("the diff runs");
    transcript
        .push_str(&report.text.replace(&git::merge_base(root).expect("merge base")[..12], "<merge-base>"));

    for revision in ["no-such-revision", "HEAD~5"] {
        let error = git::documents_at(root, revision, "spec").expect_err("an unknown revision");
        let _ = writeln!(transcript, "{revision}: {error}");
    }
    write(root, "spec/example/items/Broken.yaml", "paths: [unclosed\n");
    git_in(root, &["add", "."]);
    git_in(root, &["commit", "--quiet", "-m", "broken"]);
    let error = git::documents_at(root, "HEAD", "spec").expect_err("not YAML");
    let _ = writeln!(transcript, "{error}");
    let error = documents::from_dir(&workspace, Path::new("spec")).expect_err("not YAML");
    let _ = writeln!(transcript, "{error}");
    let outside = tempfile::tempdir().expect("temporary directory");
    let error = git::documents_at(outside.path(), "HEAD", "spec").expect_err("not a repository");
    let _ =
        writeln!(transcript, "{}", error.to_string().replace(&outside.path().display().to_string(), "<dir>"));
    insta::assert_snapshot!(transcript);
}
