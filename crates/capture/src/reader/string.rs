//! A JSON string read as a stream of its unescaped UTF-8 bytes, for strings too long to
//! hold: a HAR body's `text`, which is itself a document to check as it is read.
//!
//! What is wrong with the string as JSON (a bad escape, a control character, bytes that are not
//! UTF-8, the input ending inside it) is an error of the outer document, not of what it
//! holds: it is kept ([`StringRead::error`]) for the caller of the outer reader, and whoever
//! reads the stream sees only that it stopped.

use std::io::{self, Read};

use super::{Error, Position, Reader};

/// The text of the string whose opening quote [`Reader::string_ahead`] read, as [`Read`]; the
/// closing quote ends it. Whatever is not read of it is read past by [`Self::finish`].
pub struct StringRead<'r, R> {
    reader: &'r mut Reader<R>,
    at: Position,
    /// How many bytes from the reader's position are plain and valid UTF-8.
    plain: usize,
    /// The UTF-8 bytes of an escaped character, from `pending.0` to `pending.1`.
    escaped: [u8; 4],
    pending: (usize, usize),
    done: bool,
    /// How many bytes of text were handed out or read past.
    length: u64,
    error: Option<Box<Error>>,
}

impl<R> std::fmt::Debug for StringRead<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StringRead")
            .field("at", &self.at)
            .field("length", &self.length)
            .finish_non_exhaustive()
    }
}

impl<'r, R: Read> StringRead<'r, R> {
    /// The string that starts `at`, whose opening quote `reader` has read.
    pub fn new(reader: &'r mut Reader<R>, at: Position) -> Self {
        Self { reader, at, plain: 0, escaped: [0; 4], pending: (0, 0), done: false, length: 0, error: None }
    }

    /// Why the string is not JSON, once reading it stopped for that.
    pub fn error(&mut self) -> Option<Box<Error>> {
        self.error.take()
    }

    /// Reads past the rest of the string, to its closing quote; the length of its text in bytes,
    /// or why it is not JSON.
    pub fn finish(&mut self) -> Result<u64, Box<Error>> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        loop {
            let (start, end) = self.pending;
            self.length += (end - start + self.plain) as u64;
            self.reader.pos += self.plain;
            self.plain = 0;
            self.pending = (0, 0);
            if self.done {
                return Ok(self.length);
            }
            self.advance()?;
        }
    }

    /// The byte a two-byte escape at the reader's position stands for (`\\n`, `\\"`...), read
    /// past: the escapes of a JSON body's text, which has one every few bytes, without the
    /// detour through [`Self::advance`]. `None`, reading nothing, for anything else.
    #[inline]
    fn short_escape(&mut self) -> Option<u8> {
        let reader = &mut *self.reader;
        let [b'\\', escaped] = *reader.buffer[..reader.end].get(reader.pos..reader.pos + 2)? else {
            return None;
        };
        let byte = match escaped {
            b'"' | b'\\' | b'/' => escaped,
            b'b' => 0x08,
            b'f' => 0x0C,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            _ => return None,
        };
        reader.pos += 2;
        Some(byte)
    }

    /// Makes the next piece of text ready: a run of plain bytes, an escaped character, or the
    /// end of the string.
    fn advance(&mut self) -> Result<(), Box<Error>> {
        let reader = &mut *self.reader;
        loop {
            let run = reader.plain(|_, _| {})?;
            if run > 0 {
                self.plain = run;
                return Ok(());
            }
            let Some(byte) = reader.peek()? else {
                return Err(reader.end_of_input("the closing '\"' of a string"));
            };
            match byte {
                b'"' => {
                    reader.pos += 1;
                    self.done = true;
                    return Ok(());
                }
                b'\\' => {
                    let character = reader.escaped()?;
                    self.pending = (0, character.encode_utf8(&mut self.escaped).len());
                    return Ok(());
                }
                byte if byte < 0x20 => return Err(reader.control(byte)),
                // The run stopped at the end of the buffer, which `peek` refilled.
                _ => {}
            }
        }
    }
}

impl<R: Read> Read for StringRead<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.error.is_some() {
            return Err(stopped());
        }
        let mut written = 0;
        while written < out.len() {
            let (start, end) = self.pending;
            if start < end {
                let count = (end - start).min(out.len() - written);
                out[written..written + count].copy_from_slice(&self.escaped[start..start + count]);
                self.pending.0 += count;
                written += count;
            } else if self.plain > 0 {
                let count = self.plain.min(out.len() - written);
                let from = self.reader.pos;
                out[written..written + count].copy_from_slice(&self.reader.buffer[from..from + count]);
                self.reader.pos += count;
                self.plain -= count;
                written += count;
            } else if self.done {
                break;
            } else if let Some(byte) = self.short_escape() {
                out[written] = byte;
                written += 1;
            } else if let Err(error) = self.advance() {
                self.error = Some(error);
                if written == 0 {
                    return Err(stopped());
                }
                break;
            }
        }
        self.length += written as u64;
        Ok(written)
    }
}

/// What a reader of the text sees when the string is not JSON: the reason is the outer
/// reader's ([`StringRead::error`]).
fn stopped() -> io::Error {
    io::Error::other("the string is not JSON here")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the one string of `input` read through a stream of `chunk` bytes a read, and
    /// its length, or the error; the outer reader's buffer is 4 bytes, so that characters and
    /// escapes straddle its refills.
    fn text(input: &str, chunk: usize) -> Result<(String, u64), String> {
        let mut reader = Reader::with_buffer(input.as_bytes(), 0, 4);
        let at = reader.string_ahead().map_err(|error| error.to_string())?.ok_or("not a string")?;
        let mut string = StringRead::new(&mut reader, at);
        let mut bytes = Vec::new();
        let mut piece = vec![0; chunk];
        loop {
            match string.read(&mut piece) {
                Ok(0) => break,
                Ok(read) => bytes.extend_from_slice(&piece[..read]),
                Err(_) => {
                    return Err(string.error().map_or_else(|| "no reason".to_owned(), |e| e.to_string()));
                }
            }
        }
        let length = string.finish().map_err(|error| error.to_string())?;
        Ok((String::from_utf8(bytes).map_err(|error| error.to_string())?, length))
    }

    #[test]
    fn the_text_is_what_serde_json_reads_whatever_the_pieces() {
        for input in [
            r#""""#,
            r#""plain""#,
            r#""{\"a\": [1, \"\u00e9\ud83d\ude00\"],\n \"b\": \"\\\/\b\f\r\t\"}""#,
            "\"镜像云手机 and more 镜像\"",
        ] {
            let expected: String = serde_json::from_str(input).expect("a JSON string");
            for chunk in [1, 2, 3, 5, 64] {
                assert_eq!(
                    text(input, chunk),
                    Ok((expected.clone(), expected.len() as u64)),
                    "{input} in pieces of {chunk}"
                );
            }
        }
    }

    #[test]
    fn what_is_not_json_is_the_outer_readers_error() {
        assert_eq!(
            text("\"ab\\x\"", 8),
            Err("1:5: 'x' cannot follow '\\' in a string: expected one of \" \\ / b f n r t u".into())
        );
        assert_eq!(
            text("\"a\nb\"", 8),
            Err("1:3: control character U+000A in a string: JSON requires it escaped (\\u000A)".into())
        );
        assert_eq!(text("\"a\u{e9}\"", 8).map(|(text, _)| text), Ok("a\u{e9}".into()));
        assert_eq!(
            text("\"abc", 8),
            Err("1:5: the input ends where the closing '\"' of a string was expected".into())
        );
        let mut invalid = b"\"ab".to_vec();
        invalid.extend_from_slice(b"\xFF\"");
        let mut reader = Reader::with_buffer(invalid.as_slice(), 0, 4);
        let at = reader.string_ahead().ok().flatten().expect("a string");
        let mut string = StringRead::new(&mut reader, at);
        assert_eq!(
            string.finish().map_err(|error| error.to_string()),
            Err("1:4: byte 0xFF is not UTF-8".into())
        );
    }
}
