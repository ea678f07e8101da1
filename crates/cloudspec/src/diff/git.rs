//! Reading the documents of a git revision without checking it out: `git rev-parse` names
//! the commit, `git ls-tree` lists the files, and one `git cat-file --batch` reads them all.

use std::fmt::Write as _;
use std::io::{BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

use cloudspec_diff::DocumentSet;

use super::documents::{self, SourceError};

/// The branch whose merge base is the default `--base`.
pub(crate) const MAIN_BRANCH: &str = "main";

fn git(repo: &Path, args: &[&str]) -> Result<String, SourceError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| SourceError::Git(format!("cannot run git: {error}")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(SourceError::Git(format!("git {}: {}", args.join(" "), stderr.trim())));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| SourceError::Git(format!("git {}: output is not UTF-8", args.join(" "))))
}

/// The full commit id of `revision`, or an error that names it.
pub fn commit(repo: &Path, revision: &str) -> Result<String, SourceError> {
    // Outside a repository every revision is unknown: say so rather than blame the revision.
    git(repo, &["rev-parse", "--git-dir"])?;
    git(repo, &["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{revision}^{{commit}}")])
        .map(|id| id.trim().to_owned())
        .map_err(|_| {
            SourceError::Git(format!("unknown revision {revision:?}: git cannot find a commit by that name"))
        })
}

/// The merge base of `HEAD` and the main branch: what a change is reviewed against.
pub fn merge_base(repo: &Path) -> Result<String, SourceError> {
    git(repo, &["merge-base", "HEAD", MAIN_BRANCH]).map(|id| id.trim().to_owned()).map_err(|error| {
        SourceError::Git(format!(
            "cannot find the merge base of HEAD and {MAIN_BRANCH} ({error}); pass --base REV"
        ))
    })
}

/// Every contract document ([`is_contract`](super::documents::is_contract)) under `dir`
/// (relative to `repo`) at `revision`, by its path relative to `repo`. A file that is not YAML
/// is an error naming the revision and the file.
pub fn documents_at(repo: &Path, revision: &str, dir: &str) -> Result<DocumentSet, SourceError> {
    let id = commit(repo, revision)?;
    // Paths in the tree are from the top of the repository; `repo` may be below it.
    let prefix = git(repo, &["rev-parse", "--show-prefix"])?.trim().to_owned();
    let listing = git(repo, &["ls-tree", "-r", "-z", "--full-name", "--name-only", &id, "--", dir])?;
    let files: Vec<&str> =
        listing.split('\0').filter(|path| super::documents::is_contract(Path::new(path))).collect();
    let mut set = DocumentSet::new();
    if files.is_empty() {
        return Ok(set);
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| SourceError::Git(format!("cannot run git cat-file: {error}")))?;
    let mut stdin = child.stdin.take().ok_or_else(|| SourceError::Git("git cat-file: no stdin".into()))?;
    let requests = files.iter().fold(String::new(), |mut requests, path| {
        let _ = writeln!(requests, "{id}:{path}");
        requests
    });
    // Writing from another thread: git answers while we still write, and a full pipe would
    // otherwise block both of us.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let stdout = child.stdout.take().ok_or_else(|| SourceError::Git("git cat-file: no stdout".into()))?;
    let mut reader = BufReader::new(stdout);
    for path in &files {
        let shown = path.strip_prefix(prefix.as_str()).unwrap_or(path);
        let place = format!("{shown} at {revision}");
        let text =
            read_blob(&mut reader).map_err(|message| SourceError::Git(format!("{place}: {message}")))?;
        let value = documents::parse(&place, &text)?;
        set.insert(shown.to_owned(), value);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(set)
}

/// One answer of `git cat-file --batch`: `<id> blob <size>\n<content>\n`.
fn read_blob(reader: &mut impl std::io::BufRead) -> Result<String, String> {
    let mut header = String::new();
    reader.read_line(&mut header).map_err(|error| error.to_string())?;
    let size: usize = header
        .split_whitespace()
        .nth(2)
        .and_then(|size| size.parse().ok())
        .ok_or_else(|| format!("git cat-file answered {:?}", header.trim()))?;
    let mut content = vec![0; size + 1];
    reader.read_exact(&mut content).map_err(|error| error.to_string())?;
    content.pop();
    String::from_utf8(content).map_err(|_| "not UTF-8 text".to_owned())
}
