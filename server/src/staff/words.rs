//! The workspace's words in the language of the request (`/nl/staff/…` is
//! Dutch), from `app/locales/*/staff.ftl`, escaped for HTML.

use app::escape::escape_html;
use app::i18n::{self, Arg};

/// The message `key`, escaped.
pub(super) fn w(key: &str) -> String {
    escape_html(&i18n::t(crate::language::current(), key))
}

/// The message `key` with its placeholders filled (values escaped with it).
pub(super) fn wf(key: &str, args: &[(&'static str, Arg)]) -> String {
    escape_html(&i18n::tr(crate::language::current(), key, args))
}

/// The language of the request.
pub(super) fn locale() -> i18n::Locale {
    crate::language::current()
}

/// The message `key`, not escaped (for helpers that escape what they get).
pub(super) fn text(key: &str) -> String {
    i18n::t(crate::language::current(), key)
}

/// The message `key` with its placeholders filled, not escaped.
pub(super) fn text_with(key: &str, args: &[(&'static str, Arg)]) -> String {
    i18n::tr(crate::language::current(), key, args)
}
