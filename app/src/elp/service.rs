//! The self-assessment's services: plain async functions that parse what was submitted into
//! domain types, apply the domain's rules and call the database. The server functions in
//! `api` decide who may call them.

use super::api::{
    AssessmentHome, AssessmentList, AssessmentView, FinishSummary, SkillProgress, SkillSheet,
    StatementView,
};
use crate::db::Db;
use crate::domain::cefr::{Answer, Occasion, Skill};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::role::Principal;
use crate::error::AppError;

/// The participant's assessment start screen: the draft's progress and the latest levels.
pub async fn home(db: &Db, me: ParticipantId) -> Result<AssessmentHome, AppError> {
    use crate::db::assessments as store;
    let done = store::submitted(db, me).await?;
    let latest = done
        .last()
        .map(|(h, levels)| (h.assessed_on, levels.clone()));
    let suggested = if done.is_empty() {
        Occasion::Start
    } else {
        Occasion::Checkpoint
    };
    let Some(draft) = store::draft(db, me).await? else {
        return Ok(AssessmentHome {
            draft: None,
            resume: None,
            suggested,
            latest,
        });
    };
    let catalogue = draft_catalogue(&draft)?;
    let answers = store::answers(db, draft.id).await?;
    let progress = Skill::ALL
        .into_iter()
        .map(|skill| {
            let statements = catalogue.skill(skill);
            SkillProgress {
                skill,
                answered: statements
                    .iter()
                    .filter(|s| answers.get(&s.id).is_some_and(|(a, _)| a.is_some()))
                    .count(),
                total: statements.len(),
            }
        })
        .collect();
    Ok(AssessmentHome {
        draft: Some((draft.occasion, progress)),
        resume: draft
            .resume
            .map(|(s, i)| (s, usize::try_from(i).unwrap_or(0))),
        suggested,
        latest,
    })
}

/// The submitted assessments of `participant` with goals and comments.
pub async fn list(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
) -> Result<AssessmentList, AppError> {
    use crate::db::assessments as store;

    use crate::domain::role::Principal;
    let mut out = vec![];
    for (head, levels) in store::submitted(db, participant).await? {
        let goals = match &head.catalogue_version {
            Some(version) => {
                let answers = store::answers(db, head.id).await?;
                let mut texts = vec![];
                for skill in Skill::ALL {
                    for s in store::statements(db, version, skill, "sv").await? {
                        if answers.get(&s.id).is_some_and(|(_, goal)| *goal) {
                            texts.push(s.text);
                        }
                    }
                }
                texts
            }
            None => vec![],
        };
        out.push(AssessmentView {
            id: head.id,
            occasion: head.occasion,
            assessed_on: head.assessed_on,
            source: head.source,
            catalogue_version: head.catalogue_version,
            threshold: head.threshold,
            levels,
            goals,
            comments: store::comments(db, head.id).await?,
        });
    }
    Ok(AssessmentList {
        assessments: out,
        can_comment: matches!(who, Principal::Staff { .. }),
    })
}

/// Stores one answer of the participant's draft.
/// Returns the next screen: the skill's next statement, or the start screen after the last.
pub async fn answer(
    db: &Db,
    me: ParticipantId,
    skill: String,
    index: usize,
    statement: String,
    answer: String,
    goal: Option<String>,
) -> Result<String, AppError> {
    use crate::db::assessments as store;
    let skill = parse_skill(&skill)?;
    let answer = Answer::parse(&answer).map_err(|p| AppError::field("answer", &answer, p))?;
    let draft = store::draft(db, me).await?.ok_or(AppError::NotFound)?;
    let catalogue = draft_catalogue(&draft)?;
    let statements = catalogue.skill(skill);
    if !statements.iter().any(|s| s.id == statement) {
        return Err(AppError::NotFound);
    }
    let next = index + 1;
    store::answer(
        db,
        draft.id,
        &statement,
        Some(answer),
        goal.is_some_and(|g| !g.is_empty()),
        (skill, i64::try_from(next).unwrap_or(0)),
    )
    .await?;
    Ok(if next < statements.len() {
        format!("/me/assessment/{}?i={next}", skill.as_str())
    } else {
        "/me/assessment".to_owned()
    })
}

/// The threshold (`cefr_threshold`, e.g. `80 %`) in force on `day`; 80 % before any change.
async fn threshold(
    db: &Db,
    day: chrono::NaiveDate,
) -> Result<crate::domain::cefr::Threshold, AppError> {
    use crate::domain::cefr::Threshold;
    let history =
        crate::db::settings::dated(db, "cefr_threshold", Threshold::default(), Threshold::parse)
            .await?;
    Ok(history.on(day))
}

fn parse_skill(s: &str) -> Result<Skill, AppError> {
    Skill::parse(s).map_err(|p| AppError::field("skill", s, p))
}

/// Starts (or continues) the participant's draft for `occasion`, dated `today`.
pub async fn start(
    db: &Db,
    me: ParticipantId,
    occasion: &str,
    today: chrono::NaiveDate,
) -> Result<(), AppError> {
    use crate::domain::catalogue::CURRENT_VERSION;
    let occasion =
        Occasion::parse(occasion).map_err(|p| AppError::field("occasion", occasion, p))?;
    crate::db::assessments::start_draft(db, me, occasion, today, CURRENT_VERSION, "tablet").await?;
    Ok(())
}

/// The statements of one skill of the participant's draft in `lang` (Swedish when unknown),
/// with the answers given so far and, where `speech` (the server renders audio), the URLs of
/// each statement's audio in that language and in Swedish.
pub async fn skill_sheet(
    db: &Db,
    speech: bool,
    me: ParticipantId,
    skill: &str,
    lang: &str,
) -> Result<SkillSheet, AppError> {
    use crate::audio::{audio_key, statement_url, voice};
    use crate::db::assessments as store;
    let skill = parse_skill(skill)?;
    let draft = store::draft(db, me).await?.ok_or(AppError::NotFound)?;
    let version = draft.catalogue_version.clone().ok_or(AppError::NotFound)?;
    use crate::domain::locale::Locale;
    let lang = Locale::from_tag(lang).unwrap_or_default();
    let statements = store::statements(db, &version, skill, lang.tag()).await?;
    let answers = store::answers(db, draft.id).await?;
    let clips = crate::db::clips::digests(db, &version, lang.tag()).await?;
    Ok(SkillSheet {
        owner: me,
        skill,
        statements: statements
            .into_iter()
            .map(|s| {
                let (answer, goal) = answers.get(&s.id).cloned().unwrap_or((None, false));
                let url = |locale: Locale, text: &str| {
                    voice(locale)
                        .filter(|_| speech)
                        .map(|v| statement_url(locale, &version, &s.id, &audio_key(v, text)[..12]))
                };
                // A recorded clip where there is one, else the server's voice.
                let listen = match clips.get(&s.id) {
                    Some(digest) => Some(statement_url(lang, &version, &s.id, &digest[..12])),
                    None => url(lang, &s.text),
                };
                let listen_sv = (lang != Locale::Sv)
                    .then(|| url(Locale::Sv, &s.sv))
                    .flatten();
                StatementView {
                    listen,
                    listen_sv,
                    id: s.id,
                    level: s.level,
                    text: s.text,
                    sv: s.sv,
                    answer,
                    goal,
                }
            })
            .collect(),
    })
}

/// The catalogue the draft was begun on (the current one for a draft that names none).
fn draft_catalogue(
    draft: &crate::db::assessments::AssessmentHead,
) -> Result<crate::domain::catalogue::Catalogue, AppError> {
    use crate::domain::catalogue::{Catalogue, CURRENT_VERSION};
    let version = draft
        .catalogue_version
        .as_deref()
        .unwrap_or(CURRENT_VERSION);
    Catalogue::version(version).map_err(|e| {
        tracing::error!(error = %e, version, "catalogue");
        AppError::Internal
    })
}

/// The level per skill the draft's answers give on `day`, with the threshold applied; a skill
/// never started is not assessed (`None`).
async fn draft_levels(
    db: &Db,
    draft: &crate::db::assessments::AssessmentHead,
    day: chrono::NaiveDate,
) -> Result<(FinishLevels, crate::domain::cefr::Threshold), AppError> {
    use std::collections::BTreeMap;
    let catalogue = draft_catalogue(draft)?;
    let answers: BTreeMap<String, Answer> = crate::db::assessments::answers(db, draft.id)
        .await?
        .into_iter()
        .filter_map(|(k, (a, _))| a.map(|a| (k, a)))
        .collect();
    let threshold = threshold(db, day).await?;
    Ok((catalogue.finishing_levels(&answers, threshold), threshold))
}

/// Level per skill, `None` for not assessed.
type FinishLevels = Vec<(Skill, Option<crate::domain::cefr::CefrLevel>)>;

/// What finishing the draft would store on `today` (None: no draft under way).
pub async fn finish_summary(
    db: &Db,
    me: ParticipantId,
    today: chrono::NaiveDate,
) -> Result<Option<FinishSummary>, AppError> {
    let Some(draft) = crate::db::assessments::draft(db, me).await? else {
        return Ok(None);
    };
    let (levels, _) = draft_levels(db, &draft, today).await?;
    Ok(Some(FinishSummary { levels }))
}

/// Submits the participant's draft, dated `today`, scored with the catalogue version the draft
/// was begun on: a level per skill started, none for a skill never started. Refused when no
/// statement has an answer.
pub async fn submit(db: &Db, me: ParticipantId, today: chrono::NaiveDate) -> Result<(), AppError> {
    use crate::db::assessments as store;
    let Some(draft) = store::draft(db, me).await? else {
        // Already submitted (a double tap): nothing to do, the start screen shows the result.
        return Ok(());
    };
    let (levels, threshold) = draft_levels(db, &draft, today).await?;
    let levels = crate::domain::catalogue::levels_to_store(&levels)
        .map_err(|p| AppError::field("answers", "", p))?;
    store::submit(db, draft.id, &levels, &threshold.to_string(), today).await?;
    Ok(())
}

/// Adds `by`'s comment to a submitted assessment, if `who` may see the participant's results
/// (an assessment they may not see is refused as if it did not exist, except to coordinators).
/// The comment is 1 to 2,000 characters after trimming.
pub async fn comment(
    db: &Db,
    who: &Principal,
    by: UserId,
    assessment: i64,
    body: &str,
) -> Result<(), AppError> {
    use crate::db::assessments as store;
    use crate::domain::access::{may_act_on, ParticipantAction};
    use crate::domain::problem::Problem;
    let head =
        crate::auth::guard::hidden_unless_coordinator(store::get(db, assessment).await, who)?;
    let links = crate::db::participants::links(db, head.participant_id).await?;
    if !may_act_on(who, ParticipantAction::ViewResults, &links) || !head.submitted {
        return Err(AppError::Forbidden);
    }
    let text = body.trim();
    if text.is_empty() {
        return Err(AppError::field("body", body, Problem::Required));
    }
    if text.chars().count() > COMMENT_MAX {
        return Err(AppError::field(
            "body",
            body,
            Problem::TooLong { max: COMMENT_MAX },
        ));
    }
    store::add_comment(db, assessment, by, text).await?;
    Ok(())
}

/// The longest staff comment, in characters.
const COMMENT_MAX: usize = 2000;
