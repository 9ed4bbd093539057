//! Participants: validated value types, the participant record shared by the
//! web form and the `participants` CSV kind, and the "newly arrived" eligibility.
//!
//! Compiled for the browser too: only serde, chrono and thiserror.

mod attributes;
mod eligibility;
mod languages;
mod parsing;
mod raw;
mod record;
mod search;
#[cfg(test)]
mod test_support;
mod text_fields;

pub use attributes::{BirthYear, Gender, PlannedTerms, StudyPath};
pub use eligibility::{Eligibility, Span, Verdict};
pub use languages::{is_iso_639_1, LanguageCodes, ISO_639_1};
pub(crate) use parsing::plain_text;
pub use parsing::{format_date, parse_date};
pub use raw::{RawParticipant, PARTICIPANT_COLUMNS};
pub use record::ParticipantRecord;
pub use search::{fold, like_pattern, search_key};
pub use text_fields::{DistrictName, Email, ParticipantRef, PersonName, SchoolName};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::test_support::today;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_parsers_never_panic_on_any_text(s in any::<String>()) {
            let _ = parse_date(&s);
            let _ = BirthYear::parse(&s, today());
            let _ = PlannedTerms::parse(&s);
            let _ = Email::parse(&s);
            let _ = ParticipantRef::parse(&s);
            let _ = PersonName::parse(&s);
            let _ = Gender::parse(&s);
            let _ = LanguageCodes::parse(&s);
        }
    }
}
