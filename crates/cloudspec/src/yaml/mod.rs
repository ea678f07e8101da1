//! YAML, both ways: every YAML file the pipeline reads goes through [`read`], which always
//! says where it stops; every YAML file it writes goes through [`quote`], so that YAML 1.1
//! parsers read it as YAML 1.2 does.

mod quote;
mod read;

pub(crate) use quote::quote_ambiguous;
pub(crate) use read::{NotText, parse, text};
