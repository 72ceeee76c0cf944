//! A browser-like client: one person's cookies, the pages it reads, and the forms it
//! posts the way our pages do (with the CSRF token).

use std::sync::Arc;

use reqwest::header::{HeaderMap, CONTENT_TYPE, LOCATION};
use reqwest::StatusCode;
use scraper::{Html, Selector};

use super::PASSWORD;

pub(super) fn client(jar: Arc<reqwest::cookie::Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A response, read in full.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// Texts of every element matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = Selector::parse(selector).unwrap();
        self.html()
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> Option<String> {
        let sel = Selector::parse(selector).unwrap();
        self.html()
            .select(&sel)
            .next()
            .and_then(|e| e.value().attr(attr).map(str::to_owned))
    }

    /// The words of the notice that says an action was done.
    pub fn notice(&self) -> String {
        self.texts("p.notice[role=status]").join(" ")
    }

    #[track_caller]
    pub fn assert_redirect_to(&self, prefix: &str) {
        assert!(
            self.status.is_redirection() && self.location().starts_with(prefix),
            "expected a redirect to {prefix}, got {} to {:?}\n{}",
            self.status,
            self.location(),
            self.body
        );
    }

    #[track_caller]
    pub fn assert_ok(&self) {
        assert_eq!(self.status, StatusCode::OK, "{}", self.body);
    }
}

/// The sign-up form as a person fills it in: their name, the email made from it, the
/// suite's password and the consent box ticked. [`SignUp::with`] changes or adds a field,
/// [`SignUp::without`] leaves one out; the fields go in the order the page has them.
#[derive(Clone, Debug)]
pub struct SignUp {
    fields: Vec<(&'static str, String)>,
}

impl SignUp {
    pub fn of(name: &str) -> SignUp {
        SignUp {
            fields: vec![
                ("display_name", name.to_owned()),
                ("email", Browser::email(name)),
                ("password", PASSWORD.to_owned()),
                ("consent", "yes".to_owned()),
            ],
        }
    }

    /// `field` set to `value`, in its place if the form has it, else added at the end.
    pub fn with(mut self, field: &'static str, value: &str) -> SignUp {
        match self.fields.iter_mut().find(|(f, _)| *f == field) {
            Some((_, v)) => *v = value.to_owned(),
            None => self.fields.push((field, value.to_owned())),
        }
        self
    }

    /// `field` not sent at all (a box left unticked).
    pub fn without(mut self, field: &str) -> SignUp {
        self.fields.retain(|(f, _)| *f != field);
        self
    }
}

/// A browser: one person's cookies, and helpers to use the app as they would.
#[derive(Clone)]
pub struct Browser {
    pub base: String,
    pub(super) client: reqwest::Client,
    pub(super) jar: Arc<reqwest::cookie::Jar>,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Page {
        let res = self
            .client
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .expect("GET");
        read(res).await
    }

    /// A GET with extra header lines (`Accept-Language` and the like).
    pub async fn get_with_headers(&self, path: &str, lines: &[(&str, &str)]) -> Page {
        let mut req = self.client.get(format!("{}{}", self.base, path));
        for (name, value) in lines {
            req = req.header(*name, *value);
        }
        read(req.send().await.expect("GET")).await
    }

    /// The CSRF token our pages put in their forms for this browser.
    pub async fn csrf(&self) -> String {
        for path in ["/checkins", "/login"] {
            let page = self.get(path).await;
            if let Some(t) = page.attr("input[name=csrf_token]", "value") {
                return t;
            }
        }
        panic!("no page offered a form token")
    }

    /// A GET, or else a form posted with `fields`.
    pub async fn send(&self, method: &str, path: &str, fields: &[(&str, &str)]) -> Page {
        match method {
            "GET" => self.get(path).await,
            _ => self.post_form(path, fields).await,
        }
    }

    /// Posts a form the way our pages do, with this browser's token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &serde_urlencoded::to_string(&all).unwrap())
            .await
    }

    /// Posts an exact url-encoded body.
    pub async fn post_raw(&self, path: &str, body: &str) -> Page {
        self.post_with_type(path, body.to_owned(), "application/x-www-form-urlencoded")
            .await
    }

    /// A form post with one extra header.
    pub async fn post_with_headers(
        &self,
        path: &str,
        body: String,
        header: Option<(&str, &str)>,
    ) -> Page {
        self.post_with_header_lines(path, body, header.as_slice())
            .await
    }

    /// A form post with extra header lines, sent in this order (a name given twice is
    /// sent as two lines).
    pub async fn post_with_header_lines(
        &self,
        path: &str,
        body: String,
        lines: &[(&str, &str)],
    ) -> Page {
        let mut req = self
            .client
            .post(format!("{}{}", self.base, path))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        for (name, value) in lines {
            req = req.header(*name, *value);
        }
        read(req.send().await.expect("POST")).await
    }

    pub async fn post_with_type(&self, path: &str, body: String, content_type: &str) -> Page {
        let res = self
            .client
            .post(format!("{}{}", self.base, path))
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .expect("POST");
        read(res).await
    }

    /// This browser's cookies as a `Cookie` header, to replay them from another client.
    pub async fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url: reqwest::Url = self.base.parse().unwrap();
        self.jar
            .cookies(&url)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }

    pub fn email(name: &str) -> String {
        format!("{}@example.org", name.to_lowercase())
    }

    /// Posts the sign-up form.
    pub async fn register(&self, form: SignUp) -> Page {
        let fields: Vec<(&str, &str)> = form.fields.iter().map(|(f, v)| (*f, v.as_str())).collect();
        self.post_form("/register", &fields).await
    }

    pub async fn sign_up(&self, name: &str) {
        self.register(SignUp::of(name))
            .await
            .assert_redirect_to("/login?registered=1");
        self.sign_in(name).await.assert_redirect_to("/");
    }

    pub async fn sign_in(&self, name: &str) -> Page {
        self.post_form(
            "/login",
            &[("email", &Self::email(name)), ("password", PASSWORD)],
        )
        .await
    }

    pub async fn sign_out(&self) {
        self.post_form("/logout", &[])
            .await
            .assert_redirect_to("/login");
    }

    /// Makes an invite and returns its code as shown on the page.
    pub async fn invite_code(&self) -> String {
        self.post_form("/couple/invite", &[])
            .await
            .assert_redirect_to("/couple");
        let page = self.get("/couple").await;
        page.texts("code")
            .into_iter()
            .next()
            .expect("an invite code is shown")
    }

    /// Starts a check-in from a set and returns its id.
    pub async fn start_checkin(&self, set: &str) -> String {
        let page = self.post_form("/checkins", &[("prompt_set_id", set)]).await;
        page.assert_redirect_to("/checkins/");
        page.location().trim_start_matches("/checkins/").to_owned()
    }

    pub async fn answer(&self, checkin: &str, fields: &[(&str, &str)]) -> Page {
        self.post_form(&format!("/checkins/{checkin}/answers"), fields)
            .await
    }
}

/// Links `b` to `a` as a person does: `b` types `a`'s code, sees who it is from, and
/// confirms.
pub async fn link(a: &Browser, b: &Browser) {
    let code = a.invite_code().await;
    let typed = b.post_form("/couple/join", &[("code", &code)]).await;
    typed.assert_redirect_to("/join/");
    let page = b.get(typed.location()).await;
    page.assert_ok();
    let stored = page
        .attr("input[name=code]", "value")
        .expect("the confirmation form");
    b.post_form("/couple/join", &[("code", &stored), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
}

async fn read(res: reqwest::Response) -> Page {
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.text().await.unwrap_or_default();
    Page {
        status,
        headers,
        body,
    }
}
