//! The languages a participant reads or speaks, as ISO 639-1 codes.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// The ISO 639-1 two-letter language codes, sorted: the 183 current codes plus
/// the withdrawn `bh` (Bihari) and deprecated `sh` (Serbo-Croatian), which
/// older registers still contain.
pub const ISO_639_1: [&str; 185] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "sh", "si",
    "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th",
    "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi",
    "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether `code` (lower case) is an ISO 639-1 code.
pub fn is_iso_639_1(code: &str) -> bool {
    ISO_639_1.binary_search(&code).is_ok()
}

/// Languages a participant reads or speaks, as ISO 639-1 codes: lower case,
/// without duplicates, in the order given. May be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCodes(Vec<String>);

impl LanguageCodes {
    /// Parses codes separated by `,` (e.g. `"ar, EN"`); empty items are ignored,
    /// so an empty field gives an empty list. Every unknown code is named in the problem.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let mut codes: Vec<String> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        for item in s.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let code = item.to_lowercase();
            if !is_iso_639_1(&code) {
                if !bad.contains(&item.to_owned()) {
                    bad.push(item.to_owned());
                }
            } else if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if bad.is_empty() {
            Ok(LanguageCodes(codes))
        } else {
            Err(Problem::BadLanguageCode {
                code: bad.join(", "),
            })
        }
    }

    /// The codes, in order.
    pub fn codes(&self) -> &[String] {
        &self.0
    }

    /// Whether no language is recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The file form, e.g. `"ar,en"` (empty string for no languages).
    pub fn to_field(&self) -> String {
        self.0.join(",")
    }
}

impl fmt::Display for LanguageCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_field())
    }
}

impl TryFrom<String> for LanguageCodes {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        Self::parse(&s)
    }
}

impl From<LanguageCodes> for String {
    fn from(value: LanguageCodes) -> String {
        value.to_field()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn language_codes_are_trimmed_lowercased_and_deduplicated_in_order() {
        let codes = LanguageCodes::parse(" AR, en ,ar,,ti ").unwrap();
        assert_eq!(codes.codes(), ["ar", "en", "ti"]);
        assert_eq!(codes.to_field(), "ar,en,ti");
    }

    #[test]
    fn empty_languages_are_an_empty_list() {
        assert!(LanguageCodes::parse("").unwrap().is_empty());
        assert!(LanguageCodes::parse(" , ").unwrap().is_empty());
    }

    #[test]
    fn a_language_code_outside_iso_639_1_is_rejected_and_named() {
        assert_eq!(
            LanguageCodes::parse("ar,xx,ara,Xx,en"),
            Err(Problem::BadLanguageCode {
                code: "xx, ara, Xx".into()
            })
        );
        assert_eq!(
            LanguageCodes::parse("arabic"),
            Err(Problem::BadLanguageCode {
                code: "arabic".into()
            })
        );
    }

    #[test]
    fn the_iso_639_1_list_is_sorted_unique_and_two_letter() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_639_1
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase())));
        for code in ["ar", "fa", "so", "ti", "sv", "en", "ps", "ku", "zu", "aa"] {
            assert!(is_iso_639_1(code), "{code}");
        }
        for code in ["xx", "qq", "ara", "prs", ""] {
            assert!(!is_iso_639_1(code), "{code}");
        }
    }

    proptest! {
        #[test]
        fn language_codes_round_trip_through_their_field(
            picks in proptest::collection::vec(0usize..ISO_639_1.len(), 0..6)
        ) {
            let field = picks.iter().map(|&i| ISO_639_1[i].to_uppercase()).collect::<Vec<_>>().join(" , ");
            let codes = LanguageCodes::parse(&field).unwrap();
            prop_assert_eq!(LanguageCodes::parse(&codes.to_field()), Ok(codes.clone()));
            let unique: std::collections::HashSet<&String> = codes.codes().iter().collect();
            prop_assert_eq!(unique.len(), codes.codes().len());
        }
    }
}
