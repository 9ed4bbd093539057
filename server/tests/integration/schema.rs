//! The SQLite and PostgreSQL schemas stay alike: the same tables, the same columns, the same
//! nullability, after every migration of both folders.

use std::collections::BTreeSet;

use sqlx::Row;

use crate::common::{spawn_app, Engine, TestApp};

/// (table, column, nullable) of every application table.
type Shape = BTreeSet<(String, String, bool)>;

async fn sqlite_shape(app: &TestApp) -> Shape {
    let tables = sqlx::query(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&app.db.pool)
    .await
    .expect("tables");
    let mut shape = Shape::new();
    for t in tables {
        let table: String = t.try_get("name").expect("name");
        let columns = sqlx::query(&format!(
            "SELECT name, \"notnull\" AS nn, pk FROM pragma_table_info('{table}')"
        ))
        .fetch_all(&app.db.pool)
        .await
        .expect("columns");
        for c in columns {
            let name: String = c.try_get("name").expect("column name");
            let not_null: i64 = c.try_get("nn").expect("notnull");
            let pk: i64 = c.try_get("pk").expect("pk");
            // A PRIMARY KEY column is never NULL, whatever the pragma says.
            shape.insert((table.clone(), name, not_null == 0 && pk == 0));
        }
    }
    shape
}

async fn postgres_shape(app: &TestApp) -> Shape {
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, is_nullable::text AS n \
         FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&app.db.pool)
    .await
    .expect("columns");
    rows.into_iter()
        .map(|r| {
            let t: String = r.try_get("t").expect("table");
            let c: String = r.try_get("c").expect("column");
            let n: String = r.try_get("n").expect("nullable");
            (t, c, n == "YES")
        })
        .collect()
}

#[tokio::test]
async fn the_sqlite_and_postgresql_schemas_have_the_same_tables_columns_and_nullability() {
    let Some(sqlite) = spawn_app(Engine::Sqlite).await else {
        return;
    };
    let Some(postgres) = spawn_app(Engine::Postgres).await else {
        return;
    };
    let a = sqlite_shape(&sqlite).await;
    let b = postgres_shape(&postgres).await;
    assert!(!a.is_empty(), "no tables read from SQLite");
    let only_sqlite: Vec<_> = a.difference(&b).collect();
    let only_postgres: Vec<_> = b.difference(&a).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "(table, column, nullable) only on SQLite: {only_sqlite:#?}\nonly on PostgreSQL: {only_postgres:#?}"
    );
    let (a, b) = (sqlite.url.clone(), postgres.url.clone());
    drop((sqlite, postgres));
    crate::common::remove_database(&a).await;
    crate::common::remove_database(&b).await;
}
