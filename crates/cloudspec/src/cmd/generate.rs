//! `cargo xtask generate`: brings `spec/` in step with the code, from the same comparison as
//! `check`.

use super::Report;
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;
use crate::{report, sync};

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Report {
    report::generate(&sync::apply(workspace, sync::resolve(workspace, endpoints)))
}
