//! `/participants/:id`: the register's record with the sections of every feature.

use leptos::prelude::*;

use crate::register::pages::{id_param, ParticipantRecord};

/// `/participants/:id`: the record, eligibility and groups, then SFI results, assessments,
/// the ladder and the weekly hours, then the PIN and the history.
#[component]
pub fn ParticipantPage() -> impl IntoView {
    let id = id_param();
    view! {
        <ParticipantRecord>
            {move || id.get().map(|participant| view! {
                <crate::sfi::pages::SfiSection participant />
                <crate::elp::draft::DraftNotice participant />
                <crate::elp::pages::AssessmentsSection participant />
                <crate::ladder::pages::LadderSection participant />
                <crate::hours::pages::HoursSection participant />
                <crate::languages::pages::TabletLanguageSection participant />
                <crate::mentoring::pages::MentoringSections participant />
                <crate::binder::pages::StepsSection participant />
                <crate::binder::pages::OutcomeSection participant />
                <crate::audit::pages::AccessLogLink participant />
                <crate::privacy::pages::PersonDataLinks participant />
            })}
        </ParticipantRecord>
    }
}
