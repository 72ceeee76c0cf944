# Die Seiten für Therapeutinnen und Therapeuten, und die Seite des Paares über seine
# therapeutische Begleitung. Dieselben IDs wie locales/en/therapist.ftl. Fragenreihen
# und Fragen der Bibliothek stehen in library*.ftl; was Menschen schreiben, bleibt, wie
# sie es geschrieben haben.

## Wörter, die mehrere Seiten teilen

ther-and = und
ther-change = Ändern
ther-retire = Zurückziehen
ther-cancel = Absagen
ther-keep-it = Behalten
ther-not-now = Nicht jetzt
ther-question = Frage
ther-questions = { $count ->
    [one] { $count } Frage
   *[other] { $count } Fragen
}

## Was ein Paar die Therapie sehen lässt (die Stufen der Zustimmung)

ther-level-status = Nur, ob Check-ins gemacht wurden
ther-level-scales = Ob Check-ins gemacht wurden, Antworten auf den Skalen von 1 bis 5, Auswahlantworten und die Übersicht
ther-level-words = Ob Check-ins gemacht wurden, Antworten auf den Skalen von 1 bis 5, Auswahlantworten, die Übersicht und geschriebene Antworten (nie solche, die privat bleiben)

## Was ein Blick der Therapie gezeigt hat, im Protokoll des Paares

ther-viewed-status = wie viele Check-ins gemacht wurden
ther-viewed-scales = die Übersicht: Antworten auf den Skalen von 1 bis 5 und Auswahlantworten
ther-viewed-words = die Übersicht: Antworten auf den Skalen von 1 bis 5, Auswahlantworten und geteilte geschriebene Antworten

## Die Übersicht der Therapeutin oder des Therapeuten (templates/therapists/dashboard.html)

ther-dashboard-title = Deine Paare
ther-notice-code = Hier ist dein neuer Code. Der vorige gilt nicht mehr.
ther-notice-dismiss = Alles klar, danke
ther-waiting-approval = <strong>Dein Konto für die therapeutische Arbeit wartet noch auf Freigabe</strong> durch die Person, die dieses Mutual betreibt. Für dich gibt es dabei nichts zu tun; meist dauert es nur eine kleine Weile.
ther-waiting-meanwhile = Bis dahin können Paare dich nicht einladen, und hier erscheint noch kein Paar. Du kannst aber schon Fragenreihen schreiben und die <a href="/account/two-factor">Anmeldung in zwei Schritten</a> einschalten, die du brauchst, bevor du ein Paar siehst.
ther-code-intro = Paare laden dich mit deinem Code ein:
ther-code-until = Er gilt bis { $until }. Ein neuer Code löst diesen ab.
ther-code-expired = Dein Code, mit dem Paare dich einladen, ist abgelaufen. Mach einen neuen, sobald ein Paar dich einladen möchte.
ther-code-new = Neuer Code
ther-code-what-you-see = Du siehst ein Paar erst, wenn beide zugestimmt haben, und nur das, dem beide zugestimmt haben.
ther-sets-link = Deine Fragenreihen
ther-sets-link-hint = Lies die aus der Bibliothek und schreib eigene, die du deinen Paaren geben kannst.
ther-two-step-first = Bevor du ein Paar sehen kannst, schalte bitte die <a href="/account/two-factor">Anmeldung in zwei Schritten</a> ein. Sie schützt die Worte der Paare, selbst wenn dein Passwort in falsche Hände gerät.
ther-no-couples = Noch keine Paare.
ther-pending-invitations = { $count ->
    [one] { $count } Einladung wartet
   *[other] { $count } Einladungen warten
    } noch auf die Zustimmung der zweiten Person.
ther-pending-more = { $count } weitere warten noch auf die Zustimmung beider.
ther-own-couple = Bist du selbst auch Teil eines Paares? <a href="/couple">Verbinde dich mit deinem Gegenüber</a>; deine eigenen Check-ins bleiben getrennt von deiner Arbeit.

## Die Fragenreihen (templates/therapists/sets.html)

ther-notice-set-created = Deine Fragenreihe ist gespeichert. Sie steht neben denen der Bibliothek, wenn du eine Übung gibst.
ther-notice-set-edited = Deine Änderungen sind gespeichert.
ther-notice-set-new-version = Deine Änderungen sind als neue Fassung gespeichert. Schon gemachte Check-ins behalten ihre Fragen; Übungen, die du mit der Reihe gegeben hast, nutzen die neue Fassung ab ihrem nächsten Check-in.
ther-notice-set-retired = Die Fragenreihe ist zurückgezogen. Sie wird nicht mehr angeboten; Check-ins, die sie genutzt haben, behalten ihre Fragen.
ther-sets-intro = Fragenreihen, die du schreibst, stehen neben denen der Bibliothek, wenn du eine Übung gibst. Paare sehen eine Reihe nur über eine Übung von dir.
ther-write-set = Fragenreihe schreiben
ther-written-by-you = Von dir geschrieben
ther-no-own-sets = Du hast noch keine Fragenreihe geschrieben.
ther-in-exercises = { $count ->
    [one] in { $count } Übung
   *[other] in { $count } Übungen
}
ther-used-in-checkins = in Check-ins genutzt
ther-library = Die Bibliothek

## Eine Fragenreihe, wie beide sie sehen (templates/therapists/set.html)

ther-back-to-assigning = Zurück zur Übung für das Paar
ther-back-to-sets = Zurück zu deinen Fragenreihen
ther-set-retired = Du hast diese Fragenreihe zurückgezogen: Sie wird für Übungen nicht mehr angeboten. Check-ins, die sie genutzt haben, behalten diese Fragen.
ther-set-by-you = Von dir geschrieben.
ther-set-from-library = Aus der Bibliothek.
ther-set-as-seen = { $count ->
    [one] { $count } Frage
   *[other] { $count } Fragen
    }, so wie beide sie sehen. Beide können jede Frage auslassen und eine geschriebene Antwort für sich behalten.
ther-scale-ends = Von 1 bis 5: 1 ist „{ $low }“, 5 ist „{ $high }“.
ther-choose-one = Eine Antwort wählen:
ther-own-words = In eigenen Worten.
ther-change-set = Reihe ändern
ther-retire-it = Zurückziehen

## Eine Fragenreihe schreiben oder ändern (templates/therapists/set_form.html)

ther-change-set-title = Fragenreihe ändern
ther-set-used = Ein Paar hat diese Fragenreihe schon genutzt. Beim Speichern entsteht eine <strong>neue Fassung</strong>: Die gemachten Check-ins behalten die Fragen, die sie gestellt haben, und Übungen, die du mit der Reihe gegeben hast, nutzen die neue Fassung ab ihrem nächsten Check-in.
ther-set-unused = Noch kein Paar hat mit dieser Fragenreihe einen Check-in begonnen, deine Änderungen ersetzen sie also einfach.
ther-set-new-intro = Deine Fragenreihe steht neben denen der Bibliothek, wenn du eine Übung gibst. Paare sehen sie nur über eine Übung von dir.
ther-rows-skipped = Leere Zeilen werden übersprungen.
ther-set-title = Titel
ther-set-description = Ein Satz für das Paar (freiwillig)
ther-question-n = Frage { $n }
ther-kind = Art der Antwort
ther-kind-text = In eigenen Worten
ther-kind-scale = 1 bis 5
ther-kind-choice = Eine Möglichkeit wählen
ther-scale-low = Für 1 bis 5: Worte für 1
ther-scale-high = und für 5
ther-choices = Für eine Auswahl: die Möglichkeiten, eine pro Zeile
ther-save-new-version = Als neue Fassung speichern
ther-save-set = Reihe speichern

## Eine Fragenreihe zurückziehen (templates/therapists/retire_set.html)

ther-retire-title = Fragenreihe zurückziehen
ther-retire-heading = „{ $title }“ zurückziehen?
ther-retire-if = Wenn du sie zurückziehst:
ther-retire-not-offered = Sie wird nicht mehr angeboten, wenn du eine Übung gibst, und du kannst sie nicht mehr ändern.
ther-retire-checkins-keep = Check-ins, die sie genutzt haben, behalten die gestellten Fragen, für das Paar und für dich.
ther-retire-exercises = { $count ->
    [one] { $count } Übung, die du mit ihr gegeben hast, läuft
   *[other] { $count } Übungen, die du mit ihr gegeben hast, laufen
    } weiter wie bisher. Du kannst jede auf der Seite ihres Paares ändern oder absagen.
ther-retire-yes = Ja, zurückziehen

## Ein Paar, wie die Therapie es sieht (templates/therapists/couple.html)

ther-couple-title = Ein Paar
ther-couple-names = { $first } und { $second }
ther-notice-assigned = Die Übung ist vergeben. Das Paar sieht sie auf seiner Startseite.
ther-notice-exercise-saved = Deine Änderungen an der Übung sind gespeichert. Das Paar sieht sie ab jetzt.
ther-notice-cancelled = Die Übung ist abgesagt. Das Paar sieht sie nicht mehr; Check-ins, die es dafür gemacht hat, bleiben seine.
ther-couple-shares = Die beiden haben zugestimmt zu teilen: { $level }. Jedes Mal, wenn du diese Seite öffnest, können sie sehen, dass du es getan hast.
ther-stat-completed = Check-ins, die beide beantwortet haben
ther-stat-open = noch offen
ther-exercises = Check-in-Übungen
ther-no-exercises = Noch keine vergeben.
ther-exercise-from = ab { $date }
ther-cancelled = Abgesagt
ther-shared-answers = { $title }, { $date }: ihre geteilten Antworten
ther-assign-heading = Eine Übung geben
ther-assign = Übung geben
ther-trends = Wie es sich angefühlt hat
ther-choices-heading = Was die beiden gewählt haben
ther-choices-intro = Wie oft jede der beiden Personen welche Antwort gewählt hat, in Check-ins, die beide beantwortet haben.
ther-keep-heading = Was ihnen gefallen hat
ther-change-heading = Was sie gern ändern würden

## Die Felder einer Übung (templates/therapists/exercise_fields.html)

ther-field-set = Fragen
ther-set-retired-title = { $title } (zurückgezogen)
ther-read-first = Erst die Fragen einer Reihe lesen
ther-field-note = Ein paar Worte für die beiden (freiwillig)
ther-field-starts = Ab (freiwillig, leer heißt heute)
ther-field-count = Wie viele Check-ins
ther-field-ends = Bis (freiwillig)

## Eine Übung ändern (templates/therapists/exercise_form.html)

ther-exercise-title = Übung ändern
ther-back-to-couple = Zurück zum Paar
ther-exercise-intro = { $title }: { $progress }. Das Paar sieht deine Änderungen sofort. Check-ins, die die beiden schon begonnen haben, behalten die Fragen, mit denen sie angefangen haben.
ther-save-changes = Änderungen speichern

## Eine Übung absagen (templates/therapists/cancel_exercise.html)

ther-cancel-title = Übung absagen
ther-cancel-heading = „{ $title }“ absagen?
ther-cancel-note = { $progress }. Deine Notiz: „{ $note }“
ther-cancel-if = Wenn du sie absagst:
ther-cancel-not-seen = Das Paar sieht sie nicht mehr auf seiner Startseite und kann sie nicht mehr beginnen.
ther-cancel-checkins-stay = Check-ins, die die beiden schon dafür gemacht haben, bleiben ihre und bleiben wie bisher auf deiner Seite, im Rahmen dessen, was sie zu teilen zugestimmt haben.
ther-cancel-again = Wenn du sie später wieder möchtest, gib eine neue Übung.
ther-cancel-yes = Ja, absagen

## Die Seite des Paares über seine Therapie (templates/therapists/for_couple.html)

ther-yours-title = Eure Therapie
ther-notice-invited = Einladung verschickt. Eure Therapeutin oder euer Therapeut sieht nichts, bis auch dein Gegenüber zustimmt.
ther-notice-consent = Deine Wahl ist gespeichert.
ther-notice-revoked = Erledigt. Eure Therapie sieht nichts mehr von euch beiden, weder Früheres noch Künftiges, und dein Gegenüber hat davon erfahren.
ther-yours-intro = Eine Therapeutin oder ein Therapeut, die oder den ihr beide einladet, kann eure Check-ins begleiten. Sie oder er sieht nichts, bis ihr <strong>beide</strong> zugestimmt habt, und dann nur das Geringere von dem, was ihr gewählt habt. Antworten, die eine oder einer von euch für sich behalten hat, werden nie gezeigt. Jede und jeder von euch kann das jederzeit beenden.
ther-active = Aktiv
ther-waiting-for-you = Wartet auf dich
ther-waiting-for = Wartet auf { $name }
ther-you-chose = Deine Wahl: { $level }.
ther-partner-chose = Die Wahl von { $name }: { $level }.
ther-applies = <strong>Für euch beide gilt</strong> die geringere eurer beiden Wahlen: { $level }.
ther-partner-not-chosen = { $name } hat noch nicht gewählt. Bis dahin sieht { $therapist } nichts.
ther-partner-has-chosen = { $name } hat gewählt; du siehst die Wahl, sobald du deine getroffen hast, damit deine ganz deine eigene ist.
ther-neither-chosen = Noch hat keiner von euch beiden gewählt.
ther-sees-lower = { $therapist } sieht nur die geringere eurer beiden Wahlen, und nichts, bis ihr beide gewählt habt.
ther-what-may-see = Was darf { $therapist } von dir sehen?
ther-save-choice = Wahl speichern
ther-agree = Zustimmen
ther-stopping = Beenden gilt für euch beide, sofort: { $therapist } sieht dann nichts mehr von euch beiden, auch nicht, was vorher zu sehen war.
ther-stop-sharing = Teilen mit { $therapist } beenden…
ther-invite-heading = Zur Therapie einladen
ther-their-code = Code aus der Therapie
ther-what-may-they-see = Was darf sie oder er von dir sehen?
ther-invite = Einladen
ther-log-heading = Wann jemand aus der Therapie hineingesehen hat
ther-log-empty = Bisher hat sich niemand aus einer Therapie etwas von dir angesehen.
ther-log-when = Wann
ther-log-who = Wer
ther-log-what = Was
ther-log-all = Jeder Blick, auch aus einer beendeten Verbindung

## Das Teilen beenden (templates/therapists/revoke.html)

ther-revoke-title = Teilen mit { $therapist } beenden?
ther-revoke-both = Das beendet die Verbindung für <strong>euch beide</strong>, nicht nur für dich: { $therapist } sieht dann nichts mehr von euch beiden, auch nicht, was vorher zu sehen war, und die Übungen für euch enden.
ther-revoke-partner-told = { $name } bekommt einen kurzen Hinweis, dass das Teilen beendet ist. Ihr könnt { $therapist } jederzeit wieder gemeinsam einladen, wenn ihr beide es möchtet.
ther-revoke-partner-told-unnamed = Dein Gegenüber bekommt einen kurzen Hinweis, dass das Teilen beendet ist. Ihr könnt { $therapist } jederzeit wieder gemeinsam einladen, wenn ihr beide es möchtet.
ther-revoke-yes = Ja, für uns beide beenden
ther-keep-sharing = Weiter teilen
