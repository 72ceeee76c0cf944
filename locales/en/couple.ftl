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

## The couple page (templates/couples/couple.html)

couple-title = Your couple
couple-notice-linked = You're linked. Welcome, both of you.
couple-notice-unlinked = You're no longer linked. Your own answers stay here for you.
couple-notice-invite = Here is your code. It works once and lasts 72 hours.
couple-notice-history = Your earlier check-ins are back, in your list and your summary.
couple-notice-history-waiting = Thank you. Your earlier check-ins come back once your partner agrees too.
couple-linked = You're linked with <strong>{ $partner }</strong>.
couple-linked-since = You're linked with <strong>{ $partner }</strong> since { $date }.
couple-same-checkins = You both see the same check-ins and the same summary.
couple-history-heading = Your earlier check-ins
couple-history-text = You were linked with { $partner } before, and answered { $count ->
        [one] { $count } check-in
       *[other] { $count } check-ins
    } together then. You can bring them back into your list and your summary, if you both want to. Answers either of you kept private stay private.
couple-history-you-agreed = You've said yes. They come back once { $partner } says yes too.
couple-history-partner-agreed = { $partner } would like to bring them back.
couple-history-bring-back = Bring back our earlier check-ins
couple-therapist-heading = A therapist
couple-therapist-text = If you see a therapist together, you can invite them to support your check-ins, and choose what they may see.
couple-therapist-link = Your therapist
couple-unlinking-heading = Unlinking
couple-unlinking-text = Either of you can unlink at any time. You'll each keep your own answers; neither of you will see the other's any more.
couple-unlink-button = Unlink…
couple-invite-heading = Invite your partner
couple-invite-give = Give your partner this code, or send them the link. It works once, until { $until }.
# Before the invite link itself.
couple-invite-link = Link:
couple-invite-new = Make a new code instead
couple-invite-make-text = Make a code to share with your partner. It works once and lasts 72 hours.
couple-invite-make = Make an invite code
couple-join-heading = Have a code from your partner?
couple-join-code = Invite code
couple-join-code-hint = 10 letters and numbers, like ABCDE-12345.
couple-join-button = Link with my partner
couple-log-heading = When a therapist looked
couple-log-text = A therapist was linked with a couple you were in. What they looked at, and when, stays here for you:

## The page an invite link opens (templates/couples/join.html)

couple-join-title = Join your partner
couple-join-page-heading = Join your partner on Mutual
couple-join-invited = Your partner invited you with the code <code>{ $code }</code>.
couple-join-first-account = First create your own account (or sign in), then you'll come straight back here to link.
couple-join-already-linked = You're already linked with a partner. To join someone else, unlink first on <a href="/couple">your couple page</a>.
couple-join-from = This invite is from <strong>{ $name }</strong>. Only link if that's your partner.
couple-join-means = Linking means you'll start check-ins together and see each other's answers once you've both answered. Either of you can unlink at any time.
couple-join-link-with = Link with { $name }
couple-join-used = This code can't be used any more: it may have expired or already been used. Ask your partner to make a new one.

## Unlinking (templates/couples/unlink.html)

couple-unlink-title = Unlink
couple-unlink-heading = Unlink from { $partner }?
couple-unlink-if = If you unlink:
couple-unlink-no-new = Neither of you can start new check-ins together.
couple-unlink-keep-own = You each keep your own past answers, and see only your own from now on.
couple-unlink-closed = Check-ins that neither finished are closed.
couple-unlink-again = To link again later, one of you makes a new invite code.
couple-unlink-yes = Yes, unlink
couple-unlink-keep = Keep us linked

## The summary (templates/summary.html, templates/summary_parts.html)

# The reader, beside the partner's name: in running text, and capitalised over a column.
summary-you = you
summary-heading = You and { $partner }
summary-lead = Only check-ins you've both answered count here, and nothing either of you kept private.
summary-empty = No finished check-ins yet: start your first one, and this page will fill in as you go.
summary-stat-completed = { $count ->
    [one] check-in you've both answered
   *[other] check-ins you've both answered
}
summary-stat-open = still open
summary-balance-heading = Balance
summary-balance-noticing = Just for noticing, not for keeping score.
summary-started = Who opened check-ins here in the app: you { $you } ({ $you_percent }%), { $partner } { $partner_count } ({ $partner_percent }%).
summary-started-all = That is every check-in opened so far, { $total } in all: { $completed } you've both answered. It is about the app only, not about who reaches out to be close.
summary-started-all-open = That is every check-in opened so far, { $total } in all: { $completed } you've both answered and { $open } still open or set aside. It is about the app only, not about who reaches out to be close.
summary-mattered = In { $high } of { $answered } check-ins you both felt your experience mattered as much as the other's (4 or 5 of 5).
summary-trends-heading = How it has felt
summary-choices-heading = What you each chose
summary-choices-text = How many times each of you picked each answer, in check-ins you've both answered.
summary-keep-heading = What you enjoyed
summary-keep-text = From the latest check-ins: worth keeping.
summary-change-heading = What you'd like to change
summary-change-text = From the latest check-ins: ideas for next time.
summary-average = Average:
# An average to one decimal: 3.5
summary-decimal = { $whole }.{ $tenths }
# Where one partner has no average yet.
summary-no-average = –
# The chart's description for screen readers; $a and $b are the two partners' labels.
summary-chart-label = Trend of the answers of { $a } and { $b } over the latest check-ins; the table below has the same figures.
summary-as-table = The figures as a table
summary-column-checkin = Check-in
summary-column-answer = Answer
summary-skipped = skipped
summary-nothing-yet = Nothing shared here yet.
summary-nothing-shared = Nothing shared
