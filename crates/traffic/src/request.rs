//! The request of an exchange against its operation: every declared path, query and header
//! parameter (required, type, enum, pattern, limits), the credentials one of the operation's
//! security requirements needs, and the body, where the operation declares one.

use cloudspec_capture::Plan;
use cloudspec_capture::har::{Pair, Request};

use crate::body;
use crate::finding::{EntryReport, Finding, Kind};
use crate::parameters;
use crate::routes::{In, Route};
use crate::url::Url;

/// Checks `request` (entry `place`: `/log/entries/3`) against `route`; `path` holds the
/// values the path template matched, and `read` the plan its body was checked against as it
/// was read ([`body::check`]).
pub fn check(
    route: &Route,
    request: &mut Request,
    read: Option<&Plan>,
    url: &Url,
    path: &[(String, String)],
    place: &str,
    report: &mut EntryReport,
) {
    let url_place = format!("{place}/request/url");
    for parameter in &route.parameters {
        let values = values(parameter.location, &parameter.name, request, url, path, place);
        let what = format!("{} parameter", parameter.location.as_str());
        let absent_at = if parameter.location == In::Header {
            format!("{place}/request/headers")
        } else {
            url_place.clone()
        };
        for finding in parameters::check(parameter, &values, "request-parameter", &what, &absent_at) {
            report.push(finding);
        }
    }
    security(route, request, url, place, report);
    if let Some(declared) = &route.request_body {
        let body_place = format!("{place}/request/postData");
        match (&mut request.post_data, &declared.plan) {
            (Some(content), Some(plan)) => {
                body::check(plan, content, read, &body_place, "request-body", report);
            }
            (None, _) if declared.required => report.push(
                Finding::new(
                    Kind::Violation,
                    "request-body",
                    body_place,
                    "a body is required, and the request has none".into(),
                )
                .rule(format!("{}/required", declared.pointer)),
            ),
            _ => {}
        }
    }
}

/// The values a parameter has in the request, each with its place in the archive.
fn values(
    location: In,
    name: &str,
    request: &Request,
    url: &Url,
    path: &[(String, String)],
    place: &str,
) -> Vec<(String, String)> {
    let url_place = || format!("{place}/request/url");
    match location {
        In::Path => path
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| (value.clone(), url_place()))
            .collect(),
        In::Query => url.query_values(name).map(|value| (value.to_owned(), url_place())).collect(),
        In::Header => headers(&request.headers, name)
            .map(|(index, value)| (value.to_owned(), format!("{place}/request/headers/{index}/value")))
            .collect(),
        In::Cookie => Vec::new(),
    }
}

/// The values of the header `name` (without case) in `headers`, with their indexes.
pub fn headers<'h>(headers: &'h [Pair], name: &'h str) -> impl Iterator<Item = (usize, &'h str)> + 'h {
    headers
        .iter()
        .enumerate()
        .filter(move |(_, pair)| pair.name.eq_ignore_ascii_case(name))
        .map(|(index, pair)| (index, pair.value.as_str()))
}

/// A violation unless the request carries every credential of one of the operation's
/// security requirements.
fn security(route: &Route, request: &Request, url: &Url, place: &str, report: &mut EntryReport) {
    if route.security.is_empty() || route.security.iter().any(Vec::is_empty) {
        return;
    }
    let present = |location: In, name: &str| match location {
        In::Header => headers(&request.headers, name).next().is_some(),
        In::Query => url.query_values(name).next().is_some(),
        In::Path | In::Cookie => true,
    };
    if route.security.iter().any(|credentials| {
        credentials.iter().all(|credential| present(credential.location, &credential.name))
    }) {
        return;
    }
    let needed: Vec<String> = route
        .security
        .iter()
        .map(|credentials| {
            credentials
                .iter()
                .map(|credential| {
                    format!("{} {} ({})", credential.location.as_str(), credential.name, credential.scheme)
                })
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .collect();
    report.push(
        Finding::new(
            Kind::Violation,
            "security",
            format!("{place}/request"),
            format!("the operation requires {}, and the request carries none", needed.join(", or ")),
        )
        .rule(format!("{}/security", route.pointer)),
    );
}
