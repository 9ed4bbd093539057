//! Pages never stall while a router is being built elsewhere in the process.
//!
//! Walking the routes (leptos `generate_route_list`) suppresses resource loading for the
//! whole process while it runs (leptos issue #4773), and a page whose resource first polls in
//! that window waits forever. The server walks them once per process; this test builds
//! routers on another thread while it renders pages, as the parallel tests do.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;

use crate::common::{build_router, seed, spawn_app, test_auth, Engine, COORDINATOR};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn building_a_router_while_pages_render_never_stalls_a_page() {
    let Some(app) = spawn_app(Engine::Sqlite).await else {
        return;
    };
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let stop = Arc::new(AtomicBool::new(false));
    // Stops the builder however the test ends (a runtime waits for its blocking tasks).
    let _stop_on_exit = StopOnDrop(Arc::clone(&stop));
    let builder = {
        let (db, clock, stop) = (app.db.clone(), app.clock.clone(), Arc::clone(&stop));
        tokio::task::spawn_blocking(move || {
            let mut built = 0_u32;
            while !stop.load(Ordering::Relaxed) {
                drop(build_router(&db, &clock, test_auth(false)));
                built += 1;
            }
            built
        })
    };
    for round in 0..60 {
        let page = tokio::time::timeout(
            Duration::from_secs(20),
            app.get(&format!("/participants/{}", s.p1.0), Some(&c)),
        )
        .await;
        let page = page.unwrap_or_else(|_| panic!("page {round} stalled while routers were built"));
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    stop.store(true, Ordering::Relaxed);
    let built = builder.await.expect("the builder thread");
    assert!(built > 0, "routers were built meanwhile");
    let url = app.url.clone();
    drop(app);
    crate::common::remove_database(&url).await;
}

/// Sets its flag when dropped, also when the test panics.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}
