//! Whether Chinese is spaced from Latin letters and digits: the one typographic choice on
//! which the vendors differ. Huawei Cloud writes 镜像ID and 不超过128个字节; Alibaba Cloud
//! writes 镜像 ID and 最多 50 个 ID. Each vendor's glossary says which, with its page.

use std::ops::Range;

use serde::Deserialize;

use super::text::{Kind, MASK, Text, is_han, is_latin};

/// How a vendor spaces Chinese from Latin letters and digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Spacing {
    /// 镜像ID: no space between them.
    None,
    /// 镜像 ID: one space between them.
    Space,
}

/// Where the prose of `text` breaks `spacing`: each range covers the two characters (and the
/// spaces between them) at a boundary between Chinese and Latin text.
pub fn violations(text: &Text, spacing: Spacing) -> Vec<Range<usize>> {
    let prose: Vec<char> = text.masked(&[Kind::Prose]).chars().collect();
    let mut found = Vec::new();
    for (index, pair) in prose.windows(2).enumerate() {
        let boundary = |a: char, b: char| (is_han(a) && is_latin(b)) || (is_latin(a) && is_han(b));
        match spacing {
            Spacing::Space if boundary(pair[0], pair[1]) => found.push(index..index + 2),
            Spacing::None if pair[0] != ' ' && pair[1] == ' ' => {
                let end =
                    prose[index + 1..].iter().position(|c| *c != ' ').map_or(prose.len(), |n| index + 1 + n);
                if end < prose.len() && boundary(pair[0], prose[end]) {
                    found.push(index..end + 1);
                }
            }
            _ => {}
        }
    }
    found
}

/// `text` written in `spacing`: spaces between Chinese and Latin prose removed or added.
/// Code, links and quotations are left as they are.
pub fn apply(text: &str, spacing: Spacing) -> String {
    let read = Text::read(text, &[]);
    let breaks = violations(&read, spacing);
    let mut out = String::with_capacity(text.len() + breaks.len());
    let mut next = breaks.iter().peekable();
    for (index, &c) in read.chars.iter().enumerate() {
        match (spacing, next.peek()) {
            (Spacing::None, Some(range)) if range.contains(&index) && c == ' ' => continue,
            (Spacing::Space, Some(range)) if range.start == index => {
                out.push(c);
                out.push(' ');
                next.next();
                continue;
            }
            _ => {}
        }
        if next.peek().is_some_and(|range| range.end <= index + 1) {
            next.next();
        }
        out.push(c);
    }
    debug_assert!(!out.contains(MASK));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_convention_is_applied_and_its_breaks_found() {
        let cases = [
            ("镜像 ID，最多 50 个", Spacing::None, "镜像ID，最多50个"),
            ("镜像ID，最多50个`a`值", Spacing::Space, "镜像 ID，最多 50 个`a`值"),
            ("OpenAPI 3.0无法表达", Spacing::Space, "OpenAPI 3.0 无法表达"),
            ("见`x` 与“a b”", Spacing::None, "见`x` 与“a b”"),
        ];
        for (text, spacing, expected) in cases {
            assert_eq!(apply(text, spacing), expected, "{text}");
            assert!(violations(&Text::read(expected, &[]), spacing).is_empty(), "{expected}");
        }
    }
}
