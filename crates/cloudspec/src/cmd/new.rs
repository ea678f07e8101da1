//! `cargo xtask new <provider>/<service>/<OperationId> --from <contract>`: writes an endpoint
//! from its vendor contract (see [`crate::scaffold`]), then has an `xtask` rebuilt with it
//! accept the differences `new` knows the reason of and write its zh-CN overlay.
//!
//! The second step writes the one report of both, in the format asked for: the files the
//! first wrote (`Written`), the conform file with each difference left to judge
//! (`TODO(conform)`) as a finding, each overlay with each string left to translate, and the
//! documents generated. The first step reports alone only when the second never ran.

use std::io;
use std::path::{Path, PathBuf};

use cloudspec_capture::progress::Silent;
use cloudspec_endpoint::Endpoint;
use cloudspec_findings::render::{Sink, sink};
use cloudspec_findings::{Counts, Finding, Head, Level, Status, Styles, Subject, Tail, Tone};
use cloudspec_schema::words::count;

use super::{Command as _, Context, InCheckout, Output, Reported, exit};
use crate::conform::accepted::REASON_TO_WRITE;
use crate::scaffold::finish::Accepted;
use crate::scaffold::{self, NewError};
use crate::workspace::{self, Workspace};
use crate::{paths, report, sync, translate};

/// What `new` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// provider/service/OperationId of the new endpoint; the OperationId must be new to the catalog.
    pub key: String,
    /// The vendor's contract of the operation: a Huawei Cloud API Explorer definition, or
    /// Alibaba Cloud's OpenAPI metadata of the product version (api-docs.json).
    #[arg(long, required_unless_present = "finish")]
    pub from: Option<PathBuf>,
    /// The action of Alibaba's metadata to write [default: the OperationId].
    #[arg(long)]
    pub action: Option<String>,
    /// The tag of the operation; added to the service if it lacks it [default: the service's first].
    #[arg(long)]
    pub tag: Option<String>,
    /// The second step, which `new` runs itself in an xtask rebuilt with the endpoint.
    #[arg(long, hide = true)]
    pub finish: bool,
    /// The files the first step wrote, which the second reports.
    #[arg(long, hide = true, requires = "finish")]
    pub written: Vec<PathBuf>,
    #[command(flatten)]
    pub report: Reported,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        if self.finish {
            return self.finish(workspace, context, output);
        }
        let Some(from) = &self.from else {
            return output.error("--from <contract> is required", exit::USAGE);
        };
        let request = scaffold::Request {
            key: &self.key,
            from,
            tag: self.tag.as_deref(),
            action: self.action.as_deref(),
        };
        match scaffold::write(workspace, context.endpoints, &request) {
            Ok(written) => self.in_rebuilt_xtask(workspace, output, &written.files),
            Err(NewError::Usage(message)) => output.error(message, exit::USAGE),
            Err(NewError::Invalid(message)) => output.error(message, exit::INVALID),
        }
    }
}

impl Options {
    /// Runs the second step in an `xtask` that cargo rebuilds with the new endpoint in its
    /// catalog: this one was built without it. What it prints is handed on as it is; when it
    /// printed nothing (the rebuild failed), this reports what it wrote, and how to go on.
    fn in_rebuilt_xtask(
        &self,
        workspace: &Workspace,
        output: &mut Output<'_>,
        written: &[PathBuf],
    ) -> io::Result<u8> {
        let key = &self.key;
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let ran = std::process::Command::new(cargo)
            .current_dir(workspace.root())
            .args(["run", "--quiet", "--package", "xtask", "--", "--root"])
            .arg(workspace.root())
            .args(["new", key, "--finish", "--format", self.report.format.name()])
            .args(written.iter().flat_map(|file| [Path::new("--written"), file]))
            .output();
        let again = format!("run `cargo xtask new {key} --finish` once the workspace builds");
        match ran {
            Ok(ran) if ran.stdout.is_empty() => {
                output.err.write_all(&ran.stderr)?;
                self.report_alone(output, written, again)?;
                Ok(exit::INVALID)
            }
            Ok(ran) => {
                output.out.write_all(&ran.stdout)?;
                output.out.flush()?;
                output.err.write_all(&ran.stderr)?;
                Ok(if ran.status.success() { exit::OK } else { exit::INVALID })
            }
            Err(error) => {
                self.report_alone(output, written, again)?;
                output.error(format!("cannot run cargo for the second step ({error})"), exit::INVALID)
            }
        }
    }

    /// The first step's report, when the second wrote none: the files written and `fix`.
    fn report_alone(&self, output: &mut Output<'_>, written: &[PathBuf], fix: String) -> io::Result<()> {
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&head())?;
        report_written(sink.as_mut(), written)?;
        sink.end(&Tail {
            counts: self::written(Counts::new(), written.len()),
            fixes: vec![fix],
            ..Tail::default()
        })
    }

    fn finish(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let key = &self.key;
        let endpoint = match crate::published::resolve(context.endpoints, key) {
            Ok(endpoint) => endpoint,
            Err(error) => return output.error(error, exit::USAGE),
        };
        // The English document, which `conform` and the overlay are written against; its
        // locales fail to build until the overlay exists, which is what this step writes: its
        // report is not shown.
        let (mut out, mut err) = (io::sink(), io::sink());
        let mut unseen =
            Output { out: &mut out, err: &mut err, styles: Styles::PLAIN, progress: &mut Silent };
        super::generate::Options::default().run(context, &mut unseen)?;
        let mut failures = Vec::new();
        let accepted = scaffold::finish::accept(workspace, endpoint)
            .map_err(|error| failures.push(format!("{key}: {error}")))
            .ok();
        let mut overlays = Vec::new();
        for locale in endpoint.locales().into_iter().filter(|locale| *locale != paths::SOURCE_LOCALE) {
            let memory = translate::memory(workspace, context.endpoints, locale);
            match translate::refresh(workspace, endpoint, locale, &memory) {
                Ok(refreshed) => overlays.push(refreshed),
                Err(error) => failures.push(format!("{key}: {error}")),
            }
        }
        // The locales' documents, from the overlays just written.
        let rows = sync::apply(workspace, sync::resolve(workspace, context.endpoints));
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&head())?;
        report_written(sink.as_mut(), &self.written)?;
        let open = accepted.as_ref().map_or(0, |accepted| accepted.open.len());
        if let Some(accepted) = &accepted {
            let (subject, findings) = conform_subject(endpoint, accepted);
            sink.subject(&subject, &findings)?;
        }
        for overlay in &overlays {
            let (subject, findings) =
                super::translate::subject(overlay, Status::new("Translated", Tone::Good, false));
            sink.subject(&subject, &findings)?;
        }
        let (mut tail, generated) = report::generate(sink.as_mut(), &rows)?;
        let untranslated: usize = overlays.iter().map(|overlay| overlay.untranslated.len()).sum();
        // What is left to do, after what generate counted.
        tail.counts = written(std::mem::take(&mut tail.counts), self.written.len())
            .head("to_judge", open)
            .noun("difference to judge", "differences to judge")
            .head("untranslated", untranslated)
            .noun("string to translate", "strings to translate");
        sink.end(&tail)?;
        drop(sink);
        let mut code = exit::OK;
        for failure in failures {
            code = output.error(failure, exit::INVALID)?;
        }
        Ok(then(code, generated))
    }
}

fn head() -> Head {
    Head::new("cloudspec new", "New endpoint")
}

/// `counts`, then the count of the files the first step wrote.
fn written(counts: Counts, files: usize) -> Counts {
    counts.head("files_written", files).noun("file written", "files written")
}

/// A `Written` subject a file the first step wrote.
fn report_written(sink: &mut dyn Sink, written: &[PathBuf]) -> io::Result<()> {
    for file in written {
        let subject =
            Subject::new(workspace::display(file)).status(Status::new("Written", Tone::Good, false));
        sink.subject(&subject, &[])?;
    }
    Ok(())
}

/// The endpoint's conform file, with how many differences `new` accepted with their reasons,
/// and a finding a difference whose reason a person must write.
fn conform_subject(endpoint: &Endpoint, accepted: &Accepted) -> (Subject, Vec<Finding>) {
    let file = workspace::display(&paths::conform_file(endpoint));
    let detail = format!(
        ": {} from the contract accepted with their reasons; {} to judge ({})",
        count(accepted.known, "difference"),
        accepted.open.len(),
        REASON_TO_WRITE.trim_end_matches(':')
    );
    let status = Status::new("Conform", Tone::Good, false).detail(detail);
    let findings = accepted
        .open
        .iter()
        .map(|draft| {
            let key = &draft.key;
            let message =
                format!("write why the document differs (document {}; vendor {})", key.document, key.vendor);
            Finding::new(key.rule.clone(), Level::Warning, "TODO", &file, message)
        })
        .collect();
    (Subject::new(&file).status(status), findings)
}

/// `code`, then `next`: an invalid outcome of either outranks the other's code.
fn then(code: u8, next: u8) -> u8 {
    if next == exit::INVALID || code == exit::OK { next } else { code }
}
