//! Fingerprints: short names that stay the same across runs and commits, by which an
//! accepted-findings file names what it accepts and an overlay the English it translated.

/// The fingerprint of `text`: FNV-1a, 64 bits, in 16 hex digits. Not for secrets: it only has
/// to tell apart the few strings one check fingerprints, and to never change, since files
/// keep what it returns.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    /// FNV-1a's published test vectors (64 bits), so that no edit changes what files keep.
    #[test]
    fn fingerprints_are_fnv_1a() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("foobar"), "85944171f73967e8");
    }
}
