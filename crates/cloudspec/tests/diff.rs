//! `diff`: each folder of `diff_cases/` is named after the rule it shows (`<rule>`, or
//! `<rule>.<variant>` for a further case of the same rule) and holds `before.yaml` and
//! `after.yaml` (one of them missing when the document was added or removed), and may hold
//! `breaking.txt`, the rules of its breaking changes, one a line (`#` starts a comment): the
//! case's breaking changes must be exactly of these. The report is held by a snapshot. Other
//! tests read the old side from a real git history, render every format, hold the
//! accepted-changes file to its contract, and the reviewers' guide's table of rules to the rules.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use cloudspec::Workspace;
use cloudspec::cmd::diff::Options;
use cloudspec::diff::{self, accepted, documents, git};
use cloudspec_diff::{Date, Diff, DocumentSet, Verdict, report, rules};
use cloudspec_findings::Format;
use cloudspec_findings::registry::{self, Expectations};

use super::command;

const SHOWN_AS: &str = "spec/example/items/SearchItems.yaml";

/// The day every case is judged on, so that sunsets do not pass as the calendar does.
fn today() -> Date {
    Date::parse("2025-06-01").expect("a date")
}

/// Rules whose cases (every variant) hold only changes no client can notice: none may be
/// judged breaking, even potentially.
const UNNOTICEABLE: [&str; 4] =
    ["description-changed", "example-changed", "property-added", "deprecated-added"];

/// The rules `breaking.txt` of a case names, sorted; `None` when the case has no such file.
fn expected_breaking(case: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(case.join("breaking.txt")).ok()?;
    let mut rules: Vec<String> = text
        .lines()
        .map(|line| line.split_once('#').map_or(line, |(rule, _)| rule).trim())
        .filter(|rule| !rule.is_empty())
        .map(str::to_owned)
        .collect();
    rules.sort();
    rules.dedup();
    Some(rules)
}

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

fn text(diff: &Diff) -> String {
    rendered(diff, Format::Text)
}

fn rendered(diff: &Diff, format: Format) -> String {
    let text = command::rendered(format, |sink| report::write(diff, sink));
    format!("{text}[exit {}]\n", diff::exit_code(diff, false))
}

fn cases_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff_cases")
}

#[test]
fn every_case_is_classified_by_its_rule() {
    let root = cases_root();
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/diff_cases")
        .map(|entry| entry.expect("entry").path())
        .collect();
    cases.sort();
    let mut fallback = String::new();
    for case in &cases {
        let name = case.file_name().and_then(|name| name.to_str()).expect("a UTF-8 folder name").to_owned();
        let rule = name.split_once('.').map_or(name.as_str(), |(rule, _)| rule);
        assert!(rules::find(rule).is_some(), "{name}: no rule is called {rule}");
        let changes = cloudspec_diff::diff(&side(case, "before.yaml"), &side(case, "after.yaml"), today());
        assert!(
            changes.iter().any(|change| change.rule.id == rule),
            "{name}: the case does not show its rule; found {:?}",
            changes.iter().map(|change| change.rule.id).collect::<Vec<_>>()
        );
        if let Some(expected) = expected_breaking(case) {
            let mut found: Vec<String> = changes
                .iter()
                .filter(|change| change.verdict == Verdict::Breaking)
                .map(|change| change.rule.id.to_owned())
                .collect();
            found.sort();
            found.dedup();
            assert_eq!(found, expected, "{name}: the rules of its breaking changes");
        }
        if UNNOTICEABLE.contains(&rule) {
            let loud: Vec<_> = changes
                .iter()
                .filter(|change| matches!(change.verdict, Verdict::Breaking | Verdict::PotentiallyBreaking))
                .map(|change| change.rule.id)
                .collect();
            assert!(loud.is_empty(), "{name}: no client can notice this change, yet {loud:?}");
        }
        if rule != rules::OTHER_CHANGED.id && changes.iter().any(|change| change.rule == rules::OTHER_CHANGED)
        {
            let _ = writeln!(fallback, "{name}");
        }
        let report =
            text(&Diff { base: "before.yaml".into(), head: "after.yaml".into(), changes, stale: Vec::new() });
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true }, {
            insta::assert_snapshot!("case", report);
        });
    }
    // The cases (other than other-changed's own) that still fall back to other-changed.
    insta::assert_snapshot!("cases_reaching_other_changed", fallback);
}

/// The rules hold to what every registry holds to: unique kebab-case ids, a summary, what
/// each breaks, a case each (folders are `<rule>` or `<rule>.<variant>`) and no case without
/// its rule, `request-` and `response-` rules in pairs.
#[test]
fn the_registry_holds() {
    let cases: Vec<String> = std::fs::read_dir(cases_root())
        .expect("tests/diff_cases")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .map(|name| name.split('.').next().unwrap_or_default().to_owned())
        .collect();
    let expected = Expectations { cases: &cases, unpaired: rules::UNPAIRED, ..Expectations::default() };
    let problems = registry::problems(&rules::all(), &expected);
    assert!(problems.is_empty(), "the rules of diff:\n{}", problems.join("\n"));
}

/// The reviewers' guide's table of diff rules is generated from the rules.
#[test]
fn reviewers_guide_lists_every_diff_rule() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/reviewers.md");
    if let Err(message) = cloudspec::readme::ensure_section(&guide, "diff-rules", &rules::table()) {
        panic!("{message}");
    }
}

/// The two sides of a case, and the new side's text by the path it is shown as.
fn case_sides(name: &str) -> (DocumentSet, DocumentSet, BTreeMap<String, String>) {
    let case = cases_root().join(name);
    let text = std::fs::read_to_string(case.join("after.yaml")).expect("read after.yaml");
    (side(&case, "before.yaml"), side(&case, "after.yaml"), BTreeMap::from([(SHOWN_AS.to_owned(), text)]))
}

/// A change of each verdict, one of them accepted and one entry stale, in every format.
#[test]
fn every_format() {
    let mut changes = Vec::new();
    let mut texts = BTreeMap::new();
    for name in [
        "response-property-removed",
        "request-enum-narrowed",
        "request-enum-widened",
        "format-changed",
        "description-changed",
    ] {
        let (before, after, text) = case_sides(name);
        changes.extend(cloudspec_diff::diff(&before, &after, today()));
        texts.extend(text);
    }
    cloudspec_diff::locate(&mut changes, &texts);
    let removed =
        changes.iter().find(|change| change.rule.id == "response-property-removed").expect("removed");
    let file = format!(
        "- fingerprint: {}\n  rule: {}\n  operation: {}\n  pointer: {}\n  reason: Never sent; the \
        pages were wrong.\n\
         - fingerprint: 000000000000\n  rule: path-changed\n  operation: SearchItems\n  pointer: \
         /paths\n  reason: Long gone.\n",
        removed.fingerprint, removed.rule.id, removed.operation, removed.pointer
    );
    let entries = accepted::parse(Path::new(accepted::ACCEPTED_FILE), &file).expect("a valid file");
    let stale = accepted::apply(&mut changes, &entries).expect("consistent entries");
    let report = Diff { base: "spec/ at main".into(), head: "spec/".into(), changes, stale };
    for (name, format) in [
        ("text", Format::Text),
        ("markdown", Format::Markdown),
        ("json", Format::Json),
        ("junit", Format::Junit),
        ("github", Format::Github),
    ] {
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true }, {
            insta::assert_snapshot!("format", rendered(&report, format));
        });
    }
}

/// An accepted breaking change does not fail; a stale entry fails, named by file and line;
/// an entry that contradicts its fingerprint or lacks a field is an error naming its line.
#[test]
fn accepted_changes() {
    let (before, after, _) = case_sides("response-property-removed");
    let changes = cloudspec_diff::diff(&before, &after, today());
    let breaking =
        changes.iter().find(|change| change.verdict == Verdict::Breaking).expect("a breaking change");
    let entry = |fingerprint: &str, rule: &str, reason: &str| {
        format!(
            "- fingerprint: {fingerprint}\n  rule: {rule}\n  operation: {}\n  pointer: {}\n  \
            reason: {reason}\n",
            breaking.operation, breaking.pointer
        )
    };
    let report = |file: &str| -> String {
        let mut changes = changes.clone();
        let outcome = accepted::parse(Path::new("accepted.yaml"), file)
            .and_then(|entries| accepted::apply(&mut changes, &entries));
        match outcome {
            Ok(stale) => {
                let diff = Diff { base: "before".into(), head: "after".into(), changes, stale };
                let summary = command::rendered(Format::Text, |sink| report::write(&diff, sink));
                let kept = ["Summary", "Stale", "accepted:"];
                let lines: Vec<&str> = summary
                    .lines()
                    .filter(|line| kept.iter().any(|kept| line.contains(kept)))
                    .map(str::trim)
                    .collect();
                format!("[exit {}] {}", diff::exit_code(&diff, false), lines.join(" | "))
            }
            Err(error) => format!("error: {error}"),
        }
    };
    let accepted_one = entry(&breaking.fingerprint, breaking.rule.id, "Reviewed in issue 15.");
    let mut transcript = String::new();
    for (title, file) in [
        ("nothing accepted", String::new()),
        ("the breaking change accepted", accepted_one.clone()),
        (
            "and a stale entry on line 6",
            format!("{accepted_one}{}", entry("0123456789ab", "path-changed", "Gone.")),
        ),
        ("the wrong rule", entry(&breaking.fingerprint, "path-changed", "Wrong.")),
        ("no reason", entry(&breaking.fingerprint, breaking.rule.id, "''")),
        ("no such rule", entry(&breaking.fingerprint, "no-such-rule", "Why.")),
        ("not a list", "fingerprint: abc\n".to_owned()),
    ] {
        let _ = writeln!(transcript, "{title}: {}", report(&file));
    }
    insta::assert_snapshot!(transcript);
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
    write(root, "Cargo.toml", &format!("[workspace]\n\n{}\nroot = true\n", cloudspec::workspace::MARKER));
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
        accepted: None,
        today: Some(today()),
    };
    let mut transcript = command::run(&options, root);

    let allowed = Options { allow_breaking: true, format: Format::Json, ..options };
    let allowed = command::run(&allowed, root);
    assert!(allowed.ends_with("[exit 0]\n"), "--allow-breaking exits 0: {allowed}");

    // The document added since the root commit; the merge base with main is HEAD itself.
    let before_root = git::documents_at(root, "HEAD~1", "spec").expect("read HEAD~1");
    assert_eq!(before_root.keys().collect::<Vec<_>>(), [document]);
    let default_base = Options {
        base: None,
        after_dir: Some("spec".into()),
        format: Format::Markdown,
        allow_breaking: false,
        accepted: None,
        today: Some(today()),
    };
    transcript.push_str(
        &command::run(&default_base, root)
            .replace(&git::merge_base(root).expect("merge base")[..12], "<merge-base>"),
    );

    // The accepted-changes file at its default place is read; annotations find the line.
    let changes = cloudspec_diff::diff(
        &git::documents_at(root, "HEAD~1", "spec").expect("read HEAD~1"),
        &documents::from_dir(&workspace, Path::new("spec")).expect("read spec/"),
        today(),
    );
    let mut file = String::new();
    for change in &changes {
        let _ = write!(
            file,
            "- fingerprint: {}\n  rule: {}\n  operation: {}\n  pointer: {}\n  reason: Accepted by \
            the test.\n",
            change.fingerprint, change.rule.id, change.operation, change.pointer
        );
    }
    write(root, accepted::ACCEPTED_FILE, &file);
    let github = Options { base: Some("HEAD~1".into()), format: Format::Github, ..default_base };
    transcript.push_str(&command::run(&github, root));
    let missing = Options { accepted: Some("no/such/file.yaml".into()), ..github };
    transcript.push_str(&command::run(&missing, root));

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
