//! The staff view of a participant's self-assessment under way (issue 12): how far it is
//! answered, and how many answers wait on a tablet for the participant's next sign-in there.

use leptos::prelude::*;

use super::api::get_draft_note;
use crate::domain::ids::ParticipantId;
use crate::ui::components::{ErrorNotice, Loading};
use crate::ui::{day, t, t_args};

/// A line on the participant's page while a self-assessment is under way.
#[component]
pub fn DraftNotice(
    /// Whose.
    participant: ParticipantId,
) -> impl IntoView {
    let data = Resource::new(move || participant, get_draft_note);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(None) => ().into_any(),
                    Ok(Some(d)) => {
                        let occasion = t(&format!("occasion-{}", d.occasion.as_str()));
                        let progress = t_args("elp-draft-staff", &[
                            ("occasion", occasion),
                            ("date", day(d.started_on)),
                            ("answered", d.answered.to_string()),
                            ("total", d.total.to_string()),
                        ]);
                        let waiting = (d.waiting > 0).then(|| view! {
                            <p class="notice" role="status">{t_args("elp-waiting-on-tablet", &[("count", d.waiting.to_string())])}</p>
                        });
                        view! {
                            <div class="card" data-test="elp-draft">
                                <p>{progress}</p>
                                {waiting}
                            </div>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
