//! The words people read, in their language (Project Fluent). Every folder under
//! `locales/` is a language, `locales/<code>/*.ftl`, embedded in the binary: adding a
//! language is adding a folder. English is the default and the fallback for a message a
//! catalogue lacks; the tests below keep every catalogue complete, so none does.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The catalogues, compiled in so the binary runs from any directory.
#[derive(rust_embed::Embed)]
#[folder = "locales/"]
struct Files;

/// The language of a person who states none, and of any message another one lacks.
const DEFAULT: &str = "en";

struct Language {
    code: String,
    bundle: FluentBundle<FluentResource>,
}

/// Every language found under `locales/`, English first (`Lang::default()` is index 0).
static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(load);

/// Reads the embedded catalogues. A catalogue that does not parse is a bug in the build,
/// found by the tests and at start-up ([`loaded`]), never in front of a person.
fn load() -> Vec<Language> {
    let mut files: Vec<String> = Files::iter().map(Cow::into_owned).collect();
    files.sort();
    let mut codes: Vec<String> = files
        .iter()
        .filter_map(|p| p.split_once('/').map(|(code, _)| code.to_owned()))
        .collect();
    codes.sort_by_key(|c| (c != DEFAULT, c.clone()));
    codes.dedup();
    assert_eq!(
        codes.first().map(String::as_str),
        Some(DEFAULT),
        "locales/{DEFAULT} is missing"
    );
    codes
        .into_iter()
        .map(|code| {
            let id: LanguageIdentifier = code
                .parse()
                .unwrap_or_else(|e| panic!("locales/{code} is not a language tag: {e}"));
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Pages are HTML; invisible isolation marks around names would only get in
            // the way of searching and of tests.
            bundle.set_use_isolating(false);
            for path in files.iter().filter(|p| p.starts_with(&format!("{code}/"))) {
                let file = Files::get(path).expect("listed file");
                let source = String::from_utf8_lossy(&file.data).into_owned();
                let resource = FluentResource::try_new(source)
                    .unwrap_or_else(|(_, e)| panic!("locales/{path} does not parse: {e:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("locales/{path}: {e:?}"));
            }
            Language { code, bundle }
        })
        .collect()
}

/// The codes of the languages loaded (`en`, `de`), read once: start-up calls it so a
/// broken catalogue stops the app before it serves.
pub fn loaded() -> Vec<&'static str> {
    Lang::all().map(Lang::code).collect()
}

/// One of the loaded languages. `Lang::default()` is English. As an extractor it is the
/// language the browser asks for in `Accept-Language`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lang(usize);

impl Lang {
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(Lang)
    }

    /// The language's tag, as `<html lang>` wants it.
    pub fn code(self) -> &'static str {
        &LANGUAGES[self.0].code
    }

    /// The loaded language a tag names (`de`, `de-CH`, `DE`), if any.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        let find = |want: &str| Lang::all().find(|l| l.code().eq_ignore_ascii_case(want));
        find(tag).or_else(|| find(primary))
    }

    /// The first loaded language in an `Accept-Language` value, by quality (`q=`), then
    /// by order; English when none is loaded or the header is absent or unreadable.
    pub fn from_accept_language(value: &str) -> Lang {
        let mut wanted: Vec<(f32, &str)> = value
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let q = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
                    Some(q) => q.trim().parse::<f32>().ok()?,
                    None => 1.0,
                };
                (!tag.is_empty() && q > 0.0 && q <= 1.0).then_some((q, tag))
            })
            .collect();
        // Stable: equal qualities keep the browser's order.
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        wanted
            .into_iter()
            .find_map(|(_, tag)| Lang::from_tag(tag))
            .unwrap_or_default()
    }

    /// A stored choice (`users.language`); English if that language is no longer loaded.
    pub fn from_stored(code: &str) -> Lang {
        Lang::from_tag(code).unwrap_or_default()
    }

    /// The language of a signed-out request: the small language link's `?lang=` (see
    /// [`remember_choice`]), then the choice it left in a cookie, then `Accept-Language`.
    pub fn of_request(headers: &HeaderMap, query: Option<&str>) -> Lang {
        if let Some(lang) = query.and_then(chosen_in_query) {
            return lang;
        }
        let cookie = axum_extra::extract::CookieJar::from_headers(headers)
            .get(COOKIE)
            .and_then(|c| Lang::from_tag(c.value()));
        cookie.unwrap_or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_accept_language)
                .unwrap_or_default()
        })
    }

    /// The language's own name, as its link reads (`Deutsch`, `English`).
    pub fn own_name(self) -> Text {
        t(self, "language-name", &[])
    }
}

/// The cookie that keeps a signed-out visitor's choice of language. It holds a language
/// code and nothing else, and a signed-in person's stored choice overrides it.
const COOKIE: &str = "lang";

/// `lang=de` in a query string, if it names a loaded language.
fn chosen_in_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_tag)
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Lang, Self::Rejection> {
        Ok(Lang::of_request(&parts.headers, parts.uri.query()))
    }
}

/// Middleware: a request that chose a language with the small link (`?lang=de`) gets
/// the choice kept in a cookie, so the next signed-out page is in it too.
pub async fn remember_choice(
    axum::extract::State(state): axum::extract::State<crate::app::AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let chosen = req.uri().query().and_then(chosen_in_query);
    let https = state.config.https;
    let mut res = next.run(req).await;
    if let Some(lang) = chosen {
        let cookie = axum_extra::extract::cookie::Cookie::build((COOKIE, lang.code()))
            .path("/")
            .http_only(true)
            .secure(https)
            .same_site(axum_extra::extract::cookie::SameSite::Lax)
            .max_age(time::Duration::days(365))
            .build();
        if let Ok(value) = axum::http::HeaderValue::from_str(&cookie.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    res
}

/// A message in a page. The catalogues are ours, so their text is markup we wrote and is
/// not escaped again (`You're` stays as written); every argument was escaped on the way in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Text {}

/// A value a message can take: a number (plurals choose by it), a string (escaped for
/// HTML here), or another message's [`Text`] (already safe).
pub trait Arg {
    fn value(&self) -> FluentValue<'static>;
}

impl Arg for i64 {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(*self)
    }
}

impl Arg for str {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(escape(self))
    }
}

impl Arg for String {
    fn value(&self) -> FluentValue<'static> {
        self.as_str().value()
    }
}

impl Arg for Text {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.0.clone().into_owned())
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> FluentValue<'static> {
        (**self).value()
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A message the domain named ([`crate::error::Message`]), in `lang`.
pub fn message(lang: Lang, m: &crate::error::Message) -> Text {
    use crate::error::MessageArg;
    let values: Vec<(&str, Box<dyn Arg>)> = m
        .args
        .iter()
        .map(|(name, value)| {
            let v: Box<dyn Arg> = match value {
                MessageArg::Number(n) => Box::new(*n),
                MessageArg::Text(s) => Box::new(s.clone()),
            };
            (*name, v)
        })
        .collect();
    let args: Vec<(&str, &dyn Arg)> = values.iter().map(|(n, v)| (*n, v.as_ref())).collect();
    t(lang, m.id, &args)
}

/// Message `id` in `lang`, with `args` filled in; English if `lang` lacks it, and the id
/// itself (logged) if no catalogue has it.
pub fn t(lang: Lang, id: &str, args: &[(&str, &dyn Arg)]) -> Text {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            a.set(name.to_string(), value.value());
        }
        a
    });
    let languages: &'static [Language] = &LANGUAGES;
    for language in [&languages[lang.0], &languages[0]] {
        let bundle = &language.bundle;
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    id,
                    lang = language.code,
                    ?errors,
                    "a message lacks an argument"
                );
            }
            return Text(text);
        }
    }
    // In a debug build (tests, development) a missing message is a bug to see at once:
    // the page fails rather than show an id. A release shows the id and logs it.
    debug_assert!(false, "no catalogue has the message {id:?}");
    tracing::warn!(id, "no catalogue has this message");
    Text(Cow::Owned(id.to_owned()))
}

#[cfg(test)]
/// Whether a catalogue file translates the prompt library (`locales/de/library.ftl`):
/// its ids are keys of database rows, and English has no such file, since the migrations
/// that seed the library hold the English.
fn is_library_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.starts_with("library"))
}

/// Library content (a set's title, a prompt, a choice; see `web::library`) in `lang`,
/// by its key (`prompt-after-how-was-it`). `None` in English, whose text is the database
/// row itself, and for a key no catalogue has: a couple's or a therapist's own question,
/// which stays as its author wrote it.
pub fn library(lang: Lang, key: &str) -> Option<String> {
    if lang == Lang::default() {
        return None;
    }
    let bundle = &LANGUAGES[lang.0].bundle;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
