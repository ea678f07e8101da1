//! A vendor's Chinese text set as the editorial rules ask: what [`super::typography`] and
//! [`super::spacing`] find, corrected. `new` and `translate` fill an overlay from a vendor's
//! contract with it, so that its half-width commas and `40~1024` reach no document.

use super::spacing::{self, Spacing};
use super::text::Text;
use super::typography;

/// `text` with full-width punctuation where it touches Chinese, no space before a mark that
/// takes none, ranges as `A～B`, and spacing by `spacing`. Code, links and quotations are kept.
pub(crate) fn typeset(text: &str, spacing: Spacing) -> String {
    // A run of spaces before a mark goes one space at a time.
    let mut text = text.to_owned();
    loop {
        let read = Text::read(&text, &[]);
        let found = typography::space_before(&read);
        if found.is_empty() {
            break;
        }
        let mut chars = read.chars;
        for range in found.iter().rev() {
            chars.remove(range.start);
        }
        text = chars.into_iter().collect();
    }
    let read = Text::read(&text, &[]);
    let mut chars: Vec<Option<char>> = read.chars.iter().copied().map(Some).collect();
    for (range, full) in typography::half_width(&read) {
        chars[range.start] = Some(full);
    }
    for range in typography::ranges(&read) {
        let separator = separator(&read.chars[range.clone()]);
        let (from, to) = (range.start + separator.start, range.start + separator.end);
        chars[from] = Some('～');
        chars[from + 1..to].fill(None);
    }
    spacing::apply(&chars.into_iter().flatten().collect::<String>(), spacing)
}

/// Where, in a range such as `40 ~ 1024` or `-1..5`, the separator (with its spaces) lies:
/// after the first number's sign, digits and decimal part.
fn separator(range: &[char]) -> std::ops::Range<usize> {
    let mut start = usize::from(range.first() == Some(&'-'));
    while range.get(start).is_some_and(char::is_ascii_digit)
        || (range.get(start) == Some(&'.') && range.get(start + 1).is_some_and(char::is_ascii_digit))
    {
        start += 1;
    }
    let mut end = start + 1;
    while end < range.len()
        && !range[end].is_ascii_digit()
        && !(range[end] == '-' && range.get(end + 1).is_some_and(char::is_ascii_digit) && end > start + 1)
    {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_a_vendors_text_by_the_rules() {
        let cases = [
            ("镜像类型,目前支持以下类型:\n公共镜像:gold", "镜像类型，目前支持以下类型：\n公共镜像：gold"),
            ("取值为40~1024GB。", "取值为40～1024GB。"),
            ("无需添加该属性 。", "无需添加该属性。"),
            ("无需添加该属性            。该属性", "无需添加该属性。该属性"),
            ("范围0-100,默认100", "范围0～100，默认100"),
            ("格式为`a,b`", "格式为`a,b`"),
        ];
        for (text, expected) in cases {
            assert_eq!(typeset(text, Spacing::None), expected, "{text}");
        }
    }
}
