//! What the rendition writes into a description about what 3.0 cannot say, in the language
//! of the document it renders: a zh-CN document gets its notes in Chinese, spaced as its
//! vendor spaces Chinese from Latin text. Each [`Note`] has its text in every [`Language`]
//! (the `match` is exhaustive), so a note cannot be added in English alone.

use crate::editorial::spacing::{self, Spacing};

/// The languages the rendition writes its notes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    /// Simplified Chinese, spaced from Latin text by the vendor's convention.
    Chinese(Spacing),
}

/// One thing a 3.0 document cannot express.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// `contentMediaType`: what the string holds.
    ContentMediaType {
        media_type: String,
    },
    /// A JSON Schema keyword 3.0 lacks, with its value.
    Keyword {
        keyword: String,
        value: String,
    },
    /// A reference inlined so that `nullable` can sit beside a `type`.
    InlinedReference {
        reference: String,
    },
    /// Null, in a union none of whose members has a `type`.
    NullLost,
    /// An example beyond the one a 3.0 schema keeps.
    Example {
        value: String,
    },
    /// A `jsonSchemaDialect` other than 3.1's default.
    Dialect {
        dialect: String,
    },
    Webhooks {
        names: Vec<String>,
    },
    PathItems {
        names: Vec<String>,
    },
    MutualTls {
        scheme: String,
    },
    /// `license.identifier` beside a `url`.
    LicenseIdentifier {
        identifier: String,
    },
}

impl Note {
    /// The note as a reader of a document in `language` reads it.
    pub fn text(&self, language: Language) -> String {
        match language {
            Language::English => self.english(),
            Language::Chinese(spacing) => spacing::apply(&self.chinese(), spacing),
        }
    }

    fn english(&self) -> String {
        match self {
            Self::ContentMediaType { media_type } => {
                format!("the string's content is `{media_type}` (`contentMediaType`)")
            }
            Self::Keyword { keyword, value } => format!("`{keyword}: {value}`"),
            Self::InlinedReference { reference } => format!(
                "the reference to `{reference}`: inlined here, because 3.0's `nullable` has effect \
                only beside `type`"
            ),
            Self::NullLost => "that the value may be null: 3.0's `nullable` has effect only beside \
                `type`, and no member of the union has one"
                .into(),
            Self::Example { value } => format!("the example `{value}` (3.0 keeps one example per schema)"),
            Self::Dialect { dialect } => format!("the schemas' dialect {dialect} (3.0 has one)"),
            Self::Webhooks { names } => format!("the webhooks {names:?} (3.0 has no `webhooks`)"),
            Self::PathItems { names } => {
                format!("the reusable path items {names:?} (3.0 has no `components.pathItems`)")
            }
            Self::MutualTls { scheme } => {
                format!("the security scheme {scheme:?}: mutual TLS (3.0 has no `mutualTLS` scheme)")
            }
            Self::LicenseIdentifier { identifier } => {
                format!("the license's SPDX identifier `{identifier}` (the URL is kept)")
            }
        }
    }

    /// Written unspaced; [`Note::text`] spaces it as the vendor does.
    fn chinese(&self) -> String {
        match self {
            Self::ContentMediaType { media_type } => {
                format!("字符串的内容为`{media_type}`（`contentMediaType`）")
            }
            Self::Keyword { keyword, value } => format!("关键字`{keyword}: {value}`"),
            Self::InlinedReference { reference } => format!(
                "对`{reference}`的引用：已在此处展开，因为3.0的`nullable`只在与`type`并列时生效"
            ),
            Self::NullLost => {
                "值可以为`null`：3.0的`nullable`只在与`type`并列时生效，而`oneOf`或`anyOf`中的各个schema都没有`type`".into()
            }
            Self::Example { value } => format!("示例`{value}`（3.0的每个schema只保留一个示例）"),
            Self::Dialect { dialect } => format!("schema的方言`{dialect}`（3.0只有一种方言）"),
            Self::Webhooks { names } => format!("Webhook `{names:?}`（3.0没有`webhooks`）"),
            Self::PathItems { names } => {
                format!("可复用的路径项`{names:?}`（3.0没有`components.pathItems`）")
            }
            Self::MutualTls { scheme } => format!("安全方案`{scheme}`：双向TLS（3.0没有`mutualTLS`方案）"),
            Self::LicenseIdentifier { identifier } => {
                format!("许可证的SPDX标识符`{identifier}`（保留了URL）")
            }
        }
    }
}

/// The heading of the note a rendition adds to a description.
pub(super) fn heading(language: Language) -> String {
    match language {
        Language::English => "Not expressible in OpenAPI 3.0 (see the OpenAPI 3.1 document):".into(),
        Language::Chinese(spacing) => {
            spacing::apply("OpenAPI 3.0无法表达的内容（详见OpenAPI 3.1文档）：", spacing)
        }
    }
}

/// The description of the `default` response given to an operation that documents none.
pub(super) fn no_response(language: Language) -> String {
    match language {
        Language::English => "The 3.1 document documents no response.".into(),
        Language::Chinese(spacing) => spacing::apply("OpenAPI 3.1文档没有记载任何响应。", spacing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editorial::english;
    use crate::editorial::text::Text;

    /// Every note in Chinese is Chinese prose, spaced as each vendor spaces it: the rules a
    /// zh-CN document is held to find no English sentence and no spacing to fix in it.
    #[test]
    fn every_note_reads_as_chinese() {
        let notes = [
            Note::ContentMediaType { media_type: "application/json".into() },
            Note::Keyword { keyword: "if".into(), value: "{}".into() },
            Note::InlinedReference { reference: "#/components/schemas/GlanceTime".into() },
            Note::NullLost,
            Note::Example { value: "\"a\"".into() },
            Note::Dialect { dialect: "\"https://example.com/dialect\"".into() },
            Note::Webhooks { names: vec!["created".into()] },
            Note::PathItems { names: vec!["images".into()] },
            Note::MutualTls { scheme: "mtls".into() },
            Note::LicenseIdentifier { identifier: "MIT".into() },
        ];
        for style in [Spacing::None, Spacing::Space] {
            let language = Language::Chinese(style);
            let texts = notes
                .iter()
                .map(|note| note.text(language))
                .chain([heading(language), no_response(language)]);
            for text in texts {
                let read = Text::read(&text, &[]);
                assert!(text.chars().any(crate::editorial::text::is_han), "{text}");
                assert!(english::sentences(&read).is_empty(), "English in {text:?}");
                assert!(spacing::violations(&read, style).is_empty(), "{style:?} spacing of {text:?}");
            }
        }
    }
}
