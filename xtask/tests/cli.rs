//! The command line as a user meets it: each `cases/*.txt` is a script run in a copy of the
//! workspace's `spec/`, `tests/fixtures/`, `crates/` (for the overlays and citations),
//! `sources/`, `contracts/` and `i18n/` (the glossaries), and its transcript is held by a
//! snapshot. A transcript leaves out what grows with the catalog (see [`without_catalog_size`]).
//!
//! Script lines: `run ARGS... [< PATH]` runs `cargo xtask ARGS...` in the copy (an argument
//! with a `*` in its file name is expanded there; `< PATH` is standard input) with `--root`;
//! `run-in DIR ARGS...` runs it without `--root` in DIR of the copy (or DIR itself, if absolute);
//! `replace PATH FROM => TO` replaces the first FROM in a file (`\n` in TO is a line break);
//! `write PATH TEXT` writes a
//! one-line file; `bytes PATH TEXT` writes TEXT exactly, with `\xNN` for any byte;
//! `remove PATH` deletes one; `# ...` is a comment kept in the transcript.
//!
//! A script named `<rule>--<what>.txt` is the case of a rule the pipeline reports from the
//! command line alone (`uncited-fact`): the rule's registry test holds each rule to one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace root").to_owned()
}

fn copy_tree(from: &Path, to: &Path) {
    cloudspec::walk::copy_tree(from, to)
        .unwrap_or_else(|error| panic!("copy {} to {}: {error}", from.display(), to.display()));
}

/// Runs every script, as many at once as there are cores (each spends its time in the xtask
/// processes it waits on), then holds each transcript to its snapshot, in order.
#[test]
fn scripts() {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("xtask/tests/cases"))
        .expect("read the cases")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .collect();
    scripts.sort();
    let transcripts: BTreeMap<String, String> = scripts
        .iter()
        .map(|script| file_name(script))
        .zip(crate::parallel::map(&scripts, |script| transcript(script)))
        .collect();
    insta::glob!("cases", "*.txt", |script| {
        insta::assert_snapshot!(transcripts[&file_name(script)]);
    });
}

fn file_name(script: &Path) -> String {
    script.file_name().expect("a script has a name").to_string_lossy().into_owned()
}

/// What running `script` printed, each command's output and exit code after its line.
fn transcript(script: &Path) -> String {
    let root = tempfile::tempdir().expect("temporary directory");
    for dir in ["spec", "tests/fixtures", "crates", "sources", "contracts", "i18n"] {
        copy_tree(&workspace_root().join(dir), &root.path().join(dir));
    }
    std::fs::copy(workspace_root().join("Cargo.toml"), root.path().join("Cargo.toml"))
        .expect("copy Cargo.toml");
    let mut transcript = String::new();
    for line in std::fs::read_to_string(script).expect("read script").lines() {
        let _ = writeln!(transcript, "{line}");
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        match verb {
            "" | "#" => {}
            "run" | "run-in" => {
                let (args, stdin) = rest.split_once(" < ").unwrap_or((rest, ""));
                let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
                command.env("NO_COLOR", "1");
                let args = if verb == "run" {
                    command.arg("--root").arg(root.path()).current_dir(root.path());
                    args
                } else {
                    let (dir, args) = args.split_once(' ').unwrap_or((args, ""));
                    command.current_dir(root.path().join(dir));
                    args
                };
                command.args(words(args).iter().flat_map(|arg| expand(root.path(), arg)));
                if !stdin.is_empty() {
                    command.stdin(std::fs::File::open(root.path().join(stdin)).expect("open standard input"));
                }
                let output = command.output().expect("run xtask");
                transcript.push_str(&without_catalog_size(&String::from_utf8_lossy(&output.stdout)));
                transcript.push_str(&without_catalog_size(&String::from_utf8_lossy(&output.stderr)));
                let _ = writeln!(transcript, "[exit {}]", output.status.code().unwrap_or(-1));
            }
            "replace" => {
                let (path, change) = rest.split_once(' ').expect("replace PATH FROM => TO");
                let (from, to) = change.split_once(" => ").expect("replace PATH FROM => TO");
                let path = root.path().join(path);
                let text = std::fs::read_to_string(&path).expect("read file to change");
                assert!(text.contains(from), "{}: {from:?} is not in {}", script.display(), path.display());
                std::fs::write(&path, text.replacen(from, &to.replace("\\n", "\n"), 1))
                    .expect("write changed file");
            }
            "write" => {
                let (path, text) = rest.split_once(' ').unwrap_or((rest, ""));
                let path = root.path().join(path);
                std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("mkdir");
                std::fs::write(path, format!("{text}\n")).expect("write file");
            }
            "bytes" => {
                let (path, text) = rest.split_once(' ').unwrap_or((rest, ""));
                std::fs::write(root.path().join(path), unescape_bytes(text)).expect("write bytes");
            }
            "remove" => std::fs::remove_file(root.path().join(rest)).expect("remove file"),
            _ => panic!("{}: unknown script verb {verb:?}", script.display()),
        }
    }
    transcript
}

/// The words of `line`: split at white space, except inside double quotes, which are dropped.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                word.get_or_insert_with(String::new);
            }
            c if c.is_whitespace() && !quoted => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// `output` without what grows with the catalog, so that adding an endpoint changes no
/// transcript of a case about another: the lines of files that are as they should be (Fresh,
/// Unchanged, a document whose every fact is cited and verified), and the totals that count
/// them; in a JSON report, those subjects and totals. What went wrong, and its count, stays.
fn without_catalog_size(output: &str) -> String {
    if let Some(report) = json_without_catalog_size(output) {
        return report;
    }
    let mut out = String::new();
    for line in output.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let as_expected = match words.as_slice() {
            ["Fresh" | "Unchanged", _] => true,
            ["Cited", _, facts, "facts,", cited, "cited,", verified, "verified"] => {
                facts.trim_end_matches(',') == cited.trim_end_matches(',') && cited == verified
            }
            _ => false,
        };
        if as_expected {
            continue;
        }
        let _ = writeln!(out, "{}", count_free(line));
    }
    out
}

/// The totals [`count_free`] writes `*`: they grow with the catalog.
const CATALOG_TOTALS: [&str; 8] =
    ["files", "documents", "endpoints", "pages", "fresh", "unchanged", "compared", "written"];

/// A JSON report (`--format json`) without its subjects that are as they should be, and with
/// its totals of [`CATALOG_TOTALS`] written `"*"`; `None` for any other output.
fn json_without_catalog_size(output: &str) -> Option<String> {
    let mut report: serde_json::Value = serde_json::from_str(output).ok()?;
    let subjects = report.get_mut("subjects")?.as_array_mut()?;
    // As text drops `Unchanged PATH` and keeps `Unchanged PATH (1 to translate)`.
    subjects.retain(|subject| {
        let label = subject.pointer("/status/label").and_then(serde_json::Value::as_str);
        let told = subject.pointer("/status/detail").is_some()
            || subject["findings"].as_array().is_some_and(|findings| !findings.is_empty());
        told || !matches!(label, Some("Fresh" | "Unchanged"))
    });
    if let Some(summary) = report.get_mut("summary").and_then(|summary| summary.as_object_mut()) {
        for (_, value) in summary.iter_mut().filter(|(key, _)| CATALOG_TOTALS.contains(&key.as_str())) {
            *value = serde_json::json!("*");
        }
    }
    serde_json::to_string_pretty(&report).ok().map(|text| text + "\n")
}

/// A summary line (text's, or the last line of GitHub annotations: `cloudspec docs: ...`)
/// with its totals of [`CATALOG_TOTALS`] written `*`.
fn count_free(line: &str) -> String {
    if !line.trim_start().starts_with("Summary ") && !line.starts_with("cloudspec ") {
        return line.to_owned();
    }
    let mut words: Vec<String> = line.split(' ').map(str::to_owned).collect();
    for index in 1..words.len() {
        let next = words[index].trim_end_matches([',', ':', ';']).to_owned();
        if CATALOG_TOTALS.contains(&next.as_str())
            && words[index - 1].chars().all(|c| c.is_ascii_digit())
            && !words[index - 1].is_empty()
        {
            "*".clone_into(&mut words[index - 1]);
        }
    }
    words.join(" ")
}

/// `list` with no name lists the whole catalog, in its order: the cases name the endpoints
/// they list, so that no transcript grows with the catalog, and this holds the rest.
#[test]
fn list_without_names_lists_every_endpoint() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["list", "--format", "json", "--root"])
        .arg(workspace_root())
        .output()
        .expect("run xtask list");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("list's JSON report");
    let listed: Vec<&str> = report["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .filter_map(|subject| subject["name"].as_str())
        .collect();
    let catalog: Vec<String> = cloudspec_catalog::ENDPOINTS.iter().map(|endpoint| endpoint.key()).collect();
    assert_eq!(listed, catalog);
}

/// The command reference's table of exit codes and `--help` both come from `exit::MEANINGS`.
#[test]
fn commands_reference_and_help_list_every_exit_code() {
    let table = cloudspec::exit::markdown_table();
    let reference = workspace_root().join("docs/commands.md");
    if let Err(message) = cloudspec::readme::ensure_section(&reference, "exit-codes", &table) {
        panic!("{message}");
    }
    let help = Command::new(env!("CARGO_BIN_EXE_xtask")).arg("--help").output().expect("run xtask --help");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains(&cloudspec::exit::help()), "{help}");
}

/// `arg`, or the files its `*` matches (in its last component, relative to `root`), sorted.
fn expand(root: &Path, arg: &str) -> Vec<String> {
    let (dir, pattern) = arg.rsplit_once('/').unwrap_or(("", arg));
    let Some((prefix, suffix)) = pattern.split_once('*') else { return vec![arg.to_owned()] };
    let mut matches: Vec<String> = std::fs::read_dir(root.join(dir))
        .expect("read the directory of a pattern")
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(prefix) && name.ends_with(suffix))
        .map(|name| if dir.is_empty() { name } else { format!("{dir}/{name}") })
        .collect();
    matches.sort();
    matches
}

/// `text` as bytes, with each `\xNN` replaced by the byte it names.
fn unescape_bytes(text: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut rest = text;
    while let Some((head, tail)) = rest.split_once("\\x") {
        bytes.extend_from_slice(head.as_bytes());
        let (hex, tail) = tail.split_at(2);
        bytes.push(u8::from_str_radix(hex, 16).expect("two hex digits after \\x"));
        rest = tail;
    }
    bytes.extend_from_slice(rest.as_bytes());
    bytes
}
