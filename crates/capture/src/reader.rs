//! A JSON pull parser over any reader, for captures too large to hold: it keeps one fixed
//! buffer, knows the line and column of every token it hands out, and stops at the first
//! byte that cannot be JSON text (RFC 8259) without reading further.
//!
//! Lines are counted where they can only be, in the whitespace between tokens (a string
//! holds no raw newline), so that tracking them costs nothing on the bytes of a string.

use std::io::{self, Read};

use serde_json::{Number, Value};

mod string;

pub use string::StringRead;

/// Where a token starts: its byte offset, and its one-based line and column (in bytes, as
/// serde_json counts them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub offset: u64,
    pub line: usize,
    pub column: usize,
}

/// The first token of a value. A string's text is in [`Reader::text`] when it was kept.
/// Small (no `Value` inside, which is 80 bytes), as it is returned for every value.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Object,
    Array,
    String,
    Number(Number),
    Bool(bool),
    Null,
}

impl Token {
    /// A number, boolean or null as a `Value`; `None` for the others.
    pub fn scalar(&self) -> Option<Value> {
        match self {
            Self::Number(number) => Some(Value::Number(number.clone())),
            Self::Bool(value) => Some(Value::Bool(*value)),
            Self::Null => Some(Value::Null),
            Self::Object | Self::Array | Self::String => None,
        }
    }
}

/// Why reading stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("{}:{}: {message}", .at.line, .at.column)]
    Syntax { at: Position, message: String },
    #[error("{}:{}: byte 0x{byte:02X} is not UTF-8", .at.line, .at.column)]
    NotUtf8 { at: Position, byte: u8 },
    #[error("the input is empty")]
    Empty,
    #[error("the input starts with a byte-order mark")]
    ByteOrderMark,
    /// A string or number longer than the reader holds.
    #[error("{}:{}: a {what} longer than {limit} bytes", .at.line, .at.column)]
    TooLong { at: Position, what: &'static str, limit: usize },
}

/// How deeply arrays and objects may nest; deeper input is refused, not recursed into.
pub const MAX_DEPTH: usize = 128;

/// How much of the input is buffered at a time.
const BUFFER: usize = 256 << 10;

/// The bytes that end a run of plain string content: the closing quote, an escape, or a
/// control character (which JSON requires escaped).
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Reads JSON tokens from `R`, holding at most one buffer of input and the current string.
pub struct Reader<R> {
    source: R,
    buffer: Box<[u8]>,
    pos: usize,
    end: usize,
    /// The offset of `buffer[0]` in the input.
    base: u64,
    /// Zero-based line of `pos`, and the offset where that line starts.
    line: usize,
    line_start: u64,
    depth: usize,
    /// The last string read with `keep`, unescaped.
    text: String,
    number: String,
    /// The longest string or number kept.
    limit: usize,
}

impl<R> std::fmt::Debug for Reader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("offset", &(self.base + self.pos as u64)).finish_non_exhaustive()
    }
}

impl<R: Read> Reader<R> {
    /// A reader that keeps strings and numbers of at most `limit` bytes.
    pub fn new(source: R, limit: usize) -> Self {
        Self::with_buffer(source, limit, BUFFER)
    }

    /// [`Self::new`] with a buffer of `size` bytes (at least 4, what a character needs): an
    /// input known to be short, such as a body already in memory, needs no more than itself.
    pub fn with_buffer(source: R, limit: usize, size: usize) -> Self {
        Self::with_storage(source, limit, vec![0; size.clamp(4, BUFFER)].into_boxed_slice())
    }

    /// [`Self::new`] reading through `buffer` (at least 4 bytes), which [`Self::into_storage`]
    /// gives back: a reader per body of a session reuses one buffer rather than allocate its own.
    pub fn with_storage(source: R, limit: usize, buffer: Box<[u8]>) -> Self {
        assert!(buffer.len() >= 4, "a reader's buffer holds a character");
        Self {
            source,
            buffer,
            pos: 0,
            end: 0,
            base: 0,
            line: 0,
            line_start: 0,
            depth: 0,
            text: String::new(),
            number: String::new(),
            limit,
        }
    }

    /// The last string read with `keep`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The buffer, for the next reader ([`Self::with_storage`]).
    pub fn into_storage(self) -> Box<[u8]> {
        self.buffer
    }

    /// When the next value is a string: reads its opening quote, and where it starts; its text
    /// is then read with [`StringRead`], a piece at a time. `None`, reading nothing, when the
    /// next value is not a string.
    pub fn string_ahead(&mut self) -> Result<Option<Position>, Box<Error>> {
        if self.skip_whitespace()? != Some(b'"') {
            return Ok(None);
        }
        let at = self.position();
        self.pos += 1;
        Ok(Some(at))
    }

    /// How far into the input the reader is.
    #[inline]
    pub fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Where the next byte is.
    #[inline]
    pub fn position(&self) -> Position {
        let offset = self.offset();
        let column = usize::try_from(offset - self.line_start).unwrap_or(usize::MAX).saturating_add(1);
        Position { offset, line: self.line + 1, column }
    }

    /// Reads more input after what is left unread; `false` at the end of the input.
    fn fill(&mut self) -> Result<bool, Box<Error>> {
        if self.pos > 0 {
            self.buffer.copy_within(self.pos..self.end, 0);
            self.base += self.pos as u64;
            self.end -= self.pos;
            self.pos = 0;
        }
        loop {
            match self.source.read(&mut self.buffer[self.end..]) {
                Ok(0) => return Ok(false),
                Ok(read) => {
                    self.end += read;
                    return Ok(true);
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return fail(Error::Io(error)),
            }
        }
    }

    #[inline]
    fn peek(&mut self) -> Result<Option<u8>, Box<Error>> {
        if self.pos == self.end && !self.fill()? {
            return Ok(None);
        }
        Ok(Some(self.buffer[self.pos]))
    }

    /// Skips whitespace, counting lines; the next byte, or `None` at the end.
    #[inline]
    fn skip_whitespace(&mut self) -> Result<Option<u8>, Box<Error>> {
        // Compact JSON has no whitespace between tokens.
        if let Some(&byte) = self.buffer[..self.end].get(self.pos)
            && byte > b' '
        {
            return Ok(Some(byte));
        }
        loop {
            while self.pos < self.end {
                match self.buffer[self.pos] {
                    b' ' | b'\t' | b'\r' => self.pos += 1,
                    b'\n' => {
                        self.pos += 1;
                        self.line += 1;
                        self.line_start = self.offset();
                    }
                    byte => return Ok(Some(byte)),
                }
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// The first value of the input: refuses a byte-order mark and an input with none.
    pub fn root(&mut self, keep: bool) -> Result<(Token, Position), Box<Error>> {
        while self.end < 3 && self.fill()? {}
        if self.buffer[..self.end].starts_with(b"\xEF\xBB\xBF") {
            return fail(Error::ByteOrderMark);
        }
        if self.skip_whitespace()?.is_none() {
            return fail(Error::Empty);
        }
        self.value(keep)
    }

    /// After the first value: only whitespace may follow.
    pub fn finish(&mut self) -> Result<(), Box<Error>> {
        match self.skip_whitespace()? {
            None => Ok(()),
            Some(_) => Err(self.unexpected("the end of the input after the JSON value")?),
        }
    }

    /// The first token of the next value; a string is kept in [`Self::text`] if `keep`.
    #[inline]
    pub fn value(&mut self, keep: bool) -> Result<(Token, Position), Box<Error>> {
        let Some(byte) = self.skip_whitespace()? else { return Err(self.end_of_input("a JSON value")) };
        let at = self.position();
        let token = match byte {
            b'{' | b'[' => {
                if self.depth == MAX_DEPTH {
                    return fail(Error::Syntax {
                        at,
                        message: format!("more than {MAX_DEPTH} nested arrays and objects"),
                    });
                }
                self.depth += 1;
                self.pos += 1;
                if byte == b'{' { Token::Object } else { Token::Array }
            }
            b'"' => {
                self.pos += 1;
                self.string(keep, at)?;
                Token::String
            }
            b't' => self.literal("true", Token::Bool(true))?,
            b'f' => self.literal("false", Token::Bool(false))?,
            b'n' => self.literal("null", Token::Null)?,
            b'-' | b'0'..=b'9' => Token::Number(self.number(at)?),
            _ => return Err(self.unexpected("a JSON value")?),
        };
        Ok((token, at))
    }

    /// After `{` (`first`) or a member's value: the next member's name, kept in
    /// [`Self::text`], and where it starts; `None` after the closing `}`.
    #[inline]
    pub fn next_member(&mut self, first: bool) -> Result<Option<Position>, Box<Error>> {
        let mut byte = self.skip_whitespace()?;
        if byte == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(None);
        }
        if !first {
            match byte {
                Some(b',') => {
                    self.pos += 1;
                    byte = self.skip_whitespace()?;
                }
                Some(_) => return Err(self.unexpected("',' or '}' after an object member")?),
                None => return Err(self.end_of_input("',' or '}' after an object member")),
            }
        }
        match byte {
            Some(b'"') => {}
            Some(_) => return Err(self.unexpected("a member name in double quotes")?),
            None => return Err(self.end_of_input("a member name")),
        }
        let at = self.position();
        self.pos += 1;
        self.string(true, at)?;
        match self.skip_whitespace()? {
            Some(b':') => self.pos += 1,
            Some(_) => return Err(self.unexpected("':' after a member name")?),
            None => return Err(self.end_of_input("':' after a member name")),
        }
        Ok(Some(at))
    }

    /// After `[` (`first`) or an item: whether another item follows (its value is read next);
    /// `false` after the closing `]`.
    #[inline]
    pub fn next_item(&mut self, first: bool) -> Result<bool, Box<Error>> {
        match self.skip_whitespace()? {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ if first => Ok(true),
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) => Err(self.unexpected("',' or ']' after an array item")?),
            None => Err(self.end_of_input("',' or ']' after an array item")),
        }
    }

    /// Reads a string after its opening quote; its text goes to [`Self::text`] if `keep`.
    fn string(&mut self, keep: bool, at: Position) -> Result<(), Box<Error>> {
        self.text.clear();
        loop {
            let run = self.plain(|plain, text| {
                if keep {
                    text.push_str(plain);
                }
            })?;
            if run > 0 {
                self.pos += run;
                if self.text.len() > self.limit {
                    return fail(Error::TooLong { at, what: "string", limit: self.limit });
                }
            }
            let Some(byte) = self.peek()? else {
                return Err(self.end_of_input("the closing '\"' of a string"));
            };
            match byte {
                b'"' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'\\' => {
                    let character = self.escaped()?;
                    if keep {
                        self.text.push(character);
                    }
                }
                byte if byte < 0x20 => return Err(self.control(byte)),
                _ => {}
            }
        }
    }

    /// The run of plain string content at `pos`, as far as it is valid UTF-8 (a character cut
    /// by the end of the buffer is completed by a refill): its text is handed to `take` with
    /// [`Self::text`], and its length returned, 0 when the next byte ends a run. The reader
    /// stays at `pos`.
    #[inline]
    fn plain(&mut self, take: impl FnOnce(&str, &mut String)) -> Result<usize, Box<Error>> {
        loop {
            let start = self.pos;
            let stop = start + plain_run(&self.buffer[start..self.end]);
            if stop == start {
                return Ok(0);
            }
            match valid(&self.buffer[start..stop], stop == self.end) {
                Valid::Text(plain) => {
                    take(plain, &mut self.text);
                    return Ok(plain.len());
                }
                Valid::Cut => {
                    if !self.fill()? {
                        return Err(self.not_utf8());
                    }
                }
                Valid::Invalid => return Err(self.not_utf8()),
            }
        }
    }

    /// The error for the byte at `pos`, which does not start a UTF-8 character.
    #[allow(clippy::unnecessary_box_returns, reason = "errors travel boxed, see `fail`")]
    fn not_utf8(&self) -> Box<Error> {
        Box::new(Error::NotUtf8 { at: self.position(), byte: self.buffer[self.pos] })
    }

    /// The error for the control character `byte` at `pos`, inside a string.
    #[allow(clippy::unnecessary_box_returns, reason = "errors travel boxed, see `fail`")]
    fn control(&self, byte: u8) -> Box<Error> {
        Box::new(Error::Syntax {
            at: self.position(),
            message: format!(
                "control character U+{byte:04X} in a string: JSON requires it escaped (\\u{byte:04X})"
            ),
        })
    }

    /// Reads an escape sequence from its backslash: the character it stands for.
    fn escaped(&mut self) -> Result<char, Box<Error>> {
        let at = self.position();
        self.pos += 1;
        let Some(byte) = self.peek()? else { return Err(self.end_of_input("an escape sequence")) };
        self.pos += 1;
        let character = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape(at)?,
            _ => {
                self.pos -= 1;
                return fail(Error::Syntax {
                    at: self.position(),
                    message: format!(
                        "{} cannot follow '\\' in a string: expected one of \" \\ / b f n r t u",
                        describe(byte)
                    ),
                });
            }
        };
        Ok(character)
    }

    /// The character of `\uXXXX` (and of the low surrogate's `\uXXXX` after a high one).
    fn unicode_escape(&mut self, at: Position) -> Result<char, Box<Error>> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                let lone = |at| Error::Syntax {
                    at,
                    message: format!(
                        "\\u{high:04X} is a lone leading surrogate: expected a \\uDC00-\\uDFFF after it"
                    ),
                };
                if self.peek()? != Some(b'\\') {
                    return fail(lone(at));
                }
                self.pos += 1;
                if self.peek()? != Some(b'u') {
                    return fail(lone(at));
                }
                self.pos += 1;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return fail(lone(at));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return fail(Error::Syntax {
                    at,
                    message: format!("\\u{high:04X} is a lone trailing surrogate, not a character"),
                });
            }
            _ => high,
        };
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, Box<Error>> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(byte) = self.peek()? else { return Err(self.end_of_input("four hex digits after \\u")) };
            let Some(digit) = char::from(byte).to_digit(16) else {
                return Err(self.unexpected("four hex digits after \\u")?);
            };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn literal(&mut self, word: &'static str, token: Token) -> Result<Token, Box<Error>> {
        for &expected in word.as_bytes() {
            match self.peek()? {
                Some(byte) if byte == expected => self.pos += 1,
                Some(_) => return Err(self.unexpected(&format!("'{}' of `{word}`", char::from(expected)))?),
                None => return Err(self.end_of_input(word)),
            }
        }
        Ok(token)
    }

    /// Reads a number (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`) as serde_json
    /// reads it: an integer that fits u64 or i64 stays one, anything else is an f64, and an
    /// f64 beyond its range is refused.
    fn number(&mut self, at: Position) -> Result<Number, Box<Error>> {
        self.number.clear();
        let mut integer = true;
        if self.peek()? == Some(b'-') {
            self.take_number_byte();
        }
        match self.peek()? {
            Some(b'0') => {
                self.take_number_byte();
                if self.peek()?.is_some_and(|byte| byte.is_ascii_digit()) {
                    return Err(
                        self.unexpected("no digit after a leading 0 (JSON numbers have no leading zeros)")?
                    );
                }
            }
            Some(b'1'..=b'9') => self.digits(at)?,
            Some(_) => return Err(self.unexpected("a digit")?),
            None => return Err(self.end_of_input("a digit")),
        }
        if self.peek()? == Some(b'.') {
            integer = false;
            self.take_number_byte();
            self.required_digits("a digit after the decimal point", at)?;
        }
        if matches!(self.peek()?, Some(b'e' | b'E')) {
            integer = false;
            self.take_number_byte();
            if matches!(self.peek()?, Some(b'+' | b'-')) {
                self.take_number_byte();
            }
            self.required_digits("a digit in the exponent", at)?;
        }
        let text = self.number.as_str();
        if integer {
            if let Ok(value) = text.parse::<u64>() {
                return Ok(Number::from(value));
            }
            // serde_json reads -0 as the float -0.0.
            if let Ok(value) = text.parse::<i64>()
                && value != 0
            {
                return Ok(Number::from(value));
            }
        }
        let float: f64 = text.parse().unwrap_or(f64::INFINITY);
        Number::from_f64(float).ok_or_else(|| {
            Box::new(Error::Syntax {
                at,
                message: format!("number out of range: {} is beyond a 64-bit float", shorten(text)),
            })
        })
    }

    fn take_number_byte(&mut self) {
        self.number.push(char::from(self.buffer[self.pos]));
        self.pos += 1;
    }

    fn digits(&mut self, at: Position) -> Result<(), Box<Error>> {
        while self.peek()?.is_some_and(|byte| byte.is_ascii_digit()) {
            self.take_number_byte();
            if self.number.len() > self.limit {
                return fail(Error::TooLong { at, what: "number", limit: self.limit });
            }
        }
        Ok(())
    }

    fn required_digits(&mut self, expected: &str, at: Position) -> Result<(), Box<Error>> {
        match self.peek()? {
            Some(byte) if byte.is_ascii_digit() => self.digits(at),
            Some(_) => Err(self.unexpected(expected)?),
            None => Err(self.end_of_input(expected)),
        }
    }

    /// The error for the byte at `pos`, which is not `expected`: a syntax error naming the
    /// character found, or [`Error::NotUtf8`] when it does not start a UTF-8 character.
    fn unexpected(&mut self, expected: &str) -> Result<Box<Error>, Box<Error>> {
        let at = self.position();
        let byte = self.buffer[self.pos];
        let found = if byte.is_ascii() {
            describe(byte)
        } else {
            // Up to four bytes tell whether a character starts here.
            while self.end - self.pos < 4 && self.fill()? {}
            let available = &self.buffer[self.pos..self.end.min(self.pos + 4)];
            let character = match std::str::from_utf8(available) {
                Ok(text) => text.chars().next(),
                Err(error) if error.valid_up_to() > 0 => {
                    std::str::from_utf8(&available[..error.valid_up_to()])
                        .ok()
                        .and_then(|text| text.chars().next())
                }
                Err(_) => None,
            };
            match character {
                Some(character) => format!("{character:?}"),
                None => return Ok(Box::new(Error::NotUtf8 { at, byte })),
            }
        };
        Ok(Box::new(Error::Syntax { at, message: format!("expected {expected}, found {found}") }))
    }

    #[allow(clippy::unnecessary_box_returns, reason = "errors travel boxed, see `fail`")]
    fn end_of_input(&self, expected: &str) -> Box<Error> {
        Box::new(Error::Syntax {
            at: self.position(),
            message: format!("the input ends where {expected} was expected"),
        })
    }
}

/// What starts a run of plain string content (not empty), as UTF-8.
enum Valid<'a> {
    /// Its valid UTF-8, up to the first byte that is not (a later run starts there).
    Text(&'a str),
    /// A character cut by the end of the buffer, which a refill completes.
    Cut,
    Invalid,
}

/// What starts `run` (not empty), which ends the buffer if `at_end`.
fn valid(run: &[u8], at_end: bool) -> Valid<'_> {
    match std::str::from_utf8(run) {
        Ok(text) => Valid::Text(text),
        Err(error) if error.valid_up_to() > 0 => {
            Valid::Text(std::str::from_utf8(&run[..error.valid_up_to()]).unwrap_or_default())
        }
        Err(error) if error.error_len().is_none() && at_end => Valid::Cut,
        Err(_) => Valid::Invalid,
    }
}

/// How many bytes at the start of `bytes` are plain string content, not [`SPECIAL`]. Eight
/// bytes at a time: the bit tricks find a byte equal to `"` or `\` or below 0x20 in a word
/// (the lowest flagged byte is exact, which is all that is used).
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let below = |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut run = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let flagged = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if flagged != 0 {
            return run + flagged.trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    run + chunks
        .remainder()
        .iter()
        .position(|&byte| SPECIAL[usize::from(byte)])
        .unwrap_or(chunks.remainder().len())
}

/// Errors are boxed: a `Result` is returned for every token, and a small one moves cheaply.
fn fail<T>(error: Error) -> Result<T, Box<Error>> {
    Err(Box::new(error))
}

/// An ASCII byte as a message shows it: `','`, or `byte 0x01` when it is not printable.
fn describe(byte: u8) -> String {
    if byte.is_ascii_graphic() || byte == b' ' {
        format!("{:?}", char::from(byte))
    } else {
        format!("byte 0x{byte:02X}")
    }
}

/// The first 40 characters of a number's text.
fn shorten(text: &str) -> String {
    if text.len() > 40 { format!("{}…", &text[..40]) } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token of `input` as serde_json would read the value, or the error.
    fn read(input: &[u8]) -> Result<Value, Box<Error>> {
        fn value<R: Read>(reader: &mut Reader<R>, token: Token) -> Result<Value, Box<Error>> {
            Ok(match token {
                Token::Object => {
                    let mut map = serde_json::Map::new();
                    let mut first = true;
                    while reader.next_member(first)?.is_some() {
                        first = false;
                        let key = reader.text().to_owned();
                        let (token, _) = reader.value(true)?;
                        map.insert(key, value(reader, token)?);
                    }
                    Value::Object(map)
                }
                Token::Array => {
                    let mut items = Vec::new();
                    let mut first = true;
                    while reader.next_item(first)? {
                        first = false;
                        let (token, _) = reader.value(true)?;
                        items.push(value(reader, token)?);
                    }
                    Value::Array(items)
                }
                Token::String => Value::String(reader.text().to_owned()),
                scalar => scalar.scalar().unwrap_or_default(),
            })
        }
        let mut reader = Reader::new(input, 1 << 20);
        let (token, _) = reader.root(true)?;
        let result = value(&mut reader, token)?;
        reader.finish()?;
        Ok(result)
    }

    fn error(input: &[u8]) -> String {
        match read(input) {
            Ok(value) => panic!("{:?} read as {value}", String::from_utf8_lossy(input)),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a": [1, -2, 3.5, -0, 1e2, 18446744073709551616, -9223372036854775809], "b": null}"#,
            r#"["\u00e9\ud83d\ude00 \"\\\/\b\f\n\r\t", true, false, {}, [], ""]"#,
            "\n\t 0 \r\n",
            r#"{"镜像": "云手机", "a": {"a": {"a": 1e-400}}}"#,
        ] {
            let expected: Value = serde_json::from_str(text).expect("valid JSON");
            assert_eq!(read(text.as_bytes()).ok(), Some(expected), "{text}");
        }
    }

    #[test]
    fn stops_at_the_first_byte_that_cannot_be_json() {
        assert_eq!(error(b"{\"a\": [1,]}"), "1:10: expected a JSON value, found ']'");
        assert_eq!(error(b"{\"a\" 1}"), "1:6: expected ':' after a member name, found '1'");
        assert_eq!(error(b"[1 2]"), "1:4: expected ',' or ']' after an array item, found '2'");
        assert_eq!(error(b"{\"a\": 1,}"), "1:9: expected a member name in double quotes, found '}'");
        assert_eq!(
            error(b"[01]"),
            "1:3: expected no digit after a leading 0 (JSON numbers have no leading zeros), found '1'"
        );
        assert_eq!(error(b"\n\n  [1e400]"), "3:4: number out of range: 1e400 is beyond a 64-bit float");
        assert_eq!(
            error(b"[\"a\nb\"]"),
            "1:4: control character U+000A in a string: JSON requires it escaped (\\u000A)"
        );
        assert_eq!(
            error(b"[\"\\x\"]"),
            "1:4: 'x' cannot follow '\\' in a string: expected one of \" \\ / b f n r t u"
        );
        assert_eq!(
            error(b"[\"\\ud800\"]"),
            "1:3: \\uD800 is a lone leading surrogate: expected a \\uDC00-\\uDFFF after it"
        );
        assert_eq!(error(b"[\"\xFF\"]"), "1:3: byte 0xFF is not UTF-8");
        assert_eq!(error(b"[\"\xE9\x95\"]"), "1:3: byte 0xE9 is not UTF-8");
        assert_eq!(error(b"\xFF"), "1:1: byte 0xFF is not UTF-8");
        assert_eq!(error("é".as_bytes()), "1:1: expected a JSON value, found 'é'");
        assert_eq!(error(b"[tru]"), "1:5: expected 'e' of `true`, found ']'");
        assert_eq!(error(b"{} {}"), "1:4: expected the end of the input after the JSON value, found '{'");
        assert_eq!(error(b"[\"abc"), "1:6: the input ends where the closing '\"' of a string was expected");
        assert_eq!(error(b"{\"a\":"), "1:6: the input ends where a JSON value was expected");
        assert!(matches!(read(b" \n ").map_err(|error| *error), Err(Error::Empty)));
        assert!(matches!(read(b"\xEF\xBB\xBF{}").map_err(|error| *error), Err(Error::ByteOrderMark)));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(error(deep.as_bytes()), "1:129: more than 128 nested arrays and objects");
        let deepest = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read(deepest.as_bytes()).is_ok());
    }

    #[test]
    fn plain_runs_end_at_the_first_special_byte() {
        for text in [
            "",
            "abc",
            "abcdefgh",
            "abcdefghij\"",
            "镜像镜像\\n",
            "abcdefg\u{1f}",
            "\"",
            "a\u{7f}\u{80}é!!!!!!!!\"",
        ] {
            for start in 0..text.len() {
                let bytes = &text.as_bytes()[start..];
                let expected =
                    bytes.iter().position(|&byte| SPECIAL[usize::from(byte)]).unwrap_or(bytes.len());
                assert_eq!(plain_run(bytes), expected, "{text:?} from {start}");
            }
        }
    }

    #[test]
    fn a_character_cut_by_the_buffer_is_read_whole() {
        // Strings of three-byte characters that straddle every buffer boundary.
        let text = format!("[\"{}\", \"a{}\"]", "镜".repeat(BUFFER), "镜".repeat(BUFFER));
        let expected: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(read(text.as_bytes()).ok(), Some(expected));
    }

    #[test]
    fn refuses_strings_longer_than_its_limit() {
        let text = format!("[\"{}\"]", "a".repeat(100));
        let mut reader = Reader::new(text.as_bytes(), 10);
        assert!(matches!(reader.root(true), Ok((Token::Array, _))));
        assert!(reader.next_item(true).unwrap_or_default());
        assert!(matches!(
            reader.value(true).map_err(|error| *error),
            Err(Error::TooLong { what: "string", .. })
        ));
        let mut reader = Reader::new(text.as_bytes(), 10);
        let _ = reader.root(false);
        let _ = reader.next_item(true);
        assert!(matches!(reader.value(false), Ok((Token::String, _))), "a string skipped is not held");
    }
}
