//! The hand-written lists an endpoint joins: its service's `mod`/`pub use` (and a tag the
//! service lacks), and the catalog's `ENDPOINTS`. Each edit is a text insertion at the end of
//! its list, which rustfmt then formats.

/// The name of the `pub static` of type `ty` in `text` (`pub static IMS: Service`).
pub(crate) fn static_of(text: &str, ty: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("pub static ")?;
        let (name, declared) = rest.split_once(':')?;
        declared.trim().starts_with(ty).then(|| name.trim().to_owned())
    })
}

/// The `api_version` the service declares.
pub(crate) fn api_version(text: &str) -> Option<String> {
    let rest = &text[text.find("api_version: \"")? + "api_version: \"".len()..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// Every name the service's `pub use` lines export.
pub(crate) fn exported(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("pub use ") {
        let after = &rest[start..];
        let end = after.find(';').unwrap_or(after.len());
        let statement = &after[..end];
        let list = statement.split_once('{').map_or(statement, |(_, list)| list);
        names.extend(
            list.split([',', '}', ' ', '\n'])
                .map(|name| name.rsplit("::").next().unwrap_or(name).trim())
                .filter(|name| {
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                })
                .map(str::to_owned),
        );
        rest = &after[end..];
    }
    names
}

/// The service file with `mod module;` and its `pub use` added after the last of each.
pub(crate) fn service(text: &str, module: &str, names: &[String]) -> Result<String, String> {
    let mod_line = format!("mod {module};");
    if text.lines().any(|line| line.trim() == mod_line) {
        return Err(format!("it already declares `{mod_line}`"));
    }
    let last_mod = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with("mod ") || line.starts_with("pub mod "))
        .map(|(index, _)| index)
        .last()
        .ok_or("it declares no module to add one after")?;
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.insert(last_mod + 1, mod_line);
    let mut out = format!("{}\n", lines.join("\n"));
    let last_use = out.rfind("\npub use ").ok_or("it has no `pub use` to add one after")?;
    let end =
        out[last_use..].find(";\n").map(|end| last_use + end + 2).ok_or("a `pub use` without its `;`")?;
    out.insert_str(end, &format!("pub use {module}::{{{}}};\n", names.join(", ")));
    Ok(out)
}

/// The service file with the tag `name` declared, if it is not.
pub(crate) fn tag(text: &str, name: &str, description: &str) -> Result<String, String> {
    if text.contains(&format!("name: {name:?}")) {
        return Ok(text.to_owned());
    }
    let start = text.find("tags: &[").ok_or("it declares no `tags: &[...]`")?;
    let end = text[start..].find("],").map(|end| start + end).ok_or("its `tags` list has no end")?;
    let mut out = text.to_owned();
    let body = out[start..end].trim_end().to_owned();
    let comma = if body.ends_with(',') || body.ends_with('[') { "" } else { "," };
    out.insert_str(end, &format!("{comma} Tag {{ name: {name:?}, description: {description:?} }}"));
    Ok(out)
}

/// The catalog with `&crate_alias::service::DESCRIPTOR,` added at the end of `ENDPOINTS`.
pub(crate) fn catalog(text: &str, entry: &str) -> Result<String, String> {
    let start = text.find("pub static ENDPOINTS").ok_or("it has no `pub static ENDPOINTS`")?;
    let end = text[start..].find("\n];").map(|end| start + end).ok_or("its `ENDPOINTS` has no end")?;
    let mut out = text.to_owned();
    out.insert_str(end, &format!("\n    {entry},"));
    Ok(out)
}
