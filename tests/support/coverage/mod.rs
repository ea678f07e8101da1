//! Which `invalid/` and `valid/` fixtures an endpoint must have, derived from the response
//! schemas of its document, and which of them its fixtures cover.
//!
//! A requirement is a place in the document: an assertion a body can break (a `type`, an
//! `enum`, a limit, an entry of `required`, a `oneOf` no branch of which matches), which an
//! `invalid/` fixture must break, or an allowance the pages' examples rarely show (a value
//! off an open enum's list, a `null`), which a `valid/` or documented body must use.
//!
//! Nothing is declared by hand, so nothing can claim coverage it lacks. An `invalid/` body
//! covers the places the validator reports it breaking: a violation names its rule, the
//! JSON pointer of the keyword in the document. A valid body covers an allowance when it is
//! rejected once the allowance is withdrawn from the document (the open list closed, the
//! `null` taken out). So a fixture may break, or use, many places at once, and each counts.

mod cover;
mod derive;
mod walk;

pub use cover::{Coverage, covered_by_violations};
pub use derive::{Derived, derive_missing};
pub use walk::requirements;

use std::fmt;

/// Whether a requirement asks for a body the document must reject or one it must accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Invalid,
    Valid,
}

impl Kind {
    /// The fixture folder of the kind.
    pub fn folder(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::Valid => "valid",
        }
    }
}

/// One fixture an endpoint must have.
#[derive(Clone, Debug)]
pub struct Requirement {
    pub kind: Kind,
    /// The keyword a body breaks (`type`, `maxLength`, `required`, `oneOf`...) or the
    /// allowance it uses (`x-extensible-enum`, `null`).
    pub keyword: &'static str,
    /// The JSON pointer of the place in the document: the keyword
    /// (`/components/schemas/PhoneImage/properties/image_id/maxLength`), the entry of a
    /// `required` list (`.../required/2`), the `type` that admits `null`, the `null` branch of
    /// a `oneOf`.
    pub place: String,
    /// For an entry of `required`, the member it names.
    pub member: Option<String>,
    /// How a body reaches the place: one way per response status whose schema reaches it.
    pub reached: Vec<Reach>,
}

impl Requirement {
    /// The fixture group a generated fixture of this requirement goes into, which names it.
    pub fn group(&self) -> &'static str {
        match self.keyword {
            "type" => "wrong-types",
            "required" => "missing-members",
            "enum" | "const" => "values-off-the-list",
            "oneOf" | "anyOf" => "no-branch-matches",
            "x-extensible-enum" => "unlisted-values",
            "null" => "nulls",
            _ => "beyond-limits",
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match (self.kind, self.keyword, &self.member) {
            (Kind::Invalid, "required", Some(member)) => format!("a body without {member:?}"),
            (Kind::Invalid, "type", _) => "a value of another type".to_owned(),
            (Kind::Invalid, "enum" | "const", _) => "a value off the list".to_owned(),
            (Kind::Invalid, "oneOf" | "anyOf", _) => "a value no branch admits".to_owned(),
            (Kind::Invalid, keyword, _) => format!("a value beyond `{keyword}`"),
            (Kind::Valid, "x-extensible-enum", _) => "a value off the open list".to_owned(),
            (Kind::Valid, _, _) => "a `null`".to_owned(),
        };
        write!(f, "{}/: {what} at {}", self.kind.folder(), self.place)?;
        if let Some(reach) = self.reached.first() {
            write!(f, " (a {} body's {})", reach.status, reach.pointer())?;
        }
        Ok(())
    }
}

/// A way to the value a requirement governs, in a body of one status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    pub status: String,
    /// From the body's root: the member name or array index, and the pointer of the schema
    /// that describes the value there (for a `required` entry, the object that lacks it).
    pub steps: Vec<Step>,
    /// The schema of the body's root.
    pub root: String,
}

impl Reach {
    /// The JSON pointer of the value in the body (`""` for the body itself).
    pub fn json_pointer(&self) -> String {
        cloudspec_schema::pointer::join(self.steps.iter().map(|step| step.token.as_str()))
    }

    /// The JSON pointer of the value in the body, for a message: `root` for the body itself.
    pub fn pointer(&self) -> String {
        let pointer = self.json_pointer();
        if pointer.is_empty() { "root".to_owned() } else { pointer }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub token: String,
    pub schema: String,
}
