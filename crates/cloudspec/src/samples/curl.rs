//! curl: the whole request line (server, path and the encoded query in one URL, as the
//! request goes on the wire; an RPC action's `Action` and `Version` with it) and each header.

use super::Call;

pub(super) fn sample(call: &Call) -> String {
    let mut lines = vec![format!(
        "curl --fail-with-body --request {} {}",
        call.method.to_uppercase(),
        quote(&call.url())
    )];
    lines.extend(
        call.wire_headers()
            .iter()
            .map(|(name, value)| format!("  --header {}", quote(&format!("{name}: {value}")))),
    );
    format!("{}\n", lines.join(" \\\n"))
}

/// `text` in single quotes for a POSIX shell.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
