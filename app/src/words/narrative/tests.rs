//! Exact sentences in English and Dutch for the templates' branches.

use indicators::narrative::{Movement, Narrative, Outlook, YearValue};
use indicators::Direction;

use super::*;

const POVERTY: &str = "Residents living below the poverty line";
const ARMOEDE: &str = "Inwoners onder de armoedegrens";

fn at(year: i32, value: f64) -> YearValue {
    YearValue {
        year,
        label: year.to_string(),
        value,
    }
}

fn told(from: (i32, f64), to: (i32, f64), better: Option<bool>, outlook: Outlook) -> Narrative {
    let movement = match better {
        None => Movement::Unchanged,
        Some(_) if to.1 > from.1 => Movement::Rose,
        Some(_) => Movement::Fell,
    };
    Narrative {
        from: at(from.0, from.1),
        to: at(to.0, to.1),
        movement,
        better,
        direction: Direction::Lower,
        outlook,
        series_break: None,
    }
}

#[test]
fn improving_with_the_target_reached() {
    let n = told(
        (2015, 14.2),
        (2022, 11.6),
        Some(true),
        Outlook::Reached {
            target: 10.0,
            target_year: 2030,
            year: 2028,
        },
    );
    assert_eq!(
        narrative_text(Locale::En, POVERTY, &n, "%", 1),
        "Residents living below the poverty line: down from 14.2 % in 2015 to 11.6 % in 2022 \
         (better). At the current pace the 2030 target of 10.0 % is reached in 2028."
    );
    assert_eq!(
        narrative_text(Locale::Nl, ARMOEDE, &n, "%", 1),
        "Inwoners onder de armoedegrens: gedaald van 14,2 % in 2015 naar 11,6 % in 2022 \
         (beter). In het huidige tempo wordt het doel voor 2030 van 10,0 % gehaald in 2028."
    );
}

#[test]
fn a_missed_target_in_percentage_points_and_in_the_unit() {
    let missed = Outlook::Missed {
        target: 10.0,
        target_year: 2030,
        projected: 11.4,
        gap: 1.4,
    };
    let n = told((2015, 14.2), (2022, 13.1), Some(true), missed);
    assert_eq!(
        narrative_text(Locale::En, POVERTY, &n, "%", 1),
        "Residents living below the poverty line: down from 14.2 % in 2015 to 13.1 % in 2022 \
         (better). At the current pace the 2030 target of 10.0 % is missed by 1.4 percentage \
         points."
    );
    assert_eq!(
        narrative_text(Locale::Nl, ARMOEDE, &n, "%", 1),
        "Inwoners onder de armoedegrens: gedaald van 14,2 % in 2015 naar 13,1 % in 2022 \
         (beter). In het huidige tempo wordt het doel voor 2030 van 10,0 % gemist met 1,4 \
         procentpunt."
    );
    let n = told((2015, 14.2), (2022, 13.1), Some(true), missed);
    assert!(
        narrative_text(Locale::En, "Food bank use", &n, "per 1,000 households", 1)
            .ends_with("is missed by 1.4 per 1,000 households."),
    );
}

#[test]
fn worsening_moving_away_flat_one_year_and_no_target() {
    let n = told(
        (2015, 14.2),
        (2022, 15.0),
        Some(false),
        Outlook::MovingAway {
            target: 10.0,
            target_year: 2030,
        },
    );
    assert_eq!(
        narrative_text(Locale::En, POVERTY, &n, "%", 1),
        "Residents living below the poverty line: up from 14.2 % in 2015 to 15.0 % in 2022 \
         (worse). At the current pace the values move further away from the 2030 target of \
         10.0 %."
    );
    assert_eq!(
        narrative_text(Locale::Nl, ARMOEDE, &n, "%", 1),
        "Inwoners onder de armoedegrens: gestegen van 14,2 % in 2015 naar 15,0 % in 2022 \
         (slechter). In het huidige tempo raken de waarden verder af van het doel voor 2030 \
         van 10,0 %."
    );
    let flat = told((2015, 14.2), (2022, 14.24), None, Outlook::NoTarget);
    assert_eq!(
        narrative_text(Locale::En, POVERTY, &flat, "%", 1),
        "Residents living below the poverty line: unchanged at 14.2 % from 2015 to 2022. \
         There is no target to measure the pace against."
    );
    let one = told((2020, 5.0), (2020, 5.0), None, Outlook::TooFewYears);
    assert_eq!(
        narrative_text(Locale::Nl, ARMOEDE, &one, "%", 1),
        "Inwoners onder de armoedegrens: 5,0 % in 2020. Er zijn te weinig jaren om te zeggen \
         welke kant het op gaat."
    );
    let met = told(
        (2015, 14.2),
        (2022, 9.0),
        Some(true),
        Outlook::TargetMet {
            target: 10.0,
            target_year: 2030,
        },
    );
    assert!(narrative_text(Locale::En, POVERTY, &met, "%", 1)
        .ends_with("The 2030 target of 10.0 % is already met."));
}

#[test]
fn every_outlook_has_words_in_both_languages() {
    let outlooks = [
        Outlook::TooFewYears,
        Outlook::NoTarget,
        Outlook::NoPace { why: None },
        Outlook::TargetMet {
            target: 1.0,
            target_year: 2030,
        },
        Outlook::Reached {
            target: 1.0,
            target_year: 2030,
            year: 2029,
        },
        Outlook::Missed {
            target: 1.0,
            target_year: 2030,
            projected: 2.0,
            gap: 1.0,
        },
        Outlook::Overdue {
            target: 1.0,
            target_year: 2020,
            gap: 1.0,
        },
        Outlook::MovingAway {
            target: 1.0,
            target_year: 2030,
        },
    ];
    for outlook in outlooks {
        for locale in [Locale::En, Locale::Nl] {
            let text = narrative_text(
                locale,
                "X",
                &told((2015, 3.0), (2022, 2.0), Some(true), outlook),
                "%",
                1,
            );
            assert!(
                !text.contains("narrative-") && !text.contains('{'),
                "{text}"
            );
        }
    }
}

#[test]
fn a_narrative_from_a_series_break_says_so_in_both_languages() {
    let mut n = told((2018, 20.0), (2020, 16.0), Some(true), Outlook::NoTarget);
    n.series_break = Some(2018);
    let en = narrative_text(Locale::En, "Rent burden", &n, "%", 1);
    assert_eq!(
        en,
        "Rent burden: down from 20.0 % in 2018 to 16.0 % in 2020 (better). \
         The series breaks in 2018: earlier years are counted differently and not compared. \
         There is no target to measure the pace against."
    );
    let nl = narrative_text(Locale::Nl, "Huurlast", &n, "%", 1);
    assert!(
        nl.contains(
            "De reeks breekt in 2018: eerdere jaren zijn anders geteld en worden niet vergeleken."
        ),
        "{nl}"
    );
}
