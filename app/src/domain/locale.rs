//! The languages of the interface (issue 13): Swedish and English everywhere, and on the
//! participant's pages (the tablet) also Arabic, Dari, Somali, Tigrinya and Ukrainian.

use serde::{Deserialize, Serialize};

/// A language the interface is translated into. Staff pages are in Swedish and English; the
/// participant's pages (the tablet) in all seven.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Locale {
    /// Swedish, the default.
    #[default]
    Sv,
    /// English.
    En,
    /// Arabic (right to left).
    Ar,
    /// Dari (right to left).
    Prs,
    /// Somali.
    So,
    /// Tigrinya.
    Ti,
    /// Ukrainian.
    Uk,
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

impl Locale {
    /// All locales, in the order offered on the tablet.
    pub const ALL: [Locale; 7] = [
        Locale::Sv,
        Locale::En,
        Locale::Ar,
        Locale::Prs,
        Locale::So,
        Locale::Ti,
        Locale::Uk,
    ];

    /// The locales of the staff pages.
    pub const STAFF: [Locale; 2] = [Locale::Sv, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and the cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Sv => "sv",
            Locale::En => "en",
            Locale::Ar => "ar",
            Locale::Prs => "prs",
            Locale::So => "so",
            Locale::Ti => "ti",
            Locale::Uk => "uk",
        }
    }

    /// The language's own name in its own script, shown in the language choice.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Sv => "Svenska",
            Locale::En => "English",
            Locale::Ar => "العربية",
            Locale::Prs => "دری",
            Locale::So => "Soomaali",
            Locale::Ti => "ትግርኛ",
            Locale::Uk => "Українська",
        }
    }

    /// Writing direction for `<html dir>`: Arabic and Dari are written right to left.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar | Locale::Prs)
    }

    /// Whether staff pages are translated into this locale (Swedish and English).
    pub fn is_staff(self) -> bool {
        Locale::STAFF.contains(&self)
    }

    /// The locale of a staff page when this one was chosen: itself for Swedish and English,
    /// else Swedish.
    pub fn for_staff(self) -> Locale {
        if self.is_staff() {
            self
        } else {
            Locale::Sv
        }
    }

    /// Parses a tag; unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "sv" | "sv-se" => Some(Locale::Sv),
            "en" | "en-gb" | "en-us" => Some(Locale::En),
            "ar" => Some(Locale::Ar),
            "prs" | "fa-af" => Some(Locale::Prs),
            "so" => Some(Locale::So),
            "ti" => Some(Locale::Ti),
            "uk" | "uk-ua" => Some(Locale::Uk),
            _ => None,
        }
    }

    /// The locale named by the `lang` cookie in a `Cookie` header, if any.
    pub fn chosen_in_cookie_header(header: &str) -> Option<Self> {
        header
            .split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == LANG_COOKIE)
            .and_then(|(_, v)| Locale::from_tag(v))
    }

    /// The locale named by the `lang` cookie in a `Cookie` header, else Swedish.
    pub fn from_cookie_header(header: &str) -> Self {
        Locale::chosen_in_cookie_header(header).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_round_trips_through_its_tag() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
    }

    #[test]
    fn arabic_and_dari_are_right_to_left_and_the_others_left_to_right() {
        let rtl: Vec<Locale> = Locale::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Locale::Ar, Locale::Prs]);
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::Ti.dir(), "ltr");
    }

    #[test]
    fn staff_pages_speak_swedish_or_english_only() {
        for l in Locale::ALL {
            assert!(Locale::STAFF.contains(&l.for_staff()));
        }
        assert_eq!(Locale::En.for_staff(), Locale::En);
        assert_eq!(Locale::Ar.for_staff(), Locale::Sv);
    }

    #[test]
    fn the_cookie_names_a_choice_only_when_it_is_a_known_language() {
        assert_eq!(
            Locale::chosen_in_cookie_header("a=b; lang=ti"),
            Some(Locale::Ti)
        );
        assert_eq!(Locale::chosen_in_cookie_header("lang=xx"), None);
        assert_eq!(Locale::chosen_in_cookie_header(""), None);
    }

    proptest::proptest! {
        /// Any cookie header gives a locale without panicking, Swedish when none is named.
        #[test]
        fn any_cookie_header_gives_a_locale(header in ".{0,40}") {
            let l = Locale::from_cookie_header(&header);
            proptest::prop_assert!(Locale::ALL.contains(&l));
        }
    }
}
