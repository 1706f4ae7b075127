//! The city's view over git (issue 14): each district's plan files and
//! ledger live in a git repository on the district's host, which alone
//! writes them ([`home`]); `publish` commits and pushes the rows appended
//! since the last publish ([`publish`]); other hosts hold read-only
//! clones. git does the replicating ([`git`] only calls it). See
//! docs/city.md.
//!
//! Below `cli` and `ui`; uses `ledger` only through files (the ledger's
//! bytes are committed as they are).

pub mod git;
pub mod home;
pub mod merge;
pub mod publish;
pub mod rollup;
pub mod workspace;

pub use git::{Git, GitError};
pub use home::{DISTRICT_FILE, HOME_KEY, Home, home_of};
pub use publish::{PublishError, Published, publish};
pub use workspace::{District, Outcome, Pulled, districts, pull};
