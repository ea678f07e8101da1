//! Redoc's bundle as the site serves it. Redoc draws its logo in the sidebar's footer from
//! `https://cdn.redoc.ly`, with no option to turn it off, so a reader's browser would ask the
//! internet for it: the site's copy names no image there (an empty `src`, whose error
//! handler removes the image), and `site.css` hides the footer.

use std::path::Path;

use super::SiteError;

/// The one place the bundle loads from the internet, as Redoc 2.5.4 writes it.
const LOGO: &str = "src:\"https://cdn.redoc.ly/redoc/logo-mini.svg\"";

/// `bundle` without its request to the internet. A bundle that does not hold the logo
/// exactly once is refused, so that a new version of Redoc is looked at, not trusted.
pub(super) fn offline(bundle: &str, path: &Path) -> Result<String, SiteError> {
    match bundle.matches(LOGO).count() {
        1 => Ok(bundle.replacen(LOGO, "src:\"\"", 1)),
        found => Err(SiteError::RendererChanged {
            path: path.to_owned(),
            message: format!(
                "expected Redoc's footer logo `{LOGO}` once, found it {found} times: \
                 see which addresses this version loads before serving it"
            ),
        }),
    }
}
