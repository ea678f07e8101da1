//! The citations files: for each stated fact, where it comes from, written once beside what
//! states it. An endpoint's facts are cited in `<module>.citations.yaml`; what its service
//! states for every operation (statuses, the error body) in `<service>.citations.yaml`; what
//! the provider states everywhere (the gateway's statuses, the IAM token, the project ID) in
//! the provider crate's `src/citations.yaml`.
//!
//! ```yaml
//! facts:
//! - at: /components/schemas/PhoneImage/properties/image_name/x-max-bytes
//!   cite:
//!   - page: huaweicloud/cph/cph_api_0519.en.txt
//!     quote: The value can contain a maximum of 128 bytes.
//! - at: /components/schemas/PhoneImage/properties/*     # `*`: any one step
//!   cite:
//!   - judgement: Every image of the page's example has every field.
//! ```
//!
//! A citation is a `quote` from a captured `page`; a place in the endpoint's `contract`
//! (conform's place syntax); a quote from the research notes (`facts`); or a `judgement`
//! with its reason.
//!
//! The endpoint's file also holds its `notes`: what the operation's description says of its
//! sources and where they disagree, each with the citations that bear it out. The pipeline
//! renders them into the description ("Sources, and where they disagree:"), so a note cannot
//! reach a document without its sources:
//!
//! ```yaml
//! notes:
//! - note: |-
//!     The operation is named ListPhoneImages, as both pages name it. API Explorer and the
//!     SDKs call it ListCloudPhoneImages; the pages are the contract.
//!   cite:
//!   - contract: operation/operationId
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use cloudspec_endpoint::Endpoint;

use crate::datafile::{self, DataFileError};
use crate::workspace::Workspace;

/// What a citations file is named after: `<stem>.citations.yaml`.
const SUFFIX: &str = ".citations.yaml";

/// One citation, as written.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Written {
    pub page: Option<String>,
    pub quote: Option<String>,
    pub contract: Option<String>,
    pub facts: Option<String>,
    pub judgement: Option<String>,
}

/// One citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Citation {
    /// A quote from a captured page.
    Page { page: String, quote: String },
    /// A place in the endpoint's vendor contract.
    Contract { place: String },
    /// A quote from the research notes, which name their public source on each line.
    Facts { quote: String },
    /// A choice made by us, with its reason.
    Judgement { reason: String },
}

impl Citation {
    fn of(written: Written) -> Result<Self, String> {
        match written {
            Written {
                page: Some(page),
                quote: Some(quote),
                contract: None,
                facts: None,
                judgement: None,
            } => Ok(Self::Page { page, quote }),
            Written { page: None, quote: None, contract: Some(place), facts: None, judgement: None } => {
                Ok(Self::Contract { place })
            }
            Written { page: None, quote: None, contract: None, facts: Some(quote), judgement: None } => {
                Ok(Self::Facts { quote })
            }
            Written { page: None, quote: None, contract: None, facts: None, judgement: Some(reason) } => {
                Ok(Self::Judgement { reason })
            }
            _ => Err("expected one of `page` with `quote`, `contract`, `facts` or `judgement`".to_owned()),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenFile {
    #[serde(default)]
    facts: Vec<WrittenEntry>,
    #[serde(default)]
    notes: Vec<WrittenNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenNote {
    note: String,
    cite: Vec<Written>,
}

/// A citations file, read.
#[derive(Clone, Debug, Default)]
pub(crate) struct File {
    pub entries: Vec<Entry>,
    pub notes: Vec<Note>,
}

/// What the operation's description says of its sources, and the citations that bear it out.
#[derive(Clone, Debug)]
pub struct Note {
    /// The file, relative to the workspace root.
    pub file: PathBuf,
    /// The line the note starts on (1-based).
    pub line: usize,
    /// As the description shows it: lines of at most about 90 characters.
    pub text: String,
    pub cite: Vec<Citation>,
}

/// The heading the notes are rendered under, in the operation's description.
pub(crate) const NOTES_HEADING: &str = "Sources, and where they disagree:";

/// `description` followed by `notes` under [`NOTES_HEADING`], one bullet each, its lines
/// indented under the dash; `description` itself if there are none.
pub(crate) fn with_notes(description: &str, notes: &[Note]) -> String {
    if notes.is_empty() {
        return description.to_owned();
    }
    let mut text = format!("{}\n\n{NOTES_HEADING}", description.trim_end());
    for note in notes {
        text.push_str("\n- ");
        text.push_str(&note.text.trim_end().replace('\n', "\n  "));
    }
    text
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenEntry {
    at: String,
    cite: Vec<Written>,
}

/// One entry: the facts at a place (or a pattern of places) and their citations.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file, relative to the workspace root.
    pub file: PathBuf,
    /// The line the entry starts on (1-based).
    pub line: usize,
    pub at: String,
    pub cite: Vec<Citation>,
}

impl Entry {
    /// Whether the entry cites the fact at `place`: the same steps, `*` standing for any one.
    pub fn covers(&self, place: &str) -> bool {
        crate::conform::place::matches(&self.at, place)
    }
}

/// Why a citations file cannot be used.
pub(crate) type FileError = DataFileError;

/// The citations files that apply to `endpoint`, most specific first: the endpoint's, its
/// service's, its provider's. Each is relative to the workspace root.
pub(crate) fn files_of(endpoint: &Endpoint) -> [PathBuf; 3] {
    let module = Path::new(endpoint.source_file);
    let stem = module.with_extension("");
    let service = module.parent().unwrap_or(Path::new(""));
    let source_dir = service.parent().unwrap_or(Path::new(""));
    [
        PathBuf::from(format!("{}{SUFFIX}", stem.display())),
        PathBuf::from(format!("{}{SUFFIX}", service.display())),
        source_dir.join(SUFFIX.trim_start_matches('.')),
    ]
}

/// The file at `relative`; empty if it does not exist.
pub(crate) fn read(workspace: &Workspace, relative: &Path) -> Result<File, FileError> {
    let text = match std::fs::read_to_string(workspace.path(relative)) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(File::default()),
        Err(source) => return Err(DataFileError::Read { path: relative.to_owned(), source }),
    };
    parse(relative, &text)
}

/// The notes of `endpoint`'s operation, from its own citations file.
pub(crate) fn notes_of(workspace: &Workspace, endpoint: &Endpoint) -> Result<Vec<Note>, FileError> {
    let [own, ..] = files_of(endpoint);
    read(workspace, &own).map(|file| file.notes)
}

/// `text`, the file at `relative`.
pub(crate) fn parse(relative: &Path, text: &str) -> Result<File, FileError> {
    let file: WrittenFile = datafile::parse(relative, text)?;
    let fact_lines = datafile::item_lines(text, "facts");
    let entries = file
        .facts
        .into_iter()
        .enumerate()
        .map(|(index, written)| {
            let line = fact_lines.get(index).copied().unwrap_or(0);
            let cite = citations(relative, line, &written.at, written.cite)?;
            Ok(Entry { file: relative.to_owned(), line, at: written.at, cite })
        })
        .collect::<Result<_, _>>()?;
    let note_lines = datafile::item_lines(text, "notes");
    let notes = file
        .notes
        .into_iter()
        .enumerate()
        .map(|(index, written)| {
            let line = note_lines.get(index).copied().unwrap_or(0);
            let cite = citations(relative, line, "the note", written.cite)?;
            Ok(Note { file: relative.to_owned(), line, text: written.note, cite })
        })
        .collect::<Result<_, _>>()?;
    Ok(File { entries, notes })
}

/// The citations of the item on `line` (`what`, for errors): at least one, each of one kind.
fn citations(
    relative: &Path,
    line: usize,
    what: &str,
    written: Vec<Written>,
) -> Result<Vec<Citation>, FileError> {
    let error = |message: String| DataFileError::entry(relative, line, message);
    if written.is_empty() {
        return Err(error(format!("{what}: cites nothing; give at least one citation")));
    }
    written
        .into_iter()
        .map(|citation| Citation::of(citation).map_err(|message| error(format!("{what}: {message}"))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_stands_for_one_step_and_selectors_are_one_step() {
        let entry = |at: &str| Entry { file: PathBuf::new(), line: 1, at: at.to_owned(), cite: Vec::new() };
        assert!(entry("/components/schemas/A/properties/*").covers("/components/schemas/A/properties/b"));
        assert!(
            !entry("/components/schemas/A/properties/*")
                .covers("/components/schemas/A/properties/b/maxLength")
        );
        assert!(
            entry("operation/parameters[in=path,name=a/b]/required")
                .covers("operation/parameters[in=path,name=a/b]/required")
        );
        assert!(entry("operation/responses/*").covers("operation/responses/400"));
    }

    #[test]
    fn notes_render_as_bullets_under_the_heading_and_keep_their_lines() {
        let text = "notes:\n- note: |-\n    One line,\n    and its next.\n  cite:\n  - facts: a \
            quote\n- note: Two.\n  cite:\n  - contract: /a\n";
        let file = parse(Path::new("x.citations.yaml"), text).expect("a file of notes");
        assert_eq!(file.notes.iter().map(|note| note.line).collect::<Vec<_>>(), [2, 7]);
        assert_eq!(
            with_notes("Lists things.\n", &file.notes),
            "Lists things.\n\nSources, and where they disagree:\n- One line,\n  and its next.\n- Two."
        );
        assert_eq!(with_notes("Lists things.", &[]), "Lists things.");
        let uncited = "notes:\n- note: Three.\n  cite: []\n";
        let error = parse(Path::new("x.citations.yaml"), uncited).expect_err("a note without a citation");
        assert_eq!(
            error.to_string(),
            "x.citations.yaml:2: the note: cites nothing; give at least one citation"
        );
    }

    #[test]
    fn a_citation_is_of_one_kind() {
        let text = "facts:\n- at: /a\n  cite:\n  - page: p\n    judgement: j\n";
        let error = parse(Path::new("x.citations.yaml"), text).expect_err("two kinds");
        assert_eq!(
            error.to_string(),
            "x.citations.yaml:2: /a: expected one of `page` with `quote`, `contract`, `facts` or `judgement`"
        );
    }
}
