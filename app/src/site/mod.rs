//! The pages that put the features together: the start pages (staff and `/me`) and a
//! participant's page, which show sections of every feature. Features are siblings and never
//! import each other; only this layer (and the router in `app`) sees them all.

mod home;
mod mentor_start;
mod mine;
mod participant;

pub use home::{HomePage, MePage};
#[cfg(feature = "ssr")]
pub use mentor_start::start_page_validity;
pub use mine::{MyHoursPage, MyLadderPage};
pub use participant::ParticipantPage;
