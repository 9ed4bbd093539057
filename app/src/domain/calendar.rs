//! The programme's calendar: closed days (holidays, closures, study days) entered once for the
//! whole programme, a district or a school, and excused for every participant they cover
//! (FORMATS.md, the `calendar` kind and the weekly minimum's rule).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::participant::{format_date, parse_date, plain_text};
use crate::domain::problem::{parse_one_of, FieldProblem, Problem};

/// The columns of the `calendar` kind, in export order.
pub const CALENDAR_COLUMNS: [&str; 6] = ["scope", "name", "from_date", "to_date", "reason", "note"];

/// Whom a calendar entry covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarScope {
    /// Every participant of the programme.
    Programme,
    /// The participants of the schools of one district.
    District,
    /// The participants of one school.
    School,
}

impl CalendarScope {
    /// All scopes, in the order of the file format.
    pub const ALL: [CalendarScope; 3] = [
        CalendarScope::Programme,
        CalendarScope::District,
        CalendarScope::School,
    ];

    /// The file value.
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarScope::Programme => "programme",
            CalendarScope::District => "district",
            CalendarScope::School => "school",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Self::ALL, Self::as_str)
    }
}

impl fmt::Display for CalendarScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why the days are closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosedReason {
    /// `holiday`: a school holiday or public holiday.
    Holiday,
    /// `closure`: the school or SFI is closed.
    Closure,
    /// `study_day`: a planning or study day without teaching.
    StudyDay,
    /// `other`.
    Other,
}

impl ClosedReason {
    /// All reasons, in the order of the file format.
    pub const ALL: [ClosedReason; 4] = [
        ClosedReason::Holiday,
        ClosedReason::Closure,
        ClosedReason::StudyDay,
        ClosedReason::Other,
    ];

    /// The file value.
    pub fn as_str(self) -> &'static str {
        match self {
            ClosedReason::Holiday => "holiday",
            ClosedReason::Closure => "closure",
            ClosedReason::StudyDay => "study_day",
            ClosedReason::Other => "other",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Self::ALL, Self::as_str)
    }
}

impl fmt::Display for ClosedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text fields of one `calendar` row (or the calendar form); nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RawClosedDays {
    /// `scope`.
    pub scope: String,
    /// `name`: the district or school; empty for the programme.
    pub name: String,
    /// `from_date`.
    pub from_date: String,
    /// `to_date`.
    pub to_date: String,
    /// `reason`.
    pub reason: String,
    /// `note` (optional).
    pub note: String,
}

impl RawClosedDays {
    /// Builds the raw row from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawClosedDays {
            scope: field("scope"),
            name: field("name"),
            from_date: field("from_date"),
            to_date: field("to_date"),
            reason: field("reason"),
            note: field("note"),
        }
    }
}

/// A valid calendar entry: closed from `from_date` to `to_date`, both included, for everyone
/// its scope covers. May lie in the past or the future.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClosedDays {
    /// Whom it covers.
    pub scope: CalendarScope,
    /// The district or school name (trimmed); empty for the programme.
    pub name: String,
    /// First closed day.
    pub from_date: NaiveDate,
    /// Last closed day, not before the first.
    pub to_date: NaiveDate,
    /// Why.
    pub reason: ClosedReason,
    /// A note such as `Höstlov`, at most [`ClosedDays::MAX_NOTE`] characters (may be empty).
    pub note: String,
}

impl ClosedDays {
    /// Longest note, in characters.
    pub const MAX_NOTE: usize = 200;
    /// Longest district or school name, in characters.
    pub const MAX_NAME: usize = 100;

    /// Checks every field of `raw`; returns every problem (in column order) if any.
    pub fn validate(raw: &RawClosedDays) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut check = |field: &str, value: &str, r: Result<(), Problem>| {
            if let Err(problem) = r {
                problems.push(FieldProblem::new(field, value, problem));
            }
        };
        let scope = CalendarScope::parse(&raw.scope);
        check("scope", &raw.scope, scope.clone().map(|_| ()));
        let name = match (&scope, raw.name.trim()) {
            (Ok(CalendarScope::Programme), "") => Ok(String::new()),
            (Ok(CalendarScope::Programme), _) => Err(Problem::NameNotForProgramme),
            (_, "") => Err(Problem::Required),
            (_, name) => plain_text(name, Self::MAX_NAME),
        };
        // A name with a bad scope is not judged: the scope's problem says what to fix.
        if scope.is_ok() {
            check(
                "name",
                &raw.name,
                name.as_ref().map(|_| ()).map_err(Clone::clone),
            );
        }
        let from_date = parse_date(&raw.from_date);
        check(
            "from_date",
            &raw.from_date,
            from_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let to_date = parse_date(&raw.to_date).and_then(|to| match &from_date {
            Ok(from) if to < *from => Err(Problem::EndBeforeStart),
            _ => Ok(to),
        });
        check(
            "to_date",
            &raw.to_date,
            to_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let reason = ClosedReason::parse(&raw.reason);
        check("reason", &raw.reason, reason.clone().map(|_| ()));
        let note = if raw.note.trim().is_empty() {
            Ok(String::new())
        } else {
            plain_text(&raw.note, Self::MAX_NOTE)
        };
        check(
            "note",
            &raw.note,
            note.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        match (scope, name, from_date, to_date, reason, note) {
            (Ok(scope), Ok(name), Ok(from_date), Ok(to_date), Ok(reason), Ok(note))
                if problems.is_empty() =>
            {
                Ok(ClosedDays {
                    scope,
                    name,
                    from_date,
                    to_date,
                    reason,
                    note,
                })
            }
            _ => Err(problems),
        }
    }

    /// The natural key: scope, name and first day.
    pub fn key(&self) -> (CalendarScope, String, NaiveDate) {
        (self.scope, self.name.clone(), self.from_date)
    }

    /// Whether this entry covers a participant of `school` in `district`.
    pub fn covers(&self, district: &str, school: &str) -> bool {
        match self.scope {
            CalendarScope::Programme => true,
            CalendarScope::District => self.name == district,
            CalendarScope::School => self.name == school,
        }
    }

    /// The days as `(from, to)`, both included.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        (self.from_date, self.to_date)
    }

    /// The row of a `calendar` export, in the order of [`CALENDAR_COLUMNS`].
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.scope.as_str().to_owned(),
            self.name.clone(),
            format_date(self.from_date),
            format_date(self.to_date),
            self.reason.as_str().to_owned(),
            self.note.clone(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn raw(scope: &str, name: &str, from: &str, to: &str, reason: &str) -> RawClosedDays {
        RawClosedDays {
            scope: scope.into(),
            name: name.into(),
            from_date: from.into(),
            to_date: to.into(),
            reason: reason.into(),
            note: String::new(),
        }
    }

    fn fields(problems: &[FieldProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn a_district_holiday_reads_and_writes_its_row() {
        let mut r = raw(
            "District",
            " Farsta ",
            "2026-10-26",
            "2026-10-30",
            "holiday",
        );
        r.note = " Höstlov ".into();
        let c = ClosedDays::validate(&r).unwrap();
        assert_eq!(
            c.to_csv_fields(),
            [
                "district",
                "Farsta",
                "2026-10-26",
                "2026-10-30",
                "holiday",
                "Höstlov"
            ]
        );
        assert!(c.covers("Farsta", "Farstaskolan"));
        assert!(!c.covers("Rinkeby-Kista", "Rinkebyskolan"));
    }

    #[test]
    fn the_programme_has_no_name_and_districts_and_schools_need_one() {
        let e = ClosedDays::validate(&raw(
            "programme",
            "Farsta",
            "2026-10-26",
            "2026-10-26",
            "closure",
        ))
        .unwrap_err();
        assert_eq!(e[0].problem, Problem::NameNotForProgramme);
        let e = ClosedDays::validate(&raw("school", " ", "2026-10-26", "2026-10-26", "closure"))
            .unwrap_err();
        assert_eq!(
            (fields(&e), &e[0].problem),
            (vec!["name"], &Problem::Required)
        );
        let ok = ClosedDays::validate(&raw("programme", "", "2026-06-06", "2026-06-06", "holiday"))
            .unwrap();
        assert!(ok.covers("any", "where"));
    }

    #[test]
    fn every_field_is_checked_and_the_last_day_is_not_before_the_first() {
        let mut r = raw("city", "X", "2026-10-26", "2026-10-30", "lov");
        r.note = "a\u{7}b".into();
        let e = ClosedDays::validate(&r).unwrap_err();
        assert_eq!(fields(&e), ["scope", "reason", "note"]);
        let e = ClosedDays::validate(&raw("school", "A", "2026-10-30", "2026-10-26", "study_day"))
            .unwrap_err();
        assert_eq!(e[0].problem, Problem::EndBeforeStart);
        assert_eq!(
            ClosedReason::parse("lov"),
            Err(Problem::NotOneOf {
                allowed: "holiday, closure, study_day, other".into()
            })
        );
    }

    proptest! {
        #[test]
        fn a_valid_entry_reads_back_from_its_row(
            scope in 0usize..3,
            name in "[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö -]{0,20}",
            from in 0i64..800,
            len in 0i64..120,
            reason in 0usize..4,
            note in "[A-Za-zåäö ]{0,30}",
        ) {
            let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let scope = CalendarScope::ALL[scope];
            let name = if scope == CalendarScope::Programme { String::new() } else { name.trim().to_owned() };
            let c = ClosedDays {
                scope,
                name,
                from_date: base + chrono::Duration::days(from),
                to_date: base + chrono::Duration::days(from + len),
                reason: ClosedReason::ALL[reason],
                note: note.trim().to_owned(),
            };
            let fields = c.to_csv_fields();
            let back = ClosedDays::validate(&RawClosedDays::from_lookup(|col| {
                CALENDAR_COLUMNS.iter().position(|c| *c == col).map(|i| fields[i].as_str())
            }));
            prop_assert_eq!(back, Ok(c));
        }
    }
}
