//! The expansion of `#[schemas]`: the item as written, less its `#[field(...)]` attributes,
//! plus the derives and the attributes each derive reads.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::parse::Parser;
use syn::{Attribute, Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type, parse_quote};

use crate::facts::Facts;

/// The attribute that declares one field's facts.
const FIELD: &str = "field";

/// The extension that carries a limit given in bytes: `maxLength` counts characters.
/// (`cloudspec_vocabulary::MAX_BYTES`, written out: a test of `cloudspec-endpoint` holds the two
/// equal.)
const MAX_BYTES: &str = "x-max-bytes";

/// Marks, in the schemars schema, a property that is required though its type is an
/// `Option` (present, and perhaps `null`): the container's transform moves it to `required`
/// and removes the mark. schemars' own `required` would drop the `null`.
const NULLABLE_REQUIRED: &str = "x-cloudspec-nullable-required";

/// The keys a type whose JSON Schema is its utoipa schema takes (newtypes, `#[repr]` enums).
const OF_A_NEWTYPE: &[&str] =
    &["max_length", "min_length", "minimum", "maximum", "format", "pattern", "example", "default"];

/// The keys a struct with named fields, or an enum, takes on the type itself.
const OF_A_TYPE: &[&str] = &["example", "default"];

/// The attributes of the three derives, for one field or one type.
#[derive(Default)]
struct Attrs {
    serde: Vec<TokenStream>,
    utoipa: Vec<TokenStream>,
    schemars: Vec<TokenStream>,
}

impl Attrs {
    fn attributes(&self) -> Vec<Attribute> {
        [("serde", &self.serde), ("schema", &self.utoipa), ("schemars", &self.schemars)]
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(name, items)| {
                let name = Ident::new(name, Span::call_site());
                parse_quote!(#[#name(#(#items),*)])
            })
            .collect()
    }
}

/// Expands `#[schemas(attr)] item`.
pub fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let mut input: DeriveInput = syn::parse2(item)?;
    let mut container = Facts::default();
    syn::meta::parser(|meta| container.parse_key(&meta)).parse2(attr)?;
    refuse_raw(&input.attrs)?;
    let mut derives = vec![quote!(::utoipa::ToSchema)];
    let mut own = Attrs::default();
    let mut after = TokenStream::new();
    let repr = input.attrs.iter().any(|attr| attr.path().is_ident("repr"));
    match &mut input.data {
        Data::Struct(data) => match &mut data.fields {
            Fields::Named(fields) => {
                container.allow(OF_A_TYPE, "a struct")?;
                let mut nullable = false;
                for field in &mut fields.named {
                    let facts = take_facts(&mut field.attrs)?;
                    nullable |= facts.nullable;
                    field.attrs.extend(field_attrs(&facts, &field.ty)?.attributes());
                }
                values(&container, &mut own, true);
                if nullable {
                    own.schemars.push(quote!(
                        transform = |schema: &mut ::schemars::Schema| {
                            ::cloudspec_endpoint::__private::require_marked(schema, #NULLABLE_REQUIRED)
                        }
                    ));
                }
                derives.push(quote!(::schemars::JsonSchema));
            }
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                container.allow(OF_A_NEWTYPE, "a newtype (its JSON Schema is its utoipa schema)")?;
                for field in &fields.unnamed {
                    no_facts(&field.attrs, "a newtype's field: declare them on the type")?;
                }
                values(&container, &mut own, false);
                after = json_schema_of_utoipa(&input)?;
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    &input.ident,
                    "#[schemas] takes a struct with named fields, a newtype or an enum",
                ));
            }
        },
        Data::Enum(data) => {
            for variant in &mut data.variants {
                no_facts(&variant.attrs, "a variant")?;
                for field in &variant.fields {
                    no_facts(&field.attrs, "a variant's field")?;
                }
            }
            if repr {
                container.allow(OF_A_TYPE, "a `#[repr]` enum")?;
                values(&container, &mut own, false);
                after = json_schema_of_utoipa(&input)?;
            } else {
                container.allow(OF_A_TYPE, "an enum")?;
                values(&container, &mut own, true);
                derives.push(quote!(::schemars::JsonSchema));
            }
        }
        Data::Union(_) => {
            return Err(syn::Error::new_spanned(&input.ident, "#[schemas] takes no union"));
        }
    }
    input.attrs.push(parse_quote!(#[derive(#(#derives),*)]));
    input.attrs.extend(own.attributes());
    Ok(quote!(#input #after))
}

/// A field's attributes: `optional` and `nullable` need an `Option<T>`; an `Open<T>` is
/// always inlined, because `Open<T>` registers `T`'s component itself.
fn field_attrs(facts: &Facts, ty: &Type) -> syn::Result<Attrs> {
    let mut attrs = Attrs::default();
    let inner = option_inner(ty);
    for (key, declared) in [("optional", facts.optional), ("nullable", facts.nullable)] {
        if declared && inner.is_none() {
            return Err(syn::Error::new_spanned(ty, format!("`{key}` is for a field of type `Option<T>`")));
        }
    }
    if facts.inline || mentions_open(ty) {
        attrs.utoipa.push(quote!(inline));
    }
    if facts.any_object {
        attrs.utoipa.push(quote!(value_type = Object, additional_properties));
    }
    if let (true, Some(inner)) = (facts.optional, inner) {
        attrs.serde.push(quote!(default));
        attrs.serde.push(quote!(skip_serializing_if = "Option::is_none"));
        attrs.utoipa.push(quote!(nullable = false));
        let inner = inner.to_token_stream().to_string();
        attrs.schemars.push(quote!(with = #inner));
    }
    if facts.nullable {
        attrs.utoipa.push(quote!(required = true));
        attrs.schemars.push(quote!(extend(#NULLABLE_REQUIRED = true)));
    }
    values(facts, &mut attrs, true);
    Ok(attrs)
}

/// The limits, format, pattern, example and default: utoipa's, and with `schemars` the same
/// facts in schemars' words.
fn values(facts: &Facts, attrs: &mut Attrs, schemars: bool) {
    let max_length = facts.max_bytes.as_ref().or(facts.max_length.as_ref());
    let utoipa = &mut attrs.utoipa;
    if let Some(max) = max_length {
        utoipa.push(quote!(max_length = #max));
    }
    if let Some(min) = &facts.min_length {
        utoipa.push(quote!(min_length = #min));
    }
    if let Some(min) = &facts.minimum {
        utoipa.push(quote!(minimum = #min));
    }
    if let Some(max) = &facts.maximum {
        utoipa.push(quote!(maximum = #max));
    }
    if let Some(format) = &facts.format {
        utoipa.push(quote!(format = #format));
    }
    if let Some(pattern) = &facts.pattern {
        utoipa.push(quote!(pattern = #pattern));
    }
    if let Some(example) = &facts.example {
        let example = example.utoipa();
        utoipa.push(quote!(example = #example));
    }
    if let Some(default) = &facts.default {
        let default = default.utoipa();
        utoipa.push(quote!(default = #default));
    }
    if let Some(bytes) = &facts.max_bytes {
        utoipa.push(quote!(extensions((#MAX_BYTES = json!(#bytes)))));
    }
    if !schemars {
        return;
    }
    let schemars = &mut attrs.schemars;
    let bounds = |min: Option<TokenStream>, max: Option<TokenStream>| {
        let min = min.map(|min| quote!(min = #min));
        let max = max.map(|max| quote!(max = #max));
        min.into_iter().chain(max).collect::<Vec<_>>()
    };
    let length = bounds(
        facts.min_length.as_ref().map(ToTokens::to_token_stream),
        max_length.map(ToTokens::to_token_stream),
    );
    if !length.is_empty() {
        schemars.push(quote!(length(#(#length),*)));
    }
    let range = bounds(
        facts.minimum.as_ref().map(ToTokens::to_token_stream),
        facts.maximum.as_ref().map(ToTokens::to_token_stream),
    );
    if !range.is_empty() {
        schemars.push(quote!(range(#(#range),*)));
    }
    if let Some(pattern) = &facts.pattern {
        schemars.push(quote!(pattern(#pattern)));
    }
    if let Some(example) = &facts.example {
        let example = example.json_input();
        schemars.push(quote!(example = ::cloudspec_endpoint::__private::serde_json::json!(#example)));
    }
    if let Some(format) = &facts.format {
        schemars.push(quote!(extend("format" = #format)));
    }
    if let Some(default) = &facts.default {
        let default = default.json_input();
        schemars.push(quote!(extend("default" = #default)));
    }
    if let Some(bytes) = &facts.max_bytes {
        schemars.push(quote!(extend(#MAX_BYTES = #bytes)));
    }
}

/// `JsonSchema` for a type schemars cannot derive as utoipa does (a `#[repr]` enum, which
/// serde_repr writes as its number; a newtype): its utoipa schema, which refers to nothing.
fn json_schema_of_utoipa(input: &DeriveInput) -> syn::Result<TokenStream> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "#[schemas] takes no generic newtype or `#[repr]` enum",
        ));
    }
    let ident = &input.ident;
    let name = ident.to_string();
    Ok(quote! {
        impl ::schemars::JsonSchema for #ident {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                <Self as ::utoipa::ToSchema>::name()
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", #name))
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::cloudspec_endpoint::__private::json_schema_of_utoipa::<Self>()
            }
        }
    })
}

/// The facts of `#[field(...)]` among `attrs`, which it removes.
fn take_facts(attrs: &mut Vec<Attribute>) -> syn::Result<Facts> {
    refuse_raw(attrs)?;
    let mut facts = Facts::default();
    let mut kept = Vec::with_capacity(attrs.len());
    for attr in attrs.drain(..) {
        if attr.path().is_ident(FIELD) {
            attr.parse_nested_meta(|meta| facts.parse_key(&meta))?;
        } else {
            kept.push(attr);
        }
    }
    *attrs = kept;
    Ok(facts)
}

/// Refuses `#[field(...)]` where no fact can be declared.
fn no_facts(attrs: &[Attribute], what: &str) -> syn::Result<()> {
    refuse_raw(attrs)?;
    match attrs.iter().find(|attr| attr.path().is_ident(FIELD)) {
        Some(attr) => Err(syn::Error::new_spanned(attr, format!("#[field(...)] does not apply to {what}"))),
        None => Ok(()),
    }
}

/// Refuses the derives' own attributes: a fact written there would be written for one
/// derive only.
fn refuse_raw(attrs: &[Attribute]) -> syn::Result<()> {
    match attrs.iter().find(|attr| attr.path().is_ident("schema") || attr.path().is_ident("schemars")) {
        Some(attr) => Err(syn::Error::new_spanned(
            attr,
            "write the fact once, as #[field(...)] on a field or #[schemas(...)] on the type: \
             #[schemas] writes the attributes of both derives",
        )),
        None => Ok(()),
    }
}

/// `T` of `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(arguments) = &last.arguments else { return None };
    match arguments.args.first()? {
        GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

/// Whether `ty` is `Open<..>`, or has one among its type arguments (`Option<Open<T>>`).
fn mentions_open(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    path.path.segments.iter().any(|segment| {
        segment.ident == "Open"
            || matches!(&segment.arguments, PathArguments::AngleBracketed(arguments)
            if arguments.args.iter().any(|argument| {
                matches!(argument, GenericArgument::Type(inner) if mentions_open(inner))
            }))
    })
}
