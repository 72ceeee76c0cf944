### Mutual auf Deutsch: die ersten vier Reihen der Fragenbibliothek (Titel, Beschreibungen, Fragen, Hinweise, Skalen und Antworten), nach den IDs in der Datenbank.

## after-intimacy

set-after-intimacy = Nachdem wir intim waren
set-after-intimacy-about = Ein paar behutsame Fragen für die Zeit, kurz nachdem ihr euch nah wart. Ihr antwortet jeweils für euch allein, und sobald ihr beide fertig seid, seht ihr eure Antworten nebeneinander.
prompt-after-how-was-it = Wie war das für dich?
prompt-after-how-was-it-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-after-connected = Wie verbunden hast du dich mit deinem Gegenüber gefühlt?
prompt-after-connected-low = Nicht sehr
prompt-after-connected-high = Tief verbunden
prompt-after-pressure-free = Wie frei von Druck hat es sich für dich angefühlt?
prompt-after-pressure-free-help = Jede Antwort ist in Ordnung. Es geht ums Wahrnehmen, nicht um Schuld.
prompt-after-pressure-free-low = Ich spürte Druck
prompt-after-pressure-free-high = Ganz ohne Druck
prompt-after-mattered-equally = Wie sehr hattest du das Gefühl, dass dein Erleben genauso wichtig war wie das deines Gegenübers?
prompt-after-mattered-equally-low = Eher nicht
prompt-after-mattered-equally-high = Genauso wichtig
prompt-after-enjoyable = Was war schön?
prompt-after-change = Was würdest du künftig gern anders machen?
prompt-after-change-help = Sanfte Wünsche, keine Kritik. Auch Kleinigkeiten zählen.

## mutuality-reflection

set-mutuality-reflection = Über Gegenseitigkeit nachdenken
set-mutuality-reflection-about = Ein ruhigerer Blick darauf, wie ihr beide euch die Lust, den ersten Schritt und das Ja oder Nein teilt. Am besten für einen gelassenen Moment; hier gibt es nichts zu reparieren.
prompt-mutual-for-both = Wie sehr fühlt sich euer Liebesleben in letzter Zeit wie etwas für euch beide an?
prompt-mutual-for-both-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-mutual-for-both-low = Eher für eine Seite
prompt-mutual-for-both-high = Wirklich für beide
prompt-mutual-desire-rhythm = Wie passen eure Rhythmen beim Wunsch nach Nähe in letzter Zeit zusammen?
prompt-mutual-desire-rhythm-help = Unterschiedliche Rhythmen sind sehr häufig. Keiner davon ist falsch.
choice-mutual-desire-rhythm-1 = Ich wünsche mir meist öfter Nähe
choice-mutual-desire-rhythm-2 = Mein Gegenüber wünscht sich meist öfter Nähe
choice-mutual-desire-rhythm-3 = Wir sind ziemlich im Einklang
choice-mutual-desire-rhythm-4 = Das ändert sich von Woche zu Woche
choice-mutual-desire-rhythm-5 = Ich bin mir nicht sicher
prompt-mutual-desire-team = Wenn eure Wünsche auseinandergehen: Wie sehr fühlt ihr euch als Team?
prompt-mutual-desire-team-low = Eher gegeneinander
prompt-mutual-desire-team-high = Ein echtes Team
prompt-mutual-who-starts = Wer macht meistens den ersten Schritt, wenn es um Nähe geht?
choice-mutual-who-starts-1 = Meist ich
choice-mutual-who-starts-2 = Meist mein Gegenüber
choice-mutual-who-starts-3 = Etwa gleich oft
choice-mutual-who-starts-4 = Das wechselt
choice-mutual-who-starts-5 = Ich bin mir nicht sicher
prompt-mutual-ask-and-answer = Wie ausgewogen fühlt es sich an zwischen der Person, die fragt, und der Person, die Ja oder Nein sagt?
prompt-mutual-ask-and-answer-help = Es gibt kein richtiges Maß, nur das, was sich für euch beide fair anfühlt.
prompt-mutual-ask-and-answer-low = Ziemlich einseitig
prompt-mutual-ask-and-answer-high = Gut ausgewogen
prompt-mutual-have-a-say = Wie sehr hast du das Gefühl, mitbestimmen zu können, was zwischen euch geschieht?
prompt-mutual-have-a-say-low = Sehr wenig
prompt-mutual-have-a-say-high = Voll und ganz
prompt-mutual-care-and-self = Wie leicht fällt es dir, dich um das Glück deines Gegenübers zu kümmern und dir dabei selbst treu zu bleiben?
prompt-mutual-care-and-self-low = Noch nicht leicht
prompt-mutual-care-and-self-high = Sehr leicht
prompt-mutual-keeping-score = Hast du manchmal das Gefühl, dass jemand von euch beiden aufrechnet?
prompt-mutual-keeping-score-help = Es zu bemerken heißt nicht, jemandem die Schuld zu geben.
choice-mutual-keeping-score-1 = Gar nicht
choice-mutual-keeping-score-2 = Ab und zu
choice-mutual-keeping-score-3 = Ziemlich oft
choice-mutual-keeping-score-4 = Ich bin mir nicht sicher
prompt-mutual-understand-me = Gibt es etwas daran, wie der Wunsch nach Nähe bei dir funktioniert, das du deinem Gegenüber gern verständlich machen würdest?
prompt-mutual-small-step = Was wäre ein kleiner Schritt, durch den es sich für euch beide mehr nach etwas Gemeinsamem anfühlen könnte?
prompt-mutual-small-step-help = Eine kleine Idee reicht völlig.

## safe-and-present

set-safe-and-present = Sicher und ganz da
set-safe-and-present-about = Freundliche Fragen dazu, dich sicher, wohl und wirklich ganz da zu fühlen, wenn ihr euch nah seid. Nimm dir dein eigenes Tempo und lass aus, was du magst.
prompt-safe-in-body = Wie sicher und wohl fühlst du dich in letzter Zeit in deinem Körper, wenn ihr beide euch nah seid?
prompt-safe-in-body-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-safe-in-body-low = Nicht sehr
prompt-safe-in-body-high = Ganz und gar
prompt-safe-present = Wie oft fühlst du dich wirklich ganz da, statt eine Rolle zu spielen?
prompt-safe-present-help = Manchmal mit den Gedanken abzuschweifen, ist menschlich.
prompt-safe-present-low = Selten
prompt-safe-present-high = Fast immer
prompt-safe-free-to-pause = Wie frei fühlst du dich, jederzeit Nein zu sagen oder eine Pause zu machen?
prompt-safe-free-to-pause-help = Was immer du antwortest, hilft euch beiden.
prompt-safe-free-to-pause-low = Nicht sehr frei
prompt-safe-free-to-pause-high = Völlig frei
prompt-safe-check-ins = Wie geht es dir damit, wie oft ihr beide zwischendurch beieinander nachfragt, während ihr euch nah seid?
choice-safe-check-ins-1 = Passt ungefähr so
choice-safe-check-ins-2 = Gern etwas öfter
choice-safe-check-ins-3 = Lieber etwas seltener
choice-safe-check-ins-4 = Ich bin mir nicht sicher
prompt-safe-boundaries = Gibt es eine Grenze, die du deinem Gegenüber gern mitteilen würdest?
prompt-safe-boundaries-help = Grenzen können sich mit der Zeit ändern, und das ist in Ordnung.
prompt-safe-privacy = Was würde dir helfen, dich mit deinem Bedürfnis nach Privatsphäre respektiert zu fühlen?
choice-safe-privacy-1 = Es passt gut, wie es ist
choice-safe-privacy-2 = Seltener gestört werden
choice-safe-privacy-3 = Mehr Zeit oder Raum für mich
choice-safe-privacy-4 = Etwas anderes
prompt-safe-pace = Wie angenehm ist für dich das Tempo, in dem ihr beide Neues ausprobiert?
prompt-safe-pace-low = Nicht angenehm
prompt-safe-pace-high = Sehr angenehm
prompt-safe-curiosity = Wie leicht fühlt es sich an, offen neugierig darauf zu sein, was ihr beide jeweils genießt?
prompt-safe-curiosity-help = Neugier ist hier willkommen, ganz ohne Urteil.
prompt-safe-curiosity-low = Noch nicht leicht
prompt-safe-curiosity-high = Sehr leicht
prompt-safe-something-i-enjoy = Was genießt du, das du deinem Gegenüber gern mitteilen würdest?
prompt-safe-something-i-enjoy-help = Ein paar Worte reichen völlig.
prompt-safe-what-helps = Was hilft dir, dich sicher und ganz da zu fühlen, wenn ihr euch nah seid?

## after-intimacy-more

set-after-intimacy-more = Nachdem wir intim waren: ein wenig mehr
set-after-intimacy-more-about = Für alles, was ihr zu einem intimen Moment vor Kurzem sagen möchtet und was im kurzen Check-in keinen Platz hat: wie es angefangen hat, wie das Tempo war und wie es euch jetzt geht. Ihr antwortet jeweils für euch allein, und sobald ihr beide fertig seid, seht ihr beide Antworten.
prompt-after-how-it-began = Wie hat es angefangen?
prompt-after-how-it-began-help = Nur wahrnehmen, nicht aufrechnen. Lass aus, was du magst.
choice-after-how-it-began-1 = Ich habe angefangen
choice-after-how-it-began-2 = Mein Gegenüber hat angefangen
choice-after-how-it-began-3 = Wir beide
choice-after-how-it-began-4 = Es hat sich einfach ergeben
choice-after-how-it-began-5 = Ich bin mir nicht sicher
prompt-after-pace = Wie hat sich das Tempo für dich angefühlt?
prompt-after-pace-help = Zu schnell und zu langsam zählen beide als nicht ganz stimmig.
prompt-after-pace-low = Nicht stimmig für mich
prompt-after-pace-high = Genau richtig
prompt-after-at-ease-in-body = Wie wohl hast du dich diesmal in deinem Körper gefühlt?
prompt-after-at-ease-in-body-low = Nicht wohl
prompt-after-at-ease-in-body-high = Rundum wohl
prompt-after-no-worry = Wie sehr konntest du es einfach genießen, ohne dir Sorgen zu machen, ob du alles richtig machst?
prompt-after-no-worry-help = Solche Sorgen sind sehr häufig, und es lohnt sich, sie freundlich wahrzunehmen.
prompt-after-no-worry-low = Kaum
prompt-after-no-worry-high = Ganz und gar
prompt-after-gave-and-received = Wie sehr hattest du diesmal das Gefühl, dass ihr beide geben und empfangen durftet?
prompt-after-gave-and-received-low = Meist in eine Richtung
prompt-after-gave-and-received-high = In beide Richtungen
prompt-after-feeling-now = Wie geht es dir gerade?
choice-after-feeling-now-1 = Nah und zufrieden
choice-after-feeling-now-2 = Ruhig und entspannt
choice-after-feeling-now-3 = Gemischte Gefühle
choice-after-feeling-now-4 = Ein bisschen durcheinander
choice-after-feeling-now-5 = Etwas anderes
