//! What a format requires of any text written into it: a Markdown table cell, XML text for
//! JUnit, the parts of a GitHub Actions workflow command.

/// A Markdown table cell: code, with what would end the cell or the code span escaped;
/// empty text stays an empty cell.
pub fn cell(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("`{}`", text.replace('|', "\\|").replace('`', "'").replace('\n', " "))
}

/// Prose in a Markdown table cell or list item: what would end the cell or the line escaped.
pub fn prose(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
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

#[cfg(test)]
mod tests {
    use super::{cell, command_data, command_property, prose, xml};

    #[test]
    fn what_would_end_a_command_a_cell_or_an_attribute_is_escaped() {
        assert_eq!(command_data("50% of\r\nlines"), "50%25 of%0D%0Alines");
        assert_eq!(command_property("spec/a,b:c.yaml"), "spec/a%2Cb%3Ac.yaml");
        assert_eq!(xml("<a href=\"x\">&'\u{1}</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos; &lt;/a&gt;");
        assert_eq!(cell("a|b`c\nd"), "`a\\|b'c d`");
        assert_eq!(cell(""), "");
        assert_eq!(prose("a|b\nc"), "a\\|b c");
    }
}
