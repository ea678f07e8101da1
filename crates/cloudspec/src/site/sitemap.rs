//! `sitemap.xml`: every page of the site at its absolute address, each with its translations
//! as `hreflang` alternates (Google's and Baidu's reading of the sitemaps protocol).

use std::fmt::Write as _;

use super::html::escape;

/// The sitemap of `pages`: each a page in every language it has (locale, path).
pub(super) fn sitemap(base_url: &str, pages: &[Vec<(&'static str, String)>]) -> String {
    let mut urls = String::new();
    for translations in pages {
        for (_, path) in translations {
            let _ = writeln!(urls, "  <url>\n    <loc>{}{}</loc>", escape(base_url), escape(path));
            for (locale, other) in translations {
                let _ = writeln!(
                    urls,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{locale}\" href=\"{}{}\"/>",
                    escape(base_url),
                    escape(other)
                );
            }
            urls.push_str("  </url>\n");
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{urls}</urlset>\n"
    )
}
