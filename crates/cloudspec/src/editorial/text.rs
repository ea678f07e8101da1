//! Reading a localized string as an editor does: which of its characters are the translator's
//! prose, and which are code, links, quotations or passages copied verbatim from a vendor's
//! page, which no editorial rule may ask to change.

use std::ops::Range;

/// What a character of a string is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The translator's own words.
    Prose,
    /// Inside “…”, ‘…’, 「…」 or "…": a message or a name the text quotes.
    Quoted,
    /// A code span, a URL, or a Markdown link's text or address.
    Code,
    /// A passage the overlay marks as copied verbatim from a vendor page (`x-verbatim`).
    Verbatim,
}

/// A string with the kind of each of its characters.
#[derive(Debug)]
pub(crate) struct Text {
    pub chars: Vec<char>,
    pub kinds: Vec<Kind>,
}

/// What a masked character reads as: neither Han, nor Latin, nor punctuation.
pub(crate) const MASK: char = '\u{fffc}';

impl Text {
    /// Reads `text`, marking the occurrences of each of `verbatim` as such.
    pub(crate) fn read(text: &str, verbatim: &[&str]) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut kinds = vec![Kind::Prose; chars.len()];
        for passage in verbatim.iter().filter(|passage| !passage.is_empty()) {
            for range in occurrences(&chars, passage) {
                kinds[range].fill(Kind::Verbatim);
            }
        }
        mark_code(&chars, &mut kinds);
        mark_quotes(&chars, &mut kinds);
        Self { chars, kinds }
    }

    /// The string with every character not of `kept` kinds replaced by [`MASK`], so that
    /// character indexes stay those of the string.
    pub(crate) fn masked(&self, kept: &[Kind]) -> String {
        self.chars
            .iter()
            .zip(&self.kinds)
            .map(|(&c, kind)| if kept.contains(kind) { c } else { MASK })
            .collect()
    }

    /// The characters at `range` (character indexes).
    pub(crate) fn slice(&self, range: Range<usize>) -> String {
        self.chars[range].iter().collect()
    }

    /// The characters around `at` (character indexes), for a finding to quote.
    pub(crate) fn excerpt(&self, at: Range<usize>) -> String {
        let start = at.start.saturating_sub(8);
        let end = (at.end + 8).min(self.chars.len());
        let inner: String = self.chars[start..end].iter().collect();
        let inner = inner.replace('\n', " ");
        format!(
            "{}{inner}{}",
            if start > 0 { "…" } else { "" },
            if end < self.chars.len() { "…" } else { "" }
        )
    }
}

/// The character ranges where `passage` occurs in `chars`.
fn occurrences(chars: &[char], passage: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = passage.chars().collect();
    let mut found = Vec::new();
    let mut start = 0;
    while start + needle.len() <= chars.len() {
        if chars[start..start + needle.len()] == needle[..] {
            found.push(start..start + needle.len());
            start += needle.len();
        } else {
            start += 1;
        }
    }
    found
}

/// Code spans (`` `…` ``), Markdown links (`[text](address)`) and bare URLs.
fn mark_code(chars: &[char], kinds: &mut [Kind]) {
    let mut index = 0;
    while index < chars.len() {
        if kinds[index] != Kind::Prose {
            index += 1;
            continue;
        }
        let end = match chars[index] {
            '`' => closing(chars, index + 1, '`'),
            '[' => closing(chars, index + 1, ']')
                .filter(|&close| chars.get(close + 1) == Some(&'('))
                .and_then(|close| closing(chars, close + 2, ')')),
            'h' if starts_with(chars, index, "http://") || starts_with(chars, index, "https://") => Some(
                chars[index..]
                    .iter()
                    .position(|c| c.is_whitespace() || !c.is_ascii())
                    .map_or(chars.len(), |n| index + n)
                    - 1,
            ),
            _ => None,
        };
        match end {
            Some(end) => {
                kinds[index..=end].fill(Kind::Code);
                index = end + 1;
            }
            None => index += 1,
        }
    }
}

/// “…”, ‘…’, 「…」 and "…" around prose.
fn mark_quotes(chars: &[char], kinds: &mut [Kind]) {
    let mut index = 0;
    while index < chars.len() {
        let close = match chars[index] {
            '“' => Some('”'),
            '‘' => Some('’'),
            '「' => Some('」'),
            '"' => Some('"'),
            _ => None,
        };
        let end = close
            .filter(|_| kinds[index] == Kind::Prose)
            .and_then(|close| closing(chars, index + 1, close))
            .filter(|&end| kinds[index..=end].iter().all(|kind| *kind != Kind::Verbatim));
        match end {
            Some(end) => {
                for kind in &mut kinds[index..=end] {
                    if *kind == Kind::Prose {
                        *kind = Kind::Quoted;
                    }
                }
                index = end + 1;
            }
            None => index += 1,
        }
    }
}

/// The index of the first `close` at or after `from`, on the same line.
fn closing(chars: &[char], from: usize, close: char) -> Option<usize> {
    chars.get(from..)?.iter().take_while(|c| **c != '\n').position(|c| *c == close).map(|n| from + n)
}

fn starts_with(chars: &[char], at: usize, prefix: &str) -> bool {
    prefix.chars().enumerate().all(|(n, c)| chars.get(at + n) == Some(&c))
}

/// Whether `c` is a Chinese character (CJK Unified Ideographs and Extension A).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `c` is a Latin letter or a digit, which a vendor's convention spaces from Chinese or not.
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// What `rule` finds in `text`, as the text it finds: for the rules' own tests.
#[cfg(test)]
pub(crate) fn found(text: &str, rule: fn(&Text) -> Vec<Range<usize>>) -> Vec<String> {
    let read = Text::read(text, &[]);
    rule(&read).into_iter().map(|range| read.slice(range)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_links_quotes_and_verbatim_passages_are_told_apart() {
        let text = Text::read(
            "见`a b`与[页面](https://x)，“decrypt token fail”，原文：适用于x 类型",
            &["适用于x 类型"],
        );
        assert_eq!(
            text.masked(&[Kind::Prose]),
            "见\u{fffc}\u{fffc}\u{fffc}\u{fffc}\u{fffc}与".to_owned()
                + &"\u{fffc}".repeat(15)
                + "，"
                + &"\u{fffc}".repeat(20)
                + "，原文："
                + &"\u{fffc}".repeat(7)
        );
    }
}
