//! Deprecation and sunset: whether removing something was announced, and whether its
//! announced `x-sunset` date has come. "Today" is passed in, so that a report (and a test)
//! does not change with the calendar unless asked to.

use serde_json::{Value, json};

use super::compare::{Comparer, Loc, SUNSET, Side};
use super::date::Date;
use super::rules::{self, Rule};

/// Where a removed thing stood in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Removal {
    /// Never deprecated: the removal is a surprise.
    Unannounced,
    /// Deprecated, but no (readable) `x-sunset` said when it would go.
    Deprecated,
    /// Deprecated, and its sunset is still to come.
    BeforeSunset,
    /// Deprecated, and its sunset has come.
    AfterSunset,
}

impl Removal {
    /// The lifecycle of `value` (an operation, parameter or schema), judged on `today`.
    pub fn of(value: &Value, today: Date) -> Self {
        if value.get("deprecated").and_then(Value::as_bool) != Some(true) {
            return Self::Unannounced;
        }
        match value.get(SUNSET).and_then(Value::as_str).and_then(Date::parse) {
            None => Self::Deprecated,
            Some(sunset) if sunset <= today => Self::AfterSunset,
            Some(_) => Self::BeforeSunset,
        }
    }

    /// The rule among the four for this kind of thing.
    pub fn rule(self, unannounced: Rule, deprecated: Rule, before: Rule, after: Rule) -> Rule {
        match self {
            Self::Unannounced => unannounced,
            Self::Deprecated => deprecated,
            Self::BeforeSunset => before,
            Self::AfterSunset => after,
        }
    }
}

impl Comparer<'_> {
    /// `x-sunset` changed: brought forward (clients planned for the later date) or not.
    pub(super) fn sunset(&mut self, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>) {
        let date = |loc: Option<&Loc<'_>>| loc.and_then(|loc| loc.value.as_str()).and_then(Date::parse);
        let rule = match (date(before), date(after)) {
            (Some(old), Some(new)) if new < old => rules::SUNSET_BROUGHT_FORWARD,
            _ => rules::SUNSET_CHANGED,
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
