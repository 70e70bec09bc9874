//! `actions.csv` through a release.

use super::*;

#[test]
fn actions_round_trip_through_a_release_and_old_releases_open_without_them() {
    let dataset = dataset_choosing("open-sdg");
    fs::write(
        dataset.path().join(crate::read::ACTIONS_FILE),
        "id,kind,title,title_nl,indicators,date,reference,link,year,amount,currency\n\
         dec-1,decision,Free transit,Gratis ov,share,2023-05-14,2023/114,https://council.example/114,,,\n\
         bud-1,budget,Energy coaches,Energiecoaches,share,,,,2024,125000,EUR\n",
    )
    .expect("actions");
    for memory in [BuildMemory::Whole, BuildMemory::Groups(3)] {
        let data = temp();
        let outcome = build_with(dataset.path(), data.path(), None, memory).expect("build");
        assert_eq!(outcome.report.dataset.actions.len(), 2, "{memory:?}");
        let release = load_current(data.path()).expect("load");
        assert_eq!(release.dataset.actions, outcome.report.dataset.actions);
        let served = ServedRelease::open(data.path(), "r00001").expect("open");
        assert_eq!(served.actions, outcome.report.dataset.actions);
        let public = served.catalogue().public_view();
        assert_eq!(public.actions[1].budget(), Some((2024, 125_000.0, "EUR")));
        assert_eq!(public.actions[0].localized_title("nl").text, "Gratis ov");
        assert_eq!(public.actions[0].source.line, 2);
    }
    // A catalogue.json written before actions were kept has none.
    let old: Catalogue =
        serde_json::from_str(r#"{"indicators": [], "areas": []}"#).expect("an old catalogue");
    assert!(old.actions.is_empty());
}
