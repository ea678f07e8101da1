//! The workspace-level tests, one binary: each file is a module.

mod accepted;
mod capture_properties;
mod captures;
mod conform;
mod coverage;
mod documents;
mod downgrade;
mod drift;
mod fixtures;
mod inputs;
mod lint;
mod readme;
mod rejected;
mod sessions;
mod surface;
mod tidy;
