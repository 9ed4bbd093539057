//! Participants: validated value types, the participant record shared by the
//! web form and the `participants` CSV kind, and the "newly arrived" eligibility.
//!
//! Compiled for the browser too: only serde, chrono and thiserror.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::problem::{parse_one_of, FieldProblem, Problem};

/// Trims, rejects empty text, control characters and text longer than `max` characters.
pub(crate) fn plain_text(s: &str, max: usize) -> Result<String, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.chars().any(char::is_control) {
        return Err(Problem::ControlCharacter);
    }
    if s.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(s.to_owned())
}

/// Parses a whole number written with ASCII digits (optional leading `-`).
/// Numbers too large for `i64` become `i64::MAX` so that range checks reject them.
fn parse_integer(s: &str) -> Result<i64, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotAnInteger);
    }
    Ok(s.parse::<i64>().unwrap_or(if s.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

/// Parses a whole number in `min..=max`.
fn parse_in_range(s: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let n = parse_integer(s)?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(Problem::OutOfRange { min, max })
    }
}

/// Parses a strict `YYYY-MM-DD` date (surrounding whitespace is ignored).
pub fn parse_date(s: &str) -> Result<NaiveDate, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(Problem::NotADate);
    }
    let number = |range: std::ops::Range<usize>| s.get(range).and_then(|t| t.parse::<u32>().ok());
    match (number(0..4), number(5..7), number(8..10)) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .ok_or(Problem::NotADate),
        _ => Err(Problem::NotADate),
    }
}

/// The `chrono` format of `YYYY-MM-DD`.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Problem;
            fn try_from(s: String) -> Result<Self, Problem> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}

string_newtype!(
    /// The programme's own participant id, e.g. `P-0042`: 1–32 of A–Z, a–z, 0–9, `-`, `_`.
    /// Case is kept as written and compared exactly.
    ParticipantRef
);

impl ParticipantRef {
    /// Longest allowed id.
    pub const MAX_LEN: usize = 32;

    /// Trims and checks the id.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = plain_text(s, Self::MAX_LEN)?;
        if s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            Ok(ParticipantRef(s))
        } else {
            Err(Problem::BadParticipantRef)
        }
    }
}

string_newtype!(
    /// A given or family name: trimmed, 1–100 characters, no control characters.
    PersonName
);

impl PersonName {
    /// Longest allowed name, in characters.
    pub const MAX_LEN: usize = 100;

    /// Trims and checks the name.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        plain_text(s, Self::MAX_LEN).map(PersonName)
    }
}

string_newtype!(
    /// A school name: trimmed, 1–100 characters, no control characters.
    SchoolName
);

impl SchoolName {
    /// Longest allowed name, in characters.
    pub const MAX_LEN: usize = 100;

    /// Trims and checks the name.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        plain_text(s, Self::MAX_LEN).map(SchoolName)
    }
}

string_newtype!(
    /// A city district name: trimmed, 1–100 characters, no control characters.
    DistrictName
);

impl DistrictName {
    /// Longest allowed name, in characters.
    pub const MAX_LEN: usize = 100;

    /// Trims and checks the name.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        plain_text(s, Self::MAX_LEN).map(DistrictName)
    }
}

string_newtype!(
    /// An email address, trimmed and lower-cased, at most 254 characters.
    Email
);

impl Email {
    /// Longest allowed address (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    /// Trims, lower-cases and checks the address: one `@`, a local part of
    /// 1–64 characters, a domain with at least one dot, no empty labels, no
    /// whitespace or control characters.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let s = s.to_lowercase();
        if s.chars().count() > Self::MAX_LEN {
            return Err(Problem::TooLong { max: Self::MAX_LEN });
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(Problem::BadEmail);
        };
        let sane_chars = |t: &str| {
            !t.chars()
                .any(|c| c.is_whitespace() || c.is_control() || "@,;:<>()[]\\\"".contains(c))
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && sane_chars(local)
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        let domain_ok = domain.contains('.')
            && sane_chars(domain)
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
        if local_ok && domain_ok {
            Ok(Email(s))
        } else {
            Err(Problem::BadEmail)
        }
    }
}

/// Gender as recorded in the register (every indicator is split by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// `female`
    Female,
    /// `male`
    Male,
    /// `other`
    Other,
    /// `unspecified`
    Unspecified,
}

impl Gender {
    /// All values, in the order of the file format.
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::Other,
        Gender::Unspecified,
    ];

    /// The file value: `female`, `male`, `other` or `unspecified`.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
            Gender::Unspecified => "unspecified",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Gender::ALL, Gender::as_str)
    }
}

impl fmt::Display for Gender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A birth year from 1900 to the current year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BirthYear(i32);

impl BirthYear {
    /// Earliest allowed year.
    pub const MIN: i32 = 1900;

    /// Parses a year in `1900..=today.year()`.
    pub fn parse(s: &str, today: NaiveDate) -> Result<Self, Problem> {
        let year = parse_in_range(s, i64::from(Self::MIN), i64::from(today.year()))?;
        i32::try_from(year)
            .map(BirthYear)
            .map_err(|_| Problem::NotAnInteger)
    }

    /// The year.
    pub fn value(self) -> i32 {
        self.0
    }
}

impl fmt::Display for BirthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

macro_rules! one_to_three {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "u8", into = "u8")]
        pub struct $name(u8);

        impl $name {
            /// Parses `1`, `2` or `3`.
            pub fn parse(s: &str) -> Result<Self, Problem> {
                let n = parse_in_range(s, 1, 3)?;
                u8::try_from(n).map($name).map_err(|_| Problem::NotAnInteger)
            }

            /// The number, 1–3.
            pub fn value(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<u8> for $name {
            type Error = Problem;
            fn try_from(n: u8) -> Result<Self, Problem> {
                if (1..=3).contains(&n) {
                    Ok($name(n))
                } else {
                    Err(Problem::OutOfRange { min: 1, max: 3 })
                }
            }
        }

        impl From<$name> for u8 {
            fn from(value: $name) -> u8 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

one_to_three!(
    /// The planned length of the introduction in terms: 1, 2 or 3.
    PlannedTerms
);

one_to_three!(
    /// The SFI study path: 1 (little schooling, courses A–D), 2 (B–D), 3 (C–D).
    StudyPath
);

/// The ISO 639-1 two-letter language codes, sorted: the 183 current codes plus
/// the withdrawn `bh` (Bihari) and deprecated `sh` (Serbo-Croatian), which
/// older registers still contain.
pub const ISO_639_1: [&str; 185] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "sh", "si",
    "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th",
    "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi",
    "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether `code` (lower case) is an ISO 639-1 code.
pub fn is_iso_639_1(code: &str) -> bool {
    ISO_639_1.binary_search(&code).is_ok()
}

/// Languages a participant reads or speaks, as ISO 639-1 codes: lower case,
/// without duplicates, in the order given. May be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCodes(Vec<String>);

impl LanguageCodes {
    /// Parses codes separated by `,` (e.g. `"ar, EN"`); empty items are ignored,
    /// so an empty field gives an empty list. Every unknown code is named in the problem.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let mut codes: Vec<String> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        for item in s.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let code = item.to_lowercase();
            if !is_iso_639_1(&code) {
                if !bad.contains(&item.to_owned()) {
                    bad.push(item.to_owned());
                }
            } else if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if bad.is_empty() {
            Ok(LanguageCodes(codes))
        } else {
            Err(Problem::BadLanguageCode {
                code: bad.join(", "),
            })
        }
    }

    /// The codes, in order.
    pub fn codes(&self) -> &[String] {
        &self.0
    }

    /// Whether no language is recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The file form, e.g. `"ar,en"` (empty string for no languages).
    pub fn to_field(&self) -> String {
        self.0.join(",")
    }
}

impl fmt::Display for LanguageCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_field())
    }
}

impl TryFrom<String> for LanguageCodes {
    type Error = Problem;
    fn try_from(s: String) -> Result<Self, Problem> {
        Self::parse(&s)
    }
}

impl From<LanguageCodes> for String {
    fn from(value: LanguageCodes) -> String {
        value.to_field()
    }
}

/// An answer that may be unknown because a date is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// The rule is met.
    Yes,
    /// The rule is not met.
    No,
    /// A date needed to decide is missing.
    Unknown,
}

/// The time between two dates, in days and as calendar years, months and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Start date (e.g. the residence permit date).
    pub from: NaiveDate,
    /// End date (the date assessed on).
    pub to: NaiveDate,
    /// `to - from` in days; negative when `from` is after `to`.
    pub days: i64,
    /// Whole years between the two dates (of the absolute span).
    pub years: u32,
    /// Whole months after the whole years (0–11).
    pub months: u32,
    /// Remaining days after the whole months.
    pub extra_days: u32,
}

impl Span {
    /// The span from `from` to `to`. Months are counted as in Swedish law:
    /// one month after 31 January is the last day of February.
    pub fn between(from: NaiveDate, to: NaiveDate) -> Self {
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        let estimate = (hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32;
        let mut whole = u32::try_from(estimate.max(0)).unwrap_or(0);
        while whole > 0 && add_months(lo, whole) > hi {
            whole -= 1;
        }
        let extra = (hi - add_months(lo, whole)).num_days();
        Span {
            from,
            to,
            days: (to - from).num_days(),
            years: whole / 12,
            months: whole % 12,
            extra_days: u32::try_from(extra).unwrap_or(0),
        }
    }
}

/// `date` plus `months`, clamped to the month's last day; saturates at the calendar's end.
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether someone counts as newly arrived on a date, by the programme's
/// definition and by the employment service's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Eligibility {
    /// Programme: residence permit at most 2 years and at most 4 years in Sweden.
    pub programme: Verdict,
    /// Employment service: within 3 years of the residence permit.
    pub employment_service: Verdict,
    /// The date assessed on.
    pub on: NaiveDate,
    /// Time since the residence permit, if its date is known.
    pub since_permit: Option<Span>,
    /// Time since arrival in Sweden, if its date is known.
    pub in_sweden: Option<Span>,
    /// Last day on which the permit is at most 2 years old.
    pub permit_within_2_years_until: Option<NaiveDate>,
    /// Last day on which the stay in Sweden is at most 4 years.
    pub in_sweden_within_4_years_until: Option<NaiveDate>,
    /// Last day within 3 years of the permit.
    pub employment_service_until: Option<NaiveDate>,
}

impl Eligibility {
    /// Months a permit may be old for the programme.
    pub const PROGRAMME_PERMIT_MONTHS: u32 = 24;
    /// Months in Sweden allowed for the programme.
    pub const PROGRAMME_IN_SWEDEN_MONTHS: u32 = 48;
    /// Months after the permit for the employment service.
    pub const EMPLOYMENT_SERVICE_MONTHS: u32 = 36;

    /// Assesses eligibility on `on`. A limit of N years ends on the
    /// N-year anniversary of the date (29 February → 28 February), inclusive.
    /// Dates after `on` count as within every limit.
    pub fn assess(
        residence_permit_date: Option<NaiveDate>,
        arrival_date: Option<NaiveDate>,
        on: NaiveDate,
    ) -> Self {
        let permit_until =
            residence_permit_date.map(|d| add_months(d, Self::PROGRAMME_PERMIT_MONTHS));
        let stay_until = arrival_date.map(|d| add_months(d, Self::PROGRAMME_IN_SWEDEN_MONTHS));
        let service_until =
            residence_permit_date.map(|d| add_months(d, Self::EMPLOYMENT_SERVICE_MONTHS));
        let within = |until: Option<NaiveDate>| match until {
            None => Verdict::Unknown,
            Some(until) if on <= until => Verdict::Yes,
            Some(_) => Verdict::No,
        };
        let programme = match (within(permit_until), within(stay_until)) {
            (Verdict::No, _) | (_, Verdict::No) => Verdict::No,
            (Verdict::Yes, Verdict::Yes) => Verdict::Yes,
            _ => Verdict::Unknown,
        };
        Eligibility {
            programme,
            employment_service: within(service_until),
            on,
            since_permit: residence_permit_date.map(|d| Span::between(d, on)),
            in_sweden: arrival_date.map(|d| Span::between(d, on)),
            permit_within_2_years_until: permit_until,
            in_sweden_within_4_years_until: stay_until,
            employment_service_until: service_until,
        }
    }
}

/// The columns of the `participants` kind, in export order.
pub const PARTICIPANT_COLUMNS: &[&str] = &[
    "participant_ref",
    "given_name",
    "family_name",
    "gender",
    "birth_year",
    "school",
    "district",
    "mentor_email",
    "start_date",
    "planned_terms",
    "residence_permit_date",
    "arrival_date",
    "study_path",
    "languages",
];

/// A participant as typed into the form or read from a file row: every field
/// as text, named like the CSV columns. Empty string = no value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawParticipant {
    /// `participant_ref`
    pub participant_ref: String,
    /// `given_name`
    pub given_name: String,
    /// `family_name`
    pub family_name: String,
    /// `gender`
    pub gender: String,
    /// `birth_year`
    pub birth_year: String,
    /// `school`
    pub school: String,
    /// `district`
    pub district: String,
    /// `mentor_email`
    pub mentor_email: String,
    /// `start_date`
    pub start_date: String,
    /// `planned_terms`
    pub planned_terms: String,
    /// `residence_permit_date`
    pub residence_permit_date: String,
    /// `arrival_date`
    pub arrival_date: String,
    /// `study_path`
    pub study_path: String,
    /// `languages`
    pub languages: String,
}

impl RawParticipant {
    /// The fields in [`PARTICIPANT_COLUMNS`] order.
    pub fn into_fields(self) -> Vec<String> {
        vec![
            self.participant_ref,
            self.given_name,
            self.family_name,
            self.gender,
            self.birth_year,
            self.school,
            self.district,
            self.mentor_email,
            self.start_date,
            self.planned_terms,
            self.residence_permit_date,
            self.arrival_date,
            self.study_path,
            self.languages,
        ]
    }

    /// Builds a raw participant by looking up each column name with `get`
    /// (missing columns become empty strings).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawParticipant {
            participant_ref: field("participant_ref"),
            given_name: field("given_name"),
            family_name: field("family_name"),
            gender: field("gender"),
            birth_year: field("birth_year"),
            school: field("school"),
            district: field("district"),
            mentor_email: field("mentor_email"),
            start_date: field("start_date"),
            planned_terms: field("planned_terms"),
            residence_permit_date: field("residence_permit_date"),
            arrival_date: field("arrival_date"),
            study_path: field("study_path"),
            languages: field("languages"),
        }
    }
}

/// A valid participant: what the form and the `participants` file validate into.
/// Whether `mentor_email` belongs to a mentor is checked later, against the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    /// The programme's id, the natural key.
    pub participant_ref: ParticipantRef,
    /// Given name.
    pub given_name: PersonName,
    /// Family name.
    pub family_name: PersonName,
    /// Gender.
    pub gender: Gender,
    /// Birth year, if known.
    pub birth_year: Option<BirthYear>,
    /// School of the placement (created on first use).
    pub school: SchoolName,
    /// City district of the school.
    pub district: DistrictName,
    /// The mentor's email, if assigned.
    pub mentor_email: Option<Email>,
    /// First day of the introduction.
    pub start_date: NaiveDate,
    /// Planned number of terms.
    pub planned_terms: PlannedTerms,
    /// Residence permit date, not after `start_date`.
    pub residence_permit_date: Option<NaiveDate>,
    /// Arrival in Sweden, not after `start_date`.
    pub arrival_date: Option<NaiveDate>,
    /// SFI study path, if known.
    pub study_path: Option<StudyPath>,
    /// Languages, possibly none.
    pub languages: LanguageCodes,
}

/// Parses a required field, recording a problem on failure.
fn required<T>(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, Problem>,
) -> Option<T> {
    match parse(value) {
        Ok(v) => Some(v),
        Err(problem) => {
            problems.push(FieldProblem::new(field, value, problem));
            None
        }
    }
}

/// Parses an optional field (empty or whitespace = `None`), recording a problem on failure.
fn optional<T>(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, Problem>,
) -> Option<Option<T>> {
    if value.trim().is_empty() {
        Some(None)
    } else {
        required(problems, field, value, parse).map(Some)
    }
}

impl ParticipantRecord {
    /// Validates every field and the cross-field rule (residence permit and
    /// arrival not after the start date); returns all problems, in column order.
    pub fn validate(
        raw: &RawParticipant,
        today: NaiveDate,
    ) -> Result<ParticipantRecord, Vec<FieldProblem>> {
        let p = &mut Vec::new();
        let participant_ref = required(
            p,
            "participant_ref",
            &raw.participant_ref,
            ParticipantRef::parse,
        );
        let given_name = required(p, "given_name", &raw.given_name, PersonName::parse);
        let family_name = required(p, "family_name", &raw.family_name, PersonName::parse);
        let gender = required(p, "gender", &raw.gender, Gender::parse);
        let birth_year = optional(p, "birth_year", &raw.birth_year, |s| {
            BirthYear::parse(s, today)
        });
        let school = required(p, "school", &raw.school, SchoolName::parse);
        let district = required(p, "district", &raw.district, DistrictName::parse);
        let mentor_email = optional(p, "mentor_email", &raw.mentor_email, Email::parse);
        let start_date = required(p, "start_date", &raw.start_date, parse_date);
        let planned_terms = required(p, "planned_terms", &raw.planned_terms, PlannedTerms::parse);
        let mut not_after_start_date = |field: &str, value: &str| {
            let date = optional(p, field, value, parse_date)?;
            match (date, start_date) {
                (Some(date), Some(start)) if date > start => {
                    p.push(FieldProblem::new(field, value, Problem::DateAfterStart));
                    None
                }
                _ => Some(date),
            }
        };
        let residence_permit_date =
            not_after_start_date("residence_permit_date", &raw.residence_permit_date);
        let arrival_date = not_after_start_date("arrival_date", &raw.arrival_date);
        let study_path = optional(p, "study_path", &raw.study_path, StudyPath::parse);
        let languages = required(p, "languages", &raw.languages, LanguageCodes::parse);

        if !p.is_empty() {
            return Err(std::mem::take(p));
        }
        let (
            Some(participant_ref),
            Some(given_name),
            Some(family_name),
            Some(gender),
            Some(birth_year),
            Some(school),
            Some(district),
            Some(mentor_email),
            Some(start_date),
            Some(planned_terms),
            Some(residence_permit_date),
            Some(arrival_date),
            Some(study_path),
            Some(languages),
        ) = (
            participant_ref,
            given_name,
            family_name,
            gender,
            birth_year,
            school,
            district,
            mentor_email,
            start_date,
            planned_terms,
            residence_permit_date,
            arrival_date,
            study_path,
            languages,
        )
        else {
            return Err(std::mem::take(p));
        };
        Ok(ParticipantRecord {
            participant_ref,
            given_name,
            family_name,
            gender,
            birth_year,
            school,
            district,
            mentor_email,
            start_date,
            planned_terms,
            residence_permit_date,
            arrival_date,
            study_path,
            languages,
        })
    }

    /// The record as form / file text (the inverse of [`ParticipantRecord::validate`]).
    pub fn to_raw(&self) -> RawParticipant {
        let text = |v: Option<String>| v.unwrap_or_default();
        RawParticipant {
            participant_ref: self.participant_ref.to_string(),
            given_name: self.given_name.to_string(),
            family_name: self.family_name.to_string(),
            gender: self.gender.to_string(),
            birth_year: text(self.birth_year.map(|y| y.to_string())),
            school: self.school.to_string(),
            district: self.district.to_string(),
            mentor_email: text(self.mentor_email.as_ref().map(Email::to_string)),
            start_date: format_date(self.start_date),
            planned_terms: self.planned_terms.to_string(),
            residence_permit_date: text(self.residence_permit_date.map(format_date)),
            arrival_date: text(self.arrival_date.map(format_date)),
            study_path: text(self.study_path.map(|s| s.to_string())),
            languages: self.languages.to_field(),
        }
    }

    /// The CSV fields in [`PARTICIPANT_COLUMNS`] order.
    pub fn to_csv_fields(&self) -> Vec<String> {
        self.to_raw().into_fields()
    }

    /// The participant's "newly arrived" eligibility on `on`.
    pub fn eligibility(&self, on: NaiveDate) -> Eligibility {
        Eligibility::assess(self.residence_permit_date, self.arrival_date, on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 3, 1)
    }

    fn valid_raw() -> RawParticipant {
        RawParticipant {
            participant_ref: "P-0042".into(),
            given_name: "Amina".into(),
            family_name: "Yusuf".into(),
            gender: "female".into(),
            birth_year: "1990".into(),
            school: "Östermalmsskolan".into(),
            district: "Östermalm".into(),
            mentor_email: "Mentor@Example.se".into(),
            start_date: "2026-01-12".into(),
            planned_terms: "2".into(),
            residence_permit_date: "2025-06-01".into(),
            arrival_date: "2024-11-20".into(),
            study_path: "1".into(),
            languages: "so, AR,so".into(),
        }
    }

    #[test]
    fn a_participant_ref_like_p_0042_is_accepted_and_trimmed() {
        assert_eq!(
            ParticipantRef::parse("  P-0042 ").unwrap().as_str(),
            "P-0042"
        );
        assert!(ParticipantRef::parse("a_b-9").is_ok());
    }

    #[test]
    fn a_participant_ref_with_spaces_or_punctuation_is_rejected() {
        for bad in ["P 42", "P.42", "P/42", "Å-1", "P-42;"] {
            assert_eq!(ParticipantRef::parse(bad), Err(Problem::BadParticipantRef));
        }
    }

    #[test]
    fn a_participant_ref_longer_than_32_is_rejected() {
        assert!(ParticipantRef::parse(&"A".repeat(32)).is_ok());
        assert_eq!(
            ParticipantRef::parse(&"A".repeat(33)),
            Err(Problem::TooLong { max: 32 })
        );
    }

    #[test]
    fn an_empty_required_text_is_required() {
        assert_eq!(ParticipantRef::parse("  "), Err(Problem::Required));
        assert_eq!(PersonName::parse(""), Err(Problem::Required));
        assert_eq!(SchoolName::parse("\t "), Err(Problem::Required));
        assert_eq!(DistrictName::parse(""), Err(Problem::Required));
    }

    #[test]
    fn a_name_of_100_characters_is_accepted_and_101_rejected() {
        assert!(PersonName::parse(&"Ö".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse(&"Ö".repeat(101)),
            Err(Problem::TooLong { max: 100 })
        );
    }

    #[test]
    fn a_name_with_a_control_character_is_rejected() {
        assert_eq!(PersonName::parse("Ami\nna"), Err(Problem::ControlCharacter));
        assert_eq!(SchoolName::parse("A\tB"), Err(Problem::ControlCharacter));
    }

    #[test]
    fn gender_accepts_the_four_values_in_any_case() {
        assert_eq!(Gender::parse("female"), Ok(Gender::Female));
        assert_eq!(Gender::parse(" Male "), Ok(Gender::Male));
        assert_eq!(Gender::parse("OTHER"), Ok(Gender::Other));
        assert_eq!(Gender::parse("unspecified"), Ok(Gender::Unspecified));
        for g in Gender::ALL {
            assert_eq!(Gender::parse(g.as_str()), Ok(g));
        }
    }

    #[test]
    fn an_unknown_gender_lists_the_allowed_values() {
        assert_eq!(
            Gender::parse("kvinna"),
            Err(Problem::NotOneOf {
                allowed: "female, male, other, unspecified".into()
            })
        );
    }

    #[test]
    fn a_birth_year_after_this_year_is_rejected() {
        let range = Problem::OutOfRange {
            min: 1900,
            max: 2026,
        };
        assert_eq!(
            BirthYear::parse("2026", today()).map(BirthYear::value),
            Ok(2026)
        );
        assert_eq!(BirthYear::parse("2027", today()), Err(range.clone()));
        assert_eq!(BirthYear::parse("1899", today()), Err(range.clone()));
        assert_eq!(
            BirthYear::parse("1900", today()).map(BirthYear::value),
            Ok(1900)
        );
        assert_eq!(
            BirthYear::parse("99999999999999999999999", today()),
            Err(range)
        );
    }

    #[test]
    fn a_birth_year_that_is_not_a_whole_number_is_rejected() {
        for bad in ["1987.0", "19x7", "+1987", "-", "1 987"] {
            assert_eq!(BirthYear::parse(bad, today()), Err(Problem::NotAnInteger));
        }
    }

    #[test]
    fn planned_terms_and_study_path_are_one_two_or_three() {
        for ok in ["1", "2", " 3 "] {
            assert!(PlannedTerms::parse(ok).is_ok());
            assert!(StudyPath::parse(ok).is_ok());
        }
        for bad in ["0", "4", "-1"] {
            assert_eq!(
                PlannedTerms::parse(bad),
                Err(Problem::OutOfRange { min: 1, max: 3 })
            );
            assert_eq!(
                StudyPath::parse(bad),
                Err(Problem::OutOfRange { min: 1, max: 3 })
            );
        }
        assert_eq!(PlannedTerms::parse("two"), Err(Problem::NotAnInteger));
    }

    #[test]
    fn an_email_is_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse(" Anna.Berg@Stockholm.SE ").unwrap().as_str(),
            "anna.berg@stockholm.se"
        );
    }

    #[test]
    fn an_implausible_email_is_rejected() {
        for bad in [
            "anna",
            "anna@",
            "@stockholm.se",
            "anna@stockholm",
            "an na@stockholm.se",
            "anna@@stockholm.se",
            "anna@stockholm..se",
            ".anna@stockholm.se",
            "anna@-stockholm.se",
            "anna@stockholm.se;bo@x.se",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::BadEmail), "{bad}");
        }
    }

    #[test]
    fn an_email_longer_than_254_is_rejected() {
        let long = format!("{}@{}.se", "a".repeat(64), "b".repeat(200));
        assert_eq!(Email::parse(&long), Err(Problem::TooLong { max: 254 }));
    }

    #[test]
    fn language_codes_are_trimmed_lowercased_and_deduplicated_in_order() {
        let codes = LanguageCodes::parse(" AR, en ,ar,,ti ").unwrap();
        assert_eq!(codes.codes(), ["ar", "en", "ti"]);
        assert_eq!(codes.to_field(), "ar,en,ti");
    }

    #[test]
    fn empty_languages_are_an_empty_list() {
        assert!(LanguageCodes::parse("").unwrap().is_empty());
        assert!(LanguageCodes::parse(" , ").unwrap().is_empty());
    }

    #[test]
    fn a_language_code_outside_iso_639_1_is_rejected_and_named() {
        assert_eq!(
            LanguageCodes::parse("ar,xx,ara,Xx,en"),
            Err(Problem::BadLanguageCode {
                code: "xx, ara, Xx".into()
            })
        );
        assert_eq!(
            LanguageCodes::parse("arabic"),
            Err(Problem::BadLanguageCode {
                code: "arabic".into()
            })
        );
    }

    #[test]
    fn the_iso_639_1_list_is_sorted_unique_and_two_letter() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_639_1
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase())));
        for code in ["ar", "fa", "so", "ti", "sv", "en", "ps", "ku", "zu", "aa"] {
            assert!(is_iso_639_1(code), "{code}");
        }
        for code in ["xx", "qq", "ara", "prs", ""] {
            assert!(!is_iso_639_1(code), "{code}");
        }
    }

    #[test]
    fn a_date_must_be_strict_yyyy_mm_dd() {
        assert_eq!(parse_date(" 2026-02-28 "), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("2024-02-29"), Ok(date(2024, 2, 29)));
        for bad in [
            "2026-2-28",
            "2026-02-29",
            "2026-13-01",
            "26-02-28",
            "2026/02/28",
            "28.02.2026",
            "2026-02-28T00:00",
            "+026-02-28",
            "2026-0a-28",
        ] {
            assert_eq!(parse_date(bad), Err(Problem::NotADate), "{bad}");
        }
        assert_eq!(parse_date(""), Err(Problem::Required));
    }

    #[test]
    fn the_programme_permit_limit_ends_on_the_two_year_anniversary() {
        let permit = Some(date(2024, 3, 15));
        let arrival = Some(date(2024, 1, 1));
        let on_day = Eligibility::assess(permit, arrival, date(2026, 3, 15));
        assert_eq!(on_day.programme, Verdict::Yes);
        assert_eq!(on_day.permit_within_2_years_until, Some(date(2026, 3, 15)));
        let after = Eligibility::assess(permit, arrival, date(2026, 3, 16));
        assert_eq!(after.programme, Verdict::No);
    }

    #[test]
    fn a_permit_on_a_leap_day_expires_on_28_february() {
        let permit = Some(date(2024, 2, 29));
        let e = Eligibility::assess(permit, None, date(2026, 2, 28));
        assert_eq!(e.permit_within_2_years_until, Some(date(2026, 2, 28)));
        assert_eq!(e.programme, Verdict::Unknown);
        let e = Eligibility::assess(permit, None, date(2026, 3, 1));
        assert_eq!(e.programme, Verdict::No);
        // Three years later, 2027-02-28.
        assert_eq!(e.employment_service_until, Some(date(2027, 2, 28)));
    }

    #[test]
    fn a_permit_on_28_february_ends_before_a_leap_day() {
        let e = Eligibility::assess(Some(date(2026, 2, 28)), None, date(2028, 2, 29));
        assert_eq!(e.permit_within_2_years_until, Some(date(2028, 2, 28)));
        assert_eq!(e.programme, Verdict::No);
    }

    #[test]
    fn more_than_four_years_in_sweden_is_not_newly_arrived() {
        let permit = Some(date(2025, 6, 1));
        let yes = Eligibility::assess(permit, Some(date(2022, 3, 1)), date(2026, 3, 1));
        assert_eq!(yes.programme, Verdict::Yes);
        let no = Eligibility::assess(permit, Some(date(2022, 2, 28)), date(2026, 3, 1));
        assert_eq!(no.programme, Verdict::No);
        assert_eq!(no.employment_service, Verdict::Yes);
    }

    #[test]
    fn the_employment_service_counts_three_years_from_the_permit() {
        let permit = Some(date(2023, 3, 1));
        let e = Eligibility::assess(permit, None, date(2026, 3, 1));
        assert_eq!(e.employment_service, Verdict::Yes);
        assert_eq!(e.programme, Verdict::No);
        let e = Eligibility::assess(permit, None, date(2026, 3, 2));
        assert_eq!(e.employment_service, Verdict::No);
    }

    #[test]
    fn missing_dates_give_unknown_unless_the_known_date_decides_no() {
        let on = date(2026, 3, 1);
        let none = Eligibility::assess(None, None, on);
        assert_eq!(none.programme, Verdict::Unknown);
        assert_eq!(none.employment_service, Verdict::Unknown);
        assert_eq!(none.since_permit, None);
        let only_recent_arrival = Eligibility::assess(None, Some(date(2025, 1, 1)), on);
        assert_eq!(only_recent_arrival.programme, Verdict::Unknown);
        let only_old_arrival = Eligibility::assess(None, Some(date(2020, 1, 1)), on);
        assert_eq!(only_old_arrival.programme, Verdict::No);
        assert_eq!(only_old_arrival.employment_service, Verdict::Unknown);
    }

    #[test]
    fn the_span_since_the_permit_explains_years_months_and_days() {
        let e = Eligibility::assess(Some(date(2024, 11, 20)), None, date(2026, 3, 1));
        let span = e.since_permit.unwrap();
        assert_eq!((span.years, span.months, span.extra_days), (1, 3, 9));
        assert_eq!(span.days, 466);
        let leap = Span::between(date(2024, 2, 29), date(2025, 2, 28));
        assert_eq!((leap.years, leap.months, leap.extra_days), (1, 0, 0));
        let month_end = Span::between(date(2026, 1, 31), date(2026, 3, 1));
        assert_eq!((month_end.months, month_end.extra_days), (1, 1));
        let backwards = Span::between(date(2026, 3, 1), date(2026, 2, 1));
        assert_eq!((backwards.days, backwards.months), (-28, 1));
    }

    #[test]
    fn a_valid_form_validates_into_a_normalised_record() {
        let record = ParticipantRecord::validate(&valid_raw(), today()).unwrap();
        assert_eq!(record.participant_ref.as_str(), "P-0042");
        assert_eq!(record.gender, Gender::Female);
        assert_eq!(
            record.mentor_email.as_ref().unwrap().as_str(),
            "mentor@example.se"
        );
        assert_eq!(record.languages.to_field(), "so,ar");
        assert_eq!(record.start_date, date(2026, 1, 12));
    }

    #[test]
    fn empty_optional_fields_are_none() {
        let raw = RawParticipant {
            birth_year: " ".into(),
            mentor_email: String::new(),
            residence_permit_date: String::new(),
            arrival_date: String::new(),
            study_path: String::new(),
            languages: String::new(),
            ..valid_raw()
        };
        let record = ParticipantRecord::validate(&raw, today()).unwrap();
        assert_eq!(record.birth_year, None);
        assert_eq!(record.mentor_email, None);
        assert_eq!(record.residence_permit_date, None);
        assert_eq!(record.study_path, None);
        assert!(record.languages.is_empty());
    }

    #[test]
    fn validation_reports_every_problem_in_column_order() {
        let raw = RawParticipant {
            participant_ref: "P 1".into(),
            given_name: String::new(),
            gender: "f".into(),
            birth_year: "2030".into(),
            mentor_email: "nobody".into(),
            start_date: "2026-13-01".into(),
            planned_terms: "4".into(),
            study_path: "x".into(),
            languages: "xx".into(),
            ..valid_raw()
        };
        let problems = ParticipantRecord::validate(&raw, today()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "participant_ref",
                "given_name",
                "gender",
                "birth_year",
                "mentor_email",
                "start_date",
                "planned_terms",
                "study_path",
                "languages"
            ]
        );
        assert_eq!(problems[0].value, "P 1");
        assert_eq!(problems[1].problem, Problem::Required);
    }

    #[test]
    fn permit_and_arrival_after_the_start_date_are_rejected() {
        let raw = RawParticipant {
            start_date: "2026-01-12".into(),
            residence_permit_date: "2026-01-13".into(),
            arrival_date: "2026-02-01".into(),
            ..valid_raw()
        };
        let problems = ParticipantRecord::validate(&raw, today()).unwrap_err();
        assert_eq!(
            problems,
            [
                FieldProblem::new(
                    "residence_permit_date",
                    "2026-01-13",
                    Problem::DateAfterStart
                ),
                FieldProblem::new("arrival_date", "2026-02-01", Problem::DateAfterStart),
            ]
        );
        let same_day = RawParticipant {
            residence_permit_date: "2026-01-12".into(),
            arrival_date: "2026-01-12".into(),
            ..raw
        };
        assert!(ParticipantRecord::validate(&same_day, today()).is_ok());
    }

    #[test]
    fn a_record_round_trips_through_its_csv_fields() {
        let record = ParticipantRecord::validate(&valid_raw(), today()).unwrap();
        let fields = record.to_csv_fields();
        assert_eq!(fields.len(), PARTICIPANT_COLUMNS.len());
        assert_eq!(fields[7], "mentor@example.se");
        let raw = RawParticipant::from_lookup(|column| {
            PARTICIPANT_COLUMNS
                .iter()
                .position(|c| *c == column)
                .map(|i| fields[i].as_str())
        });
        assert_eq!(ParticipantRecord::validate(&raw, today()), Ok(record));
    }

    proptest! {
        #[test]
        fn parse_date_reads_back_every_formatted_date(days in 0i64..73_000) {
            let d = date(1900, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
        }

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

        #[test]
        fn birth_years_are_accepted_exactly_in_range(year in 1000i32..3000) {
            let result = BirthYear::parse(&year.to_string(), today());
            prop_assert_eq!(result.is_ok(), (1900..=2026).contains(&year));
        }

        #[test]
        fn language_codes_round_trip_through_their_field(
            picks in proptest::collection::vec(0usize..ISO_639_1.len(), 0..6)
        ) {
            let field = picks.iter().map(|&i| ISO_639_1[i].to_uppercase()).collect::<Vec<_>>().join(" , ");
            let codes = LanguageCodes::parse(&field).unwrap();
            prop_assert_eq!(LanguageCodes::parse(&codes.to_field()), Ok(codes.clone()));
            let unique: std::collections::HashSet<&String> = codes.codes().iter().collect();
            prop_assert_eq!(unique.len(), codes.codes().len());
        }

        #[test]
        fn valid_names_are_kept_trimmed(name in "[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö' -]{0,98}") {
            let parsed = PersonName::parse(&format!("  {name} ")).unwrap();
            prop_assert_eq!(parsed.as_str(), name.trim());
        }
    }
}
