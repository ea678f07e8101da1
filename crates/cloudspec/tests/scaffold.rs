//! `cargo xtask new`'s first step, what it writes from a vendor contract: each
//! `scaffold_cases/*.txt` lists command lines (`KEY --from PATH [--tag T] [--action A]`), each
//! run in a copy of the workspace's sources, contracts and request and fixture tables. A
//! snapshot holds, per line, what `new` refused, or each file it wrote: a new file whole, a
//! changed one as the lines it added or removed. (The second step runs in an xtask rebuilt
//! with the endpoint, which a test cannot do in its copy.)

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cloudspec::Workspace;
use cloudspec::scaffold::{self, NewError, Request};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn copy_tree(from: &Path, to: &Path) {
    cloudspec::walk::copy_tree(from, to)
        .unwrap_or_else(|error| panic!("copy {} to {}: {error}", from.display(), to.display()));
}

/// What `new` writes in: the providers' and the catalog's sources, the contracts, the
/// requests and the fixtures' table.
fn copy_workspace(to: &Path) {
    let root = workspace_root();
    for dir in
        ["crates/huaweicloud/src", "crates/aliyun/src", "crates/catalog/src", "contracts", "tests/requests"]
    {
        copy_tree(&root.join(dir), &to.join(dir));
    }
    for file in ["rustfmt.toml", "tests/fixtures/README.md"] {
        std::fs::create_dir_all(to.join(file).parent().expect("a parent")).expect("create directory");
        std::fs::copy(root.join(file), to.join(file)).expect("copy file");
    }
}

/// The value of `--name` in `args`.
fn option<'a>(args: &[&'a str], name: &str) -> Option<&'a str> {
    args.iter().position(|arg| *arg == name).and_then(|at| args.get(at + 1)).copied()
}

fn run(line: &str) -> String {
    let args: Vec<&str> = line.split_whitespace().collect();
    let dir = tempfile::tempdir().expect("temporary directory");
    copy_workspace(dir.path());
    let from = dir.path().join(option(&args, "--from").expect("every line names --from"));
    let request =
        Request { key: args[0], from: &from, tag: option(&args, "--tag"), action: option(&args, "--action") };
    let mut out = String::new();
    match scaffold::write(&Workspace::new(dir.path()), &[], &request) {
        Err(NewError::Usage(message)) => {
            let _ =
                writeln!(out, "usage error: {}", message.replace(&dir.path().display().to_string(), "ROOT"));
        }
        Err(NewError::Invalid(message)) => {
            let _ = writeln!(out, "invalid: {}", message.replace(&dir.path().display().to_string(), "ROOT"));
        }
        Ok(written) => {
            for file in &written.files {
                let text = std::fs::read_to_string(dir.path().join(file)).expect("a written file");
                // What `new` writes passes the tidy test at once: no line over rustfmt.toml's
                // max_width, counted in characters (rustfmt breaks neither comments nor strings).
                if file.extension().is_some_and(|extension| extension == "rs") {
                    let width = scaffold::MAX_WIDTH;
                    for (index, written) in text.lines().enumerate() {
                        let columns = written.chars().count();
                        assert!(columns <= width, "{}:{}: {columns} columns", file.display(), index + 1);
                    }
                }
                let _ = writeln!(out, "--- {}", file.display());
                // A file that was there shows the lines `new` added, which do not depend on
                // what else the catalog holds.
                match std::fs::read_to_string(workspace_root().join(file)) {
                    Ok(before) => {
                        let diff = similar::TextDiff::from_lines(&before, &text);
                        for change in diff.iter_all_changes() {
                            if change.tag() != similar::ChangeTag::Equal {
                                let _ = write!(out, "{}{change}", change.tag());
                            }
                        }
                    }
                    Err(_) => out.push_str(&text),
                }
            }
        }
    }
    out
}

#[test]
fn new_writes_each_case() {
    insta::glob!("scaffold_cases", "*.txt", |case| {
        let mut transcript = String::new();
        for line in std::fs::read_to_string(case).expect("read the case").lines() {
            let _ = writeln!(transcript, "{line}");
            if !line.is_empty() && !line.starts_with('#') {
                transcript.push_str(&run(line));
            }
        }
        insta::assert_snapshot!(transcript);
    });
}
