//! What a `#[field(...)]` or `#[schemas(...)]` declares: each key parsed once, with its span
//! for errors.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, Lit, LitInt, LitStr, Macro, Token};

/// Every key, in the order the error message lists them.
pub const KEYS: &[&str] = &[
    "max_bytes",
    "max_length",
    "min_length",
    "minimum",
    "maximum",
    "format",
    "pattern",
    "example",
    "default",
    "optional",
    "nullable",
    "inline",
    "any_object",
];

/// A value as JSON: a literal (`128`, `-1`, `"app"`) or `json!(...)`.
pub enum Value {
    Literal(TokenStream),
    Json(Macro),
}

impl Parse for Value {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![-]) || input.peek(Lit) {
            let minus: Option<Token![-]> = input.parse()?;
            let literal: Lit = input.parse()?;
            return Ok(Self::Literal(quote!(#minus #literal)));
        }
        let json: Macro = input
            .parse()
            .map_err(|error| syn::Error::new(error.span(), "expected a literal or `json!(...)`"))?;
        if !json.path.is_ident("json") {
            return Err(syn::Error::new_spanned(&json.path, "expected a literal or `json!(...)`"));
        }
        Ok(Self::Json(json))
    }
}

impl Value {
    /// As utoipa reads it: the literal, or `json!(...)`, which utoipa expands itself.
    pub fn utoipa(&self) -> TokenStream {
        match self {
            Self::Literal(literal) => literal.clone(),
            Self::Json(json) => json.to_token_stream(),
        }
    }

    /// What goes inside `serde_json::json!`, for schemars.
    pub fn json_input(&self) -> TokenStream {
        match self {
            Self::Literal(literal) => literal.clone(),
            Self::Json(json) => json.tokens.clone(),
        }
    }
}

/// A number: a literal integer or float, perhaps negative.
pub struct Number(TokenStream);

impl Parse for Number {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let minus: Option<Token![-]> = input.parse()?;
        let lookahead = input.lookahead1();
        if lookahead.peek(syn::LitInt) || lookahead.peek(syn::LitFloat) {
            let literal: Lit = input.parse()?;
            Ok(Self(quote!(#minus #literal)))
        } else {
            Err(lookahead.error())
        }
    }
}

impl ToTokens for Number {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.0.to_tokens(tokens);
    }
}

/// The facts one declaration states.
#[derive(Default)]
#[expect(clippy::struct_excessive_bools, reason = "each flag is one key's presence, as written")]
pub struct Facts {
    /// Every key written, in order: for errors that point at one.
    pub keys: Vec<Ident>,
    pub max_bytes: Option<LitInt>,
    pub max_length: Option<LitInt>,
    pub min_length: Option<LitInt>,
    pub minimum: Option<Number>,
    pub maximum: Option<Number>,
    pub format: Option<LitStr>,
    pub pattern: Option<LitStr>,
    pub example: Option<Value>,
    pub default: Option<Value>,
    pub optional: bool,
    pub nullable: bool,
    pub inline: bool,
    pub any_object: bool,
}

impl Facts {
    /// Reads one `key` or `key = value` of the list.
    pub fn parse_key(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let Some(key) = meta.path.get_ident().cloned() else {
            return Err(meta.error(unknown("this")));
        };
        let name = key.to_string();
        if self.keys.contains(&key) {
            return Err(syn::Error::new(key.span(), format!("`{name}` is declared twice")));
        }
        match name.as_str() {
            "max_bytes" => self.max_bytes = Some(meta.value()?.parse()?),
            "max_length" => self.max_length = Some(meta.value()?.parse()?),
            "min_length" => self.min_length = Some(meta.value()?.parse()?),
            "minimum" => self.minimum = Some(meta.value()?.parse()?),
            "maximum" => self.maximum = Some(meta.value()?.parse()?),
            "format" => self.format = Some(meta.value()?.parse()?),
            "pattern" => self.pattern = Some(meta.value()?.parse()?),
            "example" => self.example = Some(meta.value()?.parse()?),
            "default" => self.default = Some(meta.value()?.parse()?),
            "optional" => self.optional = true,
            "nullable" => self.nullable = true,
            "inline" => self.inline = true,
            "any_object" => self.any_object = true,
            _ => return Err(syn::Error::new(key.span(), unknown(&format!("`{name}`")))),
        }
        self.keys.push(key);
        self.conflicts()
    }

    /// Refuses a key that `allowed` does not list, naming `what` it was written on.
    pub fn allow(&self, allowed: &[&str], what: &str) -> syn::Result<()> {
        match self.keys.iter().find(|key| !allowed.contains(&key.to_string().as_str())) {
            Some(key) => Err(syn::Error::new(
                key.span(),
                format!("`{key}` does not apply to {what}; it takes: {}", allowed.join(", ")),
            )),
            None => Ok(()),
        }
    }

    /// The span of `key`, if it was written.
    pub fn key(&self, key: &str) -> Option<&Ident> {
        self.keys.iter().find(|written| *written == key)
    }

    /// Pairs of keys that would state one fact twice, or contradict each other.
    fn conflicts(&self) -> syn::Result<()> {
        const PAIRS: [(&str, &str, &str); 2] = [
            ("max_bytes", "max_length", "`max_bytes` already sets maxLength"),
            ("optional", "nullable", "`optional` is absent or a value, `nullable` present and perhaps null"),
        ];
        for (one, other, why) in PAIRS {
            if let (Some(_), Some(_)) = (self.key(one), self.key(other)) {
                let last = self.keys.last().map_or_else(proc_macro2::Span::call_site, Ident::span);
                return Err(syn::Error::new(last, format!("`{one}` and `{other}` together: {why}")));
            }
        }
        Ok(())
    }
}

fn unknown(what: &str) -> String {
    format!("unknown key {what}; expected one of: {}", KEYS.join(", "))
}
