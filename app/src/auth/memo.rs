//! What the reads of one page share: the session and the participants' links are looked up
//! once per `GET` request, however many server functions the page's resources call. A write
//! (any other method) gets no memo and always looks afresh.
//!
//! Nothing here ever waits for another future: the server resolves the session before the
//! page renders ([`RequestMemo::remember_session`]), and a participant's links are looked up
//! by whichever resource comes first, the others looking them up too if they come while the
//! first is still at it. (Waiting for another resource's lookup could deadlock: the renderer
//! does not promise to poll a resource that nothing awaits yet.)

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use axum::http::{request::Parts, Method};

use crate::auth::session::SignedIn;
use crate::domain::access::ParticipantLinks;
use crate::domain::access_log::NewAccess;
use crate::domain::ids::{ParticipantId, UserId};

/// The memo of one request, shared by every clone of its `Parts`.
#[derive(Clone, Default)]
pub struct RequestMemo(Arc<Inner>);

#[derive(Default)]
struct Inner {
    session: OnceLock<Option<SignedIn>>,
    links: Mutex<HashMap<ParticipantId, ParticipantLinks>>,
    reads: Mutex<HashSet<(ParticipantId, &'static str)>>,
    fingerprints: Mutex<HashMap<UserId, u64>>,
    logged: Mutex<Vec<NewAccess>>,
}

impl RequestMemo {
    /// A memo for a request with `method`: only reads get one.
    pub fn for_method(method: &Method) -> Option<Self> {
        (method == Method::GET || method == Method::HEAD).then(Self::default)
    }

    /// The memo of the request being served, if it has one.
    pub fn current() -> Option<Self> {
        leptos::prelude::use_context::<Parts>().and_then(|p| p.extensions.get::<Self>().cloned())
    }

    /// The session, if already looked up in this request.
    pub fn session(&self) -> Option<Option<SignedIn>> {
        self.0.session.get().cloned()
    }

    /// Remembers the session for the rest of the request (the first lookup wins).
    pub fn remember_session(&self, session: Option<SignedIn>) {
        let _ = self.0.session.set(session);
    }

    /// The participant's links, if already looked up in this request.
    pub fn links(&self, id: ParticipantId) -> Option<ParticipantLinks> {
        self.0.links.lock().ok().and_then(|m| m.get(&id).cloned())
    }

    /// Remembers the participant's links for the rest of the request.
    pub fn remember_links(&self, links: &ParticipantLinks) {
        if let Ok(mut m) = self.0.links.lock() {
            m.insert(links.participant, links.clone());
        }
    }

    /// The change fingerprint of `mentor`'s start page, if already read in this request.
    pub fn fingerprint(&self, mentor: UserId) -> Option<u64> {
        self.0
            .fingerprints
            .lock()
            .ok()
            .and_then(|m| m.get(&mentor).copied())
    }

    /// Remembers the change fingerprint of `mentor`'s start page for the rest of the request.
    pub fn remember_fingerprint(&self, mentor: UserId, fingerprint: u64) {
        if let Ok(mut m) = self.0.fingerprints.lock() {
            m.insert(mentor, fingerprint);
        }
    }

    /// Notes an entry this request wrote to the access log (a kept page writes them again
    /// whenever it is served: [`crate::kept`]).
    pub fn remember_logged(&self, entry: &NewAccess) {
        if let Ok(mut logged) = self.0.logged.lock() {
            logged.push(entry.clone());
        }
    }

    /// What this request wrote to the access log, in order.
    pub fn logged(&self) -> Vec<NewAccess> {
        self.0.logged.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Whether this is the request's first read of `part` of `participant`'s record (the
    /// access log gets one entry per part and request, however many resources read it).
    pub fn first_read(&self, participant: ParticipantId, part: &'static str) -> bool {
        self.0
            .reads
            .lock()
            .map_or(true, |mut seen| seen.insert((participant, part)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_reads_get_a_memo() {
        assert!(RequestMemo::for_method(&Method::GET).is_some());
        assert!(RequestMemo::for_method(&Method::HEAD).is_some());
        for m in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
            assert!(RequestMemo::for_method(&m).is_none());
        }
    }

    #[test]
    fn the_first_session_remembered_wins() {
        let memo = RequestMemo::default();
        assert!(memo.session().is_none());
        memo.clone().remember_session(None);
        assert!(matches!(memo.session(), Some(None)));
        let other = SignedIn {
            principal: crate::domain::role::Principal::Participant(ParticipantId(1)),
            must_change_password: false,
            token_hash: String::new(),
        };
        memo.remember_session(Some(other));
        assert!(matches!(memo.session(), Some(None)));
    }

    #[test]
    fn each_part_of_a_record_is_a_first_read_once_per_request() {
        let memo = RequestMemo::default();
        assert!(memo.first_read(ParticipantId(7), "record"));
        assert!(!memo.clone().first_read(ParticipantId(7), "record"));
        assert!(memo.first_read(ParticipantId(7), "hours"));
        assert!(memo.first_read(ParticipantId(8), "record"));
    }

    #[test]
    fn links_are_kept_per_participant() {
        let memo = RequestMemo::default();
        let links = ParticipantLinks {
            participant: ParticipantId(7),
            mentor: None,
            teachers: vec![],
        };
        memo.clone().remember_links(&links);
        assert_eq!(memo.links(ParticipantId(7)), Some(links));
        assert_eq!(memo.links(ParticipantId(8)), None);
    }
}
