//! The counts a report ends with, said once: the summary line people read and JSON's
//! `summary` object are both written from one [`Counts`], so that they cannot disagree and
//! no check spells its numbers twice.
//!
//! A line is groups joined by `; `; a group is its heads joined by `, `, then `: ` and the
//! parts that break them down: `2 files, 8 entries: 5 valid, 1 invalid; 3 violations`.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Counts under stable names, in the order they are said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    groups: Vec<Group>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Group {
    heads: Vec<Count>,
    parts: Vec<Count>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Count {
    /// JSON's name for it.
    key: &'static str,
    n: usize,
    /// The words after the number: one for 1, the other for any other number.
    one: &'static str,
    other: &'static str,
    said: Said,
}

/// Whether the summary line says a count (JSON always carries it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Said {
    Always,
    UnlessZero,
    Never,
}

impl Counts {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A count that heads a group: a new group after one with parts, else one more head.
    #[must_use]
    pub fn head(mut self, key: &'static str, n: usize) -> Self {
        match self.groups.last_mut() {
            Some(group) if group.parts.is_empty() => group.heads.push(Count::new(key, n)),
            _ => self.groups.push(Group { heads: vec![Count::new(key, n)], parts: Vec::new() }),
        }
        self
    }

    /// A count that breaks down the heads of the current group.
    #[must_use]
    pub fn part(mut self, key: &'static str, n: usize) -> Self {
        match self.groups.last_mut() {
            Some(group) => group.parts.push(Count::new(key, n)),
            None => self.groups.push(Group { heads: Vec::new(), parts: vec![Count::new(key, n)] }),
        }
        self
    }

    /// The last count's words, when they are not its key's (`without_contract`: `without a
    /// vendor contract`).
    #[must_use]
    pub fn says(self, words: &'static str) -> Self {
        self.noun(words, words)
    }

    /// The last count's words for one and for any other number (`1 entry`, `2 entries`).
    #[must_use]
    pub fn noun(self, one: &'static str, other: &'static str) -> Self {
        self.last(|count| (count.one, count.other) = (one, other))
    }

    /// The line says the last count only when it is not zero.
    #[must_use]
    pub fn unless_zero(self) -> Self {
        self.last(|count| count.said = Said::UnlessZero)
    }

    /// The last count is for machines only: JSON carries it, the line does not.
    #[must_use]
    pub fn unsaid(self) -> Self {
        self.last(|count| count.said = Said::Never)
    }

    /// The number under `key`, if there is one.
    pub fn get(&self, key: &str) -> Option<usize> {
        self.all().find(|count| count.key == key).map(|count| count.n)
    }

    fn all(&self) -> impl Iterator<Item = &Count> {
        self.groups.iter().flat_map(|group| group.heads.iter().chain(&group.parts))
    }

    /// Changes the count added last (a modifier before any count changes nothing).
    fn last(mut self, change: impl FnOnce(&mut Count)) -> Self {
        let group = self.groups.last_mut();
        let count = group.and_then(|group| {
            if group.parts.is_empty() { group.heads.last_mut() } else { group.parts.last_mut() }
        });
        if let Some(count) = count {
            change(count);
        }
        self
    }
}

impl Count {
    fn new(key: &'static str, n: usize) -> Self {
        Self { key, n, one: key, other: key, said: Said::Always }
    }

    fn said(&self) -> bool {
        match self.said {
            Said::Always => true,
            Said::UnlessZero => self.n > 0,
            Said::Never => false,
        }
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = if self.n == 1 { self.one } else { self.other };
        write!(f, "{} {}", self.n, words.replace('_', " "))
    }
}

/// The said counts of `counts`, joined by `, `.
fn joined(counts: &[Count]) -> String {
    counts.iter().filter(|count| count.said()).map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<String> = self
            .groups
            .iter()
            .map(|group| match (joined(&group.heads), joined(&group.parts)) {
                (heads, parts) if parts.is_empty() => heads,
                (heads, parts) if heads.is_empty() => parts,
                (heads, parts) => format!("{heads}: {parts}"),
            })
            .filter(|group| !group.is_empty())
            .collect();
        f.write_str(&groups.join("; "))
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for count in self.all() {
            map.serialize_entry(count.key, &count.n)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    /// Each shape a check's summary takes, as the line and as JSON.
    #[test]
    fn a_line_and_an_object_from_one_list() {
        let cases = [
            (
                Counts::new().head("files", 3).part("fresh", 2).part("stale", 1).part("failed", 0),
                "3 files: 2 fresh, 1 stale, 0 failed",
                r#"{"files":3,"fresh":2,"stale":1,"failed":0}"#,
            ),
            (
                Counts::new()
                    .head("files", 1)
                    .noun("file", "files")
                    .head("entries", 2)
                    .noun("entry", "entries")
                    .part("valid", 2)
                    .head("violations", 1)
                    .noun("violation", "violations")
                    .head("notices", 0)
                    .unless_zero(),
                "1 file, 2 entries: 2 valid; 1 violation",
                r#"{"files":1,"entries":2,"valid":2,"violations":1,"notices":0}"#,
            ),
            (
                Counts::new()
                    .head("documents", 5)
                    .part("failed", 1)
                    .unsaid()
                    .part("non_breaking", 3)
                    .part("without_contract", 1)
                    .says("without a vendor contract")
                    .head("stale", 2)
                    .says("stale entries"),
                "5 documents: 3 non breaking, 1 without a vendor contract; 2 stale entries",
                r#"{"documents":5,"failed":1,"non_breaking":3,"without_contract":1,"stale":2}"#,
            ),
            (Counts::new().part("accepted", 0).unless_zero(), "", r#"{"accepted":0}"#),
        ];
        for (counts, line, json) in cases {
            assert_eq!(counts.to_string(), line);
            assert_eq!(serde_json::to_string(&counts).expect("serializes"), json);
        }
    }

    #[test]
    fn a_count_is_found_by_its_key() {
        let counts = Counts::new().head("files", 3).part("failed", 1).unsaid();
        assert_eq!((counts.get("failed"), counts.get("fresh")), (Some(1), None));
    }
}
