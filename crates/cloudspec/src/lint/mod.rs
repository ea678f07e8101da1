//! `lint`: the house rules a finished document must follow beyond valid OpenAPI 3.1, each
//! finding with its rule, level, document and JSON pointer.
//!
//! [`operations`] holds the rules on operations and responses; [`schemas`] those on
//! schemas, names and examples; [`components`] finds unused components; the uniqueness of
//! operationIds is checked here, across the catalog. [`report`] prints findings.

mod components;
mod operations;
pub mod report;
pub mod rules;
mod schemas;

use std::collections::HashMap;

use serde_json::Value;

pub use rules::{Level, Rule};

use cloudspec_endpoint::WireCase;
use cloudspec_schema::openapi;

use crate::document::Document;

/// A document to lint.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The path it is shown with: `spec/<provider>/<service>/<OperationId>.yaml`.
    pub path: &'a str,
    pub document: &'a Value,
    /// The case of the provider's wire names.
    pub wire_case: WireCase,
    /// Whether the build proved the document sound ([`crate::soundness`]), so that
    /// `example-valid` has nothing left to find in it.
    pub proven: bool,
}

/// One place that breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub document: String,
    pub pointer: String,
    pub message: String,
}

/// Collects the findings on one document.
#[derive(Debug)]
struct Linter<'a> {
    subject: Subject<'a>,
    findings: Vec<Finding>,
}

impl Linter<'_> {
    fn report(&mut self, rule: Rule, pointer: &str, message: impl Into<String>) {
        self.findings.push(Finding {
            rule,
            document: self.subject.path.to_owned(),
            pointer: pointer.to_owned(),
            message: message.into(),
        });
    }
}

/// Every finding on `subjects`, document by document (each on its own, so on every core:
/// [`crate::parallel`]), then those across the catalog.
pub fn lint(subjects: &[Subject<'_>]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = cloudspec_parallel::map(subjects, |&subject| {
        let mut linter = Linter { subject, findings: Vec::new() };
        linter.operations();
        linter.schemas();
        linter.examples();
        linter.unused_components();
        linter.findings
    })
    .into_iter()
    .flatten()
    .collect();
    findings.extend(unique_operation_ids(subjects));
    findings
}

/// An operationId names a method in every generated SDK: two operations with one name
/// collide when the catalog is generated as one client.
fn unique_operation_ids(subjects: &[Subject<'_>]) -> Vec<Finding> {
    let mut first: HashMap<&str, (String, String)> = HashMap::new();
    let mut findings = Vec::new();
    for subject in subjects {
        for operation in openapi::operations(subject.document) {
            let Some(id) = operation.value.get("operationId").and_then(Value::as_str) else { continue };
            let pointer = format!("{}/operationId", operation.pointer);
            match first.get(id) {
                Some((document, at)) => findings.push(Finding {
                    rule: rules::OPERATION_ID_UNIQUE,
                    document: subject.path.to_owned(),
                    pointer,
                    message: format!("operationId {id:?} is also the operationId at {document}#{at}"),
                }),
                None => {
                    first.insert(id, (subject.path.to_owned(), pointer));
                }
            }
        }
    }
    findings
}

fn subject<'a>((built, path): (&'a Document, &'a String)) -> Subject<'a> {
    Subject {
        path: path.as_str(),
        document: &built.value,
        wire_case: built.endpoint.provider.wire_case,
        proven: true,
    }
}

/// The findings on documents built from endpoints, each linted with its provider's case.
/// operationIds must be unique across the English documents; a locale's twin repeats its
/// English document's, so each twin is linted on its own.
pub fn documents(documents: &[Document]) -> Vec<Finding> {
    let paths: Vec<String> = documents.iter().map(|built| built.path.to_string()).collect();
    let (english, localized): (Vec<_>, Vec<_>) = documents
        .iter()
        .zip(&paths)
        .partition(|(built, _)| built.path == crate::paths::document(built.endpoint));
    let mut findings = lint(&english.into_iter().map(subject).collect::<Vec<_>>());
    findings
        .extend(cloudspec_parallel::map(&localized, |&twin| lint(&[subject(twin)])).into_iter().flatten());
    findings
}
