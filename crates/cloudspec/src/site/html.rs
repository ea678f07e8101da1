//! The frame every page of the site shares: the head (viewport, content security policy,
//! description, canonical link and `hreflang` alternates), the nav with its language switch,
//! and the scripts, all of which come from the site itself.

use std::fmt::Write as _;

use super::locale::{self, Ui};

/// What the browser may load: the site's own files, Redoc's inline styles (styled-components
/// writes `<style>` elements), the `data:` images of its icons and the `blob:` worker of its
/// search. Nothing from another origin.
pub(super) const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'self'";

/// One page: where it is, in which language, and its translations.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame<'a> {
    pub ui: &'static Ui,
    /// The page's path, relative to the site's root (`/`-separated).
    pub path: &'a str,
    /// The same page in each language (this one included): locale and path.
    pub alternates: &'a [(&'static str, String)],
    pub title: &'a str,
    pub description: &'a str,
    /// The site's public address, ending in `/`: canonical links must be absolute.
    pub base_url: &'a str,
    /// The Atom feed of what changed on the page, relative to the root.
    pub feed: Option<&'a str>,
}

impl Frame<'_> {
    /// `../` once per directory between the page and the site's root.
    pub(super) fn up(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }

    fn href(&self, path: &str) -> String {
        format!("{}{}", self.up(), path)
    }

    /// The whole page: `body` inside the frame, then `data` (JSON blocks, never run), then
    /// each of `scripts` (paths relative to the root).
    pub(super) fn render(&self, body: &str, data: &[(&str, String)], scripts: &[&str]) -> String {
        let ui = self.ui;
        let mut head = String::new();
        let _ = write!(
            head,
            "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, \
            initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
             <title>{}</title>\n<meta name=\"description\" content=\"{}\">\n\
             <link rel=\"canonical\" href=\"{}{}\">\n",
            escape(self.title),
            escape(self.description),
            escape(self.base_url),
            escape(self.path)
        );
        for (other, path) in self.alternates {
            let _ = writeln!(
                head,
                "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{}{}\">",
                escape(self.base_url),
                escape(path)
            );
        }
        if let Some((_, english)) = self.alternates.iter().find(|(other, _)| *other == "en") {
            let _ = writeln!(
                head,
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}{}\">",
                escape(self.base_url),
                escape(english)
            );
        }
        if let Some(feed) = self.feed {
            let _ = writeln!(
                head,
                "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\">",
                escape(&self.href(feed))
            );
        }
        let _ = writeln!(head, "<link rel=\"stylesheet\" href=\"{}\">", self.href("site.css"));

        let mut tail = String::new();
        for (id, json) in data {
            // `</` must not appear inside a script element; JSON allows `\/` for `/`.
            let _ = writeln!(
                tail,
                "<script type=\"application/json\" id=\"{id}\">{}</script>",
                json.replace("</", "<\\/")
            );
        }
        for script in scripts {
            let _ = writeln!(tail, "<script src=\"{}\"></script>", self.href(script));
        }
        format!(
            "<!doctype html>\n<html lang=\"{locale}\">\n<head>\n{head}</head>\n<body>\n{nav}\n\
             <main id=\"content\">\n{body}\n</main>\n{tail}</body>\n</html>\n",
            locale = ui.locale,
            nav = self.nav(),
        )
    }

    /// The link home, and the language switch: each other language's link keeps the reader's
    /// place (`data-keep-anchor`: `site.js` carries the `#...` over when it is followed).
    fn nav(&self) -> String {
        let ui = self.ui;
        let home = super::index_path(ui.locale);
        let mut switch = String::new();
        for (other, path) in self.alternates {
            let name = locale::ui(other).language;
            if *other == ui.locale {
                let _ = write!(switch, "<strong lang=\"{other}\" aria-current=\"page\">{name}</strong>");
            } else {
                let _ = write!(
                    switch,
                    "<a href=\"{}\" hreflang=\"{other}\" lang=\"{other}\" data-keep-anchor>{name}</a>",
                    escape(&self.href(path))
                );
            }
        }
        format!(
            "<nav class=\"cloudspec\" aria-label=\"cloudspec\"><a href=\"{}\">{}</a><span \
            class=\"languages\">{switch}</span></nav>",
            escape(&self.href(&home)),
            ui.home
        )
    }
}

/// `text` safe in HTML text and in a double-quoted attribute.
pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
