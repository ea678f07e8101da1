//! Holding one citation to its source: a quote must occur in its capture, white space
//! aside; a contract place must resolve, and its value agree with the fact or differ by an
//! accepted `conform` entry; a judgement must give its reason.

use std::path::PathBuf;

use serde_json::Value;

use super::captures::{self, Captures};
use super::citations::Citation;
use super::facts::Fact;
use crate::conform;
use crate::conform::model::canonical;
use crate::conform::place;

/// The shortest reason a judgement may give, in characters: a word or two is no reason.
const SHORTEST_REASON: usize = 24;

/// An endpoint's vendor contract, as a citation reads it.
#[derive(Debug)]
pub struct Contract {
    /// Relative to the workspace root.
    pub file: PathBuf,
    pub value: Value,
    /// Where the vendor's file writes the operation (a JSON pointer).
    pub operation: String,
    /// The differences from it that the endpoint's `.conform.yaml` accepts.
    pub accepted: Vec<conform::Entry>,
}

/// What a citation is checked against.
#[derive(Debug)]
pub struct Sources<'a> {
    pub captures: &'a Captures,
    /// The endpoint's contract; `None` where it has none.
    pub contract: Option<&'a Contract>,
}

/// Whether `citation` holds for `fact`; if not, what its source says instead.
pub fn citation(citation: &Citation, fact: &Fact, sources: &Sources) -> Result<(), String> {
    match citation {
        Citation::Page { page, quote } => {
            let capture = sources.captures.page(page).ok_or_else(|| {
                format!("cites the page {page}, which is no capture under {}/", captures::SOURCES_DIR)
            })?;
            quoted(&capture.normalised, quote)
                .map_err(|says| format!("the page {page} does not say {quote:?}{says}"))
        }
        Citation::Facts { quote } => {
            let notes = sources.captures.page(captures::FACTS).ok_or_else(|| {
                format!(
                    "quotes the research notes, which are no capture ({}/{})",
                    captures::SOURCES_DIR,
                    captures::FACTS
                )
            })?;
            quoted(&notes.normalised, quote).map_err(|says| {
                format!("the research notes ({}) do not say {quote:?}{says}", captures::FACTS)
            })
        }
        Citation::Judgement { reason } => {
            if reason.trim().chars().count() < SHORTEST_REASON {
                Err(format!("a judgement gives its reason in a sentence; {reason:?} is too short"))
            } else {
                Ok(())
            }
        }
        Citation::Contract { place } => contract(place, fact, sources.contract),
    }
}

/// What `contract` has at `place`, if anything.
pub fn at<'a>(contract: &'a Contract, place: &str) -> Option<&'a Value> {
    let pointer = place::resolve(&contract.value, &contract.operation, place)?;
    contract.value.pointer(&pointer)
}

fn contract(place: &str, fact: &Fact, contract: Option<&Contract>) -> Result<(), String> {
    let contract =
        contract.ok_or_else(|| format!("cites the contract at {place}, but the endpoint has none"))?;
    let file = crate::workspace::display(&contract.file);
    let accepted = |vendor_place: &str, absent: bool| {
        contract.accepted.iter().any(|entry| {
            (entry.vendor.place == vendor_place || entry.vendor.place == place)
                && (!absent || entry.vendor.found == place::Found::Absent)
        })
    };
    let Some(pointer) = place::resolve(&contract.value, &contract.operation, place) else {
        // Where the contract lacks what the document states, the citation shows that
        // difference, if conform accepts it.
        return if accepted(place, true) {
            Ok(())
        } else {
            Err(format!(
                "cites {file} at {place}, where the contract has nothing, and no entry of the endpoint's .conform.yaml accepts its absence"
            ))
        };
    };
    let says = contract.value.pointer(&pointer).unwrap_or(&Value::Null);
    if agrees(fact, says) {
        return Ok(());
    }
    if accepted(&place::of(&contract.value, &contract.operation, &pointer), false) {
        return Ok(());
    }
    Err(format!(
        "{file} says {says} at {place}, the document {}; no entry of the endpoint's .conform.yaml accepts the difference",
        fact.value
    ))
}

/// Whether what the contract says at a place agrees with the fact.
fn agrees(fact: &Fact, says: &Value) -> bool {
    let name = fact.place.rsplit('/').next().unwrap_or_default();
    match (&fact.value, says) {
        (Value::String(presence), Value::Array(required)) if fact.kind == "presence" => {
            required.iter().any(|item| item.as_str() == Some(name)) == (presence == "required")
        }
        (Value::String(presence), Value::Bool(required)) if fact.kind == "presence" => {
            *required == (presence == "required")
        }
        // A place that holds an object shows what is there: a property, a response.
        (_, Value::Object(_)) => true,
        // A one-value enum (an RPC action's `Version`) and the contract's one value.
        (Value::Array(ours), theirs) if ours.len() == 1 && !theirs.is_array() => {
            canonical(&ours[0]) == canonical(theirs)
        }
        // As `conform` compares: a vendor's `"1"` agrees with our `1`, an enum is a set.
        (ours, theirs) => canonical(ours) == canonical(theirs),
    }
}

/// `Ok` if `quote` occurs in `normalised`; else what the capture says where the quote's
/// longest leading run of words does occur (empty if not even its first word does).
fn quoted(normalised: &str, quote: &str) -> Result<(), String> {
    let quote = captures::normalise(quote);
    if !quote.is_empty() && normalised.contains(&quote) {
        return Ok(());
    }
    let words: Vec<&str> = quote.split(' ').collect();
    for take in (1..words.len()).rev() {
        let lead = words[..take].join(" ");
        if let Some(start) = normalised.find(&lead) {
            let says: String = normalised[start..].chars().take(quote.chars().count() + 20).collect();
            return Err(format!("; it says {says:?}"));
        }
    }
    Err(String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_quote_shows_what_the_page_says_where_it_parts() {
        let page = captures::normalise("The value can contain a maximum of 128 bytes. Next.");
        assert_eq!(quoted(&page, "The value  can contain\n a maximum"), Ok(()));
        assert_eq!(
            quoted(&page, "The value can contain a maximum of 64 bytes."),
            Err("; it says \"The value can contain a maximum of 128 bytes. Next.\"".to_owned())
        );
        assert_eq!(quoted(&page, "Nothing here"), Err(String::new()));
    }
}
