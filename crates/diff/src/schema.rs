//! Comparing two schemas in a direction: the effective schema at each place
//! ([`super::effective`]), with each change reported where it is written.
//! Keywords of values live here; subschema keywords in [`super::keywords`], composition and
//! discriminators in [`super::composition`].

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use cloudspec_vocabulary::KNOWN_VALUES;

use super::compare::{Comparer, Loc, Side};
use super::effective::Effective;
use super::lifecycle::Removal;
use super::rules::{self, Direction};

/// Limits with an upper bound: a smaller value is tighter.
const UPPER: [&str; 5] = ["maxLength", "x-max-bytes", "maxItems", "maxProperties", "maxContains"];
/// Limits with a lower bound: a larger value is tighter.
const LOWER: [&str; 4] = ["minLength", "minItems", "minProperties", "minContains"];
/// Numeric bounds: the inclusive keyword, the exclusive one, and whether it bounds from above.
const BOUNDS: [(&str, &str, bool); 2] =
    [("maximum", "exclusiveMaximum", true), ("minimum", "exclusiveMinimum", false)];

/// Keywords compared by a rule of their own in [`Comparer::schema`].
const HANDLED: [&str; 21] = [
    "type",
    "format",
    "pattern",
    "enum",
    KNOWN_VALUES,
    "const",
    "default",
    "readOnly",
    "writeOnly",
    "contentMediaType",
    "contentEncoding",
    "properties",
    "required",
    "items",
    "additionalProperties",
    "deprecated",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "discriminator",
];

impl Comparer<'_> {
    /// Compares the schema at `before` with the one at `after`, as written by the client
    /// (`Request`) or read by it (`Response`).
    pub(super) fn schema(&mut self, before: &Loc<'_>, after: &Loc<'_>, direction: Direction) {
        let b = Effective::of(self.before.value, before);
        let a = Effective::of(self.after.value, after);
        if !self.visited.insert((b.at.clone(), a.at.clone(), direction)) {
            return;
        }
        let moved = self.wrapping(&b, &a, direction);
        if moved.is_none() {
            self.types(&b, &a, direction);
        }
        if b.nullable != a.nullable {
            let rule = if a.nullable { rules::BECAME_NULLABLE } else { rules::BECAME_NON_NULLABLE };
            let at = a.null_at.clone().unwrap_or_else(|| a.at.clone());
            self.record(
                rule.at(direction),
                Side::After,
                &at,
                Some(json!(b.nullable)),
                Some(json!(a.nullable)),
            );
        }
        self.changed(&b, &a, "format", rules::FORMAT_CHANGED);
        self.pattern(&b, &a, direction);
        self.enumeration(&b, &a, direction);
        self.known_values(&b, &a, direction);
        self.constant(&b, &a, direction);
        self.default(&b, &a, direction);
        self.changed(&b, &a, "contentMediaType", rules::CONTENT_MEDIA_TYPE_CHANGED);
        self.changed(&b, &a, "contentEncoding", rules::CONTENT_MEDIA_TYPE_CHANGED);
        self.access(&b, &a, direction);
        for key in UPPER {
            self.limit(&b, &a, key, true, direction);
        }
        for key in LOWER {
            self.limit(&b, &a, key, false, direction);
        }
        for (inclusive, exclusive, upper) in BOUNDS {
            self.bound(&b, &a, inclusive, exclusive, upper, direction);
        }
        self.properties(&b, &a, direction, moved.as_deref().unwrap_or_default());
        self.subschemas(&b, &a, direction);
        self.composition(&b, &a, direction, moved.is_some());
        self.discriminator(&b, &a, direction);
        let deprecated = |e: &Effective<'_>| e.flag("deprecated");
        let rule = match (deprecated(&b), deprecated(&a)) {
            (false, true) => Some(rules::DEPRECATED_ADDED),
            (true, false) => Some(rules::DEPRECATED_REMOVED),
            _ => None,
        };
        if let Some(rule) = rule {
            let values = (Some(json!(deprecated(&b))), Some(json!(deprecated(&a))));
            self.record(rule, Side::After, &a.place("deprecated"), values.0, values.1);
        }

        let mut rest: Vec<&str> = a.keywords.iter().map(|(key, _)| *key).collect();
        rest.extend(b.keywords.iter().map(|(key, _)| *key).filter(|key| a.keyword(key).is_none()));
        for key in rest {
            let handled = HANDLED.contains(&key)
                || UPPER.contains(&key)
                || LOWER.contains(&key)
                || super::keywords::HANDLED.contains(&key)
                || super::composition::HANDLED.contains(&key);
            if !handled && !self.lifecycle(key, b.keyword(key), a.keyword(key), a.flag("deprecated")) {
                self.generic(key, b.keyword(key), a.keyword(key));
            }
        }
    }

    /// A keyword whose every change is one rule.
    fn changed(&mut self, b: &Effective<'_>, a: &Effective<'_>, key: &str, rule: rules::Rule) {
        if b.keyword(key).map(|loc| loc.value) != a.keyword(key).map(|loc| loc.value) {
            self.record_pair(rule, b.keyword(key), a.keyword(key));
        }
    }

    /// Types as sets: `integer` is within `number`, and no `type` admits every type.
    fn types(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let (before, after) = (b.types(), a.types());
        if before == after {
            return;
        }
        let covered = |kind: &str, set: &Option<BTreeSet<&str>>| {
            set.as_ref().is_none_or(|set| set.contains(kind) || (kind == "integer" && set.contains("number")))
        };
        let narrowed = match &before {
            None => true,
            Some(kinds) => kinds.iter().any(|kind| !covered(kind, &after)),
        };
        let widened = match &after {
            None => true,
            Some(kinds) => kinds.iter().any(|kind| !covered(kind, &before)),
        };
        let rule = match (narrowed, widened) {
            (true, false) => rules::TYPE_NARROWED.at(direction),
            (false, true) => rules::TYPE_WIDENED.at(direction),
            _ => rules::TYPE_CHANGED,
        };
        let shown = |kinds: Option<BTreeSet<&str>>| {
            kinds.map(|kinds| match kinds.len() {
                1 => json!(kinds.first()),
                _ => json!(kinds),
            })
        };
        self.record(rule, Side::After, &a.place("type"), shown(before), shown(after));
    }

    /// A keyword whose rule depends on whether it was added, removed or changed: the rule
    /// `pick` names, if any.
    fn presence(
        &mut self,
        b: &Effective<'_>,
        a: &Effective<'_>,
        key: &str,
        pick: impl FnOnce(Presence) -> rules::Rule,
    ) {
        let presence = match (b.keyword(key), a.keyword(key)) {
            (Some(old), Some(new)) if old.value != new.value => Presence::Changed,
            (None, Some(_)) => Presence::Added,
            (Some(_), None) => Presence::Removed,
            _ => return,
        };
        self.record_pair(pick(presence), b.keyword(key), a.keyword(key));
    }

    fn pattern(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        self.presence(b, a, "pattern", |presence| match presence {
            Presence::Changed => rules::PATTERN_CHANGED,
            Presence::Added => rules::PATTERN_ADDED.at(direction),
            Presence::Removed => rules::PATTERN_REMOVED.at(direction),
        });
    }

    /// `default`: one added only says what the server assumes; one changed or removed
    /// changes it.
    fn default(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        self.presence(b, a, "default", |presence| match presence {
            Presence::Added => rules::DEFAULT_ADDED.at(direction),
            Presence::Changed | Presence::Removed => rules::DEFAULT_CHANGED.at(direction),
        });
    }

    fn enumeration(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let values = |e: &Effective<'_>| e.keyword("enum").and_then(|loc| loc.value.as_array().cloned());
        let (before, after) = (values(b), values(a));
        let (narrowed, widened) = match (&before, &after) {
            (None, None) => return,
            // An enum appearing narrows from any value; one disappearing widens to any.
            (None, Some(_)) => (true, false),
            (Some(_), None) => (false, true),
            (Some(old), Some(new)) => {
                (old.iter().any(|value| !new.contains(value)), new.iter().any(|value| !old.contains(value)))
            }
        };
        let at = a.place("enum");
        let (before, after) = (before.map(Value::Array), after.map(Value::Array));
        if narrowed {
            self.record(rules::ENUM_NARROWED.at(direction), Side::After, &at, before.clone(), after.clone());
        }
        if widened {
            self.record(rules::ENUM_WIDENED.at(direction), Side::After, &at, before, after);
        }
    }

    /// The list of an open enum: a value added to or removed from it, in either direction,
    /// with the lists before and after.
    fn known_values(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let values =
            |e: &Effective<'_>| e.keyword(KNOWN_VALUES).map(|loc| loc.array().to_vec()).unwrap_or_default();
        let (before, after) = (values(b), values(a));
        let at = a.place(KNOWN_VALUES);
        let lists = || (Some(Value::Array(before.clone())), Some(Value::Array(after.clone())));
        if before.iter().any(|value| !after.contains(value)) {
            let (old, new) = lists();
            self.record(rules::KNOWN_VALUE_REMOVED.at(direction), Side::After, &at, old, new);
        }
        if after.iter().any(|value| !before.contains(value)) {
            let (old, new) = lists();
            self.record(rules::KNOWN_VALUE_ADDED.at(direction), Side::After, &at, old, new);
        }
    }

    fn constant(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        self.presence(b, a, "const", |presence| {
            match presence {
                Presence::Changed => rules::CONST_CHANGED,
                Presence::Added => rules::CONST_ADDED,
                Presence::Removed => rules::CONST_REMOVED,
            }
            .at(direction)
        });
    }

    /// `readOnly` and `writeOnly` appearing or going.
    fn access(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        for (key, became, removed) in [
            ("readOnly", rules::BECAME_READ_ONLY, rules::READ_ONLY_REMOVED),
            ("writeOnly", rules::BECAME_WRITE_ONLY, rules::WRITE_ONLY_REMOVED),
        ] {
            let rule = match (b.flag(key), a.flag(key)) {
                (false, true) => became.at(direction),
                (true, false) => removed,
                _ => continue,
            };
            self.record(rule, Side::After, &a.place(key), Some(json!(b.flag(key))), Some(json!(a.flag(key))));
        }
    }

    fn limit(&mut self, b: &Effective<'_>, a: &Effective<'_>, key: &str, upper: bool, direction: Direction) {
        let number = |e: &Effective<'_>| e.keyword(key).and_then(|loc| loc.value.as_f64());
        let tightened = match (number(b), number(a)) {
            (None, None) => return,
            (Some(old), Some(new)) if (old - new).abs() < f64::EPSILON => return,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(old), Some(new)) => (new < old) == upper,
        };
        let rule = if tightened { rules::LIMIT_TIGHTENED } else { rules::LIMIT_LOOSENED };
        self.record_pair(rule.at(direction), b.keyword(key), a.keyword(key));
    }

    /// A numeric bound, from `minimum`/`exclusiveMinimum` (or the maximums) taken together:
    /// moving a bound from `minimum: 5` to `exclusiveMinimum: 5` tightens it, once.
    fn bound(
        &mut self,
        b: &Effective<'_>,
        a: &Effective<'_>,
        inclusive: &str,
        exclusive: &str,
        upper: bool,
        direction: Direction,
    ) {
        let (old, new) =
            (Bound::of(b, inclusive, exclusive, upper), Bound::of(a, inclusive, exclusive, upper));
        let tightened = match (&old, &new) {
            (None, None) => return,
            (Some(old), Some(new)) if old.same(new) => return,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(old), Some(new)) => new.tighter_than(old, upper),
        };
        let rule = if tightened { rules::LIMIT_TIGHTENED } else { rules::LIMIT_LOOSENED };
        let (before, after) = (old.as_ref().map(|bound| bound.loc), new.as_ref().map(|bound| bound.loc));
        if let (Some(before), Some(after)) = (before, after)
            && before.at.rsplit('/').next() != after.at.rsplit('/').next()
        {
            // The bound moved between keywords: show both sides' keyword and value.
            let shown = |bound: &Bound<'_, '_>| json!({ bound.key: bound.loc.value });
            let values = (old.as_ref().map(shown), new.as_ref().map(shown));
            return self.record(rule.at(direction), Side::After, &after.at, values.0, values.1);
        }
        self.record_pair(rule.at(direction), before, after);
    }

    /// Properties matched by name; those `moved` into a `oneOf` the new schema wraps them in
    /// are not removed.
    fn properties(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction, moved: &[String]) {
        let required = |e: &Effective<'_>| -> BTreeSet<String> {
            e.keyword("required")
                .map(|loc| loc.array().iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default()
        };
        let (required_before, required_after) = (required(b), required(a));
        let (pb, pa) = (b.keyword("properties"), a.keyword("properties"));
        let names = |loc: Option<&Loc<'_>>| -> Vec<String> {
            loc.map(|loc| loc.keys().cloned().collect()).unwrap_or_default()
        };
        let (old, new) = (names(pb), names(pa));

        let removed: Vec<&String> =
            old.iter().filter(|name| !new.contains(name) && !moved.contains(name)).collect();
        let mut added: Vec<&String> = new.iter().filter(|name| !old.contains(name)).collect();
        for name in new.iter().filter(|name| old.contains(name)) {
            let (Some(sb), Some(sa)) = (pb.and_then(|loc| loc.get(name)), pa.and_then(|loc| loc.get(name)))
            else {
                continue;
            };
            match (required_before.contains(name), required_after.contains(name)) {
                (false, true) => self.record(
                    rules::PROPERTY_BECAME_REQUIRED.at(direction),
                    Side::After,
                    &sa.at,
                    Some(json!(false)),
                    Some(json!(true)),
                ),
                (true, false) => self.record(
                    rules::PROPERTY_BECAME_OPTIONAL.at(direction),
                    Side::After,
                    &sa.at,
                    Some(json!(true)),
                    Some(json!(false)),
                ),
                _ => {}
            }
            self.schema(&sb, &sa, direction);
        }
        for name in removed {
            let Some(sb) = pb.and_then(|loc| loc.get(name)) else { continue };
            let effective = Effective::of(self.before.value, &sb);
            let shape = effective.shape();
            let renamed = added.iter().position(|candidate| {
                pa.and_then(|loc| loc.get(candidate)).is_some_and(|sa| {
                    Effective::of(self.after.value, &sa).shape() == shape
                        && required_before.contains(name) == required_after.contains(candidate.as_str())
                })
            });
            if let Some(index) = renamed {
                let candidate = added.remove(index);
                let at = pa.and_then(|loc| loc.get(candidate)).map(|loc| loc.at).unwrap_or_default();
                self.record(
                    rules::PROPERTY_RENAMED,
                    Side::After,
                    &at,
                    Some(json!(name)),
                    Some(json!(candidate)),
                );
                continue;
            }
            // The lifecycle keywords may sit on the property or on the schema it refers to.
            let lifecycle: Map<String, Value> = ["deprecated", super::lifecycle::SUNSET]
                .into_iter()
                .filter_map(|key| effective.keyword(key).map(|loc| (key.to_owned(), loc.value.clone())))
                .collect();
            let rule = Removal::of(&Value::Object(lifecycle.clone()), self.today).rule(
                rules::PROPERTY_REMOVED.at(direction),
                rules::PROPERTY_REMOVED_DEPRECATED,
                rules::PROPERTY_REMOVED_BEFORE_SUNSET.at(direction),
                rules::PROPERTY_REMOVED_AFTER_SUNSET,
            );
            let holder = Value::Object(lifecycle);
            self.record_removal(rule, &Loc::new(&holder, sb.at.clone()), sb.value.clone());
        }
        for name in added {
            let Some(sa) = pa.and_then(|loc| loc.get(name)) else { continue };
            if required_after.contains(name) {
                self.record_pair(rules::PROPERTY_BECAME_REQUIRED.at(direction), None, Some(&sa));
            } else {
                self.record_pair(rules::PROPERTY_ADDED, None, Some(&sa));
            }
        }
    }
}

/// How a keyword differs between the two sides.
#[derive(Clone, Copy, Debug)]
enum Presence {
    Added,
    Removed,
    Changed,
}

/// One side's numeric bound in one direction.
#[derive(Debug)]
struct Bound<'l, 'a> {
    value: f64,
    exclusive: bool,
    key: &'a str,
    loc: &'l Loc<'a>,
}

impl<'l, 'a> Bound<'l, 'a> {
    /// The bound an effective schema sets: the tighter of its inclusive and exclusive
    /// keywords. OpenAPI 3.0's boolean `exclusiveMinimum: true` makes `minimum` exclusive.
    fn of(e: &'l Effective<'a>, inclusive: &'a str, exclusive: &'a str, upper: bool) -> Option<Self> {
        let flag = e.keyword(exclusive).and_then(|loc| loc.value.as_bool()).unwrap_or(false);
        let candidates = [
            e.keyword(inclusive).and_then(|loc| {
                loc.value.as_f64().map(|value| Self { value, exclusive: flag, key: inclusive, loc })
            }),
            e.keyword(exclusive).and_then(|loc| {
                loc.value.as_f64().map(|value| Self { value, exclusive: true, key: exclusive, loc })
            }),
        ];
        candidates
            .into_iter()
            .flatten()
            .reduce(|one, other| if other.tighter_than(&one, upper) { other } else { one })
    }

    fn same(&self, other: &Self) -> bool {
        (self.value - other.value).abs() < f64::EPSILON && self.exclusive == other.exclusive
    }

    fn tighter_than(&self, other: &Self, upper: bool) -> bool {
        if (self.value - other.value).abs() < f64::EPSILON {
            return self.exclusive && !other.exclusive;
        }
        (self.value < other.value) == upper
    }
}
