//! The row loop every import shares: validate each row, keep the first row of each key.

use std::collections::HashMap;
use std::hash::Hash;

use super::{FieldProblem, Problem, RowProblem};

/// How a repeated key is reported: on which field, showing which raw value.
pub struct DuplicateOn<Raw> {
    /// The field the [`Problem::Duplicate`] is reported on, e.g. `participant_ref`.
    pub field: &'static str,
    /// The raw value shown with it.
    pub value: fn(&Raw) -> &str,
}

/// Validates numbered raw rows (file lines or form rows) in order and keeps the valid ones
/// whose key no earlier row had.
///
/// `key` sees the raw row and, when it is valid, the record; returning `None` means the row
/// takes part in no duplicate check. A row whose key an earlier row had gets a
/// [`Problem::Duplicate`] naming the first line, reported before the row's own problems, and
/// is not kept. Returns the kept records and every problem, both in line order.
pub fn validate_unique<Raw, R, K: Hash + Eq>(
    rows: impl IntoIterator<Item = (usize, Raw)>,
    validate: impl Fn(&Raw) -> Result<R, Vec<FieldProblem>>,
    key: impl Fn(&Raw, Option<&R>) -> Option<K>,
    duplicate: DuplicateOn<Raw>,
) -> (Vec<(usize, R)>, Vec<RowProblem>) {
    let mut records = vec![];
    let mut problems = vec![];
    let mut unique = UniqueRows::new(duplicate);
    for (line, raw) in rows {
        if let Some(record) = unique.check(line, &raw, &validate, &key, &mut problems) {
            records.push((line, record));
        }
    }
    (records, problems)
}

/// [`validate_unique`] one row at a time, for a file read as a stream: remembers only the
/// first line of each key.
pub struct UniqueRows<Raw, K> {
    first_seen: HashMap<K, usize>,
    duplicate: DuplicateOn<Raw>,
}

impl<Raw, K: Hash + Eq> UniqueRows<Raw, K> {
    /// No row seen yet; a repeated key is reported as `duplicate` says.
    pub fn new(duplicate: DuplicateOn<Raw>) -> Self {
        Self {
            first_seen: HashMap::new(),
            duplicate,
        }
    }

    /// Validates the row at `line`: its record if it is valid and its key is new, otherwise
    /// `None` with its problems added to `problems` (a repeated key first).
    pub fn check<R>(
        &mut self,
        line: usize,
        raw: &Raw,
        validate: impl Fn(&Raw) -> Result<R, Vec<FieldProblem>>,
        key: impl Fn(&Raw, Option<&R>) -> Option<K>,
        problems: &mut Vec<RowProblem>,
    ) -> Option<R> {
        let at_line = |field: FieldProblem| RowProblem { line, field };
        let valid = validate(raw);
        let mut repeated = false;
        if let Some(k) = key(raw, valid.as_ref().ok()) {
            match self.first_seen.get(&k) {
                Some(&first_line) => {
                    repeated = true;
                    problems.push(at_line(FieldProblem::new(
                        self.duplicate.field,
                        (self.duplicate.value)(raw),
                        Problem::Duplicate { first_line },
                    )));
                }
                None => {
                    self.first_seen.insert(k, line);
                }
            }
        }
        match valid {
            Ok(record) if !repeated => Some(record),
            Ok(_) => None,
            Err(field_problems) => {
                problems.extend(field_problems.into_iter().map(at_line));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn even(raw: &(u32, &'static str)) -> Result<u32, Vec<FieldProblem>> {
        if raw.0.is_multiple_of(2) {
            Ok(raw.0)
        } else {
            Err(vec![FieldProblem::new(
                "n",
                raw.1,
                Problem::OutOfRange { min: 0, max: 0 },
            )])
        }
    }

    const ON_NAME: DuplicateOn<(u32, &'static str)> = DuplicateOn {
        field: "name",
        value: |raw| raw.1,
    };

    #[test]
    fn a_key_seen_on_an_earlier_line_is_a_duplicate_of_the_first_line_and_not_kept() {
        let rows = [(2, (4, "a")), (3, (6, "b")), (4, (4, "c")), (5, (4, "d"))];
        let (kept, problems) = validate_unique(rows, even, |_, r| r.copied(), ON_NAME);
        assert_eq!(kept, [(2, 4), (3, 6)]);
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.field.field.as_str(), p.field.value.as_str()))
            .collect();
        assert_eq!(found, [(4, "name", "c"), (5, "name", "d")]);
        assert!(problems
            .iter()
            .all(|p| p.field.problem == Problem::Duplicate { first_line: 2 }));
    }

    #[test]
    fn a_key_taken_from_the_raw_row_also_checks_invalid_rows_and_reports_the_duplicate_first() {
        let rows = [(2, (1, "x")), (3, (3, "x"))];
        let (kept, problems) = validate_unique(rows, even, |raw, _| Some(raw.1), ON_NAME);
        assert!(kept.is_empty());
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.field.field.as_str()))
            .collect();
        assert_eq!(found, [(2, "n"), (3, "name"), (3, "n")]);
    }

    #[test]
    fn rows_without_a_key_are_never_duplicates() {
        let rows = [(2, (2, "a")), (3, (2, "a"))];
        let (kept, problems) = validate_unique(rows, even, |_, _| None::<u32>, ON_NAME);
        assert_eq!(kept.len(), 2);
        assert!(problems.is_empty());
    }
}
