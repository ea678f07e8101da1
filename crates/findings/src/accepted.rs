//! Accepted findings: what a reviewer has accepted, each entry with its reason, so that a
//! check stops failing on it. One shape for every check's file (`diff`'s accepted changes,
//! an endpoint's `.conform.yaml`): an entry names what it accepts by the check's own key; an
//! entry whose reason is still to be written fails; an entry that accepts nothing any more is
//! [`Stale`] and fails until it is removed, so that the file never outlives what it excuses.

use serde::Deserialize;

use crate::Stale;

/// What a reason starts with while it is still to be written.
pub const REASON_TO_WRITE: &str = "TODO";

/// One entry: what it accepts (`key`), why, and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<K> {
    pub key: K,
    pub reason: String,
    /// The file, as people are shown it.
    pub file: String,
    /// The line the entry starts on.
    pub line: usize,
}

/// An entry as a file writes it: the check's key, flattened, beside `reason`.
#[derive(Debug, Deserialize)]
pub struct Written<K> {
    #[serde(flatten)]
    pub key: K,
    pub reason: String,
}

impl<K> Entry<K> {
    /// The entry written at `file:line`, refused when its reason is empty or still to write.
    pub fn new(written: Written<K>, file: &str, line: usize) -> Result<Self, String> {
        let reason = written.reason.trim();
        if reason.is_empty() {
            return Err("the entry has no reason: say why the finding is accepted".to_owned());
        }
        if reason.starts_with(REASON_TO_WRITE) {
            return Err(format!("the reason is still to be written: replace {reason:?}"));
        }
        Ok(Self { key: written.key, reason: reason.to_owned(), file: file.to_owned(), line })
    }

    /// The entry as stale, saying what it named.
    pub fn stale(&self, named: &str) -> Stale {
        Stale {
            file: self.file.clone(),
            line: self.line,
            message: format!("{named} accepts nothing any more: remove the entry"),
        }
    }
}

/// Marks each item an entry accepts, with `accept`, and returns the entries that accept none.
/// `accepts` says whether an entry's key names an item; it may refuse a key that names an
/// item wrongly (a fingerprint copied to another change), naming why.
pub fn apply<'e, K, T>(
    items: &mut [T],
    entries: &'e [Entry<K>],
    accepts: impl Fn(&K, &T) -> Result<bool, String>,
    mut accept: impl FnMut(&mut T, &'e Entry<K>),
) -> Result<Vec<&'e Entry<K>>, (&'e Entry<K>, String)> {
    let mut stale = Vec::new();
    for entry in entries {
        let mut matched = false;
        for item in items.iter_mut() {
            if accepts(&entry.key, item).map_err(|message| (entry, message))? {
                accept(item, entry);
                matched = true;
            }
        }
        if !matched {
            stale.push(entry);
        }
    }
    Ok(stale)
}

#[cfg(test)]
mod tests {
    use super::{Entry, Written, apply};

    fn entry(key: u32, reason: &str) -> Result<Entry<u32>, String> {
        Entry::new(Written { key, reason: reason.to_owned() }, "a.yaml", 3)
    }

    #[test]
    fn entries_accept_what_they_name_and_the_rest_are_stale() {
        let entries = [entry(1, "why").expect("entry"), entry(7, "why not").expect("entry")];
        let mut items = [(1, None), (2, None)];
        let stale = apply(
            &mut items,
            &entries,
            |key, item| Ok(*key == item.0),
            |item, entry| {
                item.1 = Some(entry.reason.clone());
            },
        )
        .expect("no refusal");
        assert_eq!(items, [(1, Some("why".to_owned())), (2, None)]);
        assert_eq!(stale.iter().map(|entry| entry.key).collect::<Vec<_>>(), [7]);
        assert_eq!(stale[0].stale("7").message, "7 accepts nothing any more: remove the entry");
    }

    #[test]
    fn a_reason_to_write_or_none_is_refused_and_a_wrong_key_is_named() {
        assert!(entry(1, " ").is_err());
        assert!(entry(1, "TODO(conform): why").is_err_and(|error| error.contains("still to be written")));
        let entries = [entry(1, "why").expect("entry")];
        let refused = apply(&mut [1], &entries, |_, _| Err("names another".to_owned()), |_, _| {});
        assert_eq!(
            refused.map_err(|(entry, message)| (entry.line, message)),
            Err((3, "names another".to_owned()))
        );
    }
}
