//! The command line's tests, one binary: each file is a module.

mod cli;
mod parallel;
mod site;
mod streams;
mod writes;
