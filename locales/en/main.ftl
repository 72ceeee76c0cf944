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

## Forms (templates/macros.html)

form-needs-another-look = Some answers need another look. Everything you typed is still here.
zone-label = Your time zone
zone-hint = Dates and times are shown in it. Dates you give a check-in stay as you give them.

## The note of care, shown only to the person whose answers speak of pressure

care-heading = A note just for you
care-intro = Some of your answers say this didn't feel as free or as easy as it could. Thank you for being honest with yourself. Feeling that way is nobody's failing, and it matters.
care-pause = You can always pause or say no, at any moment, even part-way through, and change your mind.
care-begin = If you'd like to talk about it, one way to begin: “Can we talk about last time? I want us both to feel free to slow down or stop.”
care-private = Anything you write can be kept just for you: tick “Keep this one private” beside it.
care-therapist = You can also bring this to your therapist, in your own time.
care-only-you = Only you see this note. Nothing is sent to your partner or anyone else.

## Languages: each catalogue names its own language, as the link to it reads

language-name = English
language-label = Language
language-hint = The language Mutual speaks to you in. Your partner can choose their own; what each of you writes is shown as written.
language-save = Save my language
language-saved = Your language is saved.

## The account page's notices

account-password-changed = Your password is changed. You're signed out on every other device.
account-details-saved = Your details are saved.
account-email-saved = Saved. If no other account uses that address, it's now the one you sign in with. The address shown below is always the one in use.

## Answers as the side-by-side view shows them (what people wrote stays as written)

answer-scale = { $value } of 5
answer-unreadable = This answer couldn't be read.

## Dates: `3 Mar 2026` and `3 Mar 2026, 14:05`, with the months' short names

date = { $day } { $month } { $year }
date-time = { $date }, { $time }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## The words typed to confirm deleting an account (the English ones always work too)

delete-phrase = delete my account

## The time-zone list's two groups

zone-group-places = Places
zone-group-offsets = Offsets from UTC
