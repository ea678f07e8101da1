//! A body's `text` checked as it is read, with the memory of a few buffers whatever its size.
//!
//! What a body is held to depends on the entry (its operation, status and media type), and
//! whether the text is base64 on `content.encoding`, which Chrome writes after the text. So:
//!
//! - When the entry says what checks the body before its text ([`Target::Check`]) and
//!   `encoding` came first, the text goes to the streaming validator as it is unescaped,
//!   through a base64 decoder if it is base64.
//! - When `encoding` is not known yet, the text is checked as both: as JSON text, while a
//!   [`Tee`] keeps what was read for as long as it may still be base64 (a `{`, `[` or `"` is
//!   not base64, so a JSON body ends that at its first byte); then as base64, from what was
//!   kept and, if the JSON reading stopped first (base64 text is not JSON: `eyJ...` stops at
//!   its first byte), the rest of the text. Each reading stops at the first byte that cannot
//!   be its kind, so the text is read once and the one that does not fit costs a few bytes.
//!   `encoding`, once read, says which result is the body's ([`Text::checked`]).
//! - When the entry does not yet say what checks the body (the text comes before the status,
//!   the headers or the request, as in archives written with sorted keys), the text is held
//!   ([`Hold`]: in memory up to a few megabytes, beyond that in a temporary file) and checked
//!   once the entry is whole. Checking it against every candidate schema instead would need a
//!   reading per candidate in lockstep, and the candidates are every operation of the
//!   catalog when the response comes before the request.
//! - When nothing checks it ([`Target::Skip`]), the text is read past.

use std::io::{self, Read};
use std::path::Path;

use super::decode::{BASE64, Decoder};
use super::hold::{self, Hold};
use crate::Finding;
use crate::Outcome;
use crate::reader::{self, Reader, StringRead};
use crate::stream::Plan;
use crate::walk::{self, Counts};

/// What checks a body, as far as the entry read when its text is reached says.
#[derive(Debug, Clone, Copy)]
pub enum Target<'p> {
    /// Nothing: the text is read past.
    Skip,
    /// The plan, as the text streams.
    Check(&'p Plan),
    /// Not known yet: hold the text until the entry is whole.
    Hold,
}

/// How a body's text is kept, as `content.encoding` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Text,
    Base64,
}

impl Encoding {
    /// What `content.encoding` (`None` when absent) says; an error for one HAR does not know.
    pub fn of(encoding: Option<&str>) -> Result<Self, String> {
        match encoding {
            None | Some("") => Ok(Self::Text),
            Some("base64") => Ok(Self::Base64),
            Some(other) => Err(format!("unknown encoding {other:?}: HAR knows base64 only")),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Text => "plain text",
            Self::Base64 => "base64",
        }
    }
}

/// What became of a body's text as its entry was read ([`Text::checked`] tells).
#[derive(Debug)]
pub struct Text(Became);

#[derive(Debug)]
enum Became {
    /// Read past: nothing checked it when it was read.
    Skipped,
    /// Checked as it was read: as plain text and as base64, each when it was read as that.
    Streamed { text: Option<Box<Checked>>, base64: Option<Box<AsBase64>> },
    /// Held, as nothing said what checks it when it was read.
    Held(Hold),
}

/// The text read as base64.
#[derive(Debug)]
enum AsBase64 {
    Checked(Checked),
    /// Not base64: its start, up to the first byte that cannot be, from which the decoder tells
    /// why only if `encoding` says base64 (a JSON body, nearly always, costs no decoding).
    Not(Hold),
}

/// A body checked: its length, and what checking it found.
#[derive(Debug)]
pub struct Checked {
    /// The body's length in bytes: the text's, or what it decodes to.
    pub length: u64,
    /// What the validator found; `Err` when the text is not what `encoding` says, or could not
    /// be read back.
    pub outcome: Result<Outcome, String>,
    pub kept: Kept,
}

/// The first findings of a body, and how many of each kind followed them.
#[derive(Debug, Default)]
pub struct Kept {
    pub findings: Vec<Finding>,
    pub more: Counts,
    keep: usize,
}

impl Kept {
    fn new(keep: usize) -> Self {
        Self { keep, ..Self::default() }
    }

    fn push(&mut self, finding: Finding) {
        if self.findings.len() < self.keep {
            self.findings.push(finding);
        } else {
            match finding {
                Finding::Violation(_) => self.more.violations += 1,
                Finding::Notice(_) => self.more.notices += 1,
            }
        }
    }
}

impl Text {
    /// Whether the text was held, and is checked only by [`Self::checked`]; else it was checked,
    /// or read past, as it was read.
    pub fn is_held(&self) -> bool {
        matches!(self.0, Became::Held(_))
    }

    /// The body as `encoding` says it is kept, checked against `plan` (named `name`, keeping
    /// `keep` findings) if it was held; or why it cannot be.
    pub fn checked(
        self,
        plan: &Plan,
        encoding: Option<&str>,
        name: &Path,
        keep: usize,
    ) -> Result<Checked, String> {
        let kind = Encoding::of(encoding)?;
        let unread = |other: Encoding| {
            format!(
                "the text was read as {}, as `encoding` said then, and is now said to be {}",
                other.name(),
                kind.name()
            )
        };
        match self.0 {
            Became::Skipped => Err("the text was read past: nothing was to check it when it was read".into()),
            Became::Streamed { text, base64 } => match kind {
                Encoding::Text => text.map(|text| *text).ok_or_else(|| unread(Encoding::Base64)),
                Encoding::Base64 => match *base64.ok_or_else(|| unread(Encoding::Text))? {
                    AsBase64::Checked(checked) => Ok(checked),
                    AsBase64::Not(start) => {
                        let outcome = match Decoder::new(start.reader()?).finish() {
                            Ok(Ok(_)) => Err("the text is not base64, as `encoding` says".to_owned()),
                            Ok(Err(reason)) => Err(reason),
                            Err(error) => {
                                Err(format!("cannot read the body held in a temporary file: {error}"))
                            }
                        };
                        Ok(Checked { length: 0, outcome, kept: Kept::default() })
                    }
                },
            },
            Became::Held(hold) => {
                let length = hold.len();
                let source = hold.reader()?;
                let mut buffer = Box::default();
                let mut walker = Walker { plan, name, keep, buffer: &mut buffer };
                match kind {
                    Encoding::Text => {
                        let (outcome, kept) = walker.walk(source);
                        Ok(Checked { length, outcome: Ok(outcome), kept })
                    }
                    Encoding::Base64 => walker
                        .decoded(source)
                        .map_err(|error| format!("cannot read the body held in a temporary file: {error}")),
                }
            }
        }
    }
}

/// Reads the text of `string` as `target` says, `encoding` being what the entry said of it
/// before the text (`None`: nothing yet). `name` names the body in messages, `keep` is how many
/// findings each reading keeps, and `buffer` the walks' buffer, reused from body to body.
/// The error is the archive's: the string is not JSON.
pub(super) fn read<R: Read>(
    mut string: StringRead<'_, R>,
    target: Target<'_>,
    encoding: Option<&str>,
    name: &Path,
    keep: usize,
    buffer: &mut Box<[u8]>,
) -> Result<Text, Box<reader::Error>> {
    let plan = match target {
        Target::Skip => {
            string.finish()?;
            return Ok(Text(Became::Skipped));
        }
        Target::Hold => {
            let mut hold = Hold::new(hold::MEMORY);
            let mut piece = [0; 8 << 10];
            loop {
                // An error is the archive's, which `finish` returns.
                match string.read(&mut piece) {
                    Ok(read) if read > 0 => hold.write(&piece[..read]),
                    Ok(_) | Err(_) => break,
                }
            }
            string.finish()?;
            return Ok(Text(Became::Held(hold)));
        }
        Target::Check(plan) => plan,
    };
    let mut walker = Walker { plan, name, keep, buffer };
    let (text, base64) = match encoding.map(|encoding| Encoding::of(Some(encoding))) {
        None => {
            let ((outcome, kept), base64) = both(&mut walker, &mut string);
            let length = string.finish()?;
            (Some(Box::new(Checked { length, outcome: Ok(outcome), kept })), Some(Box::new(base64)))
        }
        Some(Ok(Encoding::Text)) => {
            let (outcome, kept) = walker.walk(&mut string);
            let length = string.finish()?;
            (Some(Box::new(Checked { length, outcome: Ok(outcome), kept })), None)
        }
        Some(Ok(Encoding::Base64)) => {
            let decoded = walker.decoded(&mut string);
            string.finish()?;
            let decoded = decoded.unwrap_or_else(|error| unread(&error));
            (None, Some(Box::new(AsBase64::Checked(decoded))))
        }
        Some(Err(_)) => {
            string.finish()?;
            (None, None)
        }
    };
    Ok(Text(Became::Streamed { text, base64 }))
}

/// The text read as JSON text and as base64 ([`Tee`]): what the first found (its length is the
/// text's, known once the caller has read past the rest of it), and the second.
fn both<R: Read>(walker: &mut Walker<'_>, string: &mut StringRead<'_, R>) -> ((Outcome, Kept), AsBase64) {
    let mut tee = Tee { text: &mut *string, hold: Hold::new(hold::MEMORY), base64: true };
    let (outcome, kept) = walker.walk(&mut tee);
    let Tee { hold, base64: may_be_base64, .. } = tee;
    if !may_be_base64 {
        return ((outcome, kept), AsBase64::Not(hold));
    }
    let base64 = match hold.reader() {
        Err(reason) => Checked { length: 0, outcome: Err(reason), kept: Kept::default() },
        Ok(held) => walker.decoded(held.chain(&mut *string)).unwrap_or_else(|error| unread(&error)),
    };
    ((outcome, kept), AsBase64::Checked(base64))
}

/// A reading that stopped because the text's own reader did: the archive's error, which the
/// caller reports instead.
fn unread(error: &io::Error) -> Checked {
    Checked { length: 0, outcome: Err(format!("the text could not be read: {error}")), kept: Kept::default() }
}

/// Runs walks of bodies against one plan through one buffer.
struct Walker<'w> {
    plan: &'w Plan,
    name: &'w Path,
    keep: usize,
    buffer: &'w mut Box<[u8]>,
}

/// The walks' buffer: a body streams through it a piece at a time.
const BUFFER: usize = 64 << 10;

impl Walker<'_> {
    /// Walks the body `source` reads against the plan.
    fn walk(&mut self, source: impl Read) -> (Outcome, Kept) {
        let mut storage = std::mem::take(self.buffer);
        if storage.len() < BUFFER {
            storage = vec![0; BUFFER].into_boxed_slice();
        }
        let mut reader = Reader::with_storage(source, walk::HELD, storage);
        let mut kept = Kept::new(self.keep);
        let result = self.plan.check_reader(&mut reader, &mut |finding| kept.push(finding), &mut |_| {});
        *self.buffer = reader.into_storage();
        (crate::judge(self.name, result).1, kept)
    }

    /// Walks the body the base64 `text` decodes to, then decodes the rest of it: the error is
    /// that of `text`'s own reader.
    fn decoded(&mut self, text: impl Read) -> io::Result<Checked> {
        let mut decoder = Decoder::new(text);
        let (outcome, kept) = self.walk(&mut decoder);
        Ok(match decoder.finish()? {
            Ok(length) => Checked { length, outcome: Ok(outcome), kept },
            Err(reason) => Checked { length: 0, outcome: Err(reason), kept: Kept::default() },
        })
    }
}

/// The text, as it is read, kept for as long as it may be base64: up to the first byte that
/// cannot be.
struct Tee<'t, T> {
    text: &'t mut T,
    hold: Hold,
    base64: bool,
}

impl<T: Read> Read for Tee<'_, T> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let read = self.text.read(out)?;
        if self.base64 {
            let bytes = &out[..read];
            match bytes.iter().position(|&byte| !BASE64[usize::from(byte)]) {
                Some(at) => {
                    self.hold.write(&bytes[..=at]);
                    self.base64 = false;
                }
                None => self.hold.write(bytes),
            }
        }
        Ok(read)
    }
}
