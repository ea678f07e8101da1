//! Reports as the command line writes them, into strings, plain: a command run through
//! [`Command`], or a report written to the sink of a format.

use std::io;
use std::path::Path;

use cloudspec::cmd::{Command, Context, Output};
use cloudspec_capture::progress::Silent;
use cloudspec_findings::render::{self, Sink};
use cloudspec_findings::{Format, Styles};

/// What `command` writes in the checkout at `root` (standard output, then standard error)
/// and its exit code.
pub fn run(command: &dyn Command, root: &Path) -> String {
    let context = Context { root: Some(root.to_owned()), endpoints: &[] };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut output = Output { out: &mut out, err: &mut err, styles: Styles::PLAIN, progress: &mut Silent };
    let code = command.run(&context, &mut output).expect("writes to memory");
    format!("{}{}[exit {code}]\n", text(out), text(err))
}

/// What `write` writes to the sink of `format`, plain.
pub fn rendered(format: Format, write: impl FnOnce(&mut dyn Sink) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(render::sink(format, &mut out, Styles::PLAIN).as_mut()).expect("writes to memory");
    text(out)
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("reports are UTF-8")
}
