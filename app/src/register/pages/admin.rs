//! Schools, staff and groups (coordinators; teachers see their own groups).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::ids::GroupId;
use crate::domain::role::Role;
use crate::register::api::{
    get_group, get_register_options, list_groups, list_staff, AddGroupMember, CreateGroup,
    CreateSchool, CreateStaff, RemoveGroupMember, ResetStaffPassword, SetStaffStanding,
};
use crate::ui::components::failed;
use crate::ui::components::{form_result, problem_of, ErrorNotice, Field, Loading, SelectField};
use crate::ui::{t, t_args};

fn role_label(r: Role) -> String {
    t(&format!("role-{}", r.as_str()))
}

/// `/schools`: schools by district, and a form to add one.
#[component]
pub fn SchoolsPage() -> impl IntoView {
    let action = ServerAction::<CreateSchool>::new();
    let data = Resource::new(|| (), |_| get_register_options());
    let result = form_result(action);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    view! {
        <Title text=t("nav-schools") />
        <h1>{t("nav-schools")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let opts = match data.await { Ok(o) => o, Err(e) => return failed(e) };
                let rows = opts.schools.into_iter().map(|s| view! {
                    <tr><td>{s.name}</td><td>{s.district}</td><td>{s.participants}</td></tr>
                }).collect_view();
                view! {
                    <table class="list" data-test="schools">
                        <thead><tr>
                            <th scope="col">{t("field-school")}</th>
                            <th scope="col">{t("field-district")}</th>
                            <th scope="col">{t("nav-participants")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            })}
        </Suspense>
        <section class="card" aria-labelledby="new-school-h">
            <h2 id="new-school-h">{t("school-new")}</h2>
            {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
            <ActionForm action=action attr:class="stack">
                <crate::ui::components::CsrfField />
                <Field name="name" label="field-school" required=true problem=p("name") />
                <Field name="district" label="field-district" required=true problem=p("district") />
                <button type="submit" class="button-primary">{t("save")}</button>
            </ActionForm>
        </section>
    }
}

/// The two small forms of a staff row: change the role, and deactivate or reactivate.
fn standing_forms(
    standing: ServerAction<SetStaffStanding>,
    reset: ServerAction<ResetStaffPassword>,
    u: &crate::dto::StaffUser,
    roles: &[(String, String)],
) -> impl IntoView {
    let id = u.id.to_string();
    let role = u.role.as_str().to_owned();
    let active = u.active;
    let toggle = if active {
        t("staff-deactivate")
    } else {
        t("staff-reactivate")
    };
    let select_id = format!("role-{id}");
    let options = roles
        .iter()
        .map(|(v, text)| {
            let sel = *v == role;
            view! { <option value=v.clone() selected=sel>{text.clone()}</option> }
        })
        .collect_view();
    let (id2, role2, id3) = (id.clone(), role.clone(), id.clone());
    let reset_label = t_args(
        "staff-reset-password-for",
        &[("name", u.display_name.clone())],
    );
    view! {
        <ActionForm action=standing attr:class="inline-form">
            <crate::ui::components::CsrfField />
            <input type="hidden" name="user" value=id />
            <input type="hidden" name="active" value=active.to_string() />
            <label for=select_id.clone() class="visually-hidden">{t("field-role")}</label>
            <select id=select_id name="role">{options}</select>
            <button type="submit" class="button-secondary small">{t("staff-change-role")}</button>
        </ActionForm>
        <ActionForm action=standing attr:class="inline-form">
            <crate::ui::components::CsrfField />
            <input type="hidden" name="user" value=id2 />
            <input type="hidden" name="active" value=(!active).to_string() />
            <input type="hidden" name="role" value=role2 />
            <button type="submit" class="button-secondary small">{toggle}</button>
        </ActionForm>
        <ActionForm action=reset attr:class="inline-form">
            <crate::ui::components::CsrfField />
            <input type="hidden" name="user" value=id3 />
            <button type="submit" class="button-secondary small" aria-label=reset_label data-test="reset-password">{t("staff-reset-password")}</button>
        </ActionForm>
    }
}

/// `/staff`: staff accounts and a form to add one.
#[component]
pub fn StaffPage() -> impl IntoView {
    let action = ServerAction::<CreateStaff>::new();
    let standing = ServerAction::<SetStaffStanding>::new();
    let standing_result = form_result(standing);
    let reset = ServerAction::<ResetStaffPassword>::new();
    let reset_result = form_result(reset);
    let data = Resource::new(|| (), |_| list_staff());
    let me = crate::auth::use_me();
    let result = form_result(action);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let roles = Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), role_label(*r)))
        .collect::<Vec<_>>();
    view! {
        <Title text=t("nav-staff") />
        <h1>{t("nav-staff")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let staff = match data.await { Ok(s) => s, Err(e) => return failed(e) };
                let myself = match me {
                    Some(r) => r.await.ok().flatten().and_then(|m| match m.principal {
                        crate::domain::role::Principal::Staff { user, .. } => Some(user),
                        crate::domain::role::Principal::Participant(_) => None,
                    }),
                    None => None,
                };
                let roles = Role::ALL
                    .iter()
                    .map(|r| (r.as_str().to_owned(), role_label(*r)))
                    .collect::<Vec<_>>();
                let rows = staff.into_iter().map(|u| {
                    let mut status = if u.active { t("staff-active") } else { t("staff-inactive") };
                    if u.must_change_password {
                        status = format!("{status}; {}", t("staff-must-change-password"));
                    }
                    let forms = (Some(u.id) != myself)
                        .then(|| standing_forms(standing, reset, &u, &roles));
                    let row_test = format!("staff-{}", u.email);
                    let log_href = format!("/access-log?staff={}", u.id);
                    view! {
                        <tr data-test=row_test>
                            <td>{u.display_name}</td><td>{u.email}</td><td>{role_label(u.role)}</td>
                            <td>{status}</td>
                            <td><a href=log_href data-test="staff-access-log">{t("access-log-link")}</a>{forms}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    {move || standing_result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
                    {move || reset_result.get().map(|r| match r {
                        Ok(otp) => view! {
                            <div class="notice notice-ok" role="status" data-test="one-time-password">
                                <p>{t_args("staff-one-time-password", &[("email", otp.email)])}</p>
                                <p class="otp"><code>{otp.password}</code></p>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    })}
                    <table class="list" data-test="staff">
                        <thead><tr>
                            <th scope="col">{t("field-display_name")}</th>
                            <th scope="col">{t("field-email")}</th>
                            <th scope="col">{t("field-role")}</th>
                            <th scope="col">{t("staff-standing")}</th>
                            <th scope="col"><span class="visually-hidden">{t("staff-actions")}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            })}
        </Suspense>
        <section class="card" aria-labelledby="new-staff-h">
            <h2 id="new-staff-h">{t("staff-new")}</h2>
            {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
            <ActionForm action=action attr:class="stack">
                <crate::ui::components::CsrfField />
                <Field name="display_name" label="field-display_name" required=true problem=p("display_name") />
                <Field name="email" label="field-email" kind="email" required=true problem=p("email") />
                <SelectField name="role" label="field-role" options=roles.clone() problem=p("role") />
                <Field name="password" label="field-first-password" kind="password" autocomplete="new-password" required=true hint="hint-password" problem=p("password") />
                <button type="submit" class="button-primary">{t("save")}</button>
            </ActionForm>
        </section>
    }
}

/// `/groups`: teaching groups; coordinators can add one.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let action = ServerAction::<CreateGroup>::new();
    let data = Resource::new(|| (), |_| list_groups());
    let teachers = Resource::new(|| (), |_| get_register_options());
    let result = form_result(action);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    view! {
        <Title text=t("nav-groups") />
        <h1>{t("nav-groups")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let groups = match data.await { Ok(g) => g, Err(e) => return failed(e) };
                let items = groups.into_iter().map(|g| {
                    let href = format!("/groups/{}", g.id);
                    let count = t_args("group-members-count", &[("count", g.members.to_string())]);
                    view! { <tr><td><A href=href>{g.name}</A></td><td>{g.teacher_name}</td><td>{count}</td></tr> }
                }).collect_view();
                let form = match teachers.await {
                    Ok(o) => {
                        let options = o.teachers.iter().map(|u| (u.id.to_string(), u.display_name.clone())).collect::<Vec<_>>();
                        Some(view! {
                            <section class="card" aria-labelledby="new-group-h">
                                <h2 id="new-group-h">{t("group-new")}</h2>
                                {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
                                <ActionForm action=action attr:class="stack">
                                    <crate::ui::components::CsrfField />
                                    <Field name="name" label="field-group" required=true problem=p("name") />
                                    <SelectField name="teacher" label="field-teacher" options=options problem=p("teacher") />
                                    <button type="submit" class="button-primary">{t("save")}</button>
                                </ActionForm>
                            </section>
                        })
                    }
                    Err(_) => None,
                };
                view! {
                    <table class="list" data-test="groups">
                        <thead><tr>
                            <th scope="col">{t("field-group")}</th>
                            <th scope="col">{t("field-teacher")}</th>
                            <th scope="col">{t("nav-participants")}</th>
                        </tr></thead>
                        <tbody>{items}</tbody>
                    </table>
                    {form}
                }.into_any()
            })}
        </Suspense>
    }
}

/// `/groups/:id`: members of a group; coordinators add and remove them.
#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse().ok())
            .map(GroupId)
    });
    let add = ServerAction::<AddGroupMember>::new();
    let remove = ServerAction::<RemoveGroupMember>::new();
    let me = crate::auth::use_me();
    let data = Resource::new(
        move || id.get(),
        |id| async move { get_group(id.ok_or(crate::error::AppError::NotFound)?).await },
    );
    let result = form_result(add);
    let p = Signal::derive(move || problem_of(&result.get(), "participant_ref"));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let (group, members) = match data.await { Ok(d) => d, Err(e) => return failed(e) };
                let coordinator = match me { Some(r) => r.await.ok().flatten().is_some_and(|m| m.principal.is_coordinator()), None => false };
                let gid = group.id.to_string();
                let rows = members.into_iter().map(|m| {
                    let href = format!("/participants/{}", m.id);
                    let gid = gid.clone();
                    let label = t_args("group-remove-member", &[("name", m.name.clone())]);
                    view! {
                        <tr>
                            <td><A href=href>{m.name}</A></td>
                            <td>{m.participant_ref}</td>
                            <td>{coordinator.then(|| view! {
                                <ActionForm action=remove attr:class="inline">
                                    <crate::ui::components::CsrfField />
                                    <input type="hidden" name="group" value=gid />
                                    <input type="hidden" name="participant" value=m.id.to_string() />
                                    <button type="submit" class="button-secondary" aria-label=label>{t("remove")}</button>
                                </ActionForm>
                            })}</td>
                        </tr>
                    }
                }).collect_view();
                let gid2 = group.id.to_string();
                view! {
                    <Title text=group.name.clone() />
                    <h1>{group.name.clone()}</h1>
                    <p>{t("field-teacher")}": "{group.teacher_name.clone()}</p>
                    <p><A href=format!("/groups/{}/results", group.id) attr:class="button-primary" attr:data-test="sfi-grid-link">{t("sfi-grid")}</A>" "<A href=format!("/groups/{}/register", group.id) attr:class="button-primary" attr:data-test="register-link">{t("register-title")}</A></p>
                    <table class="list" data-test="members">
                        <thead><tr>
                            <th scope="col">{t("field-name")}</th>
                            <th scope="col">{t("field-participant_ref")}</th>
                            <th scope="col"><span class="visually-hidden">{t("actions")}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {coordinator.then(|| view! {
                        <section class="card" aria-labelledby="add-member-h">
                            <h2 id="add-member-h">{t("group-add-member")}</h2>
                            <ActionForm action=add attr:class="stack">
                                <crate::ui::components::CsrfField />
                                <input type="hidden" name="group" value=gid2 />
                                <Field name="participant_ref" label="field-participant_ref" required=true problem=p />
                                <button type="submit" class="button-primary">{t("add")}</button>
                            </ActionForm>
                        </section>
                    })}
                }.into_any()
            })}
        </Suspense>
    }
}
