//! The placement agreement, the development talks and the checkpoint decisions of the binder
//! (placement and talks keep every version; decisions are append-only).

mod decisions;
mod placement;
mod talks;

pub use decisions::{add_decision, decisions, plans, Plan, StoredDecision};
pub use placement::{placement, save_placement, StoredPlacement};
pub use talks::{cancel_talk, record_talk, schedule_talk, talks, StoredTalk};
