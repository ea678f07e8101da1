//! The typography of Chinese prose, as the vendors' Chinese pages set it: full-width
//! punctuation, no space before it, ranges written `1～55`, spacing from Latin text by the
//! vendor's convention ([`super::spacing`]). Only the translator's prose is held to them:
//! code, links, quotations and verbatim passages are as their authors wrote them.

use std::ops::Range;

use super::text::{Kind, Text, is_han};

/// Half-width punctuation that Chinese text writes full-width, with the full-width mark.
const HALF_WIDTH: [(char, char); 7] =
    [(',', '，'), (';', '；'), (':', '：'), ('!', '！'), ('?', '？'), ('(', '（'), (')', '）')];

/// Marks that no space may precede.
const NO_SPACE_BEFORE: &[char] = &['。', '，', '、', '；', '：', '？', '！', '）', '」', '』'];

/// Half-width punctuation touching Chinese: each place with the full-width mark to write.
pub(super) fn half_width(text: &Text) -> Vec<(Range<usize>, char)> {
    let prose: Vec<char> = text.masked(&[Kind::Prose]).chars().collect();
    let han = |index: Option<usize>| index.and_then(|index| prose.get(index)).is_some_and(|c| is_han(*c));
    let mut found = Vec::new();
    for (index, c) in prose.iter().enumerate() {
        let before = index.checked_sub(1);
        if *c == '.' && han(before) {
            found.push((index..index + 1, '。'));
            continue;
        }
        let Some((_, full)) = HALF_WIDTH.iter().find(|(half, _)| half == c) else { continue };
        if han(before) || han(Some(index + 1)) {
            found.push((index..index + 1, *full));
        }
    }
    found
}

/// Spaces before a mark that takes none.
pub(super) fn space_before(text: &Text) -> Vec<Range<usize>> {
    let prose: Vec<char> = text.masked(&[Kind::Prose, Kind::Quoted]).chars().collect();
    let mut found = Vec::new();
    for (index, pair) in prose.windows(2).enumerate() {
        if pair[0] == ' ' && NO_SPACE_BEFORE.contains(&pair[1]) {
            found.push(index..index + 2);
        }
    }
    found
}

/// Ranges of numbers written otherwise than `A～B` (`1..55`, `0-100`, `40~1024`, `1 到 255`).
/// A date (`2024-03-01`) and a name with digits (`cn-north-4`) are no range.
pub(super) fn ranges(text: &Text) -> Vec<Range<usize>> {
    let prose: Vec<char> = text.masked(&[Kind::Prose]).chars().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < prose.len() {
        let Some((start, after_first)) = number(&prose, index) else {
            index += 1;
            continue;
        };
        let joined = start
            .checked_sub(1)
            .and_then(|before| prose.get(before))
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '/' | ':'));
        let mut at = after_first;
        while prose.get(at) == Some(&' ') {
            at += 1;
        }
        let separator = ["..", "~", "-", "–", "—", "到", "至"]
            .iter()
            .find(|sep| sep.chars().enumerate().all(|(n, c)| prose.get(at + n) == Some(&c)));
        let Some(separator) = separator.filter(|_| !joined) else {
            index = after_first.max(index + 1);
            continue;
        };
        let mut second = at + separator.chars().count();
        while prose.get(second) == Some(&' ') {
            second += 1;
        }
        match number(&prose, second) {
            Some((second_start, end))
                if second_start == second && !prose.get(end).is_some_and(|c| matches!(c, '-' | '_')) =>
            {
                found.push(start..end);
                index = end;
            }
            _ => index = after_first.max(index + 1),
        }
    }
    found
}

/// The number (digits, a sign, a decimal part) starting at or after `from` on a digit, if
/// the first non-digit run starts one: its start and the index after it.
fn number(chars: &[char], from: usize) -> Option<(usize, usize)> {
    let first = chars.get(from)?;
    let signed = *first == '-' && chars.get(from + 1).is_some_and(char::is_ascii_digit);
    if !signed && !first.is_ascii_digit() {
        return None;
    }
    let start = from;
    let mut end = start + 1;
    while chars.get(end).is_some_and(char::is_ascii_digit)
        || (chars.get(end) == Some(&'.')
            && chars.get(end + 1).is_some_and(char::is_ascii_digit)
            && chars.get(end.wrapping_sub(1)).is_some_and(char::is_ascii_digit))
    {
        end += 1;
    }
    Some((start, end))
}

/// The name a response's description gives its status, if it reads `名称：说明`: a short name
/// of the status, without punctuation, then a full-width colon.
pub(super) fn status_name(description: &str) -> Option<&str> {
    let (name, _) = description.split_once('：')?;
    let count = name.chars().count();
    ((1..=12).contains(&count) && !name.chars().any(|c| c.is_whitespace() || "，。；、（）“”`".contains(c)))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editorial::text::found;

    #[test]
    fn ranges_are_told_from_dates_and_names() {
        assert_eq!(
            found("取值为1..55，0-100，40~1024GB，1 到 255个，-128到128", ranges),
            ["1..55", "0-100", "40~1024", "1 到 255", "-128到128"]
        );
        assert!(found("更新于2024-03-01，区域cn-north-4，1～55，v1.1，`0-9`", ranges).is_empty());
    }
}
