//! CEFR levels, the five ELP skills, self-assessment answers and occasions, and the ELP level
//! rule (issue 4; DOMAIN.md, "Testing language").
//!
//! The level rule: for one skill, the level is the highest level L from A1 to C2 such that the
//! share of "I can do this" answers reaches the threshold (80 % by default) at L and at every
//! level from A1 up to L; Pre-A1 if A1 does not reach it. Pre-A1 is the floor of the ladder:
//! its statements are part of the checklist (answered, stored, shown as progress), but they
//! neither gate A1 nor can lower the result below Pre-A1, since nothing lies beneath it.
//!
//! Compiled for the browser too: only serde and thiserror.

mod level;
mod self_assessment;
mod tally;
mod threshold;

pub use level::CefrLevel;
pub use self_assessment::{Answer, Occasion, Skill};
pub use tally::{LevelTally, SkillTally};
pub use threshold::Threshold;
