//! Holding one citation to its source: a quote must occur in its capture, white space
//! aside; a contract place must resolve, and its value agree with the fact or differ by an
//! accepted `conform` entry; a judgement must give its reason.

use std::path::PathBuf;

use serde_json::Value;

use super::captures::{self, Captures};
use super::facts::Fact;
use crate::citations::Citation;
use crate::conform;
use crate::conform::model::canonical;
use crate::conform::place;

/// The shortest reason a judgement may give, in characters: a word or two is no reason.
const SHORTEST_REASON: usize = 24;

/// An endpoint's vendor contract, as a citation reads it.
#[derive(Debug)]
pub(crate) struct Contract {
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
pub(crate) struct Sources<'a> {
    pub captures: &'a Captures,
    /// The endpoint's contract; `None` where it has none.
    pub contract: Option<&'a Contract>,
}

/// Whether `citation` holds for `fact`; if not, what its source says instead.
pub(super) fn citation(citation: &Citation, fact: &Fact, sources: &Sources) -> Result<(), String> {
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
pub(super) fn at<'a>(contract: &'a Contract, place: &str) -> Option<&'a Value> {
    let pointer = place::resolve(&contract.value, &contract.operation, place)?;
    contract.value.pointer(&pointer)
}

fn contract(place: &str, fact: &Fact, contract: Option<&Contract>) -> Result<(), String> {
    let contract =
        contract.ok_or_else(|| format!("cites the contract at {place}, but the endpoint has none"))?;
    let file = crate::workspace::display(&contract.file);
    // An accepted difference between this fact (or what holds it, or what it holds) and
    // this place of the contract.
    let accepted = |vendor_place: &str, absent: bool| {
        contract.accepted.iter().any(|entry| {
            (entry.key.vendor.place == vendor_place || entry.key.vendor.place == place)
                && (!absent || entry.key.vendor.found == place::Found::Absent)
                && (within(&fact.place, &entry.key.document.place)
                    || within(&entry.key.document.place, &fact.place))
        })
    };
    let Some(pointer) = place::resolve(&contract.value, &contract.operation, place) else {
        // Where the contract lacks what the document states, the citation shows that
        // difference, if conform accepts it.
        return if accepted(place, true) {
            Ok(())
        } else {
            Err(format!(
                "cites {file} at {place}, where the contract has nothing, and no entry of the \
                endpoint's .conform.yaml accepts its absence"
            ))
        };
    };
    let says = contract.value.pointer(&pointer).unwrap_or(&Value::Null);
    // A note cites the place it speaks of: that the place is there is what it shows.
    if fact.kind == "note" || agrees(fact, says) {
        return Ok(());
    }
    if accepted(&place::of(&contract.value, &contract.operation, &pointer), false) {
        return Ok(());
    }
    Err(format!(
        "{file} says {says} at {place}, the document {}; no entry of the endpoint's .conform.yaml \
        accepts the difference",
        fact.value
    ))
}

/// Whether `place` is `outer` or lies below it.
fn within(place: &str, outer: &str) -> bool {
    place.strip_prefix(outer).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
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
        // An example the contract holds as JSON text (Alibaba's `responseDemo`).
        (ours @ (Value::Object(_) | Value::Array(_)), Value::String(text))
            if fact.kind == "example" && embeds(text, ours, 0) =>
        {
            true
        }
        // A one-value enum (an RPC action's `Version`) and the contract's one value.
        (Value::Array(ours), theirs) if ours.len() == 1 && !theirs.is_array() => {
            canonical(&ours[0]) == canonical(theirs)
        }
        // As `conform` compares: a vendor's `"1"` agrees with our `1`, an enum is a set.
        (ours, theirs) => canonical(ours) == canonical(theirs),
    }
}

/// Whether the JSON text `text` is `value`, or holds it, perhaps as JSON text again:
/// Alibaba's metadata gives its examples (`responseDemo`) as a JSON list of examples, each
/// with its JSON as text.
fn embeds(text: &str, value: &Value, depth: usize) -> bool {
    depth < 4 && serde_json::from_str::<Value>(text).is_ok_and(|found| holds(&found, value, depth))
}

fn holds(found: &Value, value: &Value, depth: usize) -> bool {
    same(found, value)
        || match found {
            Value::String(text) => embeds(text, value, depth + 1),
            Value::Array(items) => items.iter().any(|item| holds(item, value, depth)),
            Value::Object(members) => members.values().any(|member| holds(member, value, depth)),
            _ => false,
        }
}

/// Whether two JSON values are the same, a number by its value (`60` and `60.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter().all(|(name, value)| b.get(name).is_some_and(|other| same(value, other)))
        }
        _ => a == b,
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
    use serde_json::json;

    use super::*;

    fn fact(place: &str, value: Value, kind: &str) -> Fact {
        Fact { place: place.to_owned(), value, kind: kind.to_owned() }
    }

    /// A Swagger 2 contract of one operation, with the accepted entries `accepted` (YAML).
    fn contract(accepted: &str) -> Contract {
        let value = json!({
            "paths": {"/v1/items": {"get": {
                "parameters": [{"in": "query", "name": "limit", "maximum": 500, "required": false}],
                "responses": {"200": {"schema": {"$ref": "#/definitions/Items"}}},
            }}},
            "definitions": {"Item": {
                "required": ["id"],
                "properties": {"id": {"maxLength": 64}, "kind": {"enum": ["b", "a"]}},
            }},
        });
        let text = format!("contract:\n  format: none\n  reason: a test\naccepted:\n{accepted}\n");
        let file =
            conform::accepted::parse(std::path::Path::new("t.conform.yaml"), &text).expect("a conform file");
        Contract {
            file: "c.json".into(),
            value,
            operation: "/paths/~1v1~1items/get".into(),
            accepted: file.accepted,
        }
    }

    #[test]
    fn a_contract_citation_holds_where_the_contract_agrees_or_an_entry_accepts_this_difference() {
        let none = contract("");
        let cite = |place: &str, fact: &Fact, contract: &Contract| {
            citation(
                &Citation::Contract { place: place.to_owned() },
                fact,
                &Sources { captures: &Captures::default(), contract: Some(contract) },
            )
        };
        let max = fact("/components/schemas/Item/properties/id/maxLength", json!(64), "maxLength");
        assert_eq!(cite("/definitions/Item/properties/id/maxLength", &max, &none), Ok(()));
        let set = fact("/components/schemas/Kind/enum", json!(["a", "b"]), "enum");
        assert_eq!(cite("/definitions/Item/properties/kind/enum", &set, &none), Ok(()), "an enum is a set");
        let required = fact("/components/schemas/Item/properties/id", json!("required"), "presence");
        assert_eq!(cite("/definitions/Item/required", &required, &none), Ok(()));
        let optional = fact("/components/schemas/Item/properties/id", json!("optional"), "presence");
        assert!(cite("/definitions/Item/required", &optional, &none).is_err());
        let one = fact("operation/parameters[in=query,name=Version]/schema/enum", json!(["2020"]), "enum");
        let version = Contract { value: json!({"info": {"version": "2020"}}), ..contract("") };
        assert_eq!(cite("/info/version", &one, &version), Ok(()), "a one-value enum and its value");
        let demo = concat!(
            r#"[{"type":"json","example":"{\"Id\": 1, \"Price\": 60}"},"#,
            r#"{"type":"xml","example":"<Id>1</Id>"}]"#
        );
        let demos = Contract { value: json!({"demo": demo}), ..contract("") };
        let shown = fact(
            "operation/responses/200/content/application~1json/examples/documented",
            json!({"Id": 1, "Price": 60.0}),
            "example",
        );
        assert_eq!(cite("/demo", &shown, &demos), Ok(()), "an example held as JSON text");
        let other = fact(
            "operation/responses/200/content/application~1json/examples/documented",
            json!({"Id": 2, "Price": 60}),
            "example",
        );
        assert!(cite("/demo", &other, &demos).is_err(), "another example");

        let limit = fact("operation/parameters[in=query,name=limit]/schema/maximum", json!(100), "maximum");
        let differs = cite("operation/parameters[in=query,name=limit]/maximum", &limit, &none);
        assert!(differs.as_ref().is_err_and(|says| says.contains("says 500")), "{differs:?}");
        let entry = |document: &str| {
            format!(
                "- rule: limit-differs\n  document: '{document} = 100'\n  vendor: \
                'operation/parameters[in=query,name=limit]/maximum = 500'\n  reason: the page is \
                the contract\n"
            )
        };
        let accepted = contract(&entry("operation/parameters[in=query,name=limit]/schema/maximum"));
        assert_eq!(cite("operation/parameters[in=query,name=limit]/maximum", &limit, &accepted), Ok(()));
        let elsewhere = contract(&entry("operation/parameters[in=query,name=offset]/schema/maximum"));
        assert!(
            cite("operation/parameters[in=query,name=limit]/maximum", &limit, &elsewhere).is_err(),
            "an entry for another fact of the document accepts nothing here"
        );
        assert!(cite("/definitions/Nothing", &limit, &none).is_err());
    }

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
