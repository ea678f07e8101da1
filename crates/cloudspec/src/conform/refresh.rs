//! `conform --refresh`: downloads the current contract of each endpoint from the vendor's
//! published URL into `contracts/`, in the form the file is stored in.
//!
//! The download is curl's: `--refresh` is a rare, manual step, and curl (on every CI image
//! and developer machine) spares the workspace an HTTP and TLS stack that every build of the
//! shared machines would compile. Nothing else in cloudspec touches the network.

use std::io;
use std::path::PathBuf;
use std::process::Command;

use cloudspec_findings::render::Sink;
use cloudspec_findings::{Counts, Head, Status, Subject, Tail, Tone};

use cloudspec_endpoint::Endpoint;

use super::Error;
use super::accepted::{self, ContractRef};
use crate::exit;
use crate::workspace::{self, Workspace};

/// What became of one contract file.
#[derive(Debug)]
pub struct Refreshed {
    /// The file, relative to the root.
    pub file: PathBuf,
    pub url: String,
    pub result: Result<bool, Error>,
}

/// Downloads the contract of every endpoint of `endpoints` that has one, each file once;
/// `result` says whether the file changed.
pub fn refresh(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Result<Vec<Refreshed>, Error> {
    let mut contracts: Vec<ContractRef> = Vec::new();
    for endpoint in endpoints {
        let file = accepted::read(workspace.root(), &crate::paths::conform_file(endpoint))?;
        if file.contract.file().is_some() && !contracts.contains(&file.contract) {
            contracts.push(file.contract);
        }
    }
    Ok(contracts.iter().filter_map(|contract| refresh_one(workspace, contract, download)).collect())
}

/// Downloads `contract` with `fetch` and stores it if it changed.
pub fn refresh_one(
    workspace: &Workspace,
    contract: &ContractRef,
    fetch: fn(&str) -> Result<Vec<u8>, Error>,
) -> Option<Refreshed> {
    let (file, url) = (contract.file()?, contract.url()?);
    let not_contract = |reason: String| Error::NotContract { url: url.clone(), reason };
    let result =
        fetch(&url).and_then(|bytes| contract.normalise(&bytes).map_err(not_contract)).and_then(|bytes| {
            let text =
                String::from_utf8(bytes).map_err(|_| not_contract("the answer is not UTF-8".into()))?;
            let current = std::fs::read_to_string(workspace.path(&file)).ok();
            if current.as_deref() == Some(text.as_str()) {
                return Ok(false);
            }
            crate::sync::write_file(workspace, &file, &text)
                .map(|()| true)
                .map_err(|source| Error::Write { path: file.clone(), source })
        });
    Some(Refreshed { file, url, result })
}

/// The body `url` answers with, or why there is none, naming the URL.
pub fn download(url: &str) -> Result<Vec<u8>, Error> {
    let output = Command::new("curl")
        .args([
            "--fail",
            "--silent",
            "--show-error",
            "--location",
            "--connect-timeout",
            "20",
            "--max-time",
            "120",
        ])
        .arg(url)
        .output()
        .map_err(|source| Error::Curl { url: url.to_owned(), source })?;
    if !output.status.success() {
        let reason = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(Error::Download { url: url.to_owned(), reason });
    }
    Ok(output.stdout)
}

/// Writes what `--refresh` did to `sink`: a subject per contract file.
pub fn write(refreshed: &[Refreshed], sink: &mut dyn Sink) -> io::Result<()> {
    sink.begin(&Head::new("cloudspec conform --refresh", "Vendors' contracts refreshed"))?;
    for item in refreshed {
        let file = workspace::display(&item.file);
        let (status, note) = match &item.result {
            Ok(true) => (Status::new("Updated", Tone::Good, false), format!("from {}", item.url)),
            Ok(false) => (Status::new("Unchanged", Tone::Dim, false), format!("from {}", item.url)),
            Err(error) => (Status::new("Failure", Tone::Bad, true), error.to_string()),
        };
        sink.subject(&Subject { notes: vec![note], ..Subject::new(file).status(status) }, &[])?;
    }
    let failed = refreshed.iter().filter(|item| item.result.is_err()).count();
    let mut fixes = Vec::new();
    if failed == 0 {
        fixes.push("run `cargo xtask conform`, then accept or fix each new difference".to_owned());
    }
    let counts = Counts::new().head("contracts", refreshed.len()).part("failed", failed);
    sink.end(&Tail { counts, fixes, ..Tail::default() })
}

/// The exit code: [`exit::INVALID`] if a download failed.
pub fn exit_code(refreshed: &[Refreshed]) -> u8 {
    if refreshed.iter().all(|item| item.result.is_ok()) { exit::OK } else { exit::INVALID }
}
