//! The district bars: whole names, flags beside values.
use super::*;
use crate::chart::text::text_width;

fn bar(label: &str, value: f64, flags: &str) -> Bar {
    Bar {
        label: label.to_owned(),
        value,
        flags: flags.to_owned(),
    }
}

/// Every `<text>` as (x, anchor, font size, content).
fn texts(svg: &str) -> Vec<(f64, String, f64, String)> {
    let attr = |el: &str, name: &str| -> Option<String> {
        let start = el.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(el[start..].split('"').next()?.to_owned())
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let open = rest.find('>')?;
            let (attrs, body) = (&rest[..open], &rest[open + 1..]);
            let content = body.split("</text>").next()?.trim().to_owned();
            Some((
                attr(attrs, "x")?.parse().ok()?,
                attr(attrs, "text-anchor").unwrap_or_else(|| "start".into()),
                attr(attrs, "font-size")?.parse().ok()?,
                content,
            ))
        })
        .collect()
}

/// Regression: "Leidsche Rijn – Centrum" was cut to "idsche Rijn – Centrum"
/// (a fixed 170-unit label area, names right-aligned into it).
#[test]
fn the_bar_chart_no_longer_cuts_leidsche_rijn_centrum() {
    let bars = vec![
        bar("Leidsche Rijn – Centrum", 14.2, ""),
        bar("Overvecht", 23.4, "*"),
        bar("Binnenstad", 9.1, ""),
    ];
    let svg = bar_chart_svg(&bars, None, "%", 1, Locale::Nl, "wijken").expect("chart");
    let texts = texts(&svg);
    let names: Vec<&(f64, String, f64, String)> = texts
        .iter()
        .filter(|(_, anchor, _, content)| anchor == "end" && !content.is_empty())
        .collect();
    let shown: String = names
        .iter()
        .map(|(_, _, _, c)| c.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains("Leidsche Rijn – Centrum"),
        "the whole name is drawn: {shown:?}"
    );
    for (x, _, size, content) in &names {
        let left = x - text_width(content, *size);
        assert!(left >= 0.0, "`{content}` starts at {left}, off the chart");
    }
    // And the values, flags included, end inside the chart.
    for (x, anchor, size, content) in texts.iter().filter(|t| t.1 == "start") {
        let right = x + text_width(content, *size);
        assert!(
            right <= f64::from(WIDTH),
            "`{content}` ({anchor}) ends at {right}, past {WIDTH}"
        );
    }
}

/// Regression: Overvecht's provisional `*` value was drawn without its flag.
#[test]
fn the_bar_chart_shows_overvechts_provisional_flag() {
    let bars = vec![bar("Overvecht", 23.4, "*"), bar("Zuid", 11.0, "")];
    let svg = bar_chart_svg(&bars, None, "%", 1, Locale::Nl, "wijken").expect("chart");
    let contents: Vec<String> = texts(&svg).into_iter().map(|t| t.3).collect();
    assert!(contents.iter().any(|c| c == "23,4 (*)"), "{contents:?}");
    assert!(contents.iter().any(|c| c == "11,0"), "{contents:?}");
}

#[test]
fn names_too_long_for_one_line_wrap_and_every_row_makes_room() {
    let long = "Stadtteil mit einem sehr langen amtlichen Namen am Kanal";
    let bars = vec![bar(long, 5.0, ""), bar("Ost", 4.0, "")];
    let svg = bar_chart_svg(&bars, Some(4.5), "%", 1, Locale::De, "t").expect("chart");
    let lines: Vec<(f64, String, f64, String)> = texts(&svg)
        .into_iter()
        .filter(|t| t.1 == "end" && !t.3.is_empty())
        .collect();
    assert!(
        lines.len() >= 3,
        "the long name takes two lines or more: {lines:?}"
    );
    let joined: Vec<&str> = lines.iter().map(|t| t.3.as_str()).collect();
    assert_eq!(joined[..joined.len() - 1].join(" "), long);
    for (x, _, size, content) in &lines {
        assert!(x - text_width(content, *size) >= 0.0, "{content}");
    }
    // A single word wider than the room is drawn smaller, still whole.
    let word = "Donaudampfschifffahrtsgesellschaftskapitänsviertelostseite";
    let svg = bar_chart_svg(&[bar(word, 1.0, "")], None, "%", 1, Locale::De, "t").expect("chart");
    let drawn = texts(&svg)
        .into_iter()
        .find(|t| t.3 == word)
        .expect("the word whole");
    assert!(drawn.2 < NAME_SIZE, "smaller type: {}", drawn.2);
    assert!(drawn.0 - text_width(word, drawn.2) >= 0.0);
}
