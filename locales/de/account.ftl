# Registrieren, ein neues Passwort setzen und die Seiten des eigenen Kontos
# (templates/accounts/, templates/account/ und ihre Handler). IDs beginnen mit `acc-`.
# Dieselben IDs wie locales/en/account.ftl.

## Von mehreren Kontoseiten geteilt

acc-name-label = Dein Name
acc-your-password = Dein Passwort
acc-new-password = Neues Passwort
acc-password-hint = Mindestens 8 Zeichen. Ein paar Wörter, die du dir merken kannst, eignen sich gut.
acc-have-account = Du hast schon ein Konto?
acc-not-now = Jetzt nicht
acc-back-to-account = Zurück zu deinem Konto

## Ein Konto erstellen (templates/accounts/register.html)

acc-register-intro = Ihr habt jeweils ein eigenes Konto. Deine Antworten gehören dir: Dein Gegenüber sieht sie erst, wenn ihr beide einen Check-in beantwortet habt.
acc-register-name-hint = Der Name, den dein Gegenüber sieht. Ein Vorname oder Spitzname genügt.
acc-signup-code-label = Registrierungscode
acc-signup-code-hint = Dieses Mutual ist nur mit Einladung offen: Die Person, die es betreibt, vergibt die Codes.
acc-register-therapist = Ich bin Therapeutin oder Therapeut: Paare laden mich ein, ihre Check-ins zu begleiten. (Du kannst trotzdem selbst Teil eines eigenen Paares sein; beides bleibt getrennt.)
acc-register-therapist-approved = Die Person, die dieses Mutual betreibt, gibt therapeutische Konten frei, bevor Paare sie einladen können.
# Die Einwilligung bei der Registrierung ist versioniert (src/domain/consent.rs,
# DATA_STORAGE_VERSION): Die englischen Texte sind die gültige Fassung. Diese
# Übersetzung muss genau dasselbe sagen wie das versionierte Englisch, nicht mehr und
# nicht weniger. Ändert sich das Englisch (mit neuer Version), ändert sich diese mit.
acc-consent-text = Mutual speichert, was du über dein intimes Leben schreibst: deine Antworten auf jeden Check-in, die Werte auf den Skalen und die Auswahl, die du triffst, und alles, was du in Worte fasst. Mutual speichert sie, damit du und dein Gegenüber beide Seiten sehen könnt, sobald ihr beide geantwortet habt, und ihr mit der Zeit gemeinsam zurückblicken könnt. Antworten, die du als privat markierst, werden immer nur dir gezeigt. Alles bleibt auf diesem Server, betreut von der Person, die ihn betreibt, und wird nie an jemand anderen weitergegeben. Du kannst alles herunterladen oder dein Konto löschen, wann immer du möchtest.
acc-consent-label = Ich verstehe, dass Mutual speichert, was ich über mein intimes Leben schreibe, und ich bin damit einverstanden.
acc-register-submit = Mein Konto erstellen

## Keine neuen Konten (templates/accounts/closed.html)

acc-closed-title = Keine neuen Konten
acc-closed-heading = Hier entstehen gerade keine neuen Konten
acc-closed-body = Dieses Mutual nimmt über die Website gerade keine neuen Konten an. Falls du damit gerechnet hast, hier mitzumachen: Die Person, die es betreibt, kann ein Konto für dich anlegen.

## Ein neues Passwort über einen Link (templates/accounts/reset.html)

acc-reset-title = Neues Passwort festlegen
acc-reset-intro = Wähle ein neues Passwort für dein Konto. Sobald es gesetzt ist, wirst du überall abgemeldet und kannst dich gleich damit anmelden.
acc-reset-submit = Neues Passwort setzen
acc-go-to-sign-in = Zur Anmeldung

## Der Code nach dem Passwort (templates/account/code.html)

acc-code-title = Dein Code
acc-code-heading = Noch ein Schritt
acc-code-intro = Gib den 6-stelligen Code aus deiner Authenticator-App ein oder einen deiner Wiederherstellungscodes.
acc-code-label = Code
acc-code-submit = Weiter

## Die Kontoseite (templates/account/account.html)

acc-title = Dein Konto
acc-signs-in-with = Du meldest dich an mit
acc-details-heading = Deine Angaben
acc-name-hint = Diesen Namen sehen dein Gegenüber und alle, die du zur therapeutischen Begleitung einlädst.
acc-details-save = Angaben speichern
acc-email-heading = Deine E-Mail-Adresse
acc-email-label = E-Mail zum Anmelden
acc-current-password = Dein aktuelles Passwort
acc-current-password-hint = Damit wir sicher sind, dass du es bist.
acc-email-save = E-Mail ändern
acc-signing-in-heading = Anmeldung
# Jeweils die Worte nach dem Link (die Vorlage setzt „: “ dazwischen).
acc-devices-more = sieh sie dir an und melde einzelne davon ab.
acc-two-factor-more = ein Code von deinem Handy zusätzlich zu deinem Passwort.
acc-data-heading = Deine Daten
acc-export-json-link = Alle deine Daten herunterladen
# Nach dem Link, mit einem Leerzeichen dazwischen.
acc-export-json-more = – als Datei (JSON): dein Konto, jeder Check-in, an dem du beteiligt warst, mit deinen eigenen Antworten, was dein Gegenüber mit dir geteilt hat, und deine Verbindungen zur therapeutischen Begleitung.
acc-export-page-link = Deine Check-ins auf einer Seite
# Nach dem Link und einem Komma.
acc-export-page-more = zum Ausdrucken oder als PDF.
# Nach dem Link (acc-log-title), mit einem Leerzeichen dazwischen.
acc-log-more = – in das, was du geteilt hast, auch in einem früheren Paar.
# Nach dem Link (acc-delete-title) und „: “.
acc-delete-more = fragt vorher noch einmal nach.

## Geräte (templates/account/devices.html)

acc-devices-title = Deine Geräte
acc-devices-heading = Geräte, auf denen du angemeldet bist
acc-devices-ended = Dieses Gerät ist abgemeldet.
acc-devices-others = Du bist überall sonst abgemeldet.
acc-devices-intro = Wenn du eines nicht wiedererkennst, melde es ab und ändere dein Passwort.
acc-this-device = Dieses Gerät
acc-device-times = Angemeldet am { $signed_in }, zuletzt genutzt am { $last_used }
acc-device-sign-out-this = Dieses Gerät abmelden
acc-devices-end-others = Überall sonst abmelden

## Das Passwort ändern (templates/account/password.html)

acc-password-title = Passwort ändern
acc-password-intro = Wenn du es änderst, bleibst du hier angemeldet und wirst überall sonst abgemeldet.
acc-password-current = Aktuelles Passwort
acc-password-new-hint = Mindestens 8 Zeichen. Ein paar Wörter, die nichts miteinander zu tun haben und die du dir merken kannst, eignen sich gut.
acc-password-submit = Passwort ändern

## Anmeldung in zwei Schritten (templates/account/two_factor.html)

acc-2fa-title = Anmeldung in zwei Schritten
acc-2fa-turned-on = Die Anmeldung in zwei Schritten ist eingeschaltet.
acc-2fa-codes-heading = Deine Wiederherstellungscodes
acc-2fa-codes-intro = Falls du dein Handy verlierst, kannst du dich mit jedem dieser Codes einmal anmelden. Bewahre sie sicher und privat auf. <strong>Sie werden nur jetzt angezeigt.</strong>
acc-2fa-done = Fertig
acc-2fa-scan = 1. Füge in einer Authenticator-App auf deinem Handy ein Konto hinzu, indem du diesen Code scannst:
acc-2fa-qr-alt = QR-Code für deine Authenticator-App; derselbe Schlüssel steht darunter.
acc-2fa-key = Oder tippe diesen Schlüssel in die App ein:
acc-2fa-enter = 2. Gib den 6-stelligen Code ein, den die App zeigt
acc-2fa-turn-on = Einschalten
acc-2fa-is-on = Die Anmeldung in zwei Schritten ist <strong>eingeschaltet</strong>. Nach deinem Passwort fragen wir dich nach einem Code aus deiner App. Du hast noch { $count ->
        [one] einen unbenutzten Wiederherstellungscode
       *[other] { $count } unbenutzte Wiederherstellungscodes
    }.
acc-2fa-off-heading = Wieder ausschalten
acc-2fa-code-label = Ein Code aus deiner App (oder ein Wiederherstellungscode)
acc-2fa-turn-off = Anmeldung in zwei Schritten ausschalten
acc-2fa-is-off = Die Anmeldung in zwei Schritten ist <strong>ausgeschaltet</strong>. Ist sie an, brauchst du zum Anmelden dein Passwort und einen Code aus einer Authenticator-App auf deinem Handy. So reicht ein erratenes oder verratenes Passwort allein nicht aus.
acc-2fa-set-up = Einrichten

## Wer wann hineingesehen hat (templates/account/therapist_log.html)

acc-log-title = Wann jemand aus der Therapie hineingesehen hat
acc-log-intro = Hier steht jedes Mal, wenn sich jemand aus eurer therapeutischen Begleitung angesehen hat, was du geteilt hast – in deinem jetzigen Paar oder in einem früheren. Es bleibt hier, damit du es nachlesen kannst.
acc-log-empty = Bisher hat sich niemand aus einer Therapie etwas von dir angesehen.
acc-log-when = Wann
acc-log-who = Wer
acc-log-what = Was
acc-log-viewed-status = wie viele Check-ins ihr gemacht habt
acc-log-viewed-scales = die Übersicht: Antworten auf den Skalen von 1 bis 5 und Auswahlantworten
acc-log-viewed-words = die Übersicht: Antworten auf den Skalen von 1 bis 5, Auswahlantworten und geteilte geschriebene Antworten

## Deine Check-ins auf einer Seite, zum Ausdrucken (templates/account/export.html)

acc-export-title = Deine Check-ins zum Aufbewahren
acc-export-heading = Deine Check-ins
acc-export-intro = Eine Seite zum Ausdrucken oder zum Speichern als PDF über das Druckmenü deines Browsers. Sie enthält, was du in Mutual sehen kannst: alle deine eigenen Antworten (auch die privaten) und was { $partner } mit dir geteilt hat.
acc-export-a-partner = dein Gegenüber
acc-export-download = Alles als Datei herunterladen (JSON)
acc-export-made = erstellt am { $when }
acc-export-counts = Du und { $partner }: { $completed ->
        [one] ein Check-in, den ihr beide beantwortet habt
       *[other] { $completed } Check-ins, die ihr beide beantwortet habt
    }, von { $opened } in der App begonnenen (du hast { $yours } begonnen, { $partner } { $theirs }).
acc-export-every = Alle Check-ins
acc-export-none = Noch keine Check-ins.
acc-export-you = Du
acc-export-kept-private = (nur für dich behalten)
acc-export-skipped = übersprungen
acc-export-partner = { $name }
acc-export-nothing-shared = nichts geteilt
acc-export-so-far = Du und { $partner }, bis jetzt
acc-export-you-word = du
acc-status-your-turn = wartet auf dich
acc-status-partner-turn = wartet auf dein Gegenüber
acc-status-revealed = beide haben geantwortet
acc-status-set-aside = beiseitegelegt
acc-status-closed = geschlossen

## Das Konto löschen (templates/account/delete.html, deleted.html)

acc-delete-title = Dein Konto löschen
acc-delete-intro = Das lässt sich nicht rückgängig machen. Bevor du gehst, möchtest du vielleicht
acc-delete-download = deine Daten herunterladen
acc-delete-what = Was passiert
acc-delete-gone = Dein Konto, deine Antworten (auch die privaten), deine Anmeldungen auf allen Geräten und das, was du für die therapeutische Begleitung freigegeben hast, werden gelöscht.
acc-delete-unlinked = Die Verbindung zwischen dir und { $name } wird gelöst. { $name } behält die eigenen Antworten und sieht bei euren gemeinsamen Check-ins, dass deine Antworten gelöscht wurden.
acc-delete-before = Falls du früher mit jemandem verbunden warst, behält diese Person ihre eigenen Antworten und sieht, dass deine gelöscht wurden.
acc-delete-therapists = Wen du zur therapeutischen Begleitung eingeladen hast, kann danach nichts mehr sehen.
acc-delete-confirm = Tippe zur Bestätigung „{ $phrase }“ ein
acc-delete-submit = Mein Konto löschen
acc-delete-keep = Konto behalten
acc-deleted-title = Dein Konto ist gelöscht
acc-deleted-body = Alles, was hier dir gehörte, ist nicht mehr da. Danke für die Sorgfalt, die du hineingesteckt hast.
acc-deleted-back = Zurück zum Anfang
