//! The layering of the crate, checked on the source: features are siblings that never import
//! each other, and what they share lives below them and imports none of them.

use std::path::{Path, PathBuf};

/// The feature modules.
const FEATURES: [&str; 11] = [
    "register",
    "sfi",
    "elp",
    "hours",
    "ladder",
    "calendar",
    "audit",
    "privacy",
    "binder",
    "mentoring",
    "languages",
];
/// Above the features: may import them.
const ABOVE: [&str; 2] = ["app", "site"];
/// Below the features: must import neither them nor what is above.
const BELOW: [&str; 13] = [
    "import", "auth", "ui", "i18n", "charts", "db", "domain", "dto", "error", "state", "islands",
    "audio", "kept",
];

fn src() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

/// Every `.rs` file of a module (`name.rs` or the folder `name/`).
fn files_of(module: &str) -> Vec<PathBuf> {
    let mut out = vec![];
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let mut stack = vec![src().join(module)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The modules of `targets` that `file` names as `crate::<module>::`.
fn uses(file: &Path, targets: &[&str]) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    targets
        .iter()
        .filter(|t| {
            text.contains(&format!("crate::{t}::")) || text.contains(&format!("crate::{t};"))
        })
        .map(|t| format!("{} → {t}", file.display()))
        .collect()
}

#[test]
fn every_module_of_the_crate_has_a_layer() {
    for entry in std::fs::read_dir(src()).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        if name == "lib" || name == "architecture" || path.extension().is_some_and(|e| e == "js") {
            continue;
        }
        let known = FEATURES.contains(&name.as_str())
            || ABOVE.contains(&name.as_str())
            || BELOW.contains(&name.as_str());
        assert!(known, "{name}: add it to a layer in architecture.rs");
    }
}

#[test]
fn no_feature_imports_another_feature() {
    let mut found = vec![];
    for f in FEATURES {
        let others: Vec<&str> = FEATURES.iter().copied().filter(|o| *o != f).collect();
        let mut targets = others;
        targets.extend(ABOVE);
        for file in files_of(f) {
            found.extend(uses(&file, &targets));
        }
    }
    assert!(
        found.is_empty(),
        "features import siblings or what is above: {found:#?}"
    );
}

#[test]
fn what_the_features_share_imports_no_feature() {
    let mut found = vec![];
    let mut targets: Vec<&str> = FEATURES.to_vec();
    targets.extend(ABOVE);
    for m in BELOW {
        for file in files_of(m) {
            found.extend(uses(&file, &targets));
        }
    }
    assert!(
        found.is_empty(),
        "shared modules import features: {found:#?}"
    );
}

#[test]
fn the_pure_domain_imports_only_itself() {
    let mut found = vec![];
    let others: Vec<&str> = BELOW.iter().copied().filter(|m| *m != "domain").collect();
    for file in files_of("domain") {
        found.extend(uses(&file, &others));
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for framework in ["leptos", "sqlx", "axum"] {
            if text.contains(&format!("use {framework}"))
                || text.contains(&format!("{framework}::"))
            {
                found.push(format!("{} → {framework}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "the domain depends on: {found:#?}");
}

/// The top-level modules that `module` names.
fn dependencies(module: &str, all: &[&str]) -> Vec<String> {
    let others: Vec<&str> = all.iter().copied().filter(|m| *m != module).collect();
    let mut out: Vec<String> = files_of(module)
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            others
                .iter()
                .filter(|t| {
                    text.contains(&format!("crate::{t}::"))
                        || text.contains(&format!("crate::{t};"))
                })
                .map(|t| (*t).to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_import_cycles_between_modules() {
    let mut all: Vec<&str> = FEATURES.to_vec();
    all.extend(ABOVE);
    all.extend(BELOW);
    let graph: Vec<(&str, Vec<String>)> = all.iter().map(|m| (*m, dependencies(m, &all))).collect();
    // Depth-first search from every module; a module met again on the current path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a [(&'a str, Vec<String>)],
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(i) = path.iter().position(|p| *p == m) {
            cycles.push(format!("{} → {m}", path[i..].join(" → ")));
            return;
        }
        if done.contains(&m) {
            return;
        }
        path.push(m);
        if let Some((_, deps)) = graph.iter().find(|(n, _)| *n == m) {
            for d in deps {
                visit(d, graph, path, done, cycles);
            }
        }
        path.pop();
        done.push(m);
    }
    let mut cycles = vec![];
    let mut done = vec![];
    for (m, _) in &graph {
        visit(m, &graph, &mut vec![], &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}
