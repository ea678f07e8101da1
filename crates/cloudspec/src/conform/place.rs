//! The stable place of a difference, which accepted entries name: a JSON pointer with what
//! moves without changing what is compared taken out of it.
//!
//! - The compared operation, wherever its file writes it (`/paths/<template>/<method>`,
//!   `/apis/<Name>`), is `operation`, and its path item is `path-item`: moving an RPC action
//!   from `/#Action=X` to `/`, or renaming a path template, moves no entry.
//! - An item of a list is named by what identifies it rather than by its index: a parameter
//!   by its location and name (`parameters[in=query,name=ImageIds]`), an error code by its code
//!   (`[errorCode=InvalidParam]`). Inserting a parameter moves no entry. An item that nothing
//!   identifies, or that shares its identity with another, keeps its index.
//!
//! What sits in `components` (or Swagger's `definitions` and `parameters`) is named by its
//! component already, so its pointer is its place:
//! `operation/parameters[in=query,name=ImageIds]/schema/pattern`,
//! `/components/schemas/PhoneImage/properties/image_id/maxLength`.
//!
//! An entry states a place and what is found there ([`Stated`]); [`Stated::parse`] holds it
//! to this grammar, so a typo is an error where it is written rather than a stale entry.

use std::fmt;

use serde_json::Value;

use cloudspec_schema::{openapi, pointer};

/// What names the compared operation, and its path item, in a place.
const OPERATION: &str = "operation";
const PATH_ITEM: &str = "path-item";

/// What an item selector may not hold, so that a place reads back as it was written.
const RESERVED: [char; 6] = ['[', ']', ',', '=', '/', '~'];

/// What one side has at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A value: a keyword's, or the name of what is present.
    Value(Value),
    /// Nothing: the place is where it would be written.
    Absent,
    /// Whatever is there: what an entry whose place is a pattern (`*` steps) accepts.
    Any,
}

/// A place and what one side has there, as an entry writes it: `place = value` (compact
/// JSON), or `place (absent)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stated {
    pub place: String,
    pub found: Found,
}

impl Stated {
    /// Reads `text`, or says what was expected where it is not.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (place, found) = if let Some(place) = text.strip_suffix(" (absent)") {
            (place, Found::Absent)
        } else if let Some(place) = text.strip_suffix(" (any)") {
            if !steps(place).contains(&"*") {
                return Err(format!("`(any)` goes with a pattern, a place with a `*` step; found {place:?}"));
            }
            (place, Found::Any)
        } else if let Some((place, value)) = text.split_once(" = ") {
            let value = serde_json::from_str(value)
                .map_err(|error| format!("expected a JSON value after ` = `, found {value:?} ({error})"))?;
            (place, Found::Value(value))
        } else {
            return Err(format!("expected `<place> = <JSON value>` or `<place> (absent)`, found {text:?}"));
        };
        check(place)?;
        Ok(Self { place: place.to_owned(), found })
    }
}

impl Stated {
    /// Whether this side of an entry accepts `found`, one side of a difference: the same, or
    /// for a pattern (`*` steps), any place it matches with the same value, or any value.
    pub fn accepts(&self, found: &Self) -> bool {
        if self == found {
            return true;
        }
        steps(&self.place).contains(&"*")
            && matches(&self.place, &found.place)
            && (self.found == Found::Any || self.found == found.found)
    }
}

/// Whether `place` matches `pattern`: the same steps, `*` standing for any one.
pub fn matches(pattern: &str, place: &str) -> bool {
    let pattern = steps(pattern);
    let place = steps(place);
    pattern.len() == place.len()
        && pattern.iter().zip(&place).all(|(want, have)| *want == "*" || want == have)
}

/// The steps of a place: split at each `/` outside an item selector.
pub fn steps(place: &str) -> Vec<&str> {
    let mut steps = Vec::new();
    let (mut depth, mut start) = (0_usize, 0);
    for (index, character) in place.char_indices() {
        match character {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '/' if depth == 0 => {
                steps.push(&place[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    steps.push(&place[start..]);
    steps
}

impl fmt::Display for Stated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.found {
            Found::Value(value) => write!(f, "{} = {value}", self.place),
            Found::Absent => write!(f, "{} (absent)", self.place),
            Found::Any => write!(f, "{} (any)", self.place),
        }
    }
}

impl serde::Serialize for Stated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Parses in the visitor, where a YAML reader still knows the line and column of the string.
impl<'de> serde::Deserialize<'de> for Stated {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Stated;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`<place> = <JSON value>` or `<place> (absent)`")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Stated, E> {
                Stated::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Whether `place` is `operation`, `path-item` or a JSON pointer, followed by steps that are
/// each a `/token` of a pointer or an item selector; if not, what was expected.
fn check(place: &str) -> Result<(), String> {
    let mut rest = [OPERATION, PATH_ITEM]
        .iter()
        .find_map(|head| place.strip_prefix(head))
        .or_else(|| place.starts_with('/').then_some(place))
        .ok_or_else(|| {
            format!("expected a place that starts with `{OPERATION}`, `{PATH_ITEM}` or `/`, found {place:?}")
        })?;
    loop {
        if rest.is_empty() {
            return Ok(());
        } else if let Some(after) = rest.strip_prefix('/') {
            let end = after.find(['/', '[']).unwrap_or(after.len());
            let token = &after[..end];
            if token.replace("~0", "").replace("~1", "").contains('~') {
                return Err(format!("expected `~0` or `~1` in the pointer token {token:?} of {place:?}"));
            }
            rest = &after[end..];
        } else if let Some(end) =
            rest.find(']').filter(|end| rest.starts_with('[') && selects(&rest[1..*end]))
        {
            rest = &rest[end + 1..];
        } else if rest.starts_with('[') {
            let found = rest.find(']').map_or(rest, |end| &rest[..=end]);
            return Err(format!(
                "expected `[in=<location>,name=<name>]`, `[name=<name>]` or `[errorCode=<code>]`, \
                found {found:?} in {place:?}"
            ));
        } else {
            return Err(format!("expected `/` or `[` where {place:?} goes on with {rest:?}"));
        }
    }
}

/// Whether `inner` is what [`selector`] writes between the brackets.
fn selects(inner: &str) -> bool {
    let value = |text: &str, key: &str| {
        text.strip_prefix(key)
            .and_then(|text| text.strip_prefix('='))
            .is_some_and(|value| !value.is_empty() && !value.contains(RESERVED))
    };
    match inner.split_once(',') {
        Some((location, name)) => value(location, "in") && value(name, "name"),
        None => value(inner, "name") || value(inner, "errorCode"),
    }
}

/// The stable place of `at`, a JSON pointer into `file`, where `operation` points at the
/// operation compared.
pub fn of(file: &Value, operation: &str, at: &str) -> String {
    let tokens = split(at);
    let operation = split(operation);
    let path_item = (operation.len() == 3 && operation[0] == "paths").then(|| &operation[..2]);
    let (mut place, skip) = if !operation.is_empty() && tokens.starts_with(&operation) {
        ("operation".to_owned(), operation.len())
    } else if let Some(item) = path_item.filter(|item| tokens.starts_with(item)) {
        ("path-item".to_owned(), item.len())
    } else {
        (String::new(), 0)
    };
    let mut value = file.pointer(&pointer::join(tokens[..skip].iter().map(String::as_str)));
    for token in &tokens[skip..] {
        let list = value.and_then(Value::as_array);
        match (list, token.parse::<usize>()) {
            (Some(list), Ok(index)) if index < list.len() => {
                place.push_str(&selector(file, list, index));
                value = list.get(index);
            }
            _ => {
                pointer::push(&mut place, token);
                value = value.and_then(|value| value.get(token.as_str()));
            }
        }
    }
    if place.is_empty() { "/".to_owned() } else { place }
}

/// The JSON pointer of `place` in `file`, where `operation` points at the operation: the
/// inverse of [`of`]; `None` where nothing is there.
pub fn resolve(file: &Value, operation: &str, place: &str) -> Option<String> {
    let (mut at, mut rest) = if let Some(rest) = place.strip_prefix(OPERATION) {
        (operation.to_owned(), rest)
    } else if let Some(rest) = place.strip_prefix(PATH_ITEM) {
        (operation.rsplit_once('/').map_or("", |(item, _)| item).to_owned(), rest)
    } else {
        (String::new(), place)
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            let wanted = &after[..end];
            let list = file.pointer(&at)?.as_array()?;
            let index = list.iter().position(|item| {
                let (item, _) = openapi::resolve(file, item, "");
                wanted.split(',').all(|pair| {
                    pair.split_once('=')
                        .is_some_and(|(key, value)| item.get(key).and_then(Value::as_str) == Some(value))
                })
            })?;
            at = format!("{at}/{index}");
            rest = &after[end + 1..];
        } else {
            let after = rest.strip_prefix('/')?;
            let end = after.find(['/', '[']).unwrap_or(after.len());
            at = format!("{at}/{}", &after[..end]);
            rest = &after[end..];
        }
    }
    file.pointer(&at).map(|_| at)
}

fn split(at: &str) -> Vec<String> {
    if at.is_empty() { Vec::new() } else { at.split('/').skip(1).map(pointer::unescape).collect() }
}

/// `[in=query,name=X]`, `[name=X]` or `[errorCode=X]` when that names the item alone in its
/// list (and holds none of [`RESERVED`]); `/<index>` otherwise.
fn selector(file: &Value, list: &[Value], index: usize) -> String {
    let identity = |item: &Value| {
        let (item, _) = openapi::resolve(file, item, "");
        let text = |key: &str| {
            item.get(key)
                .and_then(Value::as_str)
                .filter(|value| !value.is_empty() && !value.contains(RESERVED))
        };
        match (text("in"), text("name"), text("errorCode")) {
            (Some(location), Some(name), _) => Some(format!("in={location},name={name}")),
            (None, Some(name), _) => Some(format!("name={name}")),
            (_, None, Some(code)) => Some(format!("errorCode={code}")),
            _ => None,
        }
    };
    match identity(&list[index]) {
        Some(found) if list.iter().filter(|item| identity(item).as_ref() == Some(&found)).count() == 1 => {
            format!("[{found}]")
        }
        _ => format!("/{index}"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn names_the_operation_and_list_items_by_what_identifies_them() {
        let file = json!({
            "paths": {"/v1/{id}": {
                "parameters": [{"name": "id", "in": "path"}],
                "get": {
                    "parameters": [{"$ref": "#/parameters/Token"}, {"name": "a", "in": "query"},
                                   {"name": "b", "in": "query"}, {"name": "b", "in": "query"}, {"x": 1}],
                    "responses": {"400": {}},
                },
            }},
            "parameters": {"Token": {"name": "X-Auth-Token", "in": "header"}},
            "apis": {"List": {"errorCodes": {"400": [{"errorCode": "Bad"}]}}},
        });
        let operation = "/paths/~1v1~1{id}/get";
        let place = |at: &str| of(&file, operation, at);
        assert_eq!(
            place("/paths/~1v1~1{id}/get/parameters/1/schema"),
            "operation/parameters[in=query,name=a]/schema"
        );
        assert_eq!(
            place("/paths/~1v1~1{id}/get/parameters/0"),
            "operation/parameters[in=header,name=X-Auth-Token]"
        );
        assert_eq!(place("/paths/~1v1~1{id}/get/parameters/2"), "operation/parameters/2", "b is not alone");
        assert_eq!(place("/paths/~1v1~1{id}/get/parameters/4"), "operation/parameters/4");
        assert_eq!(place("/paths/~1v1~1{id}/get/responses/400"), "operation/responses/400");
        assert_eq!(place("/paths/~1v1~1{id}/get"), "operation");
        assert_eq!(place("/paths/~1v1~1{id}/parameters/0/in"), "path-item/parameters[in=path,name=id]/in");
        assert_eq!(place("/paths/~1v1~1{id}"), "path-item");
        assert_eq!(place("/parameters/Token/maxLength"), "/parameters/Token/maxLength");
        assert_eq!(place(""), "/");
        assert_eq!(
            of(&file, "/apis/List", "/apis/List/errorCodes/400/0/errorCode"),
            "operation/errorCodes/400[errorCode=Bad]/errorCode"
        );
        assert_eq!(of(&file, "/apis/List", "/info/style"), "/info/style");
        assert_eq!(place("/paths/~1v1~1{id}/get/parameters/9/schema"), "operation/parameters/9/schema");
    }

    #[test]
    fn a_stated_place_reads_back_as_written() {
        for text in [
            "operation = [\"get\"]",
            "path-item = \"/v1/{project_id}/items\"",
            "operation/parameters[in=query,name=ImageIds]/schema/pattern = \"^a = b$\"",
            "operation/errorCodes/400[errorCode=Bad]/errorCode = \"Bad\"",
            "operation/parameters/2[name=x]/schema (absent)",
            "/components/schemas/A~1B/properties (absent)",
            "/ (absent)",
        ] {
            let stated = Stated::parse(text).unwrap_or_else(|error| panic!("{text}: {error}"));
            assert_eq!(stated.to_string(), text);
        }
        let stated = Stated::parse("operation/x = 10").expect("a place");
        assert_eq!(stated, Stated { place: "operation/x".into(), found: Found::Value(json!(10)) });
    }

    /// Each way to get a place wrong, and what the error says was expected.
    #[test]
    fn a_malformed_place_says_what_was_expected() {
        for (text, expected) in [
            ("operation/x", "expected `<place> = <JSON value>` or `<place> (absent)`, found \"operation/x\""),
            ("operation/x = gold", "expected a JSON value after ` = `, found \"gold\""),
            (
                "parameters/0 (absent)",
                "expected a place that starts with `operation`, `path-item` or `/`, found \"parameters/0\"",
            ),
            ("operations/x (absent)", "expected `/` or `[` where \"operations/x\" goes on with \"s/x\""),
            (
                "operation/parameters[query,ImageIds] (absent)",
                "expected `[in=<location>,name=<name>]`, `[name=<name>]` or `[errorCode=<code>]`, \
                found \"[query,ImageIds]\" in",
            ),
            ("operation/parameters[name=a (absent)", "expected `[in=<location>,name=<name>]`"),
            ("operation/parameters[name=a]x (absent)", "expected `/` or `[` where"),
            ("/a~2b (absent)", "expected `~0` or `~1` in the pointer token \"a~2b\""),
        ] {
            let error = Stated::parse(text).expect_err(text);
            assert!(error.starts_with(expected), "{text}: {error}");
        }
    }
}
