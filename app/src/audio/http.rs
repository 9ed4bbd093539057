//! `GET /audio/statement/{lang}/{version}/{id}.mp3` and `GET /audio/message/{lang}/{id}.mp3`:
//! a catalogue statement or a participant-screen instruction as speech. Only texts the product
//! holds are spoken (an unknown statement, instruction or language is 404, as is a language
//! without a voice, or a server without `espeak-ng`, so the page hides the button). The URL's
//! `?v=` changes with the text, so the answer is cached for a year.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{audio_key, voice, INSTRUCTIONS};
use crate::domain::locale::Locale;
use crate::state::AppState;

/// A year: the URL changes whenever the text does.
const CACHE_FOR_A_YEAR: &str = "public, max-age=31536000, immutable";

/// `GET /audio/statement/{lang}/{version}/{id}.mp3`.
pub async fn statement(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((lang, version, file)): Path<(String, String, String)>,
) -> Response {
    let (Some(locale), Some(id)) = (Locale::from_tag(&lang), file.strip_suffix(".mp3")) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // A recorded clip, where staff uploaded one, before the synthetic voice.
    match crate::db::clips::get(&state.db, &version, id, locale.tag()).await {
        Ok(Some((bytes, digest))) => return audio(&headers, bytes, &digest),
        Ok(None) => {}
        Err(e) => {
            tracing::error!(error = %e, "reading a clip failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    let text =
        match crate::db::assessments::statement_text(&state.db, &version, id, locale.tag()).await {
            Ok(Some(text)) => text,
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(e) => {
                tracing::error!(error = %e, "reading a statement for audio failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
    speak(&state, &headers, locale, &text).await
}

/// `GET /audio/message/{lang}/{id}.mp3`: one of [`INSTRUCTIONS`].
pub async fn message(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((lang, file)): Path<(String, String)>,
) -> Response {
    let (Some(locale), Some(id)) = (Locale::from_tag(&lang), file.strip_suffix(".mp3")) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !INSTRUCTIONS.contains(&id) || !crate::i18n::has_message(locale, id) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let text = crate::i18n::translate(locale, id, &[]);
    speak(&state, &headers, locale, &text).await
}

async fn speak(state: &AppState, headers: &HeaderMap, locale: Locale, text: &str) -> Response {
    let Some(voice) = voice(locale).filter(|_| state.speaker.available()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let key = audio_key(voice, text);
    if fresh(headers, &key) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    match state.speaker.speak(voice, text, &key).await {
        Ok(bytes) => audio(headers, bytes, &key),
        Err(e) => {
            tracing::error!(error = %e, voice, "rendering speech failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Whether the browser's copy (`If-None-Match`) is version `key`.
fn fresh(headers: &HeaderMap, key: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_matches('"') == key)
}

/// An MP3 answer of version `key`, cached for a year.
fn audio(headers: &HeaderMap, bytes: Vec<u8>, key: &str) -> Response {
    if fresh(headers, key) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("audio/mpeg"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_FOR_A_YEAR),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("\"{key}\"")) {
        h.insert(header::ETAG, v);
    }
    res
}
