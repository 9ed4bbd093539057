//! What the staff's start pages computed, kept per server for as long as the data it was
//! computed from stays the same (issue 18); [`crate::kept`] decides when. A view is keyed by who asked, its variant (language,
//! order), the day, the translators' corrections in this process and the fingerprint of the
//! data's change versions ([`crate::db::versions`]): a write on any server moves the
//! fingerprint on, so no server shows what another server's write has changed.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

/// The most views kept (each a mentor's start-page part in one language and order); the
/// least recently used goes first.
pub const MAX_VIEWS: usize = 200;

/// Where a view is valid: for one day, one generation of corrections, one fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    /// The day it was computed for.
    pub today: NaiveDate,
    /// The translators' corrections' generation in this process.
    pub corrections: u64,
    /// The fingerprint of the data's change versions.
    pub fingerprint: u64,
}

/// A view's name, its user and its variant.
pub type ViewKey = (&'static str, i64, String);

struct Slot {
    valid: Validity,
    value: Arc<dyn Any + Send + Sync>,
    used: u64,
}

/// The kept views: one slot per view, user and variant (a newer fingerprint replaces the slot).
#[derive(Default)]
pub struct ViewCache {
    slots: Mutex<(u64, HashMap<ViewKey, Slot>)>,
}

impl std::fmt::Debug for ViewCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.slots.lock().map(|s| s.1.len()).unwrap_or(0);
        f.debug_struct("ViewCache").field("views", &n).finish()
    }
}

impl ViewCache {
    /// View `key` if kept for `valid`.
    pub fn get<T: Clone + 'static>(&self, key: &ViewKey, valid: Validity) -> Option<T> {
        let mut guard = self.slots.lock().ok()?;
        let (clock, slots) = &mut *guard;
        *clock += 1;
        let slot = slots.get_mut(key).filter(|s| s.valid == valid)?;
        slot.used = *clock;
        slot.value.downcast_ref::<T>().cloned()
    }

    /// View `key` as last kept, whatever it was kept for, with what that was.
    pub fn latest<T: Clone + 'static>(&self, key: &ViewKey) -> Option<(Validity, T)> {
        let mut guard = self.slots.lock().ok()?;
        let (clock, slots) = &mut *guard;
        *clock += 1;
        let slot = slots.get_mut(key)?;
        slot.used = *clock;
        Some((slot.valid, slot.value.downcast_ref::<T>().cloned()?))
    }

    /// Keeps `value` as view `key` for `valid`, replacing what the key held.
    pub fn put<T: Send + Sync + 'static>(&self, key: ViewKey, valid: Validity, value: T) {
        let Ok(mut guard) = self.slots.lock() else {
            return;
        };
        let (clock, slots) = &mut *guard;
        *clock += 1;
        if slots.len() >= MAX_VIEWS && !slots.contains_key(&key) {
            if let Some(oldest) = slots
                .iter()
                .min_by_key(|(_, s)| s.used)
                .map(|(k, _)| k.clone())
            {
                slots.remove(&oldest);
            }
        }
        slots.insert(
            key,
            Slot {
                valid,
                value: Arc::new(value),
                used: *clock,
            },
        );
    }

    /// How many views are kept.
    pub fn len(&self) -> usize {
        self.slots.lock().map(|s| s.1.len()).unwrap_or(0)
    }

    /// Whether no view is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Whether a page being rendered showed an error: the server keeps no page that did (the error
/// may be passing). In the request's extensions when the server may keep the page.
#[derive(Debug, Clone, Default)]
pub struct ShownErrors(Arc<std::sync::atomic::AtomicBool>);

impl ShownErrors {
    /// Notes that the request being rendered shows an error (if anyone is asking).
    pub fn note() {
        if let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() {
            if let Some(shown) = parts.extensions.get::<Self>() {
                shown.0.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }

    /// Whether an error was shown.
    pub fn any(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(fingerprint: u64) -> Validity {
        Validity {
            today: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
            corrections: 0,
            fingerprint,
        }
    }

    #[test]
    fn a_view_is_kept_only_for_the_fingerprint_it_was_computed_for() {
        let cache = ViewCache::default();
        let key = ("dashboard", 7, "sv".to_owned());
        cache.put(key.clone(), valid(1), "old".to_owned());
        assert_eq!(cache.get::<String>(&key, valid(1)).as_deref(), Some("old"));
        assert_eq!(cache.get::<String>(&key, valid(2)), None);
        cache.put(key.clone(), valid(2), "new".to_owned());
        assert_eq!(cache.get::<String>(&key, valid(2)).as_deref(), Some("new"));
        assert_eq!(
            cache.get::<String>(&key, valid(1)),
            None,
            "the newer one replaced it"
        );
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn views_of_other_users_and_variants_are_apart() {
        let cache = ViewCache::default();
        cache.put(("dashboard", 7, "sv".to_owned()), valid(1), 1u32);
        assert_eq!(
            cache.get::<u32>(&("dashboard", 8, "sv".to_owned()), valid(1)),
            None
        );
        assert_eq!(
            cache.get::<u32>(&("dashboard", 7, "en".to_owned()), valid(1)),
            None
        );
        assert_eq!(
            cache.get::<u32>(&("short", 7, "sv".to_owned()), valid(1)),
            None
        );
    }

    #[test]
    fn the_least_recently_used_view_goes_when_full() {
        let cache = ViewCache::default();
        for user in 0..MAX_VIEWS as i64 {
            cache.put(("dashboard", user, String::new()), valid(1), user);
        }
        // User 0 is read again, so user 1 is now the least recently used.
        assert_eq!(
            cache.get::<i64>(&("dashboard", 0, String::new()), valid(1)),
            Some(0)
        );
        cache.put(("dashboard", -1, String::new()), valid(1), -1i64);
        assert_eq!(cache.len(), MAX_VIEWS);
        assert_eq!(
            cache.get::<i64>(&("dashboard", 1, String::new()), valid(1)),
            None
        );
        assert_eq!(
            cache.get::<i64>(&("dashboard", 0, String::new()), valid(1)),
            Some(0)
        );
    }
}
