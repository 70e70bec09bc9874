//! The pages a resident opens, one file each. Every page waits for its data
//! on the server (the routes are `SsrMode::Async`), so it is complete
//! without JavaScript; the only interactive part is an island.

mod area;
mod compare;
mod data;
mod district;
mod equality;
mod goal;
mod home;
mod indicator;
mod methodology;
mod not_found;
mod progress;
mod recommendations;
mod report;
mod search;

pub use area::{PolicyPage, RightsPage};
pub use compare::ComparePage;
pub use data::DataPage;
pub use district::DistrictPage;
pub use equality::EqualityPage;
pub use goal::GoalPage;
pub use home::HomePage;
pub use indicator::IndicatorPage;
pub use methodology::MethodologyPage;
pub use not_found::NotFound;
pub use progress::ProgressPage;
pub use recommendations::RecommendationsPage;
pub use report::{Actions, ReportListPage, ReportPage};
pub use search::{SearchForm, SearchPage};

/// `--goal-colour: #E5243B; --goal-text: #FFFFFF`: a goal's colours for CSS.
fn goal_colours(colour: &str, text_colour: &str) -> String {
    format!("--goal-colour: {colour}; --goal-text: {text_colour}")
}
