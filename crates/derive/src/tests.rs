//! Each `cases/<case>.rs` is one type under `#[schemas(...)]`; the snapshot holds what the
//! expansion gives each derive (every attribute of the type and of each field, and any
//! `impl` it adds), or the error it reports.

use std::fmt::Write as _;

use quote::{ToTokens, quote};
use syn::{Attribute, Fields, Item};

use crate::expand::expand;

#[test]
fn expansions() {
    insta::glob!("../cases", "*.rs", |path| {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let file = syn::parse_file(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let [item] = file.items.as_slice() else { panic!("{}: expected one item", path.display()) };
        let mut item = item.clone();
        let attr = take_schemas(&mut item).unwrap_or_else(|| panic!("{}: no #[schemas]", path.display()));
        let outcome = match expand(attr, item.to_token_stream()) {
            Ok(tokens) => {
                let expanded = syn::parse2::<syn::File>(tokens).expect("the expansion parses");
                expanded.items.iter().map(describe).collect::<String>()
            }
            Err(error) => format!("error: {error}\n"),
        };
        insta::assert_snapshot!(outcome);
    });
}

/// The tokens of `#[schemas(...)]` on `item`, which it removes.
fn take_schemas(item: &mut Item) -> Option<proc_macro2::TokenStream> {
    let attrs = match item {
        Item::Struct(item) => &mut item.attrs,
        Item::Enum(item) => &mut item.attrs,
        Item::Union(item) => &mut item.attrs,
        _ => return None,
    };
    let index = attrs.iter().position(|attr| attr.path().is_ident("schemas"))?;
    let attr = attrs.remove(index);
    Some(match attr.meta {
        syn::Meta::List(list) => list.tokens,
        _ => proc_macro2::TokenStream::new(),
    })
}

/// One line per attribute (doc comments left out), each field's under its name.
fn describe(item: &Item) -> String {
    let mut out = String::new();
    let attributes = |out: &mut String, attrs: &[Attribute], indent: &str| {
        for attr in attrs.iter().filter(|attr| !attr.path().is_ident("doc")) {
            let _ = writeln!(out, "{indent}{}", attr.to_token_stream());
        }
    };
    match item {
        Item::Struct(item) => {
            let _ = writeln!(out, "struct {}", item.ident);
            attributes(&mut out, &item.attrs, "  ");
            if let Fields::Named(fields) = &item.fields {
                for field in &fields.named {
                    let (name, ty) = (field.ident.as_ref().expect("named"), &field.ty);
                    let _ = writeln!(out, "  field {name}: {}", quote!(#ty));
                    attributes(&mut out, &field.attrs, "    ");
                }
            }
        }
        Item::Enum(item) => {
            let _ = writeln!(out, "enum {}", item.ident);
            attributes(&mut out, &item.attrs, "  ");
        }
        other => {
            let _ = writeln!(out, "{}", other.to_token_stream());
        }
    }
    out
}
