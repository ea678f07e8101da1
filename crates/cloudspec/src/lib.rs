//! cloudspec's pipeline: from the utoipa document of one documented endpoint to the
//! finished, validated OpenAPI 3.1 file under `spec/`, and back again to check it.
//!
//! Data flows one way: a provider crate describes an [`Endpoint`]; [`document::build`]
//! finishes, validates and renders it; `rendition` derives its OpenAPI 3.0.3 rendition
//! ([`downgrade`]) and the standalone JSON Schema of each body type, held against the
//! document by [`drift`]; [`sync`] compares them with or writes them to `spec/`;
//! [`report`] turns what happened into the subjects of a report (`cloudspec_findings`
//! prints them in any format) and an exit code; [`cmd`] holds the commands. [`diff`] classifies the changes
//! since a git revision; [`lint`] holds documents to the house rules; [`conform`] holds them
//! against the vendors' machine-readable contracts. Nothing here names a provider, except the
//! vendors' contract formats that [`conform`] reads.

// `pub` means reachable from outside, and outside uses it (tests/tidy.rs holds the rest):
// what only this crate uses says `pub(crate)`.
#![warn(unreachable_pub)]

mod citations;
pub mod cmd;
pub mod conform;
mod datafile;
pub mod diff;
pub mod document;
pub mod downgrade;
pub mod drift;
pub mod editorial;
mod emit;
pub mod exit;
pub mod finish;
pub mod fixtures;
pub mod lint;
pub mod metaschema;
mod outputs;
pub mod overlay;
pub mod paths;
mod proofread;
pub mod provenance;
pub mod published;
mod readback;
pub mod readme;
mod relpath;
mod rendition;
pub mod report;
mod samples;
pub mod scaffold;
pub mod site;
pub mod soundness;
pub mod sync;
pub mod traffic;
mod translate;
pub mod walk;
pub mod workspace;
mod yaml;

pub use workspace::Workspace;
