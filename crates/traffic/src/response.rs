//! The response of an exchange against its operation: the status is declared (or falls
//! under a range or `default`), the `Content-Type` is one the status declares, the declared
//! headers are there and conform, and the body goes through the capture validator.

use cloudspec_capture::Plan;
use cloudspec_capture::har::{Pair, Response};

use crate::body;
use crate::finding::{EntryReport, Finding, Kind};
use crate::parameters;
use crate::request::headers;
use crate::routes::{Declared, Route};

/// Checks `response` (entry `place`: `/log/entries/3`) against `route`; `read` is the plan its
/// body was checked against as it was read ([`body::check`]).
pub fn check(
    route: &Route,
    response: &mut Response,
    read: Option<&Plan>,
    place: &str,
    report: &mut EntryReport,
) {
    let Some(declared) = route.declared(response.status) else {
        let statuses: Vec<&str> = route.responses.iter().map(|declared| declared.status.as_str()).collect();
        report.push(
            Finding::new(
                Kind::Violation,
                "response-status",
                format!("{place}/response/status"),
                format!(
                    "status {} is not declared; the operation declares {}",
                    response.status,
                    statuses.join(", ")
                ),
            )
            .rule(format!("{}/responses", route.pointer)),
        );
        return;
    };
    let content_type = headers(&response.headers, "Content-Type")
        .next()
        .map(|(index, value)| (value.to_owned(), format!("{place}/response/headers/{index}/value")))
        .or_else(|| {
            response
                .content
                .mime_type
                .clone()
                .map(|mime| (mime, format!("{place}/response/content/mimeType")))
        })
        .filter(|(value, _)| !value.is_empty());
    if !declared.media_types.is_empty() {
        match &content_type {
            Some((value, at))
                if !declared.media_types.iter().any(|declared| matches(declared, &media_type(value))) =>
            {
                report.push(
                    Finding::new(
                        Kind::Violation,
                        "response-content-type",
                        at.clone(),
                        format!(
                            "Content-Type {value:?} is not among those status {} declares: {}",
                            declared.status,
                            declared.media_types.join(", ")
                        ),
                    )
                    .rule(format!("{}/content", declared.pointer)),
                );
            }
            _ => {}
        }
    }
    for header in &declared.headers {
        let values: Vec<(String, String)> = headers(&response.headers, &header.name)
            .map(|(index, value)| (value.to_owned(), format!("{place}/response/headers/{index}/value")))
            .collect();
        for finding in parameters::check(
            header,
            &values,
            "response-header",
            "header",
            &format!("{place}/response/headers"),
        ) {
            report.push(finding);
        }
    }
    if let Some(plan) = body_plan(declared, &response.headers, response.content.mime_type.as_deref()) {
        let content = &mut response.content;
        body::check(plan, content, read, &format!("{place}/response/content"), "response-body", report);
    }
}

/// What the body of a response `declared` answers is checked against: the declared JSON
/// schema's plan, when the body's media type is JSON (the `Content-Type` header's, else the
/// content's `mimeType`; a body with neither is taken as JSON).
pub fn body_plan<'d>(declared: &'d Declared, headers: &[Pair], mime_type: Option<&str>) -> Option<&'d Plan> {
    let value = match self::headers(headers, "Content-Type").next() {
        Some((_, value)) => Some(value),
        None => mime_type,
    };
    let media = value.filter(|value| !value.is_empty()).map(media_type);
    let json = media.as_deref().is_none_or(|media| media == "application/json" || media.ends_with("+json"));
    declared.plan.as_ref().filter(|_| json)
}

/// `application/json` of `application/json; charset=utf-8`, in lower case.
fn media_type(value: &str) -> String {
    value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// Whether the declared media range (`application/json`, `application/*`, `*/*`) covers `media`.
fn matches(declared: &str, media: &str) -> bool {
    let declared = declared.to_ascii_lowercase();
    match declared.strip_suffix("/*") {
        Some("*") => true,
        Some(kind) => media.split('/').next() == Some(kind),
        None => declared == media,
    }
}
