//! The Content-Security-Policy of the app's answers: scripts only from this site or inline with
//! the response's own nonce (no `unsafe-inline` scripts), no framing, no plugins, forms that
//! post only here.

/// The directives every answer shares.
const COMMON: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The policy of a page rendered with `nonce`: its inline scripts (the islands' loader and
/// Leptos' resource scripts) carry the nonce; the wasm may be compiled (`wasm-unsafe-eval`).
pub fn page(nonce: &str) -> String {
    format!("{COMMON}; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'")
}

/// The policy of every other answer (files, server-function answers, redirects): no inline
/// script at all.
pub const FALLBACK: &str =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; \
     script-src 'self'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_allows_inline_scripts_only_with_its_nonce() {
        let p = page("abc123");
        assert!(p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(!p.contains("unsafe-inline'; script") && !p.contains("script-src 'unsafe-inline'"));
        assert!(p.contains("frame-ancestors 'none'") && p.contains("object-src 'none'"));
        assert!(FALLBACK.starts_with(COMMON) && FALLBACK.ends_with("script-src 'self'"));
    }
}
