//! `allOf`, `anyOf` and `oneOf`, branch by branch, the `discriminator` that picks a branch,
//! and an object wrapped in a `oneOf`. Branches are matched as oasdiff matches them: by
//! `$ref`, then by equal content, then by equal content but for what only documents (so
//! that a description changed in two branches adds and removes none), then by `title`, and
//! a last pair left on each side is taken for the same branch changed.

use serde_json::{Value, json};

use super::compare::{Comparer, Loc, Side};
use super::effective::{DOCS, Effective, undocumented};
use super::rules::{self, Directed, Direction};

/// Keywords this module compares.
pub(super) const HANDLED: [&str; 4] = ["allOf", "anyOf", "oneOf", "discriminator"];

const KEYWORDS: [(&str, Directed, Directed); 3] = [
    ("allOf", rules::ALL_OF_ADDED, rules::ALL_OF_REMOVED),
    ("anyOf", rules::ANY_OF_ADDED, rules::ANY_OF_REMOVED),
    ("oneOf", rules::ONE_OF_ADDED, rules::ONE_OF_REMOVED),
];

/// A branch that only describes (a `description` or `title` alone in an `allOf`) constrains
/// nothing: adding or removing it is documentation.
fn describes_only(value: &Value) -> bool {
    value.as_object().is_some_and(|map| !map.is_empty() && map.keys().all(|key| DOCS.contains(&key.as_str())))
}

/// Pairs each branch of `before` with one of `after`: the pairs, then what is left of each.
fn match_branches(before: &[Value], after: &[Value]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut old: Vec<usize> = (0..before.len()).collect();
    let mut new: Vec<usize> = (0..after.len()).collect();
    let mut pairs = Vec::new();
    let reference = |value: &Value| value.get("$ref").and_then(Value::as_str).map(str::to_owned);
    let title = |value: &Value| value.get("title").and_then(Value::as_str).map(str::to_owned);
    let same_ref = |b: &Value, a: &Value| reference(b).is_some() && reference(b) == reference(a);
    let same_title = |b: &Value, a: &Value| title(b).is_some() && title(b) == title(a);
    let equal = |b: &Value, a: &Value| b == a;
    let equal_but_docs = |b: &Value, a: &Value| undocumented(b) == undocumented(a);
    for same in [&same_ref as &dyn Fn(&Value, &Value) -> bool, &equal, &equal_but_docs, &same_title] {
        old.retain(|&b| {
            let Some(position) = new.iter().position(|&a| same(&before[b], &after[a])) else { return true };
            pairs.push((b, new.remove(position)));
            false
        });
    }
    let inline = |value: &Value| reference(value).is_none();
    if let ([b], [a]) = (old.as_slice(), new.as_slice())
        && inline(&before[*b])
        && inline(&after[*a])
    {
        pairs.push((*b, *a));
        old.clear();
        new.clear();
    }
    (pairs, old, new)
}

/// The properties of `b` that `a` moved into the alternatives of a `oneOf` it wraps them in
/// (oasdiff's "oneOf wrapping"): `b` an object with properties and no `oneOf`, `a` a `oneOf`
/// with no type or properties of its own. Empty when `a` does not wrap `b`.
fn moved_into_one_of(document: &Value, b: &Effective<'_>, a: &Effective<'_>) -> Vec<String> {
    let names = |e: &Effective<'_>| -> Vec<String> {
        e.keyword("properties").map(|loc| loc.keys().cloned().collect()).unwrap_or_default()
    };
    let (Some(alternatives), None, None) = (a.keyword("oneOf"), a.keyword("type"), a.keyword("properties"))
    else {
        return Vec::new();
    };
    if b.keyword("oneOf").is_some() {
        return Vec::new();
    }
    let held: Vec<String> = (0..alternatives.array().len())
        .filter_map(|index| alternatives.index(index))
        .flat_map(|branch| names(&Effective::of(document, &branch)))
        .collect();
    names(b).into_iter().filter(|name| held.contains(name)).collect()
}

impl Comparer<'_> {
    /// An object wrapped in a `oneOf`: reported once, with the properties that moved, which
    /// are then neither removed nor compared again (as oasdiff reports it). `None` when `a`
    /// does not wrap `b`.
    pub(super) fn wrapping(
        &mut self,
        b: &Effective<'_>,
        a: &Effective<'_>,
        direction: Direction,
    ) -> Option<Vec<String>> {
        let moved = moved_into_one_of(self.after.value, b, a);
        if moved.is_empty() {
            return None;
        }
        let alternatives = a.keyword("oneOf").map(|loc| loc.value.clone());
        self.record(
            rules::WRAPPED_IN_ONE_OF.at(direction),
            Side::After,
            &a.place("oneOf"),
            Some(json!({ "properties": moved })),
            alternatives.map(|list| json!({ "oneOf": list })),
        );
        Some(moved)
    }

    /// `allOf`, `anyOf` and `oneOf` branch by branch; the `oneOf` not when it `wraps` the old
    /// schema, which [`Self::wrapping`] reported.
    pub(super) fn composition(
        &mut self,
        b: &Effective<'_>,
        a: &Effective<'_>,
        direction: Direction,
        wraps: bool,
    ) {
        for (key, added, removed) in KEYWORDS {
            let (lb, la) = (b.keyword(key), a.keyword(key));
            if (lb.is_none() && la.is_none()) || (wraps && key == "oneOf") {
                continue;
            }
            let (pairs, gone, new) =
                match_branches(lb.map_or(&[][..], Loc::array), la.map_or(&[][..], Loc::array));
            for (old_index, new_index) in pairs {
                if let (Some(sb), Some(sa)) =
                    (lb.and_then(|loc| loc.index(old_index)), la.and_then(|loc| loc.index(new_index)))
                {
                    self.schema(&sb, &sa, direction);
                }
            }
            for index in new {
                let Some(sa) = la.and_then(|loc| loc.index(index)) else { continue };
                let rule =
                    if describes_only(sa.value) { rules::DESCRIPTION_CHANGED } else { added.at(direction) };
                self.record_pair(rule, None, Some(&sa));
            }
            for index in gone {
                let Some(sb) = lb.and_then(|loc| loc.index(index)) else { continue };
                let rule =
                    if describes_only(sb.value) { rules::DESCRIPTION_CHANGED } else { removed.at(direction) };
                self.record_pair(rule, Some(&sb), None);
            }
        }
    }

    /// The discriminator: its property, and the value each branch is picked by.
    pub(super) fn discriminator(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let (db, da) = match (b.keyword("discriminator"), a.keyword("discriminator")) {
            (None, None) => return,
            (None, Some(da)) => return self.record_pair(rules::DISCRIMINATOR_ADDED, None, Some(da)),
            (Some(db), None) => return self.record_pair(rules::DISCRIMINATOR_REMOVED, Some(db), None),
            (Some(db), Some(da)) => (db, da),
        };
        let (pb, pa) = (db.get("propertyName"), da.get("propertyName"));
        if pb.as_ref().map(|loc| loc.value) != pa.as_ref().map(|loc| loc.value) {
            self.record_pair(rules::DISCRIMINATOR_PROPERTY_CHANGED, pb.as_ref(), pa.as_ref());
        }
        let (mb, ma) = (db.get("mapping"), da.get("mapping"));
        let names = |loc: &Option<Loc<'_>>| -> Vec<String> {
            loc.as_ref().map(|loc| loc.keys().cloned().collect()).unwrap_or_default()
        };
        let (old, new) = (names(&mb), names(&ma));
        for name in &new {
            let eb = mb.as_ref().and_then(|loc| loc.get(name));
            let Some(ea) = ma.as_ref().and_then(|loc| loc.get(name)) else { continue };
            match eb {
                None => self.record(
                    rules::DISCRIMINATOR_MAPPING_ADDED.at(direction),
                    Side::After,
                    &ea.at,
                    None,
                    Some(json!({ name.as_str(): ea.value })),
                ),
                Some(eb) if eb.value != ea.value => {
                    self.record_pair(rules::DISCRIMINATOR_MAPPING_CHANGED, Some(&eb), Some(&ea));
                }
                Some(_) => {}
            }
        }
        for name in old.iter().filter(|name| !new.contains(name)) {
            if let Some(eb) = mb.as_ref().and_then(|loc| loc.get(name)) {
                let shown = Some(json!({ name.as_str(): eb.value }));
                self.record(
                    rules::DISCRIMINATOR_MAPPING_REMOVED.at(direction),
                    Side::Before,
                    &eb.at,
                    shown,
                    None,
                );
            }
        }
        self.generic_keys(db, da, &["propertyName", "mapping"]);
    }
}
