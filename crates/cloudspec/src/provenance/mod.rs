//! Provenance: every stated fact of a document names its source, and the build checks the
//! citation.
//!
//! [`facts`] finds the stated facts of a built document (limits, enums, defaults, formats,
//! patterns, presence, nullability, examples, statuses, media types), each at a stable
//! place; [`citations`] reads the citations files beside the providers' modules; [`captures`]
//! the captured pages under `sources/`; `verify` holds each citation to its source. `check`
//! reports, per document, how many facts it states, how many are cited and how many
//! citations were verified, and fails on a citation its source does not bear out or one that
//! cites no fact any more.

pub mod captures;
pub mod citations;
pub mod facts;
mod verify;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

pub use captures::Captures;
pub use citations::{Citation, Entry};
pub use facts::Fact;
use verify::{Contract, Sources};

use crate::conform::{self, ContractRef};
use crate::document::Document;
use crate::endpoint::Endpoint;
use crate::report::{self, Report};
use crate::workspace::{self, Workspace};
use crate::{openapi, paths};

/// How one document's facts stand.
#[derive(Debug)]
pub struct Outcome {
    /// The document, relative to the root.
    pub document: PathBuf,
    pub facts: usize,
    /// Facts with at least one citation.
    pub cited: usize,
    /// Cited facts whose every citation its source bears out.
    pub verified: usize,
    pub uncited: Vec<Fact>,
}

/// How every document's facts stand, and what is wrong with the citations.
#[derive(Debug, Default)]
pub struct Provenance {
    pub outcomes: Vec<Outcome>,
    /// Each names the file and line, the fact and what its source says.
    pub problems: Vec<String>,
}

impl Provenance {
    /// Whether every citation holds.
    pub fn passes(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Holds the facts of the English documents among `documents` to their citations.
pub fn check(workspace: &Workspace, documents: &[Document]) -> Provenance {
    let mut provenance = Provenance::default();
    let captures = match Captures::read(workspace) {
        Ok(captures) => captures,
        Err(error) => {
            provenance.problems.push(error.to_string());
            return provenance;
        }
    };
    let mut files: BTreeMap<PathBuf, (Vec<Entry>, Vec<bool>)> = BTreeMap::new();
    for document in documents.iter().filter(|document| document.path == paths::document(document.endpoint)) {
        let layers = citations::files_of(document.endpoint);
        for layer in &layers {
            if files.contains_key(layer) {
                continue;
            }
            match citations::read(workspace, layer) {
                Ok(entries) => {
                    let used = vec![false; entries.len()];
                    files.insert(layer.clone(), (entries, used));
                }
                Err(error) => {
                    provenance.problems.push(error.to_string());
                    files.insert(layer.clone(), (Vec::new(), Vec::new()));
                }
            }
        }
        let contract = match contract(workspace, document) {
            Ok(contract) => contract,
            Err(problem) => {
                provenance.problems.push(problem);
                None
            }
        };
        let sources = Sources { captures: &captures, contract: contract.as_ref() };
        let outcome = hold(document, &layers, &mut files, &sources, &mut provenance.problems);
        provenance.outcomes.push(outcome);
    }
    for (entries, used) in files.values() {
        for (entry, used) in entries.iter().zip(used) {
            if !used {
                provenance.problems.push(format!(
                    "{}:{}: cites {}, which no document states: remove the entry or correct its place",
                    workspace::display(&entry.file),
                    entry.line,
                    entry.at
                ));
            }
        }
    }
    provenance
}

fn hold(
    document: &Document,
    layers: &[PathBuf],
    files: &mut BTreeMap<PathBuf, (Vec<Entry>, Vec<bool>)>,
    sources: &Sources,
    problems: &mut Vec<String>,
) -> Outcome {
    let operation = openapi::find(&document.value, document.endpoint.operation_id)
        .map(|found| found.pointer)
        .unwrap_or_default();
    let facts = facts::of(&document.value, &operation);
    let mut outcome =
        Outcome { document: document.path.clone(), facts: facts.len(), cited: 0, verified: 0, uncited: Vec::new() };
    for fact in facts {
        let mut cited = false;
        let mut holds = true;
        for layer in layers {
            let Some((entries, used)) = files.get_mut(layer) else { continue };
            for (entry, used) in entries.iter().zip(used.iter_mut()).filter(|(entry, _)| entry.covers(&fact.place)) {
                *used = true;
                cited = true;
                for citation in &entry.cite {
                    if let Err(says) = verify::citation(citation, &fact, sources) {
                        holds = false;
                        problems.push(format!(
                            "{}:{}: {} = {}: {says}",
                            workspace::display(&entry.file),
                            entry.line,
                            fact.place,
                            short(&fact.value)
                        ));
                    }
                }
            }
        }
        if cited {
            outcome.cited += 1;
            outcome.verified += usize::from(holds);
        } else {
            outcome.uncited.push(fact);
        }
    }
    outcome
}

/// The endpoint's contract, as its `.conform.yaml` names it; `None` where it names none.
fn contract(workspace: &Workspace, document: &Document) -> Result<Option<Contract>, String> {
    let endpoint: &Endpoint = document.endpoint;
    let file = conform::accepted::read(workspace.root(), &paths::conform_file(endpoint)).map_err(|error| error.to_string())?;
    let Some(path) = file.contract.file() else { return Ok(None) };
    let value = crate::json::read(&workspace.path(&path)).map_err(|error| error.with_path(path.clone()).to_string())?;
    let operations = conform::operations(&document.value, endpoint.operation_id, &file.contract, &value);
    let operation = match operations {
        Ok(Some((_, theirs))) => theirs.at,
        Ok(None) => return Ok(None),
        Err(conform::Side::Document(message)) => return Err(format!("{}: {message}", workspace::display(&document.path))),
        Err(conform::Side::Vendor(message)) => return Err(format!("{}#{message}", workspace::display(&path))),
    };
    debug_assert!(!matches!(file.contract, ContractRef::None { .. }));
    Ok(Some(Contract { file: path, value, operation, accepted: file.accepted }))
}

/// A value as a problem shows it: compact JSON, cut after 60 characters.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 { format!("{}…", text.chars().take(60).collect::<String>()) } else { text }
}

/// The report `check` appends: a line a document, then every problem.
pub fn report(provenance: &Provenance) -> Report {
    let mut out = String::new();
    for outcome in &provenance.outcomes {
        let style = if outcome.uncited.is_empty() { report::GOOD } else { report::WARN };
        report::labelled(
            &mut out,
            style,
            "Cited",
            &format!(
                "{}: {} facts, {} cited, {} verified",
                workspace::display(&outcome.document),
                outcome.facts,
                outcome.cited,
                outcome.verified
            ),
        );
    }
    for problem in &provenance.problems {
        report::labelled(&mut out, report::BAD, "Unsourced", problem);
    }
    let exit_code = if provenance.passes() { report::exit::OK } else { report::exit::INVALID };
    Report::new(out, exit_code)
}
