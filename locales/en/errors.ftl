# Messages beside form fields. The domain names them by id (`crate::error::Message`);
# `{ $name }` values come with the message.

## Any form

error-form-unknown-field = This form arrived with something our page doesn't send, so nothing was saved yet. Please send it again from this page.
error-field-garbled = Some characters here could not be read. Please check them and send again.
error-form-garbled = Part of this form arrived garbled, so nothing was saved yet. Please check it and send it again.
error-field-twice = This arrived twice, so nothing was saved yet. Please check it and send again.
error-form-twice = Part of this form arrived twice, so nothing was saved yet. Please check it and send it again.

## Accounts: sign-up, sign-in, details, passwords

error-name-empty = Please enter the name your partner will see.
error-name-too-long = Please keep the name to { $max } characters or fewer.
error-name-characters = Please use only letters, numbers, spaces and punctuation.
error-email-empty = Please enter your email address.
error-email-shape = That doesn't look like an email address. It needs an @ and a domain.
error-password-short = Please use at least { $min } characters.
error-password-long = Please use at most { $max } characters.
error-password-common = That password is one of the most common ones, so it is easy to guess. A few unrelated words work well.
error-password-has-email = Please choose a password that doesn't contain your email address.
error-current-password-wrong = That isn't your current password.
error-password-paused = There have been several wrong passwords, so we're pausing this for a little while. Please try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-signup-code-empty = Please enter the sign-up code you were given. This Mutual is open by invitation only.
error-signup-code-not-valid = That sign-up code doesn't work: it may have been used already or have expired. Please check it, or ask the person who runs this Mutual for a new one.
error-login-failed = Email or password is wrong.
error-login-paused = There have been several wrong passwords for this email, so we're pausing sign-in for it. Please try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }. If you're signed in elsewhere, that still works.
error-reset-link-gone = This link doesn't work any more: each link works once, for one hour. Your password hasn't changed. Please ask the person who runs this Mutual for a new link.

## Your data: deleting the account

error-password-wrong = That isn't your password.
error-delete-confirm = To be sure, please type “{ $words }” here.

## Two-step sign-in

error-two-step-setup-code = That code didn't match. Check the time on your phone and try the newest code.
error-two-step-paused = There have been several wrong codes, so we're pausing two-step sign-in for this account for a while. Please try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-two-step-code = That code didn't match, or was used already. Try the newest code from your app, or a recovery code.
error-two-step-disable-code = That code didn't match (or was used already).

## Couples: joining with a code

error-join-paused = That's a lot of codes in a short time. Please check the code with your partner and try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-join-paused-therapist = That's a lot of codes in a short time. Please check the code with your therapist and try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-code-shape = That code doesn't look right. It has 10 letters and numbers, like ABCDE-12345.
error-code-unknown = We couldn't find that code. Please check it with your partner.
error-code-expired = That code has expired (codes last 72 hours). Ask your partner to make a new one.
error-code-used = That code has already been used. Ask your partner to make a new one.
error-code-own = That's your own code. Share it with your partner so they can join you.
error-code-already-linked = You're already linked with a partner. Unlink first to join someone else.
error-code-inviter-linked = The person who made this code is already linked with someone. Ask them for a new code.
error-code-changed = Something changed while you were joining. Please try again.

## Check-ins

error-checkin-set = Please choose one of the sets of questions.
error-checkin-date = Please give the date as year-month-day, like 2026-05-31, or leave it empty.
error-checkin-date-future = That date is in the future. Leave it empty if you'd rather not say.
error-answer-scale = Please pick a number from 1 to 5, or skip this one.
error-answer-choice = Please pick one of the options, or skip this one.
error-answer-characters = This answer holds a character we can't keep (an invisible control character). Please retype that part.
error-answer-long = This answer is { $length } characters long; please keep it to { $max }.

## Time zones

error-zone-not-offered = Please choose a time zone from the list.

## Therapists: links, exercises and their own sets

error-exercise-set = Please choose a set of questions.
error-exercise-note = Please keep the note to 1000 characters of plain text.
error-exercise-date = Please give the date as year-month-day.
error-exercise-count = Please give a number from 1 to 50, or leave it empty.
error-exercise-end-before-start = The end date comes before the start.
error-exercise-no-goal = Please give a number of check-ins, an end date, or both.
error-link-level = Please choose what they may see.
error-therapist-code-shape = That code doesn't look right. It has 10 letters and numbers.
error-therapist-code-unknown = We couldn't find a therapist with that code. Please check it with them.
error-therapist-code-expired = That code has expired. Please ask your therapist for their current code.
error-therapist-code-own = That's one of you two. A therapist has to be someone else.
error-set-title = Please give the set a short title (up to 80 characters).
error-set-description = Please keep the description to 500 characters.
error-set-question-long = Please keep a question to 300 characters.
error-set-scale-words = A 1-to-5 question needs words for 1 and for 5.
error-set-choices = A choice question needs 2 to 6 options, one per line.
error-set-no-question = Please write at least one question.

## Consent at sign-up

error-consent-missing = Mutual can only keep your answers with your agreement. Please tick this box if you're happy with that; nothing is created until you do.
