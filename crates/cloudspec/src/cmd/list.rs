//! `cargo xtask list`: every endpoint of the catalog, its method, path and document; and the
//! README's table of endpoints, generated from the same descriptors. Reads no files.

use std::io;

use super::{Command, Context, Output, exit};
use crate::document;
use crate::{paths, workspace};

/// `list` takes no options.
#[derive(Debug, Default, clap::Args)]
pub struct Options {}

impl Command for Options {
    fn run(&self, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        for &endpoint in context.endpoints {
            let summary = match document::summary(endpoint) {
                Ok(summary) => summary,
                Err(error) => return output.error(format!("{}: {error}", endpoint.key()), exit::INVALID),
            };
            writeln!(
                output.out,
                "{:<40} {:<6} {:<55} {}{}",
                endpoint.key(),
                summary.method.to_uppercase(),
                summary.path,
                workspace::display(&paths::document(endpoint)),
                if summary.deprecated { "  (deprecated)" } else { "" }
            )?;
        }
        Ok(exit::OK)
    }
}
