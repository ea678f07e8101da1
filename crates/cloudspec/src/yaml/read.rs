//! Reading a YAML file, with the line and column of whatever stops it, always: the bytes as
//! text (YAML files here are UTF-8, and YAML 1.2 allows only printable characters plus tab
//! and line breaks; the YAML parser refuses both too, but without saying where), then the
//! text as one document (the parser says where, except of a second document).

use serde::de::DeserializeOwned;

/// Why bytes are not a YAML document, and where.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line} column {column}: {message}")]
pub struct NotText {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// `bytes` as text, or the first byte or character YAML cannot read.
pub(crate) fn text(bytes: &[u8]) -> Result<&str, NotText> {
    let (valid, bad_byte) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            (valid, Some(bytes[error.valid_up_to()]))
        }
    };
    let forbidden = valid.char_indices().find(|&(_, character)| !allowed(character));
    let (offset, message) = match (forbidden, bad_byte) {
        (Some((offset, character)), _) => {
            (offset, format!("character U+{:04X} is not allowed in YAML", u32::from(character)))
        }
        (None, Some(byte)) => (valid.len(), format!("byte 0x{byte:02X} is not UTF-8")),
        (None, None) => return Ok(valid),
    };
    let before = &valid[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Err(NotText { line: before.matches('\n').count() + 1, column: offset - line_start + 1, message })
}

/// `text` read as one YAML document into `T`, or where and why it cannot be.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, NotText> {
    yaml_serde::from_str(text).map_err(|error| {
        let message = error.to_string();
        match error.location() {
            Some(at) => {
                let (line, column) = (at.line(), at.column());
                let message = message.replacen(&format!(" at line {line} column {column}"), "", 1);
                NotText { line, column, message }
            }
            None => match second_document(text) {
                Some((line, column)) => NotText {
                    line,
                    column,
                    message: "a second YAML document starts here; a file holds one".to_owned(),
                },
                // What the parser places nowhere is about the document as a whole.
                None => NotText { line: 1, column: 1, message },
            },
        }
    })
}

/// Where the second document of `text` starts: the parser refuses a second document without
/// saying where, so it is read on its own, refusing its first node, whose place the parser does
/// give.
fn second_document(text: &str) -> Option<(usize, usize)> {
    /// Accepts nothing, so that the error names the first node it is shown.
    struct Nothing;
    impl serde::de::Visitor<'_> for Nothing {
        type Value = ();
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("nothing")
        }
    }
    let second = yaml_serde::Deserializer::from_str(text).nth(1)?;
    let error = serde::Deserializer::deserialize_any(second, Nothing).err()?;
    error.location().map(|at| (at.line(), at.column()))
}

/// YAML 1.2's printable characters (section 5.1), with the byte-order mark it allows.
fn allowed(character: char) -> bool {
    matches!(character,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{85}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_place_of_what_yaml_cannot_read() {
        assert_eq!(text(b"a: b\n").ok(), Some("a: b\n"));
        assert_eq!(text("a: 镜\n".as_bytes()).ok(), Some("a: 镜\n"));
        assert_eq!(
            text(b"a: b\nc: \x00").map_err(|error| error.to_string()),
            Err("line 2 column 4: character U+0000 is not allowed in YAML".to_owned())
        );
        assert_eq!(
            text(b"a:\n  - \xFF").map_err(|error| error.to_string()),
            Err("line 2 column 5: byte 0xFF is not UTF-8".to_owned())
        );
    }

    #[test]
    fn names_the_place_of_what_stops_a_document() {
        let read = |text: &str| parse::<serde_json::Value>(text).map_err(|error| error.to_string());
        assert_eq!(
            read("a: [b\n"),
            Err("line 2 column 1: did not find expected ',' or ']', while \
            parsing a flow sequence at line 1 column 4"
                .to_owned())
        );
        for (text, line, column) in [
            ("a: b\n---\nc: d\n", 3, 1),
            ("---\na: b\n--- \n  c\n", 4, 3),
            ("#\n Generated. Do not edit: change the types.\nopenapi: 3.1.0\n", 3, 1),
            ("a: b\n...\n\nc: d\n", 4, 1),
        ] {
            assert_eq!(
                read(text),
                Err(format!(
                    "line {line} column {column}: a second YAML document starts here; a file holds one"
                )),
                "{text:?}"
            );
        }
        assert_eq!(read("%YAML 1.2\n---\na: b\n...\n").ok(), Some(serde_json::json!({"a": "b"})));
    }
}
