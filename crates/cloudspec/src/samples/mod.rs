//! An endpoint's request samples: its documented request (`tests/requests/<key>.json`) sent to
//! its first server, written out in curl, Python (httpx), TypeScript (openapi-fetch) and Rust
//! (progenitor) as a user writes them. The reference site shows them (`x-codeSamples`) and
//! publishes each as a file beside the page; `scripts/wire` runs those very files against
//! Prism, so a sample that stops working fails CI.

mod call;
mod curl;
mod python;
mod rust;
mod typescript;

pub(crate) use call::{Call, CallError};

/// One sample: the language Redoc highlights it as, the tab's label, the file name it is
/// published under, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sample {
    pub lang: &'static str,
    pub label: &'static str,
    pub file: &'static str,
    pub source: String,
}

/// Every sample of `call`, in the order the site shows them.
pub(crate) fn samples(call: &Call) -> Vec<Sample> {
    vec![
        Sample { lang: "Shell", label: "curl", file: "curl.sh", source: curl::sample(call) },
        Sample { lang: "Python", label: "Python (httpx)", file: "python.py", source: python::sample(call) },
        Sample {
            lang: "TypeScript",
            label: "TypeScript (openapi-fetch)",
            file: "typescript.ts",
            source: typescript::sample(call),
        },
        Sample { lang: "Rust", label: "Rust (progenitor)", file: "rust.rs", source: rust::sample(call) },
    ]
}

/// `text` as a double-quoted string literal: JSON's escapes, which Python, TypeScript and
/// Rust read alike for the printable text of a request.
fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}
