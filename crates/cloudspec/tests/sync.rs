//! `check` and `generate` over a `spec/` no endpoint generates: each `sync_cases/*.txt` is a
//! script run in a new checkout with no endpoints and no captured sources, so that every file
//! under `spec/` is an orphan and the transcript shows what the walk of `spec/` found, and
//! what it could not read.
//!
//! Script lines: `write PATH TEXT` writes a one-line file (making its directories); `link PATH
//! TARGET` makes a symbolic link; `run check` or `run generate` runs the command and writes
//! its report and exit code; `# ...` is a comment kept in the transcript.

use std::fmt::Write as _;
use std::path::Path;

use cloudspec::cmd::{check, generate};

use crate::command;

#[test]
fn scripts() {
    insta::glob!("sync_cases", "*.txt", |script| {
        insta::assert_snapshot!(transcript(script));
    });
}

/// What running `script` in a new checkout printed, each command's output after its line.
fn transcript(script: &Path) -> String {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    let manifest = format!("[workspace]\n\n{}\nroot = true\n", cloudspec::workspace::MARKER);
    std::fs::write(root.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::create_dir(root.join("sources")).expect("mkdir sources");
    std::fs::write(root.join("sources/index.yaml"), "pages: {}\n").expect("write the index of sources");
    let script_text = std::fs::read_to_string(script).expect("read the script");
    let mut transcript = String::new();
    for line in script_text.lines() {
        let _ = writeln!(transcript, "{line}");
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        let (path, text) = rest.split_once(' ').unwrap_or((rest, ""));
        let path = root.join(path);
        match verb {
            "" | "#" => {}
            "write" => {
                std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("mkdir");
                std::fs::write(&path, format!("{text}\n")).expect("write a file");
            }
            "link" => std::os::unix::fs::symlink(text, &path).expect("make a link"),
            "run" => transcript.push_str(&match rest {
                "check" => command::run(&check::Options::default(), root),
                "generate" => command::run(&generate::Options::default(), root),
                _ => panic!("{}: run check or run generate, not {rest:?}", script.display()),
            }),
            _ => panic!("{}: unknown script verb {verb:?}", script.display()),
        }
    }
    transcript
}
