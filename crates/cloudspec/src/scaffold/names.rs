//! Rust names from wire names and operationIds: what `new` calls each item it writes.

/// `ListImages` -> `list_images`; `ImsListImages` -> `ims_list_images`.
pub fn snake(name: &str) -> String {
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
pub fn pascal(name: &str) -> String {
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

/// The Rust field of a wire name: snake case without leading underscores, never a keyword
/// (`self` -> `self_`, `type` -> `r#type`).
pub fn field(wire: &str) -> String {
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
        for (wire, expected) in
            [("__imagetype", "imagetype"), ("self", "self_"), ("type", "r#type"), ("min_disk", "min_disk")]
        {
            assert_eq!(field(wire), expected, "{wire}");
        }
    }
}
