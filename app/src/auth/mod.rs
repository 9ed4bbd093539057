//! Signing in and out: staff with e-mail and password, participants with code and PIN.

pub mod api;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod guard;
pub mod islands;
#[cfg(feature = "ssr")]
pub mod memo;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod sign_in;
#[cfg(feature = "ssr")]
pub mod throttle;

use serde::{Deserialize, Serialize};

use crate::domain::role::Principal;

/// The signed-in person, as the interface needs to know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// Who, for authorisation decisions the interface mirrors (the server decides again).
    pub principal: Principal,
    /// Name to greet with.
    pub name: String,
    /// A password set by someone else: the frame sends to `/password` until it is changed.
    pub must_change_password: bool,
}

/// The signed-in person, loaded once per page load and shared through context.
pub type MeResource = leptos::prelude::Resource<Result<Option<Me>, crate::error::AppError>>;

/// The signed-in person's resource.
pub fn use_me() -> Option<MeResource> {
    leptos::prelude::use_context::<MeResource>()
}
