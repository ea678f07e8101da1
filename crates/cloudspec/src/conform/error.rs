//! Why `conform` could not hold an endpoint to its contract, or refresh a contract: each
//! error names the file (or URL) and the place, and says what to do where there is a fix.

use std::path::PathBuf;

use cloudspec_schema::json::JsonFileError;

use crate::datafile::DataFileError;
use crate::paths::CONTRACTS_DIR;
use crate::workspace::display;
use crate::yaml::NotText;

/// Why an endpoint could not be compared, or a contract refreshed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The endpoint's `.conform.yaml` cannot be used.
    #[error(transparent)]
    ConformFile(#[from] FileError),
    #[error(
        "{}: does not exist: `cargo xtask conform --refresh {key}` downloads it from {url}; \
         {CONTRACTS_DIR}/README.md says where each copy comes from",
        display(.path)
    )]
    ContractMissing { path: PathBuf, key: String, url: String },
    #[error(transparent)]
    Contract(JsonFileError),
    #[error("{}: cannot read ({source}); run `cargo xtask generate`", display(.path))]
    DocumentUnread { path: PathBuf, source: std::io::Error },
    #[error("{}: not a YAML document: {source}", display(.path))]
    DocumentNotYaml { path: PathBuf, source: NotText },
    /// The document lacks what the comparison needs.
    #[error("{}: {message}", display(.path))]
    Document { path: PathBuf, message: String },
    /// The contract lacks what the comparison needs; `place` starts with its JSON pointer.
    #[error("{}#{place}", display(.path))]
    Vendor { path: PathBuf, place: String },
    #[error("cannot download {url}: curl could not be run ({source}); install curl")]
    Curl { url: String, source: std::io::Error },
    #[error("cannot download {url}: {reason}")]
    Download { url: String, reason: String },
    /// What the vendor served is not a contract.
    #[error("{url}: {reason}")]
    NotContract { url: String, reason: String },
    #[error("{}: cannot read: {source}", display(.path))]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: cannot write: {source}", display(.path))]
    Write { path: PathBuf, source: std::io::Error },
}

/// A `.conform.yaml` that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(
        "{}: does not exist: every endpoint says there which vendor contract it is held to \
        (`contract: {{format: none, reason: ...}}` when there is none)",
        display(.0)
    )]
    Missing(PathBuf),
    #[error(transparent)]
    File(#[from] DataFileError),
}
