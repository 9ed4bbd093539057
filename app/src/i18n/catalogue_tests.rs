//! The catalogue against the code: every message the code uses exists, Swedish and English
//! have the same messages, and every family of ids built at run time is complete.

use std::collections::BTreeSet;

use super::*;

/// Every message id of `locale`'s catalogue (each file must parse).
pub(super) fn ids(locale: Locale) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for source in sources(locale) {
        let resource = FluentResource::try_new(source.to_owned());
        assert!(
            resource.is_ok(),
            "{locale:?}: a .ftl file does not parse: {:?}",
            resource.err().map(|e| e.1)
        );
        for line in source.lines() {
            if let Some((id, _)) = line.split_once(" =") {
                if !id.starts_with([' ', '#', '.']) && !id.is_empty() {
                    out.insert(id.trim().to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn swedish_and_english_have_the_same_messages() {
    let sv = ids(Locale::Sv);
    let en = ids(Locale::En);
    let only_sv: Vec<_> = sv.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&sv).collect();
    assert!(
        only_sv.is_empty() && only_en.is_empty(),
        "only sv: {only_sv:?}, only en: {only_en:?}"
    );
}

#[test]
fn every_message_used_in_the_code_exists() {
    let known = ids(Locale::Sv);
    let mut missing = vec![];
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for id in used_ids(&text).into_iter().chain(used_fields(&text)) {
                    if !known.contains(&id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "message ids used but not in the catalogue: {missing:#?}"
    );
}

/// Ids passed as string literals to `t("…")`, `t_args("…"`, as `label="…"` / `hint="…"`
/// props of the form fields, and returned as `=> "…"` by the `message_id()` of the domain's
/// error enums. A marker counts only at the start of an identifier.
pub(super) fn used_ids(text: &str) -> Vec<String> {
    const FAMILIES: [&str; 8] = [
        "problem-",
        "file-",
        "time-",
        "sfi-",
        "error-",
        "import-",
        "export-",
        "coverage-",
    ];
    let mut out = vec![];
    for marker in ["t(\"", "t_args(\"", "label=\"", "hint=\"", "=> \""] {
        let mut from = 0;
        while let Some(pos) = text[from..].find(marker) {
            let start = from + pos;
            from = start + marker.len();
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            if let Some(end) = text[from..].find('"') {
                let id = &text[from..from + end];
                let is_id = !id.is_empty()
                    && id.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                    });
                let in_family = FAMILIES.iter().any(|f| id.starts_with(f));
                if is_id && (marker != "=> \"" || in_family) {
                    out.push(id.to_owned());
                }
            }
        }
    }
    out
}

/// The label ids (`field-…`) of the fields that problems name: `AppError::field("…"`,
/// `FieldProblem::new("…"`, `conflict_on("…"`, `DuplicateOn { field: "…"`, and the fields
/// forms look problems up by (`problem_of(…, "…")`, `problem_at(…, "…")`); a refused
/// field is labelled with `field-{name}` in the error summary.
fn used_fields(text: &str) -> Vec<String> {
    let mut out = vec![];
    let markers = [
        "AppError::field(\"",
        "FieldProblem::new(\"",
        "conflict_on(\"",
        "field: \"",
    ];
    for marker in markers {
        let mut from = 0;
        while let Some(pos) = text[from..].find(marker) {
            from += pos + marker.len();
            if let Some(end) = text[from..].find('"') {
                out.push(format!("field-{}", &text[from..from + end]));
            }
        }
    }
    for marker in ["problem_of(", "problem_at("] {
        let mut from = 0;
        while let Some(pos) = text[from..].find(marker) {
            from += pos + marker.len();
            let Some(close) = text[from..].find(')') else {
                break;
            };
            let args = &text[from..from + close];
            if let Some((_, last)) = args.rsplit_once(", \"") {
                if let Some(name) = last.strip_suffix('"') {
                    out.push(format!("field-{name}"));
                }
            }
        }
    }
    out.retain(|id| {
        id.len() > "field-".len()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'_')
    });
    out
}

/// Message ids built at run time (`field-{column}`, `gender-{…}`, …) must all exist.
#[test]
fn every_message_family_built_at_run_time_is_complete() {
    use crate::domain::participant::{Gender, PARTICIPANT_COLUMNS};
    use crate::domain::role::Role;
    use crate::domain::status::ParticipantStatus;
    let known = ids(Locale::Sv);
    let mut wanted: Vec<String> = vec![];
    let history_only = ["status", "end_date", "pin"];
    wanted.extend(
        PARTICIPANT_COLUMNS
            .iter()
            .chain(history_only.iter())
            .map(|c| format!("field-{c}")),
    );
    wanted.extend(Gender::ALL.iter().map(|g| format!("gender-{}", g.as_str())));
    wanted.extend(
        ParticipantStatus::ALL
            .iter()
            .map(|s| format!("status-{}", s.as_str())),
    );
    wanted.extend(Role::ALL.iter().map(|r| format!("role-{}", r.as_str())));
    wanted.extend(
        crate::domain::access_log::AccessEvent::ALL
            .iter()
            .map(|e| format!("access-event-{}", e.as_str())),
    );
    wanted.extend(
        crate::db::person::TABLE_NAMES
            .iter()
            .map(|n| format!("person-file-{n}")),
    );
    for ladder in crate::domain::steps::StepLadder::ALL {
        wanted.push(format!("ladder-{ladder}"));
        wanted.push(format!("steps-record-{ladder}"));
        wanted.extend(
            ladder
                .default_steps()
                .iter()
                .map(|s| format!("step-{ladder}-{s}")),
        );
    }
    {
        use crate::domain::outcome::{Activity, Completion, SelfSufficiency};
        wanted.extend(Completion::ALL.iter().map(|c| format!("completion-{c}")));
        wanted.extend(Activity::ALL.iter().map(|a| format!("activity-{a}")));
        wanted.extend(
            SelfSufficiency::ALL
                .iter()
                .map(|s| format!("self-sufficiency-{s}")),
        );
    }
    wanted.extend(
        crate::domain::access_log::READ_PARTS
            .iter()
            .map(|p| format!("access-part-{p}")),
    );
    wanted.extend(
        ["web", "import", "cli", "demo"]
            .iter()
            .map(|s| format!("source-{s}")),
    );
    wanted.extend(
        crate::domain::sfi_record::SFI_COLUMNS
            .iter()
            .map(|c| format!("field-{c}")),
    );
    wanted.extend(
        crate::domain::cefr::Occasion::ALL
            .iter()
            .map(|o| format!("occasion-{}", o.as_str())),
    );
    wanted.extend(
        crate::domain::sfi::GradeScale::ALL
            .iter()
            .map(|s| format!("scale-{}", s.as_str())),
    );
    wanted.extend(
        crate::domain::cefr::Skill::ALL
            .iter()
            .map(|s| format!("skill-{}", s.as_str())),
    );
    wanted.extend(
        crate::domain::cefr::Answer::ALL
            .iter()
            .map(|a| format!("answer-{}", a.as_str())),
    );
    wanted.extend(
        ["create", "update", "delete"]
            .iter()
            .map(|a| format!("sfi-action-{a}")),
    );
    wanted.extend(
        crate::domain::calendar::ClosedReason::ALL
            .iter()
            .map(|r| format!("calendar-reason-{}", r.as_str())),
    );
    wanted.extend(
        crate::domain::calendar::CalendarScope::ALL
            .iter()
            .map(|s| format!("calendar-scope-{}", s.as_str())),
    );
    wanted.extend(
        crate::domain::calendar::CALENDAR_COLUMNS
            .iter()
            .map(|c| format!("field-{c}")),
    );
    // The indicators' targets, weekly minimum, levels, chart and workbook (issue 15).
    for target in crate::domain::targets::Target::ALL {
        wanted.push(format!("target-{}", target.as_str()));
        wanted.push(format!("target-{}-caption", target.as_str()));
    }
    wanted.extend(
        ["judged", "reached", "share", "met"]
            .iter()
            .map(|p| format!("target-col-{p}")),
    );
    wanted.extend(
        ["met", "short", "excused", "share"]
            .iter()
            .map(|p| format!("weeks-col-{p}")),
    );
    wanted.extend(
        crate::domain::indicators::INDICATOR_COLUMNS[2..]
            .iter()
            .map(|c| format!("indicators-{c}")),
    );
    wanted.extend(
        [
            "indicators-chart-title",
            "indicators-chart-desc",
            "indicators-chart-empty",
            "indicators-group",
            "indicators-all",
            "target-met",
            "target-not-met",
            "xlsx-range",
            "targets-explained",
            "levels-col-median",
            "levels-col-participants",
            "xlsx-sheet-gender",
            "xlsx-sheet-district",
            "xlsx-sheet-school",
            "xlsx-sheet-targets",
            "xlsx-sheet-levels",
        ]
        .map(str::to_owned),
    );
    let missing: Vec<&String> = wanted.iter().filter(|id| !known.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "missing from the catalogue: {missing:?}"
    );
}
