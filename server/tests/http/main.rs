//! The router answered in-process with `tower::ServiceExt::oneshot`: pages are
//! server-rendered with the demo data, unknown things are 404s, internal
//! indicators never leave the server, health is JSON. One test binary, one
//! module per topic, helpers in `common`.

mod actions_upload;
mod api;
mod assets;
mod authorization;
mod canada;
mod catalogue_upload;
mod charts;
mod common;
mod downloads;
mod embed;
mod equality;
mod feeds;
#[path = "../../../indicators/tests/common/mod.rs"]
mod fixtures;
mod health;
mod hostile;
mod indicator;
mod languages;
mod map;
mod metadata;
mod monitoring;
mod narratives;
mod overviews;
mod page_cache;
mod people;
mod quality;
mod recommendations;
mod report;
mod rights_uploads;
mod search_compare;
mod security;
mod staff;
mod staff_app;
mod staff_languages;
mod workspace_flow;
