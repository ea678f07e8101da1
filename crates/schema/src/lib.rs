//! What the pipeline (`cloudspec`) and the capture validator (`cloudspec-capture`) share:
//! validating a JSON value against the schema an OpenAPI document declares, with the keywords
//! of ours ([`keywords`]), each violation in a reviewer's words ([`validate`], [`words`]); JSON pointers
//! ([`pointer`]) and finding one's way in a finished document ([`openapi`]), both owned by
//! `cloudspec-vocabulary`; reading JSON files with errors that name the place ([`json`]).
//!
//! It sits below both so that the capture validator, built optimised because captures run to
//! hundreds of megabytes, does not depend on the pipeline, and an edit of the pipeline does
//! not rebuild it.

pub mod json;
pub mod keywords;
pub mod validate;
pub mod words;

pub use cloudspec_vocabulary::{openapi, pointer};
