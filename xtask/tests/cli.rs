//! The command line as a user meets it: each `cases/*.txt` is a script run in a copy of the
//! workspace's `spec/`, `tests/fixtures/` and `crates/` (for the overlays), and its transcript is
//! held by a snapshot.
//!
//! Script lines: `run ARGS...` runs `cargo xtask ARGS...`; `replace PATH FROM => TO` replaces
//! the first FROM in a file; `write PATH TEXT` writes a one-line file; `remove PATH` deletes
//! one; `# ...` is a comment kept in the transcript.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace root").to_owned()
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create directory");
    for entry in std::fs::read_dir(from).expect("read directory") {
        let entry = entry.expect("directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

#[test]
fn scripts() {
    insta::glob!("cases", "*.txt", |script| {
        let root = tempfile::tempdir().expect("temporary directory");
        for dir in ["spec", "tests/fixtures", "crates"] {
            copy_tree(&workspace_root().join(dir), &root.path().join(dir));
        }
        let mut transcript = String::new();
        for line in std::fs::read_to_string(script).expect("read script").lines() {
            let _ = writeln!(transcript, "{line}");
            let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
            match verb {
                "" | "#" => {}
                "run" => {
                    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
                        .args(rest.split_whitespace())
                        .arg("--root")
                        .arg(root.path())
                        .env("NO_COLOR", "1")
                        .output()
                        .expect("run xtask");
                    transcript.push_str(&String::from_utf8_lossy(&output.stdout));
                    transcript.push_str(&String::from_utf8_lossy(&output.stderr));
                    let _ = writeln!(transcript, "[exit {}]", output.status.code().unwrap_or(-1));
                }
                "replace" => {
                    let (path, change) = rest.split_once(' ').expect("replace PATH FROM => TO");
                    let (from, to) = change.split_once(" => ").expect("replace PATH FROM => TO");
                    let path = root.path().join(path);
                    let text = std::fs::read_to_string(&path).expect("read file to change");
                    assert!(
                        text.contains(from),
                        "{}: {from:?} is not in {}",
                        script.display(),
                        path.display()
                    );
                    std::fs::write(&path, text.replacen(from, to, 1)).expect("write changed file");
                }
                "write" => {
                    let (path, text) = rest.split_once(' ').unwrap_or((rest, ""));
                    let path = root.path().join(path);
                    std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("mkdir");
                    std::fs::write(path, format!("{text}\n")).expect("write file");
                }
                "remove" => std::fs::remove_file(root.path().join(rest)).expect("remove file"),
                _ => panic!("{}: unknown script verb {verb:?}", script.display()),
            }
        }
        insta::assert_snapshot!(transcript);
    });
}
