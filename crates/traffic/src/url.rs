//! A request's URL taken apart as servers route it: scheme and host, the path, and the query
//! decoded into name and value pairs (`+` is a space, as `application/x-www-form-urlencoded`
//! and the servers behind these APIs read it). Only what matching and checking need: no
//! normalisation beyond case of the scheme and host and the default port.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

use crate::secrets;

/// The parts of a request URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// `https://cph.cn-north-4.myhuaweicloud.com`: lower case, without a default port or
    /// credentials.
    pub origin: String,
    /// As sent, still percent-encoded: `/v1/{project_id}/...` segments are decoded one by one.
    pub path: String,
    /// Each query parameter, decoded, in order.
    pub query: Vec<(String, String)>,
}

impl Url {
    /// `text` taken apart; `None` when it is not an absolute `scheme://host/...` URL.
    pub fn parse(text: &str) -> Option<Self> {
        let (scheme, rest) = text.split_once("://")?;
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host).to_ascii_lowercase();
        let scheme = scheme.to_ascii_lowercase();
        let host = match (scheme.as_str(), host.rsplit_once(':')) {
            ("https", Some((name, "443"))) | ("http", Some((name, "80"))) => name.to_owned(),
            _ => host,
        };
        if host.is_empty() {
            return None;
        }
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = if path.is_empty() { "/" } else { path };
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_form(name), decode_form(value))
            })
            .collect();
        Some(Self { origin: format!("{scheme}://{host}"), path: path.to_owned(), query })
    }

    /// The values of the query parameter `name`, in order.
    pub fn query_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.query.iter().filter(move |(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

/// A path segment decoded.
pub fn decode(segment: &str) -> String {
    if segment.contains('%') {
        percent_decode_str(segment).decode_utf8_lossy().into_owned()
    } else {
        segment.to_owned()
    }
}

fn decode_form(text: &str) -> String {
    let text: Cow<'_, str> =
        if text.contains('+') { Cow::Owned(text.replace('+', " ")) } else { text.into() };
    decode(&text)
}

/// `url` as reports show it: credentials before the host dropped, and the value of every
/// query parameter that carries a secret redacted.
pub fn redacted(url: &str) -> String {
    let (before_fragment, _) = url.split_once('#').unwrap_or((url, ""));
    let (base, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    let base = match base.split_once("://") {
        Some((scheme, rest)) => {
            let authority_end = rest.find('/').unwrap_or(rest.len());
            let (authority, path) = rest.split_at(authority_end);
            let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
            format!("{scheme}://{host}{path}")
        }
        None => base.to_owned(),
    };
    let secret =
        |pair: &str| pair.split_once('=').is_some_and(|(name, _)| secrets::is_secret(&decode_form(name)));
    if !query.split('&').any(secret) {
        return if query.is_empty() { base } else { format!("{base}?{query}") };
    }
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if secrets::is_secret(&decode_form(name)) => {
                format!("{name}={}", secrets::REDACTED)
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_taken_apart_as_a_server_routes_it() {
        let url = Url::parse(
            "HTTPS://user:pw@SWAS.cn-hangzhou.aliyuncs.com:443/?Action=ListImages&Name=a+b%2B&Flag#top",
        )
        .expect("a URL");
        assert_eq!(url.origin, "https://swas.cn-hangzhou.aliyuncs.com");
        assert_eq!(url.path, "/");
        assert_eq!(
            url.query,
            [
                ("Action".into(), "ListImages".into()),
                ("Name".into(), "a b+".into()),
                ("Flag".into(), String::new())
            ]
        );
        assert_eq!(Url::parse("/relative"), None);
        assert_eq!(
            Url::parse("https://h:8443").map(|url| (url.origin, url.path)),
            Some(("https://h:8443".into(), "/".into()))
        );
    }

    #[test]
    fn secrets_and_credentials_are_redacted() {
        assert_eq!(
            redacted("https://me:pw@h/?AccessKeyId=testid&Signature=abc%3D&signature=x&Action=A#f"),
            "https://h/?AccessKeyId=***&Signature=***&signature=***&Action=A"
        );
    }
}
