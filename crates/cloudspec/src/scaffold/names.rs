//! Rust names from wire names and operationIds: what `new` calls each item it writes.

/// `ListImages` -> `list_images`; `ImsListImages` -> `ims_list_images`.
pub(crate) fn snake(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower =
                index > 0 && (chars[index - 1].is_ascii_lowercase() || chars[index - 1].is_ascii_digit());
            let before_lower = chars.get(index + 1).is_some_and(char::is_ascii_lowercase);
            let after_upper = index > 0 && chars[index - 1].is_ascii_uppercase();
            if after_lower || (after_upper && before_lower) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// `__os_type` -> `OsType`; `Oracle Linux` -> `OracleLinux`; `32` -> `V32`.
pub(crate) fn pascal(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// An enum variant of a wire value: its PascalCase, an acronym as a word (`ESSD` -> `Essd`),
/// as Rust's naming conventions (and clippy's `upper_case_acronyms`) have it.
pub(super) fn variant(value: &str) -> String {
    let pascal = pascal(value);
    if pascal.len() > 1 && pascal.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        let mut chars = pascal.chars();
        chars.next().map(|first| format!("{first}{}", chars.as_str().to_ascii_lowercase())).unwrap_or(pascal)
    } else {
        pascal
    }
}

/// The singular of a PascalCase plural: `Plans` -> `Plan`, `Policies` -> `Policy`; a word
/// that does not end in a plural `s` as it is.
pub(crate) fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if name.ends_with("ss") || name.ends_with("us") || name.len() < 3 {
        name.to_owned()
    } else {
        name.strip_suffix('s').unwrap_or(name).to_owned()
    }
}

/// The Rust field of a wire name: snake case without leading underscores, never a keyword
/// (`self` -> `self_`, `type` -> `r#type`).
pub(super) fn field(wire: &str) -> String {
    let name = snake(wire.trim_start_matches('_'));
    let name = if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("v{name}")
    } else {
        name
    };
    match name.as_str() {
        "self" | "super" | "crate" | "Self" => format!("{name}_"),
        _ if KEYWORDS.contains(&name.as_str()) => format!("r#{name}"),
        _ => name,
    }
}

/// Rust's keywords that a raw identifier can carry.
const KEYWORDS: [&str; 47] = [
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_rust_conventions() {
        let cases = [
            ("ListImages", "list_images"),
            ("ImsListImages", "ims_list_images"),
            ("GlanceListImagesDetail", "glance_list_images_detail"),
            ("ListCPHImages", "list_cph_images"),
        ];
        for (name, expected) in cases {
            assert_eq!(snake(name), expected, "{name}");
        }
        for (wire, expected) in
            [("__os_type", "OsType"), ("Oracle Linux", "OracleLinux"), ("32", "V32"), ("status ", "Status")]
        {
            assert_eq!(pascal(wire), expected, "{wire}");
        }
        for (value, expected) in [("ESSD", "Essd"), ("zh-CN", "ZhCN"), ("system", "System"), ("V2", "V2")] {
            assert_eq!(variant(value), expected, "{value}");
        }
        for (plural, expected) in
            [("Plans", "Plan"), ("Policies", "Policy"), ("Status", "Status"), ("Data", "Data")]
        {
            assert_eq!(singular(plural), expected, "{plural}");
        }
        for (wire, expected) in
            [("__imagetype", "imagetype"), ("self", "self_"), ("type", "r#type"), ("min_disk", "min_disk")]
        {
            assert_eq!(field(wire), expected, "{wire}");
        }
    }
}
