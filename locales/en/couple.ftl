# The couple's own pages: home, check-ins, the couple page, the summary.

## Check-in states (src/web/fmt.rs status_label), in lists and headings

checkin-status-your-turn = Waiting for you, whenever you're ready
checkin-status-partner-turn = Waiting for your partner
checkin-status-revealed = Both answered
checkin-status-set-aside = Set aside
checkin-status-closed = Closed

## A therapist's exercise, how far it is (src/web/fmt.rs progress)

checkin-progress-of = { $done } of { $target } done
checkin-progress-done = { $done } done
# $progress is one of the two above.
checkin-progress-by = { $progress }, by { $date }

## The home page (templates/home.html)

home-title = Home
home-hello = Hello, { $name }
home-notice-dismiss = Okay, thank you
home-notice-partner-unlinked = Your partner unlinked your accounts. Your own answers are all still here; check-ins you shared now show only yours.
home-notice-partner-deleted = Your partner deleted their account, and their answers with it. Your own answers are all still here.
home-notice-therapist-stopped = Your partner stopped sharing with your therapist, for both of you: they no longer see anything of either of you. You can invite them again together whenever you both want.
# Shown to a therapist, on their dashboard.
home-notice-couple-stopped = A couple stopped sharing with you, or is no longer linked. You no longer see anything of theirs.
home-notice-other = Something changed in how you share.
home-linked-with = You're linked with { $partner }.
home-start-checkin = Start a check-in
home-see-summary = See how it's been for you both
home-link-heading = Link with your partner
home-link-text = Check-ins are for two. Make an invite code for your partner, or enter the one they gave you.
home-link-button = Link with your partner
home-therapist-invited-heading = { $therapist } is invited to support your check-ins
home-therapist-invited-by = { $partner } has invited { $therapist } and made their choice of what { $therapist } may see. Nothing is shared until you choose too, and { $therapist } then sees only the lower of your two choices. Saying no is fine.
home-therapist-invited = Your partner has invited { $therapist } and made their choice of what { $therapist } may see. Nothing is shared until you choose too, and { $therapist } then sees only the lower of your two choices. Saying no is fine.
home-therapist-choose = Choose what { $therapist } may see
home-assignments-heading = From your therapist
home-assignment-from = <strong>{ $set }</strong>, from { $therapist }
home-assignment-start = Start this check-in
home-assignments-whenever = Whenever it suits you both. Skipping is always fine.
home-open-heading = Open check-ins
home-open-none = Nothing open right now.
home-open-start = Whenever you like, you can start a check-in.
home-recent-heading = Recently
home-all-checkins = All check-ins

## Check-ins: the list, starting one, answering, the reveal (templates/checkins/*)

checkin-list-title = Check-ins
checkin-list-none = No check-ins yet.
checkin-list-first = Start your first one whenever it feels right.
checkin-list-link-first = Once you've <a href="/couple">linked with your partner</a>, you can start your first one.
checkin-new-title = Start a check-in
checkin-new-lead = You'll each answer on your own. Nothing is shared until you've both answered, and you can skip anything.
checkin-new-which = Which questions?
checkin-new-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
checkin-new-when = When was it? (optional)
checkin-new-when-hint = Leave it empty if you'd rather not say.
checkin-new-start = Start
checkin-not-now = Not now
# Instead of the partner's name, where there is none any more.
checkin-your-partner = Your partner
checkin-notice-saved = Your answers are saved. You can change them until your partner has answered too.
checkin-notice-revealed = You've both answered. Here they are, side by side.
checkin-answered-waiting = You've answered. Your answers stay hidden until { $partner } has answered too, and you can change them until then.
checkin-answer-lead = Answer on your own, in your own words. { $partner } won't see anything until you've both answered. Skip whatever you like.
checkin-skip-this = Skip this one
checkin-unreadable-earlier = Your earlier answer here couldn't be read, so it isn't shown. Anything you write now replaces it.
checkin-keep-private = Keep this one private
checkin-keep-private-hint = (only you will ever see it)
checkin-save-changes = Save my changes
checkin-save-answers = Save my answers
checkin-set-aside-text = Not the right time for this one? Either of you can set it aside; nothing is shared.
checkin-set-aside = Set this check-in aside
checkin-partner-deleted = Your partner deleted their account, so their answers were deleted too. Yours are still here.
checkin-side-by-side = Here are your answers side by side. There are no right answers, just two views of the same time together.
checkin-linked-again = This check-in is from an earlier time the two of you were linked, so only your own answers are shown here for now. You can both choose to bring back your shared history on <a href="/couple">your couple page</a>.
checkin-no-longer-linked = You're no longer linked, so only your own answers are shown.
checkin-not-finished = This check-in wasn't finished by both of you, so only your own answers are shown.
# The heading over the reader's own answers; the partner's has their name.
checkin-you = You
checkin-kept-private = Kept private: only you see this.
checkin-skipped = Skipped
checkin-nothing-shared = Nothing shared for this one
