//! Colour, decided once: commands say what a piece of text is ([`Tone`]), and the caller
//! says whether it is painted ([`Styles`]): plain by default, so that tests and files read
//! the same text a terminal shows.

use anstyle::{AnsiColor, Style};

/// What a piece of text is, to a reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    /// All is well: `Fresh`, `Valid`.
    Good,
    /// It fails: `Failure`, `Invalid`, a breaking change.
    Bad,
    /// Needs attention: `Stale`, a warning.
    Warn,
    /// Told, no failure: a notice.
    Note,
    /// Background: summaries, counts, accepted findings.
    Dim,
    /// A line a diff adds.
    Added,
    /// A line a diff removes.
    Removed,
    #[default]
    Plain,
}

/// Whether text is painted with ANSI styles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Styles {
    colour: bool,
}

impl Styles {
    /// No colour: what files, pipes and tests get.
    pub const PLAIN: Self = Self { colour: false };
    /// ANSI colour: for a terminal that has not asked for none (`NO_COLOR`).
    pub const ANSI: Self = Self { colour: true };

    pub fn is_colour(self) -> bool {
        self.colour
    }

    /// The ANSI style of `tone`, or none when plain.
    pub fn style(self, tone: Tone) -> Style {
        if !self.colour {
            return Style::new();
        }
        match tone {
            Tone::Good => AnsiColor::Green.on_default().bold(),
            Tone::Bad => AnsiColor::Red.on_default().bold(),
            Tone::Warn | Tone::Note => AnsiColor::Yellow.on_default().bold(),
            Tone::Dim => Style::new().dimmed(),
            Tone::Added => AnsiColor::Green.on_default(),
            Tone::Removed => AnsiColor::Red.on_default(),
            Tone::Plain => Style::new(),
        }
    }

    /// `text` in `tone`.
    pub fn paint(self, tone: Tone, text: &str) -> String {
        let style = self.style(tone);
        if style == Style::new() {
            return text.to_owned();
        }
        format!("{style}{text}{style:#}")
    }

    /// A line led by a right-aligned label in `tone`, as every report prints them.
    pub fn labelled(self, tone: Tone, width: usize, label: &str, text: &str) -> String {
        format!("{} {text}\n", self.paint(tone, &format!("{label:>width$}")))
    }
}

#[cfg(test)]
mod tests {
    use super::{Styles, Tone};

    #[test]
    fn plain_is_unpainted_and_ansi_is_painted() {
        assert_eq!(Styles::PLAIN.labelled(Tone::Bad, 12, "Failure", "a"), "     Failure a\n");
        assert_eq!(Styles::ANSI.paint(Tone::Plain, "a"), "a");
        assert!(Styles::ANSI.labelled(Tone::Bad, 12, "Failure", "a").starts_with("\u{1b}["));
    }
}
