# Therapists' pages and the couple's page about their therapist (templates/therapists/,
# src/web/therapists.rs, therapist_sets.rs, therapist_exercises.rs). Library sets and
# questions are translated in library*.ftl; what people wrote stays as written.

## Words several pages share

ther-and = and
ther-change = Change
ther-retire = Retire
ther-cancel = Cancel
ther-keep-it = Keep it
ther-not-now = Not now
ther-question = Question
ther-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}

## What a partner lets a therapist see (the consent levels)

ther-level-status = Only whether check-ins were done
ther-level-scales = Whether check-ins were done, 1-to-5 and multiple-choice answers, and the summary
ther-level-words = Whether check-ins were done, 1-to-5 and multiple-choice answers, the summary, and written answers (never ones kept private)

## What a therapist's look showed, in the couple's log of looks

ther-viewed-status = how many check-ins were done
ther-viewed-scales = the summary: 1-to-5 and multiple-choice answers
ther-viewed-words = the summary: 1-to-5 and multiple-choice answers, and shared written answers

## The therapist's dashboard (templates/therapists/dashboard.html)

ther-dashboard-title = Your couples
ther-notice-code = Here is your new code. The one before it no longer works.
ther-notice-dismiss = Okay, thank you
ther-waiting-approval = <strong>Your therapist account is waiting for approval</strong> from the person who runs this Mutual. There's nothing you need to do; it usually just takes a little while.
ther-waiting-meanwhile = Until then couples can't invite you, and no couple appears here. You can already write sets of questions and turn on <a href="/account/two-factor">two-step sign-in</a>, which you'll need before you see any couple.
ther-code-intro = Couples invite you with your code:
ther-code-until = It works until { $until }. A new code makes this one stop working.
ther-code-expired = Your code for couples to invite you with has expired. Make a new one when a couple is ready to invite you.
ther-code-new = Make a new code
ther-code-what-you-see = You see a couple only once both partners have agreed, and only what both agreed to.
ther-sets-link = Your question sets
ther-sets-link-hint = Read the library's, and write your own to assign to your couples.
ther-two-step-first = Before you can see any couple, please turn on <a href="/account/two-factor">two-step sign-in</a>. It keeps couples' words safe even if your password leaks.
ther-no-couples = No couples yet.
ther-pending-invitations = { $count ->
    [one] { $count } invitation waits
   *[other] { $count } invitations wait
    } for the second partner's agreement.
ther-pending-more = { $count } more waiting for both partners' agreement.
ther-own-couple = A partner in a couple of your own, too? <a href="/couple">Link with your partner</a>; your own check-ins stay apart from your work.

## The therapist's question sets (templates/therapists/sets.html)

ther-notice-set-created = Your set is saved. It is offered beside the library's when you assign an exercise.
ther-notice-set-edited = Your changes are saved.
ther-notice-set-new-version = Your changes are saved as a new version. Check-ins already done keep the questions they asked; exercises you gave with it use the new version from their next check-in.
ther-notice-set-retired = The set is retired. It is no longer offered; check-ins that used it keep their questions.
ther-sets-intro = Sets you write appear beside the library's when you assign an exercise. Couples see a set only through an exercise you give them.
ther-write-set = Write a set of questions
ther-written-by-you = Written by you
ther-no-own-sets = You haven't written a set yet.
ther-in-exercises = { $count ->
    [one] in { $count } exercise
   *[other] in { $count } exercises
}
ther-used-in-checkins = used in check-ins
ther-library = The library

## One set, as each partner sees it (templates/therapists/set.html)

ther-back-to-assigning = Back to assigning an exercise
ther-back-to-sets = Back to your question sets
ther-set-retired = You retired this set: it is no longer offered for exercises. Check-ins that used it keep these questions.
ther-set-by-you = Written by you.
ther-set-from-library = From the library.
ther-set-as-seen = { $count ->
    [one] { $count } question
   *[other] { $count } questions
    }, as each partner sees them. Either of them can skip any question, and keep a written answer private.
ther-scale-ends = From 1 to 5: 1 is “{ $low }”, 5 is “{ $high }”.
ther-choose-one = Choose one:
ther-own-words = In their own words.
ther-change-set = Change this set
ther-retire-it = Retire it

## Writing or changing a set (templates/therapists/set_form.html)

ther-change-set-title = Change a set of questions
ther-set-used = A couple has already used this set. Saving makes a <strong>new version</strong>: the check-ins they did keep the questions they were asked, and exercises you gave with it use the new version from their next check-in.
ther-set-unused = No couple has started a check-in with this set yet, so your changes simply replace it.
ther-set-new-intro = Your set appears beside the library's when you assign an exercise. Couples see it only through an exercise you give them.
ther-rows-skipped = Rows you leave empty are skipped.
ther-set-title = Title
ther-set-description = A sentence for the couple (optional)
ther-question-n = Question { $n }
ther-kind = Kind of answer
ther-kind-text = In their own words
ther-kind-scale = 1 to 5
ther-kind-choice = Choose one option
ther-scale-low = For 1-to-5: words for 1
ther-scale-high = and for 5
ther-choices = For a choice: the options, one per line
ther-save-new-version = Save as a new version
ther-save-set = Save the set

## Retiring a set (templates/therapists/retire_set.html)

ther-retire-title = Retire a set
ther-retire-heading = Retire “{ $title }”?
ther-retire-if = If you retire it:
ther-retire-not-offered = It is no longer offered when you assign an exercise, and you can no longer change it.
ther-retire-checkins-keep = Check-ins that used it keep the questions they were asked, for the couple and for you.
ther-retire-exercises = { $count ->
    [one] { $count } exercise
   *[other] { $count } exercises
    } you gave with it go on as they are. You can change or cancel each on its couple's page.
ther-retire-yes = Yes, retire it

## One couple, as their therapist sees them (templates/therapists/couple.html)

ther-couple-title = A couple
ther-couple-names = { $first } and { $second }
ther-notice-assigned = The exercise is assigned. They see it on their home page.
ther-notice-exercise-saved = Your changes to the exercise are saved. They see them now.
ther-notice-cancelled = The exercise is cancelled. They no longer see it; check-ins they did for it stay theirs.
ther-couple-shares = They agreed to share: { $level }. Each time you open this page, they can see that you did.
ther-stat-completed = check-ins both answered
ther-stat-open = still open
ther-exercises = Check-in exercises
ther-no-exercises = None assigned yet.
ther-exercise-from = from { $date }
ther-cancelled = Cancelled
ther-shared-answers = { $title }, { $date }: their shared answers
ther-assign-heading = Assign an exercise
ther-assign = Assign
ther-trends = How it has felt
ther-choices-heading = What each chose
ther-choices-intro = How many times each partner picked each answer, in check-ins they both answered.
ther-keep-heading = What they enjoyed
ther-change-heading = What they'd like to change

## The exercise form's fields (templates/therapists/exercise_fields.html)

ther-field-set = Questions
ther-set-retired-title = { $title } (retired)
ther-read-first = Read a set's questions first
ther-field-note = A note for them (optional)
ther-field-starts = From (optional, today if empty)
ther-field-count = How many check-ins
ther-field-ends = By (optional)

## Changing an exercise (templates/therapists/exercise_form.html)

ther-exercise-title = Change an exercise
ther-back-to-couple = Back to the couple
ther-exercise-intro = { $title }: { $progress }. The couple sees your changes at once. Check-ins they already started keep the questions they began with.
ther-save-changes = Save the changes

## Cancelling an exercise (templates/therapists/cancel_exercise.html)

ther-cancel-title = Cancel an exercise
ther-cancel-heading = Cancel “{ $title }”?
ther-cancel-note = { $progress }. Your note: “{ $note }”
ther-cancel-if = If you cancel it:
ther-cancel-not-seen = The couple no longer sees it on their home page and cannot start it.
ther-cancel-checkins-stay = Check-ins they already did for it stay theirs, and stay on your page as before, within what they agreed to share.
ther-cancel-again = To ask for it again later, assign a new exercise.
ther-cancel-yes = Yes, cancel it

## The couple's page about their therapist (templates/therapists/for_couple.html)

ther-yours-title = Your therapist
ther-notice-invited = Invitation sent. Your therapist sees nothing until your partner agrees too.
ther-notice-consent = Your choice is saved.
ther-notice-revoked = Done. Your therapist no longer sees anything of either of you, past or future, and your partner has been told.
ther-yours-intro = A therapist you both invite can support your check-ins. They see nothing until you have <strong>both</strong> agreed, then only the lesser of what the two of you chose. Answers either of you kept private are never shown to them. Either of you can stop it at any time.
ther-active = Active
ther-waiting-for-you = Waiting for you
ther-waiting-for = Waiting for { $name }
ther-you-chose = You chose: { $level }.
ther-partner-chose = { $name } chose: { $level }.
ther-applies = <strong>What applies for both of you</strong> is the lower of your two choices: { $level }.
ther-partner-not-chosen = { $name } hasn't chosen yet. Until then { $therapist } sees nothing.
ther-partner-has-chosen = { $name } has made their choice; you'll see it once you've made yours, so that yours is your own.
ther-neither-chosen = Neither of you has chosen yet.
ther-sees-lower = { $therapist } sees only the lower of your two choices, and nothing until you have both chosen.
ther-what-may-see = What may { $therapist } see of yours?
ther-save-choice = Save my choice
ther-agree = Agree
ther-stopping = Stopping ends the link for both of you, at once: { $therapist } will see nothing of either of you, including what they saw before.
ther-stop-sharing = Stop sharing with { $therapist }…
ther-invite-heading = Invite a therapist
ther-their-code = Their code
ther-what-may-they-see = What may they see of yours?
ther-invite = Invite
ther-log-heading = When a therapist looked
ther-log-empty = No therapist has looked at anything of yours.
ther-log-when = When
ther-log-who = Who
ther-log-what = What
ther-log-all = Every look, also in a couple that has ended

## Stopping the sharing (templates/therapists/revoke.html)

ther-revoke-title = Stop sharing with { $therapist }?
ther-revoke-both = This ends the link for <strong>both of you</strong>, not only for you: { $therapist } will no longer see anything of either of you, including what they saw before, and their exercises for you end.
ther-revoke-partner-told = { $name } will see a short note that sharing has stopped. You can invite { $therapist } again together whenever you both want.
ther-revoke-partner-told-unnamed = Your partner will see a short note that sharing has stopped. You can invite { $therapist } again together whenever you both want.
ther-revoke-yes = Yes, stop sharing for both of us
ther-keep-sharing = Keep sharing
