//! Locales as OpenAPI Overlay 1.0 documents: English lives in the Rust doc comments, and each
//! other locale is an overlay, kept beside the endpoint's source, whose actions replace the
//! `title`, `summary`, `description` and `x-displayName` (a tag's name as pages show it)
//! strings at JSONPath (RFC 9535) targets.
//!
//! Each translated field carries a fingerprint of the English it was translated from, under
//! the action's `x-source`; when the English changes, the translation is reported stale by
//! name. A target that matches nothing (a renamed field) fails loudly, and so does any
//! translatable string left without a translation.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_json_path::JsonPath;

use cloudspec_findings::fingerprint;
use cloudspec_schema::pointer;

/// The fields a translation replaces.
pub(crate) const TRANSLATABLE: [&str; 4] = ["title", "summary", "description", "x-displayName"];

/// What a skeleton writes where a translation is still to be done; never counted as translated.
pub(crate) const UNTRANSLATED: &str = "TODO(translate): ";

/// What separates, in an entry still to translate, the English from the translation of its
/// earlier English: a hint for the translator, which the build refuses as any TODO.
pub(crate) const OUTDATED: &str = "\nTODO(translate) the translation of the earlier English: ";

/// An OpenAPI Overlay 1.0 document.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Overlay {
    pub overlay: String,
    pub info: OverlayInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    pub actions: Vec<Action>,
}

/// The overlay's own title and version.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct OverlayInfo {
    pub title: String,
    pub version: String,
}

/// One action: merge `update` into every node `target` selects, or remove them.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Action {
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<Value>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remove: bool,
    /// For each translated field, the fingerprint of the English it translates.
    #[serde(rename = "x-source", default, skip_serializing_if = "Map::is_empty")]
    pub source: Map<String, Value>,
    /// For a translated field, the passages of it copied verbatim from a vendor's page: the
    /// editorial rules leave them as the vendor wrote them.
    #[serde(rename = "x-verbatim", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub verbatim: BTreeMap<String, Vec<Verbatim>>,
    /// For a translated field, why its translation differs on purpose from the catalog's
    /// translation of the same English.
    #[serde(rename = "x-variant", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variant: BTreeMap<String, String>,
}

/// A passage a translation quotes verbatim, and the vendor page it is quoted from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Verbatim {
    pub text: String,
    pub source: String,
}

/// One translated string of an overlay, with what it translates.
#[derive(Clone, Debug)]
pub struct Translated<'a> {
    /// The JSON pointer of the object in the English document.
    pub pointer: String,
    pub field: &'static str,
    pub english: String,
    pub text: String,
    pub action: &'a Action,
}

/// Every translated string of `overlay`, at each place its action's target selects in
/// `english`; a target that is not JSONPath or selects nothing yields nothing ([`apply`]
/// reports those).
pub fn translations<'a>(english: &Value, overlay: &'a Overlay) -> Vec<Translated<'a>> {
    let mut found = Vec::new();
    for action in &overlay.actions {
        let (Ok(path), Some(update)) = (JsonPath::parse(&action.target), &action.update) else { continue };
        for location in path.query_located(english).locations() {
            let pointer = location.to_json_pointer();
            for field in TRANSLATABLE {
                let (Some(text), Some(source)) =
                    (update.get(field).and_then(Value::as_str), text_at(english, &pointer, field))
                else {
                    continue;
                };
                found.push(Translated {
                    pointer: pointer.clone(),
                    field,
                    english: source.to_owned(),
                    text: text.to_owned(),
                    action,
                });
            }
        }
    }
    found
}

/// Why an overlay cannot be applied, or what it leaves wrong. Each names the overlay file.
#[derive(Debug, thiserror::Error)]
pub enum OverlayError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: expected an OpenAPI Overlay 1.0 document: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{}: {} \
        problem(s):\n{}", path.display(), findings.len(), findings.iter().map(|f| format!("  \
        {f}")).collect::<Vec<_>>().join("\n"))]
    Findings { path: PathBuf, findings: Vec<Finding> },
}

/// The rule an English string without its translation breaks: every string is translated.
pub(crate) const COVERAGE: &str = "i18n-coverage";

/// One problem with a translation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The action's target is not valid JSONPath.
    BadTarget { action: usize, target: String, message: String },
    /// The action's target selects nothing in the English document: a renamed or removed field.
    TargetNotFound { action: usize, target: String },
    /// The English the translation was made from has changed since.
    Stale { pointer: String, field: String, english: String },
    /// A translated field has no fingerprint of its English source.
    NoFingerprint { pointer: String, field: String },
    /// An English string has no translation.
    Untranslated { pointer: String, field: String, english: String },
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadTarget { action, target, message } => {
                write!(f, "[i18n-jsonpath] actions[{action}]: target {target:?} is not JSONPath: {message}")
            }
            Self::TargetNotFound { action, target } => {
                write!(
                    f,
                    "[i18n-target] actions[{action}]: target {target} matches nothing in the English document"
                )
            }
            Self::Stale { pointer, field, english } => write!(
                f,
                "[i18n-stale] {pointer}/{field}: the English changed since it was translated; it \
                now reads {english:?}"
            ),
            Self::NoFingerprint { pointer, field } => {
                write!(
                    f,
                    "[i18n-fingerprint] {pointer}/{field}: translated, but x-source has no \
                    fingerprint of its English"
                )
            }
            Self::Untranslated { pointer, field, english } => {
                write!(f, "[{COVERAGE}] {pointer}/{field} is not translated ({english:?})")
            }
        }
    }
}

/// Reads the overlay at `path` (absolute), naming `shown` in errors.
pub fn read(path: &Path, shown: &Path) -> Result<Overlay, OverlayError> {
    let bytes =
        std::fs::read(path).map_err(|source| OverlayError::Read { path: shown.to_owned(), source })?;
    let text = crate::yaml::text(&bytes).map_err(|error| OverlayError::Syntax {
        path: shown.to_owned(),
        line: error.line,
        column: error.column,
        message: error.message,
    })?;
    crate::yaml::parse(text).map_err(|error| OverlayError::Syntax {
        path: shown.to_owned(),
        line: error.line,
        column: error.column,
        message: error.message,
    })
}

/// A document with an overlay applied.
#[derive(Debug)]
pub struct Applied {
    pub document: Value,
    /// Whether the overlay changed nothing but translatable strings the English document has:
    /// no action removes a node, and every update is `title`, `summary` or `description`
    /// strings where the English has them. Every other value is then the English document's.
    pub only_translates: bool,
}

/// The English document with `overlay` applied, if the translation is complete and current.
pub fn apply(english: &Value, overlay: &Overlay, shown: &Path) -> Result<Applied, OverlayError> {
    let mut document = english.clone();
    let mut findings = Vec::new();
    let mut translated = BTreeSet::new();
    let mut only_text = true;
    for (index, action) in overlay.actions.iter().enumerate() {
        let path = match JsonPath::parse(&action.target) {
            Ok(path) => path,
            Err(error) => {
                findings.push(Finding::BadTarget {
                    action: index,
                    target: action.target.clone(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        let targets: Vec<String> = path
            .query_located(&document)
            .locations()
            .map(serde_json_path::NormalizedPath::to_json_pointer)
            .collect();
        if targets.is_empty() {
            findings.push(Finding::TargetNotFound { action: index, target: action.target.clone() });
            continue;
        }
        for target in targets {
            if action.remove {
                only_text = false;
                remove(&mut document, &target);
                continue;
            }
            let Some(update) = &action.update else { continue };
            only_text &= update.as_object().is_some_and(|fields| {
                fields.iter().all(|(key, value)| TRANSLATABLE.contains(&key.as_str()) && value.is_string())
            });
            check_sources(english, &target, update, action, &mut findings, &mut translated);
            if let Some(node) = document.pointer_mut(&target) {
                merge(node, update);
            }
        }
    }
    let english_strings = translatable(english);
    // Every field written is one of the English document's translatable strings.
    let known: BTreeSet<&(String, &'static str)> = english_strings.iter().collect();
    only_text &= translated.iter().all(|written| known.contains(written));
    for (pointer, field) in english_strings {
        // A string the overlay removed needs no translation.
        let Some(localized) = document.pointer(&pointer).and_then(|node| node.get(field)) else { continue };
        let done = translated.contains(&(pointer.clone(), field))
            && localized.as_str().is_some_and(|text| !text.starts_with(UNTRANSLATED));
        if !done {
            let english = text_at(english, &pointer, field).unwrap_or_default().to_owned();
            findings.push(Finding::Untranslated { pointer, field: field.to_owned(), english });
        }
    }
    if findings.is_empty() {
        Ok(Applied { document, only_translates: only_text })
    } else {
        Err(OverlayError::Findings { path: shown.to_owned(), findings })
    }
}

fn check_sources(
    english: &Value,
    target: &str,
    update: &Value,
    action: &Action,
    findings: &mut Vec<Finding>,
    translated: &mut BTreeSet<(String, &'static str)>,
) {
    for field in TRANSLATABLE {
        if update.get(field).is_none() {
            continue;
        }
        translated.insert((target.to_owned(), field));
        let Some(current) = text_at(english, target, field) else { continue };
        match action.source.get(field).and_then(Value::as_str) {
            None => {
                findings.push(Finding::NoFingerprint { pointer: target.to_owned(), field: field.to_owned() });
            }
            Some(recorded) if recorded != fingerprint(current) => findings.push(Finding::Stale {
                pointer: target.to_owned(),
                field: field.to_owned(),
                english: current.to_owned(),
            }),
            Some(_) => {}
        }
    }
}

fn text_at<'a>(document: &'a Value, pointer: &str, field: &str) -> Option<&'a str> {
    document.pointer(pointer)?.get(field)?.as_str()
}

/// Overlay 1.0's merge: objects recursively, arrays appended, anything else replaced.
fn merge(node: &mut Value, update: &Value) {
    match (node, update) {
        (Value::Object(node), Value::Object(update)) => {
            for (key, value) in update {
                match node.get_mut(key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        node.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (Value::Array(node), Value::Array(update)) => node.extend(update.iter().cloned()),
        (node, update) => *node = update.clone(),
    }
}

fn remove(document: &mut Value, target: &str) {
    let Some((parent, last)) = target.rsplit_once('/') else { return };
    let key = pointer::unescape(last);
    match document.pointer_mut(parent) {
        Some(Value::Object(object)) => {
            object.shift_remove(&key);
        }
        Some(Value::Array(items)) => {
            if let Ok(index) = key.parse::<usize>()
                && index < items.len()
            {
                items.remove(index);
            }
        }
        _ => {}
    }
}

/// Keys whose values are maps from names to objects: a name there is never a field.
const NAME_MAPS: [&str; 12] = [
    "properties",
    "patternProperties",
    "$defs",
    "schemas",
    "responses",
    "paths",
    "headers",
    "securitySchemes",
    "variables",
    "content",
    "links",
    "callbacks",
];

/// Keys that hold data (example payloads, defaults, enums) rather than prose.
const DATA: [&str; 5] = ["example", "value", "default", "enum", "const"];

/// Every `(object pointer, field)` of `document` whose string a locale must translate.
pub fn translatable(document: &Value) -> Vec<(String, &'static str)> {
    let mut found = Vec::new();
    walk(document, "", false, &mut found);
    found
}

fn walk(value: &Value, at: &str, names: bool, found: &mut Vec<(String, &'static str)>) {
    match value {
        Value::Object(object) => {
            if !names {
                for field in TRANSLATABLE {
                    if object.get(field).is_some_and(Value::is_string) {
                        found.push((at.to_owned(), field));
                    }
                }
            }
            for (key, child) in object {
                let data = !names
                    && (DATA.contains(&key.as_str())
                        || key.starts_with("x-")
                        || (key == "examples" && child.is_array()));
                if data || (!names && child.is_string()) {
                    continue;
                }
                let child_names = !names && NAME_MAPS.contains(&key.as_str())
                    || (!names && key == "examples" && child.is_object());
                walk(child, &format!("{at}/{}", pointer::escape(key)), child_names, found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, &format!("{at}/{index}"), false, found);
            }
        }
        _ => {}
    }
}

/// The JSONPath of the node of `document` at `pointer`: dotted names where they are
/// identifiers, indexes where the parent is an array.
pub(crate) fn json_path(document: &Value, at: &str) -> String {
    let mut path = String::from("$");
    let mut node = Some(document);
    for token in at.split('/').skip(1).map(pointer::unescape) {
        let identifier = token.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let in_array = node.is_some_and(Value::is_array);
        node = node.and_then(|parent| match parent {
            Value::Array(items) => token.parse::<usize>().ok().and_then(|index| items.get(index)),
            Value::Object(object) => object.get(&token),
            _ => None,
        });
        if in_array {
            let _ = write!(path, "[{token}]");
        } else if identifier {
            let _ = write!(path, ".{token}");
        } else {
            let _ = write!(path, "['{}']", token.replace('\\', "\\\\").replace('\'', "\\'"));
        }
    }
    path
}

/// A complete overlay for `english`: the translations of `existing` that are still current,
/// and an action per object whose strings need one, holding the English behind
/// [`UNTRANSLATED`] for a translator to replace.
///
/// A string `existing` lacks is filled from `memory` (the catalog's translations of the same
/// English); one whose English changed keeps its old translation beside the TODO, as a hint.
pub fn skeleton(
    english: &Value,
    existing: Option<&Overlay>,
    locale: &str,
    title: &str,
    memory: &dyn Fn(&str) -> Option<String>,
) -> Overlay {
    let mut current: BTreeMap<(String, &'static str), (String, String, &Action)> = BTreeMap::new();
    let mut outdated: BTreeMap<(String, &'static str), String> = BTreeMap::new();
    for action in existing.map_or(&[][..], |overlay| overlay.actions.as_slice()) {
        let Ok(path) = JsonPath::parse(&action.target) else { continue };
        let Some(update) = &action.update else { continue };
        for location in path.query_located(english).locations() {
            let at = location.to_json_pointer();
            for field in TRANSLATABLE {
                let (Some(text), Some(source), Some(english_text)) = (
                    update.get(field).and_then(Value::as_str),
                    action.source.get(field).and_then(Value::as_str),
                    text_at(english, &at, field),
                ) else {
                    continue;
                };
                if source == fingerprint(english_text) {
                    current.insert((at.clone(), field), (text.to_owned(), source.to_owned(), action));
                } else if !text.starts_with(UNTRANSLATED) && !selects_by_index(&action.target) {
                    // A hint only where the target names its node: an index (a parameter's)
                    // names whatever comes to sit there, so its old text may be another's.
                    outdated.insert((at.clone(), field), text.to_owned());
                }
            }
        }
    }
    let mut actions: Vec<Action> = Vec::new();
    for (at, field) in translatable(english) {
        let english_text = text_at(english, &at, field).unwrap_or_default();
        let kept = current.get(&(at.clone(), field));
        let (text, source) = kept.map_or_else(
            || {
                let text = memory(english_text).unwrap_or_else(|| match outdated.get(&(at.clone(), field)) {
                    Some(old) => format!("{UNTRANSLATED}{english_text}{OUTDATED}{old}"),
                    None => format!("{UNTRANSLATED}{english_text}"),
                });
                (text, fingerprint(english_text))
            },
            |(text, source, _)| (text.clone(), source.clone()),
        );
        let target = json_path(english, &at);
        let index = if let Some(index) = actions.iter().position(|action| action.target == target) {
            index
        } else {
            actions.push(Action {
                target,
                description: None,
                update: Some(Value::Object(Map::new())),
                remove: false,
                source: Map::new(),
                verbatim: BTreeMap::new(),
                variant: BTreeMap::new(),
            });
            actions.len() - 1
        };
        let action = &mut actions[index];
        if let Some(Value::Object(update)) = &mut action.update {
            update.insert(field.to_owned(), Value::String(text));
        }
        action.source.insert(field.to_owned(), Value::String(source));
        // A current translation keeps its marks: its verbatim passages and its reason to differ.
        if let Some((_, _, kept)) = kept {
            if let Some(passages) = kept.verbatim.get(field) {
                action.verbatim.insert(field.to_owned(), passages.clone());
            }
            if let Some(reason) = kept.variant.get(field) {
                action.variant.insert(field.to_owned(), reason.clone());
            }
        }
    }
    Overlay {
        overlay: "1.0.0".to_owned(),
        info: OverlayInfo { title: title.to_owned(), version: "1.0.0".to_owned() },
        extends: existing.and_then(|overlay| overlay.extends.clone()),
        actions,
    }
    .with_locale(locale)
}

/// Whether a JSONPath target selects by an array index (`[3]`) or a wildcard.
fn selects_by_index(target: &str) -> bool {
    target
        .match_indices('[')
        .any(|(at, _)| target[at + 1..].starts_with(|c: char| c.is_ascii_digit() || c == '*'))
}

impl Overlay {
    fn with_locale(mut self, locale: &str) -> Self {
        if !self.info.title.contains(locale) {
            self.info.title = format!("{} ({locale})", self.info.title);
        }
        self
    }
}
