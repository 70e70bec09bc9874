//! Who is left behind, over HTTP, on a small city of its own (a
//! `groups.csv`, two public indicators and an internal one split by the same
//! groups): `/equality` ranks the gaps by content, in English and Dutch, the
//! rights-area page and the indicator page show theirs, and the internal
//! indicator appears nowhere.

use http::StatusCode;
use tempfile::TempDir;

use crate::common::{app_for, section, TestApp};

const CATALOGUE: &str = "\
id,title_en,title_nl,unit,direction,decimals,sdg_targets,rights_areas,baseline_year,visibility
poverty,Residents below the poverty line,Inwoners onder de armoedegrens,%,lower,1,1.2,housing,2015,public
employment,Residents in paid work,Inwoners met betaald werk,%,higher,1,8.5,work,,public
shelter-wait,Confidential shelter waiting list,Vertrouwelijke wachtlijst opvang,%,lower,1,1.2,housing,,internal
";

const AREAS: &str = "\
id,kind,name_en,name_nl,instrument,article,rights_holders
housing,rights,Right to housing,Recht op huisvesting,ICESCR,Art. 11,tenants
work,rights,Right to work,Recht op werk,ICESCR,Art. 6,workers
";

/// Gaps in the latest year 2017 (relative to the city's value):
/// poverty Nordhafen +10 / 18 = 55.6 % (unchanged), employment women
/// −14 / 72 = 19.4 % (widening, (19.44 − 14.29) / 2 = 2.6 points a year),
/// poverty women +3 / 18 = 16.7 % (narrowing), employment older persons
/// −10 / 72 = 13.9 % (widening, (13.89 − 7.14) / 2 = 3.4 points a year).
/// The internal shelter list's women, +15 / 10 = 150 % and widening,
/// would top both lists.
const OBSERVATIONS: &str = "\
indicator,year,sex,age,Stadtteil,value,flag
poverty,2015,,,,20.0,
poverty,2016,,,,19.0,
poverty,2017,,,,18.0,p
poverty,2015,female,,,24.0,
poverty,2016,female,,,22.5,
poverty,2017,female,,,21.0,
poverty,2015,,,Nordhafen,30.0,
poverty,2016,,,Nordhafen,29.0,
poverty,2017,,,Nordhafen,28.0,
employment,2015,,,,70.0,
employment,2016,,,,71.0,
employment,2017,,,,72.0,
employment,2015,female,,,60.0,
employment,2016,female,,,59.0,
employment,2017,female,,,58.0,
employment,2015,,65+,,65.0,
employment,2016,,65+,,63.0,
employment,2017,,65+,,62.0,
shelter-wait,2015,,,,10.0,
shelter-wait,2016,,,,10.0,
shelter-wait,2017,,,,10.0,
shelter-wait,2015,female,,,20.0,
shelter-wait,2016,female,,,22.0,
shelter-wait,2017,female,,,25.0,
";

const GROUPS: &str = "\
dimension,value,group,group_nl
sex,female,women,vrouwen
age,65+,older persons,ouderen
Stadtteil,Nordhafen,residents of Nordhafen,inwoners van Nordhafen
";

fn dataset() -> TempDir {
    let dir = TempDir::new().expect("a dataset folder");
    std::fs::create_dir_all(dir.path().join("observations")).expect("mkdir");
    for (file, text) in [
        ("catalogue.csv", CATALOGUE),
        ("areas.csv", AREAS),
        ("settings.csv", "key,value\nlanguages,en;nl\n"),
        ("groups.csv", GROUPS),
        ("observations/city.csv", OBSERVATIONS),
    ] {
        std::fs::write(dir.path().join(file), text).expect("write");
    }
    dir
}

async fn app() -> (TestApp, TempDir) {
    let dir = dataset();
    (app_for(dir.path()).await, dir)
}

/// `(indicator, series)` of each gap row in `html`, in order.
fn gap_rows(html: &str) -> Vec<(String, String)> {
    html.split("data-gap-indicator=\"")
        .skip(1)
        .map(|rest| {
            let indicator = rest.split('"').next().unwrap_or_default().to_owned();
            let series = rest
                .split("data-gap-series=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_owned();
            (indicator, series)
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Fails if `body` names or links the internal indicator.
fn assert_no_internal(path: &str, body: &str) {
    for trace in [
        "shelter-wait",
        "Confidential shelter waiting list",
        "Vertrouwelijke wachtlijst opvang",
        "150.0",
        "150,0",
    ] {
        assert!(!body.contains(trace), "{path} shows `{trace}`");
    }
}

#[tokio::test]
async fn equality_ranks_the_widest_and_fastest_widening_gaps_of_public_indicators() {
    let (app, _dir) = app().await;
    let (status, body) = app.get("/equality").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("<h1>Who is left behind</h1>"));
    assert!(body.contains("href=\"/equality\""), "in the navigation");
    let widest = section(&body, "class=\"equality-widest\"", "</section>");
    assert_eq!(
        gap_rows(widest),
        pairs(&[
            ("poverty", "Stadtteil=Nordhafen"),
            ("employment", "sex=female"),
            ("poverty", "sex=female"),
            ("employment", "age=65%2B"),
        ])
    );
    let first = section(widest, "<tbody>", "</tr>");
    for cell in [
        "residents of Nordhafen",
        "href=\"/indicators/poverty?Stadtteil=Nordhafen\"",
        "Residents below the poverty line",
        "<td>2017</td>",
        "28.0 %",
        "18.0 %",
        "+10.0 %",
        "+55.6 %",
        "unchanged since 2015 (10.0 → 10.0)",
    ] {
        assert!(first.contains(cell), "`{cell}` in {first}");
    }
    let widening = section(&body, "class=\"equality-widening\"", "</section>");
    assert_eq!(
        gap_rows(widening),
        pairs(&[("employment", "age=65%2B"), ("employment", "sex=female")])
    );
    assert!(widening.contains("widening since 2015 (5.0 → 10.0)"));
    assert!(widening.contains("+3.4 points a year"));
    assert!(widening.contains("◀▶"), "a symbol beside the words");
    assert!(
        body.contains("4 gaps in 2 indicators; 4 groups are behind the whole city."),
        "the internal indicator is not counted"
    );
    assert_no_internal("/equality", &body);

    let (status, dutch) = app.get("/nl/equality").await;
    assert_eq!(status, StatusCode::OK);
    assert!(dutch.contains("<h1>Wie blijft achter</h1>"));
    let widest = section(&dutch, "class=\"equality-widest\"", "</section>");
    assert_eq!(
        gap_rows(widest)[0],
        ("poverty".into(), "Stadtteil=Nordhafen".into())
    );
    assert!(widest.contains("inwoners van Nordhafen"));
    assert!(widest.contains("href=\"/nl/indicators/poverty?Stadtteil=Nordhafen\""));
    assert!(widest.contains("onveranderd sinds 2015 (10,0 → 10,0)"));
    assert_no_internal("/nl/equality", &dutch);
}

#[tokio::test]
async fn rights_areas_and_indicator_pages_show_their_gaps_and_nothing_internal() {
    let (app, _dir) = app().await;
    let (status, housing) = app.get("/rights/housing").await;
    assert_eq!(status, StatusCode::OK);
    let gaps = section(&housing, "class=\"area-gaps\"", "</section>");
    assert_eq!(
        gap_rows(gaps),
        pairs(&[
            ("poverty", "Stadtteil=Nordhafen"),
            ("poverty", "sex=female")
        ]),
        "the internal shelter list maps to housing too"
    );
    assert_no_internal("/rights/housing", &housing);
    let (_, work) = app.get("/rights/work").await;
    let gaps = section(&work, "class=\"area-gaps\"", "</section>");
    assert_eq!(
        gap_rows(gaps),
        pairs(&[("employment", "sex=female"), ("employment", "age=65%2B")])
    );

    let (status, poverty) = app.get("/indicators/poverty").await;
    assert_eq!(status, StatusCode::OK);
    let figures = section(&poverty, "class=\"gaps\"", "</section>");
    assert_eq!(
        figures.matches("class=\"chart gap-chart\"").count(),
        2,
        "sex and Stadtteil"
    );
    assert!(figures.contains("role=\"img\""));
    assert!(
        figures.contains("<desc>women: 2015 +4.0, 2016 +3.5, 2017 +3.0 p</desc>"),
        "the values, the city's provisional 2017 flagged: {figures}"
    );
    assert!(
        figures.contains("flagged value"),
        "the ring is in the legend"
    );
    assert!(figures.contains("0: the same as the whole city"));
    assert!(figures.contains("narrowing since 2015 (4.0 → 3.0)"));
    assert_no_internal("/indicators/poverty", &poverty);

    let (status, _) = app.get("/indicators/shelter-wait").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
