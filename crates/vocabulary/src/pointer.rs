//! JSON pointers (RFC 6901): every message about a JSON value names its place with one.

use std::fmt::Write;

/// Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`.
pub fn escape(token: &str) -> String {
    // One pass, and a plain copy for a token with nothing to escape (nearly all): every walk
    // of a document escapes each key it meets.
    if !token.contains(['~', '/']) {
        return token.to_owned();
    }
    let mut escaped = String::with_capacity(token.len() + 4);
    for character in token.chars() {
        match character {
            '~' => escaped.push_str("~0"),
            '/' => escaped.push_str("~1"),
            _ => escaped.push(character),
        }
    }
    escaped
}

/// Appends `/` and the escaped `token` to `pointer`, allocating nothing when the token needs
/// no escape (nearly always): the streaming validator does this for every member it meets.
pub fn push(pointer: &mut String, token: &str) {
    pointer.push('/');
    if token.bytes().any(|byte| byte == b'~' || byte == b'/') {
        pointer.push_str(&escape(token));
    } else {
        pointer.push_str(token);
    }
}

/// Undoes [`escape`].
pub fn unescape(token: &str) -> String {
    if !token.contains('~') {
        return token.to_owned();
    }
    token.replace("~1", "/").replace("~0", "~")
}

/// Joins reference tokens into a pointer (`""` for none, the whole document).
pub fn join<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    tokens.into_iter().fold(String::new(), |mut pointer, token| {
        push(&mut pointer, token);
        pointer
    })
}

/// The pointer to where serde stopped, from `serde_path_to_error`'s path.
pub fn from_serde_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(pointer, "/{index}");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                let _ = write!(pointer, "/{}", escape(key));
            }
            Segment::Unknown => {}
        }
    }
    pointer
}

/// The pointer as a URI fragment: percent-encodes what RFC 3986 does not allow there,
/// such as the braces of a templated path.
pub fn to_uri_fragment(pointer: &str) -> String {
    let mut fragment = String::with_capacity(pointer.len());
    for byte in pointer.bytes() {
        let allowed = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte);
        if allowed {
            fragment.push(char::from(byte));
        } else {
            let _ = write!(fragment, "%{byte:02X}");
        }
    }
    fragment
}

/// Undoes [`to_uri_fragment`] (and any other percent-encoding), for the keyword locations
/// the validator reports as URIs. A malformed escape is kept as it is.
pub fn from_uri_fragment(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        if let Some(byte) = escaped {
            decoded.push(byte);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| fragment.to_owned())
}

/// Shows the root pointer as `/` in messages, where an empty string would read as nothing.
pub fn display(pointer: &str) -> &str {
    if pointer.is_empty() { "/" } else { pointer }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_in_the_order_rfc_6901_requires() {
        // Each token, escaped, and unescaped back.
        for (token, escaped) in [
            ("a/b~c", "a~1b~0c"),
            ("~1", "~01"),
            ("/~/", "~1~0~1"),
            ("plain", "plain"),
            ("", ""),
            ("é/", "é~1"),
        ] {
            assert_eq!(escape(token), escaped);
            assert_eq!(unescape(escaped), token);
        }
        assert_eq!(
            join(["paths", "/v1/{project_id}/images", "get"]),
            "/paths/~1v1~1{project_id}~1images/get"
        );
        assert_eq!(join([]), "");
        let mut pointer = String::from("/a");
        push(&mut pointer, "b/~c");
        push(&mut pointer, "d");
        assert_eq!(pointer, "/a/b~1~0c/d");
        assert_eq!(to_uri_fragment("/paths/~1v1~1{id}/get"), "/paths/~1v1~1%7Bid%7D/get");
        assert_eq!(to_uri_fragment("/a b/é"), "/a%20b/%C3%A9");
        for pointer in ["/paths/~1v1~1{id}/get", "/a b/é", "/100%/%zz"] {
            assert_eq!(from_uri_fragment(&to_uri_fragment(pointer)), pointer);
        }
    }
}
