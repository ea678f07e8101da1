//! The headers and query parameters whose values are credentials: they are never printed,
//! in any format, only their names with [`REDACTED`] for the value.

/// What a secret's value is shown as.
pub const REDACTED: &str = "***";

/// Names compared without case: HTTP header names have none, and a query parameter spelled
/// in another case is still the credential a reader must not see.
const NAMES: &[&str] = &[
    "x-auth-token",
    "x-subject-token",
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "accesskeyid",
    "signature",
    "securitytoken",
    "x-acs-security-token",
];

/// Whether the header or query parameter `name` carries a credential.
pub fn is_secret(name: &str) -> bool {
    NAMES.iter().any(|secret| secret.eq_ignore_ascii_case(name))
}
