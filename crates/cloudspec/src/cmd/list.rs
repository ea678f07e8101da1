//! `cargo xtask list`: every endpoint of the catalog (or those named), its method, path and
//! documents; and the README's table of endpoints, generated from the same descriptors. Reads
//! no files.
//!
//! A subject an endpoint, named by its key, its method the label text shows it under; JSON
//! adds `method`, `path`, `deprecated` and `documents` (one a locale, English first), for
//! scripts that walk the catalog.

use std::io;

use serde_json::json;

use cloudspec_endpoint::Endpoint;
use cloudspec_findings::render::sink;
use cloudspec_findings::{Counts, Head, Status, Subject, Tail, Tone};

use super::{Command, Context, Output, Reported, exit};
use crate::document::{self, Summary};
use crate::{paths, workspace};

/// What `list` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, Default, clap::Args)]
pub struct Options {
    /// The endpoints (an operationId, or provider/service/OperationId); every one if none.
    pub names: Vec<String>,
    #[command(flatten)]
    pub report: Reported,
}

impl Command for Options {
    fn run(&self, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let Some(chosen) = context.chosen(&self.names, output)? else { return Ok(exit::USAGE) };
        let mut listed = Vec::new();
        for endpoint in chosen {
            match document::summary(endpoint) {
                Ok(summary) => listed.push((endpoint, summary)),
                Err(error) => return output.error(format!("{}: {error}", endpoint.key()), exit::INVALID),
            }
        }
        // The keys padded to one column; text shows the padding, the other formats trim it.
        let width = listed.iter().map(|(endpoint, _)| endpoint.key().len()).max().unwrap_or_default();
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&Head::new("cloudspec list", "Endpoints"))?;
        for (endpoint, summary) in &listed {
            sink.subject(&subject(endpoint, summary, width), &[])?;
        }
        let deprecated = listed.iter().filter(|(_, summary)| summary.deprecated).count();
        let counts = Counts::new().head("endpoints", listed.len()).part("deprecated", deprecated);
        sink.end(&Tail { counts, ..Tail::default() })?;
        Ok(exit::OK)
    }
}

/// One endpoint: `GET huaweicloud/cph/ListPhoneImages   /v1/... spec/...yaml`.
fn subject(endpoint: &Endpoint, summary: &Summary, width: usize) -> Subject {
    let key = endpoint.key();
    let documents: Vec<String> = endpoint
        .locales()
        .into_iter()
        .map(|locale| workspace::display(&paths::localized_document(endpoint, locale)))
        .collect();
    let method = summary.method.to_uppercase();
    let deprecated = if summary.deprecated { " (deprecated)" } else { "" };
    let detail = format!(
        "{:pad$} {} {}{deprecated}",
        "",
        summary.path,
        workspace::display(&paths::document(endpoint)),
        pad = width - key.len()
    );
    let tone = if summary.deprecated { Tone::Dim } else { Tone::Good };
    let mut subject = Subject::new(key).status(Status::new(method.clone(), tone, false).detail(detail));
    subject.data.insert("method".into(), json!(method));
    subject.data.insert("path".into(), json!(summary.path));
    subject.data.insert("deprecated".into(), json!(summary.deprecated));
    subject.data.insert("documents".into(), json!(documents));
    subject
}
