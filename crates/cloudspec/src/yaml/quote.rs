//! YAML 1.1 safety. yaml_serde writes YAML 1.2, where `2020-06-01`, `yes` and `1_000` are
//! plain strings; YAML 1.1 parsers read them as a date, a boolean and a number. Many
//! consumers of `spec/` parse YAML 1.1 (SnakeYAML under openapi-generator and
//! swagger-parser, PyYAML under datamodel-code-generator), so such strings are quoted.

use std::sync::LazyLock;

use regex::Regex;

/// What YAML 1.1 resolves to a boolean, null, integer, float, timestamp, merge or value key.
static YAML_1_1_IMPLICIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
        r"|~|null|Null|NULL",
        r"|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+",
        r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
        r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?",
        r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        r"|[0-9]{4}-[0-9]{2}-[0-9]{2}",
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?",
        r"(?:[ \t]*Z|[-+][0-9]{1,2}(?::[0-9]{2})?)?",
        r"|<<|=",
        r")$"
    ))
    .expect("the YAML 1.1 pattern compiles")
});

/// What yaml_serde writes plain because it is a JSON literal: a real boolean, null or number.
static JSON_LITERAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)$")
        .expect("the JSON literal pattern compiles")
});

/// Quotes every plain scalar of `yaml` (as yaml_serde writes it) that YAML 1.1 would not
/// read as the string it is. Every YAML file the pipeline writes passes through here, so it
/// writes into one string and allocates nothing per line.
pub(crate) fn quote_ambiguous(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 64);
    // Lines more indented than a block scalar's header are its content: left alone.
    let mut block_indent: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        if block_indent.is_some_and(|header| line.trim().is_empty() || indent > header) {
            out.push_str(line);
        } else {
            block_indent = rewrite_line(line, &mut out);
        }
        out.push('\n');
    }
    out
}

/// Writes the line with its key and value quoted where needed and, if it opens a block
/// scalar, returns the column its content must be indented beyond: the key's, or the last
/// `- ` marker's.
fn rewrite_line(line: &str, out: &mut String) -> Option<usize> {
    let mut body_start = line.len() - line.trim_start_matches(' ').len();
    while line[body_start..].starts_with("- ") {
        body_start += 2;
    }
    // `- ` markers and indentation stay; what follows is `key: value`, `key:` or a value.
    let (prefix, body) = line.split_at(body_start);
    let (key, value) = match split_key(body) {
        Some((key, value)) => (Some(key), value),
        None => (None, body),
    };
    let opens_block = value.starts_with('|') || value.starts_with('>');
    let column = if key.is_some() { body_start } else { body_start.saturating_sub(2) };
    out.push_str(prefix);
    if let Some(key) = key {
        push_quoted_if_ambiguous(key, out);
        out.push(':');
        if !value.is_empty() {
            out.push(' ');
        }
    }
    push_quoted_if_ambiguous(value, out);
    opens_block.then_some(column)
}

/// Splits `key: value` or `key:` at the mapping colon of a plain or single-quoted key.
fn split_key(body: &str) -> Option<(&str, &str)> {
    if body.starts_with('\'') || body.starts_with('"') {
        let quote = body.as_bytes()[0];
        let mut index = 1;
        let bytes = body.as_bytes();
        while index < bytes.len() {
            if bytes[index] == quote {
                if quote == b'\'' && bytes.get(index + 1) == Some(&b'\'') {
                    index += 2;
                    continue;
                }
                break;
            }
            index += if quote == b'"' && bytes[index] == b'\\' { 2 } else { 1 };
        }
        let rest = body.get(index + 1..)?;
        return if rest == ":" {
            Some((&body[..=index], ""))
        } else {
            rest.strip_prefix(": ").map(|value| (&body[..=index], value))
        };
    }
    if let Some(key) = body.strip_suffix(':')
        && !key.contains(": ")
    {
        return Some((key, ""));
    }
    body.split_once(": ")
}

fn push_quoted_if_ambiguous(scalar: &str, out: &mut String) {
    let plain = !scalar.is_empty() && !scalar.starts_with(['\'', '"', '|', '>', '{', '[', '&', '*', '!']);
    if plain && YAML_1_1_IMPLICIT.is_match(scalar) && !JSON_LITERAL.is_match(scalar) {
        out.push('\'');
        out.push_str(&scalar.replace('\'', "''"));
        out.push('\'');
    } else {
        out.push_str(scalar);
    }
}

#[cfg(test)]
mod tests {
    use super::quote_ambiguous;

    #[test]
    fn quotes_what_yaml_1_1_reads_as_another_type() {
        let cases = [
            ("version: 2020-06-01\n", "version: '2020-06-01'\n"),
            ("- 2016-05-22T06:04:20.425843\n", "- '2016-05-22T06:04:20.425843'\n"),
            ("  flag: yes\n", "  flag: 'yes'\n"),
            ("- on\n", "- 'on'\n"),
            ("count: 1_000\n", "count: '1_000'\n"),
            ("ratio: 1:20\n", "ratio: '1:20'\n"),
            ("No: x\n", "'No': x\n"),
            // JSON literals are real booleans, nulls and numbers: unchanged.
            ("a: true\nb: null\nc: 12\nd: -1.5e+3\n", "a: true\nb: null\nc: 12\nd: -1.5e+3\n"),
            // Ordinary strings, quoted strings and block scalars: unchanged.
            ("name: AOSP7.1.1\nid: '012'\n", "name: AOSP7.1.1\nid: '012'\n"),
            (
                "description: |-\n  yes\n  2020-06-01\nnext: on\n",
                "description: |-\n  yes\n  2020-06-01\nnext: 'on'\n",
            ),
            ("- |-\n  on\n- off\n", "- |-\n  on\n- 'off'\n"),
            ("'200':\n  description: OK\n", "'200':\n  description: OK\n"),
            ("- a: |-\n    on\n  b: on\n", "- a: |-\n    on\n  b: 'on'\n"),
            ("- - -1_000\n- -5\n", "- - '-1_000'\n- -5\n"),
        ];
        for (input, expected) in cases {
            assert_eq!(quote_ambiguous(input), expected, "input: {input:?}");
        }
    }
}
