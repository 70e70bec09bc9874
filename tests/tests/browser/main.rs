//! Browser tests: Debian's headless Chromium driven through chromedriver with
//! fantoccini. Every test runs twice, as lemmy-ui-leptos does: JavaScript off
//! (what the server renders must stand on its own) and on (the page hydrates,
//! controls work through server functions, and the console stays clean).
//!
//! They need the site built by `scripts/build-site.sh` (`target/site`) and its server
//! binary (`target/debug/localgoals`); `scripts/test.sh` builds both first.

mod accessibility;
mod embed;
mod export;
mod harness;
mod map;
mod scenarios;

use accessibility::*;
use embed::*;
use export::*;
use harness::{run, Js};
use map::*;
use scenarios::*;

/// Runs a scenario as two tests, `js_off` and `js_on`.
macro_rules! in_both_modes {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_off() {
                super::run(super::Js::Off, super::$scenario).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_on() {
                super::run(super::Js::On, super::$scenario).await;
            }
        }
    )*};
}

in_both_modes!(
    home_lists_goals_with_data,
    indicator_page_has_chart_caption_and_table,
    series_selector_switches_the_chart,
    methodology_page_is_reachable_from_an_indicator,
    goal_page_lists_targets_and_indicator_cards,
    rights_and_policy_pages_are_reachable_from_an_indicator,
    progress_page_filters_by_goal,
    district_page_leads_to_the_district_series,
    pages_fit_a_360_px_phone,
    the_district_map_fits_a_360_px_phone_and_its_table_is_reachable,
    staff_upload_preview_publish,
    compare_is_reached_from_an_indicator_and_aligns_two_charts,
    the_yearly_report_prints_with_each_goal_on_a_page_of_its_own,
    axe_finds_no_violations_on_any_page_type_in_either_language,
    every_control_is_reached_by_keyboard_and_the_skip_link_moves_focus,
    a_selector_changed_by_keyboard_changes_the_chart_and_is_announced,
    a_search_typed_and_sent_by_keyboard_finds_the_indicator,
    axe_finds_no_violations_on_the_staff_pages_in_either_language,
    the_embed_page_shows_the_chart_its_caption_and_a_link_back,
    the_static_export_switches_series_by_links_with_a_clean_console,
);
