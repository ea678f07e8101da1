//! The bytes of a YAML file as text, or the line and column of the first that cannot be: YAML
//! files here are UTF-8, and YAML 1.2 allows only printable characters (plus tab and line
//! breaks). The YAML parser refuses both too, but without saying where.

/// Why bytes are not YAML text, and where.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line} column {column}: {message}")]
pub struct NotText {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// `bytes` as text, or the first byte or character YAML cannot read.
pub fn text(bytes: &[u8]) -> Result<&str, NotText> {
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
}
