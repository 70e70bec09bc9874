//! The district map on a 360 px phone: drawn and visible, never wider than
//! the screen (the page does not scroll sideways), and its table reached
//! from it, on an indicator page and a district page.

use fantoccini::Locator;

use crate::harness::Ctx;

/// `(document width, window width)`: a page wider than the window scrolls
/// sideways.
async fn widths(ctx: &Ctx) -> (f64, f64) {
    let value = ctx
        .client()
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .expect("measure the page");
    let numbers: Vec<f64> = value
        .as_array()
        .expect("two numbers")
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    (numbers[0], numbers[1])
}

/// The map of `css` is shown, usably large, within the screen.
async fn map_fits(ctx: &Ctx, path: &str, css: &str) {
    let map = ctx.wait_for(css).await;
    assert!(
        map.is_displayed().await.expect("displayed"),
        "{path}: {css} hidden"
    );
    let (x, _, width, height) = map.rectangle().await.expect("rect");
    let (page, window) = widths(ctx).await;
    assert!(
        page <= window,
        "{path}: the page is {page} px wide in a {window} px window"
    );
    assert!(
        x >= 0.0 && x + width <= window + 1.0,
        "{path}: the map spans {x}..{} of {window} px",
        x + width
    );
    assert!(
        width >= 0.8 * (window - 40.0) && height >= 150.0,
        "{path}: the map is only {width} × {height} px"
    );
}

pub async fn the_district_map_fits_a_360_px_phone_and_its_table_is_reachable(ctx: Ctx) -> Ctx {
    ctx.client()
        .set_window_size(360, 800)
        .await
        .expect("phone-sized window");
    ctx.open("/indicators/rent-burden").await;
    map_fits(&ctx, "/indicators/rent-burden", ".map-figure svg").await;
    let paths = ctx
        .client()
        .find_all(Locator::Css(".map-figure svg path[data-district]"))
        .await
        .expect("paths");
    assert_eq!(paths.len(), 10, "one shape per district");
    // The table next to the map: in a region of its own that a keyboard
    // reaches (tabindex 0) and that fits the screen, every district in it.
    let region = ctx.wait_for(".map-figure + .table-scroll").await;
    assert_eq!(
        region.attr("tabindex").await.expect("attr").as_deref(),
        Some("0")
    );
    let (x, _, width, _) = region.rectangle().await.expect("rect");
    assert!(
        x + width <= 361.0,
        "the table's region is {width} px wide at {x}"
    );
    let rows = ctx.texts(".map-table tbody th[scope='row']").await;
    assert_eq!(rows.len(), 11, "ten districts and the whole city: {rows:?}");
    assert!(rows.iter().any(|r| r == "Südfeld"), "{rows:?}");
    // Its district links lead on, as a reader would follow one.
    ctx.click(".map-table a[href$='/districts/S%C3%BCdfeld']")
        .await;
    ctx.wait_for(".district-where svg").await;
    assert_eq!(ctx.path().await, "/districts/S%C3%BCdfeld");
    ctx.check_hydration().await;
    map_fits(&ctx, "/districts/Südfeld", ".district-where svg").await;
    let highlighted = ctx
        .client()
        .find(Locator::Css(".district-where svg [data-highlight]"))
        .await
        .expect("the district outlined");
    assert_eq!(
        highlighted
            .attr("data-highlight")
            .await
            .expect("attr")
            .as_deref(),
        Some("Südfeld")
    );
    ctx
}
