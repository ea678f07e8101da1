//! The report formats that `diff` and `validate --har` share, and the escaping each needs:
//! a Markdown table cell, XML text for JUnit, and the parts of a GitHub Actions workflow
//! command. Each command builds its own report in them; what a format requires of any text
//! written into it lives here once.

/// How to print a report. (The doc comments are `--help`'s.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For a terminal.
    Text,
    /// To paste into a review.
    Markdown,
    /// For machines; field names are stable.
    Json,
    /// JUnit XML, for CI servers' test reports: a failing case per change (diff) or entry (validate --har) that fails.
    Junit,
    /// GitHub Actions annotations (`::error file=...,line=...::`).
    Github,
}

impl Format {
    pub const ALL: [Self; 5] = [Self::Text, Self::Markdown, Self::Json, Self::Junit, Self::Github];
}

/// A Markdown table cell: code, with what would end the cell or the code span escaped.
pub fn cell(text: &str) -> String {
    format!("`{}`", text.replace('|', "\\|").replace('`', "'").replace('\n', " "))
}

/// Text inside an XML attribute or element.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 admits no other control characters, even escaped.
            '\t' | '\n' | '\r' => out.push(character),
            _ if character.is_control() => out.push(' '),
            _ => out.push(character),
        }
    }
    out
}

/// The data of a workflow command: what would end the line is percent-encoded.
pub fn command_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property of a workflow command: also what would end the property.
pub fn command_property(text: &str) -> String {
    command_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A JSON value pretty-printed, with the trailing newline a report ends with.
pub fn json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::{cell, command_data, command_property, xml};

    #[test]
    fn what_would_end_a_command_a_cell_or_an_attribute_is_escaped() {
        assert_eq!(command_data("50% of\r\nlines"), "50%25 of%0D%0Alines");
        assert_eq!(command_property("spec/a,b:c.yaml"), "spec/a%2Cb%3Ac.yaml");
        assert_eq!(xml("<a href=\"x\">&'\u{1}</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos; &lt;/a&gt;");
        assert_eq!(cell("a|b`c\nd"), "`a\\|b'c d`");
    }
}
