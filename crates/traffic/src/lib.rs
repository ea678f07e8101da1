//! Captured sessions (HAR 1.2) checked against the catalog, request and response: each entry
//! is matched to the operation that serves it ([`routes`]), its request checked ([`request`]:
//! parameters, security, body) and its response ([`response`]: status, `Content-Type`,
//! headers, and the body through the capture validator, [`body`]), with credentials redacted
//! everywhere ([`secrets`], [`url`]). What is found is plain data ([`finding`]), tallied into
//! a [`Summary`] and a [`coverage`] table; the pipeline (`cloudspec::traffic`) prints it in
//! `diff`'s formats. A crate of its own, built optimised as the capture crate is: its checks
//! run once per entry of sessions of a gigabyte.
//!
//! The archive is read entry by entry (`cloudspec_capture::har`) and each entry is handed on
//! as soon as it is checked; a body is checked as its text is read, against what the entry
//! read so far says it is held to ([`Checker::target`]). So a session of a gigabyte, or a body
//! of one, needs the memory of an entry's headers and a few buffers.

mod body;
pub mod coverage;
pub mod finding;
mod parameters;
mod request;
mod response;
pub mod routes;
mod secrets;
pub mod url;

use std::io::Read;

use serde::Serialize;

use cloudspec_capture::Plan;
use cloudspec_capture::har::body::Target;
use cloudspec_capture::har::{self, Entry, Handler, Problem, Side, Sofar};
use coverage::Coverage;
use finding::{EntryReport, Finding, Kind, Verdict};
use routes::{Match, Route, Routes};

/// A problem of an archive as a whole: not a HAR, another version, cut short.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// How many entries of each verdict, and what else was found, over every archive.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub entries: usize,
    pub valid: usize,
    pub invalid: usize,
    pub unchecked: usize,
    pub unmatched: usize,
    pub violations: usize,
    pub notices: usize,
    /// Problems of archives as a whole.
    pub problems: usize,
    /// Archives that could not be opened.
    pub unreadable: usize,
}

impl Summary {
    /// Whether the run fails: an entry invalid or unchecked (or unmatched, when `strict`),
    /// or an archive that is not a HAR 1.2.
    pub fn fails(&self, strict: bool) -> bool {
        self.invalid + self.unchecked + self.problems > 0 || (strict && self.unmatched > 0)
    }
}

/// Checks archives against `routes`, keeping the tally and the coverage.
#[derive(Debug)]
pub struct Checker<'r> {
    routes: &'r Routes,
    pub summary: Summary,
    pub coverage: Coverage,
    /// The request last matched: an entry's bodies and its check ask for the same one.
    matched: Option<Matched<'r>>,
}

/// A request's method and URL, and what they matched: `None` when the URL is not one.
#[derive(Debug)]
struct Matched<'r> {
    method: String,
    url: String,
    found: Option<(url::Url, Match<'r>)>,
}

impl<'r> Checker<'r> {
    pub fn new(routes: &'r Routes) -> Self {
        Self { routes, summary: Summary::default(), coverage: Coverage::new(routes), matched: None }
    }

    /// What `method` at `url` matches, kept for the next ask of the same.
    fn matched(&mut self, method: &str, url: &str) -> &Matched<'r> {
        let routes = self.routes;
        let same = |matched: &Matched<'r>| matched.method == method && matched.url == url;
        if !self.matched.as_ref().is_some_and(same) {
            self.matched = None;
        }
        self.matched.get_or_insert_with(|| {
            let found = url::Url::parse(url).map(|parsed| {
                let found = routes.find(method, &parsed);
                (parsed, found)
            });
            Matched { method: method.to_owned(), url: url.to_owned(), found }
        })
    }

    /// Checks the archive read from `source`, named `file` in reports: each entry goes to
    /// `on_entry` as soon as it is checked; the problems of the archive are returned. Not
    /// generic over the reader, so that the reading is compiled here, optimised, and not in
    /// the caller's crate.
    pub fn check(
        &mut self,
        file: &str,
        source: &mut dyn Read,
        on_entry: &mut dyn FnMut(&EntryReport),
    ) -> Vec<FileProblem> {
        self.summary.files += 1;
        let mut reading =
            Reading { checker: self, file, on_entry, problems: Vec::new(), read: ReadAgainst::default() };
        if let Err(stop) = har::read(source, &mut reading) {
            reading.problem(stop);
        }
        let problems = reading.problems;
        self.summary.problems += problems.len();
        problems
    }

    /// What checks the body of `side` of an entry, as far as what is read of it (`sofar`) tells:
    /// the response's needs its request's method and URL, its status, its headers, and its
    /// media type (the `Content-Type` header, or `mimeType` when there is none); the request's,
    /// only the method and URL. What is unknown yet is held for; a body nothing checks is read past.
    pub fn target(&mut self, side: Side, sofar: &Sofar<'_>) -> Target<'r> {
        let (Some(method), Some(url)) = (sofar.method, sofar.url) else { return Target::Hold };
        let Some((_, Match::Route { route, .. })) = &self.matched(method, url).found else {
            return Target::Skip;
        };
        let route: &'r Route = route;
        let plan = match side {
            Side::Request => route.request_body.as_ref().and_then(|body| body.plan.as_ref()),
            Side::Response => {
                let Some(status) = sofar.status else { return Target::Hold };
                let Some(declared) = route.declared(status) else { return Target::Skip };
                let Some(headers) = sofar.headers else { return Target::Hold };
                let typed = request::headers(headers, "Content-Type").next().is_some();
                if !typed && sofar.mime_type.is_none() {
                    return Target::Hold;
                }
                response::body_plan(declared, headers, sofar.mime_type)
            }
        };
        plan.map_or(Target::Skip, Target::Check)
    }

    /// An archive that could not be opened.
    pub fn unreadable(&mut self) {
        self.summary.files += 1;
        self.summary.unreadable += 1;
    }

    /// One entry checked, and tallied; `read` holds the plans its bodies were checked against
    /// as they were read.
    fn entry(&mut self, file: &str, entry: Entry, read: ReadAgainst<'_>) -> EntryReport {
        let place = entry.pointer();
        let mut report = EntryReport {
            file: file.to_owned(),
            index: entry.index,
            line: entry.at.line,
            column: entry.at.column,
            method: String::new(),
            url: String::new(),
            status: None,
            operation: None,
            verdict: Verdict::Invalid,
            findings: Vec::new(),
            more: 0,
            counts: finding::Counts::default(),
        };
        match entry.exchange {
            Err(error) => report.push(Finding::new(Kind::Violation, "har", error.pointer, error.message)),
            Ok(mut exchange) => {
                report.method.clone_from(&exchange.request.method);
                report.url = url::redacted(&exchange.request.url);
                report.status = Some(exchange.response.status);
                self.exchange(&mut exchange, read, &place, &mut report);
            }
        }
        self.tally(&report);
        report
    }

    fn exchange(
        &mut self,
        exchange: &mut har::Exchange,
        read: ReadAgainst<'_>,
        place: &str,
        report: &mut EntryReport,
    ) {
        let url_place = format!("{place}/request/url");
        let unmatched = |report: &mut EntryReport, reason: String| {
            report.push(Finding::new(Kind::Unchecked, "match", url_place.clone(), reason));
            report.verdict = Verdict::Unmatched;
        };
        self.matched(&exchange.request.method, &exchange.request.url);
        let Some((url, found)) = self.matched.take().and_then(|matched| matched.found) else {
            unmatched(report, "not an absolute http(s) URL: no server can be told".to_owned());
            return;
        };
        match found {
            Match::Unmatched(reason) => unmatched(report, reason),
            Match::Route { route, path } => {
                report.operation = Some(route.key.clone());
                request::check(route, &mut exchange.request, read.request, &url, &path, place, report);
                response::check(route, &mut exchange.response, read.response, place, report);
                let status = exchange.response.status;
                let declared = route
                    .declared(status)
                    .map_or_else(|| status.to_string(), |declared| declared.status.clone());
                self.coverage.seen(&route.key, &declared);
                report.judge();
            }
        }
    }

    fn tally(&mut self, report: &EntryReport) {
        let summary = &mut self.summary;
        summary.entries += 1;
        summary.violations += report.counts.violations;
        summary.notices += report.counts.notices;
        *match report.verdict {
            Verdict::Valid => &mut summary.valid,
            Verdict::Invalid => &mut summary.invalid,
            Verdict::Unchecked => &mut summary.unchecked,
            Verdict::Unmatched => &mut summary.unmatched,
        } += 1;
    }
}

/// The plans an entry's bodies were checked against as they were read: `None` for a body not
/// read yet, read past, or held.
#[derive(Debug, Default, Clone, Copy)]
struct ReadAgainst<'r> {
    request: Option<&'r Plan>,
    response: Option<&'r Plan>,
}

/// An archive being read: the [`Handler`] of `har::read`, for [`Checker::check`].
struct Reading<'c, 'r> {
    checker: &'c mut Checker<'r>,
    file: &'c str,
    on_entry: &'c mut dyn FnMut(&EntryReport),
    problems: Vec<FileProblem>,
    read: ReadAgainst<'r>,
}

impl<'r> Handler<'r> for Reading<'_, 'r> {
    fn target(&mut self, side: Side, sofar: &Sofar<'_>) -> Target<'r> {
        let target = self.checker.target(side, sofar);
        let plan = match target {
            Target::Check(plan) => Some(plan),
            Target::Skip | Target::Hold => None,
        };
        match side {
            Side::Request => self.read.request = plan,
            Side::Response => self.read.response = plan,
        }
        target
    }

    fn keep(&self) -> usize {
        finding::MAX_FINDINGS
    }

    fn entry(&mut self, entry: Entry) {
        let report = self.checker.entry(self.file, entry, std::mem::take(&mut self.read));
        (self.on_entry)(&report);
    }

    fn problem(&mut self, problem: Problem) {
        let at = problem.at();
        self.problems.push(FileProblem {
            file: self.file.to_owned(),
            line: at.map(|at| at.line),
            column: at.map(|at| at.column),
            message: problem.message(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudspec_schema::validate::Schemas;
    use serde_json::json;

    /// A document with what the catalog's operations do not have: a request body, a required
    /// response header, a status range, `default`, and bearer authentication.
    fn routes() -> Routes {
        let document = json!({
            "openapi": "3.1.0",
            "info": { "title": "t", "version": "1" },
            "servers": [{
                "url": "https://api.{region}.example.com/v1",
                "variables": { "region": { "default": "eu", "enum": ["eu", "us"] } }
            }],
            "paths": { "/things": { "post": {
                "operationId": "CreateThing",
                "security": [{ "Bearer": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": { "name": { "type": "string", "maxLength": 3 } }
                } } } },
                "responses": {
                    "201": {
                        "description": "created",
                        "headers": { "Location": {
                            "required": true,
                            "schema": { "type": "string", "pattern": "^/v1/things/" }
                        } },
                        "content": { "application/json": { "schema": { "type": "object" } } }
                    },
                    "4XX": {
                        "description": "client error",
                        "content": {
                            "application/json": { "schema": { "type": "object", "required": ["code"] } }
                        }
                    },
                    "default": { "description": "other" }
                }
            } } },
            "components": { "securitySchemes": { "Bearer": { "type": "http", "scheme": "bearer" } } }
        });
        let schemas = Schemas::new(document).expect("the document compiles");
        Routes::new([("test/things/CreateThing".to_owned(), "things.yaml".into(), schemas)]).expect("routes")
    }

    /// `(request headers, request body, status, response headers, response body)` as one entry.
    fn entry(
        headers: &str,
        body: Option<&str>,
        status: u16,
        response_headers: &str,
        response: &str,
    ) -> String {
        let post = body.map_or_else(String::new, |body| {
            format!(r#", "postData": {{"mimeType": "application/json", "text": {}}}"#, json!(body))
        });
        format!(
            concat!(
                r#"{{"request": {{"method": "POST", "url": "https://api.us.example.com/v1/things", "#,
                r#""headers": [{headers}]{post}}}, "response": {{"status": {status}, "#,
                r#""headers": [{response_headers}], "#,
                r#""content": {{"mimeType": "application/json", "text": {}}}}}}}"#,
            ),
            json!(response),
            // A format string from `concat!` cannot capture variables: each is named.
            headers = headers,
            post = post,
            status = status,
            response_headers = response_headers,
        )
    }

    /// Each entry's verdict and its findings, as `check at place: message`.
    fn check(entries: &[String]) -> Vec<(Verdict, Vec<String>)> {
        let routes = routes();
        let mut checker = Checker::new(&routes);
        let har = format!(r#"{{"log": {{"version": "1.2", "entries": [{}]}}}}"#, entries.join(","));
        let mut found = Vec::new();
        let problems = checker.check("t.har", &mut har.as_bytes(), &mut |entry| {
            let findings = entry
                .findings
                .iter()
                .map(|finding| {
                    let body = finding
                        .body
                        .as_ref()
                        .map_or_else(String::new, |body| format!(":{}:{}", body.line, body.column));
                    format!("{} at {}{body}: {}", finding.check, finding.har, finding.message)
                })
                .collect();
            found.push((entry.verdict, findings));
        });
        assert!(problems.is_empty(), "{problems:?}");
        found
    }

    const BEARER: &str = r#"{"name": "Authorization", "value": "Bearer secret"}"#;
    const LOCATION: &str = r#"{"name": "Location", "value": "/v1/things/1"}"#;

    #[test]
    fn bodies_headers_ranges_and_bearer_tokens_are_checked() {
        let found = check(&[
            entry(BEARER, Some(r#"{"name": "abc"}"#), 201, LOCATION, "{}"),
            entry(BEARER, None, 201, r#"{"name": "Location", "value": "/elsewhere"}"#, "{}"),
            entry("", Some(r#"{"name": "abcd"}"#), 201, "", "{}"),
            entry(BEARER, Some(r#"{"name": "abc"}"#), 404, "", r#"{"message": "no"}"#),
            entry(BEARER, Some(r#"{"name": "abc"}"#), 503, "", "not checked: default declares no body"),
        ]);
        let expected: Vec<(Verdict, Vec<String>)> = vec![
            (Verdict::Valid, vec![]),
            (
                Verdict::Invalid,
                vec![
                    "request-body at /log/entries/1/request/postData: a body is required, and the \
                request has none"
                        .into(),
                    "response-header at /log/entries/1/response/headers/0/value: header Location: \
                pattern: expected a match of /^/v1/things//, found \"/elsewhere\""
                        .into(),
                ],
            ),
            (
                Verdict::Invalid,
                vec![
                    "security at /log/entries/2/request: the operation requires header Authorization \
                (Bearer), and the request carries none"
                        .into(),
                    "request-body at /log/entries/2/request/postData/text:1:10: /name: maxLength: \
                expected at most 3 characters, found 4 characters: \"abcd\""
                        .into(),
                    "response-header at /log/entries/2/response/headers: header Location: required, and \
                absent"
                        .into(),
                ],
            ),
            (
                Verdict::Invalid,
                vec![
                    "response-body at /log/entries/3/response/content/text:1:1: /: required: expected \
                property \"code\", found no such property"
                        .into(),
                ],
            ),
            (Verdict::Valid, vec![]),
        ];
        assert_eq!(found, expected);
    }
}
