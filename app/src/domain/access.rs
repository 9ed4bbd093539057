//! Authorisation rules: who may do what with which participant. Pure, so the rules are
//! tested here as a table; the server applies them in every server function.

use super::ids::{ParticipantId, UserId};
use super::role::{Principal, Role};

/// The facts about one participant that decide who may see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantLinks {
    /// The participant.
    pub participant: ParticipantId,
    /// Their mentor, if any.
    pub mentor: Option<UserId>,
    /// Teachers of the groups they are in.
    pub teachers: Vec<UserId>,
}

/// What someone wants to do with one participant's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantAction {
    /// Read the record (and later results, assessments, hours).
    View,
    /// Change the register fields.
    Edit,
    /// Set the participant's tablet PIN.
    SetPin,
    /// See the change history of the record (staff only).
    ViewHistory,
    /// Read the SFI results (and their history, for staff).
    ViewResults,
    /// Enter or correct an SFI result (coordinators, the participant's SFI teachers).
    RecordResult,
    /// Delete an SFI result (coordinators only; recorded in the history).
    DeleteResult,
    /// Read the weekly hours: plan, recorded time, absences, the weeks against the minimum.
    ViewHours,
    /// Record (or remove) taught time: coordinators and the participant's teachers.
    RecordTeaching,
    /// Record (or remove) self-study: coordinators, the mentor and the participant.
    RecordSelfStudy,
    /// Set a new weekly plan: coordinators and the mentor.
    ManagePlan,
    /// Record (or remove) absences: coordinators and the mentor.
    ManageAbsence,
    /// Record, correct or remove the exit talk's outcome: coordinators and the mentor.
    RecordOutcome,
    /// Record a step reached on the work or matching ladder: coordinators and the mentor.
    RecordStep,
    /// Schedule and record development talks and checkpoint decisions: coordinators and the
    /// mentor.
    RecordTalk,
    /// Record or correct the placement agreement: coordinators and the mentor.
    RecordPlacement,
}

impl ParticipantAction {
    /// Every action.
    pub const ALL: [ParticipantAction; 16] = [
        ParticipantAction::View,
        ParticipantAction::Edit,
        ParticipantAction::SetPin,
        ParticipantAction::ViewHistory,
        ParticipantAction::ViewResults,
        ParticipantAction::RecordResult,
        ParticipantAction::DeleteResult,
        ParticipantAction::ViewHours,
        ParticipantAction::RecordTeaching,
        ParticipantAction::RecordSelfStudy,
        ParticipantAction::ManagePlan,
        ParticipantAction::ManageAbsence,
        ParticipantAction::RecordOutcome,
        ParticipantAction::RecordStep,
        ParticipantAction::RecordTalk,
        ParticipantAction::RecordPlacement,
    ];

    /// Recording (or removing) time of `kind`.
    pub fn record(kind: crate::domain::weeks::TimeKind) -> Self {
        match kind {
            crate::domain::weeks::TimeKind::Teaching => ParticipantAction::RecordTeaching,
            crate::domain::weeks::TimeKind::SelfStudy => ParticipantAction::RecordSelfStudy,
        }
    }
}

/// Actions on the register as a whole, not tied to one participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterAction {
    /// List participants (each role sees its own subset).
    ListParticipants,
    /// Create participants, import and export files.
    ManageParticipants,
    /// Create schools and districts.
    ManageSchools,
    /// Create staff accounts.
    ManageStaff,
    /// Create groups and set their members.
    ManageGroups,
    /// See the programme's calendar (closed days).
    ViewCalendar,
    /// Enter, import and remove closed days of the calendar.
    ManageCalendar,
    /// Read the access log (who read what, sign-ins, refusals): coordinators only.
    ReadAccessLog,
    /// Hand a participant all their data, erase a participant, see who is due for erasure:
    /// coordinators only.
    ManagePersonalData,
    /// See the programme's indicators across schools and districts: coordinators only.
    ViewIndicators,
    /// Rename the steps of the work and matching ladders and add steps: coordinators only.
    ManageSteps,
    /// See the participant's languages and upload recorded clips: coordinators only.
    ManageLanguages,
}

/// Whether `who` may do `action` to the participant described by `links`.
pub fn may_act_on(who: &Principal, action: ParticipantAction, links: &ParticipantLinks) -> bool {
    match *who {
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => true,
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => {
            let own = links.mentor == Some(user);
            own && matches!(
                action,
                ParticipantAction::View
                    | ParticipantAction::SetPin
                    | ParticipantAction::ViewHistory
                    | ParticipantAction::ViewResults
                    | ParticipantAction::ViewHours
                    | ParticipantAction::RecordSelfStudy
                    | ParticipantAction::ManagePlan
                    | ParticipantAction::ManageAbsence
                    | ParticipantAction::RecordOutcome
                    | ParticipantAction::RecordStep
                    | ParticipantAction::RecordTalk
                    | ParticipantAction::RecordPlacement
            )
        }
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => {
            links.teachers.contains(&user)
                && matches!(
                    action,
                    ParticipantAction::View
                        | ParticipantAction::ViewHistory
                        | ParticipantAction::ViewResults
                        | ParticipantAction::RecordResult
                        | ParticipantAction::ViewHours
                        | ParticipantAction::RecordTeaching
                )
        }
        Principal::Participant(me) => {
            me == links.participant
                && matches!(
                    action,
                    ParticipantAction::View
                        | ParticipantAction::ViewResults
                        | ParticipantAction::ViewHours
                        | ParticipantAction::RecordSelfStudy
                )
        }
    }
}

/// Whether `who` may do a register-wide `action`.
pub fn may(who: &Principal, action: RegisterAction) -> bool {
    match who.role() {
        Some(Role::Coordinator) => true,
        Some(Role::Mentor | Role::Teacher) => matches!(
            action,
            RegisterAction::ListParticipants | RegisterAction::ViewCalendar
        ),
        None => false,
    }
}

/// Whether `who` may work with a teaching group whose teacher is `teacher`: a coordinator, or
/// the group's own teacher (take its register, enter its test results).
pub fn may_manage_group(who: &Principal, teacher: crate::domain::ids::UserId) -> bool {
    who.is_coordinator() || matches!(who, Principal::Staff { user, .. } if *user == teacher)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MENTOR: UserId = UserId(10);
    const OTHER_MENTOR: UserId = UserId(11);
    const TEACHER: UserId = UserId(20);
    const OTHER_TEACHER: UserId = UserId(21);
    const ME: ParticipantId = ParticipantId(100);
    const SOMEONE: ParticipantId = ParticipantId(101);

    fn links(p: ParticipantId) -> ParticipantLinks {
        ParticipantLinks {
            participant: p,
            mentor: Some(MENTOR),
            teachers: vec![TEACHER],
        }
    }

    fn staff(user: UserId, role: Role) -> Principal {
        Principal::Staff { user, role }
    }

    #[test]
    fn the_rules_as_a_table() {
        use ParticipantAction::*;
        let coordinator = staff(UserId(1), Role::Coordinator);
        let mentor = staff(MENTOR, Role::Mentor);
        let other_mentor = staff(OTHER_MENTOR, Role::Mentor);
        let teacher = staff(TEACHER, Role::Teacher);
        let other_teacher = staff(OTHER_TEACHER, Role::Teacher);
        let me = Principal::Participant(ME);
        let target = links(ME);
        // (who, action, allowed)
        let table = [
            (coordinator, View, true),
            (coordinator, Edit, true),
            (coordinator, SetPin, true),
            (coordinator, ViewHistory, true),
            (mentor, View, true),
            (mentor, Edit, false),
            (mentor, SetPin, true),
            (mentor, ViewHistory, true),
            (other_mentor, View, false),
            (other_mentor, SetPin, false),
            (teacher, View, true),
            (teacher, Edit, false),
            (teacher, SetPin, false),
            (other_teacher, View, false),
            (me, View, true),
            (me, Edit, false),
            (me, SetPin, false),
            (me, ViewHistory, false),
            (coordinator, ViewResults, true),
            (coordinator, RecordResult, true),
            (coordinator, DeleteResult, true),
            (mentor, ViewResults, true),
            (mentor, RecordResult, false),
            (mentor, DeleteResult, false),
            (other_mentor, ViewResults, false),
            (teacher, ViewResults, true),
            (teacher, RecordResult, true),
            (teacher, DeleteResult, false),
            (other_teacher, ViewResults, false),
            (other_teacher, RecordResult, false),
            (me, ViewResults, true),
            (me, RecordResult, false),
            (me, DeleteResult, false),
            (coordinator, ViewHours, true),
            (coordinator, RecordTeaching, true),
            (coordinator, RecordSelfStudy, true),
            (coordinator, ManagePlan, true),
            (coordinator, ManageAbsence, true),
            (mentor, ViewHours, true),
            (mentor, RecordTeaching, false),
            (mentor, RecordSelfStudy, true),
            (mentor, ManagePlan, true),
            (mentor, ManageAbsence, true),
            (other_mentor, ViewHours, false),
            (other_mentor, RecordSelfStudy, false),
            (other_mentor, ManagePlan, false),
            (teacher, ViewHours, true),
            (teacher, RecordTeaching, true),
            (teacher, RecordSelfStudy, false),
            (teacher, ManagePlan, false),
            (teacher, ManageAbsence, false),
            (other_teacher, ViewHours, false),
            (other_teacher, RecordTeaching, false),
            (me, ViewHours, true),
            (me, RecordTeaching, false),
            (me, RecordSelfStudy, true),
            (me, ManagePlan, false),
            (me, ManageAbsence, false),
        ];
        for (who, action, allowed) in table {
            assert_eq!(
                may_act_on(&who, action, &target),
                allowed,
                "{who:?} {action:?}"
            );
        }
    }

    #[test]
    fn a_participant_never_sees_someone_else() {
        let me = Principal::Participant(ME);
        assert!(!may_act_on(&me, ParticipantAction::View, &links(SOMEONE)));
    }

    #[test]
    fn a_participant_without_mentor_is_seen_by_no_mentor() {
        let mut l = links(ME);
        l.mentor = None;
        assert!(!may_act_on(
            &staff(MENTOR, Role::Mentor),
            ParticipantAction::View,
            &l
        ));
    }

    #[test]
    fn only_coordinators_manage_the_register() {
        let all = [
            RegisterAction::ManageParticipants,
            RegisterAction::ManageSchools,
            RegisterAction::ManageStaff,
            RegisterAction::ManageGroups,
            RegisterAction::ManageCalendar,
            RegisterAction::ReadAccessLog,
        ];
        for action in all {
            assert!(may(&staff(UserId(1), Role::Coordinator), action));
            assert!(!may(&staff(MENTOR, Role::Mentor), action));
            assert!(!may(&staff(TEACHER, Role::Teacher), action));
            assert!(!may(&Principal::Participant(ME), action));
        }
        assert!(may(
            &staff(MENTOR, Role::Mentor),
            RegisterAction::ListParticipants
        ));
        assert!(!may(
            &Principal::Participant(ME),
            RegisterAction::ListParticipants
        ));
    }

    #[test]
    fn all_staff_see_the_calendar_and_only_coordinators_change_it() {
        for role in Role::ALL {
            assert!(may(&staff(UserId(1), role), RegisterAction::ViewCalendar));
            assert_eq!(
                may(&staff(UserId(1), role), RegisterAction::ManageCalendar),
                role == Role::Coordinator
            );
        }
        assert!(!may(
            &Principal::Participant(ME),
            RegisterAction::ViewCalendar
        ));
    }

    #[test]
    fn a_group_is_managed_by_a_coordinator_or_its_own_teacher_only() {
        use crate::domain::ids::UserId;
        use crate::domain::role::Role;
        let teacher = UserId(7);
        let staff = |role, id| Principal::Staff {
            user: UserId(id),
            role,
        };
        assert!(may_manage_group(&staff(Role::Coordinator, 1), teacher));
        assert!(may_manage_group(&staff(Role::Teacher, 7), teacher));
        assert!(!may_manage_group(&staff(Role::Teacher, 8), teacher));
        assert!(!may_manage_group(&staff(Role::Mentor, 9), teacher));
    }
}
