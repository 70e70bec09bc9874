//! Catalogue and area tables: every field read, every bad cell reported.
use super::*;
use crate::model::{AreaKind, IndicatorKind, OhchrType};
use crate::problem::{ProblemCode, Reason};
use crate::read::table::load_csv;

const HEADER: &str = "id,title_en,title_de,unit,direction,decimals,sdg_targets,rights_areas,policy_areas,baseline_year,target_value,target_year,natural_limit,visibility\n";

fn catalogue(rows: &str) -> (Vec<Indicator>, Vec<Problem>) {
    let (table, problems) = load_csv(format!("{HEADER}{rows}").as_bytes(), "catalogue.csv");
    assert!(problems.is_empty(), "{problems:?}");
    read_catalogue(&table, "catalogue.csv")
}

#[test]
fn a_full_row_reads_every_field() {
    let (indicators, problems) = catalogue("rent,Rent burden,Mietbelastung,%,lower,1,11.1;1.4,adequate-housing,housing,2015,25,2030,0,internal\n");
    assert!(problems.is_empty(), "{problems:?}");
    let i = &indicators[0];
    assert_eq!(i.title(), "Rent burden");
    assert_eq!(i.title_in("de"), "Mietbelastung");
    assert_eq!(i.sdg_targets, ["11.1", "1.4"]);
    assert_eq!(i.goals(), [1, 11]);
    assert_eq!(
        (
            i.baseline_year,
            i.target_value,
            i.target_year,
            i.natural_limit
        ),
        (Some(2015), Some(25.0), Some(2030), Some(0.0))
    );
    assert_eq!(i.visibility, Visibility::Internal);
}

#[test]
fn unknown_target_suggests_the_nearest_ones() {
    let (indicators, problems) = catalogue("rent,Rent,,%,lower,1,11.11,,,,,,,\n");
    assert!(indicators.is_empty());
    let p = &problems[0];
    assert_eq!(
        (p.code, p.line, p.column.as_deref(), p.value.as_deref()),
        (
            ProblemCode::UnknownTarget,
            Some(2),
            Some("sdg_targets"),
            Some("11.11")
        )
    );
    match &p.reason {
        Reason::UnknownTarget { suggestions } => {
            assert!(suggestions.iter().any(|s| s == "11.1"), "{suggestions:?}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_cells_are_reported_each_with_line_and_column() {
    let (_, problems) =
        catalogue("a,A,,%,sideways,9,1.2,,,20x,,2030,,secret\na,B,,%,lower,1,1.2,,,,,,,\n");
    let columns: Vec<_> = problems
        .iter()
        .map(|p| (p.line, p.column.clone().unwrap_or_default()))
        .collect();
    for expected in [
        "direction",
        "decimals",
        "baseline_year",
        "target_year",
        "visibility",
    ] {
        assert!(
            columns.contains(&(Some(2), expected.to_owned())),
            "{expected}: {columns:?}"
        );
    }
    assert!(
        problems
            .iter()
            .any(|p| p.code == ProblemCode::DuplicateIndicator && p.line == Some(3)),
        "two rows with one id, even if the first is broken"
    );
}

#[test]
fn duplicate_ids_are_errors() {
    let (_, problems) = catalogue("a,A,,%,lower,1,1.2,,,,,,,\na,B,,%,lower,1,1.2,,,,,,,\n");
    assert_eq!(
        problems
            .iter()
            .map(|p| (p.code, p.line))
            .collect::<Vec<_>>(),
        [(ProblemCode::DuplicateIndicator, Some(3))]
    );
}

#[test]
fn missing_required_columns_are_named() {
    let (table, _) = load_csv(b"id,title\nx,X\n", "catalogue.csv");
    let (_, problems) = read_catalogue(&table, "catalogue.csv");
    let missing: Vec<_> = problems
        .iter()
        .filter(|p| p.code == ProblemCode::MissingColumn)
        .map(|p| p.reason.clone())
        .collect();
    assert_eq!(
        missing,
        ["unit", "direction", "sdg_targets"].map(|column| Reason::MissingColumn {
            column: column.into()
        })
    );
}

#[test]
fn overlong_titles_are_rejected() {
    let (_, problems) = catalogue(&format!("a,{},,%,lower,1,1.2,,,,,,,\n", "x".repeat(301)));
    assert_eq!(problems[0].code, ProblemCode::LabelTooLong);
}

#[test]
fn areas_read_and_references_are_checked() {
    let (table, _) = load_csv(b"id,kind,name_en,instrument,article,rights_holders\nhousing-right,rights,Right to housing,ICESCR,Art. 11,tenants;homeless people\nhousing,policy,Housing,,,\n", "areas.csv");
    let (areas, problems) = read_areas(&table, "areas.csv");
    assert!(problems.is_empty());
    assert_eq!(areas[0].rights_holders, ["tenants", "homeless people"]);
    let mut indicator = Indicator::new("a", "A", "%", Direction::Lower, &["1.2"]);
    indicator.rights_areas = vec!["housing-rigth".into()];
    indicator.policy_areas = vec!["housing".into()];
    let problems = check_area_references(
        &[indicator],
        &areas,
        "catalogue.csv",
        &BTreeMap::from([("a".to_owned(), 2)]),
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].reason,
        Reason::UnknownArea {
            kind: AreaKind::Rights,
            suggestion: Some("housing-right".into())
        }
    );
    assert_eq!(
        (problems[0].line, problems[0].column.as_deref()),
        (Some(2), Some("rights_areas"))
    );
}

#[test]
fn the_first_title_column_with_text_is_the_default_language() {
    let (table, _) = load_csv(
        "id,title_de,title_en,unit,direction,sdg_targets\na,,Poverty,%,lower,1.2\nb,Armut,Poverty,%,lower,1.2\n"
            .as_bytes(),
        "catalogue.csv",
    );
    let (indicators, problems) = read_catalogue(&table, "catalogue.csv");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(indicators[0].default_language, "en", "no German title");
    assert_eq!(indicators[1].default_language, "de");
    assert_eq!(indicators[1].title(), "Armut");
}

#[test]
fn progress_series_names_the_series_that_count_by_slug() {
    let header = "id,title,unit,direction,sdg_targets,progress_series\n";
    let rows = "rent,Rent,%,lower,11.1,\"district=Nord | sex=female;district=Süd\"\nbad,Bad,%,lower,11.1,Nord\nplain,Plain,%,lower,11.1,\n";
    let (table, problems) = load_csv(format!("{header}{rows}").as_bytes(), "catalogue.csv");
    assert!(problems.is_empty(), "{problems:?}");
    let (indicators, problems) = read_catalogue(&table, "catalogue.csv");
    assert_eq!(
        indicators[0].counted_series,
        CountedSeries::Named {
            // Stored as the data spells a slug: pairs sorted by name.
            slugs: vec!["district=Nord".into(), "district=Süd;sex=female".into()]
        }
    );
    assert_eq!(indicators[1].counted_series, CountedSeries::Headline);
    assert_eq!(indicators.len(), 2, "the row with a bad slug is left out");
    let p = &problems[0];
    assert_eq!(
        (p.code, p.line, p.column.as_deref()),
        (
            ProblemCode::BadCatalogueValue,
            Some(3),
            Some("progress_series")
        )
    );
    assert_eq!(
        p.reason,
        Reason::BadSeriesSlug {
            piece: "Nord".into()
        }
    );
}

#[test]
fn update_frequency_is_read_in_staff_words_and_an_unknown_one_is_an_error_with_its_cell() {
    let read = |cell: &str| {
        let (table, problems) = load_csv(
            format!("id,title,unit,direction,sdg_targets,update_frequency\nrent,Rent,%,lower,11.1,{cell}\n")
                .as_bytes(),
            "catalogue.csv",
        );
        assert!(problems.is_empty(), "{problems:?}");
        read_catalogue(&table, "catalogue.csv")
    };
    for (cell, expected) in [
        ("", None),
        ("annual", Some(UpdateFrequency::Annual)),
        ("Yearly", Some(UpdateFrequency::Annual)),
        ("every 2 years", Some(UpdateFrequency::Biennial)),
        ("quarterly", Some(UpdateFrequency::Quarterly)),
    ] {
        let (indicators, problems) = read(cell);
        assert!(problems.is_empty(), "{cell}: {problems:?}");
        assert_eq!(indicators[0].update_frequency, expected, "{cell}");
    }
    let (_, problems) = read("sometimes");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].reason, Reason::BadUpdateFrequency);
    assert_eq!(problems[0].line, Some(2));
    assert_eq!(problems[0].column.as_deref(), Some("update_frequency"));
    assert_eq!(problems[0].value.as_deref(), Some("sometimes"));
    // Overdue once the next period has ended and a year has passed.
    assert!(!UpdateFrequency::Annual.overdue(2025, 2026));
    assert!(UpdateFrequency::Annual.overdue(2024, 2026));
    assert!(!UpdateFrequency::Biennial.overdue(2024, 2026));
    assert!(UpdateFrequency::Biennial.overdue(2023, 2026));
}

#[test]
fn rights_columns_read_kind_type_proxy_quality_and_dates() {
    let text = "id,title,unit,direction,sdg_targets,kind,indicator_type,proxy,quality_note,quality_note_nl,license,last_update,next_update\n\
        office,Office open,,higher,10.3,qualitative,structural,no,,,,2019,\n\
        gp,GP access,%,higher,3.8,,process,yes,Distance only,Alleen afstand,CC BY 4.0,2026-03-16,2027-03\n";
    let (table, _) = load_csv(text.as_bytes(), "catalogue.csv");
    let (indicators, problems) = read_catalogue(&table, "catalogue.csv");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(indicators[0].is_qualitative());
    assert_eq!(indicators[0].ohchr_type, Some(OhchrType::Structure));
    assert!(!indicators[0].quality.proxy);
    let gp = &indicators[1];
    assert_eq!(gp.kind, IndicatorKind::Quantitative);
    assert_eq!(gp.ohchr_type, Some(OhchrType::Process));
    assert!(gp.quality.proxy);
    assert_eq!(gp.quality.licence.as_deref(), Some("CC BY 4.0"));
    assert_eq!(gp.localized_quality_note("nl").text, "Alleen afstand");
    assert_eq!(gp.localized_quality_note("de").text, "Distance only");
    assert_eq!(
        (
            gp.quality.last_update.as_deref(),
            gp.quality.next_update.as_deref()
        ),
        (Some("2026-03-16"), Some("2027-03"))
    );
}

#[test]
fn bad_rights_columns_are_each_reported_with_their_cell() {
    let text = "id,title,unit,direction,sdg_targets,kind,indicator_type,proxy,next_update\n\
        a,A,%,higher,3.8,qualitive,result,maybe,2027-13\n";
    let (table, _) = load_csv(text.as_bytes(), "catalogue.csv");
    let (indicators, problems) = read_catalogue(&table, "catalogue.csv");
    assert!(indicators.is_empty());
    let found: Vec<(Option<&str>, Option<&str>, ProblemCode)> = problems
        .iter()
        .map(|p| (p.column.as_deref(), p.value.as_deref(), p.code))
        .collect();
    assert_eq!(
        found,
        [
            (Some("kind"), Some("qualitive"), ProblemCode::BadValue),
            (
                Some("indicator_type"),
                Some("result"),
                ProblemCode::BadValue
            ),
            (Some("proxy"), Some("maybe"), ProblemCode::BadValue),
            (Some("next_update"), Some("2027-13"), ProblemCode::BadValue),
        ]
    );
    assert_eq!(
        problems[1].reason,
        Reason::NotOneOf {
            allowed: vec!["structure".into(), "process".into(), "outcome".into()]
        }
    );
}

/// Found by `cargo fuzz run catalogue` (issue 17), read the way the fuzz
/// target and the upload route read it: the whole draft, through
/// `check_path`. The scan and polars counted this UTF-16 catalogue's rows
/// differently and the check panicked; now it is one clear error.
#[test]
fn regression_fuzz_catalogue_a_utf16_catalogue_with_a_quote_mid_cell_is_checked_not_a_panic() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("demo-city");
    let draft = tempfile::tempdir().expect("a scratch folder");
    std::fs::create_dir(draft.path().join("observations")).expect("observations/");
    for file in ["settings.csv", "areas.csv", "observations/budget.csv"] {
        std::fs::copy(demo.join(file), draft.path().join(file)).expect("a demo file");
    }
    std::fs::write(
        draft.path().join("catalogue.csv"),
        include_bytes!(
            "../../../tests/fixtures/fuzz-regressions/catalogue-utf16-unclosed-quote.csv"
        ),
    )
    .expect("the catalogue");
    let report = crate::read::check_path(draft.path(), &|_, _, _| {}).expect("a draft");
    let in_catalogue: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.file == "catalogue.csv" && p.is_error())
        .map(|p| (p.code, p.line))
        .collect();
    // The cut row is refused on its line (and its shifted cells with it)...
    assert!(
        in_catalogue.contains(&(ProblemCode::RaggedRow, Some(6))),
        "{in_catalogue:?}"
    );
    assert!(in_catalogue.iter().all(|(_, line)| *line <= Some(6)));
    // ...and the rows before it are read, each on its own line.
    let ids: Vec<&str> = report
        .dataset
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert!(ids.contains(&"waiting-list"), "{ids:?}");
}
