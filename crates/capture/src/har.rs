//! HAR 1.2, the HTTP Archive that browser devtools, mitmproxy, Charles, Postman and SDK debug
//! logs export, read entry by entry with the capture [`Reader`]: a session of a gigabyte is
//! never held, only the entry being read, and every entry is placed at its line and column.
//!
//! An entry the format does not allow (no `request`, a `status` that is not a number) is an
//! [`EntryError`] at its JSON pointer, and the entries after it are still read; only input
//! that is not JSON, or not a HAR at all, stops the reading ([`Problem`]).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Read;

use base64::Engine as _;

use crate::reader::{self, Position, Reader, Token};
use cloudspec_schema::pointer;

/// The version of the format this reads (<http://www.softwareishard.com/blog/har-12-spec/>).
pub const VERSION: &str = "1.2";

/// The most of one entry held at once, in bytes of its strings (a body's text, mostly).
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
#[derive(Debug)]
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
    /// Absent when the tool did not keep the body (browsers drop many).
    pub text: Option<String>,
    /// `base64` for a body kept as base64, else absent.
    pub encoding: Option<String>,
}

impl Content {
    /// The body's bytes, decoded from `encoding`; an error names what could not be decoded.
    /// `None` when the archive holds no text.
    pub fn bytes(&self) -> Option<Result<Cow<'_, [u8]>, String>> {
        let text = self.text.as_deref()?;
        Some(match self.encoding.as_deref() {
            None | Some("") => Ok(Cow::Borrowed(text.as_bytes())),
            Some("base64") => {
                let compact: String = text.split_ascii_whitespace().collect();
                base64::engine::general_purpose::STANDARD
                    .decode(compact.as_bytes())
                    .map(Cow::Owned)
                    .map_err(|error| format!("the text is not base64, as `encoding` says: {error}"))
            }
            Some(other) => Err(format!("unknown encoding {other:?}: HAR knows base64 only")),
        })
    }
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

/// Reads the archive from `source`, handing each entry to `entry` as soon as it is read, and
/// each problem that does not stop the reading to `problem`. How many entries were read, or
/// the problem that stopped the reading.
pub fn read<R: Read>(
    source: R,
    entry: &mut dyn FnMut(Entry),
    problem: &mut dyn FnMut(Problem),
) -> Result<usize, Problem> {
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
            entries = log(&mut reader, entry, problem)?;
        } else {
            return Err(Problem::Shape { at, pointer: "/log", expected: "an object" });
        }
    }
    reader.finish()?;
    entries.ok_or(Problem::NoEntries)
}

/// The members of `/log`: its version checked, its entries handed on, the rest skipped.
fn log<R: Read>(
    reader: &mut Reader<R>,
    entry: &mut dyn FnMut(Entry),
    problem: &mut dyn FnMut(Problem),
) -> Result<Option<usize>, Problem> {
    let mut entries = None;
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
                    problem(Problem::Version { at, found: reader.text().to_owned() });
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
                    let exchange = Fields::new(reader, index)
                        .exchange(&token)
                        .map_err(|stop| stop.or_too_large(at, format!("{ENTRIES}/{index}")))?;
                    entry(Entry { index, at, exchange });
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

/// Reads the members of an entry that an exchange needs, skipping the others (timings,
/// cookies, cache...); a member of the wrong type, or a required one missing, is the entry's
/// [`EntryError`] (the first one), and the rest of the entry is still read past.
struct Fields<'r, R> {
    reader: &'r mut Reader<R>,
    /// The pointer of the value being read.
    pointer: String,
    error: Option<EntryError>,
    /// What may still be kept of the entry's strings.
    budget: usize,
}

/// A visitor of an object's members: its name, and the token its value starts with.
type Visit<'f, 'r, R> = dyn FnMut(&mut Fields<'r, R>, &str, Token) -> Result<(), Stop> + 'f;

impl<'r, R: Read> Fields<'r, R> {
    fn new(reader: &'r mut Reader<R>, index: usize) -> Self {
        Self { reader, pointer: format!("{ENTRIES}/{index}"), error: None, budget: HELD }
    }

    fn exchange(mut self, token: &Token) -> Result<Result<Exchange, EntryError>, Stop> {
        let (mut request, mut response) = (None, None);
        let seen =
            self.object(token, "an object with a request and a response", &mut |fields, name, token| {
                match name {
                    "request" => request = fields.request(&token)?,
                    "response" => response = fields.response(&token)?,
                    _ => skip(fields.reader, &token)?,
                }
                Ok(())
            })?;
        self.require(!seen || request.is_some(), "request");
        self.require(!seen || response.is_some(), "response");
        Ok(match (self.error, request, response) {
            (None, Some(request), Some(response)) => Ok(Exchange { request, response }),
            (Some(error), _, _) => Err(error),
            (None, _, _) => Err(EntryError { pointer: self.pointer, message: "no exchange".into() }),
        })
    }

    fn request(&mut self, token: &Token) -> Result<Option<Request>, Stop> {
        let mut request = Request::default();
        let (mut method, mut url) = (false, false);
        let seen = self.object(token, "an object", &mut |fields, name, token| {
            match name {
                "method" => method = fields.string(&token, &mut request.method)?,
                "url" => url = fields.string(&token, &mut request.url)?,
                "headers" => request.headers = fields.pairs(&token)?,
                "postData" => request.post_data = fields.content(&token)?,
                _ => skip(fields.reader, &token)?,
            }
            Ok(())
        })?;
        self.require(!seen || method, "method");
        self.require(!seen || url, "url");
        Ok(seen.then_some(request))
    }

    fn response(&mut self, token: &Token) -> Result<Option<Response>, Stop> {
        let mut response = Response::default();
        let (mut status, mut content) = (false, None);
        let seen = self.object(token, "an object", &mut |fields, name, token| {
            match name {
                "status" => {
                    match token.scalar().as_ref().and_then(serde_json::Value::as_u64).map(u16::try_from) {
                        Some(Ok(code)) if code <= 999 => {
                            response.status = code;
                            status = true;
                        }
                        _ => fields.wrong(&token, "an HTTP status, a whole number up to 999")?,
                    }
                }
                "headers" => response.headers = fields.pairs(&token)?,
                "content" => content = fields.content(&token)?,
                _ => skip(fields.reader, &token)?,
            }
            Ok(())
        })?;
        self.require(!seen || status, "status");
        self.require(!seen || content.is_some(), "content");
        response.content = content.unwrap_or_default();
        Ok(seen.then_some(response))
    }

    /// A response's `content` or a request's `postData`.
    fn content(&mut self, token: &Token) -> Result<Option<Content>, Stop> {
        let mut content = Content::default();
        let seen = self.object(token, "an object", &mut |fields, name, token| {
            let mut text = String::new();
            match name {
                "size" => match token.scalar().as_ref().and_then(serde_json::Value::as_i64) {
                    Some(size) => content.size = Some(size),
                    None => fields.wrong(&token, "a whole number")?,
                },
                "mimeType" => content.mime_type = fields.string(&token, &mut text)?.then_some(text),
                "text" => content.text = fields.string(&token, &mut text)?.then_some(text),
                "encoding" => content.encoding = fields.string(&token, &mut text)?.then_some(text),
                _ => skip(fields.reader, &token)?,
            }
            Ok(())
        })?;
        Ok(seen.then_some(content))
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
                        "name" => name = fields.string(&token, &mut pair.name)?,
                        "value" => value = fields.string(&token, &mut pair.value)?,
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
    fn object(&mut self, token: &Token, expected: &str, visit: &mut Visit<'_, 'r, R>) -> Result<bool, Stop> {
        if *token != Token::Object {
            self.wrong(token, expected)?;
            return Ok(false);
        }
        let depth = self.pointer.len();
        let mut first = true;
        while self.reader.next_member(first)?.is_some() {
            first = false;
            // The names an exchange reads, without allocating one per member.
            let name = MEMBERS.iter().copied().find(|name| *name == self.reader.text()).unwrap_or_default();
            pointer::push(&mut self.pointer, self.reader.text());
            let (token, _) = self.reader.value(true)?;
            visit(self, name, token)?;
            self.pointer.truncate(depth);
        }
        Ok(true)
    }

    /// Keeps the string `token` starts in `into`; `false` (and the entry's error) when it is
    /// not a string.
    fn string(&mut self, token: &Token, into: &mut String) -> Result<bool, Stop> {
        if *token != Token::String {
            self.wrong(token, "a string")?;
            return Ok(false);
        }
        let text = self.reader.text();
        self.budget = self.budget.checked_sub(text.len()).ok_or(Stop::TooLarge)?;
        text.clone_into(into);
        Ok(true)
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
    use super::*;

    /// Each entry read (or why it is none), each problem, and how the reading ended.
    type Read = (Vec<Result<String, String>>, Vec<String>, Result<usize, String>);

    fn entries(text: &str) -> Read {
        let (mut entries, mut problems) = (Vec::new(), Vec::new());
        let result = read(
            text.as_bytes(),
            &mut |entry| {
                entries.push(
                    entry
                        .exchange
                        .map(|exchange| {
                            format!(
                                "{}:{} {} {}",
                                entry.at.line,
                                entry.at.column,
                                exchange.request.method,
                                exchange.response.status
                            )
                        })
                        .map_err(|error| format!("{}:{} {error}", entry.at.line, entry.at.column)),
                );
            },
            &mut |problem| problems.push(problem.to_string()),
        );
        (entries, problems, result.map_err(|problem| problem.to_string()))
    }

    const EXCHANGE: &str = r#"{"request": {"method": "GET", "url": "https://a/", "headers": []}, "response": {"status": 200, "headers": [], "content": {"size": 0}}}"#;

    #[test]
    fn entries_are_read_in_turn_and_a_broken_one_is_placed() {
        let text = format!(
            "{{\"log\": {{\"version\": \"1.1\", \"creator\": {{\"name\": \"x\"}}, \"entries\": [\n{EXCHANGE},\n{{\"request\": {{\"method\": \"GET\", \"url\": \"https://a/\"}}}},\n{{\"request\": {{\"method\": \"GET\", \"url\": \"u\"}}, \"response\": {{\"status\": \"ok\", \"content\": {{}}}}}},\n{EXCHANGE}]}}}}"
        );
        let (entries, problems, result) = entries(&text);
        assert_eq!(
            entries,
            [
                Ok("2:1 GET 200".to_owned()),
                Err("3:1 /log/entries/1: no member `response`: HAR 1.2 requires it".to_owned()),
                Err("4:1 /log/entries/2/response/status: expected an HTTP status, a whole number up to 999, found the string \"ok\""
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

    #[test]
    fn base64_bodies_are_decoded() {
        let content = |text: &str, encoding: Option<&str>| Content {
            text: Some(text.into()),
            encoding: encoding.map(str::to_owned),
            ..Content::default()
        };
        assert_eq!(
            content("eyJhIjoxfQ==", Some("base64")).bytes().map(|bytes| bytes.map(Cow::into_owned)),
            Some(Ok(b"{\"a\":1}".to_vec()))
        );
        assert!(content("not base64!", Some("base64")).bytes().is_some_and(|bytes| bytes.is_err()));
        assert_eq!(Content::default().bytes(), None);
    }
}
