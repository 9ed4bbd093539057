//! Helpers shared by the tests of the SFI modules.

use proptest::prelude::*;

use super::{Grade, GradeScale, SfiCourse};

pub(super) fn g(scale: GradeScale, s: &str) -> Grade {
    Grade::parse(scale, s).unwrap()
}

pub(super) fn any_course() -> impl Strategy<Value = SfiCourse> {
    prop::sample::select(SfiCourse::ALL.to_vec())
}
