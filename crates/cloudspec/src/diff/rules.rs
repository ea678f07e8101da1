//! The classification rules of `diff`: a stable id and a verdict for each kind of change,
//! and the catalogue the README's table of rules is generated from.
//!
//! Ids are part of the JSON output, of fingerprints and of reviewers' vocabulary: never
//! rename one. A change that means opposite things for a request (the client writes it) and
//! a response (the client reads it) has one rule per direction, `request-...` and
//! `response-...`.
//!
//! A verdict is **breaking** when some client or request that conformed to the old document
//! stops working under the new one; **potentially breaking** only where that depends on the
//! client (generated code changes shape, a value it did not expect arrives); never breaking
//! for a change no client can notice.

use std::fmt;
use std::fmt::Write as _;

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

/// Two rules that share a title: `request-<stem>` and `response-<stem>`.
const fn directed(
    request: &'static str,
    request_verdict: Verdict,
    response: &'static str,
    response_verdict: Verdict,
    title: &'static str,
) -> Directed {
    Directed {
        request: rule(request, request_verdict, title),
        response: rule(response, response_verdict, title),
    }
}

// Operations.
pub const OPERATION_REMOVED: Rule =
    rule("operation-removed", Breaking, "operation removed without being deprecated first");
pub const OPERATION_ADDED: Rule = rule("operation-added", NonBreaking, "operation added");
pub const PATH_CHANGED: Rule = rule("path-changed", Breaking, "path changed");
pub const METHOD_CHANGED: Rule = rule("method-changed", Breaking, "method changed");
pub const OPERATION_ID_CHANGED: Rule =
    rule("operation-id-changed", Breaking, "operationId changed (generated method names change)");
pub const DEPRECATED_ADDED: Rule = rule("deprecated-added", NonBreaking, "operation or schema deprecated");
pub const DEPRECATED_REMOVED: Rule = rule("deprecated-removed", NonBreaking, "no longer deprecated");

// Lifecycle: removing what was deprecated, judged by its `x-sunset` date against today.
pub const OPERATION_REMOVED_AFTER_SUNSET: Rule = rule(
    "operation-removed-after-sunset",
    NonBreaking,
    "deprecated operation removed on or after its `x-sunset` date",
);
pub const OPERATION_REMOVED_BEFORE_SUNSET: Rule = rule(
    "operation-removed-before-sunset",
    Breaking,
    "deprecated operation removed before its `x-sunset` date",
);
pub const OPERATION_REMOVED_DEPRECATED: Rule = rule(
    "operation-removed-deprecated",
    PotentiallyBreaking,
    "deprecated operation without an `x-sunset` date removed (clients were warned, not told when)",
);
pub const PARAMETER_REMOVED_AFTER_SUNSET: Rule = rule(
    "parameter-removed-after-sunset",
    NonBreaking,
    "deprecated parameter removed on or after its `x-sunset` date",
);
pub const PARAMETER_REMOVED_BEFORE_SUNSET: Rule = rule(
    "parameter-removed-before-sunset",
    Breaking,
    "deprecated parameter removed before its `x-sunset` date",
);
pub const PARAMETER_REMOVED_DEPRECATED: Rule = rule(
    "parameter-removed-deprecated",
    PotentiallyBreaking,
    "deprecated parameter without an `x-sunset` date removed",
);
pub const PROPERTY_REMOVED_AFTER_SUNSET: Rule = rule(
    "property-removed-after-sunset",
    NonBreaking,
    "deprecated property removed on or after its `x-sunset` date",
);
pub const PROPERTY_REMOVED_BEFORE_SUNSET: Directed = directed(
    "request-property-removed-before-sunset",
    PotentiallyBreaking,
    "response-property-removed-before-sunset",
    Breaking,
    "deprecated property removed before its `x-sunset` date",
);
pub const PROPERTY_REMOVED_DEPRECATED: Rule = rule(
    "property-removed-deprecated",
    PotentiallyBreaking,
    "deprecated property without an `x-sunset` date removed",
);
pub const SUNSET_BROUGHT_FORWARD: Rule =
    rule("sunset-brought-forward", PotentiallyBreaking, "`x-sunset` moved to an earlier date");
pub const SUNSET_CHANGED: Rule = rule("sunset-changed", NonBreaking, "`x-sunset` set, postponed or dropped");

// Parameters.
pub const PARAMETER_ADDED_REQUIRED: Rule =
    rule("parameter-added-required", Breaking, "required parameter added");
pub const PARAMETER_ADDED_OPTIONAL: Rule =
    rule("parameter-added-optional", NonBreaking, "optional parameter added");
pub const PARAMETER_REMOVED: Rule =
    rule("parameter-removed", Breaking, "parameter removed without being deprecated first");
pub const PARAMETER_MOVED: Rule = rule("parameter-moved", Breaking, "parameter moved (its `in` changed)");
pub const PARAMETER_BECAME_REQUIRED: Rule =
    rule("parameter-became-required", Breaking, "parameter became required");
pub const PARAMETER_BECAME_OPTIONAL: Rule =
    rule("parameter-became-optional", NonBreaking, "parameter became optional");
pub const PATH_PARAMETER_RENAMED: Rule = rule(
    "path-parameter-renamed",
    PotentiallyBreaking,
    "path parameter renamed (the URL is the same; generated argument names change)",
);
pub const PARAMETER_DEPRECATED: Rule = rule("parameter-deprecated", NonBreaking, "parameter deprecated");

// Request bodies and media types.
pub const REQUEST_BODY_ADDED_REQUIRED: Rule =
    rule("request-body-added-required", Breaking, "required request body added");
pub const REQUEST_BODY_ADDED_OPTIONAL: Rule =
    rule("request-body-added-optional", NonBreaking, "optional request body added");
pub const REQUEST_BODY_REMOVED: Rule = rule("request-body-removed", Breaking, "request body removed");
pub const REQUEST_BODY_BECAME_REQUIRED: Rule =
    rule("request-body-became-required", Breaking, "request body became required");
pub const REQUEST_BODY_BECAME_OPTIONAL: Rule =
    rule("request-body-became-optional", NonBreaking, "request body became optional");
pub const MEDIA_TYPE_ADDED: Directed = directed(
    "request-media-type-added",
    NonBreaking,
    "response-media-type-added",
    NonBreaking,
    "media type added (a body gained one, or a response without a body gained one)",
);
pub const MEDIA_TYPE_REMOVED: Directed = directed(
    "request-media-type-removed",
    Breaking,
    "response-media-type-removed",
    Breaking,
    "media type removed",
);

// Responses.
pub const RESPONSE_STATUS_REMOVED: Rule =
    rule("response-status-removed", Breaking, "response status removed");
pub const RESPONSE_STATUS_ADDED: Rule = rule("response-status-added", NonBreaking, "response status added");
pub const RESPONSE_HEADER_ADDED: Rule = rule("response-header-added", NonBreaking, "response header added");
pub const RESPONSE_REQUIRED_HEADER_REMOVED: Rule =
    rule("response-required-header-removed", Breaking, "required response header removed");
pub const RESPONSE_OPTIONAL_HEADER_REMOVED: Rule =
    rule("response-optional-header-removed", PotentiallyBreaking, "optional response header removed");
pub const RESPONSE_HEADER_BECAME_OPTIONAL: Rule =
    rule("response-header-became-optional", Breaking, "response header became optional");
pub const RESPONSE_HEADER_BECAME_REQUIRED: Rule =
    rule("response-header-became-required", NonBreaking, "response header became required");
pub const HEADER_DEPRECATED: Rule = rule("header-deprecated", NonBreaking, "response header deprecated");

// Security.
pub const SECURITY_REQUIREMENT_ADDED: Rule = rule(
    "security-requirement-added",
    Breaking,
    "every client must now satisfy a further scheme (anonymous access ended, or a scheme joined an alternative)",
);
pub const SECURITY_REQUIREMENT_REMOVED: Rule = rule(
    "security-requirement-removed",
    NonBreaking,
    "a scheme is no longer needed (anonymous access allowed, or an alternative needs fewer schemes)",
);
pub const SECURITY_ALTERNATIVE_ADDED: Rule =
    rule("security-alternative-added", NonBreaking, "another way to authenticate added");
pub const SECURITY_ALTERNATIVE_REMOVED: Rule = rule(
    "security-alternative-removed",
    Breaking,
    "a way to authenticate removed, and its clients satisfy no other",
);
pub const SECURITY_SCOPES_ADDED: Rule =
    rule("security-scopes-added", Breaking, "a requirement needs more OAuth scopes");
pub const SECURITY_SCOPES_REMOVED: Rule =
    rule("security-scopes-removed", NonBreaking, "a requirement needs fewer OAuth scopes");
pub const SECURITY_SCHEME_ADDED: Rule = rule("security-scheme-added", NonBreaking, "security scheme added");
pub const SECURITY_SCHEME_SCOPES_ADDED: Rule =
    rule("security-scheme-scopes-added", NonBreaking, "scope declared in an OAuth flow of a security scheme");
pub const SECURITY_SCHEME_REMOVED: Rule = rule(
    "security-scheme-removed",
    NonBreaking,
    "security scheme removed (a requirement that named it is reported on its own)",
);
pub const SECURITY_SCHEME_CHANGED: Rule = rule(
    "security-scheme-changed",
    Breaking,
    "what a client sends to authenticate changed (type, `in`, name, scheme, flow URLs)",
);

// Schemas, the same both ways.
pub const TYPE_CHANGED: Rule = rule("type-changed", Breaking, "type changed");
pub const FORMAT_CHANGED: Rule = rule("format-changed", PotentiallyBreaking, "format changed");
pub const PATTERN_CHANGED: Rule = rule("pattern-changed", PotentiallyBreaking, "pattern changed");
pub const PROPERTY_ADDED: Rule = rule("property-added", NonBreaking, "optional property added");
pub const PROPERTY_RENAMED: Rule = rule("property-renamed", Breaking, "property renamed");
pub const CONTENT_MEDIA_TYPE_CHANGED: Rule = rule(
    "content-media-type-changed",
    Breaking,
    "`contentMediaType` or `contentEncoding` of a string changed",
);
pub const READ_ONLY_REMOVED: Rule = rule("read-only-removed", NonBreaking, "no longer `readOnly`");
pub const WRITE_ONLY_REMOVED: Rule = rule("write-only-removed", NonBreaking, "no longer `writeOnly`");

// Schemas, by direction.
pub const ENUM_NARROWED: Directed =
    directed("request-enum-narrowed", Breaking, "response-enum-narrowed", NonBreaking, "enum value removed");
pub const ENUM_WIDENED: Directed = directed(
    "request-enum-widened",
    NonBreaking,
    "response-enum-widened",
    PotentiallyBreaking,
    "enum value added",
);
/// A value added to or removed from an open enum's list (`x-extensible-enum`): clients already
/// accept any value, so only a request that sends a value the server no longer lists may break.
pub const KNOWN_VALUE_ADDED: Directed = directed(
    "request-known-value-added",
    NonBreaking,
    "response-known-value-added",
    NonBreaking,
    "documented value added to an open enum (`x-extensible-enum`)",
);
pub const KNOWN_VALUE_REMOVED: Directed = directed(
    "request-known-value-removed",
    PotentiallyBreaking,
    "response-known-value-removed",
    NonBreaking,
    "documented value removed from an open enum (`x-extensible-enum`)",
);
pub const TYPE_NARROWED: Directed = directed(
    "request-type-narrowed",
    Breaking,
    "response-type-narrowed",
    NonBreaking,
    "type list narrowed (a type dropped from `type: [...]`, `number` to `integer`, a type set)",
);
pub const TYPE_WIDENED: Directed = directed(
    "request-type-widened",
    NonBreaking,
    "response-type-widened",
    Breaking,
    "type list widened (a type added to `type: [...]`, `integer` to `number`, the type dropped)",
);
pub const LIMIT_TIGHTENED: Directed = directed(
    "request-limit-tightened",
    Breaking,
    "response-limit-tightened",
    NonBreaking,
    "limit tightened (`maxLength`, `x-max-bytes`, `minimum`/`exclusiveMinimum`, `maximum`/`exclusiveMaximum`, `maxItems`, `minContains`...)",
);
pub const LIMIT_LOOSENED: Directed = directed(
    "request-limit-loosened",
    NonBreaking,
    "response-limit-loosened",
    PotentiallyBreaking,
    "limit loosened",
);
pub const BECAME_NULLABLE: Directed = directed(
    "request-became-nullable",
    NonBreaking,
    "response-became-nullable",
    Breaking,
    "value (or response header) became nullable",
);
pub const BECAME_NON_NULLABLE: Directed = directed(
    "request-became-non-nullable",
    Breaking,
    "response-became-non-nullable",
    NonBreaking,
    "value no longer nullable",
);
pub const PROPERTY_REMOVED: Directed = directed(
    "request-property-removed",
    PotentiallyBreaking,
    "response-property-removed",
    Breaking,
    "property removed without being deprecated first",
);
pub const PROPERTY_BECAME_REQUIRED: Directed = directed(
    "request-property-became-required",
    Breaking,
    "response-property-became-required",
    NonBreaking,
    "property became required (or a required one added)",
);
pub const PROPERTY_BECAME_OPTIONAL: Directed = directed(
    "request-property-became-optional",
    NonBreaking,
    "response-property-became-optional",
    Breaking,
    "property became optional",
);
pub const DEFAULT_CHANGED: Directed = directed(
    "request-default-changed",
    PotentiallyBreaking,
    "response-default-changed",
    NonBreaking,
    "`default` added, removed or changed (what the server assumes when a client omits the value)",
);
pub const CONST_ADDED: Directed =
    directed("request-const-added", Breaking, "response-const-added", NonBreaking, "`const` added");
pub const CONST_REMOVED: Directed = directed(
    "request-const-removed",
    NonBreaking,
    "response-const-removed",
    PotentiallyBreaking,
    "`const` removed",
);
pub const CONST_CHANGED: Directed =
    directed("request-const-changed", Breaking, "response-const-changed", Breaking, "`const` changed");
pub const PATTERN_ADDED: Directed =
    directed("request-pattern-added", Breaking, "response-pattern-added", NonBreaking, "`pattern` added");
pub const PATTERN_REMOVED: Directed = directed(
    "request-pattern-removed",
    NonBreaking,
    "response-pattern-removed",
    PotentiallyBreaking,
    "`pattern` removed",
);
pub const BECAME_READ_ONLY: Directed = directed(
    "request-became-read-only",
    PotentiallyBreaking,
    "response-became-read-only",
    NonBreaking,
    "became `readOnly` (clients should no longer send it)",
);
pub const BECAME_WRITE_ONLY: Directed = directed(
    "request-became-write-only",
    NonBreaking,
    "response-became-write-only",
    PotentiallyBreaking,
    "became `writeOnly` (responses may leave it out)",
);

// Subschema keywords: a constraint added narrows what is valid, one removed widens it; when
// both sides have it, its subschemas are compared in the same direction.
pub const CONTAINS_ADDED: Directed =
    directed("request-contains-added", Breaking, "response-contains-added", NonBreaking, "`contains` added");
pub const CONTAINS_REMOVED: Directed = directed(
    "request-contains-removed",
    NonBreaking,
    "response-contains-removed",
    PotentiallyBreaking,
    "`contains` removed",
);
pub const PREFIX_ITEMS_ADDED: Directed = directed(
    "request-prefix-items-added",
    Breaking,
    "response-prefix-items-added",
    NonBreaking,
    "`prefixItems` entry added",
);
pub const PREFIX_ITEMS_REMOVED: Directed = directed(
    "request-prefix-items-removed",
    NonBreaking,
    "response-prefix-items-removed",
    PotentiallyBreaking,
    "`prefixItems` entry removed",
);
pub const DEPENDENT_REQUIRED_ADDED: Directed = directed(
    "request-dependent-required-added",
    Breaking,
    "response-dependent-required-added",
    NonBreaking,
    "`dependentRequired` dependency added",
);
pub const DEPENDENT_REQUIRED_REMOVED: Directed = directed(
    "request-dependent-required-removed",
    NonBreaking,
    "response-dependent-required-removed",
    PotentiallyBreaking,
    "`dependentRequired` dependency removed",
);
pub const DEPENDENT_SCHEMAS_ADDED: Directed = directed(
    "request-dependent-schemas-added",
    Breaking,
    "response-dependent-schemas-added",
    NonBreaking,
    "`dependentSchemas` entry added",
);
pub const DEPENDENT_SCHEMAS_REMOVED: Directed = directed(
    "request-dependent-schemas-removed",
    NonBreaking,
    "response-dependent-schemas-removed",
    PotentiallyBreaking,
    "`dependentSchemas` entry removed",
);
pub const PROPERTY_NAMES_ADDED: Directed = directed(
    "request-property-names-added",
    Breaking,
    "response-property-names-added",
    NonBreaking,
    "`propertyNames` added",
);
pub const PROPERTY_NAMES_REMOVED: Directed = directed(
    "request-property-names-removed",
    NonBreaking,
    "response-property-names-removed",
    PotentiallyBreaking,
    "`propertyNames` removed",
);
pub const PATTERN_PROPERTIES_ADDED: Directed = directed(
    "request-pattern-properties-added",
    Breaking,
    "response-pattern-properties-added",
    NonBreaking,
    "`patternProperties` entry added",
);
pub const PATTERN_PROPERTIES_REMOVED: Directed = directed(
    "request-pattern-properties-removed",
    NonBreaking,
    "response-pattern-properties-removed",
    PotentiallyBreaking,
    "`patternProperties` entry removed",
);
pub const CONDITIONAL_ADDED: Directed = directed(
    "request-conditional-added",
    Breaking,
    "response-conditional-added",
    NonBreaking,
    "`if`, `then` or `else` added",
);
pub const CONDITIONAL_REMOVED: Directed = directed(
    "request-conditional-removed",
    NonBreaking,
    "response-conditional-removed",
    PotentiallyBreaking,
    "`if`, `then` or `else` removed",
);
pub const UNEVALUATED_ADDED: Directed = directed(
    "request-unevaluated-added",
    Breaking,
    "response-unevaluated-added",
    NonBreaking,
    "`unevaluatedProperties` or `unevaluatedItems` added",
);
pub const UNEVALUATED_REMOVED: Directed = directed(
    "request-unevaluated-removed",
    NonBreaking,
    "response-unevaluated-removed",
    PotentiallyBreaking,
    "`unevaluatedProperties` or `unevaluatedItems` removed",
);
pub const CONTENT_SCHEMA_ADDED: Directed = directed(
    "request-content-schema-added",
    Breaking,
    "response-content-schema-added",
    NonBreaking,
    "`contentSchema` added",
);
pub const CONTENT_SCHEMA_REMOVED: Directed = directed(
    "request-content-schema-removed",
    NonBreaking,
    "response-content-schema-removed",
    PotentiallyBreaking,
    "`contentSchema` removed",
);

// Composition: branches matched by `$ref`, then by equal content, then by `title`.
pub const ONE_OF_ADDED: Directed = directed(
    "request-one-of-added",
    NonBreaking,
    "response-one-of-added",
    PotentiallyBreaking,
    "`oneOf` branch added (a response may hold a shape clients do not know)",
);
pub const ONE_OF_REMOVED: Directed = directed(
    "request-one-of-removed",
    Breaking,
    "response-one-of-removed",
    NonBreaking,
    "`oneOf` branch removed",
);
pub const ANY_OF_ADDED: Directed = directed(
    "request-any-of-added",
    NonBreaking,
    "response-any-of-added",
    PotentiallyBreaking,
    "`anyOf` branch added",
);
pub const ANY_OF_REMOVED: Directed = directed(
    "request-any-of-removed",
    Breaking,
    "response-any-of-removed",
    NonBreaking,
    "`anyOf` branch removed",
);
pub const ALL_OF_ADDED: Directed = directed(
    "request-all-of-added",
    Breaking,
    "response-all-of-added",
    NonBreaking,
    "`allOf` branch added (every value must now match it too)",
);
pub const ALL_OF_REMOVED: Directed = directed(
    "request-all-of-removed",
    NonBreaking,
    "response-all-of-removed",
    PotentiallyBreaking,
    "`allOf` branch removed (responses no longer promise what it held)",
);

// Discriminators.
pub const DISCRIMINATOR_PROPERTY_CHANGED: Rule =
    rule("discriminator-property-changed", Breaking, "discriminator `propertyName` changed");
pub const DISCRIMINATOR_ADDED: Rule = rule(
    "discriminator-added",
    PotentiallyBreaking,
    "discriminator added (generated code switches to a tagged union)",
);
pub const DISCRIMINATOR_REMOVED: Rule = rule(
    "discriminator-removed",
    PotentiallyBreaking,
    "discriminator removed (generated code stops dispatching on it)",
);
pub const DISCRIMINATOR_MAPPING_CHANGED: Rule =
    rule("discriminator-mapping-changed", Breaking, "discriminator mapping points a value at another schema");
pub const DISCRIMINATOR_MAPPING_ADDED: Directed = directed(
    "request-discriminator-mapping-added",
    NonBreaking,
    "response-discriminator-mapping-added",
    PotentiallyBreaking,
    "discriminator mapping value added",
);
pub const DISCRIMINATOR_MAPPING_REMOVED: Directed = directed(
    "request-discriminator-mapping-removed",
    Breaking,
    "response-discriminator-mapping-removed",
    NonBreaking,
    "discriminator mapping value removed",
);

// Anything else.
pub const DESCRIPTION_CHANGED: Rule = rule(
    "description-changed",
    DocsOnly,
    "description, summary or title changed (or an `allOf` branch that only describes)",
);
pub const EXAMPLE_CHANGED: Rule = rule("example-changed", DocsOnly, "example changed");
pub const OTHER_CHANGED: Rule = rule(
    "other-changed",
    PotentiallyBreaking,
    "changed in a way no other rule classifies (servers, `not`, extensions...)",
);

/// A row of the catalogue: one rule, or a pair by direction.
#[derive(Clone, Copy, Debug)]
pub enum Entry {
    One(Rule),
    Pair(Directed),
}

/// A group of rules, as the README's table lists them.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    pub title: &'static str,
    pub entries: &'static [Entry],
}

use Entry::{One, Pair};

/// Every rule, grouped, in the order the README lists them.
pub const CATALOGUE: &[Section] = &[
    Section {
        title: "Operations",
        entries: &[
            One(OPERATION_REMOVED),
            One(OPERATION_ADDED),
            One(PATH_CHANGED),
            One(METHOD_CHANGED),
            One(OPERATION_ID_CHANGED),
            One(DEPRECATED_ADDED),
            One(DEPRECATED_REMOVED),
        ],
    },
    Section {
        title: "Lifecycle",
        entries: &[
            One(OPERATION_REMOVED_AFTER_SUNSET),
            One(OPERATION_REMOVED_BEFORE_SUNSET),
            One(OPERATION_REMOVED_DEPRECATED),
            One(PARAMETER_REMOVED_AFTER_SUNSET),
            One(PARAMETER_REMOVED_BEFORE_SUNSET),
            One(PARAMETER_REMOVED_DEPRECATED),
            One(PROPERTY_REMOVED_AFTER_SUNSET),
            Pair(PROPERTY_REMOVED_BEFORE_SUNSET),
            One(PROPERTY_REMOVED_DEPRECATED),
            One(SUNSET_BROUGHT_FORWARD),
            One(SUNSET_CHANGED),
        ],
    },
    Section {
        title: "Parameters",
        entries: &[
            One(PARAMETER_ADDED_REQUIRED),
            One(PARAMETER_ADDED_OPTIONAL),
            One(PARAMETER_REMOVED),
            One(PARAMETER_MOVED),
            One(PARAMETER_BECAME_REQUIRED),
            One(PARAMETER_BECAME_OPTIONAL),
            One(PATH_PARAMETER_RENAMED),
            One(PARAMETER_DEPRECATED),
        ],
    },
    Section {
        title: "Request bodies and media types",
        entries: &[
            One(REQUEST_BODY_ADDED_REQUIRED),
            One(REQUEST_BODY_ADDED_OPTIONAL),
            One(REQUEST_BODY_REMOVED),
            One(REQUEST_BODY_BECAME_REQUIRED),
            One(REQUEST_BODY_BECAME_OPTIONAL),
            Pair(MEDIA_TYPE_ADDED),
            Pair(MEDIA_TYPE_REMOVED),
        ],
    },
    Section {
        title: "Responses",
        entries: &[
            One(RESPONSE_STATUS_REMOVED),
            One(RESPONSE_STATUS_ADDED),
            One(RESPONSE_HEADER_ADDED),
            One(RESPONSE_REQUIRED_HEADER_REMOVED),
            One(RESPONSE_OPTIONAL_HEADER_REMOVED),
            One(RESPONSE_HEADER_BECAME_OPTIONAL),
            One(RESPONSE_HEADER_BECAME_REQUIRED),
            One(HEADER_DEPRECATED),
        ],
    },
    Section {
        title: "Security",
        entries: &[
            One(SECURITY_REQUIREMENT_ADDED),
            One(SECURITY_REQUIREMENT_REMOVED),
            One(SECURITY_ALTERNATIVE_ADDED),
            One(SECURITY_ALTERNATIVE_REMOVED),
            One(SECURITY_SCOPES_ADDED),
            One(SECURITY_SCOPES_REMOVED),
            One(SECURITY_SCHEME_ADDED),
            One(SECURITY_SCHEME_SCOPES_ADDED),
            One(SECURITY_SCHEME_REMOVED),
            One(SECURITY_SCHEME_CHANGED),
        ],
    },
    Section {
        title: "Schemas",
        entries: &[
            One(TYPE_CHANGED),
            Pair(TYPE_NARROWED),
            Pair(TYPE_WIDENED),
            One(FORMAT_CHANGED),
            One(PATTERN_CHANGED),
            Pair(PATTERN_ADDED),
            Pair(PATTERN_REMOVED),
            One(PROPERTY_ADDED),
            One(PROPERTY_RENAMED),
            Pair(ENUM_NARROWED),
            Pair(ENUM_WIDENED),
            Pair(KNOWN_VALUE_ADDED),
            Pair(KNOWN_VALUE_REMOVED),
            Pair(CONST_ADDED),
            Pair(CONST_REMOVED),
            Pair(CONST_CHANGED),
            Pair(DEFAULT_CHANGED),
            Pair(LIMIT_TIGHTENED),
            Pair(LIMIT_LOOSENED),
            Pair(BECAME_NULLABLE),
            Pair(BECAME_NON_NULLABLE),
            Pair(PROPERTY_REMOVED),
            Pair(PROPERTY_BECAME_REQUIRED),
            Pair(PROPERTY_BECAME_OPTIONAL),
            Pair(BECAME_READ_ONLY),
            One(READ_ONLY_REMOVED),
            Pair(BECAME_WRITE_ONLY),
            One(WRITE_ONLY_REMOVED),
            One(CONTENT_MEDIA_TYPE_CHANGED),
        ],
    },
    Section {
        title: "Subschema keywords",
        entries: &[
            Pair(CONTAINS_ADDED),
            Pair(CONTAINS_REMOVED),
            Pair(PREFIX_ITEMS_ADDED),
            Pair(PREFIX_ITEMS_REMOVED),
            Pair(DEPENDENT_REQUIRED_ADDED),
            Pair(DEPENDENT_REQUIRED_REMOVED),
            Pair(DEPENDENT_SCHEMAS_ADDED),
            Pair(DEPENDENT_SCHEMAS_REMOVED),
            Pair(PROPERTY_NAMES_ADDED),
            Pair(PROPERTY_NAMES_REMOVED),
            Pair(PATTERN_PROPERTIES_ADDED),
            Pair(PATTERN_PROPERTIES_REMOVED),
            Pair(CONDITIONAL_ADDED),
            Pair(CONDITIONAL_REMOVED),
            Pair(UNEVALUATED_ADDED),
            Pair(UNEVALUATED_REMOVED),
            Pair(CONTENT_SCHEMA_ADDED),
            Pair(CONTENT_SCHEMA_REMOVED),
        ],
    },
    Section {
        title: "Composition",
        entries: &[
            Pair(ONE_OF_ADDED),
            Pair(ONE_OF_REMOVED),
            Pair(ANY_OF_ADDED),
            Pair(ANY_OF_REMOVED),
            Pair(ALL_OF_ADDED),
            Pair(ALL_OF_REMOVED),
        ],
    },
    Section {
        title: "Discriminators",
        entries: &[
            One(DISCRIMINATOR_PROPERTY_CHANGED),
            One(DISCRIMINATOR_ADDED),
            One(DISCRIMINATOR_REMOVED),
            One(DISCRIMINATOR_MAPPING_CHANGED),
            Pair(DISCRIMINATOR_MAPPING_ADDED),
            Pair(DISCRIMINATOR_MAPPING_REMOVED),
        ],
    },
    Section {
        title: "Anything else",
        entries: &[One(DESCRIPTION_CHANGED), One(EXAMPLE_CHANGED), One(OTHER_CHANGED)],
    },
];

/// Every rule, in the order the README lists them.
pub fn all() -> Vec<Rule> {
    let mut rules = Vec::new();
    for section in CATALOGUE {
        for entry in section.entries {
            match entry {
                One(rule) => rules.push(*rule),
                Pair(pair) => rules.extend([pair.request, pair.response]),
            }
        }
    }
    rules
}

/// The rule with this id.
pub fn find(id: &str) -> Option<Rule> {
    all().into_iter().find(|rule| rule.id == id)
}

/// The README's table of rules, one row per rule or pair, in Markdown.
pub fn table() -> String {
    let mut out = String::from("| Area | Rule | Verdict | What changed |\n|---|---|---|---|\n");
    for section in CATALOGUE {
        for entry in section.entries {
            let (ids, verdicts, title) = match entry {
                One(rule) => (format!("`{}`", rule.id), rule.verdict.to_string(), rule.title),
                Pair(pair) => (
                    format!("`{}` / `{}`", pair.request.id, pair.response.id),
                    format!("{} / {}", pair.request.verdict, pair.response.verdict),
                    pair.request.title,
                ),
            };
            let _ =
                writeln!(out, "| {} | {ids} | {verdicts} | {} |", section.title, title.replace('|', "\\|"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{CATALOGUE, Entry, all};

    #[test]
    fn ids_are_unique_and_pairs_are_named_by_direction() {
        let mut seen = HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "{} is listed twice", rule.id);
        }
        for section in CATALOGUE {
            for entry in section.entries {
                if let Entry::Pair(pair) = entry {
                    let stem = pair.request.id.strip_prefix("request-").expect("a request- id");
                    assert_eq!(pair.response.id, format!("response-{stem}"));
                }
            }
        }
    }
}
