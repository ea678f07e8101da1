//! The classification rules of `diff`: a stable id and a verdict for each kind of change.
//!
//! Ids are part of the JSON output and of reviewers' vocabulary: never rename one. A schema
//! change that means opposite things for a request (the client writes it) and a response (the
//! client reads it) has one rule per direction, `request-...` and `response-...`.

use std::fmt;

use serde::Serialize;

/// How much a change can hurt an existing client, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// An existing client stops working.
    Breaking,
    /// Some clients may stop working: generated code changes shape, or values it did not
    /// expect arrive.
    PotentiallyBreaking,
    /// Existing clients keep working.
    NonBreaking,
    /// Only descriptions or examples changed.
    DocsOnly,
}

impl Verdict {
    pub const ALL: [Self; 4] = [Self::Breaking, Self::PotentiallyBreaking, Self::NonBreaking, Self::DocsOnly];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::PotentiallyBreaking => "potentially breaking",
            Self::NonBreaking => "non-breaking",
            Self::DocsOnly => "docs only",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One kind of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Stable, kebab-case; what the JSON output and the README name.
    pub id: &'static str,
    pub verdict: Verdict,
    /// What changed, in a few words.
    pub title: &'static str,
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

/// Who writes a value: the client (a request) or the server (a response). Narrowing what a
/// request accepts breaks clients; narrowing what a response holds does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Request,
    Response,
}

/// A rule with one verdict for requests and another for responses.
#[derive(Clone, Copy, Debug)]
pub struct Directed {
    pub request: Rule,
    pub response: Rule,
}

impl Directed {
    pub fn at(self, direction: Direction) -> Rule {
        match direction {
            Direction::Request => self.request,
            Direction::Response => self.response,
        }
    }
}

use Verdict::{Breaking, DocsOnly, NonBreaking, PotentiallyBreaking};

const fn rule(id: &'static str, verdict: Verdict, title: &'static str) -> Rule {
    Rule { id, verdict, title }
}

// Operations.
pub const OPERATION_REMOVED: Rule = rule("operation-removed", Breaking, "operation removed");
pub const OPERATION_ADDED: Rule = rule("operation-added", NonBreaking, "operation added");
pub const PATH_CHANGED: Rule = rule("path-changed", Breaking, "path changed");
pub const METHOD_CHANGED: Rule = rule("method-changed", Breaking, "method changed");
pub const OPERATION_ID_CHANGED: Rule =
    rule("operation-id-changed", Breaking, "operationId changed (generated method names change)");
pub const DEPRECATED_ADDED: Rule = rule("deprecated-added", NonBreaking, "deprecated");
pub const DEPRECATED_REMOVED: Rule = rule("deprecated-removed", NonBreaking, "no longer deprecated");

// Parameters.
pub const PARAMETER_ADDED_REQUIRED: Rule =
    rule("parameter-added-required", Breaking, "required parameter added");
pub const PARAMETER_ADDED_OPTIONAL: Rule =
    rule("parameter-added-optional", NonBreaking, "optional parameter added");
pub const PARAMETER_REMOVED: Rule = rule("parameter-removed", Breaking, "parameter removed");
pub const PARAMETER_MOVED: Rule = rule("parameter-moved", Breaking, "parameter moved (its `in` changed)");
pub const PARAMETER_BECAME_REQUIRED: Rule =
    rule("parameter-became-required", Breaking, "parameter became required");
pub const PARAMETER_BECAME_OPTIONAL: Rule =
    rule("parameter-became-optional", NonBreaking, "parameter became optional");

// Responses.
pub const RESPONSE_STATUS_REMOVED: Rule =
    rule("response-status-removed", Breaking, "response status removed");
pub const RESPONSE_STATUS_ADDED: Rule = rule("response-status-added", NonBreaking, "response status added");

// Schemas, the same both ways.
pub const TYPE_CHANGED: Rule = rule("type-changed", Breaking, "type changed");
pub const FORMAT_CHANGED: Rule = rule("format-changed", PotentiallyBreaking, "format changed");
pub const PATTERN_CHANGED: Rule = rule("pattern-changed", PotentiallyBreaking, "pattern changed");
pub const PROPERTY_ADDED: Rule = rule("property-added", NonBreaking, "optional property added");
pub const PROPERTY_RENAMED: Rule = rule("property-renamed", Breaking, "property renamed");

// Schemas, by direction.
pub const ENUM_NARROWED: Directed = Directed {
    request: rule("request-enum-narrowed", Breaking, "enum value removed from a request"),
    response: rule("response-enum-narrowed", NonBreaking, "enum value removed from a response"),
};
pub const ENUM_WIDENED: Directed = Directed {
    request: rule("request-enum-widened", NonBreaking, "enum value added to a request"),
    response: rule("response-enum-widened", PotentiallyBreaking, "enum value added to a response"),
};
/// A value added to or removed from an open enum's list (`x-extensible-enum`): clients already
/// accept any value, so only a request that sends a value the server no longer lists may break.
pub const KNOWN_VALUE_ADDED: Directed = Directed {
    request: rule(
        "request-known-value-added",
        NonBreaking,
        "documented value added to an open enum of a request",
    ),
    response: rule(
        "response-known-value-added",
        NonBreaking,
        "documented value added to an open enum of a response",
    ),
};
pub const KNOWN_VALUE_REMOVED: Directed = Directed {
    request: rule(
        "request-known-value-removed",
        PotentiallyBreaking,
        "documented value removed from an open enum of a request",
    ),
    response: rule(
        "response-known-value-removed",
        NonBreaking,
        "documented value removed from an open enum of a response",
    ),
};
pub const LIMIT_TIGHTENED: Directed = Directed {
    request: rule("request-limit-tightened", Breaking, "request limit tightened"),
    response: rule("response-limit-tightened", NonBreaking, "response limit tightened"),
};
pub const LIMIT_LOOSENED: Directed = Directed {
    request: rule("request-limit-loosened", NonBreaking, "request limit loosened"),
    response: rule("response-limit-loosened", PotentiallyBreaking, "response limit loosened"),
};
pub const BECAME_NULLABLE: Directed = Directed {
    request: rule("request-became-nullable", NonBreaking, "request value became nullable"),
    response: rule("response-became-nullable", Breaking, "response value became nullable"),
};
pub const BECAME_NON_NULLABLE: Directed = Directed {
    request: rule("request-became-non-nullable", Breaking, "request value no longer nullable"),
    response: rule("response-became-non-nullable", NonBreaking, "response value no longer nullable"),
};
pub const PROPERTY_REMOVED: Directed = Directed {
    request: rule("request-property-removed", PotentiallyBreaking, "request property removed"),
    response: rule("response-property-removed", Breaking, "response property removed"),
};
pub const PROPERTY_BECAME_REQUIRED: Directed = Directed {
    request: rule("request-property-became-required", Breaking, "request property became required"),
    response: rule("response-property-became-required", NonBreaking, "response property became required"),
};
pub const PROPERTY_BECAME_OPTIONAL: Directed = Directed {
    request: rule("request-property-became-optional", NonBreaking, "request property became optional"),
    response: rule("response-property-became-optional", Breaking, "response property became optional"),
};

// Anything else.
pub const DESCRIPTION_CHANGED: Rule =
    rule("description-changed", DocsOnly, "description, summary or title changed");
pub const EXAMPLE_CHANGED: Rule = rule("example-changed", DocsOnly, "example changed");
pub const OTHER_CHANGED: Rule =
    rule("other-changed", PotentiallyBreaking, "changed in a way no other rule classifies");

/// Every rule, in the order the README lists them.
pub fn all() -> Vec<Rule> {
    let mut rules = vec![
        OPERATION_REMOVED,
        OPERATION_ADDED,
        PATH_CHANGED,
        METHOD_CHANGED,
        OPERATION_ID_CHANGED,
        DEPRECATED_ADDED,
        DEPRECATED_REMOVED,
        PARAMETER_ADDED_REQUIRED,
        PARAMETER_ADDED_OPTIONAL,
        PARAMETER_REMOVED,
        PARAMETER_MOVED,
        PARAMETER_BECAME_REQUIRED,
        PARAMETER_BECAME_OPTIONAL,
        RESPONSE_STATUS_REMOVED,
        RESPONSE_STATUS_ADDED,
        TYPE_CHANGED,
        FORMAT_CHANGED,
        PATTERN_CHANGED,
        PROPERTY_ADDED,
        PROPERTY_RENAMED,
    ];
    for directed in [
        ENUM_NARROWED,
        ENUM_WIDENED,
        KNOWN_VALUE_ADDED,
        KNOWN_VALUE_REMOVED,
        LIMIT_TIGHTENED,
        LIMIT_LOOSENED,
        BECAME_NULLABLE,
        BECAME_NON_NULLABLE,
        PROPERTY_REMOVED,
        PROPERTY_BECAME_REQUIRED,
        PROPERTY_BECAME_OPTIONAL,
    ] {
        rules.extend([directed.request, directed.response]);
    }
    rules.extend([DESCRIPTION_CHANGED, EXAMPLE_CHANGED, OTHER_CHANGED]);
    rules
}
