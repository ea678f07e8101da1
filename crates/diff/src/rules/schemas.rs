//! The rules of schemas: keywords of values, subschema keywords, composition and
//! discriminators, and what no other rule classifies.

use super::Entry::{One, Pair};
use super::Verdict::{Breaking, DocsOnly, NonBreaking, PotentiallyBreaking};
use super::{Directed, NONE, Rule, Section, directed, rule};

/// Who a request schema that admits less breaks.
const REFUSED: &str = "clients that send a value it refuses";
/// Who a response schema that admits more breaks: the clients that hold responses to the
/// old schema. The pydantic model datamodel-code-generator writes bounds an integer of
/// `minimum: 40, maximum: 1024` with `ge=40, le=1024`, and raises on the first 2048.
const VALIDATING: &str = "clients that validate responses (pydantic models from \
    datamodel-code-generator, jsonschema): they reject a value the old schema refused";

// Schemas, the same both ways.
pub(crate) const TYPE_CHANGED: Rule = rule(
    "type-changed",
    Breaking,
    "type changed",
    "every client: a value of the old type is refused, or one of the new type fails to decode. \
    Reported on a loosely typed body too (XML, text a client parses itself): the document no longer \
    says what the value holds",
);
pub(crate) const FORMAT_CHANGED: Rule = rule(
    "format-changed",
    PotentiallyBreaking,
    "format changed",
    "clients that check the format (pydantic's `UUID` and `datetime`): JSON Schema 2020-12 makes \
    `format` an annotation that validators assert only when asked",
);
pub(crate) const PATTERN_CHANGED: Rule = rule(
    "pattern-changed",
    PotentiallyBreaking,
    "pattern changed",
    "clients that validate the pattern, for values one pattern admits and the other refuses: \
    whether the new one admits more cannot be told from the text",
);
pub(crate) const PROPERTY_ADDED: Rule = rule(
    "property-added",
    NonBreaking,
    "optional property added",
    "none: a client that does not know it ignores it",
);
pub(crate) const PROPERTY_RENAMED: Rule = rule(
    "property-renamed",
    Breaking,
    "property renamed",
    "every client: the old name is no longer sent or read",
);
pub(crate) const CONTENT_MEDIA_TYPE_CHANGED: Rule = rule(
    "content-media-type-changed",
    Breaking,
    "`contentMediaType` or `contentEncoding` of a string changed",
    "clients that decode the string's content (base64, JSON in a string)",
);
pub(crate) const READ_ONLY_REMOVED: Rule =
    rule("read-only-removed", NonBreaking, "no longer `readOnly`", NONE);
pub(crate) const WRITE_ONLY_REMOVED: Rule =
    rule("write-only-removed", NonBreaking, "no longer `writeOnly`", NONE);

// Schemas, by direction.
pub(crate) const ENUM_NARROWED: Directed = directed(
    ("request-enum-narrowed", Breaking, "clients that send the value removed"),
    ("response-enum-narrowed", NonBreaking, NONE),
    "enum value removed",
);
pub(crate) const ENUM_WIDENED: Directed = directed(
    ("request-enum-widened", NonBreaking, NONE),
    (
        "response-enum-widened",
        Breaking,
        "typed clients (progenitor's Rust `enum`, pydantic's `Enum`, openapi-python-client) fail to \
        decode the new value, which is why a list that may grow is `x-extensible-enum` (oasdiff: a warning)",
    ),
    "enum value added",
);
/// A value added to or removed from an open enum's list (`x-extensible-enum`): clients already
/// accept any value, so only a request that sends a value the server no longer lists breaks.
pub(crate) const KNOWN_VALUE_ADDED: Directed = directed(
    ("request-known-value-added", NonBreaking, NONE),
    ("response-known-value-added", NonBreaking, "none: clients decode any value of an open enum"),
    "documented value added to an open enum (`x-extensible-enum`)",
);
pub(crate) const KNOWN_VALUE_REMOVED: Directed = directed(
    (
        "request-known-value-removed",
        Breaking,
        "clients that send the value: the server no longer accepts it (oasdiff: \
        `request-parameter-x-extensible-enum-value-removed`, an error)",
    ),
    ("response-known-value-removed", NonBreaking, NONE),
    "documented value removed from an open enum (`x-extensible-enum`)",
);
pub(crate) const TYPE_NARROWED: Directed = directed(
    ("request-type-narrowed", Breaking, "clients that send a value of the type dropped"),
    ("response-type-narrowed", NonBreaking, NONE),
    "type list narrowed (a type dropped from `type: [...]`, `number` to `integer`, a type set)",
);
pub(crate) const TYPE_WIDENED: Directed = directed(
    ("request-type-widened", NonBreaking, NONE),
    ("response-type-widened", Breaking, "typed clients: a value of the new type fails to decode"),
    "type list widened (a type added to `type: [...]`, `integer` to `number`, the type dropped)",
);
pub(crate) const LIMIT_TIGHTENED: Directed = directed(
    ("request-limit-tightened", Breaking, REFUSED),
    ("response-limit-tightened", NonBreaking, NONE),
    "limit tightened (`maxLength`, `x-max-bytes`, `minimum`/`exclusiveMinimum`, \
    `maximum`/`exclusiveMaximum`, `maxItems`, `minContains`...)",
);
pub(crate) const LIMIT_LOOSENED: Directed = directed(
    ("request-limit-loosened", NonBreaking, NONE),
    (
        "response-limit-loosened",
        Breaking,
        "clients that validate responses: a pydantic model bounded `le=1024` or `max_length=32` \
        rejects the first value past the old limit, as jsonschema does; `x-max-bytes` is what \
        clients size storage by (oasdiff: `response-property-max-increased` and its kin, errors)",
    ),
    "limit loosened (a minimum lowered, a maximum raised, or either dropped)",
);
pub(crate) const BECAME_NULLABLE: Directed = directed(
    ("request-became-nullable", NonBreaking, NONE),
    ("response-became-nullable", Breaking, "typed clients: `null` fails to decode"),
    "value (or response header) became nullable",
);
pub(crate) const BECAME_NON_NULLABLE: Directed = directed(
    ("request-became-non-nullable", Breaking, "clients that send `null`"),
    ("response-became-non-nullable", NonBreaking, NONE),
    "value no longer nullable",
);
pub(crate) const PROPERTY_REMOVED: Directed = directed(
    (
        "request-property-removed",
        PotentiallyBreaking,
        "clients that send it, where the server refuses unknown properties; a server that ignores \
        them does not break",
    ),
    (
        "response-property-removed",
        Breaking,
        "clients that read it; typed clients fail to decode a body without it",
    ),
    "property removed without being deprecated first",
);
pub(crate) const PROPERTY_BECAME_REQUIRED: Directed = directed(
    ("request-property-became-required", Breaking, "clients that leave it out"),
    ("response-property-became-required", NonBreaking, NONE),
    "property became required (or a required one added)",
);
pub(crate) const PROPERTY_BECAME_OPTIONAL: Directed = directed(
    ("request-property-became-optional", NonBreaking, NONE),
    ("response-property-became-optional", Breaking, "typed clients: a body without it fails to decode"),
    "property became optional",
);
pub(crate) const DEFAULT_ADDED: Directed = directed(
    (
        "request-default-added",
        NonBreaking,
        "none: the document now says what the server assumes; a client of the old one assumed \
        nothing (oasdiff calls a parameter's an error)",
    ),
    ("response-default-added", NonBreaking, NONE),
    "`default` added",
);
pub(crate) const DEFAULT_CHANGED: Directed = directed(
    (
        "request-default-changed",
        Breaking,
        "clients that leave the value out: the server assumes another value, or none \
        (openapi-python-client sends the documented default itself; oasdiff: \
        `request-parameter-default-value-changed`, an error)",
    ),
    ("response-default-changed", NonBreaking, "none: the server sends the value"),
    "`default` changed or removed (what the server assumes when a client leaves the value out)",
);
pub(crate) const CONST_ADDED: Directed = directed(
    ("request-const-added", Breaking, REFUSED),
    ("response-const-added", NonBreaking, NONE),
    "`const` added",
);
pub(crate) const CONST_REMOVED: Directed = directed(
    ("request-const-removed", NonBreaking, NONE),
    ("response-const-removed", Breaking, VALIDATING),
    "`const` removed",
);
pub(crate) const CONST_CHANGED: Directed = directed(
    ("request-const-changed", Breaking, "every client: it sends the old value"),
    ("response-const-changed", Breaking, "clients that check the value"),
    "`const` changed",
);
pub(crate) const PATTERN_ADDED: Directed = directed(
    ("request-pattern-added", Breaking, REFUSED),
    ("response-pattern-added", NonBreaking, NONE),
    "`pattern` added",
);
pub(crate) const PATTERN_REMOVED: Directed = directed(
    ("request-pattern-removed", NonBreaking, NONE),
    ("response-pattern-removed", Breaking, VALIDATING),
    "`pattern` removed",
);
pub(crate) const BECAME_READ_ONLY: Directed = directed(
    (
        "request-became-read-only",
        PotentiallyBreaking,
        "clients that send it, where the server refuses a read-only value",
    ),
    ("response-became-read-only", NonBreaking, NONE),
    "became `readOnly` (clients should no longer send it)",
);
pub(crate) const BECAME_WRITE_ONLY: Directed = directed(
    ("request-became-write-only", NonBreaking, NONE),
    (
        "response-became-write-only",
        PotentiallyBreaking,
        "clients that read it, if it was required: responses may leave it out",
    ),
    "became `writeOnly` (responses may leave it out)",
);
pub(crate) const WRAPPED_IN_ONE_OF: Directed = directed(
    (
        "request-wrapped-in-one-of",
        Breaking,
        "clients that send the old shape: a body that matches two overlapping alternatives is \
        refused, and the generated type becomes a union (oasdiff: `request-body-wrapped-in-one-of`, \
        an error)",
    ),
    (
        "response-wrapped-in-one-of",
        Breaking,
        "clients that read a property the old schema guaranteed: no alternative need hold it, and \
        the generated type becomes a union (oasdiff: `response-body-wrapped-in-one-of`, an error)",
    ),
    "object wrapped in a `oneOf` of alternatives that hold its properties",
);

pub(super) const SCHEMAS: Section = Section {
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
        Pair(DEFAULT_ADDED),
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
        Pair(WRAPPED_IN_ONE_OF),
    ],
};

// Subschema keywords: a constraint added narrows what is valid, one removed widens it; when
// both sides have it, its subschemas are compared in the same direction.

/// The pair for a constraint added: requests refused, responses unaffected.
const fn narrows(request: &'static str, response: &'static str, title: &'static str) -> Directed {
    directed((request, Breaking, REFUSED), (response, NonBreaking, NONE), title)
}

/// The pair for a constraint removed: requests unaffected, validating clients of responses
/// broken.
const fn widens(request: &'static str, response: &'static str, title: &'static str) -> Directed {
    directed((request, NonBreaking, NONE), (response, Breaking, VALIDATING), title)
}

pub(crate) const CONTAINS_ADDED: Directed =
    narrows("request-contains-added", "response-contains-added", "`contains` added");
pub(crate) const CONTAINS_REMOVED: Directed =
    widens("request-contains-removed", "response-contains-removed", "`contains` removed");
pub(crate) const PREFIX_ITEMS_ADDED: Directed =
    narrows("request-prefix-items-added", "response-prefix-items-added", "`prefixItems` entry added");
pub(crate) const PREFIX_ITEMS_REMOVED: Directed =
    widens("request-prefix-items-removed", "response-prefix-items-removed", "`prefixItems` entry removed");
pub(crate) const DEPENDENT_REQUIRED_ADDED: Directed = narrows(
    "request-dependent-required-added",
    "response-dependent-required-added",
    "`dependentRequired` dependency added",
);
pub(crate) const DEPENDENT_REQUIRED_REMOVED: Directed = widens(
    "request-dependent-required-removed",
    "response-dependent-required-removed",
    "`dependentRequired` dependency removed",
);
pub(crate) const DEPENDENT_SCHEMAS_ADDED: Directed = narrows(
    "request-dependent-schemas-added",
    "response-dependent-schemas-added",
    "`dependentSchemas` entry added",
);
pub(crate) const DEPENDENT_SCHEMAS_REMOVED: Directed = widens(
    "request-dependent-schemas-removed",
    "response-dependent-schemas-removed",
    "`dependentSchemas` entry removed",
);
pub(crate) const PROPERTY_NAMES_ADDED: Directed =
    narrows("request-property-names-added", "response-property-names-added", "`propertyNames` added");
pub(crate) const PROPERTY_NAMES_REMOVED: Directed =
    widens("request-property-names-removed", "response-property-names-removed", "`propertyNames` removed");
pub(crate) const PATTERN_PROPERTIES_ADDED: Directed = narrows(
    "request-pattern-properties-added",
    "response-pattern-properties-added",
    "`patternProperties` entry added",
);
pub(crate) const PATTERN_PROPERTIES_REMOVED: Directed = widens(
    "request-pattern-properties-removed",
    "response-pattern-properties-removed",
    "`patternProperties` entry removed",
);
pub(crate) const CONDITIONAL_ADDED: Directed =
    narrows("request-conditional-added", "response-conditional-added", "`if`, `then` or `else` added");
pub(crate) const CONDITIONAL_REMOVED: Directed =
    widens("request-conditional-removed", "response-conditional-removed", "`if`, `then` or `else` removed");
pub(crate) const UNEVALUATED_ADDED: Directed = narrows(
    "request-unevaluated-added",
    "response-unevaluated-added",
    "`unevaluatedProperties` or `unevaluatedItems` added",
);
pub(crate) const UNEVALUATED_REMOVED: Directed = widens(
    "request-unevaluated-removed",
    "response-unevaluated-removed",
    "`unevaluatedProperties` or `unevaluatedItems` removed",
);
pub(crate) const CONTENT_SCHEMA_ADDED: Directed =
    narrows("request-content-schema-added", "response-content-schema-added", "`contentSchema` added");
/// Kept potentially breaking for responses: JSON Schema 2020-12 makes `contentSchema` an
/// annotation, which validators do not assert.
pub(crate) const CONTENT_SCHEMA_REMOVED: Directed = directed(
    ("request-content-schema-removed", NonBreaking, NONE),
    (
        "response-content-schema-removed",
        PotentiallyBreaking,
        "only clients that decode the content and check it themselves: `contentSchema` is an \
        annotation in JSON Schema 2020-12, which validators do not assert",
    ),
    "`contentSchema` removed",
);

pub(super) const SUBSCHEMAS: Section = Section {
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
};

// Composition: branches matched by `$ref`, then by equal content, then by equal content but
// for what only documents, then by `title`.

/// Who a branch added to a response breaks.
const NEW_SHAPE: &str = "typed clients (progenitor, pydantic) fail to decode a value of the new \
    shape, and validating clients reject it";
pub(crate) const ONE_OF_ADDED: Directed = directed(
    ("request-one-of-added", NonBreaking, NONE),
    ("response-one-of-added", Breaking, NEW_SHAPE),
    "`oneOf` branch added (a response may hold a shape clients do not know)",
);
pub(crate) const ONE_OF_REMOVED: Directed = directed(
    ("request-one-of-removed", Breaking, "clients that send a value only that branch admitted"),
    ("response-one-of-removed", NonBreaking, NONE),
    "`oneOf` branch removed",
);
pub(crate) const ANY_OF_ADDED: Directed = directed(
    ("request-any-of-added", NonBreaking, NONE),
    ("response-any-of-added", Breaking, NEW_SHAPE),
    "`anyOf` branch added",
);
pub(crate) const ANY_OF_REMOVED: Directed = directed(
    ("request-any-of-removed", Breaking, "clients that send a value only that branch admitted"),
    ("response-any-of-removed", NonBreaking, NONE),
    "`anyOf` branch removed",
);
pub(crate) const ALL_OF_ADDED: Directed = directed(
    ("request-all-of-added", Breaking, REFUSED),
    ("response-all-of-added", NonBreaking, NONE),
    "`allOf` branch added (every value must now match it too)",
);
pub(crate) const ALL_OF_REMOVED: Directed = directed(
    ("request-all-of-removed", NonBreaking, NONE),
    ("response-all-of-removed", Breaking, VALIDATING),
    "`allOf` branch removed (responses no longer promise what it held)",
);

pub(super) const COMPOSITION: Section = Section {
    title: "Composition",
    entries: &[
        Pair(ONE_OF_ADDED),
        Pair(ONE_OF_REMOVED),
        Pair(ANY_OF_ADDED),
        Pair(ANY_OF_REMOVED),
        Pair(ALL_OF_ADDED),
        Pair(ALL_OF_REMOVED),
    ],
};

// Discriminators.
pub(crate) const DISCRIMINATOR_PROPERTY_CHANGED: Rule = rule(
    "discriminator-property-changed",
    Breaking,
    "discriminator `propertyName` changed",
    "typed clients: they dispatch on the old property",
);
pub(crate) const DISCRIMINATOR_ADDED: Rule = rule(
    "discriminator-added",
    PotentiallyBreaking,
    "discriminator added (generated code switches to a tagged union)",
    "code that uses the generated type, whose shape changes; the values on the wire are the same",
);
pub(crate) const DISCRIMINATOR_REMOVED: Rule = rule(
    "discriminator-removed",
    PotentiallyBreaking,
    "discriminator removed (generated code stops dispatching on it)",
    "code that uses the generated type, whose shape changes; the values on the wire are the same",
);
pub(crate) const DISCRIMINATOR_MAPPING_CHANGED: Rule = rule(
    "discriminator-mapping-changed",
    Breaking,
    "discriminator mapping points a value at another schema",
    "typed clients: they decode the value as the old schema",
);
pub(crate) const DISCRIMINATOR_MAPPING_ADDED: Directed = directed(
    ("request-discriminator-mapping-added", NonBreaking, NONE),
    (
        "response-discriminator-mapping-added",
        Breaking,
        "typed clients that dispatch on the discriminator: a value they do not know fails to decode",
    ),
    "discriminator mapping value added",
);
pub(crate) const DISCRIMINATOR_MAPPING_REMOVED: Directed = directed(
    ("request-discriminator-mapping-removed", Breaking, "clients that send the value removed"),
    ("response-discriminator-mapping-removed", NonBreaking, NONE),
    "discriminator mapping value removed",
);

pub(super) const DISCRIMINATORS: Section = Section {
    title: "Discriminators",
    entries: &[
        One(DISCRIMINATOR_PROPERTY_CHANGED),
        One(DISCRIMINATOR_ADDED),
        One(DISCRIMINATOR_REMOVED),
        One(DISCRIMINATOR_MAPPING_CHANGED),
        Pair(DISCRIMINATOR_MAPPING_ADDED),
        Pair(DISCRIMINATOR_MAPPING_REMOVED),
    ],
};

// Anything else.
pub(crate) const DESCRIPTION_CHANGED: Rule = rule(
    "description-changed",
    DocsOnly,
    "description, summary or title changed (or an `allOf` branch that only describes)",
    NONE,
);
pub(crate) const EXAMPLE_CHANGED: Rule = rule("example-changed", DocsOnly, "example changed", NONE);
pub const OTHER_CHANGED: Rule = rule(
    "other-changed",
    PotentiallyBreaking,
    "changed in a way no other rule classifies (servers, `not`, extensions...)",
    "unknown: a reviewer judges",
);

pub(super) const ANYTHING_ELSE: Section = Section {
    title: "Anything else",
    entries: &[One(DESCRIPTION_CHANGED), One(EXAMPLE_CHANGED), One(OTHER_CHANGED)],
};
