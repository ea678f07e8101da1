//! `cargo xtask new <provider>/<service>/<OperationId> --from <contract>`: writes an endpoint
//! from its vendor contract (see [`crate::scaffold`]), then has an `xtask` rebuilt with it
//! accept the differences `new` knows the reason of and write its zh-CN overlay.

use std::io;
use std::path::PathBuf;

use cloudspec_capture::progress::Silent;
use cloudspec_findings::{Styles, Tone};

use super::{Command as _, Context, InCheckout, Output, exit};
use crate::scaffold::{self, NewError};
use crate::translate;
use crate::workspace::{self, Workspace};

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
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        if self.finish {
            return finish(workspace, context, output, &self.key);
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
            Ok(written) => {
                for file in &written.files {
                    output.labelled(Tone::Good, "Written", &workspace::display(file))?;
                }
                in_rebuilt_xtask(workspace, output, &self.key)
            }
            Err(NewError::Usage(message)) => output.error(message, exit::USAGE),
            Err(NewError::Invalid(message)) => output.error(message, exit::INVALID),
        }
    }
}

/// Runs the second step in an `xtask` that cargo rebuilds with the new endpoint in its
/// catalog: this one was built without it. What it prints is handed on as it is.
fn in_rebuilt_xtask(workspace: &Workspace, output: &mut Output<'_>, key: &str) -> io::Result<u8> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let ran = std::process::Command::new(cargo)
        .current_dir(workspace.root())
        .args(["run", "--quiet", "--package", "xtask", "--", "--root"])
        .arg(workspace.root())
        .args(["new", key, "--finish"])
        .output();
    match ran {
        Ok(ran) => {
            output.out.write_all(&ran.stdout)?;
            output.out.flush()?;
            output.err.write_all(&ran.stderr)?;
            Ok(if ran.status.success() { exit::OK } else { exit::INVALID })
        }
        Err(error) => output.error(
            format!("cannot run cargo for the second step ({error}); run `cargo xtask new {key} --finish`"),
            exit::INVALID,
        ),
    }
}

/// `code`, then `next`: an invalid outcome of either outranks the other's code.
fn then(code: u8, next: u8) -> u8 {
    if next == exit::INVALID || code == exit::OK { next } else { code }
}

fn finish(workspace: &Workspace, context: &Context, output: &mut Output<'_>, key: &str) -> io::Result<u8> {
    let endpoint = match crate::published::resolve(context.endpoints, key) {
        Ok(endpoint) => endpoint,
        Err(error) => return output.error(error, exit::USAGE),
    };
    // The English document, which `conform` and the overlay are written against; its locales
    // fail to build until the overlay exists, which is what this step writes: its report is
    // not shown.
    let (mut out, mut err) = (io::sink(), io::sink());
    let mut unseen = Output { out: &mut out, err: &mut err, styles: Styles::PLAIN, progress: &mut Silent };
    super::generate::Options::default().run(context, &mut unseen)?;
    let mut code = exit::OK;
    match scaffold::finish::accept(workspace, endpoint) {
        Ok((known, open)) => {
            let text = format!(
                "{known} differences from the contract accepted with their reasons; {open} to judge \
                (TODO(conform))"
            );
            output.labelled(Tone::Good, "Conform", &text)?;
        }
        Err(error) => code = output.error(format!("{key}: {error}"), exit::INVALID)?,
    }
    for locale in endpoint.locales().into_iter().filter(|locale| *locale != crate::paths::SOURCE_LOCALE) {
        let memory = translate::memory(workspace, context.endpoints, locale);
        match translate::refresh(workspace, endpoint, locale, &memory) {
            Ok(refreshed) => {
                let text = format!(
                    "{} ({} to translate)",
                    workspace::display(&refreshed.path),
                    refreshed.untranslated
                );
                output.labelled(Tone::Good, "Translated", &text)?;
            }
            Err(error) => code = output.error(format!("{key}: {error}"), exit::INVALID)?,
        }
    }
    // The locales' documents, from the overlays just written.
    let generated = super::generate::Options::default().run(context, output)?;
    Ok(then(code, generated))
}
