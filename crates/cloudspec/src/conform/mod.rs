//! `conform`: holds each document under `spec/` against its vendor's own machine-readable
//! contract, and fails on a difference that no entry of the endpoint's `.conform.yaml`
//! accepts, or on an entry that accepts no difference any more.
//!
//! [`document`] reads an operation of our OpenAPI documents, [`huawei`] and [`aliyun`] the
//! vendors' formats, all into [`model`]; [`compare`] finds the differences, each under a rule
//! of [`rules`] and at a stable [`place`] in both files; [`accepted`] reads the endpoint's
//! file of accepted differences; [`report`] turns the outcomes into findings for any format;
//! [`refresh`] downloads the vendors' current files; [`error`] says why either could not be
//! done.

pub mod accepted;
pub(crate) mod aliyun;
pub(crate) mod compare;
mod document;
mod error;
pub(crate) mod huawei;
pub(crate) mod model;
pub mod place;
pub mod refresh;
pub mod report;
pub mod rules;

use std::path::PathBuf;

use serde_json::Value;

pub use accepted::{ContractRef, Draft, Entry, Key};
pub use compare::Difference;
pub use compare::Place;
pub use error::Error;
pub use place::Found;

use cloudspec_endpoint::Endpoint;

use crate::workspace::Workspace;

/// What became of one endpoint.
#[derive(Debug)]
pub struct Outcome {
    /// `provider/service/OperationId`.
    pub key: String,
    /// The endpoint's `.conform.yaml`, relative to the root.
    pub conform_file: PathBuf,
    pub result: Result<Held, Error>,
}

/// An endpoint held against its contract, or the reason it has none.
#[derive(Debug)]
pub enum Held {
    Compared(Comparison),
    NoContract { reason: String },
}

/// The differences of one endpoint, each judged, and the entries that accept none.
#[derive(Debug)]
pub struct Comparison {
    /// The document under `spec/`, relative to the root.
    pub document: PathBuf,
    /// The vendor's contract, relative to the root.
    pub contract: PathBuf,
    pub format: &'static str,
    pub url: String,
    pub differences: Vec<Judged>,
    pub stale: Vec<Entry>,
}

/// A difference and the entry that accepts it, if one does.
#[derive(Debug)]
pub struct Judged {
    pub difference: Difference,
    pub accepted: Option<Entry>,
    /// The line of the document the difference is at, when its text is known.
    pub line: Option<usize>,
}

impl Judged {
    /// A short, stable name of the difference: FNV-1a of its rule and both stable places.
    pub fn fingerprint(&self) -> String {
        let difference = &self.difference;
        cloudspec_findings::fingerprint(&format!(
            "{}\n{}\n{}",
            difference.rule.id, difference.document, difference.vendor
        ))
    }
}

/// Every endpoint of `endpoints` held against its contract, in order.
pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Vec<Outcome> {
    endpoints.iter().map(|endpoint| hold(workspace, endpoint)).collect()
}

/// One endpoint held against its contract.
pub fn hold(workspace: &Workspace, endpoint: &Endpoint) -> Outcome {
    let conform_file = crate::paths::conform_file(endpoint);
    let result = accepted::read(workspace.root(), &conform_file)
        .map_err(Error::from)
        .and_then(|file| held(workspace, endpoint, file));
    Outcome { key: endpoint.key(), conform_file: conform_file.into(), result }
}

fn held(workspace: &Workspace, endpoint: &Endpoint, file: accepted::ConformFile) -> Result<Held, Error> {
    // Only `format: none` names no file.
    let Some((contract, url)) = file.contract.file().zip(file.contract.url()) else {
        let ContractRef::None { reason } = file.contract else {
            return Ok(Held::NoContract { reason: String::new() });
        };
        return Ok(Held::NoContract { reason });
    };
    let document_path = crate::paths::document(endpoint);
    let (text, document) = read_document(workspace, &document_path)?;
    let vendor = cloudspec_schema::json::read(&workspace.path(&contract)).map_err(|error| match error {
        cloudspec_schema::json::JsonFileError::Read { source, .. }
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            Error::ContractMissing { path: contract.clone(), key: endpoint.key(), url: url.clone() }
        }
        error => Error::Contract(error.with_path(contract.clone())),
    })?;
    let differences = compare_files(&document, endpoint.operation_id, &file.contract, &vendor).map_err(
        |error| match error {
            Side::Document(message) => Error::Document { path: document_path.clone().into(), message },
            Side::Vendor(place) => Error::Vendor { path: contract.clone(), place },
        },
    )?;
    let (mut differences, stale) = judge(differences, &file.accepted);
    for judged in &mut differences {
        judged.line = cloudspec_diff::locate::line(&text, &judged.difference.document.pointer);
    }
    Ok(Held::Compared(Comparison {
        document: document_path.into(),
        contract,
        format: file.contract.format(),
        url,
        differences,
        stale,
    }))
}

/// The document's text, to find lines in, and its value.
fn read_document(workspace: &Workspace, path: &std::path::Path) -> Result<(String, Value), Error> {
    let text = std::fs::read_to_string(workspace.path(path))
        .map_err(|source| Error::DocumentUnread { path: path.to_owned(), source })?;
    let value = crate::yaml::parse(&text)
        .map_err(|source| Error::DocumentNotYaml { path: path.to_owned(), source })?;
    Ok((text, value))
}

/// Which file a comparison could not read, and why.
#[derive(Debug, PartialEq, Eq)]
pub enum Side {
    Document(String),
    Vendor(String),
}

/// The differences between operation `operation_id` of `document` and what `vendor` (a
/// file in `contract`'s format) says of the same operation.
pub fn compare_files(
    document: &Value,
    operation_id: &str,
    contract: &ContractRef,
    vendor: &Value,
) -> Result<Vec<Difference>, Side> {
    let Some((ours, theirs)) = operations(document, operation_id, contract, vendor)? else {
        return Ok(Vec::new());
    };
    let differences = compare::compare(&ours, &theirs);
    Ok(differences
        .into_iter()
        .map(|difference| difference.locate(document, &ours.at, vendor, &theirs.at))
        .collect())
}

/// Operation `operation_id` of `document`, and the vendor's of the same operation in
/// `vendor`; `None` where `contract` names no contract.
pub fn operations(
    document: &Value,
    operation_id: &str,
    contract: &ContractRef,
    vendor: &Value,
) -> Result<Option<(model::Operation, model::Operation)>, Side> {
    let ours = document::operation(document, operation_id)
        .ok_or_else(|| Side::Document(format!("has no operation {operation_id:?}")))?;
    let theirs = match contract {
        ContractRef::HuaweiApiExplorer { .. } => huawei::operation(vendor),
        ContractRef::AliyunOpenapiMetadata { .. } => {
            let rpc = vendor
                .pointer("/info/style")
                .and_then(Value::as_str)
                .is_none_or(|style| style.eq_ignore_ascii_case("RPC"));
            let name = if rpc {
                document::action(&ours).map(|action| action.value).ok_or_else(|| {
                    Side::Document(format!(
                        "{operation_id} has no `Action` parameter of one value, which names the RPC \
                        action to hold it to"
                    ))
                })?
            } else {
                operation_id.to_owned()
            };
            aliyun::operation(vendor, &name)
        }
        ContractRef::None { .. } => return Ok(None),
    }
    .map_err(Side::Vendor)?;
    Ok(Some((ours, theirs)))
}

/// Each difference with the first entry that accepts it; and the entries that accept none.
pub fn judge(differences: Vec<Difference>, entries: &[Entry]) -> (Vec<Judged>, Vec<Entry>) {
    let mut judged: Vec<Judged> =
        differences.into_iter().map(|difference| Judged { difference, accepted: None, line: None }).collect();
    let stale = cloudspec_findings::accepted::apply(
        &mut judged,
        entries,
        |key: &Key, judged: &Judged| Ok(judged.accepted.is_none() && key.accepts(&judged.difference)),
        |judged, entry| judged.accepted = Some(entry.clone()),
    );
    // No entry is refused: a key that names no difference is only stale.
    (judged, stale.unwrap_or_default().into_iter().cloned().collect())
}

impl Outcome {
    /// Whether the endpoint passes: compared, with every difference accepted and no stale
    /// entry; or with no contract, for a reason.
    pub fn passes(&self) -> bool {
        match &self.result {
            Ok(Held::Compared(comparison)) => {
                comparison.stale.is_empty()
                    && comparison.differences.iter().all(|judged| judged.accepted.is_some())
            }
            Ok(Held::NoContract { .. }) => true,
            Err(_) => false,
        }
    }
}
