//! `localgoals export-static OUT`: (being written).
