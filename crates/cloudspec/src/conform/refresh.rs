//! `conform --refresh`: downloads the current contract of each endpoint from the vendor's
//! published URL into `contracts/`, in the form the file is stored in.
//!
//! The download is curl's: `--refresh` is a rare, manual step, and curl (on every CI image
//! and developer machine) spares the workspace an HTTP and TLS stack that every build of the
//! shared machines would compile. Nothing else in cloudspec touches the network.

use std::path::PathBuf;
use std::process::Command;

use super::accepted::{self, ContractRef};
use crate::endpoint::Endpoint;
use crate::report::{Report, exit, labelled};
use crate::workspace::{self, Workspace};

/// What became of one contract file.
#[derive(Debug)]
pub struct Refreshed {
    /// The file, relative to the root.
    pub file: PathBuf,
    pub url: String,
    pub result: Result<bool, String>,
}

/// Downloads the contract of every endpoint of `endpoints` that has one, each file once;
/// `result` says whether the file changed.
pub fn refresh(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Result<Vec<Refreshed>, String> {
    let mut contracts: Vec<ContractRef> = Vec::new();
    for endpoint in endpoints {
        let file = accepted::read(workspace.root(), &crate::paths::conform_file(endpoint))
            .map_err(|error| error.to_string())?;
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
    fetch: fn(&str) -> Result<Vec<u8>, String>,
) -> Option<Refreshed> {
    let (file, url) = (contract.file()?, contract.url()?);
    let result = fetch(&url)
        .and_then(|bytes| contract.normalise(&bytes).map_err(|error| format!("{url}: {error}")))
        .and_then(|bytes| {
            let text = String::from_utf8(bytes).map_err(|_| format!("{url}: the answer is not UTF-8"))?;
            let current = std::fs::read_to_string(workspace.path(&file)).ok();
            if current.as_deref() == Some(text.as_str()) {
                return Ok(false);
            }
            crate::sync::write_file(workspace, &file, &text)
                .map(|()| true)
                .map_err(|error| format!("{}: cannot write: {error}", workspace::display(&file)))
        });
    Some(Refreshed { file, url, result })
}

/// The body `url` answers with, or why there is none, naming the URL.
pub fn download(url: &str) -> Result<Vec<u8>, String> {
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
        .map_err(|error| format!("cannot download {url}: curl could not be run ({error}); install curl"))?;
    if !output.status.success() {
        let reason = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(format!("cannot download {url}: {reason}"));
    }
    Ok(output.stdout)
}

/// What `--refresh` prints; it exits 1 if a download failed.
pub fn report(refreshed: &[Refreshed]) -> Report {
    let mut text = String::new();
    let mut failed = 0;
    for item in refreshed {
        let file = workspace::display(&item.file);
        match &item.result {
            Ok(true) => labelled(
                &mut text,
                anstyle::AnsiColor::Green.on_default().bold(),
                "Updated",
                &format!("{file} from {}", item.url),
            ),
            Ok(false) => labelled(
                &mut text,
                anstyle::Style::new().dimmed(),
                "Unchanged",
                &format!("{file} from {}", item.url),
            ),
            Err(error) => {
                failed += 1;
                labelled(
                    &mut text,
                    anstyle::AnsiColor::Red.on_default().bold(),
                    "Failure",
                    &format!("{file}: {error}"),
                );
            }
        }
    }
    if failed == 0 {
        let next = "cargo xtask conform, then accept or fix each new difference";
        labelled(&mut text, anstyle::Style::new().dimmed(), "Next", next);
    }
    Report::new(text, if failed == 0 { exit::OK } else { exit::INVALID })
}
