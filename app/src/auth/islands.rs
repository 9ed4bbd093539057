//! The tablet's island: signing out after a period without activity.

use leptos::prelude::*;

/// Seconds without a touch or key press after which the shared tablet signs the participant
/// out and returns to the sign-in screen.
pub const TABLET_IDLE_SECONDS: u64 = 180;

/// On the shared tablet: signs out and returns to the sign-in screen after a period without
/// activity. An island (it needs the wasm); without it the server-side idle timeout still
/// ends the session.
#[island]
pub fn IdleSignOut() -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let form = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    {
        use std::time::Duration;
        let handle = StoredValue::new_local(None::<TimeoutHandle>);
        let arm = move || {
            if let Some(h) = handle.get_value() {
                h.clear();
            }
            let h = set_timeout_with_handle(
                move || {
                    if let Some(f) = form.get_untracked() {
                        let _ = f.submit();
                    }
                },
                Duration::from_secs(TABLET_IDLE_SECONDS),
            )
            .ok();
            handle.set_value(h);
        };
        Effect::new(move |_| arm());
        let touch = window_event_listener(leptos::ev::pointerdown, move |_| arm());
        let key = window_event_listener(leptos::ev::keydown, move |_| arm());
        on_cleanup(move || {
            touch.remove();
            key.remove();
            if let Some(h) = handle.get_value() {
                h.clear();
            }
        });
    }
    view! {
        <form node_ref=form method="post" action={<super::api::SignOut as ServerFn>::PATH} hidden data-test="idle-sign-out">
            <input type="hidden" name="to" value="/tablet" />
        </form>
    }
}
