//! Whether rendered YAML reads back as the document it was rendered from. Every YAML file the
//! pipeline writes is read back before it is compared or written ([`crate::document::rendered`]).
//!
//! The text is read by the same YAML parser as `yaml_serde::from_str::<Value>`, with the same
//! resolution of plain scalars, but each node is compared with the document's as it is read,
//! instead of being built into a second `Value` and compared after: reading back was a
//! sixth of the catalog's build, most of it spent allocating that copy. The comparison is
//! stricter than `Value`'s equality: a mapping's keys must come in the document's order, as
//! the renderer writes them.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The message of the error that stops reading where the text and the document part ways.
const DIFFERS: &str = "the rendered YAML differs from the document";

/// Whether `text` reads back as `document`: `Ok(true)` when it does, `Ok(false)` when it
/// reads as another value, and the parser's error when it is not one YAML document (unless
/// what it reads before the error already differs).
pub(crate) fn reads_back_as(text: &str, document: &Value) -> Result<bool, yaml_serde::Error> {
    match Expect(document).deserialize(yaml_serde::Deserializer::from_str(text)) {
        Ok(()) => Ok(true),
        // The parser adds where it stopped to the message.
        Err(error) if error.to_string().contains(DIFFERS) => Ok(false),
        Err(error) => Err(error),
    }
}

/// Reads one node and compares it with the value it must be.
#[derive(Clone, Copy)]
struct Expect<'a>(&'a Value);

impl Expect<'_> {
    /// `read`, a scalar as `serde_json::Value` reads it, is the expected value, or the
    /// error that stops reading.
    fn scalar<E: serde::de::Error>(self, read: &Value) -> Result<(), E> {
        if self.0 == read { Ok(()) } else { Err(E::custom(DIFFERS)) }
    }
}

impl<'de> DeserializeSeed<'de> for Expect<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Expect<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the document's value")
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<(), E> {
        self.scalar(&Value::Bool(value))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<(), E> {
        self.scalar(&Value::from(value))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<(), E> {
        self.scalar(&Value::from(value))
    }

    fn visit_i128<E: serde::de::Error>(self, value: i128) -> Result<(), E> {
        self.scalar(&serde_json::to_value(value).map_err(E::custom)?)
    }

    fn visit_u128<E: serde::de::Error>(self, value: u128) -> Result<(), E> {
        self.scalar(&serde_json::to_value(value).map_err(E::custom)?)
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<(), E> {
        // As `serde_json::Value` reads a float: what JSON cannot hold is null.
        self.scalar(&serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<(), E> {
        if self.0.as_str() == Some(value) { Ok(()) } else { Err(E::custom(DIFFERS)) }
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.scalar(&Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.scalar(&Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut sequence: A) -> Result<(), A::Error> {
        let Value::Array(items) = self.0 else { return Err(A::Error::custom(DIFFERS)) };
        for item in items {
            if sequence.next_element_seed(Expect(item))?.is_none() {
                return Err(A::Error::custom(DIFFERS));
            }
        }
        // One more item is one the document lacks, whatever it is.
        match sequence.next_element_seed(Expect(&Value::Null))? {
            None => Ok(()),
            Some(()) => Err(A::Error::custom(DIFFERS)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut mapping: A) -> Result<(), A::Error> {
        let Value::Object(entries) = self.0 else { return Err(A::Error::custom(DIFFERS)) };
        for (key, value) in entries {
            if mapping.next_key_seed(Key(key))?.is_none() {
                return Err(A::Error::custom(DIFFERS));
            }
            mapping.next_value_seed(Expect(value))?;
        }
        // One more key is one the document lacks, whatever it is.
        match mapping.next_key_seed(Key(""))? {
            None => Ok(()),
            Some(()) => Err(A::Error::custom(DIFFERS)),
        }
    }
}

/// Reads one mapping key, as `serde_json::Value` reads keys (a string, whatever the scalar),
/// and compares it with the key it must be.
struct Key<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Key<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the document's key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<(), E> {
        if key == self.0 { Ok(()) } else { Err(E::custom(DIFFERS)) }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::reads_back_as;

    #[test]
    fn reads_back_what_the_document_holds_and_nothing_else() {
        let document = json!({"a": 1, "b": ["x", "y"], "c": {"d": null, "e": 1.5, "f": true}});
        let cases = [
            ("a: 1\nb: [x, 'y']\nc:\n  d: ~\n  e: 1.5\n  f: true\n", true),
            ("a: 1\nb:\n- x\n- y\nc: {d: null, e: 1.5, f: true}\n", true),
            // A scalar of another type, or another value.
            ("a: '1'\nb: [x, y]\nc: {d: null, e: 1.5, f: true}\n", false),
            ("a: 1\nb: [x, z]\nc: {d: null, e: 1.5, f: true}\n", false),
            ("a: 1\nb: [x, y]\nc: {d: null, e: 1.5, f: 'true'}\n", false),
            ("a: 1\nb: [x, y]\nc: {d: '', e: 1.5, f: true}\n", false),
            // An item or a key too many or too few.
            ("a: 1\nb: [x, y, null]\nc: {d: null, e: 1.5, f: true}\n", false),
            ("a: 1\nb: [x]\nc: {d: null, e: 1.5, f: true}\n", false),
            ("a: 1\nb: [x, y]\nc: {d: null, e: 1.5, f: true, g: 1}\n", false),
            ("a: 1\nb: [x, y]\nc: {d: null, e: 1.5}\n", false),
            ("a: 1\nb: [x, y]\nc: {d: null, e: 1.5, f: true}\n'': 1\n", false),
            // Another shape, and the keys out of the document's order.
            ("a: 1\nb: {x: y}\nc: {d: null, e: 1.5, f: true}\n", false),
            ("b: [x, y]\na: 1\nc: {d: null, e: 1.5, f: true}\n", false),
        ];
        for (text, expected) in cases {
            assert_eq!(reads_back_as(text, &document).ok(), Some(expected), "{text}");
        }
    }

    #[test]
    fn text_that_is_no_yaml_document_is_the_parsers_error() {
        // Each reads as the document as far as it goes.
        for (text, document) in [("a: [1\n", json!({"a": [1]})), ("a: 1\n---\nb: 2\n", json!({"a": 1}))] {
            assert!(reads_back_as(text, &document).is_err(), "{text}");
        }
    }
}
