//! A body kept as base64 (`content.encoding: base64`) decoded as its text is read: ASCII
//! whitespace between the symbols is skipped, as tools that wrap base64 lines write it, and
//! the rest goes through the `base64` crate's streaming decoder (standard alphabet, padded).
//!
//! Text that is not base64 stops the decoding; the reason is kept ([`Decoder::error`]), and
//! the reader of the decoded bytes sees only that they stopped.

use std::io::{self, Read};

use base64::engine::general_purpose::{GeneralPurpose, STANDARD};
use base64::read::DecoderReader;

/// The bytes that may stand in base64 text: its alphabet, its padding, and the whitespace
/// skipped between them. A text with any other byte is not base64.
pub(super) static BASE64: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte: u8 = 0;
    loop {
        table[byte as usize] =
            byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=') || is_space(byte);
        if byte == u8::MAX {
            break;
        }
        byte += 1;
    }
    table
};

/// The whitespace skipped between symbols: what `str::split_ascii_whitespace` splits on.
const fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r')
}

/// The decoded bytes of the base64 text `R` reads.
pub(super) struct Decoder<R: Read> {
    inner: DecoderReader<'static, GeneralPurpose, Compact<R>>,
    /// How many bytes were decoded.
    length: u64,
    error: Option<String>,
}

impl<R: Read> Decoder<R> {
    pub(super) fn new(text: R) -> Self {
        Self { inner: DecoderReader::new(Compact(text), &STANDARD), length: 0, error: None }
    }

    /// Decodes the rest of the text, keeping nothing: the decoded length of the whole text, or
    /// why it is not base64. An error of the text's own reader is the caller's to ask it for.
    pub(super) fn finish(&mut self) -> io::Result<Result<u64, String>> {
        if self.error.is_none() {
            let mut scratch = [0; 4096];
            loop {
                match self.read(&mut scratch) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(_) if self.error.is_some() => break,
                    Err(error) => return Err(error),
                }
            }
        }
        Ok(self.error.clone().map_or(Ok(self.length), Err))
    }
}

impl<R: Read> Read for Decoder<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(out) {
            Ok(read) => {
                self.length += read as u64;
                Ok(read)
            }
            // The decoder's own errors are of this kind; the text reader's are not.
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                let reason = error.into_inner().map_or_else(String::new, |inner| inner.to_string());
                self.error = Some(format!("the text is not base64, as `encoding` says: {reason}"));
                Err(io::Error::other("not base64"))
            }
            Err(error) => Err(error),
        }
    }
}

/// The text without its ASCII whitespace.
struct Compact<R>(R);

impl<R: Read> Read for Compact<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            let read = self.0.read(out)?;
            if read == 0 {
                return Ok(0);
            }
            let mut kept = 0;
            for index in 0..read {
                let byte = out[index];
                if !is_space(byte) {
                    out[kept] = byte;
                    kept += 1;
                }
            }
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> Result<(String, u64), String> {
        let mut decoder = Decoder::new(text.as_bytes());
        let mut body = String::new();
        let read = decoder.read_to_string(&mut body);
        let length = decoder.finish().expect("the text is read")?;
        assert!(read.is_ok(), "the text is decoded whole");
        Ok((body, length))
    }

    #[test]
    fn whitespace_between_symbols_is_skipped_and_anything_else_stops_the_decoding() {
        assert_eq!(decode("eyJhIjoxfQ=="), Ok(("{\"a\":1}".into(), 7)));
        assert_eq!(decode(" eyJh\r\nIjox fQ==\n"), Ok(("{\"a\":1}".into(), 7)));
        assert_eq!(decode(""), Ok((String::new(), 0)));
        assert_eq!(
            decode("{\"a\":1}"),
            Err("the text is not base64, as `encoding` says: Invalid symbol 123, offset 0.".into())
        );
        assert_eq!(
            decode("eyJhIjoxfQ"),
            Err("the text is not base64, as `encoding` says: Invalid padding".into())
        );
        assert!(BASE64[usize::from(b'=')] && BASE64[usize::from(b'\n')] && !BASE64[usize::from(b'{')]);
    }
}
