# Signing up, resetting a password, and the person's own account pages (templates/accounts/,
# templates/account/, their handlers). Ids start with `acc-`.

## Shared by several account pages

acc-name-label = Your name
acc-your-password = Your password
acc-new-password = New password
acc-password-hint = At least 8 characters. A few words you'll remember work well.
acc-have-account = Already have an account?
acc-not-now = Not now
acc-back-to-account = Back to your account

## Creating an account (templates/accounts/register.html)

acc-register-intro = Each partner has their own account. Your answers are yours: your partner sees them only once you've both answered a check-in.
acc-register-name-hint = The name your partner will see. A first name or nickname is enough.
acc-signup-code-label = Sign-up code
acc-signup-code-hint = This Mutual is open by invitation: the person who runs it gives out codes.
acc-register-therapist = I'm a therapist: couples will invite me to support their check-ins. (You can still be a partner in a couple of your own; the two are kept apart.)
acc-register-therapist-approved = The person who runs this Mutual approves therapist accounts before couples can invite them.
# The consent people give at sign-up is versioned (src/domain/consent.rs,
# DATA_STORAGE_VERSION): these two English messages must stay exactly
# DATA_STORAGE_TEXT and DATA_STORAGE_LABEL (a unit test checks), and every translation
# must say exactly the same as this English, no more and no less.
acc-consent-text = Mutual keeps what you write about your intimate life: your answers to each check-in, the scales and choices you pick, and anything you put into words. It keeps them so that you and your partner can see both sides once you've both answered, and look back together over time. Answers you mark private are only ever shown to you. Everything stays on this server, looked after by the person who runs it, and is never shared with anyone else. You can download all of it, or delete your account, whenever you like.
acc-consent-label = I understand that Mutual stores what I write about my intimate life, and I'm happy for it to.
acc-register-submit = Create my account

## Sign-up closed (templates/accounts/closed.html)

acc-closed-title = Sign-up is closed
acc-closed-heading = Sign-up is closed here
acc-closed-body = This Mutual isn't taking new accounts through the website right now. If you were expecting to join, the person who runs it can set up an account for you.

## A new password from a reset link (templates/accounts/reset.html)

acc-reset-title = Set a new password
acc-reset-intro = Choose a new password for your account. Once it's set, you'll be signed out everywhere, and you can sign in with it straight away.
acc-reset-submit = Set my new password
acc-go-to-sign-in = Go to sign in

## The code after the password (templates/account/code.html)

acc-code-title = Your code
acc-code-heading = One more step
acc-code-intro = Enter the 6-digit code from your authenticator app, or one of your recovery codes.
acc-code-label = Code
acc-code-submit = Continue

## The account page (templates/account/account.html)

acc-title = Your account
acc-signs-in-with = You sign in with
acc-details-heading = Your details
acc-name-hint = The name your partner sees, and a therapist you invite.
acc-details-save = Save my details
acc-email-heading = Your email
acc-email-label = Email you sign in with
acc-current-password = Your current password
acc-current-password-hint = To be sure it's you.
acc-email-save = Change my email
acc-signing-in-heading = Signing in
# Each link, then the words after it (the template puts ": " between them).
acc-devices-more = see them, and sign out any of them.
acc-two-factor-more = a code from your phone as well as your password.
acc-data-heading = Your data
acc-export-json-link = Download all your data
# After the link, with a space between.
acc-export-json-more = as a file (JSON): your account, every check-in you took part in with your own answers, what your partner shared with you, and your therapist links.
acc-export-page-link = Your check-ins on one page
# After the link and a comma.
acc-export-page-more = to print or save as PDF.
# After the link (acc-log-title), with a space between.
acc-log-more = at what you shared, also in a couple that has ended.
# After the link (acc-delete-title) and ": ".
acc-delete-more = asks you to confirm first.

## Devices (templates/account/devices.html)

acc-devices-title = Your devices
acc-devices-heading = Devices you're signed in on
acc-devices-ended = That device is signed out.
acc-devices-others = You're signed out everywhere else.
acc-devices-intro = If you see one you don't recognise, sign it out and change your password.
acc-this-device = This device
# $signed_in and $last_used are a date and time.
acc-device-times = Signed in { $signed_in }, last used { $last_used }
acc-device-sign-out-this = Sign out this device
acc-devices-end-others = Sign out everywhere else

## Changing the password (templates/account/password.html)

acc-password-title = Change your password
acc-password-intro = When you change it, you stay signed in here and are signed out everywhere else.
acc-password-current = Current password
acc-password-new-hint = At least 8 characters. A few unrelated words you'll remember work well.
acc-password-submit = Change my password

## Two-step sign-in (templates/account/two_factor.html)

acc-2fa-title = Two-step sign-in
acc-2fa-turned-on = Two-step sign-in is on.
acc-2fa-codes-heading = Your recovery codes
acc-2fa-codes-intro = If you lose your phone, each of these lets you sign in once. Keep them somewhere safe and private. <strong>They are shown only now.</strong>
acc-2fa-done = Done
acc-2fa-scan = 1. In an authenticator app on your phone, add an account by scanning this code:
acc-2fa-qr-alt = QR code for your authenticator app; the same key is written below.
acc-2fa-key = Or type this key into the app:
acc-2fa-enter = 2. Enter the 6-digit code the app shows
acc-2fa-turn-on = Turn on
acc-2fa-is-on = Two-step sign-in is <strong>on</strong>. After your password, you'll be asked for a code from your app. You have { $count ->
        [one] { $count } unused recovery code
       *[other] { $count } unused recovery codes
    }.
acc-2fa-off-heading = Turn it off
acc-2fa-code-label = A code from your app (or a recovery code)
acc-2fa-turn-off = Turn off two-step sign-in
acc-2fa-is-off = Two-step sign-in is <strong>off</strong>. With it on, signing in needs your password and a code from an authenticator app on your phone, so a guessed or leaked password alone is not enough.
acc-2fa-set-up = Set it up

## When a therapist looked (templates/account/therapist_log.html)

acc-log-title = When a therapist looked
acc-log-intro = Every time a therapist you invited looked at what you shared, in your couple now or in one that has ended. It stays here for you to read.
acc-log-empty = No therapist has looked at anything of yours.
acc-log-when = When
acc-log-who = Who
acc-log-what = What
# What a look showed. The English is also what the log stores (src/domain/therapists),
# so it must stay as it is: the page finds the message by it.
acc-log-viewed-status = how many check-ins were done
acc-log-viewed-scales = the summary: 1-to-5 and multiple-choice answers
acc-log-viewed-words = the summary: 1-to-5 and multiple-choice answers, and shared written answers

## Your check-ins on one page, to print (templates/account/export.html)

acc-export-title = Your check-ins, to keep
acc-export-heading = Your check-ins
# $partner is the partner's name, or acc-export-a-partner.
acc-export-intro = A page to print or save as PDF from your browser's print menu. It holds what you can see in Mutual: all your own answers (private ones too) and what { $partner } shared with you.
acc-export-a-partner = a partner
acc-export-download = Download everything as a file (JSON)
# $when is a date and time.
acc-export-made = made { $when }
acc-export-counts = You and { $partner }: { $completed } check-ins you've both answered, of { $opened } opened in the app (you opened { $yours } and { $partner } opened { $theirs }).
acc-export-every = Every check-in
acc-export-none = No check-ins yet.
acc-export-you = You
acc-export-kept-private = (kept private)
acc-export-skipped = skipped
# $name is the partner's name (English says "Your partner").
acc-export-partner = Your partner
acc-export-nothing-shared = nothing shared
acc-export-so-far = You and { $partner }, so far
# "you" in the charts' captions and tables, beside the partner's name.
acc-export-you-word = you
acc-status-your-turn = waiting for you
acc-status-partner-turn = waiting for your partner
acc-status-revealed = both answered
acc-status-set-aside = set aside
acc-status-closed = closed

## Deleting the account (templates/account/delete.html, deleted.html)

acc-delete-title = Delete your account
acc-delete-intro = This can't be undone. Before you go, you may want to
acc-delete-download = download your data
acc-delete-what = What happens
acc-delete-gone = Your account, your answers (private ones too), your sign-ins on every device, and what you agreed to share with a therapist are deleted.
acc-delete-unlinked = You and { $name } are unlinked. { $name } keeps their own answers; in check-ins you shared, they'll see that your answers were deleted.
acc-delete-before = If you were linked with someone before, they keep their own answers and see that yours were deleted.
acc-delete-therapists = Any therapist you invited can no longer see anything.
# $phrase is what to type, as the form checks it.
acc-delete-confirm = Type “{ $phrase }” to confirm
acc-delete-submit = Delete my account
acc-delete-keep = Keep my account
acc-deleted-title = Your account is deleted
acc-deleted-body = Everything that was yours here is gone. Thank you for the care you put into it.
acc-deleted-back = Back to the start
