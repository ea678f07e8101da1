//! HAR 1.2, the HTTP Archive that browser devtools, mitmproxy, Charles, Postman and SDK debug
//! logs export, read entry by entry with the capture [`Reader`]: a session of a gigabyte is
//! never held, only the entry being read, and every entry is placed at its line and column.
//! A body's text is not held either: it is checked as it is read ([`body`]), against what the
//! [`Handler`] says the entry read so far holds it to.
//!
//! An entry the format does not allow (no `request`, a `status` that is not a number) is an
//! [`EntryError`] at its JSON pointer, and the entries after it are still read; only input
//! that is not JSON, or not a HAR at all, stops the reading ([`Problem`]).

pub mod body;
mod decode;
pub mod hold;

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

use crate::reader::{self, Position, Reader, StringRead, Token};
use body::{Target, Text};
use cloudspec_schema::pointer;

/// The version of the format this reads (<http://www.softwareishard.com/blog/har-12-spec/>).
pub const VERSION: &str = "1.2";

/// The most of one entry held at once, in bytes of its strings (URLs, headers, media types); a
/// body's text is not held, but checked as it is read.
pub const HELD: usize = 64 << 20;

/// Where the entries sit in the archive.
pub const ENTRIES: &str = "/log/entries";

/// One entry of the archive: where it starts, and the exchange it records or why it records
/// none the format allows.
#[derive(Debug)]
pub struct Entry {
    /// Its index in `/log/entries`.
    pub index: usize,
    pub at: Position,
    pub exchange: Result<Exchange, EntryError>,
}

impl Entry {
    /// The JSON pointer of the entry in the archive, `/log/entries/3`.
    pub fn pointer(&self) -> String {
        format!("{ENTRIES}/{}", self.index)
    }
}

/// A request and the response it got, as HAR records them.
#[derive(Debug, Default)]
pub struct Exchange {
    pub request: Request,
    pub response: Response,
}

#[derive(Debug, Default)]
pub struct Request {
    pub method: String,
    pub url: String,
    pub headers: Vec<Pair>,
    /// `postData`.
    pub post_data: Option<Content>,
}

#[derive(Debug, Default)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<Pair>,
    pub content: Content,
}

/// A header (or query parameter) as HAR lists it.
#[derive(Debug, Default)]
pub struct Pair {
    pub name: String,
    pub value: String,
}

/// A body: a response's `content`, or a request's `postData`.
#[derive(Debug, Default)]
pub struct Content {
    /// The length of the body in bytes, as the tool saw it; more than `text` holds when the
    /// tool cut the text short.
    pub size: Option<i64>,
    pub mime_type: Option<String>,
    /// What became of the text as it was read; absent when the tool did not keep the body
    /// (browsers drop many).
    pub text: Option<Text>,
    /// `base64` for a body kept as base64, else absent.
    pub encoding: Option<String>,
}

/// Which body of an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// What of an entry has been read when a body's text is reached: each member once read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sofar<'a> {
    pub method: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The response's status and headers (for the response's body).
    pub status: Option<u16>,
    pub headers: Option<&'a [Pair]>,
    /// The body's own `mimeType`.
    pub mime_type: Option<&'a str>,
}

/// Hears what [`read`] reads: asked what checks each body when its text is reached, and
/// handed each entry once it is read, and each problem of the archive that does not stop the
/// reading. `'p` is the life of the plans bodies are checked against.
pub trait Handler<'p> {
    /// What checks the body of `side` of the entry being read, given what of it is read.
    fn target(&mut self, side: Side, sofar: &Sofar<'_>) -> Target<'p>;
    /// How many findings of a body to keep; those after them are counted.
    fn keep(&self) -> usize;
    fn entry(&mut self, entry: Entry);
    fn problem(&mut self, problem: Problem);
}

/// Why an entry records no exchange: the place in the archive and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{pointer}: {message}")]
pub struct EntryError {
    pub pointer: String,
    pub message: String,
}

/// What is wrong with the archive as a whole.
#[derive(Debug)]
pub enum Problem {
    /// Another version of the format: its entries are still read, as 1.1 and 1.2 record an
    /// exchange alike, but the verdict says so.
    Version {
        at: Position,
        found: String,
    },
    /// Not the shape of a HAR: nothing more can be read.
    Shape {
        at: Position,
        pointer: &'static str,
        expected: &'static str,
    },
    NoEntries,
    /// Not JSON, or a string longer than [`HELD`]: reading stopped there.
    Reader(Box<reader::Error>),
    /// An entry holds more than [`HELD`] bytes of strings.
    TooLarge {
        at: Position,
        pointer: String,
    },
}

impl Problem {
    /// Where in the archive, when the problem has a place.
    pub fn at(&self) -> Option<Position> {
        match self {
            Self::Version { at, .. } | Self::Shape { at, .. } | Self::TooLarge { at, .. } => Some(*at),
            Self::NoEntries => None,
            Self::Reader(error) => match error.as_ref() {
                reader::Error::Syntax { at, .. }
                | reader::Error::NotUtf8 { at, .. }
                | reader::Error::TooLong { at, .. } => Some(*at),
                reader::Error::Io(_) | reader::Error::Empty | reader::Error::ByteOrderMark => None,
            },
        }
    }

    /// What is wrong, without the place.
    pub fn message(&self) -> String {
        match self {
            Self::Version { found, .. } => {
                format!("/log/version: HAR version {found:?}; expected {VERSION:?}")
            }
            Self::Shape { pointer, expected, .. } => {
                format!("{}: expected {expected}", pointer::display(pointer))
            }
            Self::NoEntries => "no /log/entries: not a HAR file".to_owned(),
            Self::TooLarge { pointer, .. } => {
                format!("{pointer}: the entry holds more than {} MiB; reading stopped here", HELD >> 20)
            }
            Self::Reader(error) => match error.as_ref() {
                reader::Error::Syntax { message, .. } => format!("not JSON: {message}; reading stopped here"),
                reader::Error::NotUtf8 { byte, .. } => {
                    format!("byte 0x{byte:02X} is not UTF-8: JSON text is UTF-8; reading stopped here")
                }
                reader::Error::TooLong { what, limit, .. } => {
                    format!(
                        "a {what} longer than {} MiB, the most held of an entry; reading stopped here",
                        limit >> 20
                    )
                }
                reader::Error::Io(error) => format!("cannot read: {error}"),
                reader::Error::Empty => "the file is empty: expected a HAR".to_owned(),
                reader::Error::ByteOrderMark => {
                    "the file starts with a byte-order mark: JSON text has none".to_owned()
                }
            },
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at() {
            Some(at) => write!(f, "{}:{}: {}", at.line, at.column, self.message()),
            None => f.write_str(&self.message()),
        }
    }
}

impl std::error::Error for Problem {}

impl From<Box<reader::Error>> for Problem {
    fn from(error: Box<reader::Error>) -> Self {
        Self::Reader(error)
    }
}

/// Reads the archive from `source`, checking each body as `handler` says, handing it each entry
/// as soon as it is read and each problem that does not stop the reading. How many entries
/// were read, or the problem that stopped the reading.
pub fn read<R: Read>(source: R, handler: &mut dyn Handler<'_>) -> Result<usize, Problem> {
    let mut reader = Reader::new(source, HELD);
    let (token, at) = reader.root(false)?;
    if token != Token::Object {
        skip(&mut reader, &token)?;
        return Err(Problem::Shape { at, pointer: "", expected: "an object with a `log` member" });
    }
    let mut entries = None;
    let mut first = true;
    while reader.next_member(first)?.is_some() {
        first = false;
        let is_log = reader.text() == "log";
        let (token, at) = reader.value(false)?;
        if !is_log {
            skip(&mut reader, &token)?;
        } else if token == Token::Object {
            entries = log(&mut reader, handler)?;
        } else {
            return Err(Problem::Shape { at, pointer: "/log", expected: "an object" });
        }
    }
    reader.finish()?;
    entries.ok_or(Problem::NoEntries)
}

/// The members of `/log`: its version checked, its entries handed on, the rest skipped.
fn log<R: Read>(reader: &mut Reader<R>, handler: &mut dyn Handler<'_>) -> Result<Option<usize>, Problem> {
    let mut entries = None;
    let mut buffer = Box::default();
    let mut first = true;
    while reader.next_member(first)?.is_some() {
        first = false;
        let name = match reader.text() {
            "version" => Member::Version,
            "entries" => Member::Entries,
            _ => Member::Other,
        };
        let (token, at) = reader.value(true)?;
        match (name, &token) {
            (Member::Version, Token::String) => {
                if reader.text() != VERSION {
                    handler.problem(Problem::Version { at, found: reader.text().to_owned() });
                }
            }
            (Member::Version, _) => {
                skip(reader, &token)?;
                return Err(Problem::Shape { at, pointer: "/log/version", expected: "a string" });
            }
            (Member::Entries, Token::Array) => {
                let mut index = 0;
                while reader.next_item(index == 0)? {
                    let (token, at) = reader.value(true)?;
                    let exchange = Fields::new(reader, index, handler, &mut buffer)
                        .exchange(&token)
                        .map_err(|stop| stop.or_too_large(at, format!("{ENTRIES}/{index}")))?;
                    handler.entry(Entry { index, at, exchange });
                    index += 1;
                }
                entries = Some(index);
            }
            (Member::Entries, _) => {
                skip(reader, &token)?;
                return Err(Problem::Shape { at, pointer: ENTRIES, expected: "an array" });
            }
            (Member::Other, _) => skip(reader, &token)?,
        }
    }
    Ok(entries)
}

enum Member {
    Version,
    Entries,
    Other,
}

/// The members [`Fields`] reads; any other is skipped.
const MEMBERS: [&str; 14] = [
    "request", "response", "method", "url", "headers", "postData", "status", "content", "size", "mimeType",
    "text", "encoding", "name", "value",
];

/// `name` if [`Fields`] reads it, else `""`: the names an exchange reads, without allocating
/// one per member.
fn member(name: &str) -> &'static str {
    MEMBERS.iter().copied().find(|member| *member == name).unwrap_or_default()
}

/// Reads the members of an entry that an exchange needs, skipping the others (timings,
/// cookies, cache...); a member of the wrong type, or a required one missing, is the entry's
/// [`EntryError`] (the first one), and the rest of the entry is still read past.
struct Fields<'r, 'h, 'p, R> {
    reader: &'r mut Reader<R>,
    handler: &'h mut dyn Handler<'p>,
    /// The buffer the bodies stream through.
    buffer: &'h mut Box<[u8]>,
    /// The pointer of the value being read.
    pointer: String,
    error: Option<EntryError>,
    /// What may still be kept of the entry's strings.
    budget: usize,
    /// The exchange as far as it is read, and which of its members are.
    exchange: Exchange,
    seen: Seen,
}

/// Which members of the exchange have been read, for [`Sofar`] and the required ones.
#[derive(Default)]
#[allow(clippy::struct_excessive_bools, reason = "a flag a member")]
struct Seen {
    method: bool,
    url: bool,
    status: bool,
    headers: bool,
}

/// A visitor of an object's members: its name, and the token its value starts with.
type Visit<'f, 'r, 'h, 'p, R> = dyn FnMut(&mut Fields<'r, 'h, 'p, R>, &str, Token) -> Result<(), Stop> + 'f;

impl<'r, 'h, 'p, R: Read> Fields<'r, 'h, 'p, R> {
    fn new(
        reader: &'r mut Reader<R>,
        index: usize,
        handler: &'h mut dyn Handler<'p>,
        buffer: &'h mut Box<[u8]>,
    ) -> Self {
        Self {
            reader,
            handler,
            buffer,
            pointer: format!("{ENTRIES}/{index}"),
            error: None,
            budget: HELD,
            exchange: Exchange::default(),
            seen: Seen::default(),
        }
    }

    fn exchange(mut self, token: &Token) -> Result<Result<Exchange, EntryError>, Stop> {
        let (mut request, mut response) = (false, false);
        let seen =
            self.object(token, "an object with a request and a response", &mut |fields, name, token| {
                match name {
                    "request" => request = fields.request(&token)?,
                    "response" => response = fields.response(&token)?,
                    _ => skip(fields.reader, &token)?,
                }
                Ok(())
            })?;
        self.require(!seen || request, "request");
        self.require(!seen || response, "response");
        Ok(match (self.error, request && response) {
            (None, true) => Ok(self.exchange),
            (Some(error), _) => Err(error),
            (None, false) => Err(EntryError { pointer: self.pointer, message: "no exchange".into() }),
        })
    }

    /// Reads `request` into the exchange; whether it is an object.
    fn request(&mut self, token: &Token) -> Result<bool, Stop> {
        self.exchange.request = Request::default();
        (self.seen.method, self.seen.url) = (false, false);
        let seen = self.object(token, "an object", &mut |fields, name, token| {
            match name {
                "method" => {
                    if let Some(method) = fields.string(&token)? {
                        fields.exchange.request.method = method;
                        fields.seen.method = true;
                    }
                }
                "url" => {
                    if let Some(url) = fields.string(&token)? {
                        fields.exchange.request.url = url;
                        fields.seen.url = true;
                    }
                }
                "headers" => fields.exchange.request.headers = fields.pairs(&token)?,
                "postData" => fields.exchange.request.post_data = fields.content(&token, Side::Request)?,
                _ => skip(fields.reader, &token)?,
            }
            Ok(())
        })?;
        self.require(!seen || self.seen.method, "method");
        self.require(!seen || self.seen.url, "url");
        Ok(seen)
    }

    /// Reads `response` into the exchange; whether it is an object.
    fn response(&mut self, token: &Token) -> Result<bool, Stop> {
        self.exchange.response = Response::default();
        (self.seen.status, self.seen.headers) = (false, false);
        let mut content = None;
        let seen = self.object(token, "an object", &mut |fields, name, token| {
            match name {
                "status" => {
                    match token.scalar().as_ref().and_then(serde_json::Value::as_u64).map(u16::try_from) {
                        Some(Ok(code)) if code <= 999 => {
                            fields.exchange.response.status = code;
                            fields.seen.status = true;
                        }
                        _ => fields.wrong(&token, "an HTTP status, a whole number up to 999")?,
                    }
                }
                "headers" => {
                    fields.exchange.response.headers = fields.pairs(&token)?;
                    fields.seen.headers = true;
                }
                "content" => content = fields.content(&token, Side::Response)?,
                _ => skip(fields.reader, &token)?,
            }
            Ok(())
        })?;
        self.require(!seen || self.seen.status, "status");
        self.require(!seen || content.is_some(), "content");
        self.exchange.response.content = content.unwrap_or_default();
        Ok(seen)
    }

    /// A response's `content` or a request's `postData`, its text checked as it is read.
    fn content(&mut self, token: &Token, side: Side) -> Result<Option<Content>, Stop> {
        if *token != Token::Object {
            self.wrong(token, "an object")?;
            return Ok(None);
        }
        let mut content = Content::default();
        let depth = self.pointer.len();
        let mut first = true;
        while self.reader.next_member(first)?.is_some() {
            first = false;
            let name = self.reader.text();
            let is_text = name == "text";
            pointer::push(&mut self.pointer, name);
            if is_text && let Some(at) = self.reader.string_ahead()? {
                content.text = Some(self.text(at, side, &content)?);
            } else {
                let name = member(self.reader.text());
                let (token, _) = self.reader.value(true)?;
                match name {
                    "size" => match token.scalar().as_ref().and_then(serde_json::Value::as_i64) {
                        Some(bytes) => content.size = Some(bytes),
                        None => self.wrong(&token, "a whole number")?,
                    },
                    "mimeType" => content.mime_type = self.string(&token)?,
                    "text" => self.wrong(&token, "a string")?,
                    "encoding" => content.encoding = self.string(&token)?,
                    _ => skip(self.reader, &token)?,
                }
            }
            self.pointer.truncate(depth);
        }
        Ok(Some(content))
    }

    /// Reads the body's text from `string`, checked as the handler says.
    fn text(&mut self, at: Position, side: Side, content: &Content) -> Result<Text, Stop> {
        let (request, response) = (&self.exchange.request, &self.exchange.response);
        let response_side = side == Side::Response;
        let sofar = Sofar {
            method: self.seen.method.then_some(request.method.as_str()),
            url: self.seen.url.then_some(request.url.as_str()),
            status: (response_side && self.seen.status).then_some(response.status),
            headers: (response_side && self.seen.headers).then_some(response.headers.as_slice()),
            mime_type: content.mime_type.as_deref(),
        };
        let target = self.handler.target(side, &sofar);
        let keep = self.handler.keep();
        let string = StringRead::new(self.reader, at);
        let name = Path::new(&self.pointer);
        Ok(body::read(string, target, content.encoding.as_deref(), name, keep, self.buffer)?)
    }

    /// `headers`: an array of `{name, value}`.
    fn pairs(&mut self, token: &Token) -> Result<Vec<Pair>, Stop> {
        let mut pairs = Vec::new();
        if *token != Token::Array {
            self.wrong(token, "an array")?;
            return Ok(pairs);
        }
        let depth = self.pointer.len();
        let mut index = 0;
        while self.reader.next_item(index == 0)? {
            let _ = write!(self.pointer, "/{index}");
            let (token, _) = self.reader.value(true)?;
            let mut pair = Pair::default();
            let (mut name, mut value) = (false, false);
            let seen =
                self.object(&token, "an object with a name and a value", &mut |fields, member, token| {
                    match member {
                        "name" => {
                            if let Some(text) = fields.string(&token)? {
                                pair.name = text;
                                name = true;
                            }
                        }
                        "value" => {
                            if let Some(text) = fields.string(&token)? {
                                pair.value = text;
                                value = true;
                            }
                        }
                        _ => skip(fields.reader, &token)?,
                    }
                    Ok(())
                })?;
            self.require(!seen || name, "name");
            self.require(!seen || value, "value");
            pairs.push(pair);
            self.pointer.truncate(depth);
            index += 1;
        }
        Ok(pairs)
    }

    /// Visits each member of the object `token` starts; `false` (and the entry's error) when
    /// it is not an object.
    fn object(
        &mut self,
        token: &Token,
        expected: &str,
        visit: &mut Visit<'_, 'r, 'h, 'p, R>,
    ) -> Result<bool, Stop> {
        if *token != Token::Object {
            self.wrong(token, expected)?;
            return Ok(false);
        }
        let depth = self.pointer.len();
        let mut first = true;
        while self.reader.next_member(first)?.is_some() {
            first = false;
            let name = member(self.reader.text());
            pointer::push(&mut self.pointer, self.reader.text());
            let (token, _) = self.reader.value(true)?;
            visit(self, name, token)?;
            self.pointer.truncate(depth);
        }
        Ok(true)
    }

    /// The string `token` starts; `None` (and the entry's error) when it is not a string.
    fn string(&mut self, token: &Token) -> Result<Option<String>, Stop> {
        if *token != Token::String {
            self.wrong(token, "a string")?;
            return Ok(None);
        }
        let text = self.reader.text();
        self.budget = self.budget.checked_sub(text.len()).ok_or(Stop::TooLarge)?;
        Ok(Some(text.to_owned()))
    }

    /// The entry's error, if it has none yet: the value here is not what was expected. The
    /// value is read past.
    fn wrong(&mut self, token: &Token, expected: &str) -> Result<(), Stop> {
        if self.error.is_none() {
            let found = match token {
                Token::Object => "an object".to_owned(),
                Token::Array => "an array".to_owned(),
                Token::String => format!("the string {:?}", self.reader.text()),
                Token::Number(number) => format!("the number {number}"),
                Token::Bool(value) => value.to_string(),
                Token::Null => "null".to_owned(),
            };
            self.error = Some(EntryError {
                pointer: self.pointer.clone(),
                message: format!("expected {expected}, found {found}"),
            });
        }
        skip(self.reader, token)?;
        Ok(())
    }

    /// The entry's error, if it has none yet, when the required member `name` is missing.
    fn require(&mut self, present: bool, name: &str) {
        if !present && self.error.is_none() {
            self.error = Some(EntryError {
                pointer: self.pointer.clone(),
                message: format!("no member `{name}`: HAR {VERSION} requires it"),
            });
        }
    }
}

/// Why reading an entry stopped.
enum Stop {
    Reader(Box<reader::Error>),
    TooLarge,
}

impl From<Box<reader::Error>> for Stop {
    fn from(error: Box<reader::Error>) -> Self {
        Self::Reader(error)
    }
}

impl Stop {
    fn or_too_large(self, at: Position, pointer: String) -> Problem {
        match self {
            Self::Reader(error) => Problem::Reader(error),
            Self::TooLarge => Problem::TooLarge { at, pointer },
        }
    }
}

/// Reads past the value that starts with `token`, keeping nothing.
fn skip<R: Read>(reader: &mut Reader<R>, token: &Token) -> Result<(), Box<reader::Error>> {
    match token {
        Token::Array => {
            let mut first = true;
            while reader.next_item(first)? {
                first = false;
                let (token, _) = reader.value(false)?;
                skip(reader, &token)?;
            }
        }
        Token::Object => {
            let mut first = true;
            while reader.next_member(first)?.is_some() {
                first = false;
                let (token, _) = reader.value(false)?;
                skip(reader, &token)?;
            }
        }
        Token::String | Token::Number(_) | Token::Bool(_) | Token::Null => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::stream::Plan;
    use cloudspec_schema::validate::Schemas;

    /// Each entry read (or why it is none), each problem, and how the reading ended.
    type Read = (Vec<Result<String, String>>, Vec<String>, Result<usize, String>);

    /// A handler that checks a response body against `plan` once its status is read, and
    /// holds it before; each entry as `line:column method status`, and its response body's
    /// check, when `body` is set.
    struct Collect<'p> {
        plan: &'p Plan,
        body: bool,
        entries: Vec<Result<String, String>>,
        problems: Vec<String>,
    }

    impl<'p> Handler<'p> for Collect<'p> {
        fn target(&mut self, side: Side, sofar: &Sofar<'_>) -> Target<'p> {
            match (side, sofar.status) {
                (Side::Request, _) => Target::Skip,
                (Side::Response, Some(_)) => Target::Check(self.plan),
                (Side::Response, None) => Target::Hold,
            }
        }

        fn keep(&self) -> usize {
            2
        }

        fn entry(&mut self, entry: Entry) {
            let (line, column) = (entry.at.line, entry.at.column);
            let body = self.body;
            let plan = self.plan;
            self.entries.push(
                entry
                    .exchange
                    .map(|exchange| {
                        let head = format!(
                            "{line}:{column} {} {}",
                            exchange.request.method, exchange.response.status
                        );
                        if !body {
                            return head;
                        }
                        let content = exchange.response.content;
                        let checked = content.text.map(|text| {
                            text.checked(
                                plan,
                                content.encoding.as_deref(),
                                Path::new("/log/entries/0/response/content/text"),
                                2,
                            )
                        });
                        format!("{head}: {}", describe(checked))
                    })
                    .map_err(|error| format!("{line}:{column} {error}")),
            );
        }

        fn problem(&mut self, problem: Problem) {
            self.problems.push(problem.to_string());
        }
    }

    /// A body's check in a few words: its length, outcome, and findings kept and counted.
    fn describe(checked: Option<Result<body::Checked, String>>) -> String {
        let checked = match checked {
            None => return "no text".into(),
            Some(Err(reason)) => return reason,
            Some(Ok(checked)) => checked,
        };
        let outcome = match checked.outcome {
            Err(reason) => return format!("{} bytes, {reason}", checked.length),
            Ok(crate::Outcome::Valid) => "valid".to_owned(),
            Ok(crate::Outcome::Invalid) => "invalid".to_owned(),
            Ok(crate::Outcome::Malformed(error)) => format!("malformed: {error}"),
            Ok(other) => format!("{other:?}"),
        };
        let findings: Vec<String> = checked
            .kept
            .findings
            .iter()
            .map(|finding| match finding {
                crate::Finding::Violation(item) => {
                    format!("{}:{} {}", item.line, item.column, item.violation.pointer)
                }
                crate::Finding::Notice(item) => format!("notice {}", item.notice.pointer),
            })
            .collect();
        let more = checked.kept.more.violations;
        format!("{} bytes, {outcome} [{}] +{more}", checked.length, findings.join(", "))
    }

    /// `{a: integer}`, `a` required.
    fn plan() -> Plan {
        let document = json!({ "components": { "schemas": { "Body": {
            "type": "object", "required": ["a"], "properties": { "a": { "type": "integer" } }
        } } } });
        let schemas = Schemas::new(document).expect("the schema compiles");
        Plan::new(&schemas, "/components/schemas/Body").expect("the plan builds")
    }

    fn read_with(text: &str, body: bool) -> Read {
        let plan = plan();
        let mut collect = Collect { plan: &plan, body, entries: Vec::new(), problems: Vec::new() };
        let result = read(text.as_bytes(), &mut collect);
        (collect.entries, collect.problems, result.map_err(|problem| problem.to_string()))
    }

    fn entries(text: &str) -> Read {
        read_with(text, false)
    }

    /// An archive of one entry, a `GET` answered by a response of the `members` given.
    fn one_response(members: &str) -> String {
        let request = r#"{"method": "GET", "url": "https://a/"}"#;
        format!(r#"{{"log": {{"entries": [{{"request": {request}, "response": {{{members}}}}}]}}}}"#)
    }

    const EXCHANGE: &str = concat!(
        r#"{"request": {"method": "GET", "url": "https://a/", "headers": []}, "#,
        r#""response": {"status": 200, "headers": [], "content": {"size": 0}}}"#
    );

    #[test]
    fn entries_are_read_in_turn_and_a_broken_one_is_placed() {
        let text = format!(
            "{{\"log\": {{\"version\": \"1.1\", \"creator\": {{\"name\": \"x\"}}, \"entries\": \
            [\n{EXCHANGE},\n{{\"request\": {{\"method\": \"GET\", \"url\": \
            \"https://a/\"}}}},\n{{\"request\": {{\"method\": \"GET\", \"url\": \"u\"}}, \
            \"response\": {{\"status\": \"ok\", \"content\": {{}}}}}},\n{EXCHANGE}]}}}}"
        );
        let (entries, problems, result) = entries(&text);
        assert_eq!(
            entries,
            [
                Ok("2:1 GET 200".to_owned()),
                Err("3:1 /log/entries/1: no member `response`: HAR 1.2 requires it".to_owned()),
                Err("4:1 /log/entries/2/response/status: expected an HTTP status, a whole number up \
                    to 999, found the string \"ok\""
                    .to_owned()),
                Ok("5:1 GET 200".to_owned()),
            ]
        );
        assert_eq!(problems, ["1:21: /log/version: HAR version \"1.1\"; expected \"1.2\""]);
        assert_eq!(result, Ok(4));
    }

    #[test]
    fn what_is_not_a_har_stops_the_reading_where_it_is() {
        assert_eq!(entries("[]").2, Err("1:1: /: expected an object with a `log` member".to_owned()));
        assert_eq!(
            entries(r#"{"log": {"entries": {}}}"#).2,
            Err("1:21: /log/entries: expected an array".to_owned())
        );
        assert_eq!(entries(r#"{"log": {}}"#).2, Err("no /log/entries: not a HAR file".to_owned()));
        let cut = format!("{{\"log\": {{\"entries\": [{EXCHANGE}, {{\"request\"");
        let (entries, _, result) = entries(&cut);
        assert_eq!(entries.len(), 1);
        assert!(result.is_err_and(|error| error.starts_with("1:")), "a cut archive is placed");
    }

    /// Each case: the members of a response (JSON text), and its body's check. The text is
    /// read as both JSON text and base64 until `encoding` says which it is, only as what
    /// `encoding` says when it comes first, and held when the status comes after it.
    #[test]
    fn bodies_are_checked_as_their_text_is_read_whatever_the_order_of_members() {
        const OBJECT: &str = r#""{\"a\": 1}""#;
        const WRONG: &str = r#""{\"b\": \"x\", \"a\": \"y\"}""#;
        let base64 = |text: &str| {
            use base64::Engine as _;
            let body: String = serde_json::from_str(text).expect("a JSON string");
            json!(base64::engine::general_purpose::STANDARD.encode(body)).to_string()
        };
        let (object64, wrong64) = (base64(OBJECT), base64(WRONG));
        let cases = [
            (format!(r#""status": 200, "content": {{"text": {OBJECT}}}"#), "8 bytes, valid [] +0"),
            (format!(r#""status": 200, "content": {{"text": {WRONG}}}"#), "20 bytes, invalid [1:17 /a] +0"),
            (
                format!(r#""status": 200, "content": {{"text": {object64}, "encoding": "base64"}}"#),
                "8 bytes, valid [] +0",
            ),
            (
                format!(r#""status": 200, "content": {{"encoding": "base64", "text": {wrong64}}}"#),
                "20 bytes, invalid [1:17 /a] +0",
            ),
            (
                format!(r#""status": 200, "content": {{"text": {OBJECT}, "encoding": "base64"}}"#),
                "0 bytes, the text is not base64, as `encoding` says: Invalid symbol 123, offset 0.",
            ),
            (
                format!(r#""status": 200, "content": {{"encoding": "base64", "text": {OBJECT}}}"#),
                "0 bytes, the text is not base64, as `encoding` says: Invalid symbol 123, offset 0.",
            ),
            (
                r#""status": 200, "content": {"text": "eyJhIjoxfQ=!", "encoding": "base64"}"#.to_owned(),
                "0 bytes, the text is not base64, as `encoding` says: Invalid symbol 61, offset 10.",
            ),
            (
                format!(r#""status": 200, "content": {{"encoding": "base64", "text": {object64}, "#)
                    + r#""encoding": ""}"#,
                "the text was read as base64, as `encoding` said then, and is now said to be plain text",
            ),
            (
                format!(r#""status": 200, "content": {{"text": {object64}}}"#),
                concat!(
                    "12 bytes, malformed: /log/entries/0/response/content/text:1:1: expected valid JSON: ",
                    "expected a JSON value, found 'e' [] +0"
                ),
            ),
            (
                format!(r#""status": 200, "content": {{"text": {OBJECT}, "encoding": "gzip"}}"#),
                "unknown encoding \"gzip\": HAR knows base64 only",
            ),
            (format!(r#""content": {{"text": {WRONG}}}, "status": 200"#), "20 bytes, invalid [1:17 /a] +0"),
            (
                format!(r#""content": {{"text": {wrong64}, "encoding": "base64"}}, "status": 200"#),
                "20 bytes, invalid [1:17 /a] +0",
            ),
            (r#""status": 200, "content": {"text": "1234"}"#.to_owned(), "4 bytes, invalid [1:1 ] +0"),
            (
                r#""status": 200, "content": {"text": "1234", "encoding": "base64"}"#.to_owned(),
                concat!(
                    "3 bytes, malformed: /log/entries/0/response/content/text:1:1: byte 0xD7 is not UTF-8: ",
                    "JSON text is UTF-8 [] +0"
                ),
            ),
            (r#""status": 200, "content": {"size": 0}"#.to_owned(), "no text"),
            (
                r#""status": 200, "content": {"text": "{\"a\": \"x\", \"a\": \"y\", \"a\": \"z\"}"}"#
                    .to_owned(),
                "30 bytes, invalid [1:7 /a, 1:17 /a] +3",
            ),
        ];
        let (mut found, mut wanted) = (Vec::new(), Vec::new());
        for (response, expected) in cases {
            let (entries, problems, result) = read_with(&one_response(&response), true);
            assert_eq!((problems.as_slice(), result), (&[][..], Ok(1)), "{response}");
            found.push(entries.into_iter().next().and_then(Result::ok).unwrap_or_default());
            wanted.push(format!("1:22 GET 200: {expected}"));
        }
        assert_eq!(found, wanted);
    }

    #[test]
    fn a_text_that_is_not_json_in_the_archive_stops_the_reading_there() {
        for text in [r#""{\"a\": 1\x""#, "\"{\"a\"\u{1}\"", r#""{\"a\": 1"#] {
            let har = one_response(&format!(r#""status": 200, "content": {{"text": {text}}}"#));
            let (entries, _, result) = read_with(&har, true);
            assert!(entries.is_empty(), "{text}: {entries:?}");
            assert!(
                result.is_err_and(|error| error.starts_with("1:") && error.contains("not JSON")),
                "{text}"
            );
        }
    }
}
