# Meldungen neben Formularfeldern. Die Domäne nennt sie bei ihrer ID
# (`crate::error::Message`); `{ $name }`-Werte kommen mit der Meldung.

## Jedes Formular

error-form-unknown-field = Dieses Formular kam mit etwas an, das unsere Seite nicht schickt, deshalb ist noch nichts gespeichert. Bitte schick es noch einmal von dieser Seite ab.
error-field-garbled = Einige Zeichen hier ließen sich nicht lesen. Bitte sieh sie dir an und schick es noch einmal.
error-form-garbled = Ein Teil dieses Formulars kam durcheinander an, deshalb ist noch nichts gespeichert. Bitte sieh es dir an und schick es noch einmal.
error-field-twice = Das kam doppelt an, deshalb ist noch nichts gespeichert. Bitte sieh es dir an und schick es noch einmal.
error-form-twice = Ein Teil dieses Formulars kam doppelt an, deshalb ist noch nichts gespeichert. Bitte sieh es dir an und schick es noch einmal.

## Konten: Registrieren, Anmelden, Angaben, Passwörter

error-name-empty = Bitte gib den Namen ein, den dein Gegenüber sehen wird.
error-name-too-long = Bitte beschränke den Namen auf höchstens { $max } Zeichen.
error-name-characters = Bitte nutze nur Buchstaben, Ziffern, Leerzeichen und Satzzeichen.
error-email-empty = Bitte gib deine E-Mail-Adresse ein.
error-email-shape = Das sieht nicht nach einer E-Mail-Adresse aus. Sie braucht ein @ und eine Domain.
error-password-short = Bitte nimm mindestens { $min } Zeichen.
error-password-long = Bitte nimm höchstens { $max } Zeichen.
error-password-common = Dieses Passwort gehört zu den häufigsten und ist darum leicht zu erraten. Ein paar Wörter, die nichts miteinander zu tun haben, funktionieren gut.
error-password-has-email = Bitte wähle ein Passwort, in dem deine E-Mail-Adresse nicht vorkommt.
error-current-password-wrong = Das ist nicht dein aktuelles Passwort.
error-password-paused = Es gab mehrere falsche Passwörter, deshalb pausieren wir das kurz. Bitte versuch es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } noch einmal.
error-signup-code-empty = Bitte gib den Registrierungscode ein, den du bekommen hast. Dieses Mutual ist nur auf Einladung offen.
error-signup-code-not-valid = Dieser Registrierungscode funktioniert nicht: Vielleicht wurde er schon benutzt oder ist abgelaufen. Bitte prüf ihn, oder bitte die Person, die dieses Mutual betreibt, um einen neuen.
error-login-failed = E-Mail oder Passwort stimmt nicht.
error-login-paused = Für diese E-Mail gab es mehrere falsche Passwörter, deshalb pausieren wir die Anmeldung mit ihr. Bitte versuch es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } noch einmal. Wo du schon angemeldet bist, geht alles weiter.
error-reset-link-gone = Dieser Link funktioniert nicht mehr: Jeder Link gilt einmal, für eine Stunde. Dein Passwort ist unverändert. Bitte die Person, die dieses Mutual betreibt, um einen neuen Link.

## Deine Daten: das Konto löschen

error-password-wrong = Das ist nicht dein Passwort.
error-delete-confirm = Zur Sicherheit tipp hier bitte „{ $words }“ ein.

## Anmeldung in zwei Schritten

error-two-step-setup-code = Dieser Code hat nicht gepasst. Prüf die Uhrzeit auf deinem Handy und nimm den neuesten Code.
error-two-step-paused = Es gab mehrere falsche Codes, deshalb pausieren wir die Anmeldung in zwei Schritten für dieses Konto eine Weile. Bitte versuch es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } noch einmal.
error-two-step-code = Dieser Code hat nicht gepasst oder wurde schon benutzt. Nimm den neuesten Code aus deiner App oder einen Wiederherstellungscode.
error-two-step-disable-code = Dieser Code hat nicht gepasst (oder wurde schon benutzt).

## Paare: mit einem Code verbinden

error-join-paused = Das waren viele Codes in kurzer Zeit. Bitte prüf den Code mit deinem Gegenüber und versuch es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } noch einmal.
error-join-paused-therapist = Das waren viele Codes in kurzer Zeit. Bitte prüf den Code mit deiner Therapeutin oder deinem Therapeuten und versuch es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } noch einmal.
error-code-shape = Dieser Code sieht nicht richtig aus. Er hat 10 Buchstaben und Ziffern, etwa ABCDE-12345.
error-code-unknown = Wir haben diesen Code nicht gefunden. Bitte prüf ihn mit deinem Gegenüber.
error-code-expired = Dieser Code ist abgelaufen (Codes gelten 72 Stunden). Dein Gegenüber kann einen neuen erstellen.
error-code-used = Dieser Code wurde schon benutzt. Dein Gegenüber kann einen neuen erstellen.
error-code-own = Das ist dein eigener Code. Teil ihn mit deinem Gegenüber, dann kann es sich mit dir verbinden.
error-code-already-linked = Du bist schon mit jemandem verbunden. Löse die Verbindung zuerst, wenn du dich mit jemand anderem verbinden möchtest.
error-code-inviter-linked = Die Person, die diesen Code erstellt hat, ist schon mit jemandem verbunden. Bitte sie um einen neuen Code.
error-code-changed = Während du dich verbunden hast, hat sich etwas geändert. Bitte versuch es noch einmal.

## Check-ins

error-checkin-set = Bitte wähle eine der Fragenreihen.
error-checkin-date = Bitte gib das Datum als Jahr-Monat-Tag an, etwa 2026-05-31, oder lass es leer.
error-checkin-date-future = Dieses Datum liegt in der Zukunft. Lass es leer, wenn du es lieber nicht sagen möchtest.
error-answer-scale = Bitte wähle eine Zahl von 1 bis 5, oder lass diese Frage aus.
error-answer-choice = Bitte wähle eine der Möglichkeiten, oder lass diese Frage aus.
error-answer-characters = In dieser Antwort steckt ein Zeichen, das wir nicht speichern können (ein unsichtbares Steuerzeichen). Bitte tipp diese Stelle neu.
error-answer-long = Diese Antwort ist { $length } Zeichen lang; bitte kürze sie auf höchstens { $max }.

## Zeitzonen

error-zone-not-offered = Bitte wähle eine Zeitzone aus der Liste.

## Therapie: Verbindungen, Übungen und eigene Fragenreihen

error-exercise-set = Bitte wähle eine Fragenreihe.
error-exercise-note = Bitte beschränke die Notiz auf höchstens 1000 Zeichen reinen Text.
error-exercise-date = Bitte gib das Datum als Jahr-Monat-Tag an.
error-exercise-count = Bitte gib eine Zahl von 1 bis 50 an, oder lass es leer.
error-exercise-end-before-start = Das Enddatum liegt vor dem Beginn.
error-exercise-no-goal = Bitte gib eine Anzahl an Check-ins an, ein Enddatum, oder beides.
error-link-level = Bitte wähle, was sie oder er sehen darf.
error-therapist-code-shape = Dieser Code sieht nicht richtig aus. Er hat 10 Buchstaben und Ziffern.
error-therapist-code-unknown = Wir haben niemanden aus der Therapie mit diesem Code gefunden. Bitte prüf ihn mit der Person.
error-therapist-code-expired = Dieser Code ist abgelaufen. Bitte frag in deiner Therapie nach dem aktuellen Code.
error-therapist-code-own = Das ist einer von euch beiden. Eure Therapie braucht jemand anderen.
error-set-title = Bitte gib der Reihe einen kurzen Titel (bis zu 80 Zeichen).
error-set-description = Bitte beschränke die Beschreibung auf höchstens 500 Zeichen.
error-set-question-long = Bitte beschränke jede Frage auf höchstens 300 Zeichen.
error-set-scale-words = Eine Frage von 1 bis 5 braucht Worte für 1 und für 5.
error-set-choices = Eine Auswahlfrage braucht 2 bis 6 Möglichkeiten, eine pro Zeile.
error-set-no-question = Bitte schreib mindestens eine Frage.

## Zustimmung bei der Registrierung

error-consent-missing = Mutual kann deine Antworten nur mit deinem Einverständnis speichern. Bitte setz hier das Häkchen, wenn das für dich in Ordnung ist; vorher wird nichts angelegt.
