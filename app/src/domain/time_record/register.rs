//! The group register's prefilled lesson: the block most members have planned that day.

use chrono::NaiveTime;

/// A member's planned block on the register's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayBlock {
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// The group's own teacher teaches it.
    pub by_group_teacher: bool,
}

/// The lesson offered when no member has a block planned that day: 08:30–09:30.
pub fn default_lesson() -> (NaiveTime, NaiveTime) {
    (
        NaiveTime::from_hms_opt(8, 30, 0).unwrap_or(NaiveTime::MIN),
        NaiveTime::from_hms_opt(9, 30, 0).unwrap_or(NaiveTime::MIN),
    )
}

/// The lesson the register starts from: of the members' planned blocks that day, the one the
/// group's teacher teaches most often, then the most common; a tie goes to the earlier block.
/// With no blocks, [`default_lesson`].
pub fn usual_lesson(blocks: impl IntoIterator<Item = DayBlock>) -> (NaiveTime, NaiveTime) {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<(NaiveTime, NaiveTime), (u32, u32)> = BTreeMap::new();
    for b in blocks {
        let c = counts.entry((b.start, b.end)).or_default();
        c.0 += u32::from(b.by_group_teacher);
        c.1 += 1;
    }
    // Earliest first, so that `max_by_key`, which keeps the last maximum, is reversed.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, c)| *c)
        .map_or_else(default_lesson, |(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    fn block(start: (u32, u32), end: (u32, u32), by_group_teacher: bool) -> DayBlock {
        DayBlock {
            start: at(start.0, start.1),
            end: at(end.0, end.1),
            by_group_teacher,
        }
    }

    #[test]
    fn no_planned_block_gives_half_past_eight_to_half_past_nine() {
        assert_eq!(usual_lesson([]), (at(8, 30), at(9, 30)));
    }

    #[test]
    fn the_most_common_block_is_offered() {
        let blocks = [
            block((13, 0), (15, 0), false),
            block((9, 0), (11, 0), false),
            block((13, 0), (15, 0), false),
        ];
        assert_eq!(usual_lesson(blocks), (at(13, 0), at(15, 0)));
    }

    #[test]
    fn the_group_teachers_block_wins_over_a_more_common_one() {
        let blocks = [
            block((13, 0), (15, 0), false),
            block((13, 0), (15, 0), false),
            block((9, 0), (11, 0), true),
        ];
        assert_eq!(usual_lesson(blocks), (at(9, 0), at(11, 0)));
    }

    #[test]
    fn a_tie_goes_to_the_earlier_block() {
        let blocks = [
            block((13, 0), (15, 0), true),
            block((9, 0), (11, 0), true),
            block((9, 0), (10, 0), true),
        ];
        assert_eq!(usual_lesson(blocks), (at(9, 0), at(10, 0)));
    }
}
