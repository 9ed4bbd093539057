//! The exit talk and the indicators (server only): parse into domain types, check against the
//! register, store through the same code as the `outcomes` file kind.

use crate::db::{self, hours::Recorder, Db};
use crate::domain::ids::ParticipantId;
use crate::domain::outcome::{OutcomeRecord, RawOutcome};
use crate::domain::participant::{format_date, parse_date};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::role::Principal;
use crate::dto::{IndicatorsPage, OutcomeView};
use crate::error::AppError;
use crate::state::AppState;

/// The outcome of `participant` for the page on `today`.
pub async fn outcome(
    db: &Db,
    participant: ParticipantId,
    can_record: bool,
    today: chrono::NaiveDate,
) -> Result<OutcomeView, AppError> {
    let stored = db::outcomes::of(db, participant).await?;
    Ok(OutcomeView {
        participant,
        outcome: stored.map(|s| (s.record, s.version)),
        can_record,
        today,
    })
}

/// Validates and stores the exit talk typed into the form (`version`: the one the form
/// showed, so that a stale save is refused).
pub async fn save_outcome(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    mut raw: RawOutcome,
    version: Option<i64>,
) -> Result<(), AppError> {
    let detail = db::participants::get(&state.db, participant).await?;
    raw.participant_ref = detail.participant_ref.clone();
    let record = OutcomeRecord::validate(&raw, state.clock.today()).map_err(AppError::Invalid)?;
    if record.exit_date < detail.start_date {
        return Err(AppError::Invalid(vec![FieldProblem::new(
            "exit_date",
            raw.exit_date.clone(),
            Problem::BeforeParticipantStart {
                start: format_date(detail.start_date),
            },
        )]));
    }
    let mut tx = state.db.begin().await?;
    db::outcomes::save(&mut tx, participant, &record, version, Recorder::from(who))
        .await
        .map_err(crate::error::stale_on("exit_date"))?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// Removes the outcome if it still has `version`; the participant is active again.
pub async fn remove_outcome(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    version: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    db::outcomes::remove(&mut tx, participant, version, Recorder::from(who))
        .await
        .map_err(crate::error::stale_on("version"))?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// A start date typed into the filter (empty: no bound).
fn day(name: &str, text: &str) -> Result<Option<chrono::NaiveDate>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new(name, text, p)]))
}

/// The start-date range typed into the indicators' filter: either end may be empty (no
/// bound); the last day may not come before the first.
pub(super) fn start_range(
    from: &str,
    to: &str,
) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>), AppError> {
    let (from, to) = (day("from", from)?, day("to", to)?);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(AppError::Invalid(vec![FieldProblem::new(
                "to",
                format_date(t),
                Problem::EndBeforeStart,
            )]));
        }
    }
    Ok((from, to))
}

/// The indicators for start dates in `from`–`to`.
pub async fn indicators(
    db: &Db,
    from: &str,
    to: &str,
    place: &str,
) -> Result<IndicatorsPage, AppError> {
    use crate::domain::indicators::Place;
    let (from, to) = start_range(from, to)?;
    let place = self::place(place)?;
    let rows = crate::import::indicators::rows(db, from, to, &place).await?;
    let schools = db::schools::list(db).await?;
    let mut places = vec![];
    for s in &schools {
        let district = Place::District(s.district.clone());
        if !places.contains(&district) {
            places.push(district);
        }
        places.push(Place::School(s.name.clone()));
    }
    Ok(IndicatorsPage {
        from,
        to,
        place,
        places,
        rows,
    })
}

/// The district or school typed into the filter (empty: the whole programme).
pub fn place(typed: &str) -> Result<crate::domain::indicators::Place, AppError> {
    crate::domain::indicators::Place::parse(typed)
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new("place", typed, p)]))
}

/// The language ladder's level of `participant`: the mean of the latest self-assessed levels per
/// skill, rounded down.
async fn language_level(
    db: &Db,
    participant: ParticipantId,
) -> Result<Option<crate::domain::cefr::CefrLevel>, AppError> {
    use crate::domain::cefr::CefrLevel;
    use crate::domain::ladder::{latest_levels, mean_step_tenths, AssessedLevels};
    let assessed: Vec<AssessedLevels> = db::assessments::submitted(db, participant)
        .await?
        .into_iter()
        .map(|(head, levels)| AssessedLevels {
            date: head.assessed_on,
            levels,
        })
        .collect();
    Ok(mean_step_tenths(&latest_levels(&assessed))
        .and_then(|tenths| CefrLevel::ALL.get((tenths / 10) as usize).copied()))
}

/// The three ladders side by side: the language ladder climbed to `language`, the work and
/// matching ladders with their reached steps.
fn three_ladders(
    language: Option<crate::domain::cefr::CefrLevel>,
    steps: &[crate::dto::StepLine],
) -> String {
    use crate::charts::three::{three_ladders_svg, StepColumn};
    use crate::domain::cefr::CefrLevel;
    use crate::domain::steps::StepLadder;
    use crate::i18n::{request_locale, translate};
    let locale = request_locale();
    let tr = |id: &str, args: &[(&str, String)]| translate(locale, id, args);
    let lang_caption = language.map_or_else(|| "–".to_owned(), |l| l.label().to_owned());
    let mut columns = vec![StepColumn {
        name: tr("ladder-heading", &[]),
        steps: CefrLevel::ALL
            .iter()
            .map(|l| (l.label().to_owned(), language.is_some_and(|m| *l <= m)))
            .collect(),
        caption: lang_caption.clone(),
    }];
    let mut desc = vec![tr("three-desc-language", &[("level", lang_caption)])];
    for ladder in StepLadder::ALL {
        let of: Vec<(String, bool)> = steps
            .iter()
            .filter(|s| s.ladder == ladder)
            .map(|s| (s.name.clone(), s.reached.is_some()))
            .collect();
        let reached: Vec<&str> = of.iter().filter(|s| s.1).map(|s| s.0.as_str()).collect();
        let counts = [
            ("reached", reached.len().to_string()),
            ("steps", of.len().to_string()),
        ];
        let name = tr(&format!("ladder-{}", ladder.as_str()), &[]);
        desc.push(tr(
            "three-desc-steps",
            &[
                ("ladder", name.clone()),
                ("reached", counts[0].1.clone()),
                ("steps", counts[1].1.clone()),
                ("names", reached.join(", ")),
            ],
        ));
        columns.push(StepColumn {
            name,
            caption: tr("three-caption", &counts),
            steps: of,
        });
    }
    three_ladders_svg(
        &columns,
        &tr("three-title", &[]),
        &desc.join(" "),
        "three-ladders",
    )
}

/// A participant's work and matching ladders for the page on `today`.
pub async fn steps(
    db: &Db,
    participant: ParticipantId,
    can_record: bool,
    today: chrono::NaiveDate,
) -> Result<crate::dto::StepsView, AppError> {
    let reached = db::steps::reached(db, participant).await?;
    let steps: Vec<crate::dto::StepLine> = db::steps::definitions(db)
        .await?
        .iter()
        .map(|d| {
            let got = reached
                .iter()
                .find(|s| s.record.ladder == d.ladder && s.record.step == d.code);
            crate::dto::StepLine {
                ladder: d.ladder,
                code: d.code.as_str().to_owned(),
                name: crate::i18n::step_name(d, crate::i18n::request_locale()),
                reached: got.map(|s| s.record.reached_date),
                confirmed_by: got.and_then(|s| s.confirmed_by_name.clone()),
            }
        })
        .collect();
    let language = language_level(db, participant).await?;
    Ok(crate::dto::StepsView {
        participant,
        chart_svg: three_ladders(language, &steps),
        language,
        steps,
        can_record,
        today,
    })
}

/// Records a step typed into the form, confirmed by the signed-in staff member.
pub async fn save_step(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    ladder: &str,
    step: &str,
    reached_date: &str,
) -> Result<(), AppError> {
    use crate::domain::steps::{RawStep, StepRecord};
    let detail = db::participants::get(&state.db, participant).await?;
    let confirmer = match who {
        Principal::Staff { user, .. } => Some(db::users::get(&state.db, *user).await?.email),
        Principal::Participant(_) => None,
    };
    let raw = RawStep {
        participant_ref: detail.participant_ref,
        ladder: ladder.to_owned(),
        step: step.to_owned(),
        reached_date: reached_date.to_owned(),
        confirmed_by_email: confirmer.unwrap_or_default(),
    };
    let record = StepRecord::validate(&raw, state.clock.today()).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin().await?;
    match crate::import::steps::save_step(&mut tx, &record, Recorder::from(who)).await? {
        Ok(_) => {
            tx.commit().await.map_err(db::DbError::from)?;
            Ok(())
        }
        Err(problem) => Err(AppError::Invalid(vec![problem])),
    }
}

/// Every step of both ladders for the coordinators' page.
pub async fn step_definitions(db: &Db) -> Result<Vec<super::api::StepDefinitionView>, AppError> {
    let locale = crate::i18n::request_locale();
    Ok(db::steps::definitions(db)
        .await?
        .iter()
        .map(|d| super::api::StepDefinitionView {
            ladder: d.ladder,
            code: d.code.as_str().to_owned(),
            name_sv: d.name_sv.clone(),
            name_en: d.name_en.clone(),
            shown: crate::i18n::step_name(d, locale),
        })
        .collect())
}

/// Renames a step or adds one, typed as `[ladder, code, name_sv, name_en]`.
pub async fn define_step(db: &Db, who: &Principal, typed: [&str; 4]) -> Result<(), AppError> {
    use crate::domain::steps::StepNaming;
    let known = db::steps::definitions(db).await?;
    let [ladder, code, name_sv, name_en] = typed;
    let naming = StepNaming::validate((ladder, code, name_sv, name_en), |l, c| {
        !known.iter().any(|d| d.ladder == l && &d.code == c)
    })
    .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    db::steps::define(&mut tx, &naming, Recorder::from(who)).await?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}
