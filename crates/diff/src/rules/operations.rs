//! The rules of operations: their identity, lifecycle, parameters, request bodies,
//! responses and security.

use super::Entry::{One, Pair};
use super::Verdict::{Breaking, NonBreaking, PotentiallyBreaking};
use super::{Directed, NONE, Rule, Section, directed, rule};

// Operations.
pub(crate) const OPERATION_REMOVED: Rule = rule(
    "operation-removed",
    Breaking,
    "operation removed without being deprecated first",
    "every client that calls it",
);
pub(crate) const OPERATION_ADDED: Rule = rule("operation-added", NonBreaking, "operation added", NONE);
pub(crate) const PATH_CHANGED: Rule =
    rule("path-changed", Breaking, "path changed", "every client: it sends the old path");
pub(crate) const METHOD_CHANGED: Rule =
    rule("method-changed", Breaking, "method changed", "every client: it sends the old method");
pub(crate) const OPERATION_ID_CHANGED: Rule = rule(
    "operation-id-changed",
    Breaking,
    "operationId changed (generated method names change)",
    "code that calls a generated client (progenitor, openapi-python-client): the method it calls is \
    renamed; the request on the wire is the same",
);
pub(crate) const DEPRECATED_ADDED: Rule = rule(
    "deprecated-added",
    NonBreaking,
    "operation or schema deprecated",
    "none: clients are warned, not stopped",
);
pub(crate) const DEPRECATED_REMOVED: Rule =
    rule("deprecated-removed", NonBreaking, "no longer deprecated", NONE);

pub(super) const OPERATIONS: Section = Section {
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
};

// Lifecycle: removing what was deprecated, judged by its `x-sunset` date against today, and
// the promises `x-sunset` and `x-stability-level` make.
const SUNSET_CAME: &str = "none: the announced date has come";
pub(crate) const OPERATION_REMOVED_AFTER_SUNSET: Rule = rule(
    "operation-removed-after-sunset",
    NonBreaking,
    "deprecated operation removed on or after its `x-sunset` date",
    SUNSET_CAME,
);
pub(crate) const OPERATION_REMOVED_BEFORE_SUNSET: Rule = rule(
    "operation-removed-before-sunset",
    Breaking,
    "deprecated operation removed before its `x-sunset` date",
    "every client that calls it before the date it was promised",
);
pub(crate) const OPERATION_REMOVED_DEPRECATED: Rule = rule(
    "operation-removed-deprecated",
    PotentiallyBreaking,
    "deprecated operation without an `x-sunset` date removed (clients were warned, not told when)",
    "clients that still call it",
);
pub(crate) const PARAMETER_REMOVED_AFTER_SUNSET: Rule = rule(
    "parameter-removed-after-sunset",
    NonBreaking,
    "deprecated parameter removed on or after its `x-sunset` date",
    SUNSET_CAME,
);
pub(crate) const PARAMETER_REMOVED_BEFORE_SUNSET: Rule = rule(
    "parameter-removed-before-sunset",
    Breaking,
    "deprecated parameter removed before its `x-sunset` date",
    "every client that sends it before the date it was promised",
);
pub(crate) const PARAMETER_REMOVED_DEPRECATED: Rule = rule(
    "parameter-removed-deprecated",
    PotentiallyBreaking,
    "deprecated parameter without an `x-sunset` date removed",
    "clients that still send it",
);
pub(crate) const PROPERTY_REMOVED_AFTER_SUNSET: Rule = rule(
    "property-removed-after-sunset",
    NonBreaking,
    "deprecated property removed on or after its `x-sunset` date",
    SUNSET_CAME,
);
pub(crate) const PROPERTY_REMOVED_BEFORE_SUNSET: Directed = directed(
    (
        "request-property-removed-before-sunset",
        PotentiallyBreaking,
        "clients that still send it, where the server refuses unknown properties",
    ),
    (
        "response-property-removed-before-sunset",
        Breaking,
        "clients that read it before the date it was promised",
    ),
    "deprecated property removed before its `x-sunset` date",
);
pub(crate) const PROPERTY_REMOVED_DEPRECATED: Rule = rule(
    "property-removed-deprecated",
    PotentiallyBreaking,
    "deprecated property without an `x-sunset` date removed",
    "clients that still send or read it",
);
pub(crate) const SUNSET_BROUGHT_FORWARD: Rule = rule(
    "sunset-brought-forward",
    PotentiallyBreaking,
    "`x-sunset` moved to an earlier date",
    "clients that planned to move off it by the later date",
);
pub(crate) const SUNSET_CHANGED: Rule =
    rule("sunset-changed", NonBreaking, "`x-sunset` set or postponed, or dropped with the deprecation", NONE);
pub(crate) const SUNSET_DELETED: Rule = rule(
    "sunset-deleted",
    Breaking,
    "`x-sunset` deleted from what stays deprecated",
    "clients that plan by the date: what stays deprecated may now go at any time, and its removal \
    is no longer held to a date (oasdiff: `sunset-deleted`, an error)",
);
pub(crate) const SUNSET_UNPARSEABLE: Rule = rule(
    "sunset-unparseable",
    Breaking,
    "`x-sunset` that is not a date (`YYYY-MM-DD`): set so, or read at the removal of what it dates",
    "clients and tools that read the date (this diff, oasdiff): when it goes cannot be told, so no \
    removal can be judged by it (oasdiff: `api-path-sunset-parse`, `request-parameter-sunset-parse`, errors)",
);
pub(crate) const STABILITY_LEVEL_INVALID: Rule = rule(
    "stability-level-invalid",
    Breaking,
    "`x-stability-level` that is not `draft`, `alpha`, `beta` or `stable`",
    "tools that gate on stability (oasdiff's `--stability-level`) cannot place it (oasdiff: \
    `api-invalid-stability-level`, an error)",
);
pub(crate) const STABILITY_LEVEL_LOWERED: Rule = rule(
    "stability-level-lowered",
    Breaking,
    "`x-stability-level` lowered (none means `stable`)",
    "clients that relied on the old level: a less stable operation may change or go without notice \
    (oasdiff: `api-stability-decreased`, an error)",
);
pub(crate) const STABILITY_LEVEL_CHANGED: Rule = rule(
    "stability-level-changed",
    NonBreaking,
    "`x-stability-level` raised, or written where `stable` was implied",
    NONE,
);

pub(super) const LIFECYCLE: Section = Section {
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
        One(SUNSET_DELETED),
        One(SUNSET_UNPARSEABLE),
        One(STABILITY_LEVEL_INVALID),
        One(STABILITY_LEVEL_LOWERED),
        One(STABILITY_LEVEL_CHANGED),
    ],
};

// Parameters.
pub(crate) const PARAMETER_ADDED_REQUIRED: Rule = rule(
    "parameter-added-required",
    Breaking,
    "required parameter added",
    "every client: its requests lack the parameter",
);
pub(crate) const PARAMETER_ADDED_OPTIONAL: Rule =
    rule("parameter-added-optional", NonBreaking, "optional parameter added", NONE);
pub(crate) const PARAMETER_REMOVED: Rule = rule(
    "parameter-removed",
    Breaking,
    "parameter removed without being deprecated first",
    "clients that send it: the server refuses or ignores it, and generated clients drop the argument",
);
pub(crate) const PARAMETER_MOVED: Rule = rule(
    "parameter-moved",
    Breaking,
    "parameter moved (its `in` changed)",
    "every client that sends it: it is sent where it is no longer read",
);
pub(crate) const PARAMETER_BECAME_REQUIRED: Rule =
    rule("parameter-became-required", Breaking, "parameter became required", "clients that leave it out");
pub(crate) const PARAMETER_BECAME_OPTIONAL: Rule =
    rule("parameter-became-optional", NonBreaking, "parameter became optional", NONE);
pub(crate) const PATH_PARAMETER_RENAMED: Rule = rule(
    "path-parameter-renamed",
    PotentiallyBreaking,
    "path parameter renamed (the URL is the same; generated argument names change)",
    "code that names the argument of a generated client; the URL is the same",
);
pub(crate) const PARAMETER_DEPRECATED: Rule =
    rule("parameter-deprecated", NonBreaking, "parameter deprecated", NONE);

pub(super) const PARAMETERS: Section = Section {
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
};

// Request bodies and media types.
pub(crate) const REQUEST_BODY_ADDED_REQUIRED: Rule = rule(
    "request-body-added-required",
    Breaking,
    "required request body added",
    "every client: it sends no body",
);
pub(crate) const REQUEST_BODY_ADDED_OPTIONAL: Rule =
    rule("request-body-added-optional", NonBreaking, "optional request body added", NONE);
pub(crate) const REQUEST_BODY_REMOVED: Rule =
    rule("request-body-removed", Breaking, "request body removed", "clients that send a body");
pub(crate) const REQUEST_BODY_BECAME_REQUIRED: Rule =
    rule("request-body-became-required", Breaking, "request body became required", "clients that send none");
pub(crate) const REQUEST_BODY_BECAME_OPTIONAL: Rule =
    rule("request-body-became-optional", NonBreaking, "request body became optional", NONE);
pub(crate) const MEDIA_TYPE_ADDED: Directed = directed(
    ("request-media-type-added", NonBreaking, NONE),
    ("response-media-type-added", NonBreaking, NONE),
    "media type added (a body gained one, or a response without a body gained one)",
);
pub(crate) const MEDIA_TYPE_REMOVED: Directed = directed(
    ("request-media-type-removed", Breaking, "clients that send it: the server refuses it"),
    ("response-media-type-removed", Breaking, "clients that accept only it, or read only it"),
    "media type removed",
);

pub(super) const BODIES: Section = Section {
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
};

// Responses.
pub(crate) const RESPONSE_STATUS_REMOVED: Rule = rule(
    "response-status-removed",
    Breaking,
    "response status removed",
    "clients that expect that status: the server answers another",
);
pub(crate) const RESPONSE_STATUS_ADDED: Rule =
    rule("response-status-added", NonBreaking, "response status added", NONE);
pub(crate) const RESPONSE_HEADER_ADDED: Rule =
    rule("response-header-added", NonBreaking, "response header added", NONE);
pub(crate) const RESPONSE_REQUIRED_HEADER_REMOVED: Rule = rule(
    "response-required-header-removed",
    Breaking,
    "required response header removed",
    "clients that read it",
);
pub(crate) const RESPONSE_OPTIONAL_HEADER_REMOVED: Rule = rule(
    "response-optional-header-removed",
    PotentiallyBreaking,
    "optional response header removed",
    "clients that read it when it is there, as a generated client stops exposing it",
);
pub(crate) const RESPONSE_HEADER_BECAME_OPTIONAL: Rule = rule(
    "response-header-became-optional",
    Breaking,
    "response header became optional",
    "clients that read it unconditionally",
);
pub(crate) const RESPONSE_HEADER_BECAME_REQUIRED: Rule =
    rule("response-header-became-required", NonBreaking, "response header became required", NONE);
pub(crate) const HEADER_DEPRECATED: Rule =
    rule("header-deprecated", NonBreaking, "response header deprecated", NONE);

pub(super) const RESPONSES: Section = Section {
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
};

// Security.
pub(crate) const SECURITY_REQUIREMENT_ADDED: Rule = rule(
    "security-requirement-added",
    Breaking,
    "every client must now satisfy a further scheme (anonymous access ended, or a scheme joined an \
    alternative)",
    "clients without the credential it asks for: their requests are refused. Breaking though \
    clients that hold it keep working: the old document let a client call without it",
);
pub(crate) const SECURITY_REQUIREMENT_REMOVED: Rule = rule(
    "security-requirement-removed",
    NonBreaking,
    "a scheme is no longer needed (anonymous access allowed, or an alternative needs fewer schemes)",
    NONE,
);
pub(crate) const SECURITY_ALTERNATIVE_ADDED: Rule =
    rule("security-alternative-added", NonBreaking, "another way to authenticate added", NONE);
pub(crate) const SECURITY_ALTERNATIVE_REMOVED: Rule = rule(
    "security-alternative-removed",
    Breaking,
    "a way to authenticate removed, and its clients satisfy no other",
    "clients that authenticated only that way",
);
pub(crate) const SECURITY_SCOPES_ADDED: Rule = rule(
    "security-scopes-added",
    Breaking,
    "a requirement needs more OAuth scopes",
    "clients whose tokens lack the new scopes",
);
pub(crate) const SECURITY_SCOPES_REMOVED: Rule =
    rule("security-scopes-removed", NonBreaking, "a requirement needs fewer OAuth scopes", NONE);
pub(crate) const SECURITY_SCHEME_ADDED: Rule =
    rule("security-scheme-added", NonBreaking, "security scheme added", NONE);
pub(crate) const SECURITY_SCHEME_SCOPES_ADDED: Rule = rule(
    "security-scheme-scopes-added",
    NonBreaking,
    "scope declared in an OAuth flow of a security scheme",
    NONE,
);
pub(crate) const SECURITY_SCHEME_REMOVED: Rule = rule(
    "security-scheme-removed",
    NonBreaking,
    "security scheme removed (a requirement that named it is reported on its own)",
    "none: a requirement that named it is reported on its own",
);
pub(crate) const SECURITY_SCHEME_CHANGED: Rule = rule(
    "security-scheme-changed",
    Breaking,
    "what a client sends to authenticate changed (type, `in`, name, scheme, flow URLs)",
    "every client that authenticates with it: it sends the credential the old way",
);

pub(super) const SECURITY: Section = Section {
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
};
