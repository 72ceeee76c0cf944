# Mutual's words, in English: the default and the fallback. Every other language has
# the same message ids (a unit test in src/web/i18n.rs checks), and every id here is
# used somewhere in src/ or templates/.

## The frame every page shares (templates/base.html)

skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-checkins = Check-ins
nav-together = Together
nav-couple = Couple
nav-account = Account
nav-your-couples = Your couples
nav-question-sets = Question sets
nav-own-checkins = Your own check-ins
sign-out = Sign out
sign-in = Sign in
create-account = Create an account
footer = Mutual keeps what you write on this server only. No tracking, no ads.

## Counts in words, for running text: a small count in words, a larger one in digits.

count-words = { $n ->
    [0] no
    [1] one
    [2] two
    [3] three
    [4] four
    [5] five
    [6] six
    [7] seven
    [8] eight
    [9] nine
    [10] ten
    [11] eleven
    [12] twelve
   *[other] { $n }
}

## The landing page (templates/landing.html)

landing-title = Welcome
landing-heading = How was it for both of you?
# $count is the number of questions, $words the same number as count-words gives it.
landing-lead = Mutual is a private place for two partners to check in after being intimate: each of you answers { $count ->
        [one] { $words } gentle question
       *[other] { $words } gentle questions
    } on your own, and you see each other's answers side by side once you've both answered.
landing-hidden = Your answers stay hidden until you've both answered.
landing-skip = Skip anything. Keep any written answer just for yourself.
landing-over-time = Over time, see what feels good to keep and what you'd both like to change.

## The sign-in page (templates/accounts/login.html)

login-registered = Thank you. If that email address was new here, your account is ready: sign in below. If it was already registered, sign in with its password.
login-reset = Your new password is set, and you've been signed out everywhere. Sign in with it below.
login-signed-out = You're signed out. See you soon.
login-email = Email
login-password = Password
login-new-here = New here?

## Error pages (src/web/errors.rs, templates/error.html)

error-home = Go to the home page
error-not-found-title = Nothing here
error-not-found = We couldn't find that page. It may have moved, or it isn't yours to see.
error-forbidden-title = That didn't go through
error-forbidden = The form was too old or came from somewhere else. Please go back, reload the page and try again.
error-invalid-title = Something needs another look
error-invalid = Some of what was sent could not be used. Please go back and check the form.
error-bad-request-title = That request didn't make sense to us
error-bad-request = Please go back, reload the page and try again.
error-rate-limited-title = Let's take a short break
error-rate-limited = There have been a lot of attempts in a short time. Please wait a few minutes and try again.
error-too-large-title = That was more than we can take in one go
error-too-large = Please shorten what you wrote and try again.
error-conflict-title = That has already changed
error-conflict = Things moved on while this page was open. Please go back and reload.
error-internal-title = Something went wrong on our side
error-internal = Nothing you did caused this. Please try again in a moment.
