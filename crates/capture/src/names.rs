//! The member names of the objects open in a walk, to find a name given twice in one object:
//! RFC 8259 says names SHOULD be unique and leaves the meaning of a repeat undefined (parsers
//! keep the first, the last, or both), so a capture that has one is reported.
//!
//! The names sit in one arena that grows and shrinks with the nesting; a small object is
//! searched in order, a large one through a hash of each name.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use crate::reader::Position;

/// Objects with more members than this get an index of their names.
const SEARCHED_IN_ORDER: usize = 16;

#[derive(Debug, Default)]
pub(super) struct Names {
    text: String,
    entries: Vec<Entry>,
    frames: Vec<Frame>,
    hasher: RandomState,
}

#[derive(Debug)]
struct Entry {
    start: usize,
    end: usize,
    /// Where the member's value starts.
    at: Position,
}

#[derive(Debug, Default)]
struct Frame {
    /// The first entry of the object.
    first: usize,
    /// From a name's hash to its first entry, once the object is large.
    index: HashMap<u64, usize>,
    repeats: usize,
}

impl Names {
    /// An object opens.
    pub(super) fn open(&mut self) {
        self.frames.push(Frame { first: self.entries.len(), ..Frame::default() });
    }

    /// The innermost object closes; its names are forgotten.
    pub(super) fn close(&mut self) {
        if let Some(frame) = self.frames.pop() {
            if let Some(entry) = self.entries.get(frame.first) {
                self.text.truncate(entry.start);
            }
            self.entries.truncate(frame.first);
        }
    }

    /// Adds `name` to the innermost object: its entry, and the entry of its first occurrence
    /// if the object has it already.
    pub(super) fn insert(&mut self, name: &str) -> (usize, Option<usize>) {
        let Some(frame) = self.frames.last_mut() else { return (self.entries.len(), None) };
        let members = self.entries.len() - frame.first;
        let text = &self.text;
        let same = |entry: &Entry| text.as_bytes()[entry.start..entry.end] == *name.as_bytes();
        let earlier = if members < SEARCHED_IN_ORDER {
            self.entries[frame.first..].iter().position(same).map(|index| frame.first + index)
        } else {
            if frame.index.is_empty() {
                for (index, entry) in self.entries.iter().enumerate().skip(frame.first) {
                    let hash = self.hasher.hash_one(&text[entry.start..entry.end]);
                    frame.index.entry(hash).or_insert(index);
                }
            }
            match frame.index.get(&self.hasher.hash_one(name)) {
                Some(&index) if same(&self.entries[index]) => Some(index),
                // Two names with one hash: rare enough to search in order.
                Some(_) => self.entries[frame.first..].iter().position(same).map(|index| frame.first + index),
                None => None,
            }
        };
        let start = self.text.len();
        self.text.push_str(name);
        if members >= SEARCHED_IN_ORDER {
            frame.index.entry(self.hasher.hash_one(name)).or_insert(self.entries.len());
        }
        self.entries.push(Entry { start, end: self.text.len(), at: Position::default() });
        if earlier.is_some() {
            frame.repeats += 1;
        }
        (self.entries.len() - 1, earlier)
    }

    /// Records where the value of entry `index` starts.
    pub(super) fn set_at(&mut self, index: usize, at: Position) {
        if let Some(entry) = self.entries.get_mut(index) {
            entry.at = at;
        }
    }

    /// Where the value of entry `index` starts.
    pub(super) fn at(&self, index: usize) -> Position {
        self.entries[index].at
    }

    /// The name of entry `index`.
    pub(super) fn name(&self, index: usize) -> &str {
        let entry = &self.entries[index];
        &self.text[entry.start..entry.end]
    }

    /// The names of the innermost object, in order, repeats included.
    pub(super) fn current(&self) -> impl Iterator<Item = &str> {
        let first = self.frames.last().map_or(self.entries.len(), |frame| frame.first);
        self.entries[first..].iter().map(|entry| &self.text[entry.start..entry.end])
    }

    /// How many distinct names the innermost object has.
    pub(super) fn distinct(&self) -> usize {
        self.frames.last().map_or(0, |frame| self.entries.len() - frame.first - frame.repeats)
    }

    /// Roughly how many bytes the names held take.
    pub(super) fn bytes(&self) -> usize {
        self.text.len()
            + self.entries.len() * (size_of::<Entry>() + size_of::<(u64, usize)>())
            + self.frames.len() * size_of::<Frame>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_repeat_in_small_and_large_objects_alike() {
        let mut names = Names::default();
        names.open();
        assert_eq!(names.insert("a"), (0, None));
        names.set_at(0, Position { offset: 7, line: 1, column: 8 });
        names.open();
        assert_eq!(names.insert("a"), (1, None), "an inner object has names of its own");
        names.close();
        for index in 0..100 {
            assert_eq!(names.insert(&format!("n{index}")).1, None);
        }
        assert_eq!(names.insert("a"), (101, Some(0)));
        assert_eq!(names.at(0).column, 8);
        assert_eq!(names.insert("n99"), (102, Some(100)));
        assert_eq!(names.name(100), "n99");
        assert_eq!(names.distinct(), 101);
        assert_eq!(names.current().count(), 103);
        names.close();
        assert_eq!(names.bytes(), 0);
    }
}
