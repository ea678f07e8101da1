//! One module per command of `cargo xtask`: each takes its parsed options and returns what
//! to print and the exit code. `xtask` only parses the command line and prints.

pub mod validate;
