# Die Seiten des Paars: Start, Check-ins, die Paar-Seite, die Übersicht.

## Check-in states (src/web/fmt.rs status_label), in lists and headings

checkin-status-your-turn = Wartet auf dich, wann immer du so weit bist
checkin-status-partner-turn = Wartet auf dein Gegenüber
checkin-status-revealed = Ihr habt beide geantwortet
checkin-status-set-aside = Beiseitegelegt
checkin-status-closed = Geschlossen

## A therapist's exercise, how far it is (src/web/fmt.rs progress)

checkin-progress-of = { $done } von { $target } gemacht
checkin-progress-done = { $done } gemacht
checkin-progress-by = { $progress }, bis { $date }

## The home page (templates/home.html)

home-title = Start
home-hello = Hallo, { $name }
home-notice-dismiss = Okay, danke
home-notice-partner-unlinked = Dein Gegenüber hat die Verbindung eurer Konten gelöst. Deine eigenen Antworten sind alle noch da; gemeinsame Check-ins zeigen jetzt nur noch deine.
home-notice-partner-deleted = Dein Gegenüber hat das eigene Konto gelöscht und damit auch die eigenen Antworten. Deine Antworten sind alle noch da.
home-notice-therapist-stopped = Dein Gegenüber teilt nichts mehr mit eurer therapeutischen Begleitung, für euch beide: Sie sieht nun nichts mehr von euch. Ihr könnt sie jederzeit wieder gemeinsam einladen, wenn ihr beide das möchtet.
home-notice-couple-stopped = Ein Paar teilt nichts mehr mit dir oder ist nicht mehr verbunden. Du siehst nichts mehr von den beiden.
home-notice-other = Daran, was du teilst, hat sich etwas geändert.
home-linked-with = Du bist mit { $partner } verbunden.
home-start-checkin = Check-in beginnen
home-see-summary = Wie es für euch beide war
home-link-heading = Mit deinem Gegenüber verbinden
home-link-text = Check-ins sind für zwei. Erstelle einen Einladungscode für dein Gegenüber, oder gib den Code ein, den du bekommen hast.
home-link-button = Jetzt verbinden
home-therapist-invited-heading = { $therapist } ist eingeladen, eure Check-ins zu begleiten
home-therapist-invited-by = { $partner } hat { $therapist } eingeladen und schon gewählt, was { $therapist } sehen darf. Geteilt wird erst etwas, wenn du auch gewählt hast, und { $therapist } sieht dann nur das, was ihr beide freigebt: die zurückhaltendere eurer zwei Entscheidungen. Nein zu sagen ist völlig in Ordnung.
home-therapist-invited = Dein Gegenüber hat { $therapist } eingeladen und schon gewählt, was { $therapist } sehen darf. Geteilt wird erst etwas, wenn du auch gewählt hast, und { $therapist } sieht dann nur das, was ihr beide freigebt: die zurückhaltendere eurer zwei Entscheidungen. Nein zu sagen ist völlig in Ordnung.
home-therapist-choose = Wählen, was { $therapist } sieht
home-assignments-heading = Aus eurer Therapie
home-assignment-from = <strong>{ $set }</strong>, von { $therapist }
home-assignment-start = Diesen Check-in beginnen
home-assignments-whenever = Wann immer es euch beiden passt. Auslassen ist immer in Ordnung.
home-open-heading = Offene Check-ins
home-open-none = Gerade ist nichts offen.
home-open-start = Wann immer du magst, kannst du einen Check-in beginnen.
home-recent-heading = Zuletzt
home-all-checkins = Alle Check-ins

## Check-ins: the list, starting one, answering, the reveal (templates/checkins/*)

checkin-list-title = Check-ins
checkin-list-none = Noch keine Check-ins.
checkin-list-first = Beginne den ersten, wann immer es sich richtig anfühlt.
checkin-list-link-first = Sobald du dich <a href="/couple">mit deinem Gegenüber verbunden</a> hast, kannst du den ersten beginnen.
checkin-new-title = Check-in beginnen
checkin-new-lead = Ihr antwortet jeweils für euch allein. Geteilt wird erst etwas, wenn ihr beide geantwortet habt, und du kannst alles auslassen.
checkin-new-which = Welche Fragen?
checkin-new-questions = { $count ->
    [one] eine Frage
   *[other] { $count } Fragen
}
checkin-new-when = Wann war es? (freiwillig)
checkin-new-when-hint = Lass das Feld leer, wenn du es lieber nicht sagen magst.
checkin-new-start = Beginnen
checkin-not-now = Nicht jetzt
checkin-your-partner = Dein Gegenüber
checkin-notice-saved = Deine Antworten sind gespeichert. Du kannst sie noch ändern, bis ihr beide geantwortet habt.
checkin-notice-revealed = Ihr habt beide geantwortet. Hier sind eure Antworten, nebeneinander.
checkin-answered-waiting = Du hast geantwortet. Deine Antworten bleiben verborgen, bis auch { $partner } geantwortet hat, und bis dahin kannst du sie noch ändern.
checkin-answer-lead = Antworte für dich allein, in deinen eigenen Worten. { $partner } sieht nichts, bis ihr beide geantwortet habt. Lass aus, was du magst.
checkin-skip-this = Diese Frage auslassen
checkin-unreadable-earlier = Deine frühere Antwort hier ließ sich nicht lesen und wird deshalb nicht gezeigt. Was du jetzt schreibst, ersetzt sie.
checkin-keep-private = Nur für mich behalten
checkin-keep-private-hint = (nur du wirst es je sehen)
checkin-save-changes = Änderungen speichern
checkin-save-answers = Antworten speichern
checkin-set-aside-text = Gerade nicht der richtige Moment? Jede Seite kann diesen Check-in beiseitelegen; geteilt wird dabei nichts.
checkin-set-aside = Beiseitelegen
checkin-partner-deleted = Dein Gegenüber hat das eigene Konto gelöscht und damit auch die eigenen Antworten. Deine sind noch da.
checkin-side-by-side = Hier sind eure Antworten nebeneinander. Es gibt keine richtigen Antworten, nur zwei Blicke auf dieselbe gemeinsame Zeit.
checkin-linked-again = Dieser Check-in ist aus einer früheren Zeit, in der ihr verbunden wart, deshalb siehst du hier vorerst nur deine eigenen Antworten. Auf <a href="/couple">eurer Paar-Seite</a> könnt ihr beide entscheiden, eure gemeinsamen Check-ins zurückzuholen.
checkin-no-longer-linked = Ihr seid nicht mehr verbunden, deshalb siehst du nur deine eigenen Antworten.
checkin-not-finished = Dieser Check-in wurde nicht von euch beiden beendet, deshalb siehst du nur deine eigenen Antworten.
checkin-you = Du
checkin-kept-private = Für dich behalten: nur du siehst das.
checkin-skipped = Ausgelassen
checkin-nothing-shared = Hierzu nichts geteilt

## The couple page (templates/couples/couple.html)

couple-title = Als Paar
couple-notice-linked = Ihr seid verbunden. Willkommen, ihr beide.
couple-notice-unlinked = Ihr seid nicht mehr verbunden. Deine eigenen Antworten bleiben hier für dich.
couple-notice-invite = Hier ist dein Code. Er funktioniert einmal und gilt 72 Stunden.
couple-notice-history = Eure früheren Check-ins sind wieder da, in eurer Liste und in eurer Übersicht.
couple-notice-history-waiting = Danke. Eure früheren Check-ins kommen zurück, sobald ihr beide zugestimmt habt.
couple-linked = Du bist mit <strong>{ $partner }</strong> verbunden.
couple-linked-since = Du bist seit dem { $date } mit <strong>{ $partner }</strong> verbunden.
couple-same-checkins = Ihr seht beide dieselben Check-ins und dieselbe Übersicht.
couple-history-heading = Eure früheren Check-ins
couple-history-text = Du warst schon einmal mit { $partner } verbunden, und ihr habt damals { $count ->
        [one] einen Check-in
       *[other] { $count } Check-ins
    } gemeinsam beantwortet. Ihr könnt sie in eure Liste und eure Übersicht zurückholen, wenn ihr beide das möchtet. Antworten, die eine Seite für sich behalten hat, bleiben privat.
couple-history-you-agreed = Du hast Ja gesagt. Sie kommen zurück, sobald auch { $partner } Ja sagt.
couple-history-partner-agreed = { $partner } möchte sie gern zurückholen.
couple-history-bring-back = Zurückholen
couple-therapist-heading = Therapeutische Begleitung
couple-therapist-text = Wenn ihr gemeinsam in Therapie seid, könnt ihr eure Therapeutin oder euren Therapeuten einladen, eure Check-ins zu begleiten, und selbst wählen, was sie oder er sehen darf.
couple-therapist-link = Eure Therapie
couple-unlinking-heading = Verbindung lösen
couple-unlinking-text = Jede Seite kann die Verbindung jederzeit lösen. Ihr behaltet beide eure eigenen Antworten; die des anderen seht ihr dann nicht mehr.
couple-unlink-button = Lösen…
couple-invite-heading = Lade dein Gegenüber ein
couple-invite-give = Gib deinem Gegenüber diesen Code oder schick den Link. Er funktioniert einmal, bis { $until }.
couple-invite-link = Link:
couple-invite-new = Neuen Code erstellen
couple-invite-make-text = Erstelle einen Code für dein Gegenüber. Er funktioniert einmal und gilt 72 Stunden.
couple-invite-make = Code erstellen
couple-join-heading = Hast du einen Code bekommen?
couple-join-code = Einladungscode
couple-join-code-hint = 10 Buchstaben und Ziffern, etwa ABCDE-12345.
couple-join-button = Jetzt verbinden
couple-log-heading = Wann jemand aus der Therapie hineingesehen hat
couple-log-text = Eine Therapeutin oder ein Therapeut war mit einem Paar verbunden, zu dem du gehört hast. Was dabei angesehen wurde, und wann, bleibt hier für dich lesbar:

## The page an invite link opens (templates/couples/join.html)

couple-join-title = Einladung annehmen
couple-join-page-heading = Verbinde dich auf Mutual
couple-join-invited = Du bist eingeladen, mit dem Code <code>{ $code }</code>.
couple-join-first-account = Erstelle zuerst dein eigenes Konto (oder melde dich an), dann kommst du direkt hierher zurück, um euch zu verbinden.
couple-join-already-linked = Du bist schon mit jemandem verbunden. Um dich mit jemand anderem zu verbinden, löse zuerst die Verbindung auf <a href="/couple">eurer Paar-Seite</a>.
couple-join-from = Diese Einladung ist von <strong>{ $name }</strong>. Verbinde dich nur, wenn das die Person ist, mit der du zusammen bist.
couple-join-means = Verbunden beginnt ihr Check-ins gemeinsam und seht die Antworten des anderen, sobald ihr beide geantwortet habt. Jede Seite kann die Verbindung jederzeit lösen.
couple-join-link-with = Mit { $name } verbinden
couple-join-used = Dieser Code funktioniert nicht mehr: Er ist vielleicht abgelaufen oder wurde schon benutzt. Bitte um einen neuen.

## Unlinking (templates/couples/unlink.html)

couple-unlink-title = Verbindung lösen
couple-unlink-heading = Verbindung mit { $partner } lösen?
couple-unlink-if = Wenn du die Verbindung löst:
couple-unlink-no-new = Ihr könnt keine neuen gemeinsamen Check-ins mehr beginnen.
couple-unlink-keep-own = Ihr behaltet beide eure eigenen bisherigen Antworten und seht ab jetzt nur noch eure eigenen.
couple-unlink-closed = Check-ins, die ihr noch nicht beide beantwortet habt, werden geschlossen.
couple-unlink-again = Um euch später wieder zu verbinden, erstellt eine Seite einen neuen Einladungscode.
couple-unlink-yes = Ja, lösen
couple-unlink-keep = Verbunden bleiben

## The summary (templates/summary.html, templates/summary_parts.html)

summary-you = du
summary-heading = Du und { $partner }
summary-lead = Hier zählen nur Check-ins, die ihr beide beantwortet habt, und nichts, was eine Seite für sich behalten hat.
summary-empty = Noch keine abgeschlossenen Check-ins. Sobald ihr euren ersten beide beantwortet habt, füllt sich diese Seite nach und nach.
summary-stat-completed = { $count ->
    [one] Check-in, den ihr beide beantwortet habt
   *[other] Check-ins, die ihr beide beantwortet habt
}
summary-stat-open = noch offen
summary-balance-heading = Balance
summary-balance-noticing = Nur zum Wahrnehmen, nicht zum Aufrechnen.
summary-started = Wer hier in der App Check-ins begonnen hat: du { $you } ({ $you_percent } %), { $partner } { $partner_count } ({ $partner_percent } %).
summary-started-all = Das sind alle bisher begonnenen Check-ins, insgesamt { $total }: { $completed } habt ihr beide beantwortet. Es geht nur um die App, nicht darum, wer von euch Nähe sucht.
summary-started-all-open = Das sind alle bisher begonnenen Check-ins, insgesamt { $total }: { $completed } habt ihr beide beantwortet, { $open ->
        [one] einer ist
       *[other] { $open } sind
    } noch offen oder beiseitegelegt. Es geht nur um die App, nicht darum, wer von euch Nähe sucht.
summary-mattered = In { $high } von { $answered } Check-ins hattet ihr beide das Gefühl, dass euer Erleben genauso zählte wie das des anderen (4 oder 5 von 5).
summary-trends-heading = Wie es sich angefühlt hat
summary-choices-heading = Was ihr jeweils gewählt habt
summary-choices-text = Wie oft jede Seite welche Antwort gewählt hat, in Check-ins, die ihr beide beantwortet habt.
summary-keep-heading = Was euch gefallen hat
summary-keep-text = Aus den letzten Check-ins: gut zum Beibehalten.
summary-change-heading = Was ihr ändern möchtet
summary-change-text = Aus den letzten Check-ins: Ideen fürs nächste Mal.
summary-average = Durchschnitt:
summary-decimal = { $whole },{ $tenths }
summary-no-average = –
summary-chart-label = Verlauf der Antworten ({ $a } und { $b }) über die letzten Check-ins; die Tabelle darunter enthält dieselben Zahlen.
summary-as-table = Die Zahlen als Tabelle
summary-column-checkin = Check-in
summary-column-answer = Antwort
summary-skipped = ausgelassen
summary-nothing-yet = Hier ist noch nichts geteilt.
summary-nothing-shared = Nichts geteilt
