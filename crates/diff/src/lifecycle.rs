//! Deprecation, sunset and stability: whether removing something was announced, whether its
//! announced `x-sunset` date has come, and what changing the promises `x-sunset` and
//! `x-stability-level` make does to the clients that plan by them. "Today" is passed in, so
//! that a report (and a test) does not change with the calendar unless asked to.

use serde_json::{Value, json};

use super::compare::{Comparer, Loc, Side};
use super::date::Date;
use super::rules::{self, Rule};

/// The date after which a deprecated operation, parameter or property may be removed.
pub(super) const SUNSET: &str = "x-sunset";
/// How stable an operation, parameter or property is, as oasdiff reads it.
pub(super) const STABILITY: &str = "x-stability-level";
/// The stability levels, least stable first; no level means `stable`.
const LEVELS: [&str; 4] = ["draft", "alpha", "beta", "stable"];

/// Where a removed thing stood in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Removal {
    /// Never deprecated: the removal is a surprise.
    Unannounced,
    /// Deprecated, but no `x-sunset` said when it would go.
    Deprecated,
    /// Deprecated with an `x-sunset` that is not a date: whether it has come cannot be told.
    Unreadable,
    /// Deprecated, and its sunset is still to come.
    BeforeSunset,
    /// Deprecated, and its sunset has come.
    AfterSunset,
}

impl Removal {
    /// The lifecycle of `value` (an operation, parameter or schema), judged on `today`.
    pub(super) fn of(value: &Value, today: Date) -> Self {
        if value.get("deprecated").and_then(Value::as_bool) != Some(true) {
            return Self::Unannounced;
        }
        match value.get(SUNSET).map(sunset_date) {
            None => Self::Deprecated,
            Some(None) => Self::Unreadable,
            Some(Some(sunset)) if sunset <= today => Self::AfterSunset,
            Some(Some(_)) => Self::BeforeSunset,
        }
    }

    /// The rule among the four for this kind of thing, or `sunset-unparseable`.
    pub(super) fn rule(self, unannounced: Rule, deprecated: Rule, before: Rule, after: Rule) -> Rule {
        match self {
            Self::Unannounced => unannounced,
            Self::Deprecated => deprecated,
            Self::Unreadable => rules::SUNSET_UNPARSEABLE,
            Self::BeforeSunset => before,
            Self::AfterSunset => after,
        }
    }
}

/// The date an `x-sunset` value holds, if it holds one.
fn sunset_date(value: &Value) -> Option<Date> {
    value.as_str().and_then(Date::parse)
}

/// The rank of a stability level in [`LEVELS`] (none is `stable`), or `None` for a value
/// that is no level.
fn stability_rank(value: Option<&Value>) -> Option<usize> {
    match value {
        None => Some(LEVELS.len() - 1),
        Some(value) => value.as_str().and_then(|level| LEVELS.iter().position(|known| *known == level)),
    }
}

impl Comparer<'_> {
    /// A lifecycle keyword (`x-sunset`, `x-stability-level`) of a holder that `stays_deprecated`
    /// or not; `false` for any other key.
    pub(super) fn lifecycle(
        &mut self,
        key: &str,
        before: Option<&Loc<'_>>,
        after: Option<&Loc<'_>>,
        stays_deprecated: bool,
    ) -> bool {
        match key {
            SUNSET => self.sunset(before, after, stays_deprecated),
            STABILITY => self.stability(before, after),
            _ => return false,
        }
        true
    }

    /// `x-sunset` changed: deleted while the deprecation stays (clients lose the date they
    /// planned by), made unreadable, brought forward (clients planned for the later date) or
    /// else set, postponed or dropped with the deprecation.
    fn sunset(&mut self, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>, stays_deprecated: bool) {
        if before.map(|loc| loc.value) == after.map(|loc| loc.value) {
            return;
        }
        let date = |loc: Option<&Loc<'_>>| loc.and_then(|loc| sunset_date(loc.value));
        let rule = match (before, after) {
            (_, Some(new)) if sunset_date(new.value).is_none() => rules::SUNSET_UNPARSEABLE,
            (Some(_), None) if stays_deprecated => rules::SUNSET_DELETED,
            _ => match (date(before), date(after)) {
                (Some(old), Some(new)) if new < old => rules::SUNSET_BROUGHT_FORWARD,
                _ => rules::SUNSET_CHANGED,
            },
        };
        self.record_pair(rule, before, after);
    }

    /// `x-stability-level` changed: to a value that is no level, lowered, or raised.
    fn stability(&mut self, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>) {
        if before.map(|loc| loc.value) == after.map(|loc| loc.value) {
            return;
        }
        let old = stability_rank(before.map(|loc| loc.value));
        let rule = match stability_rank(after.map(|loc| loc.value)) {
            None => rules::STABILITY_LEVEL_INVALID,
            Some(new) if old.is_some_and(|old| new < old) => rules::STABILITY_LEVEL_LOWERED,
            Some(_) => rules::STABILITY_LEVEL_CHANGED,
        };
        self.record_pair(rule, before, after);
    }

    /// Records the removal of `before` by the rule its lifecycle calls for, with its
    /// deprecation and sunset as the value before.
    pub(super) fn record_removal(&mut self, rule: Rule, before: &Loc<'_>, shown: Value) {
        let sunset = before.value.get(SUNSET).cloned();
        let value = match sunset {
            Some(sunset) => json!({ "removed": shown, SUNSET: sunset, "today": self.today.to_string() }),
            None => shown,
        };
        self.record(rule, Side::Before, &before.at, Some(value), None);
    }
}
