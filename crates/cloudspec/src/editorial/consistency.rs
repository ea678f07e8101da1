//! One English string, one translation, across the catalog: a reader who meets "The error
//! message." as 错误描述 in one document and 错误信息 in another takes them for two things.
//! A translation that must differ (the English means another thing there) says why in its
//! action's `x-variant`; a reason given where nothing differs is stale, and reported too.
//! Two translations that differ only in the spacing of Chinese from Latin text are one: each
//! vendor's documents space it their vendor's way ([`super::spacing`]).

use std::collections::BTreeMap;

use crate::lint::Finding;

use super::rules;
use super::spacing::{self, Spacing};

/// One translated string of one overlay.
#[derive(Clone, Debug)]
pub struct Translation {
    pub english: String,
    pub text: String,
    /// The overlay it is in.
    pub overlay: String,
    /// The JSON pointer of the translated field in the English document.
    pub pointer: String,
    /// The reason it differs on purpose, if the overlay gives one.
    pub variant: Option<String>,
}

/// The places that translate one English string otherwise than the catalog does.
pub fn findings(translations: &[Translation]) -> Vec<Finding> {
    let mut by_english: BTreeMap<&str, Vec<&Translation>> = BTreeMap::new();
    for translation in translations {
        by_english.entry(&translation.english).or_default().push(translation);
    }
    let mut findings = Vec::new();
    for (english, group) in by_english {
        // The catalog's translation: the one most places use without a reason, the first on a tie.
        let unspaced: Vec<String> =
            group.iter().map(|translation| spacing::apply(&translation.text, Spacing::None)).collect();
        let mut counts: Vec<(&str, usize, &Translation)> = Vec::new();
        for (translation, text) in
            group.iter().zip(&unspaced).filter(|(translation, _)| translation.variant.is_none())
        {
            match counts.iter_mut().find(|(counted, _, _)| counted == text) {
                Some((_, count, _)) => *count += 1,
                None => counts.push((text, 1, translation)),
            }
        }
        let Some(&(usual_unspaced, _, first)) = counts.iter().rev().max_by_key(|(_, count, _)| *count) else {
            continue;
        };
        let usual = &first.text;
        for (translation, text) in group.iter().zip(&unspaced) {
            let finding = |message: String| Finding {
                rule: rules::ONE_TRANSLATION,
                document: translation.overlay.clone(),
                pointer: translation.pointer.clone(),
                message,
            };
            match &translation.variant {
                None if text != usual_unspaced => findings.push(finding(format!(
                    "{english:?} is translated “{}” here and “{usual}” at {}#{}: use one \
                    translation, or give this one an `x-variant` reason",
                    translation.text,
                    first.overlay,
                    cloudspec_schema::pointer::display(&first.pointer),
                ))),
                Some(reason) if text == usual_unspaced => findings.push(finding(format!(
                    "`x-variant` says this translation differs ({reason:?}), but it is the \
                    catalog's “{usual}”: remove the reason"
                ))),
                _ => {}
            }
        }
    }
    findings
}
