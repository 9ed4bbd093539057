//! Data carried between server and browser: the shapes of lists and pages.
//! Built by the database layer, shown by the pages.

mod binder;
mod hours;
mod privacy;
mod register;
mod results;

pub use binder::*;
pub use hours::*;
pub use privacy::*;
pub use register::*;
pub use results::*;
