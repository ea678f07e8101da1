//! Holds the document's operation against the vendor's: each difference gets a rule and its
//! place in both files. A place that one side lacks is where it would be written.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::model::{Located, Operation, Schema, canonical};
use super::place::{Found, Stated};
use super::rules::{self, Rule};

/// Where a difference is in one side's file, and what is found there.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The JSON pointer, for navigation.
    pub pointer: String,
    /// The stable place (see [`super::place`]), which entries name; the pointer until
    /// [`Difference::locate`] works it out.
    pub at: String,
    pub found: Found,
}

impl Place {
    fn value(pointer: &str, value: Value) -> Self {
        Self { pointer: pointer.to_owned(), at: pointer.to_owned(), found: Found::Value(value) }
    }

    fn absent(pointer: &str) -> Self {
        Self { pointer: pointer.to_owned(), at: pointer.to_owned(), found: Found::Absent }
    }

    /// The stable place and what is found there, which entries name.
    pub fn stated(&self) -> Stated {
        Stated { place: cloudspec_schema::pointer::display(&self.at).to_owned(), found: self.found.clone() }
    }

    /// `pointer = value` (compact JSON), or `pointer (absent)`: the place by its pointer, to
    /// find it in the file.
    pub fn by_pointer(&self) -> String {
        Stated {
            place: cloudspec_schema::pointer::display(&self.pointer).to_owned(),
            found: self.found.clone(),
        }
        .to_string()
    }
}

/// `place = value` (compact JSON), or `place (absent)`: how entries name a place.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.stated().fmt(f)
    }
}

impl Serialize for Place {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("place", &self.at)?;
        map.serialize_entry("pointer", &self.pointer)?;
        match &self.found {
            Found::Value(value) => map.serialize_entry("value", value)?,
            Found::Absent => map.serialize_entry("absent", &true)?,
            Found::Any => map.serialize_entry("any", &true)?,
        }
        map.end()
    }
}

/// One difference between the document and the vendor's contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub rule: Rule,
    pub document: Place,
    pub vendor: Place,
}

impl Difference {
    /// The difference with the stable place of each side worked out from its file, where
    /// `document_operation` and `vendor_operation` point at the operations compared.
    #[must_use]
    pub fn locate(
        mut self,
        document: &Value,
        document_operation: &str,
        vendor: &Value,
        vendor_operation: &str,
    ) -> Self {
        self.document.at = super::place::of(document, document_operation, &self.document.pointer);
        self.vendor.at = super::place::of(vendor, vendor_operation, &self.vendor.pointer);
        self
    }
}

/// Every difference between `document` and `vendor`, each once: a place reached from
/// several statuses or fields (a shared component) is reported where it is written.
pub(crate) fn compare(document: &Operation, vendor: &Operation) -> Vec<Difference> {
    let mut found = Differences::default();
    found.operation(document, vendor);
    found.parameters(document, vendor);
    found.responses(document, vendor);
    found.list
}

#[derive(Default)]
struct Differences {
    list: Vec<Difference>,
    seen: BTreeSet<String>,
}

impl Differences {
    fn push(&mut self, rule: Rule, document: Place, vendor: Place) {
        let key = format!("{}\n{}\n{}", rule.id, document.by_pointer(), vendor.by_pointer());
        if self.seen.insert(key) {
            self.list.push(Difference { rule, document, vendor });
        }
    }

    fn differ(
        &mut self,
        rule: Rule,
        document: &Located<impl Into<Value> + Clone>,
        vendor: &Located<impl Into<Value> + Clone>,
    ) {
        let (document, vendor) = (
            Place::value(&document.at, document.value.clone().into()),
            Place::value(&vendor.at, vendor.value.clone().into()),
        );
        self.push(rule, document, vendor);
    }

    fn operation(&mut self, document: &Operation, vendor: &Operation) {
        if let (Some(ours), Some(theirs)) = (&document.name, &vendor.name)
            && ours.value != theirs.value
        {
            self.differ(rules::OPERATION_NAME, ours, theirs);
        }
        let method = document.methods.value.first();
        if !vendor.methods.value.is_empty()
            && method.is_none_or(|method| !vendor.methods.value.contains(method))
        {
            self.differ(rules::OPERATION_METHOD, &document.methods, &vendor.methods);
        }
        if let (Some(ours), Some(theirs)) = (&document.path, &vendor.path)
            && ours.value != theirs.value
        {
            self.differ(rules::OPERATION_PATH, ours, theirs);
        }
    }

    fn parameters(&mut self, document: &Operation, vendor: &Operation) {
        let list_at = |operation: &Operation| format!("{}/parameters", operation.at);
        for theirs in vendor.parameters.iter().filter(|theirs| !theirs.implied) {
            if !document.parameters.iter().any(|ours| ours.name == theirs.name) {
                self.push(
                    rules::PARAMETER_ONLY_IN_VENDOR,
                    Place::absent(&list_at(document)),
                    Place::value(&theirs.at, Value::from(theirs.name.as_str())),
                );
            }
        }
        for ours in &document.parameters {
            let Some(theirs) = vendor.parameters.iter().find(|theirs| theirs.name == ours.name) else {
                self.push(
                    rules::PARAMETER_ONLY_IN_DOCUMENT,
                    Place::value(&ours.at, Value::from(ours.name.as_str())),
                    Place::absent(&list_at(vendor)),
                );
                continue;
            };
            if ours.location.value != theirs.location.value {
                self.differ(rules::PARAMETER_LOCATION, &ours.location, &theirs.location);
            }
            if let (Some(a), Some(b)) = (&ours.required, &theirs.required)
                && a.value != b.value
            {
                self.differ(rules::PARAMETER_REQUIRED, a, b);
            }
            if let (Some(a), Some(b)) = (&ours.schema, &theirs.schema) {
                self.schema(a, b);
            }
        }
    }

    fn responses(&mut self, document: &Operation, vendor: &Operation) {
        let list_at = |operation: &Operation| format!("{}/responses", operation.at);
        let mut statuses: Vec<&str> =
            vendor.responses.iter().map(|response| response.status.as_str()).collect();
        statuses.extend(document.responses.iter().map(|response| response.status.as_str()));
        statuses.sort_unstable();
        statuses.dedup();
        for status in statuses {
            let ours = document.responses.iter().find(|response| response.status == status);
            let theirs = vendor.responses.iter().find(|response| response.status == status);
            let (ours, theirs) = match (ours, theirs) {
                (Some(ours), Some(theirs)) => (ours, theirs),
                (Some(ours), None) => {
                    let (document, vendor) =
                        (Place::value(&ours.at, Value::from(status)), Place::absent(&list_at(vendor)));
                    self.push(rules::STATUS_ONLY_IN_DOCUMENT, document, vendor);
                    continue;
                }
                (None, Some(theirs)) => {
                    let (document, vendor) =
                        (Place::absent(&list_at(document)), Place::value(&theirs.at, Value::from(status)));
                    self.push(rules::STATUS_ONLY_IN_VENDOR, document, vendor);
                    continue;
                }
                (None, None) => continue,
            };
            match (&ours.body, &theirs.body) {
                (Some(a), Some(b)) => self.schema(a, b),
                (None, Some(b)) => self.push(
                    rules::BODY_ONLY_IN_VENDOR,
                    Place::absent(&ours.at),
                    Place::value(&b.at, Value::from(status)),
                ),
                _ => {}
            }
            if vendor.lists_error_codes {
                self.codes(ours, theirs);
            }
        }
    }

    fn codes(&mut self, ours: &super::model::Response, theirs: &super::model::Response) {
        let has = |list: &[Located<String>], code: &str| list.iter().any(|found| found.value == code);
        for code in &theirs.codes {
            if !has(&ours.codes, &code.value) {
                let document = Place::absent(&format!("{}/description", ours.at));
                self.push(
                    rules::ERROR_CODE_ONLY_IN_VENDOR,
                    document,
                    Place::value(&code.at, Value::from(code.value.as_str())),
                );
            }
        }
        for code in &ours.codes {
            if !has(&theirs.codes, &code.value) {
                let vendor = Place::absent(&theirs.at);
                self.push(
                    rules::ERROR_CODE_ONLY_IN_DOCUMENT,
                    Place::value(&code.at, Value::from(code.value.as_str())),
                    vendor,
                );
            }
        }
    }

    fn schema(&mut self, ours: &Schema, theirs: &Schema) {
        for keyword in super::model::KEYWORDS {
            let (a, b) = (ours.keyword(keyword), theirs.keyword(keyword));
            let same = match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => canonical(&a.value) == canonical(&b.value),
                _ => false,
            };
            if same {
                continue;
            }
            let place = |found: Option<&Located<Value>>, schema: &Schema| {
                found.map_or_else(
                    || Place::absent(&schema.at),
                    |found| Place::value(&found.at, found.value.clone()),
                )
            };
            self.push(rule_of(keyword), place(a, ours), place(b, theirs));
        }
        for property in &theirs.properties {
            if !ours.properties.iter().any(|known| known.name == property.name) {
                let document = Place::absent(&format!("{}/properties", ours.at));
                self.push(
                    rules::FIELD_ONLY_IN_VENDOR,
                    document,
                    Place::value(&property.at, Value::from(property.name.as_str())),
                );
            }
        }
        for property in &ours.properties {
            let Some(other) = theirs.properties.iter().find(|other| other.name == property.name) else {
                let vendor = Place::absent(&format!("{}/properties", theirs.at));
                self.push(
                    rules::FIELD_ONLY_IN_DOCUMENT,
                    Place::value(&property.at, Value::from(property.name.as_str())),
                    vendor,
                );
                continue;
            };
            if ours.states_required && theirs.states_required && property.required != other.required {
                let document = Place::value(&property.at, Value::Bool(property.required));
                self.push(
                    rules::FIELD_REQUIRED,
                    document,
                    Place::value(&other.at, Value::Bool(other.required)),
                );
            }
            self.schema(&property.schema, &other.schema);
        }
        if let (Some(a), Some(b)) = (&ours.items, &theirs.items) {
            self.schema(a, b);
        }
    }
}

fn rule_of(keyword: &str) -> Rule {
    match keyword {
        "type" => rules::TYPE,
        "format" => rules::FORMAT,
        "enum" => rules::ENUM,
        "pattern" => rules::PATTERN,
        "default" => rules::DEFAULT,
        _ => rules::LIMIT,
    }
}
