use indicators::model::{DecimalSeparator, Dimensions};
use indicators::problem::ObservationKey;

use super::*;

#[test]
fn a_problem_line_names_place_value_and_fix() {
    let p = Problem::not_a_number("social.csv", DecimalSeparator::Point)
        .at(12, "value")
        .with_value("12,x");
    assert_eq!(
        problem_line(&p),
        "social.csv:12 [value] error not-a-number: the value is not a number (found \"12,x\"). Write a number such as 12.5, or leave the cell empty (or `..`) if there is no value."
    );
}

#[test]
fn suggestions_become_did_you_mean() {
    let p = Problem::unknown_target("catalogue.csv", vec!["11.1".into(), "11.2".into()])
        .with_value("11.11");
    assert_eq!(
        problem_message(Locale::En, &p),
        "`11.11` is not an SDG target"
    );
    assert!(
        problem_hint(Locale::En, &p).starts_with("Did you mean 11.1, 11.2? "),
        "{}",
        problem_hint(Locale::En, &p)
    );
    let p = Problem::unknown_indicator("obs.csv", Some("poverty-rate".into()))
        .with_value("poverty-rat");
    assert_eq!(
        problem_hint(Locale::En, &p),
        "Did you mean `poverty-rate`? Add the indicator to catalogue.csv or correct the id."
    );
    let p = Problem::unknown_progress_method("settings.csv", &["open-sdg", "eurostat", "unsd"]);
    assert_eq!(
        problem_hint(Locale::En, &p),
        "Write `open-sdg`, `eurostat` or `unsd` (see docs/methodology.md)."
    );
}

#[test]
fn problems_are_worded_in_dutch_for_a_dutch_page() {
    let p = Problem::not_a_number("social.csv", DecimalSeparator::Comma).at(3, "value");
    assert_eq!(problem_message(Locale::Nl, &p), "de waarde is geen getal");
    assert!(problem_hint(Locale::Nl, &p).starts_with("Dit bestand gebruikt een decimale komma"));
    let p = Problem::unknown_indicator("obs.csv", Some("poverty-rate".into()))
        .with_value("poverty-rat");
    assert_eq!(
        problem_hint(Locale::Nl, &p),
        "Bedoelde u `poverty-rate`? Voeg de indicator toe aan catalogue.csv of verbeter de id."
    );
}

#[test]
fn duplicates_name_the_series_and_the_first_line() {
    let series = Dimensions::new([("sex", "female")]);
    let key = ObservationKey {
        indicator: "p",
        period: "2020",
        series: &series,
    };
    let p =
        Problem::seen_before_in_file("f.csv", key, 2, Some(1.0), Some(2.0)).expect("a conflict");
    assert_eq!(
        problem_message(Locale::En, &p),
        "p 2020 Sex: female already has the value 1 on line 2"
    );
    assert!(Problem::seen_before_in_file("f.csv", key, 2, None, None).is_none());
}

#[test]
fn action_problems_are_worded_in_english_and_dutch() {
    let p = Problem::unknown_action_kind("actions.csv", indicators::ActionKind::NAMES)
        .at(3, "kind")
        .with_value("law");
    assert_eq!(
        problem_line(&p),
        "actions.csv:3 [kind] error bad-action: `law` is not a kind of action (found \"law\"). Write `decision`, `motion`, `programme` or `budget`."
    );
    assert_eq!(problem_message(Locale::Nl, &p), "`law` is geen soort actie");
    let p = Problem::incomplete_budget("actions.csv", &["amount", "currency"]).at(4, "amount");
    assert_eq!(
        problem_message(Locale::En, &p),
        "a budget line needs a year, an amount and a currency; `amount`, `currency` is empty"
    );
    let p = Problem::duplicate_action("actions.csv", 2).with_value("a");
    assert_eq!(
        problem_message(Locale::Nl, &p),
        "de actie-id `a` wordt al gebruikt op regel 2"
    );
    let p = Problem::bad_amount("actions.csv", indicators::model::DecimalSeparator::Comma);
    assert!(problem_hint(Locale::Nl, &p).starts_with("Dit bestand gebruikt een decimale komma"));
    for p in [
        Problem::no_action_title("a"),
        Problem::no_action_indicators("a"),
        Problem::bad_date("a"),
        Problem::bad_link("a"),
        Problem::negative_amount("a"),
        Problem::bad_currency("a"),
    ] {
        for locale in [Locale::En, Locale::Nl] {
            assert!(!problem_message(locale, &p).is_empty(), "{p:?}");
            assert!(!problem_hint(locale, &p).is_empty(), "{p:?}");
        }
    }
}

#[test]
fn geojson_problems_name_the_place_and_are_worded_in_english_and_dutch() {
    use indicators::problem::{GeoJsonPart, JsonKind};
    let p = Problem::open_ring("districts.geojson")
        .at(8, "features[2].geometry.coordinates[0][5]")
        .with_value("[5.107,52.096]");
    assert_eq!(
        problem_line(&p),
        "districts.geojson:8 [features[2].geometry.coordinates[0][5]] error bad-geojson: the ring is not closed: its last position is not its first (found \"[5.107,52.096]\"). Repeat the ring's first position as its last."
    );
    let p = Problem::geojson_too_large("d", GeoJsonPart::Positions, 1_000_000);
    assert_eq!(
        problem_message(Locale::Nl, &p),
        "de grenzen hebben meer dan 1.000.000 posities"
    );
    let p = Problem::geojson_too_large("d", GeoJsonPart::Bytes, 32 * 1024 * 1024);
    assert_eq!(
        problem_message(Locale::En, &p),
        "the file is larger than 32 MiB"
    );
    let p = Problem::no_boundary(
        "observations/wijken.csv",
        Some("Leidsche Rijn – Centrum".into()),
    )
    .with_value("Leidsche Rijn - Centrum");
    assert!(
        problem_hint(Locale::En, &p).starts_with("Did you mean `Leidsche Rijn – Centrum`? Add a feature with \"id\": \"Leidsche Rijn - Centrum\""),
        "{}",
        problem_hint(Locale::En, &p)
    );
    for p in [
        Problem::not_json("d", "expected value", 15),
        Problem::not_a_feature_collection("d"),
        Problem::geojson_expected("d", JsonKind::Array),
        Problem::geojson_expected("d", JsonKind::Object),
        Problem::no_district_id("d"),
        Problem::duplicate_district("d", 3).with_value("A"),
        Problem::short_ring("d", 3),
        Problem::bad_position("d"),
        Problem::geojson_too_large("d", GeoJsonPart::Nesting, 32),
        Problem::unused_boundary("d").with_value("Vleuten"),
    ] {
        for locale in [Locale::En, Locale::Nl] {
            let (message, hint) = (problem_message(locale, &p), problem_hint(locale, &p));
            assert!(
                !message.is_empty() && !message.starts_with("problem-"),
                "{p:?}"
            );
            assert!(!hint.is_empty() && !hint.starts_with("hint-"), "{p:?}");
        }
    }
}
