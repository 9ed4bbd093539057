//! The compliance report's roll-up: participants' tallies summed per school, per district and
//! for the whole programme, optionally split by gender.

use std::collections::BTreeMap;

use super::Tally;
use crate::domain::participant::Gender;

/// Where one participant counts: district, school and gender (none when not split).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReportCell {
    /// District name.
    pub district: String,
    /// School name.
    pub school: String,
    /// Gender, or none when the report is not split by gender.
    pub gender: Option<Gender>,
}

/// One line of the report: a district (empty school), one of its schools, or the total (empty
/// district and school), for one gender or all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    /// Where the line counts (empty parts for totals).
    pub cell: ReportCell,
    /// Participants counted.
    pub participants: u32,
    /// Their participant-weeks.
    pub tally: Tally,
}

/// Sums each participant's tally into lines: for each gender, each district followed by its
/// schools (both in name order), then a total line per gender last.
pub fn roll_up(people: impl IntoIterator<Item = (ReportCell, Tally)>) -> Vec<ReportLine> {
    let mut schools: BTreeMap<ReportCell, (u32, Tally)> = BTreeMap::new();
    for (cell, tally) in people {
        let e = schools.entry(cell).or_default();
        e.0 += 1;
        e.1.merge(tally);
    }
    let mut districts: BTreeMap<(String, Option<Gender>), (u32, Tally)> = BTreeMap::new();
    let mut totals: BTreeMap<Option<Gender>, (u32, Tally)> = BTreeMap::new();
    for (cell, (n, t)) in &schools {
        let e = districts
            .entry((cell.district.clone(), cell.gender))
            .or_default();
        e.0 += n;
        e.1.merge(*t);
        let e = totals.entry(cell.gender).or_default();
        e.0 += n;
        e.1.merge(*t);
    }
    let line =
        |district: &str, school: &str, gender: Option<Gender>, (n, t): (u32, Tally)| ReportLine {
            cell: ReportCell {
                district: district.to_owned(),
                school: school.to_owned(),
                gender,
            },
            participants: n,
            tally: t,
        };
    let mut lines = vec![];
    for ((d, g), sum) in &districts {
        lines.push(line(d, "", *g, *sum));
        for (cell, sum) in &schools {
            if &cell.district == d && cell.gender == *g {
                lines.push(line(d, &cell.school, *g, *sum));
            }
        }
    }
    for (g, sum) in &totals {
        lines.push(line("", "", *g, *sum));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cell(d: &str, s: &str, g: Option<Gender>) -> ReportCell {
        ReportCell {
            district: d.into(),
            school: s.into(),
            gender: g,
        }
    }

    fn tally(met: u32, short: u32, excused: u32) -> Tally {
        Tally {
            met,
            short,
            excused,
        }
    }

    #[test]
    fn each_district_comes_before_its_schools_and_the_total_last() {
        let lines = roll_up([
            (cell("Söder", "Tallkrogen", None), tally(3, 1, 0)),
            (cell("Farsta", "Farstaskolan", None), tally(2, 2, 0)),
            (cell("Söder", "Enskede", None), tally(1, 0, 3)),
            (cell("Söder", "Enskede", None), tally(4, 0, 0)),
        ]);
        let shape: Vec<(&str, &str, u32)> = lines
            .iter()
            .map(|l| {
                (
                    l.cell.district.as_str(),
                    l.cell.school.as_str(),
                    l.participants,
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("Farsta", "", 1),
                ("Farsta", "Farstaskolan", 1),
                ("Söder", "", 3),
                ("Söder", "Enskede", 2),
                ("Söder", "Tallkrogen", 1),
                ("", "", 4),
            ]
        );
        assert_eq!(lines[3].tally, tally(5, 0, 3));
        assert_eq!(lines[5].tally, tally(10, 3, 3));
    }

    #[test]
    fn a_gender_split_gives_each_gender_its_own_lines_and_total() {
        let lines = roll_up([
            (
                cell("Farsta", "Farstaskolan", Some(Gender::Female)),
                tally(1, 0, 0),
            ),
            (
                cell("Farsta", "Farstaskolan", Some(Gender::Male)),
                tally(0, 1, 0),
            ),
        ]);
        let totals: Vec<&ReportLine> = lines
            .iter()
            .filter(|l| l.cell.district.is_empty())
            .collect();
        assert_eq!(totals.len(), 2);
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn nobody_gives_no_lines() {
        assert!(roll_up([]).is_empty());
    }

    proptest! {
        /// Every participant and every week is counted once in the total, once in their
        /// district and once in their school.
        #[test]
        fn the_totals_are_the_sums_of_the_schools(
            people in proptest::collection::vec((0..3u8, 0..3u8, 0..4usize, 0..9u32, 0..9u32, 0..9u32), 0..40)
        ) {
            let input: Vec<(ReportCell, Tally)> = people
                .iter()
                .map(|(d, s, g, m, sh, e)| {
                    (cell(&format!("d{d}"), &format!("s{s}"), Gender::ALL.get(*g).copied()), tally(*m, *sh, *e))
                })
                .collect();
            let lines = roll_up(input.clone());
            let weeks: u32 = input.iter().map(|(_, t)| t.total()).sum();
            let sum = |pick: &dyn Fn(&ReportLine) -> bool| -> (u32, u32) {
                lines.iter().filter(|l| pick(l)).fold((0, 0), |(n, w), l| (n + l.participants, w + l.tally.total()))
            };
            let n = u32::try_from(input.len()).unwrap_or(u32::MAX);
            prop_assert_eq!(sum(&|l| l.cell.district.is_empty()), (n, weeks));
            prop_assert_eq!(sum(&|l| !l.cell.district.is_empty() && l.cell.school.is_empty()), (n, weeks));
            prop_assert_eq!(sum(&|l| !l.cell.school.is_empty()), (n, weeks));
        }
    }
}
