//! Finding people by name whatever the case and the accents: the folded text that the register
//! search compares, the same on SQLite and PostgreSQL (computed here, stored in a column).

/// `s` in lower case with the accents of Latin letters removed (å, ä, á, à, â → a; ö, ø, ó → o;
/// é, è, ê, ë → e; ü → u; ç → c; ñ → n; ß → ss; æ → ae; …). Other scripts (Arabic, Tigrinya,
/// Cyrillic) are lower-cased only. So "asa", "åsa" and "ÅSA" all find "Åsa", and "andre" finds
/// "André": staff type names on keyboards that lack the letters of the name.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => out.push('c'),
            'ď' | 'đ' | 'ð' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ğ' | 'ĝ' | 'ġ' | 'ģ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ł' | 'ľ' | 'ĺ' | 'ļ' => out.push('l'),
            'ñ' | 'ń' | 'ň' | 'ņ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ř' | 'ŕ' => out.push('r'),
            'ś' | 'š' | 'ş' | 'ș' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ť' | 'ţ' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            // Combining marks (a decomposed "a" + ring) fold with their letter.
            '\u{300}'..='\u{36f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The stored search text of a participant: reference, "given family" and "family given",
/// folded, one per line, so a search for any of them (or a part) matches with `LIKE`.
pub fn search_key(participant_ref: &str, given_name: &str, family_name: &str) -> String {
    fold(&format!(
        "{participant_ref}\n{given_name} {family_name}\n{family_name} {given_name}"
    ))
}

/// The `LIKE` pattern for a search text: folded, with `%`, `_` and `\` taken literally
/// (escaped with `\`; the query says `ESCAPE '\'`), between `%` wildcards.
pub fn like_pattern(query: &str) -> String {
    let mut out = String::from("%");
    for c in fold(query.trim()).chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn search_ignores_case_for_swedish_letters() {
        assert_eq!(fold("Åsa"), fold("åsa"));
        assert_eq!(fold("ÄNGELHOLM Öberg"), "angelholm oberg");
        assert_eq!(fold("ÅSA"), "asa");
    }

    #[test]
    fn search_ignores_accents_so_andre_finds_andre_with_an_accent() {
        assert_eq!(fold("André Müller Çelik"), "andre muller celik");
        assert_eq!(fold("A\u{30a}sa"), "asa");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn other_scripts_are_only_lower_cased() {
        assert_eq!(fold("Олена"), "олена");
        assert_eq!(fold("أمينة"), "أمينة");
    }

    #[test]
    fn the_key_holds_the_reference_and_both_name_orders() {
        let key = search_key("P-0042", "Åsa", "Öberg");
        assert!(key.contains("p-0042"));
        assert!(key.contains("asa oberg"));
        assert!(key.contains("oberg asa"));
        // A search never matches across the lines of the key.
        assert!(!key.contains("0042 asa"));
    }

    #[test]
    fn like_wildcards_in_a_search_are_taken_literally() {
        assert_eq!(like_pattern(" Å_s%a\\ "), "%a\\_s\\%a\\\\%");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent_and_ignores_case(s in "[a-zA-ZåäöÅÄÖéÉèÈüÜçÇøØæÆ -]{0,20}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert_eq!(fold(&s.to_uppercase()), fold(&s.to_lowercase()));
        }
    }
}
