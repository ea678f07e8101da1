//! Reading JSON files with errors that name the file, the line and the column, and finding
//! the line and column of a JSON pointer in a file's text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// A file that could not be read as JSON.
#[derive(Debug, thiserror::Error)]
pub enum JsonFileError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: expected valid JSON: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{}: the file is empty: expected a JSON value", path.display())]
    Empty { path: PathBuf },
    #[error(
        "{}:1:1: the file starts with a UTF-8 byte-order mark, which JSON (RFC 8259) does not allow: save it without one",
        path.display()
    )]
    ByteOrderMark { path: PathBuf },
    #[error("{}:{line}:{column}: byte 0x{byte:02X} is not UTF-8: JSON text is UTF-8", path.display())]
    NotUtf8 { path: PathBuf, line: usize, column: usize, byte: u8 },
}

impl JsonFileError {
    /// The same error, naming the file `path` instead.
    #[must_use]
    pub fn with_path(self, path: PathBuf) -> Self {
        match self {
            Self::Read { source, .. } => Self::Read { path, source },
            Self::Syntax { line, column, message, .. } => Self::Syntax { path, line, column, message },
            Self::Empty { .. } => Self::Empty { path },
            Self::ByteOrderMark { .. } => Self::ByteOrderMark { path },
            Self::NotUtf8 { line, column, byte, .. } => Self::NotUtf8 { path, line, column, byte },
        }
    }
}

/// Reads and parses `path`; the error says where the JSON breaks.
pub fn read(path: &Path) -> Result<Value, JsonFileError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| JsonFileError::Read { path: path.to_owned(), source })?;
    parse(path, &text)
}

/// Parses `text`, naming `path` in the error.
pub fn parse(path: &Path, text: &str) -> Result<Value, JsonFileError> {
    serde_json::from_str(text).map_err(|error| syntax(path, &error))
}

/// The error of serde_json as a [`JsonFileError::Syntax`] naming `path`.
pub fn syntax(path: &Path, error: &serde_json::Error) -> JsonFileError {
    // serde_json appends " at line L column C"; we print the place in front instead.
    let message = error.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head);
    JsonFileError::Syntax {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        message: message.to_owned(),
    }
}

/// The bytes of `path` as JSON text, or why they cannot be: empty, a byte-order mark, or not
/// UTF-8, each said plainly rather than as the parser's "expected value".
pub fn text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, JsonFileError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(JsonFileError::ByteOrderMark { path: path.to_owned() });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        // Everything before `offset` is UTF-8, so the line and column can be counted there.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, column) = line_column(valid, offset);
        JsonFileError::NotUtf8 { path: path.to_owned(), line, column, byte: bytes[offset] }
    })?;
    if text.trim_ascii().is_empty() {
        return Err(JsonFileError::Empty { path: path.to_owned() });
    }
    Ok(text)
}

/// The one-based line and column of byte `offset` in `text`; columns count bytes, as
/// serde_json's do.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut lines = Lines::default();
    lines.at(text.as_bytes(), offset)
}

/// Lines and columns of increasing offsets, counted in one pass however many are asked.
#[derive(Debug, Default)]
pub struct Lines {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl Lines {
    /// The line and column of `offset`, which must not be less than the previous one asked.
    pub fn at(&mut self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        if offset < self.offset {
            *self = Self::default();
        }
        let span = &bytes[self.offset..offset];
        #[allow(clippy::naive_bytecount, reason = "the compiler vectorises it; not worth a crate")]
        let newlines = span.iter().filter(|&&byte| byte == b'\n').count();
        self.line += newlines;
        if let Some(last) = span.iter().rposition(|&byte| byte == b'\n') {
            self.line_start = self.offset + last + 1;
        }
        self.offset = offset;
        (self.line + 1, offset - self.line_start + 1)
    }
}

/// The byte offset where the value at each of `pointers` starts in the JSON `text`. One pass
/// that descends only into the containers on the way to a pointer, skips everything else, and
/// stops once all are found; it keeps no copy of the document. A pointer that is not in the
/// text (or text that is not JSON) is left out.
pub fn locate(text: &str, pointers: &[&str]) -> HashMap<String, usize> {
    let mut root = Trie::default();
    for pointer in pointers {
        root.insert(pointer);
    }
    let mut scanner =
        Scanner { bytes: text.as_bytes(), text, pos: 0, found: HashMap::new(), wanted: root.count() };
    scanner.value(&root);
    scanner.found
}

/// The pointers asked for, token by token.
#[derive(Debug, Default)]
struct Trie<'p> {
    /// The pointer that ends here, if one does.
    pointer: Option<&'p str>,
    children: HashMap<String, Trie<'p>>,
}

impl<'p> Trie<'p> {
    fn insert(&mut self, pointer: &'p str) {
        let mut node = self;
        if !pointer.is_empty() {
            for token in pointer.strip_prefix('/').unwrap_or(pointer).split('/') {
                node = node.children.entry(crate::pointer::unescape(token)).or_default();
            }
        }
        node.pointer = Some(pointer);
    }

    fn count(&self) -> usize {
        usize::from(self.pointer.is_some()) + self.children.values().map(Trie::count).sum::<usize>()
    }
}

/// The bytes that open or close a container or a string: all that skipping a value looks at.
static STRUCTURAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'{' as usize] = true;
    table[b'}' as usize] = true;
    table[b'[' as usize] = true;
    table[b']' as usize] = true;
    table
};

struct Scanner<'t> {
    bytes: &'t [u8],
    text: &'t str,
    pos: usize,
    found: HashMap<String, usize>,
    wanted: usize,
}

impl<'t> Scanner<'t> {
    fn done(&self) -> bool {
        self.found.len() >= self.wanted
    }

    fn whitespace(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.bytes.get(self.pos) == Some(&byte)).then(|| self.pos += 1)
    }

    /// Walks the value at `pos`, recording it if `node` names it; `None` when the text
    /// ends early or is not JSON.
    fn value(&mut self, node: &Trie<'_>) -> Option<()> {
        self.whitespace();
        if let Some(pointer) = node.pointer {
            self.found.insert(pointer.to_owned(), self.pos);
        }
        if node.children.is_empty() || self.done() {
            return self.skip();
        }
        match *self.bytes.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                if self.eat(b'}').is_some() {
                    return Some(());
                }
                loop {
                    self.whitespace();
                    let key = self.string()?;
                    self.eat(b':')?;
                    match node.children.get(key.as_ref()) {
                        Some(child) => self.value(child)?,
                        None => self.skip()?,
                    }
                    if self.done() {
                        return Some(());
                    }
                    if self.eat(b',').is_none() {
                        return self.eat(b'}');
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                if self.eat(b']').is_some() {
                    return Some(());
                }
                let indexes: HashMap<usize, &Trie<'_>> = node
                    .children
                    .iter()
                    .filter_map(|(token, child)| Some((token.parse().ok()?, child)))
                    .collect();
                for index in 0.. {
                    match indexes.get(&index) {
                        Some(child) => self.value(child)?,
                        None => self.skip()?,
                    }
                    if self.done() {
                        return Some(());
                    }
                    if self.eat(b',').is_none() {
                        break;
                    }
                }
                self.eat(b']')
            }
            _ => self.skip(),
        }
    }

    /// The string at `pos`, unescaped.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        let start = self.pos;
        self.skip_string()?;
        let raw = self.text.get(start..self.pos)?;
        if raw.contains('\\') {
            serde_json::from_str::<String>(raw).ok().map(Cow::Owned)
        } else {
            raw.get(1..raw.len() - 1).map(Cow::Borrowed)
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        (self.bytes.get(self.pos) == Some(&b'"')).then_some(())?;
        self.pos += 1;
        loop {
            self.pos += self.bytes.get(self.pos..)?.iter().position(|&byte| byte == b'"' || byte == b'\\')?;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Some(());
            }
            self.pos += 2;
        }
    }

    /// Moves past the value at `pos` without looking inside it.
    fn skip(&mut self) -> Option<()> {
        self.whitespace();
        match *self.bytes.get(self.pos)? {
            b'"' => self.skip_string(),
            b'{' | b'[' => {
                let mut depth = 0_usize;
                loop {
                    // Jump to the next byte that matters: most bytes of a value are not one.
                    self.pos +=
                        self.bytes.get(self.pos..)?.iter().position(|&byte| STRUCTURAL[usize::from(byte)])?;
                    match self.bytes[self.pos] {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        _ => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while self.bytes.get(self.pos).is_some_and(|&byte| !b",]} \t\r\n".contains(&byte)) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_the_start_of_each_value() {
        let text = "{\n  \"a\": [1, {\"b~/\": \"x\"}],\n  \"c\\u0064\": null, \"e\": {}\n}";
        let found = locate(text, &["", "/a/1/b~0~1", "/a/0", "/cd", "/e", "/missing", "/a/7"]);
        let at = |pointer: &str| found.get(pointer).map(|&offset| line_column(text, offset));
        assert_eq!(at(""), Some((1, 1)));
        assert_eq!(at("/a/0"), Some((2, 9)));
        assert_eq!(at("/a/1/b~0~1"), Some((2, 20)));
        assert_eq!(at("/cd"), Some((3, 14)));
        assert_eq!(at("/e"), Some((3, 25)));
        assert_eq!(at("/missing"), None);
        assert_eq!(at("/a/7"), None);
    }

    #[test]
    fn names_what_is_not_json_text() {
        let path = Path::new("f.json");
        assert!(matches!(text(path, b" \n"), Err(JsonFileError::Empty { .. })));
        assert!(matches!(text(path, b"\xEF\xBB\xBF{}"), Err(JsonFileError::ByteOrderMark { .. })));
        assert!(matches!(
            text(path, b"{\n \"a\": \"\xFF\"}"),
            Err(JsonFileError::NotUtf8 { line: 2, column: 8, byte: 0xFF, .. })
        ));
        assert_eq!(text(path, b"[]").ok(), Some("[]"));
    }
}
