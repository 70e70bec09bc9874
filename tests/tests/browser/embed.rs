//! The bare chart page other sites frame (`/embed/{id}`): in a narrow
//! window its chart is drawn at the window's width, and it carries the
//! indicator page's caption and a link back that leaves the frame.

use fantoccini::Locator;

use crate::harness::Ctx;

pub async fn the_embed_page_shows_the_chart_its_caption_and_a_link_back(ctx: Ctx) -> Ctx {
    // The caption the indicator page gives the same chart.
    ctx.open("/indicators/poverty-rate").await;
    let page_caption = ctx.text("figure.chart-figure figcaption").await;
    ctx.client()
        .set_window_size(400, 700)
        .await
        .expect("an iframe-sized window");
    ctx.open_plain("/embed/poverty-rate").await;
    let chart = ctx.wait_for("figure svg[role='img']").await;
    let (x, _, width, height) = chart.rectangle().await.expect("rect");
    let inner: f64 = ctx
        .client()
        .execute("return document.documentElement.clientWidth;", vec![])
        .await
        .expect("measure the window")
        .as_f64()
        .expect("a number");
    assert!(
        width > 0.8 * inner && x + width <= inner + 1.0 && height > 0.0,
        "the chart is {width} × {height} px at {x} in a {inner} px wide page"
    );
    chart
        .find(Locator::Css("circle"))
        .await
        .expect("the chart's markers");
    assert_eq!(ctx.text("figcaption .caption").await, page_caption);
    let link = ctx.wait_for("a[target='_top']").await;
    assert_eq!(
        link.attr("href").await.expect("href").as_deref(),
        Some("/indicators/poverty-rate")
    );
    assert!(
        ctx.client()
            .find_all(Locator::Css("script, header, nav, footer"))
            .await
            .expect("find_all")
            .is_empty(),
        "an embed is bare"
    );
    ctx
}
