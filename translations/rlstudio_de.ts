<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ApiService</name>
    <message>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <source>every request needs the token</source>
        <translation>jede Anfrage benötigt das Token</translation>
    </message>
    <message>
        <source>control requests need the token</source>
        <translation>Steueranfragen benötigen das Token</translation>
    </message>
    <message>
        <source>rlstudio: listening on %1 (%2)</source>
        <translation>rlstudio: wartet auf Verbindungen unter %1 (%2)</translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <source>rlstudio bench: %1</source>
        <translation>rlstudio bench: %1</translation>
    </message>
    <message>
        <source>bench: %1, depth %2, batch %3</source>
        <translation>bench: %1, Tiefe %2, Batch %3</translation>
    </message>
    <message>
        <source>  throughput     %1 items/s (%2 items in %3 s)</source>
        <translation>  Durchsatz      %1 Einträge/s (%2 Einträge in %3 s)</translation>
    </message>
    <message>
        <source>  batch latency  p50 %1 µs, p99 %2 µs</source>
        <translation>  Batch-Latenz   p50 %1 µs, p99 %2 µs</translation>
    </message>
    <message>
        <source>  peak RSS       %1 MB</source>
        <translation>  Spitzen-RSS    %1 MB</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run without a window: the engine and its HTTP endpoints.</source>
        <translation>Ohne Fenster ausführen: nur die Engine und ihre HTTP-Endpunkte.</translation>
    </message>
    <message>
        <source>Feedback items per tick, 1..100000 (RL_FEEDBACK_BATCH_SIZE, default 25).</source>
        <translation>Feedback-Einträge pro Takt, 1..100000 (RL_FEEDBACK_BATCH_SIZE, Standard 25).</translation>
    </message>
    <message>
        <source>Seconds between ticks, 0.01..86400 (RL_FEEDBACK_LOOP_INTERVAL_SECONDS, default 15).</source>
        <translation>Sekunden zwischen zwei Takten, 0.01..86400 (RL_FEEDBACK_LOOP_INTERVAL_SECONDS, Standard 15).</translation>
    </message>
    <message>
        <source>Seed of the policy and the simulated workload.</source>
        <translation>Zufalls-Seed der Strategie und der simulierten Last.</translation>
    </message>
    <message>
        <source>The tenant label of every metric (RL_TENANT, default &quot;default&quot;).</source>
        <translation>Das Label „tenant“ (Mandant) jeder Metrik (RL_TENANT, Standard „default“).</translation>
    </message>
    <message>
        <source>The workspace label of every metric (RL_WORKSPACE, default &quot;default&quot;).</source>
        <translation>Das Label „workspace“ (Arbeitsbereich) jeder Metrik (RL_WORKSPACE, Standard „default“).</translation>
    </message>
    <message>
        <source>Simulated requests per minute (default 30).</source>
        <translation>Simulierte Anfragen pro Minute (Standard 30).</translation>
    </message>
    <message>
        <source>Do not simulate requests.</source>
        <translation>Keine Anfragen simulieren.</translation>
    </message>
    <message>
        <source>The models to route between, as JSON (default: the four built-in models).</source>
        <translation>Die Modelle, zwischen denen geroutet wird, als JSON (Standard: die vier eingebauten Modelle).</translation>
    </message>
    <message>
        <source>Emit trajectory feedback (ENABLE_TRAJECTORY_EVALUATION).</source>
        <translation>Trajektorien-Feedback erzeugen (ENABLE_TRAJECTORY_EVALUATION).</translation>
    </message>
    <message>
        <source>Do not emit trajectory feedback.</source>
        <translation>Kein Trajektorien-Feedback erzeugen.</translation>
    </message>
    <message>
        <source>Process feedback on every tick (ENABLE_TRAJECTORY_FEEDBACK_LOOP).</source>
        <translation>Feedback bei jedem Takt verarbeiten (ENABLE_TRAJECTORY_FEEDBACK_LOOP).</translation>
    </message>
    <message>
        <source>Do not process feedback.</source>
        <translation>Kein Feedback verarbeiten.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window before exiting (after --exit-after, default 10 s).</source>
        <translation>Vor dem Beenden ein PNG des Hauptfensters speichern (nach --exit-after, Standard 10 s).</translation>
    </message>
    <message>
        <source>Exit after this many seconds.</source>
        <translation>Nach dieser Anzahl Sekunden beenden.</translation>
    </message>
    <message>
        <source>The window&apos;s size, e.g. 1280x800.</source>
        <translation>Die Fenstergröße, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>items per minute</source>
        <translation>Einträge pro Minute</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>times</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>The learning stream: t, x0..x(d-1), r0..r(k-1) per line.</source>
        <translation>Der Lerndatenstrom: t, x0..x(d-1), r0..r(k-1) pro Zeile.</translation>
    </message>
    <message>
        <source>The true_weights to measure regret against (default: meta.json beside the stream).</source>
        <translation>Die true_weights, gegen die der Regret gemessen wird (Standard: meta.json neben dem Datenstrom).</translation>
    </message>
    <message>
        <source>Seed of the policy (default 1).</source>
        <translation>Zufalls-Seed der Strategie (Standard 1).</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Das Ergebnis als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Replay a learning stream through a policy and report its regret.</source>
        <translation>Einen Lerndatenstrom mit einer Strategie abspielen und ihren Regret ausgeben.</translation>
    </message>
    <message>
        <source>replay needs --stream FILE.csv</source>
        <translation>replay benötigt --stream FILE.csv</translation>
    </message>
    <message>
        <source>Queued items, which is also the routing history&apos;s length (default 10000).</source>
        <translation>Einträge in der Warteschlange, zugleich die Länge der Routing-Historie (Standard 10000).</translation>
    </message>
    <message>
        <source>Items per batch, 1..100000 (default 25).</source>
        <translation>Einträge pro Batch, 1..100000 (Standard 25).</translation>
    </message>
    <message>
        <source>Measure feedback processing: items per second, batch latency, peak memory.</source>
        <translation>Feedback-Verarbeitung messen: Einträge pro Sekunde, Batch-Latenz, Spitzenspeicher.</translation>
    </message>
    <message>
        <source>%1 is not an integer in %2..%3</source>
        <translation>%1 ist keine ganze Zahl im Bereich %2..%3</translation>
    </message>
    <message>
        <source>%1 is not a number of %2 in %3..%4</source>
        <translation>%1 ist keine Zahl (%2) im Bereich %3..%4</translation>
    </message>
    <message>
        <source>%1 is not a policy: expected one of %2</source>
        <translation>%1 ist keine Strategie: erwartet wird eine von %2</translation>
    </message>
    <message>
        <source>%1 is not HOST:PORT: expected an IP address or localhost and a port in 0..65535</source>
        <translation>%1 ist nicht HOST:PORT: erwartet werden eine IP-Adresse oder localhost und ein Port im Bereich 0..65535</translation>
    </message>
    <message>
        <source>%1 is not a window size WxH: expected e.g. 1280x800, sides 240..%2</source>
        <translation>%1 ist keine Fenstergröße WxH: erwartet wird z. B. 1280x800, Seitenlängen 240..%2</translation>
    </message>
    <message>
        <source>--%1 and --%2 contradict each other: give one of them</source>
        <translation>--%1 und --%2 widersprechen sich: nur eine der beiden Optionen angeben</translation>
    </message>
    <message>
        <source>RL Feedback Studio: a contextual-bandit model router and its feedback loop.</source>
        <translation>RL Feedback Studio: ein Modell-Router mit kontextuellem Banditen und seine Feedback-Schleife.</translation>
    </message>
    <message>
        <source>The language of the window and the messages, e.g. de (default: the system&apos;s).</source>
        <translation>Sprache des Fensters und der Meldungen, z. B. de (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;: expected %2, or options only</source>
        <translation>unbekannter Befehl „%1“: erwartet wird %2 oder nur Optionen</translation>
    </message>
    <message>
        <source>Seconds between headless status lines, 0.1..86400, or 0 for none (default 5).</source>
        <translation>Sekunden zwischen den Statuszeilen im Headless-Betrieb, 0.1..86400, oder 0 für keine (Standard 5).</translation>
    </message>
    <message>
        <source>Compress the alert rules&apos; windows, for-durations and evaluation intervals by this factor, 1..3600 (a demo; default 1).</source>
        <translation>Fenster, for-Dauern und Auswertungsintervalle der Alarmregeln um diesen Faktor stauchen, 1..3600 (zur Demonstration; Standard 1).</translation>
    </message>
    <message>
        <source>Evaluate the alert rules of this Prometheus rule file instead of the shipped ones; repeat it for several files, and name &quot;%1&quot; to keep the shipped rules beside yours.</source>
        <translation>Die Alarmregeln dieser Prometheus-Regeldatei statt der mitgelieferten auswerten; für mehrere Dateien wiederholen, und „%1“ angeben, um die mitgelieferten Regeln neben den eigenen zu behalten.</translation>
    </message>
    <message>
        <source>%1 is not 0 or a number of seconds in %2..%3</source>
        <translation>%1 ist weder 0 noch eine Zahl von Sekunden im Bereich %2..%3</translation>
    </message>
    <message>
        <source>Arms, 1..%1 (default 4).</source>
        <translation>Arme, 1..%1 (Standard 4).</translation>
    </message>
    <message>
        <source>Features of a context, 1..%1 (default 10).</source>
        <translation>Merkmale eines Kontexts, 1..%1 (Standard 10).</translation>
    </message>
    <message>
        <source>Rounds, 1..%1 (default 20000).</source>
        <translation>Runden, 1..%1 (Standard 20000).</translation>
    </message>
    <message>
        <source>Standard deviation of the reward noise, 0..%1 (default 0.1).</source>
        <translation>Standardabweichung des Belohnungsrauschens, 0..%1 (Standard 0.1).</translation>
    </message>
    <message>
        <source>Seed of the stream (default 1).</source>
        <translation>Zufalls-Seed des Datenstroms (Standard 1).</translation>
    </message>
    <message>
        <source>From round ROUND on (counting from 0), the arms&apos; true weights are drawn afresh from SEED; repeat for several changes.</source>
        <translation>Ab Runde ROUND (ab 0 gezählt) werden die wahren Gewichte der Arme neu aus SEED gezogen; für mehrere Wechsel wiederholen.</translation>
    </message>
    <message>
        <source>The folder for learning_stream.csv and meta.json.</source>
        <translation>Der Ordner für learning_stream.csv und meta.json.</translation>
    </message>
    <message>
        <source>Write a synthetic learning stream and its true weights.</source>
        <translation>Einen synthetischen Lerndatenstrom und seine wahren Gewichte schreiben.</translation>
    </message>
    <message>
        <source>simulate-stream needs --out DIR</source>
        <translation>simulate-stream benötigt --out DIR</translation>
    </message>
    <message>
        <source>standard deviations</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <source>simulate-stream: %1</source>
        <translation>simulate-stream: %1</translation>
    </message>
    <message>
        <source>Work with Prometheus rule files.</source>
        <translation>Mit Prometheus-Regeldateien arbeiten.</translation>
    </message>
    <message>
        <source>Validate rule files as promtool check rules does.</source>
        <translation>Regeldateien prüfen, wie promtool check rules es tut.</translation>
    </message>
    <message>
        <source>Rule files to check.</source>
        <translation>Zu prüfende Regeldateien.</translation>
    </message>
    <message>
        <source>rules needs a subcommand: rules check FILE...</source>
        <translation>rules benötigt einen Unterbefehl: rules check DATEI...</translation>
    </message>
    <message>
        <source>rules check needs at least one FILE</source>
        <translation>rules check benötigt mindestens eine DATEI</translation>
    </message>
    <message>
        <source>%1 is not ROUND:SEED, a round in 1..%2 and a seed in 0..%3</source>
        <translation>%1 hat nicht die Form RUNDE:SEED mit einer Runde im Bereich 1..%2 und einem Seed im Bereich 0..%3</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;rules %1&quot;: expected rules check FILE...</source>
        <translation>unbekannter Unterbefehl „rules %1“: erwartet wird rules check DATEI...</translation>
    </message>
    <message>
        <source>--ephemeral and --data-dir contradict each other: give one</source>
        <translation>--ephemeral und --data-dir widersprechen sich: nur eine der beiden Optionen angeben</translation>
    </message>
    <message>
        <source>no application data folder is known here: give --data-dir DIR or --ephemeral</source>
        <translation>hier ist kein Anwendungsdatenordner bekannt: --data-dir DIR oder --ephemeral angeben</translation>
    </message>
    <message>
        <source>%1 is not full, normal or off</source>
        <translation>%1 ist weder full noch normal noch off</translation>
    </message>
    <message>
        <source>--listen %1 is reachable from other machines: give --token-file FILE (or RL_API_TOKEN_FILE) so that every request needs the token</source>
        <translation>--listen %1 ist von anderen Rechnern aus erreichbar: --token-file FILE (oder RL_API_TOKEN_FILE) angeben, damit jede Anfrage das Token benötigt</translation>
    </message>
    <message>
        <source>%1 is not a host name: give the name clients use, without port</source>
        <translation>%1 ist kein Hostname: den Namen angeben, den Clients verwenden, ohne Port</translation>
    </message>
    <message>
        <source>Serve the API, /metrics and /health on HOST:PORT (default 127.0.0.1:8000; port 0 picks one). Any address but loopback needs --token-file.</source>
        <translation>Die API, /metrics und /health unter HOST:PORT bereitstellen (Standard 127.0.0.1:8000; Port 0 wählt einen freien Port). Jede Adresse außer Loopback erfordert --token-file.</translation>
    </message>
    <message>
        <source>A name clients reach this server by, accepted in the Host header besides the listen address (repeatable).</source>
        <translation>Ein Name, unter dem Clients diesen Server erreichen; wird neben der Adresse aus --listen im Host-Header akzeptiert (wiederholbar).</translation>
    </message>
    <message>
        <source>The folder of the journal: decisions, feedback, checkpoints (RL_DATA_DIR; default the platform&apos;s application data folder, printed at start).</source>
        <translation>Der Ordner des Journals: Entscheidungen, Feedback, Checkpoints (RL_DATA_DIR; Standard: der Anwendungsdatenordner der Plattform, wird beim Start ausgegeben).</translation>
    </message>
    <message>
        <source>Keep nothing on disk: a restart forgets the queue, the pending decisions and what the policy learned.</source>
        <translation>Nichts auf der Festplatte speichern: Ein Neustart vergisst die Warteschlange, die ausstehenden Entscheidungen und das von der Strategie Gelernte.</translation>
    </message>
    <message>
        <source>How hard the journal pushes commits to the disk: full (survives power loss), normal (survives a crash of the process; default) or off (RL_JOURNAL_SYNC).</source>
        <translation>Wie gründlich das Journal Commits auf die Festplatte schreibt: full (übersteht einen Stromausfall), normal (übersteht einen Absturz des Prozesses; Standard) oder off (RL_JOURNAL_SYNC).</translation>
    </message>
    <message>
        <source>Days the decision log is kept for export and off-policy evaluation, 1..3650 (default 7).</source>
        <translation>Tage, die das Entscheidungsprotokoll für Export und Off-Policy-Evaluation aufbewahrt wird, 1..3650 (Standard 7).</translation>
    </message>
    <message>
        <source>Feedback items the queue holds, 1..10000000 (RL_FEEDBACK_QUEUE_CAPACITY, default 10000).</source>
        <translation>Feedback-Einträge, die die Warteschlange fasst, 1..10000000 (RL_FEEDBACK_QUEUE_CAPACITY, Standard 10000).</translation>
    </message>
    <message>
        <source>When the feedback queue is full: drop-oldest (default; counted as dropped) or reject (the API answers 503 with Retry-After) (RL_FEEDBACK_OVERFLOW).</source>
        <translation>Wenn die Feedback-Warteschlange voll ist: drop-oldest (Standard; als verworfen gezählt) oder reject (die API antwortet mit 503 und Retry-After) (RL_FEEDBACK_OVERFLOW).</translation>
    </message>
    <message>
        <source>The largest request body the API reads, in bytes, 1024..1073741824 (default 16777216).</source>
        <translation>Der größte Anfrage-Body, den die API liest, in Bytes, 1024..1073741824 (Standard 16777216).</translation>
    </message>
    <message>
        <source>Connections the API holds at once, 1..65536 (default 1024, lowered to fit the open-file limit); more get 503.</source>
        <translation>Verbindungen, die die API gleichzeitig hält, 1..65536 (Standard 1024, gesenkt, um unter dem Limit offener Dateien zu bleiben); weitere erhalten 503.</translation>
    </message>
    <message>
        <source>Also run a batch as soon as batch-size items are queued, not only on the tick (RL_FEEDBACK_PROCESS_WHEN_FULL).</source>
        <translation>Einen Batch auch sofort ausführen, sobald batch-size Einträge in der Warteschlange stehen, nicht nur beim Takt (RL_FEEDBACK_PROCESS_WHEN_FULL).</translation>
    </message>
    <message>
        <source>%1 is not drop-oldest or reject</source>
        <translation>%1 ist weder drop-oldest noch reject</translation>
    </message>
    <message>
        <source>The server to load, e.g. http://127.0.0.1:8000.</source>
        <translation>Der Server, der unter Last gesetzt wird, z. B. http://127.0.0.1:8000.</translation>
    </message>
    <message>
        <source>The file holding the bearer token to send (RL_API_TOKEN_FILE; default none).</source>
        <translation>Die Datei mit dem zu sendenden Bearer-Token (RL_API_TOKEN_FILE; Standard: keine).</translation>
    </message>
    <message>
        <source>The learning stream to route, round by round: t, x0..x(d-1), r0..r(k-1) per line, rewards in [0, 1].</source>
        <translation>Der zu routende Lerndatenstrom, Runde für Runde: t, x0..x(d-1), r0..r(k-1) pro Zeile, Belohnungen in [0, 1].</translation>
    </message>
    <message>
        <source>The stream&apos;s true_weights, to report the regret of the router&apos;s choices (default: none).</source>
        <translation>Die true_weights des Datenstroms, um den Regret der Entscheidungen des Routers auszugeben (Standard: keine).</translation>
    </message>
    <message>
        <source>Keep-alive connections, each routing and posting feedback in turn, 1..%1.</source>
        <translation>Keep-Alive-Verbindungen, die jeweils abwechselnd routen und Feedback senden, 1..%1.</translation>
    </message>
    <message>
        <source>Stop after this many seconds, 0.1..86400.</source>
        <translation>Nach dieser Anzahl Sekunden anhalten, 0.1..86400.</translation>
    </message>
    <message>
        <source>Stop after this many rounds, 1..%1 (default: the stream&apos;s length); beyond its length the stream starts over.</source>
        <translation>Nach dieser Anzahl Runden anhalten, 1..%1 (Standard: die Länge des Datenstroms); über seine Länge hinaus beginnt der Datenstrom von vorn.</translation>
    </message>
    <message>
        <source>Feedback items per request, 1..%1; more than one are posted as NDJSON (default 1).</source>
        <translation>Feedback-Einträge pro Anfrage, 1..%1; mehrere werden als NDJSON gesendet (Standard 1).</translation>
    </message>
    <message>
        <source>Route a learning stream through a server and post its feedback, over HTTP; report throughput, latency, errors and regret.</source>
        <translation>Einen Lerndatenstrom über HTTP durch einen Server routen und sein Feedback senden; Durchsatz, Latenz, Fehler und Regret ausgeben.</translation>
    </message>
    <message>
        <source>load needs %1</source>
        <translation>load benötigt %1</translation>
    </message>
    <message>
        <source>The journal&apos;s folder (RL_DATA_DIR; default the application data folder).</source>
        <translation>Der Ordner des Journals (RL_DATA_DIR; Standard: der Anwendungsdatenordner).</translation>
    </message>
    <message>
        <source>dsjson (default) or csv.</source>
        <translation>dsjson (Standard) oder csv.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Write the decision log of a journal, with the rewards joined, for off-policy evaluation.</source>
        <translation>Das Entscheidungsprotokoll eines Journals samt zugeordneten Belohnungen für die Off-Policy-Evaluation schreiben.</translation>
    </message>
    <message>
        <source>%1 is not dsjson or csv</source>
        <translation>%1 ist weder dsjson noch csv</translation>
    </message>
    <message>
        <source>export needs --out FILE</source>
        <translation>export benötigt --out FILE</translation>
    </message>
    <message>
        <source>Route at most this many requests per second, 1..1000000, spread evenly (default: as fast as the server answers). Latency percentiles are meaningful at a set rate.</source>
        <translation>Höchstens so viele Anfragen pro Sekunde routen, 1..1000000, gleichmäßig verteilt (Standard: so schnell, wie der Server antwortet). Latenz-Perzentile sind bei fester Rate aussagekräftig.</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Decisions kept awaiting their feedback, 1..10000000 (RL_ROUTING_HISTORY_CAPACITY, default 100000); feedback for an older decision fails as missing_history.</source>
        <translation>Entscheidungen, die auf ihr Feedback warten, 1..10000000 (RL_ROUTING_HISTORY_CAPACITY, Standard 100000); Feedback zu einer älteren Entscheidung scheitert als missing_history.</translation>
    </message>
    <message>
        <source>%1 holds a user name or password: give the API&apos;s token with --token-file</source>
        <translation>%1 enthält einen Benutzernamen oder ein Passwort: das Token der API mit --token-file angeben</translation>
    </message>
    <message>
        <source>%1 is not an %2 URL: expected %3://HOST[:PORT][/PATH], without query or fragment</source>
        <translation>%1 ist keine %2-URL: erwartet wird %3://HOST[:PORT][/PATH], ohne Query oder Fragment</translation>
    </message>
    <message>
        <source>Read the fleet from this Prometheus server, e.g. http://127.0.0.1:9090.</source>
        <translation>Die Flotte von diesem Prometheus-Server lesen, z. B. http://127.0.0.1:9090.</translation>
    </message>
    <message>
        <source>With --prometheus: label matchers in braces that pick the instances, e.g. {tenant=~&quot;acme|globex&quot;} (default: every instance serving rlstudio&apos;s metrics).</source>
        <translation>Mit --prometheus: Label-Matcher in geschweiften Klammern, die die Instanzen auswählen, z. B. {tenant=~&quot;acme|globex&quot;} (Standard: jede Instanz, die die Metriken von rlstudio liefert).</translation>
    </message>
    <message>
        <source>With --prometheus: seconds between refreshes, 1..3600 (default 5).</source>
        <translation>Mit --prometheus: Sekunden zwischen den Aktualisierungen, 1..3600 (Standard 5).</translation>
    </message>
    <message>
        <source>--prometheus shows the fleet in the window; without one, use rlstudio fleet</source>
        <translation>--prometheus zeigt die Flotte im Fenster; ohne Fenster rlstudio fleet verwenden</translation>
    </message>
    <message>
        <source>Print JSON, with each column&apos;s query.</source>
        <translation>JSON ausgeben, mit der Abfrage jeder Spalte.</translation>
    </message>
    <message>
        <source>Print the fleet view&apos;s table from a Prometheus server.</source>
        <translation>Die Tabelle der Flottenansicht von einem Prometheus-Server ausgeben.</translation>
    </message>
    <message>
        <source>fleet needs --prometheus URL</source>
        <translation>fleet braucht --prometheus URL</translation>
    </message>
    <message>
        <source>Show and operate the rlstudio at this URL (its API, /health and /metrics; its token with --token-file) instead of an engine in this process.</source>
        <translation>Das rlstudio unter dieser URL zeigen und bedienen (seine API, /health und /metrics; sein Token mit --token-file) statt einer Engine in diesem Prozess.</translation>
    </message>
    <message>
        <source>--connect shows a remote instance in the window: not with --headless or --prometheus</source>
        <translation>--connect zeigt eine entfernte Instanz im Fenster: nicht mit --headless oder --prometheus</translation>
    </message>
    <message>
        <source>With --prometheus: the charts&apos; time range at the start, a Prometheus duration from 1m to 400d, e.g. 15m or 7d (default 1h).</source>
        <translation>Mit --prometheus: der Zeitraum der Diagramme beim Start, eine Prometheus-Dauer von 1m bis 400d, z. B. 15m oder 7d (Standard 1h).</translation>
    </message>
    <message>
        <source>%1 is not a duration from 1m to 400d, such as 15m, 6h or 7d</source>
        <translation>%1 ist keine Dauer von 1m bis 400d wie 15m, 6h oder 7d</translation>
    </message>
    <message>
        <source>--selector, --refresh and --range go with --prometheus URL</source>
        <translation>--selector, --refresh und --range gehören zu --prometheus URL</translation>
    </message>
    <message>
        <source>The API&apos;s bearer token, 16..1024 printable characters (RL_API_TOKEN_FILE). Control requests need it; off loopback every request does. With --connect or --prometheus, the token sent to the remote instances&apos; control API.</source>
        <translation>Das Bearer-Token der API, 16..1024 druckbare Zeichen (RL_API_TOKEN_FILE). Steuerungsanfragen brauchen es, außerhalb von Loopback jede Anfrage. Mit --connect oder --prometheus das Token, das an die Steuerungs-API der entfernten Instanzen gesendet wird.</translation>
    </message>
    <message>
        <source>--%1 sets the alert rules evaluated in this process; with --connect or --prometheus the window shows the alerts as the remote side evaluates them</source>
        <translation>--%1 legt die in diesem Prozess ausgewerteten Alarmregeln fest; mit --connect oder --prometheus zeigt das Fenster die Alarme so, wie die Gegenseite sie auswertet</translation>
    </message>
    <message>
        <source>The decision log: rlstudio export&apos;s CSV or DSJSON, or a CSV of x0.., action, propensity, reward and optionally p0..</source>
        <translation>Das Entscheidungsprotokoll: CSV oder DSJSON von rlstudio export, oder eine CSV mit x0.., action, propensity, reward und optional p0..</translation>
    </message>
    <message>
        <source>Comma-separated: ips, snips, dm, dr, sndr, switch-dr (default all).</source>
        <translation>Durch Kommas getrennt: ips, snips, dm, dr, sndr, switch-dr (Standard alle).</translation>
    </message>
    <message>
        <source>Bootstrap resamples for the 95 % intervals, 0..100000 (default 1000; 0: none).</source>
        <translation>Bootstrap-Stichproben für die 95-%-Intervalle, 0..100000 (Standard 1000; 0: keine).</translation>
    </message>
    <message>
        <source>The bootstrap&apos;s seed (default 1).</source>
        <translation>Der Seed des Bootstraps (Standard 1).</translation>
    </message>
    <message>
        <source>Switch-DR&apos;s weight threshold τ, above which a row&apos;s correction is dropped (default 10).</source>
        <translation>Die Gewichtsschwelle τ von Switch-DR, oberhalb derer die Korrektur einer Zeile entfällt (Standard 10).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Estimate a target policy&apos;s value on a logged bandit&apos;s decisions (off-policy evaluation).</source>
        <translation>Den Wert einer Ziel-Policy auf den protokollierten Entscheidungen eines Banditen schätzen (Off-Policy-Evaluation).</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>%1: %2 is not one of ips, snips, dm, dr, sndr, switch-dr</source>
        <translation>%1: %2 ist keiner von ips, snips, dm, dr, sndr, switch-dr</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>%1: %2 is given twice</source>
        <translation>%1: %2 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>Bandit policy: seed, egreedy, linucb, thompson or adaptive (default adaptive: LinUCB with a measured width and change detection).</source>
        <translation>Bandit-Strategie: seed, egreedy, linucb, thompson oder adaptive (Standard adaptive: LinUCB mit gemessener Breite und Änderungserkennung).</translation>
    </message>
    <message>
        <source>Open the experiments window alone (off-policy evaluation, policy comparison), no engine.</source>
        <translation>Nur das Experimentfenster öffnen (Off-Policy-Bewertung, Strategievergleich), ohne Engine.</translation>
    </message>
    <message>
        <source>replay, bench, simulate-stream, rules, load, export, evaluate, compare or fleet (see rlstudio COMMAND --help); none runs the engine.</source>
        <translation>replay, bench, simulate-stream, rules, load, export, evaluate, compare oder fleet (siehe rlstudio BEFEHL --help); ohne Befehl läuft die Engine.</translation>
    </message>
    <message>
        <source>--workbench opens the experiments window alone: not with --headless, --connect or --prometheus</source>
        <translation>--workbench öffnet nur das Experimentfenster: nicht mit --headless, --connect oder --prometheus</translation>
    </message>
    <message>
        <source>%1 is not A:B, rounds from A to before B with A &lt; B &lt;= %2</source>
        <translation>%1 ist nicht A:B, die Runden von A bis vor B mit A &lt; B &lt;= %2</translation>
    </message>
    <message>
        <source>Also report the share of optimal picks over rounds A to B (from A, before B, counting from 0).</source>
        <translation>Auch den Anteil optimaler Wahlen in den Runden A bis B angeben (ab A, vor B, ab 0 gezählt).</translation>
    </message>
    <message>
        <source>Write the learned policy&apos;s state to FILE (evaluate --target reads it, frozen as deployed).</source>
        <translation>Den gelernten Zustand der Strategie in DATEI schreiben (evaluate --target liest ihn, eingefroren wie im Einsatz).</translation>
    </message>
    <message>
        <source>A policy and its parameters, e.g. linucb:alpha=0.3, thompson:v=0.1, egreedy:epsilon=0.05 or seed; a sweep takes N values: linucb:alpha=0.1..1.0/10. Repeat it for several.</source>
        <translation>Eine Strategie mit ihren Parametern, z. B. linucb:alpha=0.3, thompson:v=0.1, egreedy:epsilon=0.05 oder seed; ein Sweep nimmt N Werte: linucb:alpha=0.1..1.0/10. Für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>Runs per spec, seeds 1..S, 1..%1 (default 10).</source>
        <translation>Läufe je Strategie, Seeds 1..S, 1..%1 (Standard 10).</translation>
    </message>
    <message>
        <source>Compare over the first T rounds (default: the whole stream).</source>
        <translation>Über die ersten T Runden vergleichen (Standard: den ganzen Stream).</translation>
    </message>
    <message>
        <source>Keep the finished runs in FILE: the same comparison run again with it resumes where it stopped.</source>
        <translation>Fertige Läufe in DATEI behalten: derselbe Vergleich mit ihr noch einmal gestartet setzt dort fort, wo er aufhörte.</translation>
    </message>
    <message>
        <source>Compare policies over a learning stream on several seeds: regret with 95 % intervals, ranked.</source>
        <translation>Strategien über einen Lern-Stream mit mehreren Seeds vergleichen: Regret mit 95-%-Intervallen, nach Rang.</translation>
    </message>
    <message>
        <source>compare needs --stream FILE.csv and at least one --policy SPEC</source>
        <translation>compare braucht --stream DATEI.csv und mindestens eine --policy SPEC</translation>
    </message>
    <message>
        <source>--policy: %1 is given twice</source>
        <translation>--policy: %1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>--policy: %1</source>
        <translation>--policy: %1</translation>
    </message>
    <message>
        <source>--policy: more than %1 specs in all</source>
        <translation>--policy: insgesamt mehr als %1 Strategien</translation>
    </message>
    <message>
        <source>The target policy: weights (a meta.json with true_weights, a k×d matrix; greedy on W·x), or a learned policy&apos;s saved state (GET /v1/state), evaluated frozen; or a policy spec such as linucb:alpha=0.5, learning as it goes (the replay method, on a uniformly random log).</source>
        <translation>Die Zielstrategie: Gewichte (eine meta.json mit true_weights, eine k×d-Matrix; gierig auf W·x) oder der gespeicherte Zustand einer gelernten Strategie (GET /v1/state), eingefroren bewertet; oder eine Strategie wie linucb:alpha=0.5, die dabei lernt (die Replay-Methode, auf einem gleichverteilt zufälligen Log).</translation>
    </message>
    <message>
        <source>Make target weights ε-greedy, 0..1 (default 0).</source>
        <translation>Zielgewichte ε-gierig machen, 0..1 (Standard 0).</translation>
    </message>
    <message>
        <source>evaluate needs --log FILE and --target TARGET</source>
        <translation>evaluate braucht --log DATEI und --target ZIEL</translation>
    </message>
</context>
<context>
    <name>CompareCommand</name>
    <message>
        <source>rlstudio compare: %1</source>
        <translation>rlstudio compare: %1</translation>
    </message>
    <message>
        <source>compare</source>
        <translation>compare</translation>
    </message>
    <message>
        <source> [%1, %2]</source>
        <translation> [%1, %2]</translation>
    </message>
    <message numerus="yes">
        <source>compare: %n spec(s) × %1 seed(s), %L2 rounds of %3 (each seed shuffles the rounds)</source>
        <translation>
            <numerusform>compare: %n Strategie × %1 Seed(s), %L2 Runden aus %3 (jeder Seed mischt die Runden)</numerusform>
            <numerusform>compare: %n Strategien × %1 Seed(s), %L2 Runden aus %3 (jeder Seed mischt die Runden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n run(s) read from %1, not run again</source>
        <translation>
            <numerusform>  %n Lauf aus %1 gelesen, nicht noch einmal gerechnet</numerusform>
            <numerusform>  %n Läufe aus %1 gelesen, nicht noch einmal gerechnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  cancelled: the figures cover the %n run(s) finished</source>
        <translation>
            <numerusform>  abgebrochen: die Zahlen umfassen den %n fertigen Lauf</numerusform>
            <numerusform>  abgebrochen: die Zahlen umfassen die %n fertigen Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>regret at %L1</source>
        <translation>Regret bei %L1</translation>
    </message>
    <message>
        <source>regret at %L1 [95 % interval]</source>
        <translation>Regret bei %L1 [95-%-Intervall]</translation>
    </message>
    <message>
        <source>optimal picks, last %L1</source>
        <translation>optimale Wahlen, letzte %L1</translation>
    </message>
    <message>
        <source>µs/round</source>
        <translation>µs/Runde</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>EvaluateCommand</name>
    <message>
        <source>rlstudio evaluate: %1</source>
        <translation>rlstudio evaluate: %1</translation>
    </message>
    <message>
        <source>%1 has %2 features, the target %3 reads %4</source>
        <translation>%1 hat %2 Merkmale, das Ziel %3 liest %4</translation>
    </message>
    <message>
        <source>evaluate</source>
        <translation>evaluate</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>estimator</source>
        <translation>Schätzer</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>effective sample size %L1 of %L2; importance weights: max %3, mean %4; support deficiency %5 %</source>
        <translation>effektive Stichprobengröße %L1 von %L2; Importance-Gewichte: max. %3, Mittel %4; fehlende Abdeckung %5 %</translation>
    </message>
    <message>
        <source>read in %1 s, evaluated in %2 s</source>
        <translation>gelesen in %1 s, ausgewertet in %2 s</translation>
    </message>
    <message>
        <source>rlstudio evaluate: warning: %1</source>
        <translation>rlstudio evaluate: Warnung: %1</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>not enough memory to evaluate %L1 decisions</source>
        <translation>nicht genug Speicher, um %L1 Entscheidungen auszuwerten</translation>
    </message>
    <message>
        <source>%1 has no decisions</source>
        <translation>%1 enthält keine Entscheidungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 decisions of %2, target %3 learning as it goes (the replay method: only the rows where it picks the logged action count)</source>
        <translation>%1 Entscheidungen aus %2, Ziel %3 lernt dabei (die Replay-Methode: nur die Zeilen zählen, in denen es die geloggte Aktion wählt)</translation>
    </message>
    <message>
        <source>replay    %1</source>
        <translation>replay    %1</translation>
    </message>
    <message>
        <source>%1 of %2 rows matched</source>
        <translation>%1 von %2 Zeilen getroffen</translation>
    </message>
    <message>
        <source>%1 is neither a file nor a policy spec (%2)</source>
        <translation>%1 ist weder eine Datei noch eine Strategie (%2)</translation>
    </message>
    <message>
        <source>%1: one policy, not a sweep (compare runs sweeps)</source>
        <translation>%1: eine Strategie, kein Sweep (Sweeps rechnet compare)</translation>
    </message>
    <message>
        <source>%1 decisions of %2, target %3 (%4); %5 bootstrap resamples, seed %6</source>
        <translation>%1 Entscheidungen aus %2, Ziel %3 (%4); %5 Bootstrap-Stichproben, Seed %6</translation>
    </message>
    <message>
        <source>--target-epsilon, --estimators, --bootstrap and --switch-tau apply to a target file; %1 is a policy spec, evaluated by the replay method</source>
        <translation>--target-epsilon, --estimators, --bootstrap und --switch-tau gelten für eine Zieldatei; %1 ist eine Strategie und wird mit der Replay-Methode bewertet</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>rlstudio export: %1</source>
        <translation>rlstudio export: %1</translation>
    </message>
    <message>
        <source>no journal in %1 (journal.db is missing)</source>
        <translation>kein Journal in %1 (journal.db fehlt)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>cancelled: %1 was not written</source>
        <translation>abgebrochen: %1 wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>cannot read the journal in %1: %2</source>
        <translation>das Journal in %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>export: %L1 decisions with a reward written to %2 as %3; %L4 of the %L5 in the log have no reward yet and were left out</source>
        <translation>export: %L1 Entscheidungen mit Belohnung nach %2 geschrieben (als %3); %L4 der %L5 im Protokoll haben noch keine Belohnung und wurden ausgelassen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation>Export abgebrochen: %1 wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>Kommagetrennte Werte (*.csv)</translation>
    </message>
</context>
<context>
    <name>FleetCommand</name>
    <message>
        <source>rlstudio fleet: %1: %2</source>
        <translation>rlstudio fleet: %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) at %1 from %2</source>
        <translation>
            <numerusform>%n Instanz um %1 von %2</numerusform>
            <numerusform>%n Instanzen um %1 von %2</numerusform>
        </translation>
    </message>
    <message>
        <source>JOB</source>
        <translation>JOB</translation>
    </message>
    <message>
        <source>INSTANCE</source>
        <translation>INSTANZ</translation>
    </message>
    <message>
        <source>TENANT</source>
        <translation>MANDANT</translation>
    </message>
    <message>
        <source>WORKSPACE</source>
        <translation>WORKSPACE</translation>
    </message>
    <message>
        <source>UP</source>
        <translation>ERREICHBAR</translation>
    </message>
    <message>
        <source>QUEUE</source>
        <translation>WARTESCHLANGE</translation>
    </message>
    <message>
        <source>PROCESSED/S</source>
        <translation>VERARBEITET/S</translation>
    </message>
    <message>
        <source>FAILED/S</source>
        <translation>FEHLGESCHLAGEN/S</translation>
    </message>
    <message>
        <source>SUCCESS %</source>
        <translation>ERFOLG %</translation>
    </message>
    <message>
        <source>P95 MS</source>
        <translation>P95 MS</translation>
    </message>
    <message>
        <source>DROPPED/S</source>
        <translation>VERWORFEN/S</translation>
    </message>
    <message>
        <source>ALERTS</source>
        <translation>ALARME</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>%1 (pending)</source>
        <translation>%1 (ausstehend)</translation>
    </message>
    <message>
        <source>rlstudio fleet: no alerts from %1: %2</source>
        <translation>rlstudio fleet: keine Alarme von %1: %2</translation>
    </message>
</context>
<context>
    <name>FleetQuery</name>
    <message>
        <source>--selector &quot;%1&quot; is not label matchers in braces such as {tenant=~&quot;a|b&quot;}: %2</source>
        <translation>--selector &quot;%1&quot; sind keine Label-Matcher in geschweiften Klammern wie {tenant=~&quot;a|b&quot;}: %2</translation>
    </message>
    <message>
        <source>it must start with { and end with }</source>
        <translation>er muss mit { beginnen und mit } enden</translation>
    </message>
    <message>
        <source>it names a metric</source>
        <translation>er nennt eine Metrik</translation>
    </message>
</context>
<context>
    <name>HttpEndpoint</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
</context>
<context>
    <name>LoadCommand</name>
    <message>
        <source>%1: round %2 has r%3 = %4, outside [0, 1], which feedback scores must be in</source>
        <translation>%1: Runde %2 hat r%3 = %4, außerhalb von [0, 1], wo Feedback-Bewertungen liegen müssen</translation>
    </message>
    <message>
        <source>rlstudio load: %1</source>
        <translation>rlstudio load: %1</translation>
    </message>
    <message>
        <source>%1 holds no rounds</source>
        <translation>%1 enthält keine Runden</translation>
    </message>
    <message>
        <source>the true weights of %1 are %2 arms x %3 features, the stream %4 x %5</source>
        <translation>die wahren Gewichte in %1 umfassen %2 Arme x %3 Merkmale, der Datenstrom %4 x %5</translation>
    </message>
    <message>
        <source>load</source>
        <translation>load</translation>
    </message>
    <message>
        <source>latency p50 %1 ms, p99 %2 ms, max %3 ms</source>
        <translation>Latenz p50 %1 ms, p99 %2 ms, max %3 ms</translation>
    </message>
    <message>
        <source>load: %1, %2 of %3 rounds of %4 in %5 s; concurrency %6, feedback batch %7</source>
        <translation>load: %1, %2 von %3 Runden aus %4 in %5 s; Parallelität %6, Feedback-Batch %7</translation>
    </message>
    <message>
        <source>  cancelled: the figures cover the rounds done</source>
        <translation>  abgebrochen: die Zahlen gelten für die durchgeführten Runden</translation>
    </message>
    <message>
        <source>route</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>%L1 ok, %2 requests/s; %3</source>
        <translation>%L1 ok, %2 Anfragen/s; %3</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>%L1 ok, %2 requests/s, %3 items/s (%L4 of %L5 items accepted); %6</source>
        <translation>%L1 ok, %2 Anfragen/s, %3 Einträge/s (%L4 von %L5 Einträgen angenommen); %6</translation>
    </message>
    <message>
        <source>%L1, the first: %2</source>
        <translation>%L1, der erste: %2</translation>
    </message>
    <message>
        <source>%1 errors: %2</source>
        <translation>%1-Fehler: %2</translation>
    </message>
    <message>
        <source>feedback items rejected</source>
        <translation>abgelehnte Feedback-Einträge</translation>
    </message>
    <message>
        <source>failed connects</source>
        <translation>fehlgeschlagene Verbindungsaufbauten</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>n/a (a shorter run)</source>
        <translation>entfällt (kürzerer Lauf)</translation>
    </message>
    <message>
        <source>cumulative regret at 1,000 rounds</source>
        <translation>kumulierter Regret nach 1.000 Runden</translation>
    </message>
    <message>
        <source>cumulative regret at 5,000 rounds</source>
        <translation>kumulierter Regret nach 5.000 Runden</translation>
    </message>
    <message>
        <source>cumulative regret at the end</source>
        <translation>kumulierter Regret am Ende</translation>
    </message>
    <message>
        <source>optimal picks in the last %L1 rounds</source>
        <translation>optimale Wahl in den letzten %L1 Runden</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>optimal picks in all %L1 rounds</source>
        <translation>optimale Wahl in allen %L1 Runden</translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>rlstudio replay: %1</source>
        <translation>rlstudio replay: %1</translation>
    </message>
    <message>
        <source>cumulative regret at 1,000 rounds</source>
        <translation>kumulierter Regret nach 1.000 Runden</translation>
    </message>
    <message>
        <source>cumulative regret at 5,000 rounds</source>
        <translation>kumulierter Regret nach 5.000 Runden</translation>
    </message>
    <message>
        <source>cumulative regret at the end</source>
        <translation>kumulierter Regret am Ende</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>replay</translation>
    </message>
    <message>
        <source>  cancelled: the figures cover the rounds replayed</source>
        <translation>  abgebrochen: die Zahlen gelten für die wiedergegebenen Runden</translation>
    </message>
    <message>
        <source>n/a (a shorter run)</source>
        <translation>entfällt (kürzerer Lauf)</translation>
    </message>
    <message>
        <source>replay: %1 (seed %2), %L3 rounds of %4</source>
        <translation>replay: %1 (Seed %2), %L3 Runden aus %4</translation>
    </message>
    <message>
        <source>optimal picks in the last %L1 rounds</source>
        <translation>optimale Wahl in den letzten %L1 Runden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>optimal picks, rounds %L1 to %L2</source>
        <translation>optimale Wahlen, Runden %L1 bis %L2</translation>
    </message>
    <message>
        <source>n/a (the run stopped before)</source>
        <translation>k. A. (der Lauf endete vorher)</translation>
    </message>
</context>
<context>
    <name>RulesCheckCommand</name>
    <message>
        <source>Checking %1</source>
        <translation>Prüfe %1</translation>
    </message>
    <message numerus="yes">
        <source>  SUCCESS: %n group(s), </source>
        <translation>
            <numerusform>  ERFOLG: %n Gruppe, </numerusform>
            <numerusform>  ERFOLG: %n Gruppen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) found</source>
        <translation>
            <numerusform>%n Regel gefunden</numerusform>
            <numerusform>%n Regeln gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>  WARNING: %1</source>
        <translation>  WARNUNG: %1</translation>
    </message>
    <message>
        <source>  FAILED:</source>
        <translation>  FEHLGESCHLAGEN:</translation>
    </message>
</context>
<context>
    <name>SimulateStreamCommand</name>
    <message>
        <source>rlstudio simulate-stream: %1</source>
        <translation>rlstudio simulate-stream: %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>simulate-stream</source>
        <translation>simulate-stream</translation>
    </message>
    <message>
        <source>cancelled: %1 was left as it was</source>
        <translation>abgebrochen: %1 blieb unverändert</translation>
    </message>
    <message>
        <source>simulate-stream: rounds %L1, arms %2, features %3, noise %4, seed %5, drifts %6: wrote %7 and %8</source>
        <translation>simulate-stream: Runden %L1, Arme %2, Merkmale %3, Rauschen %4, Seed %5, Wechsel %6: %7 und %8 geschrieben</translation>
    </message>
</context>
<context>
    <name>StreamWeights</name>
    <message>
        <source> (the true weights are read from meta.json beside the stream unless --weights names them)</source>
        <translation> (die wahren Gewichte werden aus der meta.json neben dem Stream gelesen, wenn --weights keine nennt)</translation>
    </message>
</context>
<context>
    <name>TargetFile</name>
    <message>
        <source>weights, ε-greedy with ε = %1</source>
        <translation>Gewichte, ε-gierig mit ε = %1</translation>
    </message>
    <message>
        <source>weights, greedy</source>
        <translation>Gewichte, gierig</translation>
    </message>
    <message>
        <source>%1 state after %2 updates</source>
        <translation>Zustand von %1 nach %2 Aktualisierungen</translation>
    </message>
</context>
<context>
    <name>TerminalProgress</name>
    <message>
        <source>%1: %2 % (%3 of %4), Ctrl+C cancels</source>
        <translation>%1: %2 % (%3 von %4), Strg+C bricht ab</translation>
    </message>
</context>
<context>
    <name>TroubleshootingChecklist</name>
    <message>
        <source>Feedback loop flag is set</source>
        <translation>Flag der Feedback-Schleife ist gesetzt</translation>
    </message>
    <message>
        <source>ENABLE_TRAJECTORY_FEEDBACK_LOOP is on</source>
        <translation>ENABLE_TRAJECTORY_FEEDBACK_LOOP ist an</translation>
    </message>
    <message>
        <source>ENABLE_TRAJECTORY_FEEDBACK_LOOP is off</source>
        <translation>ENABLE_TRAJECTORY_FEEDBACK_LOOP ist aus</translation>
    </message>
    <message>
        <source>Router is registered</source>
        <translation>Router ist registriert</translation>
    </message>
    <message>
        <source>policy %1</source>
        <translation>Strategie %1</translation>
    </message>
    <message>
        <source>no router: nothing can be processed</source>
        <translation>kein Router: nichts kann verarbeitet werden</translation>
    </message>
    <message>
        <source>no tick yet</source>
        <translation>noch kein Takt</translation>
    </message>
    <message>
        <source>last tick %1</source>
        <translation>letzter Takt %1</translation>
    </message>
    <message>
        <source>Background loop is running</source>
        <translation>Hintergrundschleife läuft</translation>
    </message>
    <message>
        <source>No recent exceptions</source>
        <translation>Keine Ausnahmen in letzter Zeit</translation>
    </message>
    <message numerus="yes">
        <source>%n exception(s) in the last minute</source>
        <translation>
            <numerusform>%n Ausnahme in der letzten Minute</numerusform>
            <numerusform>%n Ausnahmen in der letzten Minute</numerusform>
        </translation>
    </message>
    <message>
        <source>not enough history yet</source>
        <translation>noch nicht genug Verlauf</translation>
    </message>
    <message>
        <source>Queue depth stable or falling</source>
        <translation>Warteschlangentiefe stabil oder fallend</translation>
    </message>
    <message>
        <source>processing %1/s, emission %2/s</source>
        <translation>Verarbeitung %1/s, Emission %2/s</translation>
    </message>
    <message>
        <source>Processing keeps up with emission</source>
        <translation>Verarbeitung hält mit der Emission Schritt</translation>
    </message>
    <message>
        <source>nothing processed in the last minute</source>
        <translation>in der letzten Minute nichts verarbeitet</translation>
    </message>
    <message>
        <source>%1 % in the last minute</source>
        <translation>%1 % in der letzten Minute</translation>
    </message>
    <message>
        <source>Success rate &gt; 95%</source>
        <translation>Erfolgsquote &gt; 95 %</translation>
    </message>
    <message>
        <source>full: %L1 of %L2</source>
        <translation>voll: %L1 von %L2</translation>
    </message>
    <message>
        <source>No feedback dropped</source>
        <translation>Kein Feedback verdrängt</translation>
    </message>
    <message>
        <source>none in the last minute; the queue holds %L1</source>
        <translation>keines in der letzten Minute; die Warteschlange fasst %L1</translation>
    </message>
    <message>
        <source>%L1 dropped in the last minute: the queue (%L2) is full</source>
        <translation>%L1 in der letzten Minute verdrängt: die Warteschlange (%L2) ist voll</translation>
    </message>
    <message>
        <source>depth %L1; its lowest point rose by %L2 in the last minute</source>
        <translation>Tiefe %L1; ihr Tiefststand stieg in der letzten Minute um %L2</translation>
    </message>
    <message>
        <source>depth %L1; its lowest point holds</source>
        <translation>Tiefe %L1; ihr Tiefststand hält</translation>
    </message>
    <message>
        <source>the feedback loop flag is off: ticks process nothing</source>
        <translation>der Schalter der Feedback-Schleife ist aus: die Takte verarbeiten nichts</translation>
    </message>
    <message>
        <source>trajectory evaluation is off: nothing is emitted to keep up with</source>
        <translation>die Trajektorienbewertung ist aus: es wird nichts erzeugt, mit dem Schritt zu halten wäre</translation>
    </message>
    <message>
        <source>the queue is full and drops items</source>
        <translation>die Warteschlange ist voll und verdrängt Einträge</translation>
    </message>
    <message>
        <source>not in the metrics</source>
        <translation>nicht in den Metriken</translation>
    </message>
    <message>
        <source>full: it drops items</source>
        <translation>voll: sie verwirft Elemente</translation>
    </message>
    <message>
        <source>%L1 dropped in the last minute</source>
        <translation>%L1 in der letzten Minute verworfen</translation>
    </message>
</context>
<context>
    <name>TuningSettings</name>
    <message>
        <source>%1 is used instead of the saved %2</source>
        <translation>%1 gilt statt des gespeicherten Werts %2</translation>
    </message>
    <message>
        <source>a saved setting was not used: %1</source>
        <translation>eine gespeicherte Einstellung wurde nicht verwendet: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>rlstudio: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset), so running headless; /metrics and /health are served as below</source>
        <translation>rlstudio: keine Anzeige (DISPLAY, WAYLAND_DISPLAY und QT_QPA_PLATFORM sind nicht gesetzt), daher Headless-Betrieb; /metrics und /health werden wie unten angegeben bereitgestellt</translation>
    </message>
    <message>
        <source>rlstudio: no translation for &quot;%1&quot;; English is used</source>
        <translation>rlstudio: keine Übersetzung für „%1“; es bleibt bei Englisch</translation>
    </message>
</context>
<context>
    <name>rl::AlertHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>rl::AlertList</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Select an alert to see its details.</source>
        <translation>Wählen Sie einen Alarm aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Alert details</source>
        <translation>Alarmdetails</translation>
    </message>
    <message>
        <source>*No details for this alert.*</source>
        <translation>*Keine Details zu diesem Alarm.*</translation>
    </message>
</context>
<context>
    <name>rl::AlertMonitor</name>
    <message>
        <source>alert %1 cannot be evaluated: %2</source>
        <translation>Alarm %1 kann nicht ausgewertet werden: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>alert %1 is firing: value %2</source>
        <translation>Alarm %1 ausgelöst: Wert %2</translation>
    </message>
    <message>
        <source>alert %1 is pending: value %2, fires after %3 s</source>
        <translation>Alarm %1 ausstehend: Wert %2, löst nach %3 s aus</translation>
    </message>
    <message>
        <source>alert %1 is resolved</source>
        <translation>Alarm %1 ist behoben</translation>
    </message>
    <message>
        <source>alert %1 is no longer pending</source>
        <translation>Alarm %1 steht nicht mehr aus</translation>
    </message>
    <message>
        <source>No alert rules loaded</source>
        <translation>Keine Alarmregeln geladen</translation>
    </message>
    <message>
        <source>Rules of %1, evaluated every %2 s on the live series</source>
        <translation>Regeln aus %1, alle %2 s auf den Live-Reihen ausgewertet</translation>
    </message>
</context>
<context>
    <name>rl::AlertTableModel</name>
    <message>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>rl::AlertsPanel</name>
    <message>
        <source>real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>demo ×%1</source>
        <translation>Demo ×%1</translation>
    </message>
    <message>
        <source>Alert time scale</source>
        <translation>Zeitskala der Alarme</translation>
    </message>
    <message>
        <source>Compress the rules&apos; windows and for-durations to watch alerts change in a demo</source>
        <translation>Fenster und for-Dauern der Regeln stauchen, um in einer Demo zu sehen, wie sich Alarme ändern</translation>
    </message>
    <message>
        <source>&amp;Time scale:</source>
        <translation>Zeits&amp;kala:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>firing since %1</source>
        <translation>ausgelöst seit %1</translation>
    </message>
    <message>
        <source>pending since %1 (fires after %2 s)</source>
        <translation>ausstehend seit %1 (wird nach %2 s ausgelöst)</translation>
    </message>
    <message>
        <source>resolved at %1</source>
        <translation>behoben um %1</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>**Expression** (for %1):</source>
        <translation>**Ausdruck** (for %1):</translation>
    </message>
    <message>
        <source>**Evaluation error:** %1</source>
        <translation>**Auswertungsfehler:** %1</translation>
    </message>
    <message>
        <source>#### From the runbook</source>
        <translation>#### Aus dem Runbook</translation>
    </message>
    <message>
        <source>Demo time scale ×%1: the rules&apos; windows, for-durations and intervals are compressed (15m reads as %2 s).</source>
        <translation>Demo-Zeitskala ×%1: Fenster, for-Dauern und Intervalle der Regeln sind gestaucht (15m entspricht %2 s).</translation>
    </message>
    <message numerus="yes">
        <source>%n rule warning(s): rules left out or unable to see their data here. Hover for the list.</source>
        <translation>
            <numerusform>%n Regelwarnung: Regeln ausgelassen oder ohne ihre Daten. Die Liste zeigt der Tooltip.</numerusform>
            <numerusform>%n Regelwarnungen: Regeln ausgelassen oder ohne ihre Daten. Die Liste zeigt der Tooltip.</numerusform>
        </translation>
    </message>
    <message>
        <source>**Active for:** %1</source>
        <translation>**Aktiv für:** %1</translation>
    </message>
</context>
<context>
    <name>rl::BandChart</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
</context>
<context>
    <name>rl::ChartsPanel</name>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>Success rate (rolling 1 min)</source>
        <translation>Erfolgsquote (1 min)</translation>
    </message>
    <message>
        <source>Batch latency (rolling 1 min)</source>
        <translation>Batch-Latenz (1 min)</translation>
    </message>
    <message>
        <source>Processing vs emission rate</source>
        <translation>Verarbeitung vs. Emission</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Chart window</source>
        <translation>Zeitraum der Diagramme</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>page</source>
        <translation>Pager</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>processed</source>
        <translation>verarbeitet</translation>
    </message>
    <message>
        <source>emitted</source>
        <translation>emittiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>items/s</source>
        <translation>Einträge/s</translation>
    </message>
    <message>
        <source>&lt;b&gt;Feedback loop&lt;/b&gt;</source>
        <translation>&lt;b&gt;Feedback-Schleife&lt;/b&gt;</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verdrängt</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>How much history the charts show (the wheel over a chart zooms too); up to 24 h are kept</source>
        <translation>Wie viel Verlauf die Diagramme zeigen (das Mausrad über einem Diagramm zoomt auch); bis zu 24 h werden aufbewahrt</translation>
    </message>
    <message>
        <source>&amp;Pause charts</source>
        <translation>Diagramme &amp;anhalten</translation>
    </message>
    <message>
        <source>Hold the charts still to read them; data keeps arriving and is shown on return to live (Space; a double-click on a chart returns too)</source>
        <translation>Hält die Diagramme zum Ablesen an; Daten kommen weiter an und erscheinen bei der Rückkehr zu live (Leertaste; ein Doppelklick auf ein Diagramm kehrt auch zurück)</translation>
    </message>
    <message>
        <source>%1 (zoomed)</source>
        <translation>%1 (gezoomt)</translation>
    </message>
    <message>
        <source>Paused: %1 – %2 (Space or a double-click: live)</source>
        <translation>Angehalten: %1 – %2 (Leertaste oder Doppelklick: live)</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Batch latency</source>
        <translation>Batch-Latenz</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Raten</translation>
    </message>
</context>
<context>
    <name>rl::Checklist</name>
    <message>
        <source>Troubleshooting checklist</source>
        <translation>Checkliste zur Fehlerbehebung</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>state: detail</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>rl::ComparePanel</name>
    <message>
        <source>Cancelled: the figures cover the runs finished; Compare again resumes them.</source>
        <translation>Abgebrochen: die Zahlen umfassen die fertigen Läufe; ein neues Vergleichen setzt fort.</translation>
    </message>
    <message>
        <source>A learning stream: t, x0.., r0.. per line, as simulate-stream writes</source>
        <translation>Ein Lern-Stream: t, x0.., r0.. je Zeile, wie simulate-stream ihn schreibt</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Learning stream</source>
        <translation>Lern-Stream</translation>
    </message>
    <message>
        <source>Streams (*.csv);;All files (*)</source>
        <translation>Streams (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Stream:</source>
        <translation>&amp;Stream:</translation>
    </message>
    <message>
        <source>meta.json beside the stream</source>
        <translation>meta.json neben dem Stream</translation>
    </message>
    <message>
        <source>The true weights regret is measured against (and their drift, if any)</source>
        <translation>Die wahren Gewichte, an denen der Regret gemessen wird (und ihre Drift, falls vorhanden)</translation>
    </message>
    <message>
        <source>True weights</source>
        <translation>Wahre Gewichte</translation>
    </message>
    <message>
        <source>Weights (*.json);;All files (*)</source>
        <translation>Gewichte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>True &amp;weights:</source>
        <translation>Wahre &amp;Gewichte:</translation>
    </message>
    <message>
        <source>One policy a line, e.g.
linucb:alpha=0.1..1.0/10
thompson:v=0.1
egreedy:epsilon=0.05
seed</source>
        <translation>Eine Strategie je Zeile, z. B.
linucb:alpha=0.1..1.0/10
thompson:v=0.1
egreedy:epsilon=0.05
seed</translation>
    </message>
    <message>
        <source>name[:key=value,...]; a sweep key=FROM..TO/N takes N evenly spaced values. Keys: alpha (linucb), v (thompson), epsilon (egreedy, seed), width and threshold (adaptive), ridge (all but seed)</source>
        <translation>name[:schlüssel=wert,...]; ein Sweep schlüssel=VON..BIS/N nimmt N gleichmäßig verteilte Werte. Schlüssel: alpha (linucb), v (thompson), epsilon (egreedy, seed), width und threshold (adaptive), ridge (alle außer seed)</translation>
    </message>
    <message>
        <source>&amp;Policies:</source>
        <translation>&amp;Strategien:</translation>
    </message>
    <message>
        <source>Runs per policy: seed s seeds the policy and shuffles the stream&apos;s rounds</source>
        <translation>Läufe je Strategie: Seed s initialisiert die Strategie und mischt die Runden des Streams</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Compare over the first this many rounds; all: the whole stream</source>
        <translation>Über so viele erste Runden vergleichen; alle: der ganze Stream</translation>
    </message>
    <message>
        <source>&amp;Keep runs and resume</source>
        <translation>Läufe &amp;behalten und fortsetzen</translation>
    </message>
    <message>
        <source>Finished runs are kept, so a comparison cut short, or one with more policies, does not run them again</source>
        <translation>Fertige Läufe werden behalten: ein abgebrochener Vergleich oder einer mit mehr Strategien rechnet sie nicht noch einmal</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>Seeds:</translation>
    </message>
    <message>
        <source>Rounds:</source>
        <translation>Runden:</translation>
    </message>
    <message>
        <source>Pick a stream and the policies, then Compare.</source>
        <translation>Einen Stream und die Strategien wählen, dann Vergleichen.</translation>
    </message>
    <message>
        <source>Cumulative regret, mean and 95 % interval over the seeds</source>
        <translation>Kumulierter Regret, Mittel und 95-%-Intervall über die Seeds</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Regret</source>
        <translation>Regret</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Noch keine Läufe</translation>
    </message>
    <message>
        <source>Pick a learning stream first.</source>
        <translation>Zuerst einen Lern-Stream wählen.</translation>
    </message>
    <message>
        <source>Line %1: %2 is given twice.</source>
        <translation>Zeile %1: %2 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Write at least one policy, e.g. linucb.</source>
        <translation>Mindestens eine Strategie angeben, z. B. linucb.</translation>
    </message>
    <message>
        <source>%1 policies are more than %2.</source>
        <translation>%1 Strategien sind mehr als %2.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <source>Reading the stream…</source>
        <translation>Lese den Stream…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3 rounds each.</source>
        <translation>%1 von %2 Läufen, je %3 Runden.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) kept from before, not run again.</source>
        <translation>
            <numerusform>%n Lauf von früher behalten, nicht noch einmal gerechnet.</numerusform>
            <numerusform>%n Läufe von früher behalten, nicht noch einmal gerechnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Best: %1, regret %2.</source>
        <translation>Beste: %1, Regret %2.</translation>
    </message>
    <message>
        <source>Save the comparison</source>
        <translation>Den Vergleich speichern</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>vergleich</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Das Diagramm speichern</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>Ver&amp;gleichen</translation>
    </message>
</context>
<context>
    <name>rl::ComparisonJob</name>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message numerus="yes">
        <source>Running %n spec(s) × %1 seed(s)</source>
        <translation>
            <numerusform>Rechne %n Strategie × %1 Seed(s)</numerusform>
            <numerusform>Rechne %n Strategien × %1 Seed(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::ComparisonTableModel</name>
    <message>
        <source>%1 of %2 seeds have finished: the figures cover those</source>
        <translation>%1 von %2 Seeds sind fertig: die Zahlen umfassen diese</translation>
    </message>
    <message>
        <source>[%1, %2]</source>
        <translation>[%1, %2]</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>1 for the lowest mean regret at the end</source>
        <translation>1 für den niedrigsten mittleren Regret am Ende</translation>
    </message>
    <message>
        <source>Mean cumulative expected regret after %1 rounds, over the seeds</source>
        <translation>Mittlerer kumulierter erwarteter Regret nach %1 Runden, über die Seeds</translation>
    </message>
    <message>
        <source>The 95 % Student-t interval of the mean over the seeds (none for a single seed)</source>
        <translation>Das 95-%-Student-t-Intervall des Mittels über die Seeds (keines bei einem einzigen Seed)</translation>
    </message>
    <message>
        <source>Share of rounds that picked a best arm, over the last %1</source>
        <translation>Anteil der Runden, die einen besten Arm wählten, über die letzten %1</translation>
    </message>
    <message>
        <source>Microseconds a round took: the policy&apos;s choice and update, and the regret bookkeeping</source>
        <translation>Mikrosekunden je Runde: Wahl und Aktualisierung der Strategie und die Regret-Buchführung</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Regret</source>
        <translation>Regret</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>Optimal picks</source>
        <translation>Optimale Wahlen</translation>
    </message>
    <message>
        <source>µs/round</source>
        <translation>µs/Runde</translation>
    </message>
</context>
<context>
    <name>rl::ControlClient</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 refused the token (HTTP 401): give its API token with --token-file</source>
        <translation>%1 hat das Token abgelehnt (HTTP 401): sein API-Token mit --token-file angeben</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: processed %2, failed %3, %4 left</source>
        <translation>%1: %2 verarbeitet, %3 fehlgeschlagen, %4 übrig</translation>
    </message>
    <message>
        <source>%1: drained %2 items (%3 failed), %4 left</source>
        <translation>%1: %2 Elemente abgearbeitet (%3 fehlgeschlagen), %4 übrig</translation>
    </message>
    <message>
        <source>%1: purged %2 items</source>
        <translation>%1: %2 Elemente verworfen</translation>
    </message>
    <message>
        <source>%1: set %2</source>
        <translation>%1: gesetzt %2</translation>
    </message>
    <message>
        <source>%1: policy reset</source>
        <translation>%1: Policy zurückgesetzt</translation>
    </message>
    <message>
        <source>%1 answered with something other than the API&apos;s JSON</source>
        <translation>%1 antwortete mit etwas anderem als dem JSON der API</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
</context>
<context>
    <name>rl::ControlPanel</name>
    <message>
        <source>&amp;Batch size</source>
        <translation>&amp;Batchgröße</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>&amp;Intervall</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>E&amp;mission rate</source>
        <translation>&amp;Emissionsrate</translation>
    </message>
    <message>
        <source>items/min</source>
        <translation>Einträge/min</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Operation progress</source>
        <translation>Fortschritt der Aktion</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Simulated routing requests per minute</source>
        <translation>Simulierte Routing-Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Runbook presets:</source>
        <translation>Runbook-Voreinstellungen:</translation>
    </message>
    <message>
        <source>seed (the original&apos;s ε-greedy SGD)</source>
        <translation>seed (ε-greedy-SGD des Originals)</translation>
    </message>
    <message>
        <source>egreedy (ε-greedy, ridge)</source>
        <translation>egreedy (ε-greedy, Ridge)</translation>
    </message>
    <message>
        <source>linucb (LinUCB)</source>
        <translation>linucb (LinUCB)</translation>
    </message>
    <message>
        <source>thompson (Thompson sampling)</source>
        <translation>thompson (Thompson-Sampling)</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>The bandit policy; switching starts learning and the regret comparison from scratch</source>
        <translation>Die Bandit-Strategie; ein Wechsel startet das Lernen und den Regret-Vergleich von vorn</translation>
    </message>
    <message>
        <source>P&amp;olicy</source>
        <translation>S&amp;trategie</translation>
    </message>
    <message>
        <source>Draining: %L1 processed, %L2 remaining</source>
        <translation>Abarbeiten: %L1 verarbeitet, %L2 verbleibend</translation>
    </message>
    <message>
        <source>Last drain cancelled: %L1 processed, %L2 left</source>
        <translation>Letztes Abarbeiten abgebrochen: %L1 verarbeitet, %L2 übrig</translation>
    </message>
    <message>
        <source>Last drain: %L1 processed, %L2 failed</source>
        <translation>Letztes Abarbeiten: %L1 verarbeitet, %L2 fehlgeschlagen</translation>
    </message>
    <message>
        <source> items</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>Queue capacity</source>
        <translation>Warteschlangenkapazität</translation>
    </message>
    <message>
        <source>Feedback items the queue holds before it drops the oldest (--queue-capacity, RL_FEEDBACK_QUEUE_CAPACITY). Shrinking it below the depth asks first: the oldest items are dropped and counted. Lasts until restart.</source>
        <translation>Feedback-Einträge, die die Warteschlange hält, bevor sie die ältesten verwirft (--queue-capacity, RL_FEEDBACK_QUEUE_CAPACITY). Eine Verkleinerung unter die Tiefe fragt zuerst nach: Die ältesten Einträge werden verworfen und gezählt. Gilt bis zum Neustart.</translation>
    </message>
    <message>
        <source>Queue capa&amp;city</source>
        <translation>Warteschlangen&amp;kapazität</translation>
    </message>
    <message>
        <source>Feedback items per tick (RL_FEEDBACK_BATCH_SIZE): larger means more throughput and longer batches (runbook: Performance Tuning → Batch Size)</source>
        <translation>Feedback-Einträge pro Takt (RL_FEEDBACK_BATCH_SIZE): größer heißt mehr Durchsatz und längere Batches (Runbook: Performance Tuning → Batch Size)</translation>
    </message>
    <message>
        <source>Seconds between ticks (RL_FEEDBACK_LOOP_INTERVAL_SECONDS): shorter means a shallower queue and more CPU (runbook: Performance Tuning → Loop Interval)</source>
        <translation>Sekunden zwischen Takten (RL_FEEDBACK_LOOP_INTERVAL_SECONDS): kürzer heißt flachere Warteschlange und mehr CPU (Runbook: Performance Tuning → Loop Interval)</translation>
    </message>
    <message>
        <source>adaptive (LinUCB, notices change)</source>
        <translation>adaptive (LinUCB, erkennt Änderungen)</translation>
    </message>
</context>
<context>
    <name>rl::ConvergencePanel</name>
    <message>
        <source>Selection share (last 200 requests)</source>
        <translation>Auswahlanteil (letzte 200 Anfragen)</translation>
    </message>
    <message>
        <source>Estimated vs true reward (grey)</source>
        <translation>Geschätzte vs. wahre Belohnung (grau)</translation>
    </message>
    <message>
        <source>Cumulative regret</source>
        <translation>Kumulierter Regret</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>live policy</source>
        <translation>aktive Strategie</translation>
    </message>
    <message>
        <source>seed (original)</source>
        <translation>seed (Original)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bandit convergence&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bandit-Konvergenz&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Selection share</source>
        <translation>Auswahlanteil</translation>
    </message>
    <message>
        <source>Regret</source>
        <translation>Regret</translation>
    </message>
</context>
<context>
    <name>rl::DesktopRunner</name>
    <message>
        <source>saved a screenshot to %1</source>
        <translation>Bildschirmfoto gespeichert unter %1</translation>
    </message>
    <message>
        <source>rlstudio: cannot save the screenshot to %1</source>
        <translation>rlstudio: Bildschirmfoto kann nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>HTTP API off: %1</source>
        <translation>HTTP-API aus: %1</translation>
    </message>
    <message>
        <source>kill will end the window without saving its settings: %1</source>
        <translation>kill beendet das Fenster, ohne seine Einstellungen zu speichern: %1</translation>
    </message>
    <message>
        <source>received %1, closing the window</source>
        <translation>%1 empfangen, das Fenster wird geschlossen</translation>
    </message>
    <message>
        <source>kill will end the window at once: %1</source>
        <translation>kill beendet das Fenster sofort: %1</translation>
    </message>
</context>
<context>
    <name>rl::DiagnosticsTableModel</name>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Effective sample size (Σw)² / Σw²: how many logged rows the estimate is really worth</source>
        <translation>Effektive Stichprobengröße (Σw)² / Σw²: wie viele geloggte Zeilen die Schätzung wirklich wert ist</translation>
    </message>
    <message>
        <source>Importance weights w = π(a|x) / propensity; their mean is near 1 when the log supports the target</source>
        <translation>Importance-Gewichte w = π(a|x) / Propensity; ihr Mittel liegt nahe 1, wenn das Log das Ziel abdeckt</translation>
    </message>
    <message>
        <source>The share of the target&apos;s choices the logger never makes: no importance weight sees those rewards</source>
        <translation>Der Anteil der Wahlen des Ziels, die der Logger nie trifft: kein Importance-Gewicht sieht diese Belohnungen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Effective sample size</source>
        <translation>Effektive Stichprobe</translation>
    </message>
    <message>
        <source>Max weight</source>
        <translation>Max. Gewicht</translation>
    </message>
    <message>
        <source>Mean weight</source>
        <translation>Mittl. Gewicht</translation>
    </message>
    <message>
        <source>Support deficiency</source>
        <translation>Fehlende Abdeckung</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
</context>
<context>
    <name>rl::EngineWorker</name>
    <message>
        <source>cannot start the engine: %1</source>
        <translation>Engine kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>engine started: policy %1, batch size %2, interval %3 s, loop %4, evaluation %5, simulator %6 (%7 items/min)</source>
        <translation>Engine gestartet: Strategie %1, Batchgröße %2, Intervall %3 s, Schleife %4, Bewertung %5, Simulator %6 (%7 Einträge/min)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>process a batch</source>
        <translation>Batch verarbeiten</translation>
    </message>
    <message>
        <source>one-shot processing: %1, %2 processed, %3 failed, %4 remaining</source>
        <translation>Einmalige Verarbeitung: %1, %2 verarbeitet, %3 fehlgeschlagen, %4 verbleibend</translation>
    </message>
    <message>
        <source>drain the queue</source>
        <translation>Warteschlange abarbeiten</translation>
    </message>
    <message>
        <source>force drain already running: %1 remaining</source>
        <translation>Erzwungenes Abarbeiten läuft bereits: %1 verbleibend</translation>
    </message>
    <message>
        <source>force drain started: %1 queued</source>
        <translation>Erzwungenes Abarbeiten gestartet: %1 in der Warteschlange</translation>
    </message>
    <message>
        <source>force drain stopped: %1</source>
        <translation>Erzwungenes Abarbeiten gestoppt: %1</translation>
    </message>
    <message>
        <source>%1 processed, %2 failed in %3 batches, %4 remaining (%5 ms)</source>
        <translation>%1 verarbeitet, %2 fehlgeschlagen in %3 Batches, %4 verbleibend (%5 ms)</translation>
    </message>
    <message>
        <source>force drain cancelled: %1</source>
        <translation>Erzwungenes Abarbeiten abgebrochen: %1</translation>
    </message>
    <message>
        <source>force drain: %1</source>
        <translation>Erzwungenes Abarbeiten: %1</translation>
    </message>
    <message>
        <source>purge the queue</source>
        <translation>Warteschlange verwerfen</translation>
    </message>
    <message>
        <source>batch size set to %1</source>
        <translation>Batchgröße auf %1 gesetzt</translation>
    </message>
    <message>
        <source>loop interval set to %1 s</source>
        <translation>Schleifenintervall auf %1 s gesetzt</translation>
    </message>
    <message>
        <source>feedback loop enabled</source>
        <translation>Feedback-Schleife aktiviert</translation>
    </message>
    <message>
        <source>feedback loop disabled</source>
        <translation>Feedback-Schleife deaktiviert</translation>
    </message>
    <message>
        <source>trajectory evaluation enabled</source>
        <translation>Trajektorienbewertung aktiviert</translation>
    </message>
    <message>
        <source>trajectory evaluation disabled</source>
        <translation>Trajektorienbewertung deaktiviert</translation>
    </message>
    <message>
        <source>change the policy</source>
        <translation>Strategie wechseln</translation>
    </message>
    <message>
        <source>policy set to %1, learning from scratch</source>
        <translation>Strategie auf %1 gesetzt, Lernen beginnt von vorn</translation>
    </message>
    <message>
        <source>reset the policy</source>
        <translation>Strategie zurücksetzen</translation>
    </message>
    <message>
        <source>policy %1 reset</source>
        <translation>Strategie %1 zurückgesetzt</translation>
    </message>
    <message>
        <source>change the emission rate</source>
        <translation>Emissionsrate ändern</translation>
    </message>
    <message>
        <source>emission rate %1 is not a number of items per minute in 0..%2</source>
        <translation>Emissionsrate %1 ist keine Zahl (Einträge pro Minute) im Bereich 0..%2</translation>
    </message>
    <message>
        <source>emission rate set to %1 items/min</source>
        <translation>Emissionsrate auf %1 Einträge/min gesetzt</translation>
    </message>
    <message>
        <source>switch the simulator</source>
        <translation>Simulator umschalten</translation>
    </message>
    <message>
        <source>simulator started</source>
        <translation>Simulator gestartet</translation>
    </message>
    <message>
        <source>simulator stopped</source>
        <translation>Simulator gestoppt</translation>
    </message>
    <message>
        <source>start the loop</source>
        <translation>Schleife starten</translation>
    </message>
    <message>
        <source>cannot start the loop: the feedback loop is disabled (ENABLE_TRAJECTORY_FEEDBACK_LOOP); enable it first</source>
        <translation>Schleife kann nicht gestartet werden: Die Feedback-Schleife ist deaktiviert (ENABLE_TRAJECTORY_FEEDBACK_LOOP); bitte zuerst aktivieren</translation>
    </message>
    <message>
        <source>feedback loop started (router and learned state kept)</source>
        <translation>Feedback-Schleife gestartet (Router und gelernter Zustand bleiben erhalten)</translation>
    </message>
    <message>
        <source>feedback loop stopped</source>
        <translation>Feedback-Schleife gestoppt</translation>
    </message>
    <message>
        <source>emit requests</source>
        <translation>Anfragen emittieren</translation>
    </message>
    <message>
        <source>cannot emit %1 requests: the count must be in 1..%2</source>
        <translation>%1 Anfragen können nicht emittiert werden: Die Anzahl muss im Bereich 1..%2 liegen</translation>
    </message>
    <message>
        <source>emitted %1 simulated requests</source>
        <translation>%1 simulierte Anfragen emittiert</translation>
    </message>
    <message>
        <source>feedback batch failed: %1</source>
        <translation>Feedback-Batch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cannot %1: the engine has no router</source>
        <translation>„%1“ nicht möglich: Die Engine hat keinen Router</translation>
    </message>
    <message>
        <source>%1: %L2; the last: %3</source>
        <translation>%1: %L2; zuletzt: %3</translation>
    </message>
    <message>
        <source>exceptions while learning from feedback</source>
        <translation>Ausnahmen beim Lernen aus Rückmeldungen</translation>
    </message>
    <message>
        <source>invalid feedback items</source>
        <translation>ungültige Rückmeldungen</translation>
    </message>
    <message>
        <source>feedback matching no routing decision</source>
        <translation>Rückmeldungen ohne passende Routing-Entscheidung</translation>
    </message>
    <message numerus="yes">
        <source>dropped %Ln feedback item(s) in the last %1 s: the queue is full (capacity %L2)</source>
        <translation>
            <numerusform>%Ln Rückmeldung in den letzten %1 s verworfen: die Warteschlange ist voll (Kapazität %L2)</numerusform>
            <numerusform>%Ln Rückmeldungen in den letzten %1 s verworfen: die Warteschlange ist voll (Kapazität %L2)</numerusform>
        </translation>
    </message>
    <message>
        <source>journal: %1 (sync %2)</source>
        <translation>Journal: %1 (Sync %2)</translation>
    </message>
    <message>
        <source>journal: %1</source>
        <translation>Journal: %1</translation>
    </message>
    <message>
        <source>purged the queue: %1 items discarded, %2 remaining</source>
        <translation>Warteschlange verworfen: %1 Einträge entfernt, %2 verbleibend</translation>
    </message>
    <message>
        <source>a full batch is processed at once</source>
        <translation>ein voller Batch wird sofort verarbeitet</translation>
    </message>
    <message>
        <source>batches wait for the tick</source>
        <translation>Batches warten auf den Takt</translation>
    </message>
    <message>
        <source>the journal holds what policy %1 learned; it is kept, not the %2 asked for (switch the policy to start afresh)</source>
        <translation>das Journal enthält, was die Strategie %1 gelernt hat; sie bleibt, nicht die verlangte %2 (die Strategie wechseln, um neu zu beginnen)</translation>
    </message>
    <message>
        <source>Process once did nothing: the feedback loop flag (ENABLE_TRAJECTORY_FEEDBACK_LOOP) is off. Turn it on, or use Drain, which runs whatever the flag says.</source>
        <translation>Einmal verarbeiten hat nichts getan: der Schalter der Feedback-Schleife (ENABLE_TRAJECTORY_FEEDBACK_LOOP) ist aus. Schalten Sie ihn ein, oder verwenden Sie Abarbeiten, das unabhängig vom Schalter läuft.</translation>
    </message>
    <message>
        <source>%1 is not in 1..%2</source>
        <translation>%1 liegt nicht in 1..%2</translation>
    </message>
    <message>
        <source>change the queue capacity</source>
        <translation>die Warteschlangenkapazität ändern</translation>
    </message>
    <message>
        <source>queue capacity set to %L1: the %L2 oldest queued items were dropped (counted as dropped)</source>
        <translation>Warteschlangenkapazität auf %L1 gesetzt: Die %L2 ältesten Einträge wurden verworfen (als verdrängt gezählt)</translation>
    </message>
    <message>
        <source>queue capacity set to %L1</source>
        <translation>Warteschlangenkapazität auf %L1 gesetzt</translation>
    </message>
    <message>
        <source>change the simulated models</source>
        <translation>die simulierten Modelle ändern</translation>
    </message>
    <message>
        <source>simulator: the models&apos; hidden rewards changed (drift)</source>
        <translation>Simulator: die verborgenen Belohnungen der Modelle haben sich geändert (Drift)</translation>
    </message>
</context>
<context>
    <name>rl::EstimateTableModel</name>
    <message>
        <source>IPS</source>
        <translation>IPS</translation>
    </message>
    <message>
        <source>SNIPS</source>
        <translation>SNIPS</translation>
    </message>
    <message>
        <source>DM</source>
        <translation>DM</translation>
    </message>
    <message>
        <source>DR</source>
        <translation>DR</translation>
    </message>
    <message>
        <source>SNDR</source>
        <translation>SNDR</translation>
    </message>
    <message>
        <source>Switch-DR</source>
        <translation>Switch-DR</translation>
    </message>
    <message>
        <source>Undefined: the target never picks an action the log holds, so no weight is above 0</source>
        <translation>Undefiniert: das Ziel wählt nie eine Aktion aus dem Log, also ist kein Gewicht über 0</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>[%1, %2]</source>
        <translation>[%1, %2]</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Estimator</source>
        <translation>Schätzer</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
</context>
<context>
    <name>rl::EvaluatePanel</name>
    <message>
        <source>rlstudio export&apos;s CSV or DSJSON, or a CSV of x0.., action, propensity, reward</source>
        <translation>CSV oder DSJSON von rlstudio export, oder eine CSV aus x0.., action, propensity, reward</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Entscheidungslog</translation>
    </message>
    <message>
        <source>Decision logs (*.csv *.json *.dsjson);;All files (*)</source>
        <translation>Entscheidungslogs (*.csv *.json *.dsjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Decision &amp;log:</source>
        <translation>Entscheidungs&amp;log:</translation>
    </message>
    <message>
        <source>Target: weights (meta.json&apos;s true_weights) or a saved policy state (GET /v1/state)</source>
        <translation>Ziel: Gewichte (true_weights einer meta.json) oder ein gespeicherter Strategiezustand (GET /v1/state)</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>&amp;Add target…</source>
        <translation>Ziel &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Target policies</source>
        <translation>Zielstrategien</translation>
    </message>
    <message>
        <source>Weights (*.json);;All files (*)</source>
        <translation>Gewichte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Targets:</source>
        <translation>&amp;Ziele:</translation>
    </message>
    <message>
        <source>Estimators:</source>
        <translation>Schätzer:</translation>
    </message>
    <message>
        <source>Resamples for the 95 % intervals; 0: no intervals</source>
        <translation>Stichproben für die 95-%-Intervalle; 0: keine Intervalle</translation>
    </message>
    <message>
        <source>The bootstrap&apos;s seed: the same seed gives the same intervals</source>
        <translation>Der Seed des Bootstraps: derselbe Seed gibt dieselben Intervalle</translation>
    </message>
    <message>
        <source>Switch-DR drops the correction of rows whose importance weight is above τ</source>
        <translation>Switch-DR lässt die Korrektur der Zeilen weg, deren Importance-Gewicht über τ liegt</translation>
    </message>
    <message>
        <source>Bootstrap resamples:</source>
        <translation>Bootstrap-Stichproben:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Switch-DR τ:</source>
        <translation>Switch-DR τ:</translation>
    </message>
    <message>
        <source>Pick a decision log and one or more targets, then Evaluate.</source>
        <translation>Ein Entscheidungslog und ein oder mehrere Ziele wählen, dann Bewerten.</translation>
    </message>
    <message>
        <source>Estimated reward per round</source>
        <translation>Geschätzte Belohnung je Runde</translation>
    </message>
    <message>
        <source>No estimates yet</source>
        <translation>Noch keine Schätzungen</translation>
    </message>
    <message>
        <source>ε-greedy: ε/k on every arm and the rest on the best; 0 is greedy</source>
        <translation>ε-gierig: ε/k auf jeden Arm und der Rest auf den besten; 0 ist gierig</translation>
    </message>
    <message>
        <source>Pick a decision log first.</source>
        <translation>Zuerst ein Entscheidungslog wählen.</translation>
    </message>
    <message>
        <source>Add at least one target policy.</source>
        <translation>Mindestens eine Zielstrategie hinzufügen.</translation>
    </message>
    <message>
        <source>Tick at least one estimator.</source>
        <translation>Mindestens einen Schätzer ankreuzen.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Bewerte…</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Lese das Log…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>logging policy</source>
        <translation>loggende Strategie</translation>
    </message>
    <message>
        <source>%1: %2 rows, %3 features; the logging policy earned %4 a round.</source>
        <translation>%1: %2 Zeilen, %3 Merkmale; die loggende Strategie erzielte %4 je Runde.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): see the diagnostics.</source>
        <translation>
            <numerusform>%n Warnung: siehe die Diagnose.</numerusform>
            <numerusform>%n Warnungen: siehe die Diagnose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the estimates</source>
        <translation>Die Schätzungen speichern</translation>
    </message>
    <message>
        <source>estimates</source>
        <translation>schaetzungen</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Das Diagramm speichern</translation>
    </message>
    <message>
        <source>Eval&amp;uate</source>
        <translation>Be&amp;werten</translation>
    </message>
    <message>
        <source>Cancelled: nothing was evaluated.</source>
        <translation>Abgebrochen: nichts wurde bewertet.</translation>
    </message>
</context>
<context>
    <name>rl::EvaluationJob</name>
    <message>
        <source>%1, ε = %2</source>
        <translation>%1, ε = %2</translation>
    </message>
    <message>
        <source>no target policy to evaluate</source>
        <translation>keine Zielstrategie zu bewerten</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>%1 is %2 arms × %3 features; the log has %4 features and the first target %5 arms</source>
        <translation>%1 hat %2 Arme × %3 Merkmale; das Log hat %4 Merkmale und das erste Ziel %5 Arme</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>Bewerte %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>not enough memory to evaluate this log</source>
        <translation>nicht genug Speicher, um dieses Log zu bewerten</translation>
    </message>
</context>
<context>
    <name>rl::ExperimentWindow</name>
    <message>
        <source>Experiments — RL Feedback Studio</source>
        <translation>Experimente — RL Feedback Studio</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Bewerten</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>What a target policy would have earned on a logged bandit&apos;s decisions</source>
        <translation>Was eine Zielstrategie auf den Entscheidungen eines geloggten Bandits erzielt hätte</translation>
    </message>
    <message>
        <source>Policies&apos; regret over a learning stream on several seeds, with 95 % intervals</source>
        <translation>Der Regret von Strategien über einen Lern-Stream mit mehreren Seeds, mit 95-%-Intervallen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Export the chart as &amp;PNG…</source>
        <translation>Das Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Run the current tab</source>
        <translation>Den aktuellen Reiter &amp;ausführen</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Evaluate, or Compare, with the inputs shown</source>
        <translation>Bewerten oder Vergleichen, mit den gezeigten Eingaben</translation>
    </message>
    <message>
        <source>Nothing to export yet: run it first</source>
        <translation>Noch nichts zu exportieren: zuerst ausführen</translation>
    </message>
</context>
<context>
    <name>rl::FleetChartsPanel</name>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>items/s</source>
        <translation>Elemente/s</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Batch latency p95</source>
        <translation>Batch-Latenz p95</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message numerus="yes">
        <source>sum of %n instance(s)</source>
        <translation>
            <numerusform>Summe über %n Instanz</numerusform>
            <numerusform>Summe über %n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>sum of all instances</source>
        <translation>Summe über alle Instanzen</translation>
    </message>
    <message>
        <source>A point every %1; rates and p95 over the %2 before each point</source>
        <translation>Ein Punkt alle %1; Raten und p95 über die %2 vor jedem Punkt</translation>
    </message>
</context>
<context>
    <name>rl::FleetOperations</name>
    <message>
        <source>&amp;Process once</source>
        <translation>Einmal &amp;verarbeiten</translation>
    </message>
    <message>
        <source>Process one batch on each selected instance</source>
        <translation>Einen Batch auf jeder ausgewählten Instanz verarbeiten</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Abarbeiten</translation>
    </message>
    <message>
        <source>Process each selected instance&apos;s queue until it is empty</source>
        <translation>Die Warteschlange jeder ausgewählten Instanz abarbeiten, bis sie leer ist</translation>
    </message>
    <message>
        <source>P&amp;urge…</source>
        <translation>&amp;Leeren …</translation>
    </message>
    <message>
        <source>Discard the queued items of each selected instance, as many as the table shows</source>
        <translation>Die Elemente in der Warteschlange jeder ausgewählten Instanz verwerfen, so viele, wie die Tabelle zeigt</translation>
    </message>
    <message>
        <source>&amp;Loop on</source>
        <translation>Schleife &amp;an</translation>
    </message>
    <message>
        <source>Set ENABLE_TRAJECTORY_FEEDBACK_LOOP on each selected instance</source>
        <translation>ENABLE_TRAJECTORY_FEEDBACK_LOOP auf jeder ausgewählten Instanz setzen</translation>
    </message>
    <message>
        <source>Loop o&amp;ff</source>
        <translation>Schleife a&amp;us</translation>
    </message>
    <message>
        <source>Clear ENABLE_TRAJECTORY_FEEDBACK_LOOP on each selected instance</source>
        <translation>ENABLE_TRAJECTORY_FEEDBACK_LOOP auf jeder ausgewählten Instanz löschen</translation>
    </message>
    <message>
        <source>&amp;Evaluation on</source>
        <translation>&amp;Bewertung an</translation>
    </message>
    <message>
        <source>Set ENABLE_TRAJECTORY_EVALUATION on each selected instance</source>
        <translation>ENABLE_TRAJECTORY_EVALUATION auf jeder ausgewählten Instanz setzen</translation>
    </message>
    <message>
        <source>E&amp;valuation off</source>
        <translation>Bewer&amp;tung aus</translation>
    </message>
    <message>
        <source>Clear ENABLE_TRAJECTORY_EVALUATION on each selected instance</source>
        <translation>ENABLE_TRAJECTORY_EVALUATION auf jeder ausgewählten Instanz löschen</translation>
    </message>
    <message>
        <source>&amp;Batch size…</source>
        <translation>Batch-&amp;Größe …</translation>
    </message>
    <message>
        <source>Set the batch size of each selected instance</source>
        <translation>Die Batch-Größe jeder ausgewählten Instanz setzen</translation>
    </message>
    <message>
        <source>&amp;Interval…</source>
        <translation>&amp;Intervall …</translation>
    </message>
    <message>
        <source>Set the seconds between ticks of each selected instance</source>
        <translation>Die Sekunden zwischen den Ticks jeder ausgewählten Instanz setzen</translation>
    </message>
    <message>
        <source>%1 (%2): %L3 queued</source>
        <translation>%1 (%2): %L3 in der Warteschlange</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message numerus="yes">
        <source>Items per tick on the %n instance(s):</source>
        <translation>
            <numerusform>Elemente pro Tick auf der Instanz:</numerusform>
            <numerusform>Elemente pro Tick auf den %n Instanzen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message numerus="yes">
        <source>Seconds between ticks on the %n instance(s):</source>
        <translation>
            <numerusform>Sekunden zwischen den Ticks auf der Instanz:</numerusform>
            <numerusform>Sekunden zwischen den Ticks auf den %n Instanzen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purge the queues of %n instance(s)? Up to %L1 items are discarded, never learned from.</source>
        <translation>
            <numerusform>Die Warteschlange einer Instanz leeren? Bis zu %L1 Elemente werden verworfen und nie gelernt.</numerusform>
            <numerusform>Die Warteschlangen von %n Instanzen leeren? Bis zu %L1 Elemente werden verworfen und nie gelernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n instance(s)?</source>
        <translation>
            <numerusform>%1 auf einer Instanz?</numerusform>
            <numerusform>%1 auf %n Instanzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected instance(s) without the control API are left alone.</source>
        <translation>
            <numerusform>Eine ausgewählte Instanz ohne Steuer-API bleibt unberührt.</numerusform>
            <numerusform>%n ausgewählte Instanzen ohne Steuer-API bleiben unberührt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Purge</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>operator: %1 on %2</source>
        <translation>operator: %1 auf %2</translation>
    </message>
    <message>
        <source>&amp;Gradual recovery…</source>
        <translation>&amp;Schrittweise Wiederherstellung …</translation>
    </message>
    <message>
        <source>The runbook&apos;s gradual recovery on each selected instance: evaluation off, drain, evaluation on</source>
        <translation>Die schrittweise Wiederherstellung des Runbooks auf jeder ausgewählten Instanz: Bewertung aus, abarbeiten, Bewertung an</translation>
    </message>
    <message>
        <source>%1: gradual recovery 1/3: evaluation disabled</source>
        <translation>%1: schrittweise Wiederherstellung 1/3: Bewertung ausgeschaltet</translation>
    </message>
    <message>
        <source>%1 (gradual recovery 2/3)</source>
        <translation>%1 (schrittweise Wiederherstellung 2/3)</translation>
    </message>
    <message>
        <source>%1: gradual recovery done: queue drained, evaluation re-enabled</source>
        <translation>%1: schrittweise Wiederherstellung fertig: Warteschlange abgearbeitet, Bewertung wieder an</translation>
    </message>
    <message>
        <source>cannot operate %1: %2</source>
        <translation>%1 kann nicht bedient werden: %2</translation>
    </message>
</context>
<context>
    <name>rl::FleetPanel</name>
    <message>
        <source>Filter instances (any column)</source>
        <translation>Instanzen filtern (jede Spalte)</translation>
    </message>
    <message>
        <source>Shows only the rows with this text in a column: an instance, tenant, alert or status</source>
        <translation>Zeigt nur die Zeilen mit diesem Text in einer Spalte: eine Instanz, ein Mandant, ein Alarm oder ein Status</translation>
    </message>
    <message>
        <source>Select instances to show only them in the charts; Ctrl-click for several</source>
        <translation>Instanzen auswählen, um nur sie in den Diagrammen zu zeigen; Strg-Klick für mehrere</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
</context>
<context>
    <name>rl::FleetTableModel</name>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>%1 (pending)</source>
        <translation>%1 (ausstehend)</translation>
    </message>
    <message numerus="yes">
        <source>Queue depth at the last %n refresh(es), oldest on the left</source>
        <translation>
            <numerusform>Warteschlangentiefe bei der letzten Aktualisierung</numerusform>
            <numerusform>Warteschlangentiefe bei den letzten %n Aktualisierungen, die älteste links</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus&apos;s last scrape of %1 failed (up == 0)</source>
        <translation>Die letzte Abfrage von %1 durch Prometheus ist fehlgeschlagen (up == 0)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Queue trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Processed/s</source>
        <translation>Verarbeitet/s</translation>
    </message>
    <message>
        <source>Failed/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>Dropped/s</source>
        <translation>Verworfen/s</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Down (the last scrape failed), firing, pending or up; sorted worst first</source>
        <translation>Ausgefallen (letzte Abfrage fehlgeschlagen), ausgelöst, ausstehend oder erreichbar; die schlechtesten zuerst</translation>
    </message>
    <message>
        <source>rl_feedback_queue_depth now</source>
        <translation>rl_feedback_queue_depth jetzt</translation>
    </message>
    <message>
        <source>Items processed a second, over the last 5 minutes</source>
        <translation>Verarbeitete Elemente pro Sekunde, über die letzten 5 Minuten</translation>
    </message>
    <message>
        <source>Items failed a second, over the last 5 minutes</source>
        <translation>Fehlgeschlagene Elemente pro Sekunde, über die letzten 5 Minuten</translation>
    </message>
    <message>
        <source>Processed / (processed + failed) over the last hour: the runbook&apos;s success rate</source>
        <translation>Verarbeitet / (verarbeitet + fehlgeschlagen) über die letzte Stunde: die Erfolgsquote des Runbooks</translation>
    </message>
    <message>
        <source>95th percentile of the batch latency over the last 5 minutes</source>
        <translation>95. Perzentil der Batch-Latenz über die letzten 5 Minuten</translation>
    </message>
    <message>
        <source>Accepted items dropped a second (queue full or shrunk), over the last 5 minutes</source>
        <translation>Angenommene, aber verworfene Elemente pro Sekunde (Warteschlange voll oder verkleinert), über die letzten 5 Minuten</translation>
    </message>
    <message>
        <source>The alerts Prometheus reports for this instance</source>
        <translation>Die Alarme, die Prometheus für diese Instanz meldet</translation>
    </message>
    <message>
        <source>Prometheus&apos;s last scrape of %1 failed (up == 0): %2</source>
        <translation>Die letzte Abfrage von %1 durch Prometheus ist fehlgeschlagen (up == 0): %2</translation>
    </message>
</context>
<context>
    <name>rl::FleetWindow</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>RL Feedback Studio — fleet at %1</source>
        <translation>RL Feedback Studio — Flotte bei %1</translation>
    </message>
    <message>
        <source>Pending and firing alerts as Prometheus at %1 evaluates them</source>
        <translation>Ausstehende und ausgelöste Alarme, wie Prometheus bei %1 sie auswertet</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <source>Connecting to Prometheus at %1…</source>
        <translation>Verbinde mit Prometheus bei %1 …</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum …</translation>
    </message>
    <message>
        <source>The charts&apos; time range, up to what Prometheus keeps; the wheel zooms, a drag pans, a double-click returns to live</source>
        <translation>Der Zeitraum der Diagramme, so weit Prometheus Daten hält; das Mausrad zoomt, Ziehen verschiebt, ein Doppelklick kehrt zu live zurück</translation>
    </message>
    <message>
        <source>Range: </source>
        <translation>Zeitraum: </translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>How often the table, the alerts and the charts ask Prometheus: one query each</source>
        <translation>Wie oft Tabelle, Alarme und Diagramme Prometheus fragen: je eine Abfrage</translation>
    </message>
    <message>
        <source>Refresh: </source>
        <translation>Aktualisierung: </translation>
    </message>
    <message>
        <source>&amp;Sum selected</source>
        <translation>Auswahl &amp;summieren</translation>
    </message>
    <message>
        <source>One series for the selected instances together instead of one each</source>
        <translation>Eine Reihe für die ausgewählten Instanzen zusammen statt einer je Instanz</translation>
    </message>
    <message>
        <source>{tenant=~&quot;acme|globex&quot;}</source>
        <translation>{tenant=~&quot;acme|globex&quot;}</translation>
    </message>
    <message>
        <source>Label matchers that pick the instances, applied with Enter; empty for all</source>
        <translation>Label-Matcher, die die Instanzen auswählen, mit Enter angewendet; leer für alle</translation>
    </message>
    <message>
        <source>Selector: </source>
        <translation>Selektor: </translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>operator: fleet selector %1</source>
        <translation>operator: Flotten-Selektor %1</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>&amp;Alerts (%1 firing)</source>
        <translation>&amp;Alarme (%1 ausgelöst)</translation>
    </message>
    <message numerus="yes">
        <source>Prometheus at %1: %n instance(s), updated %2 (%3 ms)</source>
        <translation>
            <numerusform>Prometheus bei %1: %n Instanz, aktualisiert %2 (%3 ms)</numerusform>
            <numerusform>Prometheus bei %1: %n Instanzen, aktualisiert %2 (%3 ms)</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus at %1 unreachable: %2; retrying in %3 s; showing what it said at %4</source>
        <translation>Prometheus bei %1 nicht erreichbar: %2; neuer Versuch in %3 s; gezeigt wird der Stand von %4</translation>
    </message>
    <message>
        <source>Prometheus at %1 unreachable: %2; retrying in %3 s</source>
        <translation>Prometheus bei %1 nicht erreichbar: %2; neuer Versuch in %3 s</translation>
    </message>
    <message>
        <source>Prometheus at %1 refused a query: %2</source>
        <translation>Prometheus bei %1 hat eine Abfrage abgelehnt: %2</translation>
    </message>
    <message>
        <source>Prometheus unreachable: %1</source>
        <translation>Prometheus nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Prometheus reachable again</source>
        <translation>Prometheus wieder erreichbar</translation>
    </message>
    <message>
        <source>E&amp;vent log</source>
        <translation>E&amp;reignisprotokoll</translation>
    </message>
    <message>
        <source>&amp;Operate</source>
        <translation>&amp;Bedienen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n instance(s) done; each answer is in the event log</source>
        <translation>
            <numerusform>%1: %2 von einer Instanz erledigt; die Antwort steht im Ereignisprotokoll</numerusform>
            <numerusform>%1: %2 von %n Instanzen erledigt; jede Antwort steht im Ereignisprotokoll</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in &amp;main window</source>
        <translation>Im &amp;Hauptfenster öffnen</translation>
    </message>
    <message>
        <source>No instances yet: wait for Prometheus&apos;s answer</source>
        <translation>Noch keine Instanzen: auf die Antwort von Prometheus warten</translation>
    </message>
    <message>
        <source>operator: opened %1 in the main window</source>
        <translation>Bediener: %1 im Hauptfenster geöffnet</translation>
    </message>
    <message>
        <source>Show the selected instances (all those shown when none is selected), summed, in the main window&apos;s tiles, charts, checklist and alerts, read from Prometheus</source>
        <translation>Die ausgewählten Instanzen (alle gezeigten, wenn keine ausgewählt ist) summiert in den Kacheln, Diagrammen, der Checkliste und den Alarmen des Hauptfensters zeigen, aus Prometheus gelesen</translation>
    </message>
</context>
<context>
    <name>rl::GaugeTile</name>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>value (band label)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>title: value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>rl::GradualRecovery</name>
    <message>
        <source>Gradual recovery 1/3: disabling trajectory evaluation to stop queue growth</source>
        <translation>Schrittweise Wiederherstellung 1/3: Trajektorienbewertung wird deaktiviert, damit die Warteschlange nicht weiter wächst</translation>
    </message>
    <message>
        <source>Gradual recovery 2/3: draining %L1 queued items</source>
        <translation>Schrittweise Wiederherstellung 2/3: Warteschlange mit %L1 Einträgen wird abgearbeitet</translation>
    </message>
    <message>
        <source>Gradual recovery done: queue drained, evaluation re-enabled</source>
        <translation>Schrittweise Wiederherstellung abgeschlossen: Warteschlange abgearbeitet, Bewertung wieder aktiviert</translation>
    </message>
    <message>
        <source>Gradual recovery stopped: the drain was cancelled with %L1 items left; trajectory evaluation stays disabled</source>
        <translation>Schrittweise Wiederherstellung angehalten: Das Abarbeiten wurde mit %L1 verbleibenden Einträgen abgebrochen; die Trajektorienbewertung bleibt deaktiviert</translation>
    </message>
    <message>
        <source>Gradual recovery 3/3: %L1 items processed, re-enabling trajectory evaluation</source>
        <translation>Schrittweise Wiederherstellung 3/3: %L1 Einträge verarbeitet, Trajektorienbewertung wird wieder aktiviert</translation>
    </message>
    <message>
        <source>Gradual recovery stopped by the operator; trajectory evaluation is %1</source>
        <translation>Schrittweise Wiederherstellung vom Bediener angehalten; die Trajektorienbewertung wird %1</translation>
    </message>
    <message>
        <source>being disabled</source>
        <translation>gerade deaktiviert</translation>
    </message>
    <message>
        <source>being re-enabled</source>
        <translation>gerade wieder aktiviert</translation>
    </message>
    <message>
        <source>Gradual recovery done: queue drained, evaluation re-enabled; but the feedback loop flag is off, so the queue will grow again until it is turned on</source>
        <translation>Schrittweise Wiederherstellung abgeschlossen: Warteschlange abgearbeitet, Bewertung wieder aktiviert; aber der Schalter der Feedback-Schleife ist aus, daher wächst die Warteschlange wieder, bis er eingeschaltet wird</translation>
    </message>
    <message>
        <source>Gradual recovery: %1 cannot stop a drain; it runs until the queue is empty</source>
        <translation>Schrittweise Wiederherstellung: %1 kann das Abarbeiten nicht anhalten; es läuft, bis die Warteschlange leer ist</translation>
    </message>
</context>
<context>
    <name>rl::HeadlessRunner</name>
    <message>
        <source>%1  queue %2  processed %3  failed %4  emitted %5  success %6%  last batch %7 ms  policy %8  regret %9</source>
        <translation>%1  Warteschlange %2  verarbeitet %3  fehlgeschlagen %4  emittiert %5  Erfolg %6 %  letzter Batch %7 ms  Strategie %8  Regret %9</translation>
    </message>
    <message numerus="yes">
        <source>received %1, shutting down: %Ln queued item(s) stay in the journal</source>
        <translation>
            <numerusform>%1 empfangen, wird beendet: %Ln Eintrag der Warteschlange bleibt im Journal</numerusform>
            <numerusform>%1 empfangen, wird beendet: %Ln Einträge der Warteschlange bleiben im Journal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %1, shutting down: %Ln queued item(s) discarded (--ephemeral)</source>
        <translation>
            <numerusform>%1 empfangen, wird beendet: %Ln Eintrag der Warteschlange verworfen (--ephemeral)</numerusform>
            <numerusform>%1 empfangen, wird beendet: %Ln Einträge der Warteschlange verworfen (--ephemeral)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::IntervalBarChart</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>%1 · %2: undefined</source>
        <comment>category · series: no estimate</comment>
        <translation>%1 · %2: undefiniert</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <comment>category · series: value</comment>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>%1 · %2: %3 [%4, %5]</source>
        <comment>category · series: value [interval low, high]</comment>
        <translation>%1 · %2: %3 [%4, %5]</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>reference line: value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>rl::JobProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>rl::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
</context>
<context>
    <name>rl::LogView</name>
    <message>
        <source>Filter by category or message</source>
        <translation>Nach Kategorie oder Meldung filtern</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>Protokollfilter</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation>Mindeststufe</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>St&amp;ufe:</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Show only entries whose category or message contains this text (any case)</source>
        <translation>Nur Einträge zeigen, deren Kategorie oder Meldung diesen Text enthält (Groß-/Kleinschreibung egal)</translation>
    </message>
    <message>
        <source>Show only entries at this level or above: Warning shows alert changes and drops</source>
        <translation>Nur Einträge ab dieser Stufe zeigen: Warnung zeigt Alarmwechsel und Verdrängungen</translation>
    </message>
</context>
<context>
    <name>rl::MainWindow</name>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>RL Feedback Studio</source>
        <translation>RL Feedback Studio</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>&amp;Schleife</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Voreinstellungen</translation>
    </message>
    <message>
        <source>Troubleshooting checklist</source>
        <translation>Checkliste zur Fehlerbehebung</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>E&amp;vent log</source>
        <translation>Ereignis&amp;protokoll</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>operator: process once</source>
        <translation>Bediener: einmal verarbeiten</translation>
    </message>
    <message>
        <source>operator: restart loop (router kept)</source>
        <translation>Bediener: Schleife neu starten (Router bleibt erhalten)</translation>
    </message>
    <message>
        <source>operator: reset bandit</source>
        <translation>Bediener: Bandit zurücksetzen</translation>
    </message>
    <message>
        <source>operator: trajectory evaluation %1</source>
        <translation>Bediener: Trajektorienbewertung %1</translation>
    </message>
    <message>
        <source>operator: feedback loop %1</source>
        <translation>Bediener: Feedback-Schleife %1</translation>
    </message>
    <message>
        <source>operator: simulator %1</source>
        <translation>Bediener: Simulator %1</translation>
    </message>
    <message>
        <source>low volume</source>
        <translation>geringes Volumen</translation>
    </message>
    <message>
        <source>medium volume</source>
        <translation>mittleres Volumen</translation>
    </message>
    <message>
        <source>high volume</source>
        <translation>hohes Volumen</translation>
    </message>
    <message>
        <source>operator: policy %1</source>
        <translation>Bediener: Strategie %1</translation>
    </message>
    <message>
        <source>operator: %1 preset: batch %2, interval %3 s, simulator %4 items/min</source>
        <translation>Bediener: Voreinstellung „%1“: Batch %2, Intervall %3 s, Simulator %4 Einträge/min</translation>
    </message>
    <message>
        <source>operator: force drain of %L1 items</source>
        <translation>Bediener: erzwungenes Abarbeiten von %L1 Einträgen</translation>
    </message>
    <message>
        <source>Draining the queue…</source>
        <translation>Warteschlange wird abgearbeitet…</translation>
    </message>
    <message>
        <source>&amp;Cancel drain</source>
        <translation>Abarbeiten &amp;abbrechen</translation>
    </message>
    <message>
        <source>Force drain</source>
        <translation>Erzwungenes Abarbeiten</translation>
    </message>
    <message>
        <source>operator: cancel drain</source>
        <translation>Bediener: Abarbeiten abbrechen</translation>
    </message>
    <message>
        <source>Draining: %L1 processed, %L2 failed, %L3 remaining</source>
        <translation>Abarbeiten: %L1 verarbeitet, %L2 fehlgeschlagen, %L3 verbleibend</translation>
    </message>
    <message>
        <source>Drain cancelled: %L1 processed, %L2 left</source>
        <translation>Abarbeiten abgebrochen: %L1 verarbeitet, %L2 übrig</translation>
    </message>
    <message>
        <source>Drain finished: %L1 processed, %L2 failed</source>
        <translation>Abarbeiten abgeschlossen: %L1 verarbeitet, %L2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Purge the queue</source>
        <translation>Warteschlange verwerfen</translation>
    </message>
    <message>
        <source>&amp;Purge</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>operator: purge cancelled</source>
        <translation>Bediener: Verwerfen abgebrochen</translation>
    </message>
    <message>
        <source>operator: purge confirmed (%L1 items shown)</source>
        <translation>Bediener: Verwerfen bestätigt (%L1 Einträge angezeigt)</translation>
    </message>
    <message>
        <source>evaluation %1 · loop %2</source>
        <translation>Bewertung %1 · Schleife %2</translation>
    </message>
    <message>
        <source>router %1 · loop %2 · policy %3</source>
        <translation>Router %1 · Schleife %2 · Strategie %3</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>registriert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>last tick %1</source>
        <translation>letzter Takt %1</translation>
    </message>
    <message>
        <source>no tick yet</source>
        <translation>noch kein Takt</translation>
    </message>
    <message>
        <source>HTTP API off</source>
        <translation>HTTP-API aus</translation>
    </message>
    <message>
        <source>API on %1</source>
        <translation>API unter %1</translation>
    </message>
    <message>
        <source>journal off</source>
        <translation>Journal aus</translation>
    </message>
    <message>
        <source>--ephemeral: nothing is kept on disk; a restart forgets the queue, the pending decisions and what the policy learned.</source>
        <translation>--ephemeral: Nichts wird auf der Festplatte gespeichert; ein Neustart vergisst die Warteschlange, die ausstehenden Entscheidungen und das von der Strategie Gelernte.</translation>
    </message>
    <message>
        <source>journal: restoring…</source>
        <translation>Journal: wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keiner</translation>
    </message>
    <message>
        <source>journal %1 · checkpoint %2</source>
        <translation>Journal %1 · Checkpoint %2</translation>
    </message>
    <message>
        <source>journal error: %1</source>
        <translation>Journal-Fehler: %1</translation>
    </message>
    <message>
        <source>Folder: %1
Sync: %2
Queued rows: %L3 · decision log: %L4 rows
Restored at start: %5</source>
        <translation>Ordner: %1
Sync: %2
Zeilen der Warteschlange: %L3 · Entscheidungsprotokoll: %L4 Zeilen
Beim Start wiederhergestellt: %5</translation>
    </message>
    <message>
        <source>Reset the %1 policy?</source>
        <translation>Die Policy %1 zurücksetzen?</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>operator: reset bandit cancelled</source>
        <translation>Bediener: Zurücksetzen des Banditen abgebrochen</translation>
    </message>
    <message>
        <source>Switch from %1 to %2?</source>
        <translation>Von %1 zu %2 wechseln?</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>operator: policy switch to %1 cancelled</source>
        <translation>Bediener: Wechsel zur Policy %1 abgebrochen</translation>
    </message>
    <message>
        <source>Start learning from scratch</source>
        <translation>Von vorn lernen</translation>
    </message>
    <message>
        <source>Everything %1 has learned is lost: the new policy starts from nothing, and the regret comparison starts again. Queued feedback is kept.</source>
        <translation>Alles, was %1 gelernt hat, geht verloren: die neue Policy beginnt bei null, und der Regret-Vergleich beginnt von vorn. Das Feedback in der Warteschlange bleibt erhalten.</translation>
    </message>
    <message>
        <source>The queue is empty: nothing to purge.</source>
        <translation>Die Warteschlange ist leer: nichts zu verwerfen.</translation>
    </message>
    <message numerus="yes">
        <source>Discard the %Ln queued feedback item(s) without processing them?</source>
        <translation>
            <numerusform>Den %Ln Feedback-Eintrag in der Warteschlange verwerfen, ohne ihn zu verarbeiten?</numerusform>
            <numerusform>Die %Ln Feedback-Einträge in der Warteschlange verwerfen, ohne sie zu verarbeiten?</numerusform>
        </translation>
    </message>
    <message>
        <source>The bandit will not learn from them. Items that arrive while this question is open are kept. The count is logged and metered (rl_feedback_purged_total).</source>
        <translation>Der Bandit lernt nicht aus ihnen. Einträge, die eintreffen, während diese Frage offen ist, bleiben erhalten. Die Anzahl wird protokolliert und gezählt (rl_feedback_purged_total).</translation>
    </message>
    <message>
        <source>Cancel &amp;gradual recovery</source>
        <translation>Stufenweises Abarbeiten a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Gradual recovery</source>
        <translation>&amp;Stufenweise abarbeiten</translation>
    </message>
    <message>
        <source>operator: cancel gradual recovery</source>
        <translation>Bediener: schrittweise Wiederherstellung abbrechen</translation>
    </message>
    <message>
        <source>operator: restore default settings</source>
        <translation>Bediener: Standardeinstellungen wiederherstellen</translation>
    </message>
    <message>
        <source>Default settings restored: batch size %L1, interval %L2 s, %L3 items/min; the policy and what it learned are kept</source>
        <translation>Standardeinstellungen wiederhergestellt: Batchgröße %L1, Intervall %L2 s, %L3 Einträge/min; die Policy und was sie gelernt hat bleiben erhalten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About RL Feedback Studio</source>
        <translation>Ü&amp;ber RL Feedback Studio</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Qt %1 · SQLite %2 · Boost %3.%4 · nlohmann/json %5.%6.%7</source>
        <translation>Qt %1 · SQLite %2 · Boost %3.%4 · nlohmann/json %5.%6.%7</translation>
    </message>
    <message>
        <source>About RL Feedback Studio</source>
        <translation>Über RL Feedback Studio</translation>
    </message>
    <message>
        <source>RL Feedback Studio %1: a contextual-bandit model router and its trajectory-feedback loop, to watch, tune and operate live.</source>
        <translation>RL Feedback Studio %1: ein kontextueller Bandit als Modell-Router und seine Trajektorien-Feedback-Schleife, live zu beobachten, abzustimmen und zu bedienen.</translation>
    </message>
    <message>
        <source>first tick in %L1 s</source>
        <translation>erster Takt in %L1 s</translation>
    </message>
    <message>
        <source>first tick due now</source>
        <translation>erster Takt jetzt fällig</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Back to &amp;live</source>
        <translation>Zurück zu &amp;live</translation>
    </message>
    <message>
        <source>Follow the newest data again, at the zoom shown (a double-click on a chart does too)</source>
        <translation>Wieder den neuesten Daten folgen, beim gezeigten Zoom (ein Doppelklick auf ein Diagramm tut das auch)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Show a shorter time range on every chart (the wheel over a chart zooms where it points)</source>
        <translation>Einen kürzeren Zeitraum in jedem Diagramm zeigen (das Mausrad über einem Diagramm zoomt, wohin es zeigt)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show a longer time range on every chart, up to the 24 h kept</source>
        <translation>Einen längeren Zeitraum in jedem Diagramm zeigen, bis zu den aufbewahrten 24 h</translation>
    </message>
    <message>
        <source>A logarithmic value axis: a backlog of 10 and one of 10,000 on one chart</source>
        <translation>Eine logarithmische Werteachse: ein Rückstau von 10 und einer von 10.000 in einem Diagramm</translation>
    </message>
    <message>
        <source>Logarithmic &amp;queue depth</source>
        <translation>Logarithmische &amp;Warteschlangentiefe</translation>
    </message>
    <message>
        <source>Logarithmic batch la&amp;tency</source>
        <translation>Logarithmische Batch-La&amp;tenz</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>Window as &amp;PNG…</source>
        <translation>Fenster als &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the whole window as a picture, for a report or an incident ticket</source>
        <translation>Das ganze Fenster als Bild speichern, für einen Bericht oder ein Incident-Ticket</translation>
    </message>
    <message>
        <source>Window as &amp;SVG…</source>
        <translation>Fenster als &amp;SVG…</translation>
    </message>
    <message>
        <source>Save the whole window as a vector drawing that stays sharp at any size</source>
        <translation>Das ganze Fenster als Vektorgrafik speichern, die in jeder Größe scharf bleibt</translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <source>Chart as SVG…</source>
        <translation>Diagramm als SVG…</translation>
    </message>
    <message>
        <source>Visible range as CSV…</source>
        <translation>Sichtbaren Bereich als CSV…</translation>
    </message>
    <message>
        <source>&amp;Event log as CSV…</source>
        <translation>&amp;Ereignisprotokoll als CSV…</translation>
    </message>
    <message>
        <source>Save the event log&apos;s entries that pass its filter, with exact times</source>
        <translation>Die Einträge des Ereignisprotokolls speichern, die sein Filter durchlässt, mit genauen Zeiten</translation>
    </message>
    <message>
        <source>&amp;Alert history as CSV…</source>
        <translation>&amp;Alarmverlauf als CSV…</translation>
    </message>
    <message>
        <source>Save every alert state change since the window opened</source>
        <translation>Jeden Zustandswechsel eines Alarms seit dem Öffnen des Fensters speichern</translation>
    </message>
    <message>
        <source>Save the window</source>
        <translation>Fenster speichern</translation>
    </message>
    <message>
        <source>window</source>
        <translation>fenster</translation>
    </message>
    <message numerus="yes">
        <source>Save the event log (%Ln entries shown)</source>
        <translation>
            <numerusform>Ereignisprotokoll speichern (%Ln Eintrag gezeigt)</numerusform>
            <numerusform>Ereignisprotokoll speichern (%Ln Einträge gezeigt)</numerusform>
        </translation>
    </message>
    <message>
        <source>event log</source>
        <translation>ereignisprotokoll</translation>
    </message>
    <message>
        <source>Save the alert history</source>
        <translation>Alarmverlauf speichern</translation>
    </message>
    <message>
        <source>alert history</source>
        <translation>alarmverlauf</translation>
    </message>
    <message>
        <source>engine started</source>
        <translation>Engine gestartet</translation>
    </message>
    <message>
        <source>engine restarted</source>
        <translation>Engine neu gestartet</translation>
    </message>
    <message>
        <source>journal restored: %1</source>
        <translation>Journal wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Alarmverlauf</translation>
    </message>
    <message>
        <source>Alert &amp;history</source>
        <translation>Alarm&amp;verlauf</translation>
    </message>
    <message>
        <source>batch size %L1</source>
        <translation>Batch-Größe %L1</translation>
    </message>
    <message>
        <source>interval %L1 s</source>
        <translation>Intervall %L1 s</translation>
    </message>
    <message>
        <source>emission rate %L1 items/min</source>
        <translation>Emissionsrate %L1 Einträge/min</translation>
    </message>
    <message>
        <source>operator: alert time scale demo ×%1</source>
        <translation>Operator: Alarm-Zeitskala Demo ×%1</translation>
    </message>
    <message>
        <source>operator: alert time scale real time</source>
        <translation>Operator: Alarm-Zeitskala Echtzeit</translation>
    </message>
    <message>
        <source>alert %1: %2 → %3</source>
        <translation>Alarm %1: %2 → %3</translation>
    </message>
    <message>
        <source>Shrink the queue?</source>
        <translation>Warteschlange verkleinern?</translation>
    </message>
    <message>
        <source>Shrink the queue to %L1 items? It holds %L2: the %L3 oldest are dropped, and counted as dropped.</source>
        <translation>Die Warteschlange auf %L1 Einträge verkleinern? Sie hält %L2: Die %L3 ältesten werden verworfen und als verdrängt gezählt.</translation>
    </message>
    <message>
        <source>&amp;Shrink and drop</source>
        <translation>&amp;Verkleinern und verwerfen</translation>
    </message>
    <message>
        <source>operator: queue capacity %L1 cancelled</source>
        <translation>Operator: Warteschlangenkapazität %L1 abgebrochen</translation>
    </message>
    <message>
        <source>operator: queue capacity %L1</source>
        <translation>Operator: Warteschlangenkapazität %L1</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>verbunden mit %1</translation>
    </message>
    <message>
        <source>%1 unreachable</source>
        <translation>%1 nicht erreichbar</translation>
    </message>
    <message>
        <source>RL Feedback Studio — %1</source>
        <translation>RL Feedback Studio — %1</translation>
    </message>
    <message>
        <source>connecting to %1…</source>
        <translation>verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Not offered by %1&apos;s API</source>
        <translation>Von der API von %1 nicht angeboten</translation>
    </message>
    <message>
        <source>The convergence comparison needs the simulator, which runs only in this process</source>
        <translation>Der Konvergenzvergleich braucht den Simulator, der nur in diesem Prozess läuft</translation>
    </message>
    <message>
        <source>Default settings restored: batch size %L1, interval %L2 s; the policy and what it learned are kept</source>
        <translation>Standardeinstellungen wiederhergestellt: Batch-Größe %L1, Intervall %L2 s; die Policy und was sie gelernt hat bleiben</translation>
    </message>
    <message>
        <source>Read-only: %1 has the metrics, not the control API</source>
        <translation>Nur lesend: %1 hat die Metriken, nicht die Steuerungs-API</translation>
    </message>
    <message>
        <source>flags: not in the metrics</source>
        <translation>Schalter: nicht in den Metriken</translation>
    </message>
    <message>
        <source>router, loop and policy: not in the metrics</source>
        <translation>Router, Schleife und Policy: nicht in den Metriken</translation>
    </message>
    <message>
        <source>figures as Prometheus scraped them</source>
        <translation>Werte, wie Prometheus sie abgefragt hat</translation>
    </message>
    <message>
        <source>journal: not in the metrics</source>
        <translation>Journal: nicht in den Metriken</translation>
    </message>
    <message>
        <source>Close this window; the engine runs on where it is</source>
        <translation>Dieses Fenster schließen; die Engine läuft dort weiter, wo sie ist</translation>
    </message>
    <message>
        <source>Experimen&amp;ts</source>
        <translation>Experimen&amp;te</translation>
    </message>
    <message>
        <source>&amp;Evaluate policies on a log…</source>
        <translation>Strategien auf einem Log &amp;bewerten…</translation>
    </message>
    <message>
        <source>&amp;Compare policies on a stream…</source>
        <translation>Strategien auf einem Stream &amp;vergleichen…</translation>
    </message>
    <message>
        <source>operator: drift — the simulated models&apos; rewards changed</source>
        <translation>Bediener: Drift — die Belohnungen der simulierten Modelle haben sich geändert</translation>
    </message>
</context>
<context>
    <name>rl::OperatorActions</name>
    <message>
        <source>&amp;Process once</source>
        <translation>&amp;Einmal verarbeiten</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Abarbeiten</translation>
    </message>
    <message>
        <source>P&amp;urge…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <source>&amp;Gradual recovery</source>
        <translation>&amp;Stufenweise abarbeiten</translation>
    </message>
    <message>
        <source>&amp;Restart loop</source>
        <translation>Schleife &amp;neu starten</translation>
    </message>
    <message>
        <source>Reset &amp;bandit</source>
        <translation>Bandit &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Forget what the policy learned and restart the regret comparison</source>
        <translation>Vergessen, was die Strategie gelernt hat, und den Regret-Vergleich neu starten</translation>
    </message>
    <message>
        <source>Trajectory &amp;evaluation</source>
        <translation>T&amp;rajektorienbewertung</translation>
    </message>
    <message>
        <source>Feedback &amp;loop</source>
        <translation>&amp;Feedback-Schleife</translation>
    </message>
    <message>
        <source>&amp;Simulator</source>
        <translation>Si&amp;mulator</translation>
    </message>
    <message>
        <source>Simulate routing requests at the emission rate</source>
        <translation>Routing-Anfragen mit der Emissionsrate simulieren</translation>
    </message>
    <message>
        <source>&amp;Low</source>
        <translation>&amp;Niedrig</translation>
    </message>
    <message>
        <source>&amp;Medium</source>
        <translation>&amp;Mittel</translation>
    </message>
    <message>
        <source>&amp;High</source>
        <translation>&amp;Hoch</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop the engine and close RL Feedback Studio</source>
        <translation>Engine stoppen und RL Feedback Studio schließen</translation>
    </message>
    <message>
        <source>Restore &amp;default settings</source>
        <translation>&amp;Standardeinstellungen wiederherstellen</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>The window&apos;s size, panes, tab and chart window back to the defaults</source>
        <translation>Größe, Bereiche, Reiter und Diagrammzeitraum des Fensters auf die Standardwerte</translation>
    </message>
    <message>
        <source>Batch size, interval, emission rate, the switches and the time scale back to their defaults, for the next start too; the policy and what it learned are kept</source>
        <translation>Batchgröße, Intervall, Emissionsrate, die Schalter und die Zeitskala auf ihre Standardwerte, auch für den nächsten Start; die Policy und was sie gelernt hat bleiben erhalten</translation>
    </message>
    <message>
        <source>Process one batch now (runbook: Manual Operations → One-Shot Processing)</source>
        <translation>Jetzt einen Batch verarbeiten (Runbook: Manual Operations → One-Shot Processing)</translation>
    </message>
    <message>
        <source>Force drain: batches of 1,000 until the queue is empty, with progress and cancel (runbook: Manual Operations → Force Drain Queue)</source>
        <translation>Abarbeiten erzwingen: Batches zu 1.000, bis die Warteschlange leer ist, mit Fortschritt und Abbruch (Runbook: Manual Operations → Force Drain Queue)</translation>
    </message>
    <message>
        <source>Emergency purge: discard the queued items shown without processing them (runbook: Manual Operations → Purge Queue)</source>
        <translation>Notfall-Verwerfen: die gezeigten Einträge ohne Verarbeitung verwerfen (Runbook: Manual Operations → Purge Queue)</translation>
    </message>
    <message>
        <source>Disable evaluation, drain the queue, re-enable evaluation (runbook: Recovery Procedures → Gradual Recovery)</source>
        <translation>Bewertung ausschalten, Warteschlange abarbeiten, Bewertung wieder einschalten (Runbook: Recovery Procedures → Gradual Recovery)</translation>
    </message>
    <message>
        <source>Stop and start the worker loop, keeping the router and what it learned (runbook: RLFeedbackProcessingStalled → restart to reinitialize the loop)</source>
        <translation>Die Worker-Schleife anhalten und starten; Router und Gelerntes bleiben (Runbook: RLFeedbackProcessingStalled → Neustart initialisiert die Schleife neu)</translation>
    </message>
    <message>
        <source>ENABLE_TRAJECTORY_EVALUATION: score finished trajectories and emit feedback (runbook: Activation; off stops queue growth while fixing)</source>
        <translation>ENABLE_TRAJECTORY_EVALUATION: abgeschlossene Trajektorien bewerten und Feedback erzeugen (Runbook: Activation; aus stoppt das Wachsen der Warteschlange während einer Korrektur)</translation>
    </message>
    <message>
        <source>ENABLE_TRAJECTORY_FEEDBACK_LOOP: process the queue on every tick (runbook: Activation)</source>
        <translation>ENABLE_TRAJECTORY_FEEDBACK_LOOP: die Warteschlange bei jedem Takt verarbeiten (Runbook: Activation)</translation>
    </message>
    <message>
        <source>Runbook (Performance Tuning → Recommendations) for &lt; 10 items/min: batch 10, interval 30 s (simulator at 5 items/min)</source>
        <translation>Runbook (Performance Tuning → Recommendations) für &lt; 10 Einträge/min: Batch 10, Intervall 30 s (Simulator mit 5 Einträgen/min)</translation>
    </message>
    <message>
        <source>Runbook (Performance Tuning → Recommendations) for 10–50 items/min: batch 25, interval 15 s (simulator at 30 items/min)</source>
        <translation>Runbook (Performance Tuning → Recommendations) für 10–50 Einträge/min: Batch 25, Intervall 15 s (Simulator mit 30 Einträgen/min)</translation>
    </message>
    <message>
        <source>Runbook (Performance Tuning → Recommendations) for &gt; 50 items/min: batch 50, interval 10 s (simulator at 120 items/min)</source>
        <translation>Runbook (Performance Tuning → Recommendations) für &gt; 50 Einträge/min: Batch 50, Intervall 10 s (Simulator mit 120 Einträgen/min)</translation>
    </message>
    <message>
        <source>&amp;Drift now</source>
        <translation>&amp;Drift jetzt</translation>
    </message>
    <message>
        <source>Change the simulated models&apos; hidden rewards now, as a model update or an outage would: the convergence charts show the policy notice and relearn</source>
        <translation>Die verborgenen Belohnungen der simulierten Modelle jetzt ändern, wie es ein Modell-Update oder ein Ausfall täte: die Konvergenzdiagramme zeigen, wie die Strategie es bemerkt und neu lernt</translation>
    </message>
</context>
<context>
    <name>rl::PrometheusClient</name>
    <message>
        <source>the answer is not the API&apos;s JSON (%1)</source>
        <translation>die Antwort ist nicht das JSON der API (%1)</translation>
    </message>
    <message>
        <source>the answer&apos;s status is not &quot;success&quot;</source>
        <translation>der Status der Antwort ist nicht &quot;success&quot;</translation>
    </message>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>HTTP %1 von %2</translation>
    </message>
    <message>
        <source>expected an instant vector, got &quot;%1&quot;</source>
        <translation>erwartet wurde ein Instant-Vektor, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a range vector, got &quot;%1&quot;</source>
        <translation>erwartet wurde ein Range-Vektor, erhalten &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>rl::PrometheusEngineSource</name>
    <message>
        <source>Prometheus at %1</source>
        <translation>Prometheus bei %1</translation>
    </message>
    <message>
        <source>Prometheus at %1: %2</source>
        <translation>Prometheus bei %1: %2</translation>
    </message>
    <message>
        <source>%1 is down: Prometheus&apos;s last scrape failed</source>
        <translation>%1 ist ausgefallen: die letzte Abfrage durch Prometheus ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Prometheus has no current rlstudio series for %1</source>
        <translation>Prometheus hat keine aktuellen rlstudio-Reihen für %1</translation>
    </message>
    <message>
        <source>one of %1 is down: Prometheus&apos;s last scrape failed, and the sums leave it out</source>
        <translation>eine von %1 ist ausgefallen: die letzte Abfrage durch Prometheus ist fehlgeschlagen, und die Summen lassen sie aus</translation>
    </message>
    <message>
        <source>%1 is read-only: Prometheus has the metrics, not the control API. Operate the instances from the fleet view&apos;s Operate menu.</source>
        <translation>%1 ist nur lesend: Prometheus hat die Metriken, nicht die Steuerungs-API. Die Instanzen über das Menü Bedienen der Flottenansicht steuern.</translation>
    </message>
    <message>
        <source>%1 via Prometheus</source>
        <translation>%1 über Prometheus</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) via Prometheus</source>
        <translation>
            <numerusform>%n Instanz über Prometheus</numerusform>
            <numerusform>%n Instanzen über Prometheus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::QueuePanel</name>
    <message>
        <source>First queued items</source>
        <translation>Erste Einträge der Warteschlange</translation>
    </message>
    <message>
        <source>Queue size</source>
        <translation>Warteschlangengröße</translation>
    </message>
    <message numerus="yes">
        <source>Queue size: %L1 of %L2 (oldest first; the first %n shown)</source>
        <translation>
            <numerusform>Warteschlangengröße: %L1 von %L2 (älteste zuerst; %n Eintrag angezeigt)</numerusform>
            <numerusform>Warteschlangengröße: %L1 von %L2 (älteste zuerst; die ersten %n angezeigt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rl::QueueTableModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation>Trajektorie</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Gesamtbewertung</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Eingereiht um</translation>
    </message>
</context>
<context>
    <name>rl::RemoteSource</name>
    <message>
        <source>cancelling a drain</source>
        <translation>das Abbrechen des Abarbeitens</translation>
    </message>
    <message>
        <source>%1 does not offer %2 over its API</source>
        <translation>%1 bietet %2 über seine API nicht an</translation>
    </message>
    <message>
        <source>the simulator</source>
        <translation>den Simulator</translation>
    </message>
    <message>
        <source>restarting the loop</source>
        <translation>den Neustart der Schleife</translation>
    </message>
    <message>
        <source>%1/health is not the health document: %2</source>
        <translation>%1/health ist nicht das Health-Dokument: %2</translation>
    </message>
    <message>
        <source>%1/api/v1/rules: %2</source>
        <translation>%1/api/v1/rules: %2</translation>
    </message>
    <message>
        <source>%1 serves no alert states (no /api/v1/rules)</source>
        <translation>%1 liefert keine Alarmzustände (kein /api/v1/rules)</translation>
    </message>
</context>
<context>
    <name>rl::RewardBars</name>
    <message>
        <source>%1: estimated %2, true %3</source>
        <translation>%1: geschätzt %2, wahr %3</translation>
    </message>
</context>
<context>
    <name>rl::ServedAlerts</name>
    <message>
        <source>Waiting for the alert states %1 evaluates</source>
        <translation>Warte auf die Alarmzustände, die %1 auswertet</translation>
    </message>
    <message>
        <source>%1 evaluates no alert rules</source>
        <translation>%1 wertet keine Alarmregeln aus</translation>
    </message>
    <message>
        <source>Rules of %1 as %2 evaluates them, every %3 s</source>
        <translation>Regeln aus %1, wie %2 sie auswertet, alle %3 s</translation>
    </message>
    <message>
        <source>the states shown are from %1</source>
        <translation>die gezeigten Zustände sind von %1</translation>
    </message>
    <message>
        <source>no states yet</source>
        <translation>noch keine Zustände</translation>
    </message>
    <message>
        <source>Not answering: %1; %2</source>
        <translation>Keine Antwort: %1; %2</translation>
    </message>
</context>
<context>
    <name>rl::StatTile</name>
    <message>
        <source>%1, %2</source>
        <comment>value, caption</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>rl::StopSignals</name>
    <message>
        <source>cannot create the signal socket pair: %1</source>
        <translation>das Socket-Paar für Signale kann nicht erzeugt werden: %1</translation>
    </message>
</context>
<context>
    <name>rl::TilesPanel</name>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Batch latency p95</source>
        <translation>Batch-Latenz p95</translation>
    </message>
    <message>
        <source>Regret</source>
        <translation>Regret</translation>
    </message>
    <message>
        <source>within SLO</source>
        <translation>innerhalb SLO</translation>
    </message>
    <message>
        <source>above SLO</source>
        <translation>über SLO</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>page</source>
        <translation>Pager</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%L1 in total</source>
        <translation>%L1 insgesamt</translation>
    </message>
    <message>
        <source>Failed in total: %L1 missing history, %L2 invalid, %L3 exceptions</source>
        <translation>Insgesamt fehlgeschlagen: %L1 fehlende Historie, %L2 ungültig, %L3 Ausnahmen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>last minute · SLO &gt; 99 %</source>
        <translation>letzte Minute · SLO &gt; 99 %</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>last minute · SLO &lt; 5 s</source>
        <translation>letzte Minute · SLO &lt; 5 s</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verdrängt</translation>
    </message>
    <message>
        <source>Feedback items the full queue dropped, oldest first: %L1 in the last minute, %L2 in total. The queue holds %L3; raise --queue-capacity, process faster, or choose --overflow reject so that senders are told to retry.</source>
        <translation>Feedback-Einträge, die die volle Warteschlange verdrängt hat, die ältesten zuerst: %L1 in der letzten Minute, %L2 insgesamt. Die Warteschlange fasst %L3; --queue-capacity erhöhen, schneller verarbeiten oder --overflow reject wählen, damit Absender es erneut versuchen.</translation>
    </message>
    <message>
        <source>/ %L1</source>
        <comment>out of the queue&apos;s capacity</comment>
        <translation>/ %L1</translation>
    </message>
    <message>
        <source>%1 · original policy %2</source>
        <translation>%1 · ursprüngliche Policy %2</translation>
    </message>
    <message>
        <source>%1 is not learning: the loop is off</source>
        <translation>%1 lernt nicht: die Schleife ist aus</translation>
    </message>
    <message>
        <source>Cumulative regret of %1 and of the original seed policy over the same %L2 simulated requests. The original policy learns from each request at once, %1 from the batches the loop processes.</source>
        <translation>Kumulierter Regret von %1 und der ursprünglichen seed-Policy über dieselben %L2 simulierten Anfragen. Die ursprüngliche Policy lernt sofort aus jeder Anfrage, %1 aus den Batches, die die Schleife verarbeitet.</translation>
    </message>
    <message>
        <source>Feedback items the full queue dropped, oldest first: %L1 in the last minute, %L2 in total.</source>
        <translation>Feedback-Elemente, die die volle Warteschlange verworfen hat, die ältesten zuerst: %L1 in der letzten Minute, %L2 insgesamt.</translation>
    </message>
    <message>
        <source>the policy is not in the metrics</source>
        <translation>die Policy ist nicht in den Metriken</translation>
    </message>
    <message>
        <source>Regret needs the simulated truth, which only an engine in this process has.</source>
        <translation>Der Regret braucht die simulierte Wahrheit, die nur eine Engine in diesem Prozess hat.</translation>
    </message>
</context>
<context>
    <name>rl::TimeSeriesChart</name>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan (pauses) · double-click: back to live · right-click: scale and export</source>
        <translation>Mausrad: zoomen · Ziehen: verschieben (hält an) · Doppelklick: zurück zu live · Rechtsklick: Skala und Export</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>series name, value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>annotation time, text</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Save the visible range of “%1”</source>
        <translation>Sichtbaren Bereich von „%1“ speichern</translation>
    </message>
    <message>
        <source>Save the chart “%1”</source>
        <translation>Diagramm „%1“ speichern</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Zurück zu live</translation>
    </message>
    <message>
        <source>Logarithmic scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save chart as SVG…</source>
        <translation>Diagramm als SVG speichern…</translation>
    </message>
    <message>
        <source>Save visible range as CSV…</source>
        <translation>Sichtbaren Bereich als CSV speichern…</translation>
    </message>
    <message>
        <source>(%1)</source>
        <comment>the unit, in the legend when the axis is too short to name it</comment>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>rl::WidgetImage</name>
    <message>
        <source>the image could not be encoded</source>
        <translation>das Bild konnte nicht kodiert werden</translation>
    </message>
</context>
</TS>
