//! The pipeline's tests over folders of cases, one binary: each file is a module.

mod command;
mod conform;
mod diff;
mod editorial;
mod finish;
mod lint;
mod overlays;
mod rule_cases;
mod scaffold;
mod serve;
mod sync;
