//! `server`: serves the app (default) or runs an operation; see `server help`.

use std::process::ExitCode;

/// mimalloc rather than the system's allocator (issue 18): under load the pages' many small
/// allocations contended for glibc's arenas (a quarter of the server's time went to `malloc`
/// and `free` and their locks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    server::startup::init_tracing();
    let args: Vec<String> = std::env::args().skip(1).collect();
    server::cli::run(args).await
}
