# Mutual auf Deutsch: freundlich, schlicht, in der Du-Form (ihr, wo beide gemeint sind).
# Dieselben Message-IDs wie locales/en/main.ftl; ein Test in src/web/i18n.rs prüft das.

## Der Rahmen jeder Seite (templates/base.html)

skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-home = Start
nav-checkins = Check-ins
nav-together = Gemeinsam
nav-couple = Paar
nav-account = Konto
nav-your-couples = Deine Paare
nav-question-sets = Fragenreihen
nav-own-checkins = Deine eigenen Check-ins
sign-out = Abmelden
sign-in = Anmelden
create-account = Konto erstellen
footer = Mutual speichert, was du schreibst, nur auf diesem Server. Kein Tracking, keine Werbung.

## Zahlen in Worten, für Fließtext (vor einem weiblichen Nomen: „eine Frage“)

count-words = { $n ->
    [0] keine
    [1] eine
    [2] zwei
    [3] drei
    [4] vier
    [5] fünf
    [6] sechs
    [7] sieben
    [8] acht
    [9] neun
    [10] zehn
    [11] elf
    [12] zwölf
   *[other] { $n }
}

## Die Startseite (templates/landing.html)

landing-title = Willkommen
landing-heading = Wie war es für euch beide?
landing-lead = Mutual ist ein privater Ort für euch zwei, um nach einem intimen Moment nachzuspüren, wie es war: Ihr beantwortet jeweils für euch allein { $count ->
        [one] { $words } behutsame Frage
       *[other] { $words } behutsame Fragen
    }, und sobald ihr beide geantwortet habt, seht ihr eure Antworten nebeneinander.
landing-hidden = Eure Antworten bleiben verborgen, bis ihr beide geantwortet habt.
landing-skip = Lass aus, was du magst. Jede geschriebene Antwort kannst du auch nur für dich behalten.
landing-over-time = Mit der Zeit seht ihr, was sich gut anfühlt und bleiben darf – und was ihr beide gern ändern würdet.

## Die Anmeldeseite (templates/accounts/login.html)

login-registered = Danke. Wenn diese E-Mail-Adresse hier neu war, ist dein Konto jetzt bereit: Melde dich unten an. Wenn sie schon registriert war, melde dich mit ihrem Passwort an.
login-reset = Dein neues Passwort ist gesetzt, und du wurdest überall abgemeldet. Melde dich unten damit an.
login-signed-out = Du bist abgemeldet. Bis bald.
login-email = E-Mail
login-password = Passwort
login-new-here = Neu hier?

## Fehlerseiten (src/web/errors.rs, templates/error.html)

error-home = Zur Startseite
error-not-found-title = Hier ist nichts
error-not-found = Diese Seite haben wir nicht gefunden. Vielleicht ist sie umgezogen, oder sie ist nicht für dich bestimmt.
error-forbidden-title = Das hat nicht geklappt
error-forbidden = Das Formular war zu alt oder kam von woanders. Geh bitte zurück, lade die Seite neu und versuch es noch einmal.
error-invalid-title = Hier braucht etwas noch einen Blick
error-invalid = Einiges von dem, was gesendet wurde, konnten wir nicht verwenden. Geh bitte zurück und sieh dir das Formular noch einmal an.
error-bad-request-title = Mit dieser Anfrage konnten wir nichts anfangen
error-bad-request = Geh bitte zurück, lade die Seite neu und versuch es noch einmal.
error-rate-limited-title = Lass uns kurz durchatmen
error-rate-limited = In kurzer Zeit gab es sehr viele Versuche. Warte bitte ein paar Minuten und versuch es dann noch einmal.
error-too-large-title = Das war mehr, als wir auf einmal annehmen können
error-too-large = Kürze bitte, was du geschrieben hast, und versuch es noch einmal.
error-conflict-title = Das hat sich schon geändert
error-conflict = Während diese Seite offen war, hat sich etwas getan. Geh bitte zurück und lade sie neu.
error-internal-title = Bei uns ist etwas schiefgelaufen
error-internal = Das liegt nicht an dir. Versuch es bitte gleich noch einmal.

## Formulare (templates/macros.html)

form-needs-another-look = Ein paar Angaben brauchen noch einen Blick. Alles, was du geschrieben hast, ist noch da.
zone-label = Deine Zeitzone
zone-hint = Datum und Uhrzeit werden in ihr angezeigt. Ein Datum, das du einem Check-in gibst, bleibt so, wie du es angibst.

## Die Notiz der Fürsorge, nur für die Person, deren Antworten von Druck erzählen

care-heading = Eine Notiz nur für dich
care-intro = Einige deiner Antworten sagen, dass es sich nicht so frei oder leicht angefühlt hat, wie es sein könnte. Danke, dass du ehrlich zu dir bist. Sich so zu fühlen, ist niemandes Versagen, und es zählt.
care-pause = Du kannst jederzeit innehalten oder Nein sagen, in jedem Moment, auch mittendrin, und deine Meinung ändern.
care-begin = Wenn du darüber sprechen möchtest, könnte ein Anfang so klingen: „Können wir über das letzte Mal reden? Ich möchte, dass wir uns beide frei fühlen, langsamer zu werden oder aufzuhören.“
care-private = Alles, was du schreibst, kann nur für dich bleiben: Setz daneben das Häkchen bei „Nur für mich behalten“.
care-therapist = Du kannst das auch in deine Therapie mitnehmen, wann es für dich passt.
care-only-you = Nur du siehst diese Notiz. Nichts davon geht an dein Gegenüber oder sonst jemanden.

## Sprachen: jeder Katalog nennt seine eigene Sprache so, wie der Link zu ihr lautet

language-name = Deutsch
language-label = Sprache
language-hint = Die Sprache, in der Mutual mit dir spricht. Dein Gegenüber kann eine eigene wählen; was ihr schreibt, wird so gezeigt, wie es geschrieben wurde.
language-save = Sprache speichern
language-saved = Deine Sprache ist gespeichert.

## Hinweise der Kontoseite

account-password-changed = Dein Passwort ist geändert. Auf allen anderen Geräten bist du abgemeldet.
account-details-saved = Deine Angaben sind gespeichert.
account-email-saved = Gespeichert. Wenn kein anderes Konto diese Adresse nutzt, meldest du dich ab jetzt mit ihr an. Die unten gezeigte Adresse ist immer die, die gilt.

## Antworten in der Ansicht nebeneinander (was jemand geschrieben hat, bleibt, wie es ist)

answer-scale = { $value } von 5
answer-unreadable = Diese Antwort ließ sich nicht lesen.

## Datumsangaben: `3. März 2026` und `3. März 2026, 14:05`, mit den Monatsnamen

date = { $day }. { $month } { $year }
date-time = { $date }, { $time }
month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.

## The words typed to confirm deleting an account (the English ones always work too)

delete-phrase = mein Konto löschen

## Die zwei Gruppen der Zeitzonenliste

zone-group-places = Orte
zone-group-offsets = Abstand zu UTC
