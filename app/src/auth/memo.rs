//! What the reads of one page share: the session and the participants' links are looked up
//! once per `GET` request, however many server functions the page's resources call. A write
//! (any other method) gets no memo and always looks afresh.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::http::{request::Parts, Method};
use tokio::sync::OnceCell;

use crate::auth::session::SignedIn;
use crate::domain::access::ParticipantLinks;
use crate::domain::ids::ParticipantId;

/// The memo of one request, shared by every clone of its `Parts`.
#[derive(Clone, Default)]
pub struct RequestMemo(Arc<Inner>);

#[derive(Default)]
struct Inner {
    session: OnceCell<Option<SignedIn>>,
    links: Mutex<HashMap<ParticipantId, Arc<OnceCell<ParticipantLinks>>>>,
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

    /// The session, looked up by `lookup` the first time only.
    pub async fn session<E, F, Fut>(&self, lookup: F) -> Result<Option<SignedIn>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Option<SignedIn>, E>>,
    {
        self.0.session.get_or_try_init(lookup).await.cloned()
    }

    /// The participant's links, looked up by `lookup` once: the page's resources run at the
    /// same time, so the later ones wait for the first one's answer. A failed lookup is not
    /// remembered.
    pub async fn links<E, F, Fut>(
        &self,
        id: ParticipantId,
        lookup: F,
    ) -> Result<ParticipantLinks, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<ParticipantLinks, E>>,
    {
        let cell = self
            .0
            .links
            .lock()
            .ok()
            .map(|mut m| Arc::clone(m.entry(id).or_default()));
        match cell {
            Some(cell) => cell.get_or_try_init(lookup).await.cloned(),
            // A panic elsewhere poisoned the map: look up without the memo.
            None => lookup().await,
        }
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

    #[tokio::test]
    async fn a_memo_looks_the_session_up_once() {
        let memo = RequestMemo::default();
        let calls = std::sync::atomic::AtomicUsize::new(0);
        for _ in 0..3 {
            let got: Result<_, ()> = memo
                .session(|| async {
                    calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    Ok(None)
                })
                .await;
            assert!(matches!(got, Ok(None)));
        }
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn links_are_looked_up_once_per_participant() {
        let memo = RequestMemo::default();
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let lookup = |id: i64| {
            let calls = &calls;
            move || async move {
                calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Ok::<_, ()>(ParticipantLinks {
                    participant: ParticipantId(id),
                    mentor: None,
                    teachers: vec![],
                })
            }
        };
        let clone = memo.clone();
        let (a, b, c) = tokio::join!(
            memo.links(ParticipantId(7), lookup(7)),
            clone.links(ParticipantId(7), lookup(7)),
            memo.links(ParticipantId(8), lookup(8)),
        );
        assert_eq!(a, b);
        assert_eq!(c.map(|l| l.participant), Ok(ParticipantId(8)));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
    }
}
