//! The line a JSON pointer names in a YAML document written in block style (as `generate`
//! writes every document, and as people write them by hand), so that CI annotations can
//! point at it. A place the text does not have (a removal, or a value in flow style) gets
//! the line of the nearest enclosing one that it has.

use cloudspec_vocabulary::pointer;

/// A mapping key or a sequence entry, where its line starts it.
#[derive(Debug)]
struct Node {
    column: usize,
    line: usize,
    /// The key, or `None` for a sequence entry (`- `).
    key: Option<String>,
    /// Whether the node's value follows on its own line (`key:` alone): then a sequence may
    /// be written at the key's own column.
    block: bool,
}

/// The 1-based line of the deepest node along `at` (a JSON pointer), or `None` when not
/// even its first step is in the text.
pub fn line(text: &str, at: &str) -> Option<usize> {
    let nodes = nodes(text);
    let mut range = 0..nodes.len();
    let mut found = None;
    for token in at.split('/').skip(1).map(pointer::unescape) {
        let children = children(&nodes, range.clone());
        let next = if children.first().is_some_and(|&first| nodes[first].key.is_none()) {
            token.parse::<usize>().ok().and_then(|index| children.get(index).copied())
        } else {
            children.into_iter().find(|&child| nodes[child].key.as_deref() == Some(token.as_str()))
        };
        let Some(next) = next else { break };
        found = Some(nodes[next].line);
        range = next + 1..end(&nodes, next);
    }
    found
}

/// The nodes of `range` that are children of the node before it (or of the document).
fn children(nodes: &[Node], range: std::ops::Range<usize>) -> Vec<usize> {
    let mut found = Vec::new();
    let mut index = range.start;
    while index < range.end {
        found.push(index);
        index = end(nodes, index);
    }
    found
}

/// The index after the last node inside node `index`.
fn end(nodes: &[Node], index: usize) -> usize {
    let node = &nodes[index];
    let mut next = index + 1;
    while let Some(other) = nodes.get(next) {
        let entry_of_key =
            other.column == node.column && node.key.is_some() && node.block && other.key.is_none();
        if other.column > node.column || entry_of_key {
            next += 1;
        } else {
            break;
        }
    }
    next
}

fn nodes(text: &str) -> Vec<Node> {
    let mut nodes = Vec::new();
    // Lines indented deeper than this belong to a scalar (a block scalar or a wrapped one).
    let mut scalar_above: Option<usize> = None;
    for (number, raw) in text.lines().enumerate() {
        let content = raw.trim_start_matches(' ');
        let mut column = raw.len() - content.len();
        if content.is_empty() || content.starts_with('#') || content.starts_with("---") {
            continue;
        }
        if let Some(limit) = scalar_above {
            if column > limit {
                continue;
            }
            scalar_above = None;
        }
        let mut rest = content;
        loop {
            if rest == "-" || rest.starts_with("- ") {
                nodes.push(Node { column, line: number + 1, key: None, block: true });
                let after = rest[1..].trim_start_matches(' ');
                column += rest.len() - after.len();
                rest = after;
                if rest.is_empty() {
                    break;
                }
                continue;
            }
            if let Some((key, value)) = split_key(rest) {
                let block = value.is_empty() || value.starts_with('#');
                nodes.push(Node { column, line: number + 1, key: Some(key), block });
                if !block {
                    scalar_above = Some(column);
                }
            } else {
                // A scalar entry of a sequence, or a flow collection: what follows deeper is its.
                scalar_above = Some(column.saturating_sub(1));
            }
            break;
        }
    }
    nodes
}

/// `key: value` split at the colon that ends the key, the key unquoted.
fn split_key(text: &str) -> Option<(String, &str)> {
    let (key, rest) = match text.chars().next()? {
        quote @ ('\'' | '"') => {
            let mut key = String::new();
            let mut chars = text.char_indices().skip(1).peekable();
            let mut close = None;
            while let Some((index, character)) = chars.next() {
                match character {
                    '\'' if quote == '\'' && chars.peek().map(|(_, next)| *next) == Some('\'') => {
                        key.push('\'');
                        chars.next();
                    }
                    '\\' if quote == '"' => {
                        if let Some((_, escaped)) = chars.next() {
                            key.push(escaped);
                        }
                    }
                    _ if character == quote => {
                        close = Some(index + 1);
                        break;
                    }
                    _ => key.push(character),
                }
            }
            (key, text[close?..].strip_prefix(':')?)
        }
        '{' | '[' | '|' | '>' => return None,
        _ => {
            let colon = text
                .match_indices(':')
                .map(|(index, _)| index)
                .find(|&index| text[index + 1..].is_empty() || text[index + 1..].starts_with(' '))?;
            (text[..colon].trim_end().to_owned(), &text[colon + 1..])
        }
    };
    (rest.is_empty() || rest.starts_with(' ')).then(|| (key, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::line;

    const TEXT: &str = "\
# a comment
openapi: 3.1.0
info:
  title: 'Quoted: title'
  description: |-
    key: not a key
    - not an entry
paths:
  /v1/items/{id}:
    get:
      parameters:
      - name: id
        in: path
      - name: q
        in: query
      responses:
        '200':
          description: OK
required:
- a
- b
flow: {a: 1}
";

    #[test]
    fn pointers_find_their_line_or_the_nearest_one_written() {
        for (pointer, expected) in [
            ("/openapi", Some(2)),
            ("/info/description", Some(5)),
            ("/paths/~1v1~1items~1{id}/get/parameters/1/in", Some(15)),
            ("/paths/~1v1~1items~1{id}/get/parameters/0", Some(12)),
            ("/paths/~1v1~1items~1{id}/get/responses/200/description", Some(18)),
            ("/paths/~1v1~1items~1{id}/get/responses/404", Some(16)),
            ("/required/1", Some(21)),
            ("/flow/a", Some(22)),
            ("/nothing", None),
            ("", None),
        ] {
            assert_eq!(line(TEXT, pointer), expected, "{pointer}");
        }
    }
}
