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

mod captures;
mod facts;
pub(crate) mod rules;
mod verify;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io;
use std::path::PathBuf;

use cloudspec_findings::render::Sink;
use cloudspec_findings::{Finding, Level, Status, Subject, Tone};
use serde_json::Value;

pub(crate) use crate::citations::Citation;
pub use crate::citations::{Entry, Note};
pub use captures::Captures;
pub use facts::Fact;
pub(crate) use verify::{Contract, Sources};

use cloudspec_endpoint::Endpoint;
use cloudspec_schema::openapi;

use crate::citations;
use crate::conform::{self, ContractRef};
use crate::document::Document;
use crate::paths;
use crate::relpath::RelPath;
use crate::workspace::{self, Workspace};

/// One citation of a fact, and whether its source bears it out.
#[derive(Debug)]
pub struct Checked {
    /// The citations file, relative to the root, and the line of the entry.
    pub file: PathBuf,
    pub line: usize,
    pub citation: Citation,
    /// What the source says instead, where it does not bear the citation out.
    pub result: Result<(), String>,
    /// For a contract citation: the contract's file, and what it has at the place.
    pub contract: Option<(PathBuf, Says)>,
}

/// What a contract has at a cited place, as the provenance page shows it.
#[derive(Debug)]
pub enum Says {
    Nothing,
    /// An object: a property, a parameter, a response.
    Object,
    /// A value, compact: a scalar or a list of scalars.
    Value(String),
}

/// A stated fact and its citations.
#[derive(Debug)]
pub struct Cited {
    pub fact: Fact,
    pub citations: Vec<Checked>,
}

impl Cited {
    pub(crate) fn is_cited(&self) -> bool {
        !self.citations.is_empty()
    }

    /// Cited, and every citation borne out.
    pub(crate) fn is_verified(&self) -> bool {
        self.is_cited() && self.citations.iter().all(|checked| checked.result.is_ok())
    }
}

/// How one document's facts stand.
#[derive(Debug)]
pub struct Outcome {
    pub document: RelPath,
    pub facts: Vec<Cited>,
}

impl Outcome {
    pub fn cited(&self) -> usize {
        self.facts.iter().filter(|fact| fact.is_cited()).count()
    }

    pub fn verified(&self) -> usize {
        self.facts.iter().filter(|fact| fact.is_verified()).count()
    }

    pub(crate) fn uncited(&self) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(|fact| !fact.is_cited()).map(|cited| &cited.fact)
    }

    /// Each citation its source does not bear out, and each fact nothing cites.
    fn problems(&self) -> impl Iterator<Item = String> {
        let document = self.document.to_string();
        self.facts.iter().flat_map(move |cited| {
            let fact = &cited.fact;
            let wrong = cited.citations.iter().filter_map(move |checked| {
                checked.result.as_ref().err().map(|says| {
                    format!(
                        "{}:{}: {} = {}: {says}",
                        workspace::display(&checked.file),
                        checked.line,
                        fact.place,
                        short(&fact.value)
                    )
                })
            });
            let uncited = (!cited.is_cited()).then(|| uncited(&document, fact));
            wrong.chain(uncited)
        })
    }
}

/// The problem of a fact of `document` that nothing cites, as `check` reports it.
fn uncited(document: &str, fact: &Fact) -> String {
    format!(
        "{document}: {} = {} ({}) names no source: cite it (`cargo xtask cite` writes the entry), \
        or change what states it",
        fact.place,
        short(&fact.value),
        fact.kind
    )
}

/// How every document's facts stand, and what is wrong with the citations.
#[derive(Debug, Default)]
pub struct Provenance {
    pub outcomes: Vec<Outcome>,
    /// Each names the file and line, the fact and what its source says.
    pub problems: Vec<String>,
}

impl Provenance {
    /// Whether every fact is cited and every citation holds.
    pub fn passes(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems beyond the facts nothing cites, which `cite` reports as findings of their
    /// own: citations their sources do not bear out, entries that cite no fact, files that
    /// cannot be read.
    pub(crate) fn miscited(&self) -> Vec<&str> {
        let uncited: BTreeSet<String> = self
            .outcomes
            .iter()
            .flat_map(|outcome| {
                let document = workspace::display(&outcome.document);
                outcome.uncited().map(move |fact| uncited(&document, fact))
            })
            .collect();
        self.problems.iter().map(String::as_str).filter(|problem| !uncited.contains(*problem)).collect()
    }
}

/// The citations files read so far, by path.
#[derive(Debug, Default)]
struct Files(BTreeMap<PathBuf, Read>);

/// One citations file: each entry with whether it cited a fact, and its notes (only an
/// endpoint's own file may have any).
type Read = (Vec<(Entry, bool)>, Vec<Note>);

impl Files {
    /// Reads the files of `layers` not read yet; a file that cannot be read is a problem.
    fn read(&mut self, workspace: &Workspace, layers: &[PathBuf], problems: &mut Vec<String>) {
        for layer in layers {
            if self.0.contains_key(layer) {
                continue;
            }
            let file = citations::read(workspace, layer).unwrap_or_else(|error| {
                problems.push(error.to_string());
                citations::File::default()
            });
            let entries = file.entries.into_iter().map(|entry| (entry, false)).collect();
            self.0.insert(layer.clone(), (entries, file.notes));
        }
    }

    /// The entries that never cited a fact.
    fn stale(&self) -> impl Iterator<Item = &Entry> {
        self.0.values().flat_map(|(entries, _)| entries).filter(|(_, used)| !used).map(|(entry, _)| entry)
    }
}

/// Holds the facts of the English documents among `documents` to their citations: every
/// fact must be cited, every citation borne out, and every entry must cite a fact.
pub fn check(workspace: &Workspace, documents: &[Document]) -> Provenance {
    let mut provenance = Provenance::default();
    let captures = match Captures::read(workspace) {
        Ok(captures) => captures,
        Err(error) => {
            provenance.problems.push(error.to_string());
            return provenance;
        }
    };
    let mut files = Files::default();
    for document in documents.iter().filter(|document| document.path == paths::document(document.endpoint)) {
        let outcome = hold(workspace, document, &captures, &mut files, &mut provenance.problems);
        provenance.problems.extend(outcome.problems());
        provenance.outcomes.push(outcome);
    }
    for entry in files.stale() {
        provenance.problems.push(format!(
            "{}:{}: cites {}, which no document states: remove the entry or correct its place",
            workspace::display(&entry.file),
            entry.line,
            entry.at
        ));
    }
    provenance
}

/// The facts of one English document and their citations, for its provenance page, held to
/// `captures` (read once for a whole catalog: every endpoint's page is held to all of them).
pub fn of(workspace: &Workspace, document: &Document, captures: &Captures) -> Result<Outcome, String> {
    let mut problems = Vec::new();
    let outcome = hold(workspace, document, captures, &mut Files::default(), &mut problems);
    match problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(outcome),
    }
}

fn hold(
    workspace: &Workspace,
    document: &Document,
    captures: &Captures,
    files: &mut Files,
    problems: &mut Vec<String>,
) -> Outcome {
    let layers = citations::files_of(document.endpoint);
    files.read(workspace, &layers, problems);
    let contract = contract(workspace, document).unwrap_or_else(|problem| {
        problems.push(problem);
        None
    });
    let sources = Sources { captures, contract: contract.as_ref() };
    let operation = openapi::find(&document.value, document.endpoint.operation_id)
        .map(|found| found.pointer)
        .unwrap_or_default();
    let mut facts = Vec::new();
    for fact in facts::of(&document.value, &operation) {
        let mut citations = Vec::new();
        for layer in &layers {
            let Some((entries, _)) = files.0.get_mut(layer) else { continue };
            for (entry, used) in entries.iter_mut().filter(|(entry, _)| entry.covers(&fact.place)) {
                *used = true;
                citations.extend(entry.cite.iter().map(|citation| Checked {
                    file: entry.file.clone(),
                    line: entry.line,
                    citation: citation.clone(),
                    result: verify::citation(citation, &fact, &sources),
                    contract: contract_says(citation, contract.as_ref()),
                }));
            }
        }
        facts.push(Cited { fact, citations });
    }
    for (layer, (_, notes)) in files.0.iter().filter(|(layer, _)| layers[1..].contains(layer)) {
        if let Some(note) = notes.first() {
            problems.push(format!(
                "{}:{}: notes belong in the endpoint's own citations file ({}): they are rendered \
                into its operation's description",
                workspace::display(layer),
                note.line,
                workspace::display(&layers[0])
            ));
        }
    }
    let notes = files.0.get(&layers[0]).map(|(_, notes)| notes.clone()).unwrap_or_default();
    for (index, note) in notes.iter().enumerate() {
        let fact = Fact {
            place: format!("operation/description/notes/{}", index + 1),
            value: Value::String(note.text.split_whitespace().collect::<Vec<_>>().join(" ")),
            kind: "note".to_owned(),
        };
        let mut citations: Vec<Checked> = note
            .cite
            .iter()
            .map(|citation| Checked {
                file: note.file.clone(),
                line: note.line,
                citation: citation.clone(),
                result: verify::citation(citation, &fact, &sources),
                contract: contract_says(citation, contract.as_ref()),
            })
            .collect();
        // A note says what the sources say: one of its citations must be a source's own words
        // or place, not only our judgement.
        if let Some(first) = citations.first_mut()
            && note.cite.iter().all(|citation| matches!(citation, Citation::Judgement { .. }))
        {
            first.result = Err("a note about the sources cites a page, the contract or the research \
                notes, not only a judgement"
                .to_owned());
        }
        facts.push(Cited { fact, citations });
    }
    Outcome { document: document.path.clone(), facts }
}

fn contract_says(citation: &Citation, contract: Option<&Contract>) -> Option<(PathBuf, Says)> {
    let (Citation::Contract { place }, Some(contract)) = (citation, contract) else { return None };
    let says = match verify::at(contract, place) {
        None => Says::Nothing,
        Some(Value::Object(_)) => Says::Object,
        Some(value) => Says::Value(short(value)),
    };
    Some((contract.file.clone(), says))
}

/// The endpoint's contract, as its `.conform.yaml` names it; `None` where it names none.
fn contract(workspace: &Workspace, document: &Document) -> Result<Option<Contract>, String> {
    let endpoint: &Endpoint = document.endpoint;
    let file = conform::accepted::read(workspace.root(), &paths::conform_file(endpoint))
        .map_err(|error| error.to_string())?;
    let Some(path) = file.contract.file() else { return Ok(None) };
    let value = cloudspec_schema::json::read(&workspace.path(&path))
        .map_err(|error| error.with_path(path.clone()).to_string())?;
    let operations = conform::operations(&document.value, endpoint.operation_id, &file.contract, &value);
    let operation = match operations {
        Ok(Some((_, theirs))) => theirs.at,
        Ok(None) => return Ok(None),
        Err(conform::Side::Document(message)) => {
            return Err(format!("{}: {message}", document.path));
        }
        Err(conform::Side::Vendor(message)) => {
            return Err(format!("{}#{message}", workspace::display(&path)));
        }
    };
    debug_assert!(!matches!(file.contract, ContractRef::None { .. }));
    Ok(Some(Contract { file: path, value, operation, accepted: file.accepted }))
}

/// A value as a problem shows it: compact JSON, cut after 60 characters.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 { format!("{}…", text.chars().take(60).collect::<String>()) } else { text }
}

/// The README's table of counts: a row a document.
pub fn markdown_table(provenance: &Provenance) -> String {
    let mut table =
        String::from("| Document | Stated facts | Cited | Verified | Uncited |\n|---|---:|---:|---:|---:|\n");
    for outcome in &provenance.outcomes {
        let _ = writeln!(
            table,
            "| `{}` | {} | {} | {} | {} |",
            outcome.document,
            outcome.facts.len(),
            outcome.cited(),
            outcome.verified(),
            outcome.facts.len() - outcome.cited()
        );
    }
    table
}

/// What `check` reports of the citations, written to `sink`: a subject a document (Cited,
/// in a bad tone while a fact is uncited, which `cite` lists and does not fail), then every
/// problem as an `Unsourced` finding, which fails. Whether all passes.
pub fn subjects(sink: &mut dyn Sink, provenance: &Provenance) -> io::Result<bool> {
    for outcome in &provenance.outcomes {
        let tone = if outcome.cited() == outcome.facts.len() { Tone::Good } else { Tone::Bad };
        let name = format!(
            "{}: {} facts, {} cited, {} verified",
            outcome.document,
            outcome.facts.len(),
            outcome.cited(),
            outcome.verified()
        );
        sink.subject(&Subject::new(name).status(Status::new("Cited", tone, false)), &[])?;
    }
    problems(sink, provenance.problems.iter().map(String::as_str))?;
    Ok(provenance.passes())
}

/// `problems` of the citations, written to `sink` as one subject, `citations`, with an
/// `Unsourced` error each; nothing when there are none.
pub(crate) fn problems<'a>(
    sink: &mut dyn Sink,
    problems: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    let unsourced: Vec<Finding> = problems
        .into_iter()
        .map(|problem| Finding::new("", Level::Error, "Unsourced", "", problem))
        .collect();
    if unsourced.is_empty() {
        return Ok(());
    }
    sink.subject(&Subject::new("citations"), &unsourced)
}

/// The provenance page of `document` (`spec/<key>.sources.md`): every fact it states, with
/// each citation as its source says it, so that a reviewer reads in the diff of a change where
/// a changed fact comes from.
pub fn markdown(document: &Document, outcome: &Outcome, captures: &Captures) -> String {
    let key = document.endpoint.key();
    let depth = document.path.parent().map_or(0, |dir| dir.components().count());
    let root = "../".repeat(depth);
    let mut text = format!("{}\n# Where the facts of `{key}` come from\n\n", crate::emit::GENERATED_MARKDOWN);
    let _ = writeln!(
        text,
        "Every fact that [`{name}`]({name}) states, and its citations, which `cargo xtask check` \
        holds to their \
         sources ([Provenance]({root}docs/reviewers.md#provenance)): {facts} facts, {cited} cited, \
         {verified} verified.\n",
        name = document.path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default(),
        facts = outcome.facts.len(),
        cited = outcome.cited(),
        verified = outcome.verified(),
    );
    text.push_str("| Fact | Value | Source |\n|---|---|---|\n");
    for cited in &outcome.facts {
        let sources: Vec<String> = if cited.citations.is_empty() {
            vec!["**uncited**".to_owned()]
        } else {
            cited.citations.iter().map(|checked| citation_markdown(checked, captures, &root)).collect()
        };
        let _ = writeln!(
            text,
            "| {} | {} | {} |",
            code(&cited.fact.place),
            code(&short(&cited.fact.value)),
            sources.join("<br>")
        );
    }
    text
}

fn citation_markdown(checked: &Checked, captures: &Captures, root: &str) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let said = match &checked.citation {
        Citation::Page { page, quote } => match captures.page(page) {
            Some(capture) => format!(
                "[{}]({}) ([capture]({root}{}/{page}), {}): “{}”",
                cell(&capture.entry.title),
                capture.entry.url,
                captures::SOURCES_DIR,
                capture.entry.captured,
                cell(&captures::normalise(quote))
            ),
            None => format!("{}: “{}”", code(page), cell(quote)),
        },
        Citation::Contract { place } => match &checked.contract {
            Some((file, says)) => format!(
                "[vendor contract]({root}{}) at {}: {}",
                workspace::display(file),
                code(place),
                match says {
                    Says::Nothing => "nothing (an accepted difference)".to_owned(),
                    Says::Object => "present".to_owned(),
                    Says::Value(value) => code(value),
                }
            ),
            None => format!("vendor contract at {}", code(place)),
        },
        Citation::Facts { quote } => format!(
            "[research notes]({root}{}/{}): “{}”",
            captures::SOURCES_DIR,
            captures::FACTS,
            cell(&captures::normalise(quote))
        ),
        Citation::Judgement { reason } => format!("judgement: {}", cell(&captures::normalise(reason))),
    };
    match &checked.result {
        Ok(()) => said,
        Err(says) => format!("{said} **not borne out**: {}", cell(says)),
    }
}

/// `text` as a code span in a table cell.
fn code(text: &str) -> String {
    let text = text.replace('|', "\\|").replace('\n', " ");
    if text.contains('`') { format!("`` {text} ``") } else { format!("`{text}`") }
}
