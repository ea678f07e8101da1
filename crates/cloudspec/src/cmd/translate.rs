//! `cargo xtask translate`: brings each endpoint's overlay for a locale in step with the
//! English.

use std::io;

use cloudspec_findings::Tone;

use super::{Context, InCheckout, Output, exit};
use crate::translate;
use crate::workspace::{self, Workspace};

/// What `translate` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The locale, such as zh-CN.
    pub locale: String,
    /// Only these endpoints (operationId or provider/service/OperationId); all by default.
    pub endpoints: Vec<String>,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let Some(named) = context.named(&self.endpoints, output)? else { return Ok(exit::USAGE) };
        let selected = match translate::select(context.endpoints, &self.locale, named) {
            Ok(selected) => selected,
            Err(error) => return output.error(error, exit::USAGE),
        };
        let memory = translate::memory(workspace, context.endpoints, &self.locale);
        let mut code = exit::OK;
        for endpoint in selected {
            match translate::refresh(workspace, endpoint, &self.locale, &memory) {
                Ok(refreshed) => {
                    let (label, tone) =
                        if refreshed.changed { ("Updated", Tone::Good) } else { ("Unchanged", Tone::Dim) };
                    let text = format!(
                        "{} ({} to translate)",
                        workspace::display(&refreshed.path),
                        refreshed.untranslated
                    );
                    output.labelled(tone, label, &text)?;
                }
                Err(error) => code = output.error(format!("{}: {error}", endpoint.key()), exit::INVALID)?,
            }
        }
        Ok(code)
    }
}
