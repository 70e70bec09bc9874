use super::*;
use crate::problem::{ProblemCode, Reason, Severity};
use crate::read::supplements::GROUPS_FILE;
use crate::read::table::load_csv;

fn read(text: &str, languages: &[&str]) -> (Vec<GroupMapping>, Vec<Problem>) {
    let (table, problems) = load_csv(text.as_bytes(), GROUPS_FILE);
    assert!(problems.is_empty(), "{problems:?}");
    let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
    read_groups(&table, GROUPS_FILE, &languages)
}

/// `(line, column, value, reason)` of each problem.
fn places(problems: &[Problem]) -> Vec<(Option<usize>, String, String, Reason)> {
    problems
        .iter()
        .map(|p| {
            (
                p.line,
                p.column.clone().unwrap_or_default(),
                p.value.clone().unwrap_or_default(),
                p.reason.clone(),
            )
        })
        .collect()
}

#[test]
fn rows_become_groups_with_their_names_per_language_and_line() {
    let (groups, problems) = read(
        "dimension,value,group,group_nl\n\
         sex,female,women,vrouwen\n\
         ,,,\n\
         Stadtteil,Am Kanal,residents of Am Kanal,inwoners van Am Kanal\n",
        &["en", "nl"],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let found: Vec<(&str, &str, &str, usize)> = groups
        .iter()
        .map(|g| {
            (
                g.dimension.as_str(),
                g.value.as_str(),
                g.localized_group("nl").text,
                g.source.line,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("sex", "female", "vrouwen", 2),
            ("Stadtteil", "Am Kanal", "inwoners van Am Kanal", 4),
        ],
        "the blank line 3 is skipped"
    );
    assert_eq!(groups[0].language, "en");
    assert_eq!(groups[0].localized_group("en").text, "women");
    assert_eq!(&*groups[0].source.file, GROUPS_FILE);
}

#[test]
fn a_dutch_only_file_has_dutch_as_its_default() {
    let (groups, problems) = read("dimension;value;group_nl\nsex;female;vrouwen\n", &["nl"]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(groups[0].language, "nl");
    assert_eq!(groups[0].group, "vrouwen");
}

#[test]
fn missing_columns_are_named_on_the_header_line_and_nothing_is_read() {
    let (groups, problems) = read("dimension,label\nsex,women\n", &[]);
    assert!(groups.is_empty());
    let missing: Vec<(Option<usize>, Reason)> = problems
        .iter()
        .map(|p| (p.line, p.reason.clone()))
        .collect();
    assert_eq!(
        missing,
        [
            (
                Some(1),
                Reason::MissingColumn {
                    column: "value".into()
                }
            ),
            (
                Some(1),
                Reason::MissingColumn {
                    column: "group".into()
                }
            ),
        ]
    );
}

#[test]
fn empty_cells_are_errors_at_their_line_and_column_and_the_row_is_left_out() {
    let (groups, problems) = read(
        "dimension,value,group\n\
         ,female,women\n\
         sex,,men\n\
         age,65+,\n\
         age,0-17,children\n",
        &[],
    );
    assert_eq!(
        places(&problems),
        [
            (
                Some(2),
                "dimension".into(),
                "".into(),
                Reason::NoGroupDimension
            ),
            (Some(3), "value".into(), "".into(), Reason::NoGroupValue),
            (
                Some(4),
                "group".into(),
                "age=65+".into(),
                Reason::NoGroupName
            ),
        ]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Error));
    assert!(problems.iter().all(|p| p.code == ProblemCode::BadGroup));
    let kept: Vec<&str> = groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(kept, ["children"]);
}

#[test]
fn the_same_dimension_and_value_twice_names_the_first_line() {
    let (groups, problems) = read(
        "dimension,value,group\n\
         sex,female,women\n\
         age,65+,older persons\n\
         Sex,female,girls and women\n\
         sex,Female,capitalised is another value\n",
        &[],
    );
    assert_eq!(
        places(&problems),
        [(
            Some(4),
            "value".into(),
            "Sex=female".into(),
            Reason::DuplicateGroup { first_line: 2 }
        )],
        "dimensions match without regard to case, values exactly"
    );
    let kept: Vec<&str> = groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(
        kept,
        ["women", "older persons", "capitalised is another value"]
    );
}

#[test]
fn a_name_missing_in_a_dataset_language_is_a_warning_and_the_group_is_kept() {
    let (groups, problems) = read(
        "dimension,value,group,group_nl\n\
         sex,female,women,vrouwen\n\
         sex,male,men,\n",
        &["en", "nl", "de"],
    );
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[1].localized_group("nl").text, "men", "falls back");
    let warnings: Vec<(Option<usize>, String, String)> = problems
        .iter()
        .map(|p| {
            assert_eq!(p.severity, Severity::Warning);
            assert_eq!(p.code, ProblemCode::MissingTranslation);
            (
                p.line,
                p.column.clone().unwrap_or_default(),
                p.value.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        warnings,
        [
            (Some(2), "group_de".into(), "sex=female".into()),
            (Some(3), "group_nl".into(), "sex=male".into()),
            (Some(3), "group_de".into(), "sex=male".into()),
        ]
    );
}
