//! What every check of cloudspec finds, in one shape, and the one place it is printed.
//!
//! `check`, `lint`, `diff`, `conform` and `validate` (one capture or whole sessions) each find
//! different things, but a reviewer, a CI server and a script read them the same way: a
//! [`Rule`] broken at a place, with a message and how much it matters ([`Level`]); grouped
//! by what it is about ([`Subject`]); some accepted by a reviewer with a reason
//! ([`accepted`]); a summary at the end ([`Tail`]). Each check turns its own results into
//! these, and [`render::sink`] prints them in any [`Format`] with any [`Styles`], streaming
//! where the format allows, so that a capture with millions of violations needs no memory
//! for them.
//!
//! This crate knows nothing of OpenAPI or of the vendors: it sits below the pipeline as
//! dropshot-api-manager's types crate sits below its engine.

pub mod accepted;
mod counts;
pub mod escape;
mod finding;
mod fingerprint;
mod format;
mod level;
pub mod registry;
pub mod render;
mod report;
mod rule;
mod style;

pub use counts::Counts;
pub use finding::{Detail, Finding};
pub use fingerprint::fingerprint;
pub use format::Format;
pub use level::Level;
pub use report::{Head, Stale, Status, Subject, Table, Tail};
pub use rule::Rule;
pub use style::{Styles, Tone};
