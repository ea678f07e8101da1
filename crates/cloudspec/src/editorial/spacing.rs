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

/// A place where prose breaks the convention: the two characters at a boundary and the
/// spaces between them, and whether a space belongs there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Break {
    pub range: Range<usize>,
    pub space: bool,
}

/// Where the prose of `text` breaks `spacing`: at a boundary between Chinese and Latin text,
/// and wherever spaces part two Chinese characters (华为云 云手机服务器), which no convention
/// allows.
pub(crate) fn violations(text: &Text, spacing: Spacing) -> Vec<Break> {
    let prose: Vec<char> = text.masked(&[Kind::Prose]).chars().collect();
    let boundary = |a: char, b: char| (is_han(a) && is_latin(b)) || (is_latin(a) && is_han(b));
    let mut found = Vec::new();
    for (index, pair) in prose.windows(2).enumerate() {
        if spacing == Spacing::Space && boundary(pair[0], pair[1]) {
            found.push(Break { range: index..index + 2, space: true });
        }
        if pair[0] == ' ' || pair[1] != ' ' {
            continue;
        }
        let end = prose[index + 1..].iter().position(|c| *c != ' ').map_or(prose.len(), |n| index + 1 + n);
        let Some(&after) = prose.get(end) else { continue };
        let apart = is_han(pair[0]) && is_han(after);
        if apart || (spacing == Spacing::None && boundary(pair[0], after)) {
            found.push(Break { range: index..end + 1, space: false });
        }
    }
    found
}

/// `text` written in `spacing`: spaces between Chinese and Latin prose removed or added, and
/// spaces between Chinese characters removed. Code, links and quotations are left as they are.
pub(crate) fn apply(text: &str, spacing: Spacing) -> String {
    let read = Text::read(text, &[]);
    let breaks = violations(&read, spacing);
    let mut out = String::with_capacity(text.len() + breaks.len());
    for (index, &c) in read.chars.iter().enumerate() {
        let here = breaks.iter().filter(|found| found.range.contains(&index));
        let mut removed = false;
        for found in here {
            if !found.space && c == ' ' {
                removed = true;
            }
        }
        if removed {
            continue;
        }
        out.push(c);
        if breaks.iter().any(|found| found.space && found.range.start == index) {
            out.push(' ');
        }
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
            ("华为云 云手机服务器 CPH", Spacing::Space, "华为云云手机服务器 CPH"),
        ];
        for (text, spacing, expected) in cases {
            assert_eq!(apply(text, spacing), expected, "{text}");
            assert!(violations(&Text::read(expected, &[]), spacing).is_empty(), "{expected}");
        }
    }
}
