//! English left in a Chinese document: a run of English words that reads as a sentence (three
//! words or more, two of them lower-case words such as "is", "the", "not"), in the
//! translator's prose. A proper name ("API Explorer", "Go SDK", "Simple Application Server")
//! is capitalised and so never a sentence; code, links, quotations and verbatim passages are
//! not prose. An English message a Chinese sentence cites is quoted: “decrypt token fail”.

use std::ops::Range;

use super::text::{Kind, Text};

/// Fewest words a sentence has.
const WORDS: usize = 3;
/// Fewest lower-case words among them.
const LOWER: usize = 2;

/// Each run of English words in the prose of `text` that reads as a sentence.
pub(crate) fn sentences(text: &Text) -> Vec<Range<usize>> {
    let prose: Vec<char> = text.masked(&[Kind::Prose]).chars().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < prose.len() {
        if !prose[index].is_ascii_alphabetic() || index > 0 && is_word_char(prose[index - 1]) {
            index += 1;
            continue;
        }
        let (words, lower, end) = run(&prose, index);
        if words >= WORDS && lower >= LOWER {
            found.push(index..end);
        }
        index = end.max(index + 1);
    }
    found
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_' | '.' | '/')
}

/// The words of the run starting at `start` (joined by one space, or a comma and a space),
/// how many are lower-case words, and where the run ends.
fn run(chars: &[char], start: usize) -> (usize, usize, usize) {
    let (mut words, mut lower, mut at, mut end) = (0, 0, start, start);
    loop {
        let word_end = chars[at..].iter().position(|c| !is_word_char(*c)).map_or(chars.len(), |n| at + n);
        let word: String = chars[at..word_end].iter().collect();
        let word = word.trim_end_matches(['.', '-']);
        if word.is_empty() {
            break;
        }
        words += 1;
        if word.chars().all(|c| c.is_ascii_lowercase() || c == '\'' || c == '’') {
            lower += 1;
        }
        end = at + word.chars().count();
        let gap = match chars.get(end..end + 2) {
            Some([',', ' ']) => 2,
            _ if chars.get(end) == Some(&' ') => 1,
            _ => break,
        };
        let next = end + gap;
        if !chars.get(next).is_some_and(char::is_ascii_alphanumeric) {
            break;
        }
        at = next;
    }
    (words, lower, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editorial::text::found;

    #[test]
    fn sentences_are_told_from_names() {
        assert_eq!(
            found("改为 404（CPS.0005 Phone is not found）。", sentences),
            ["CPS.0005 Phone is not found"]
        );
        assert_eq!(
            found("Not expressible in OpenAPI 3.0 (see the OpenAPI 3.1 document):", sentences),
            ["Not expressible in OpenAPI 3.0", "see the OpenAPI 3.1 document"]
        );
        assert!(
            found(
                "API Explorer 与 Go SDK，Simple Application Server，Glance v1，“decrypt token fail”",
                sentences
            )
            .is_empty()
        );
    }
}
