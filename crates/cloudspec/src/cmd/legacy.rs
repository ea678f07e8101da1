//! `diff` and `conform` as [`Command`]s until they move onto the findings core in their own
//! branch: their `run` functions still return a whole [`Report`], written here. Delete this
//! file when that branch is merged (it then implements [`Command`] for both itself).

use std::io;

use super::{Command, Context, Output, Report};

/// Writes a whole report: the text to `out` (its baked-in styles stripped unless `output` is
/// painted), the errors to `err`.
fn write(report: &Report, output: &mut Output<'_>) -> io::Result<u8> {
    if output.styles.is_colour() {
        output.out.write_all(report.text.as_bytes())?;
    } else {
        write!(output.out, "{}", anstream::adapter::strip_str(&report.text))?;
    }
    output.out.flush()?;
    output.err.write_all(report.errors.as_bytes())?;
    Ok(report.exit_code)
}

impl Command for super::diff::Options {
    fn run(&self, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let workspace = match context.workspace(output)? {
            Ok(workspace) => workspace,
            Err(code) => return Ok(code),
        };
        write(&super::diff::run(&workspace, context.endpoints, self), output)
    }
}

impl Command for super::conform::Options {
    fn run(&self, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let workspace = match context.workspace(output)? {
            Ok(workspace) => workspace,
            Err(code) => return Ok(code),
        };
        write(&super::conform::run(&workspace, context.endpoints, self), output)
    }
}
