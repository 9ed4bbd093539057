//! What a plain form post left for the page it returns to.
//!
//! Pages are rendered on the server and their forms post to server functions without
//! JavaScript. The server function then redirects back (leptos does this for a form post) and
//! the page is rendered again. Leptos carries a refusal in the URL (`__err`); the server's form
//! middleware (`server/src/forms.rs`) adds a `__flash` key under which it kept, for a short
//! while and for the same browser session only, what the URL must not carry:
//! - after a refusal, the **values typed** (never passwords or PINs), so the form comes back
//!   as the person left it;
//! - after a success, the server function's **result**, so the page can say what was stored.

use serde::de::DeserializeOwned;

#[cfg(feature = "ssr")]
pub use crate::state::flash::FLASH_PARAM;

/// The values typed into a refused form, as posted (name → value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    values: Vec<(String, String)>,
}

impl Typed {
    /// Values from form pairs.
    pub fn new(values: Vec<(String, String)>) -> Self {
        Self { values }
    }

    /// Whether nothing was kept (no refused post of this form).
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The value typed into field `name`, if the refused post had that field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value typed into `name`, else `default` (what the form shows when first opened).
    pub fn or(&self, name: &str, default: impl Into<String>) -> String {
        self.get(name)
            .map(str::to_owned)
            .unwrap_or_else(|| default.into())
    }

    /// Whether the refused post had `name` ticked (a checkbox is posted only when ticked).
    pub fn ticked(&self, name: &str, default: bool) -> bool {
        if self.is_empty() {
            default
        } else {
            self.get(name).is_some()
        }
    }

    /// These values, but only if the refused form had `name` = `value` (one of several forms
    /// of the same kind on a page, told apart by a hidden field).
    pub fn only_if(self, name: &str, value: &str) -> Self {
        if self.get(name) == Some(value) {
            self
        } else {
            Self::default()
        }
    }
}

/// Names of fields never kept: secrets stay out of memory beyond the request.
pub fn is_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("password")
        || n.contains("pin")
        || n.contains("secret")
        || n.contains("token")
        || n.contains("csrf")
}

/// The values typed into the last refused post to the server function at `path` on this page.
pub fn typed(path: &str) -> Typed {
    #[cfg(feature = "ssr")]
    {
        crate::state::flash::current()
            .filter(|f| f.path == path && f.refused)
            .map(|f| Typed::new(f.values.clone()))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = path;
        Typed::default()
    }
}

/// The result of the last successful post to the server function at `path` on this page.
pub fn outcome<T: DeserializeOwned>(path: &str) -> Option<T> {
    #[cfg(feature = "ssr")]
    {
        crate::state::flash::current()
            .filter(|f| f.path == path && !f.refused)
            .and_then(|f| serde_json::from_slice(f.output.as_deref()?).ok())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_fall_back_to_the_default() {
        let t = Typed::new(vec![("name".into(), "Åsa".into())]);
        assert_eq!(t.or("name", "x"), "Åsa");
        assert_eq!(t.or("other", "x"), "x");
        assert!(Typed::default().ticked("a", true));
        assert!(!t.ticked("a", true));
    }

    #[test]
    fn typed_values_of_another_form_of_the_same_kind_are_not_used() {
        let t = Typed::new(vec![("id".into(), "7".into()), ("g".into(), "A".into())]);
        assert!(t.clone().only_if("id", "8").is_empty());
        assert_eq!(t.only_if("id", "7").get("g"), Some("A"));
    }

    #[test]
    fn secrets_are_never_kept() {
        for name in ["password", "new_password", "pin", "PIN", "session_token"] {
            assert!(is_secret(name), "{name}");
        }
        for name in ["given_name", "grade", "rows[0][grade]"] {
            assert!(!is_secret(name), "{name}");
        }
    }
}
