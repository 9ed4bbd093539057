//! `server`: serves the app (default) or runs an operation; see `server help`.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    server::startup::init_tracing();
    let args: Vec<String> = std::env::args().skip(1).collect();
    server::cli::run(args).await
}
