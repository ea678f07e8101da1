//! `cargo xtask translate`: brings each endpoint's overlay for a locale in step with the
//! English.
//!
//! A subject an overlay, `Updated` or `Unchanged`, with how many strings are left to
//! translate (and how many the translation memory filled); each string left is a finding
//! of [`overlay::COVERAGE`] at its place in the English document, a warning: the translator's
//! work to do, which `check` fails on.

use std::io;

use serde_json::json;

use cloudspec_findings::render::sink;
use cloudspec_findings::{Counts, Finding, Head, Level, Status, Subject, Tail, Tone};

use super::{Context, InCheckout, Output, Reported, exit};
use crate::overlay;
use crate::translate::{self, Refreshed};
use crate::workspace::{self, Workspace};

/// What `translate` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The locale, such as zh-CN.
    pub locale: String,
    /// Only these endpoints (operationId or provider/service/OperationId); all by default.
    pub endpoints: Vec<String>,
    #[command(flatten)]
    pub report: Reported,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let Some(named) = context.named(&self.endpoints, output)? else { return Ok(exit::USAGE) };
        let selected = match translate::select(context.endpoints, &self.locale, named) {
            Ok(selected) => selected,
            Err(error) => return output.error(error, exit::USAGE),
        };
        let memory = translate::memory(workspace, context.endpoints, &self.locale);
        let mut failed = Vec::new();
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&Head::new("cloudspec translate", "Translations"))?;
        let mut refreshed = Vec::new();
        for endpoint in selected {
            match translate::refresh(workspace, endpoint, &self.locale, &memory) {
                Ok(overlay) => {
                    let (label, tone) =
                        if overlay.changed { ("Updated", Tone::Good) } else { ("Unchanged", Tone::Dim) };
                    let (subject, findings) = subject(&overlay, Status::new(label, tone, false));
                    sink.subject(&subject, &findings)?;
                    refreshed.push(overlay);
                }
                Err(error) => failed.push(format!("{}: {error}", endpoint.key())),
            }
        }
        sink.end(&tail(&refreshed))?;
        drop(sink);
        let mut code = exit::OK;
        for message in failed {
            code = output.error(message, exit::INVALID)?;
        }
        Ok(code)
    }
}

/// The subject of a refreshed overlay under `status`, with a finding a string left to
/// translate: what `translate` and `new` report of each overlay they write.
pub(super) fn subject(refreshed: &Refreshed, status: Status) -> (Subject, Vec<Finding>) {
    let path = workspace::display(&refreshed.path);
    let left = refreshed.untranslated.len();
    let remembered = match refreshed.remembered {
        0 => String::new(),
        count => format!(", {count} from the translation memory"),
    };
    let mut subject =
        Subject::new(&path).status(status.detail(format!(" ({left} to translate{remembered})")));
    subject.data.insert("untranslated".into(), json!(left));
    subject.data.insert("remembered".into(), json!(refreshed.remembered));
    let findings = refreshed
        .untranslated
        .iter()
        .map(|string| {
            let message = format!("not translated yet: {:?}", string.english);
            Finding::new(overlay::COVERAGE, Level::Warning, "Untranslated", &path, message)
                .at(string.pointer.clone())
        })
        .collect();
    (subject, findings)
}

/// The counts of what `refreshed` holds.
pub(super) fn tail(refreshed: &[Refreshed]) -> Tail {
    let updated = refreshed.iter().filter(|overlay| overlay.changed).count();
    let untranslated: usize = refreshed.iter().map(|overlay| overlay.untranslated.len()).sum();
    let remembered: usize = refreshed.iter().map(|overlay| overlay.remembered).sum();
    let counts = Counts::new()
        .head("overlays", refreshed.len())
        .noun("overlay", "overlays")
        .part("updated", updated)
        .part("unchanged", refreshed.len() - updated)
        .head("untranslated", untranslated)
        .noun("string to translate", "strings to translate")
        .head("remembered", remembered)
        .noun("string from the translation memory", "strings from the translation memory")
        .unless_zero();
    Tail { counts, ..Tail::default() }
}
