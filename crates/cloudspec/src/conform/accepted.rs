//! An endpoint's `<module>.conform.yaml`, beside its module and its overlays: which vendor
//! contract the endpoint is held to (or why there is none), and the differences accepted,
//! one entry each, with the reason.
//!
//! ```yaml
//! contract:
//!   format: huawei-api-explorer
//!   product: CPH
//!   operation: ListCloudPhoneImages
//! accepted:
//! - rule: operation-name-differs
//!   document: operation/operationId = "ListPhoneImages"
//!   vendor: operation/operationId = "ListCloudPhoneImages"
//!   reason: The pages are the contract.
//! ```
//!
//! `document` and `vendor` name each side by its stable place ([`super::place`]), not its
//! JSON pointer, so that reordering parameters or renaming a path moves no entry.

use std::path::{Path, PathBuf};

use cloudspec_findings::accepted;
use serde::{Deserialize, Serialize};

use super::compare::Difference;
use super::error::{Error, FileError};
use super::place::Stated;
use super::{aliyun, huawei, rules};
use crate::datafile::{self, DataFileError};

/// The file: the contract, and the accepted entries, each knowing its line.
#[derive(Debug)]
pub struct ConformFile {
    pub contract: ContractRef,
    pub accepted: Vec<Entry>,
}

/// The file as written; its entries are then read as every accepted-findings file's are.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    contract: ContractRef,
    #[serde(default)]
    accepted: Vec<WrittenEntry>,
}

/// An entry as written: what it accepts, and why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenEntry {
    rule: String,
    document: Stated,
    vendor: Stated,
    reason: String,
}

impl From<WrittenEntry> for accepted::Written<Key> {
    fn from(entry: WrittenEntry) -> Self {
        let WrittenEntry { rule, document, vendor, reason } = entry;
        Self { key: Key { rule, document, vendor }, reason }
    }
}

/// Which vendor contract an endpoint is held to.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(tag = "format", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ContractRef {
    /// Alibaba Cloud's OpenAPI metadata of a product version.
    AliyunOpenapiMetadata { product: String, version: String },
    /// Huawei Cloud API Explorer's definition of one operation.
    HuaweiApiExplorer { product: String, operation: String },
    /// No machine-readable contract exists; the reason says what was looked for.
    None { reason: String },
}

pub(crate) use crate::paths::CONTRACTS_DIR;

impl ContractRef {
    /// The format's name, as the file writes it.
    pub fn format(&self) -> &'static str {
        match self {
            Self::AliyunOpenapiMetadata { .. } => aliyun::FORMAT,
            Self::HuaweiApiExplorer { .. } => huawei::FORMAT,
            Self::None { .. } => "none",
        }
    }

    /// The stored contract, relative to the workspace root: the one place its path is made.
    pub fn file(&self) -> Option<PathBuf> {
        let relative = match self {
            Self::AliyunOpenapiMetadata { product, version } => aliyun::file(product, version),
            Self::HuaweiApiExplorer { product, operation } => huawei::file(product, operation),
            Self::None { .. } => return None,
        };
        Some(Path::new(CONTRACTS_DIR).join(relative))
    }

    /// Where the vendor publishes it.
    pub fn url(&self) -> Option<String> {
        match self {
            Self::AliyunOpenapiMetadata { product, version } => Some(aliyun::url(product, version)),
            Self::HuaweiApiExplorer { product, operation } => Some(huawei::url(product, operation)),
            Self::None { .. } => None,
        }
    }

    /// The bytes to store of what the vendor served, or why they are not a contract.
    pub fn normalise(&self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            Self::AliyunOpenapiMetadata { .. } => aliyun::normalise(bytes),
            Self::HuaweiApiExplorer { .. } => huawei::normalise(bytes),
            Self::None { .. } => Ok(bytes.to_vec()),
        }
    }
}

/// What the entry a report suggests says in place of a reason, until someone writes one;
/// the findings' reader refuses it ([`accepted::REASON_TO_WRITE`] starts it).
pub const REASON_TO_WRITE: &str = "TODO(conform):";

/// What an entry accepts: a difference of `rule` between these places. `document` and
/// `vendor` are its places as reports print them: `place = value` or `place (absent)`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Key {
    pub rule: String,
    pub document: Stated,
    pub vendor: Stated,
}

/// One accepted difference, with its reason, file and line.
pub type Entry = accepted::Entry<Key>;

impl Key {
    /// What names `difference`.
    pub fn of(difference: &Difference) -> Self {
        Self {
            rule: difference.rule.id.to_owned(),
            document: difference.document.stated(),
            vendor: difference.vendor.stated(),
        }
    }

    /// Whether it names `difference`: its rule, and each side's place (or pattern of places,
    /// one reason for many) and value.
    pub fn accepts(&self, difference: &Difference) -> bool {
        self.rule == difference.rule.id
            && self.document.accepts(&difference.document.stated())
            && self.vendor.accepts(&difference.vendor.stated())
    }
}

/// An entry to write into a file: what it accepts, and why (or a reason still to write).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Draft {
    #[serde(flatten)]
    pub key: Key,
    pub reason: String,
}

impl Draft {
    /// The entry that accepts `difference`, with `reason`.
    pub fn of(difference: &Difference, reason: &str) -> Self {
        Self { key: Key::of(difference), reason: reason.to_owned() }
    }

    /// The entry as YAML, indented to sit in an `accepted:` list.
    pub fn yaml(&self) -> String {
        let text = yaml_serde::to_string(&[self]).unwrap_or_default();
        text.trim_end().to_owned()
    }
}

/// Appends `entries` to the conform file at `relative` (under the workspace root), after its
/// last entry.
pub(crate) fn append(workspace: &crate::Workspace, relative: &Path, entries: &[Draft]) -> Result<(), Error> {
    if entries.is_empty() {
        return Ok(());
    }
    let text = std::fs::read_to_string(workspace.path(relative))
        .map_err(|source| Error::Read { path: relative.to_owned(), source })?;
    let mut text = text.replace("accepted: []\n", "accepted:\n");
    if !text.lines().any(|line| line.trim_end() == "accepted:") {
        text.push_str("accepted:\n");
    }
    for entry in entries {
        text.push_str(&entry.yaml());
        text.push('\n');
    }
    crate::sync::write_file(workspace, relative, &text)
        .map_err(|source| Error::Write { path: relative.to_owned(), source })
}

/// Reads the file at `relative` under `root`; each entry learns its line, and an entry with
/// an unknown rule or no reason is an error naming its line.
pub fn read(root: &Path, relative: &Path) -> Result<ConformFile, FileError> {
    let text = std::fs::read_to_string(root.join(relative)).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            FileError::Missing(relative.to_owned())
        } else {
            FileError::File(DataFileError::Read { path: relative.to_owned(), source })
        }
    })?;
    parse(relative, &text)
}

/// Parses the text of the file at `relative`.
pub fn parse(relative: &Path, text: &str) -> Result<ConformFile, FileError> {
    let written: Written = datafile::parse(relative, text)?;
    let lines = datafile::item_lines(text, "accepted");
    let accepted = datafile::entries(relative, written.accepted.into_iter().map(Into::into), &lines)?;
    let known: Vec<&str> = rules::all().iter().map(|rule| rule.id).collect();
    for (index, entry) in accepted.iter().enumerate() {
        let error = |message: String| FileError::from(DataFileError::entry(relative, entry.line, message));
        if !known.contains(&entry.key.rule.as_str()) {
            return Err(error(format!(
                "unknown rule {:?}; the rules are {}",
                entry.key.rule,
                known.join(", ")
            )));
        }
        if let Some(first) = accepted[..index].iter().find(|earlier| earlier.key == entry.key) {
            return Err(error(format!("the same difference as the entry on line {}", first.line)));
        }
    }
    Ok(ConformFile { contract: written.contract, accepted })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
contract:
  format: none
  reason: none published
accepted:
# a comment
- rule: type-differs
  document: /a = \"string\"
  vendor: /b = \"integer\"
  reason: &why >-
    the page is the contract

    - not an entry
- rule: limit-differs
  document: /c (absent)
  vendor: /d = 3
  reason: *why
";

    #[test]
    fn entries_know_their_lines_and_share_reasons() {
        let file = parse(Path::new("x.conform.yaml"), FILE).expect("parses");
        let found: Vec<(usize, &str)> =
            file.accepted.iter().map(|entry| (entry.line, entry.reason.as_str())).collect();
        let why = "the page is the contract\n- not an entry";
        assert_eq!(found, [(6, why), (13, why)]);
    }

    #[test]
    fn an_unknown_rule_or_a_missing_reason_names_the_line() {
        let unknown = FILE.replace("rule: limit-differs", "rule: limits");
        let error = parse(Path::new("x.conform.yaml"), &unknown).expect_err("unknown rule");
        assert!(error.to_string().starts_with("x.conform.yaml:13: unknown rule \"limits\""), "{error}");
        let empty = FILE.replace("reason: *why", "reason: ' '");
        let error = parse(Path::new("x.conform.yaml"), &empty).expect_err("no reason");
        assert_eq!(
            error.to_string(),
            "x.conform.yaml:13: the entry has no reason: say why the finding is accepted"
        );
        let twice = FILE
            .replace("/c (absent)", "/a = \"string\"")
            .replace("/d = 3", "/b = \"integer\"")
            .replace("limit-differs", "type-differs");
        let error = parse(Path::new("x.conform.yaml"), &twice).expect_err("duplicate");
        assert_eq!(error.to_string(), "x.conform.yaml:13: the same difference as the entry on line 6");
    }

    /// A place that does not read is an error naming the file, the line and column of the
    /// value, and what was expected.
    #[test]
    fn a_malformed_place_names_its_line_and_column() {
        let old_style = FILE.replace("vendor: /d = 3", "vendor: parameters/1/maxLength = 3");
        let error = parse(Path::new("x.conform.yaml"), &old_style).expect_err("not a place");
        assert_eq!(
            error.to_string(),
            "x.conform.yaml:15:11: accepted[1].vendor: expected a place that starts with \
            `operation`, `path-item` or `/`, found \"parameters/1/maxLength\""
        );
        let no_value = FILE.replace("document: /c (absent)", "document: '/c = '");
        let error = parse(Path::new("x.conform.yaml"), &no_value).expect_err("no value");
        assert!(
            error.to_string().starts_with("x.conform.yaml:14:13: accepted[1].document: expected"),
            "{error}"
        );
    }
}
