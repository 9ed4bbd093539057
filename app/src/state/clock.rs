//! The programme's clock: the one place the application reads the date and the time of day.
//! Server functions read it and hand the values to the services, which never read a clock.

use chrono::{NaiveDate, NaiveDateTime};

/// The current local date and time of day.
pub fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Today's date.
pub fn today() -> NaiveDate {
    now().date()
}
