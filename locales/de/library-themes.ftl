### Mutual auf Deutsch: die Themenreihen der Fragenbibliothek (Titel, Beschreibungen, Fragen, Hinweise, Skalen und Antworten), nach den IDs in der Datenbank.

## mutual-touch

set-mutual-touch = Gemeinsame Berührung
set-mutual-touch-about = Gemeinsame Berührung heißt: Jede und jeder von euch berührt sich selbst, während ihr zusammen seid. Viele Paare erleben das als sanften Weg ohne Druck, sich nah zu sein, zu entdecken, was die oder der andere genießt, und im eigenen Tempo zu bleiben. Für Paare, die das teilen oder neugierig darauf sind; lass aus, was nicht zu dir passt.
prompt-touch-how-you-feel = Wie stehst du dazu, dass ihr euch jeweils selbst berührt, während ihr zusammen seid?
prompt-touch-how-you-feel-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
choice-touch-how-you-feel-1 = Das gehört bei uns schon dazu
choice-touch-how-you-feel-2 = Ich bin neugierig darauf
choice-touch-how-you-feel-3 = Ich würde gern erst darüber reden
choice-touch-how-you-feel-4 = Das ist nichts für mich, zumindest jetzt nicht
choice-touch-how-you-feel-5 = Ich bin mir nicht sicher
prompt-touch-at-ease = Wenn ihr diese Art von Nähe teilt: Wie wohl fühlst du dich dabei?
prompt-touch-at-ease-low = Nicht wohl
prompt-touch-at-ease-high = Rundum wohl
prompt-touch-own-pace = Wie frei fühlst du dich, dein eigenes Tempo zu gehen und aufzuhören, wann immer du magst?
prompt-touch-own-pace-help = Aufhören ist jederzeit in Ordnung.
prompt-touch-own-pace-low = Nicht sehr frei
prompt-touch-own-pace-high = Völlig frei
prompt-touch-in-charge = Wie sehr hast du das Gefühl, selbst über deinen Körper und deine Lust zu bestimmen?
prompt-touch-in-charge-low = Wenig
prompt-touch-in-charge-high = Ganz und gar
prompt-touch-no-goal = Wie befreiend ist es für dich, euch auf diese Weise nah zu sein, ganz ohne Ziel?
prompt-touch-no-goal-low = Kaum befreiend
prompt-touch-no-goal-high = Sehr befreiend
prompt-touch-signals = Wie leicht nehmt ihr die leisen Zeichen wahr, die ihr einander gebt, etwa Atem, Mimik oder eine veränderte Haltung?
prompt-touch-signals-low = Noch nicht leicht
prompt-touch-signals-high = Sehr leicht
prompt-touch-check-in = Wie fragt ihr am liebsten beieinander nach, ob alles gut ist, während ihr euch so nah seid?
choice-touch-check-in-1 = Mit ein paar Worten
choice-touch-check-in-2 = Mit einem Blick oder einer Berührung
choice-touch-check-in-3 = Ein bisschen von beidem
choice-touch-check-in-4 = Wir suchen unseren Weg noch
choice-touch-check-in-5 = Ich bin mir nicht sicher
prompt-touch-noticed = Was hast du darüber entdeckt, welche Art von Berührung, welcher Rhythmus oder welches Tempo deinem Gegenüber gefällt?
prompt-touch-noticed-help = Ein paar Worte reichen völlig. Du kannst hier nichts falsch machen.
prompt-touch-when-other-off = Wenn andere Formen von Nähe eine Weile nicht gehen, wegen Schmerzen, Müdigkeit, Krankheit oder einer Genesung: Was hilft dir, dich trotzdem nah zu fühlen?
prompt-touch-when-other-off-help = Nur, wenn das auf dich zutrifft.

## sexual-health

set-sexual-health = Sicher und gesund bleiben
set-sexual-health-about = Füreinander sorgen, wenn es um eure sexuelle Gesundheit geht: Schutz, Tests und Verhütung, soweit sie für euch eine Rolle spielen. Ohne Urteil gefragt; wichtig ist, was für euch beide passt.
prompt-health-easy-to-talk = Wie leicht fällt es euch beiden, darüber zu reden, wie ihr in eurem Liebesleben sicher und gesund bleibt?
prompt-health-easy-to-talk-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-health-easy-to-talk-low = Noch nicht leicht
prompt-health-easy-to-talk-high = Sehr leicht
prompt-health-protection = Wie geht es dir damit, wie ihr beide mit Schutz und Verhütung umgeht, soweit das für euch eine Rolle spielt?
choice-health-protection-1 = Es passt gut für uns beide
choice-health-protection-2 = Ich würde gern darüber reden
choice-health-protection-3 = Ich würde gern gemeinsam andere Wege anschauen
choice-health-protection-4 = Das betrifft uns nicht
choice-health-protection-5 = Ich bin mir nicht sicher
prompt-health-testing = Wie geht es dir mit Tests rund um die sexuelle Gesundheit, bei dir wie bei deinem Gegenüber?
prompt-health-testing-help = Es geht darum, was sich für euch beide geklärt anfühlt, ganz ohne Urteil.
choice-health-testing-1 = Wir haben es besprochen und sind im Reinen
choice-health-testing-2 = Ich würde gern darüber reden
choice-health-testing-3 = Das anzusprechen fiele mir schwer
choice-health-testing-4 = Das ist für uns gerade kein Thema
choice-health-testing-5 = Ich bin mir nicht sicher
prompt-health-a-say = Wie sehr hast du das Gefühl, bei Entscheidungen über Schutz und Verhütung mitbestimmen zu können?
prompt-health-a-say-help = Lass diese Frage aus, wenn sie nicht auf dich zutrifft.
prompt-health-a-say-low = Sehr wenig
prompt-health-a-say-high = Voll und ganz
prompt-health-without-judgment = Wie sicher bist du, dass du eine gesundheitliche Sorge ansprechen könntest und liebevoll aufgenommen würdest, nicht verurteilt?
prompt-health-without-judgment-low = Gar nicht sicher
prompt-health-without-judgment-high = Ganz sicher
prompt-health-easier = Was würde es euch leichter machen, gemeinsam über Schutz, Tests oder Verhütung zu reden?
prompt-health-easier-help = Eine kleine Idee reicht völlig.

## beyond-performance

set-beyond-performance = Ohne Leistungsdruck
set-beyond-performance-about = Für Zeiten, in denen die Sorge, ob ihr alles richtig macht, euch im Weg steht, einander zu genießen. Nähe ist keine Prüfung, und diese Fragen sind es auch nicht.
prompt-perf-free-of-worry = Wie frei fühlst du dich in letzter Zeit von der Sorge, ob du alles richtig machst, wenn ihr euch nah seid?
prompt-perf-free-of-worry-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-perf-free-of-worry-low = Die Sorge steht im Weg
prompt-perf-free-of-worry-high = Frei von dieser Sorge
prompt-perf-enjoy-not-get-right = Wie sehr fühlt sich Nähe für dich nach etwas zum Genießen an statt nach etwas, das gelingen soll?
prompt-perf-enjoy-not-get-right-low = Etwas, das gelingen soll
prompt-perf-enjoy-not-get-right-high = Etwas zum Genießen
prompt-perf-when-body = Wenn dein Körper nicht so reagiert, wie du gehofft hast: Wie fühlt sich das meistens an?
prompt-perf-when-body-help = Körper sind nicht jeden Tag gleich. Es geht nur ums Wahrnehmen.
choice-perf-when-body-1 = Das ist okay, wir gehen es langsamer oder anders an
choice-perf-when-body-2 = Wir können gemeinsam darüber lachen
choice-perf-when-body-3 = Es ist mir ein bisschen peinlich
choice-perf-when-body-4 = Ich sorge mich, was mein Gegenüber denkt
choice-perf-when-body-5 = Das kam bisher kaum vor
choice-perf-when-body-6 = Ich bin mir nicht sicher
prompt-perf-kind-when-unexpected = Wenn es anders läuft, als ihr es euch vorgestellt habt: Wie liebevoll geht ihr beide dann miteinander um?
prompt-perf-kind-when-unexpected-low = Noch nicht sehr liebevoll
prompt-perf-kind-when-unexpected-high = Sehr liebevoll
prompt-perf-helps-relax = Was hilft dir, dich zu entspannen, wenn sich die Sorge einschleicht, ob du alles richtig machst?
prompt-perf-understand = Gibt es eine Sorge darum, ob du alles richtig machst, bei der du dir Verständnis von deinem Gegenüber wünschst?
prompt-perf-understand-help = Wenn du magst, kannst du diese Antwort für dich behalten.

## body-and-shame

set-body-and-shame = Zu Hause im eigenen Körper
set-body-and-shame-about = Freundliche Fragen zum eigenen Körperbild und zu alten Botschaften über Körper und Lust, die viele Menschen mit sich tragen. Nimm dir, was hilft, und lass den Rest.
prompt-body-at-home = Wie sehr fühlst du dich in letzter Zeit in deinem Körper zu Hause?
prompt-body-at-home-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-body-at-home-low = Nicht zu Hause
prompt-body-at-home-high = Ganz zu Hause
prompt-body-seen = Wie wohl fühlst du dich damit, von deinem Gegenüber gesehen zu werden, wenn ihr euch nah seid?
prompt-body-seen-low = Nicht wohl
prompt-body-seen-high = Sehr wohl
prompt-body-pleasure-free = Wie frei fühlst du dich, Lust zu genießen, ohne dich dafür zu schämen?
prompt-body-pleasure-free-low = Nicht sehr frei
prompt-body-pleasure-free-high = Völlig frei
prompt-body-old-messages = Sind alte Botschaften über Körper oder Lust, etwa aus Familie, Glauben oder Kultur, noch mit dabei, wenn ihr euch nah seid?
prompt-body-old-messages-help = Viele Menschen tragen solche Botschaften mit sich. Sie zu bemerken, ist ein freundlicher erster Schritt.
choice-body-old-messages-1 = Eigentlich nicht
choice-body-old-messages-2 = Ab und zu
choice-body-old-messages-3 = Oft
choice-body-old-messages-4 = Das behalte ich lieber für mich
choice-body-old-messages-5 = Ich bin mir nicht sicher
prompt-body-feels-good = Gibt es etwas, das dein Gegenüber tut oder sagt und das dir hilft, dich in deinem Körper wohlzufühlen?
prompt-body-gentle-with = Gibt es etwas an deinem Körper, bei dem du dir von deinem Gegenüber besonders viel Behutsamkeit oder Geduld wünschst?
prompt-body-gentle-with-help = Wenn du magst, kannst du diese Antwort für dich behalten.

## giving-and-receiving

set-giving-and-receiving = Geben und Empfangen
set-giving-and-receiving-about = Darüber, dass ihr beide geben und empfangen dürft und euch euer beider Genuss am Herzen liegt, ohne dass jemand von euch die Verantwortung dafür allein trägt.
prompt-give-both-ways = Wie sehr dürft ihr in letzter Zeit beide geben und empfangen?
prompt-give-both-ways-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-give-both-ways-low = Meist in eine Richtung
prompt-give-both-ways-high = In beide Richtungen
prompt-give-not-all-on-you = Wie frei fühlst du dich davon, den Genuss deines Gegenübers allein auf deinen Schultern zu tragen?
prompt-give-not-all-on-you-help = Dass euch euer beider Genuss am Herzen liegt, ist etwas anderes, als dafür zuständig zu sein.
prompt-give-not-all-on-you-low = Alles lastet auf mir
prompt-give-not-all-on-you-high = Ganz frei davon
prompt-give-receive-ease = Wie leicht fällt es dir, einfach zu empfangen, ohne aufzurechnen?
prompt-give-receive-ease-low = Noch nicht leicht
prompt-give-receive-ease-high = Sehr leicht
prompt-give-easier-now = Was fällt dir zurzeit leichter?
choice-give-easier-now-1 = Geben
choice-give-easier-now-2 = Empfangen
choice-give-easier-now-3 = Beides, etwa gleich
choice-give-easier-now-4 = Das hängt vom Tag ab
choice-give-easier-now-5 = Ich bin mir nicht sicher
prompt-give-relax-into = Was hilft dir, dich entspannt aufs Empfangen einzulassen?
prompt-give-shared-enjoyment = Was würde dazu beitragen, dass sich euer Genuss gemeinsam anfühlt und nicht wie etwas, um das sich nur jemand von euch kümmert?
prompt-give-shared-enjoyment-help = Eine kleine Idee reicht völlig.

## new-and-familiar

set-new-and-familiar = Etwas Neues, etwas Vertrautes
set-new-and-familiar-about = Über die Geborgenheit des Vertrauten und den Reiz von etwas Neuem, in einem Tempo, das zu euch beiden passt.
prompt-new-mix = Wie fühlt sich die Mischung aus Vertrautem und Neuem für dich in letzter Zeit an?
prompt-new-mix-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
choice-new-mix-1 = Für mich eine gute Mischung
choice-new-mix-2 = Vertraut, und so mag ich es
choice-new-mix-3 = Etwas mehr Neues fände ich schön
choice-new-mix-4 = Lieber noch eine Weile vertraut
choice-new-mix-5 = Ich bin mir nicht sicher
prompt-new-fresh = Wie oft fühlt sich Nähe für dich lebendig an statt wie auf Autopilot?
prompt-new-fresh-low = Selten
prompt-new-fresh-high = Meistens
prompt-new-easy-to-suggest = Wie leicht fällt es dir, etwas Neues vorzuschlagen, im Wissen, dass ein Nein völlig in Ordnung ist?
prompt-new-easy-to-suggest-low = Noch nicht leicht
prompt-new-easy-to-suggest-high = Sehr leicht
prompt-new-free-to-decline = Wie frei fühlst du dich, zu etwas Neuem „nichts für mich“ zu sagen?
prompt-new-free-to-decline-low = Nicht sehr frei
prompt-new-free-to-decline-high = Völlig frei
prompt-new-treasure = Welcher vertraute Teil eurer Nähe ist dir kostbar und darf gern bleiben?
prompt-new-small-curious = Gibt es etwas Kleines, Neues, auf das du neugierig bist, um es auszuprobieren oder erst einmal nur darüber zu reden?
prompt-new-small-curious-help = Neugier ist willkommen. Was du hier schreibst, verpflichtet niemanden zu irgendetwas.

## listening

set-listening = Einander zuhören
set-listening-about = Darüber, einander in Ruhe zuzuhören, auch wenn es um Verletzliches geht, mit Raum für eure beiden Sichtweisen.
prompt-listen-heard = Wenn ihr beide über euer Liebesleben sprecht: Wie sehr fühlst du dich gehört?
prompt-listen-heard-help = Hier gibt es keine falschen Antworten. Lass aus, was du magst.
prompt-listen-heard-low = Nicht sehr gehört
prompt-listen-heard-high = Wirklich gehört
prompt-listen-without-defending = Wenn dein Gegenüber dir etwas sehr Persönliches sagt oder etwas, das schwer zu hören ist: Wie leicht kannst du zuhören, ohne dich zu verteidigen?
prompt-listen-without-defending-help = Das fällt allen manchmal schwer. Es geht ums Wahrnehmen, nicht um Schuld.
prompt-listen-without-defending-low = Noch nicht leicht
prompt-listen-without-defending-high = Sehr leicht
prompt-listen-safe-to-say = Wie sicher fühlt es sich an, deinem Gegenüber zu sagen, was für dich nicht passt?
prompt-listen-safe-to-say-low = Nicht sehr sicher
prompt-listen-safe-to-say-high = Ganz sicher
prompt-listen-what-helps = Wenn jemand von euch etwas anspricht, das nahegeht: Was hilft dir dann am meisten?
choice-listen-what-helps-1 = Kurz nachdenken, bevor ich antworte
choice-listen-what-helps-2 = Meine Worte wiederholt hören
choice-listen-what-helps-3 = Händchenhalten oder eine Umarmung
choice-listen-what-helps-4 = In einem ruhigeren Moment reden
choice-listen-what-helps-5 = Etwas anderes
choice-listen-what-helps-6 = Ich bin mir nicht sicher
prompt-listen-their-view = Gibt es etwas, das dein Gegenüber anders sieht als du und das du inzwischen ein bisschen besser verstehst?
prompt-listen-to-hear = Gibt es etwas, das du deinem Gegenüber einfach nur sagen möchtest, ohne dass gleich eine Antwort nötig ist?
prompt-listen-works-for-both = Wie gestalten wir gemeinsam etwas, das für uns beide passt?
prompt-listen-works-for-both-help = Eine Idee reicht völlig; ihr könnt später gemeinsam darauf zurückkommen.
