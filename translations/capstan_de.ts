<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArgoCdSession</name>
    <message>
        <source>Argo CD has no application named %1.</source>
        <translation>Argo CD hat keine Anwendung namens %1.</translation>
    </message>
    <message>
        <source>Argo CD&apos;s history of %1 has no entry %2.</source>
        <translation>Der Argo-CD-Verlauf von %1 hat keinen Eintrag %2.</translation>
    </message>
    <message>
        <source>%1 at %2 → %3</source>
        <translation>%1 bei %2 → %3</translation>
    </message>
</context>
<context>
    <name>capstan::ui::AppTreeModel</name>
    <message>
        <source>%1 — project %2, %3, %4</source>
        <translation>%1 — Projekt %2, %3, %4</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>capstan::ui::AppTreePanel</name>
    <message>
        <source>Filter by name, project, environment, status (Ctrl+F)</source>
        <translation>Nach Name, Projekt, Umgebung, Status filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Application filter</source>
        <translation>Anwendungsfilter</translation>
    </message>
    <message>
        <source>Applications per status</source>
        <translation>Anwendungen je Status</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s): </source>
        <translation>
            <numerusform>%n Anwendung: </numerusform>
            <numerusform>%n Anwendungen: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::ApplicationPage</name>
    <message>
        <source>S&amp;ync…</source>
        <translation>S&amp;ynchronisieren…</translation>
    </message>
    <message>
        <source>Sync &amp;Windows…</source>
        <translation>Sync-&amp;Fenster…</translation>
    </message>
    <message>
        <source>Sync the application</source>
        <translation>Die Anwendung synchronisieren</translation>
    </message>
    <message>
        <source>Show the sync-window calendar</source>
        <translation>Den Sync-Fenster-Kalender zeigen</translation>
    </message>
    <message>
        <source>Application summary</source>
        <translation>Übersicht der Anwendung</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Conditions and warnings:</source>
        <translation>Bedingungen und Warnungen:</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Operation progress</source>
        <translation>Fortschritt der Operation</translation>
    </message>
    <message>
        <source>No operation in this session.</source>
        <translation>Keine Operation in dieser Sitzung.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select an application in the tree or the matrix.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Anwendung im Baum oder in der Matrix.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:%4&apos;&gt;%5&lt;/span&gt;</source>
        <translation>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:%4&apos;&gt;%5&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Desired (Git)</source>
        <translation>Soll (Git)</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>, prune</source>
        <translation>, bereinigen</translation>
    </message>
    <message>
        <source>, self-heal</source>
        <translation>, Selbstheilung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>required for manual syncs (this application syncs by itself)</source>
        <translation>für manuelle Syncs nötig (diese Anwendung synchronisiert sich selbst)</translation>
    </message>
    <message numerus="yes">
        <source>required: %n approver(s), typed name and note</source>
        <translation>
            <numerusform>nötig: %n Freigebende(r), eingetippter Name und Notiz</numerusform>
            <numerusform>nötig: %n Freigebende, eingetippter Name und Notiz</numerusform>
        </translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(Wurzel)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>%1, path %2, target %3</source>
        <translation>%1, Pfad %2, Ziel %3</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>%1, namespace %2</source>
        <translation>%1, Namespace %2</translation>
    </message>
    <message>
        <source>Sync policy</source>
        <translation>Sync-Richtlinie</translation>
    </message>
    <message>
        <source>Sync window</source>
        <translation>Sync-Fenster</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1 in total, %2 out of sync, %3 missing</source>
        <translation>%1 insgesamt, %2 nicht synchron, %3 fehlend</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>No conditions.</source>
        <translation>Keine Bedingungen.</translation>
    </message>
    <message>
        <source>&amp;Rollback…</source>
        <translation>&amp;Rollback…</translation>
    </message>
    <message>
        <source>Roll the application back</source>
        <translation>Die Anwendung zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation>Hochs&amp;tufen…</translation>
    </message>
    <message>
        <source>Promote the service to another environment</source>
        <translation>Den Dienst in eine andere Umgebung hochstufen</translation>
    </message>
    <message>
        <source>Images in Git</source>
        <translation>Images in Git</translation>
    </message>
    <message>
        <source>Images running</source>
        <translation>Laufende Images</translation>
    </message>
</context>
<context>
    <name>capstan::ui::ApprovalGate</name>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>The project %1 requires approval for this application. Type &lt;b&gt;%2&lt;/b&gt; to confirm.</source>
        <translation>Das Projekt %1 verlangt für diese Anwendung eine Freigabe. Tippen Sie &lt;b&gt;%2&lt;/b&gt; zur Bestätigung.</translation>
    </message>
    <message>
        <source>Application name to confirm</source>
        <translation>Anwendungsname zur Bestätigung</translation>
    </message>
    <message>
        <source>&amp;Application name:</source>
        <translation>An&amp;wendungsname:</translation>
    </message>
    <message>
        <source>Change ticket, reason, who reviewed it…</source>
        <translation>Change-Ticket, Grund, wer es geprüft hat…</translation>
    </message>
    <message>
        <source>Approval note</source>
        <translation>Freigabenotiz</translation>
    </message>
    <message>
        <source>Approval &amp;note:</source>
        <translation>Freigabe&amp;notiz:</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Freigebende Person</translation>
    </message>
    <message>
        <source>A&amp;pproved by:</source>
        <translation>&amp;Freigegeben von:</translation>
    </message>
    <message>
        <source>Second approver</source>
        <translation>Zweite freigebende Person</translation>
    </message>
    <message>
        <source>A different person</source>
        <translation>Eine andere Person</translation>
    </message>
    <message>
        <source>&amp;Second approver:</source>
        <translation>&amp;Zweite Freigabe:</translation>
    </message>
    <message>
        <source>Type the application&apos;s name to confirm.</source>
        <translation>Tippen Sie den Namen der Anwendung zur Bestätigung.</translation>
    </message>
    <message>
        <source>Write an approval note.</source>
        <translation>Schreiben Sie eine Freigabenotiz.</translation>
    </message>
    <message numerus="yes">
        <source>The project requires %n different approver(s).</source>
        <translation>
            <numerusform>Das Projekt verlangt %n freigebende Person.</numerusform>
            <numerusform>Das Projekt verlangt %n verschiedene freigebende Personen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::CalendarDialog</name>
    <message>
        <source>Sync Windows — %1</source>
        <translation>Sync-Fenster — %1</translation>
    </message>
    <message>
        <source>No sync window of project %1 applies to %2: it may sync at any time.</source>
        <translation>Kein Sync-Fenster des Projekts %1 gilt für %2: Die Anwendung darf jederzeit synchronisieren.</translation>
    </message>
    <message>
        <source>The week ahead for %1 (project %2): %3.</source>
        <translation>Die kommende Woche für %1 (Projekt %2): %3.</translation>
    </message>
</context>
<context>
    <name>capstan::ui::ClusterPicker</name>
    <message>
        <source>&amp;Cluster:</source>
        <translation>&amp;Cluster:</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Sandbox (embedded)</source>
        <translation>Sandbox (eingebettet)</translation>
    </message>
    <message>
        <source>Capstan&apos;s own cluster, kept with the workspace</source>
        <translation>Capstans eigener Cluster, beim Arbeitsbereich gespeichert</translation>
    </message>
    <message>
        <source>No kubeconfig to read: %1</source>
        <translation>Keine kubeconfig zu lesen: %1</translation>
    </message>
    <message>
        <source>Capstan syncs the workspace to this context&apos;s cluster</source>
        <translation>Capstan synchronisiert den Arbeitsbereich in den Cluster dieses Kontexts</translation>
    </message>
    <message>
        <source>Argo CD in %1</source>
        <translation>Argo CD in %1</translation>
    </message>
    <message>
        <source>The Argo CD running in this context&apos;s cluster is the engine: its applications are shown, and Sync, Rollback and Terminate ask it</source>
        <translation>Das Argo CD im Cluster dieses Kontexts ist die Engine: Seine Anwendungen werden angezeigt, und Synchronisieren, Zurücksetzen und Abbrechen werden bei ihm angefragt</translation>
    </message>
    <message>
        <source>The cluster the workspace deploys to, or the Argo CD that does</source>
        <translation>Der Cluster, in den der Arbeitsbereich ausgerollt wird, oder das Argo CD, das dies tut</translation>
    </message>
</context>
<context>
    <name>capstan::ui::DiffArea</name>
    <message>
        <source>Side-by-side diff</source>
        <translation>Diff nebeneinander</translation>
    </message>
    <message>
        <source>Click or press Enter to show these lines</source>
        <translation>Klicken oder Eingabetaste drücken, um diese Zeilen zu zeigen</translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged lines</source>
        <translation>
            <numerusform>⋯ %n unveränderte Zeile</numerusform>
            <numerusform>⋯ %n unveränderte Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::DiffView</name>
    <message>
        <source>Previous Change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Diff tools</source>
        <translation>Diff-Werkzeuge</translation>
    </message>
    <message>
        <source>Changed lines</source>
        <translation>Geänderte Zeilen</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message>
        <source>+%1 −%2 ~%3</source>
        <translation>+%1 −%2 ~%3</translation>
    </message>
    <message>
        <source>Lines added: %1, removed: %2, changed: %3</source>
        <translation>Zeilen hinzugefügt: %1, entfernt: %2, geändert: %3</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>Änderungen: %1</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
</context>
<context>
    <name>capstan::ui::EngineWorker</name>
    <message>
        <source>Creating the demo workspace in %1…</source>
        <translation>Der Demo-Arbeitsbereich wird in %1 angelegt…</translation>
    </message>
    <message>
        <source>Cannot create the demo workspace: %1</source>
        <translation>Der Demo-Arbeitsbereich kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Es ist kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Another operation is still running.</source>
        <translation>Eine andere Operation läuft noch.</translation>
    </message>
    <message>
        <source>Cannot mark the entry bad: %1</source>
        <translation>Der Eintrag kann nicht als schlecht markiert werden: %1</translation>
    </message>
    <message>
        <source>#%1 (%2)</source>
        <translation>#%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Automated sync failed: %1</source>
        <translation>Automatischer Sync fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 at %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>No application named %1.</source>
        <translation>Es gibt keine Anwendung namens %1.</translation>
    </message>
    <message>
        <source> (marked bad)</source>
        <translation> (als schlecht markiert)</translation>
    </message>
    <message>
        <source> (a revert)</source>
        <translation> (ein Revert)</translation>
    </message>
    <message>
        <source> (already reverted)</source>
        <translation> (bereits rückgängig gemacht)</translation>
    </message>
    <message>
        <source>Rolling %1 back to history entry %2…</source>
        <translation>%1 wird auf Verlaufseintrag %2 zurückgesetzt…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Fetching from %1…</source>
        <translation>Abruf von %1…</translation>
    </message>
    <message>
        <source>Fetched from %1.</source>
        <translation>Von %1 abgerufen.</translation>
    </message>
    <message>
        <source>%1 is up to date.</source>
        <translation>%1 ist aktuell.</translation>
    </message>
    <message numerus="yes">
        <source>%1 moved forward by %n commit(s).</source>
        <translation>
            <numerusform>%1 wurde um %n Commit vorgerückt.</numerusform>
            <numerusform>%1 wurde um %n Commits vorgerückt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pushing %1…</source>
        <translation>%1 wird übertragen…</translation>
    </message>
    <message>
        <source>Nothing was pushed; your commits are kept on %1.
%2</source>
        <translation>Es wurde nichts übertragen; Ihre Commits bleiben auf %1 erhalten.
%2</translation>
    </message>
    <message>
        <source>The remote already has everything on %1.</source>
        <translation>Das Remote-Repository hat bereits alles von %1.</translation>
    </message>
    <message>
        <source>Pushed %1 to %2.</source>
        <translation>%1 wurde übertragen (%2).</translation>
    </message>
    <message numerus="yes">
        <source>The remote had moved on: %n commit(s) replayed on its tip and pushed (%1 is now %2).</source>
        <translation>
            <numerusform>Das Remote-Repository war weiter: %n Commit auf dessen Spitze neu angewendet und übertragen (%1 ist jetzt %2).</numerusform>
            <numerusform>Das Remote-Repository war weiter: %n Commits auf dessen Spitze neu angewendet und übertragen (%1 ist jetzt %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>The remote had moved on and commit %1 does not apply on its tip; nothing was pushed and your commits are kept on %2. Conflicting files: %3</source>
        <translation>Das Remote-Repository war weiter und Commit %1 lässt sich nicht auf dessen Spitze anwenden; es wurde nichts übertragen und Ihre Commits bleiben auf %2 erhalten. Dateien mit Konflikten: %3</translation>
    </message>
    <message>
        <source>Marks are kept in Capstan&apos;s own history; Argo CD&apos;s history of %1 cannot hold one.</source>
        <translation>Markierungen liegen in Capstans eigenem Verlauf; der Argo-CD-Verlauf von %1 kann keine aufnehmen.</translation>
    </message>
    <message>
        <source>Connecting to Argo CD in %1…</source>
        <translation>Verbinde mit Argo CD in %1 …</translation>
    </message>
    <message>
        <source>Cannot use the Argo CD in %1: %2</source>
        <translation>Argo CD in %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Reading Argo CD&apos;s applications…</source>
        <translation>Lese die Anwendungen von Argo CD …</translation>
    </message>
    <message>
        <source>Cannot read Argo CD&apos;s applications in %1: %2</source>
        <translation>Die Anwendungen von Argo CD in %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Waiting for Argo CD&apos;s controller to start the operation</source>
        <translation>Warte, bis der Controller von Argo CD die Operation startet</translation>
    </message>
    <message>
        <source>The application is no longer in Argo CD</source>
        <translation>Die Anwendung ist nicht mehr in Argo CD</translation>
    </message>
    <message>
        <source>Argo CD rolled %1 back to revision %2. Git still wants its target revision: update Git before turning automated sync on again.</source>
        <translation>Argo CD hat %1 auf Revision %2 zurückgesetzt. Git will weiterhin seine Zielrevision: Aktualisieren Sie Git, bevor Sie die automatische Synchronisierung wieder einschalten.</translation>
    </message>
    <message>
        <source>Argo CD&apos;s rollback of %1 ended %2: %3</source>
        <translation>Das Zurücksetzen von %1 durch Argo CD endete mit %2: %3</translation>
    </message>
    <message>
        <source>Cannot terminate: %1</source>
        <translation>Abbrechen nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>capstan::ui::EnvironmentMatrixModel</name>
    <message>
        <source>%1, %2, %3 @ %4, %5</source>
        <translation>%1, %2, %3 @ %4, %5</translation>
    </message>
    <message>
        <source>%1: %2, %3; images %4; revision %5 (%6); sync window %7</source>
        <translation>%1: %2, %3; Images %4; Revision %5 (%6); Sync-Fenster %7</translation>
    </message>
</context>
<context>
    <name>capstan::ui::GitLogModel</name>
    <message>
        <source>Marked bad by %1: %2</source>
        <translation>Von %1 als schlecht markiert: %2</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <source>a revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Markierungen</translation>
    </message>
</context>
<context>
    <name>capstan::ui::HistoryModel</name>
    <message>
        <source>Marked bad by %1: %2</source>
        <translation>Von %1 als schlecht markiert: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, approved by %2</source>
        <translation>%1, freigegeben von %2</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>Ausgerollt</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Approval note</source>
        <translation>Freigabenotiz</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Schlecht</translation>
    </message>
</context>
<context>
    <name>capstan::ui::HistoryRollbackPage</name>
    <message>
        <source>  (marked bad: %1)</source>
        <translation>  (als schlecht markiert: %1)</translation>
    </message>
    <message>
        <source>History entry to roll back to</source>
        <translation>Verlaufseintrag für den Rollback</translation>
    </message>
    <message>
        <source>Drift warning</source>
        <translation>Drift-Warnung</translation>
    </message>
    <message>
        <source>What the rollback changes</source>
        <translation>Was der Rollback ändert</translation>
    </message>
    <message>
        <source>Applies the manifests a history entry recorded. Git is not changed.</source>
        <translation>Wendet die Manifeste an, die ein Verlaufseintrag aufgezeichnet hat. Git wird nicht geändert.</translation>
    </message>
    <message>
        <source>&amp;Roll back to:</source>
        <translation>&amp;Rollback auf:</translation>
    </message>
    <message>
        <source>Automated sync after the rollback</source>
        <translation>Automatischer Sync nach dem Rollback</translation>
    </message>
    <message>
        <source>Keep automated sync; skip this revision until Git changes</source>
        <translation>Automatischen Sync beibehalten; diese Revision überspringen, bis sich Git ändert</translation>
    </message>
    <message>
        <source>Suspend automated sync until resumed</source>
        <translation>Automatischen Sync aussetzen, bis er fortgesetzt wird</translation>
    </message>
    <message>
        <source>&amp;Automated sync:</source>
        <translation>A&amp;utomatischer Sync:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; entry #%1 is marked bad (%2).&lt;br&gt;</source>
        <translation>&lt;b&gt;Warnung:&lt;/b&gt; Eintrag #%1 ist als schlecht markiert (%2).&lt;br&gt;</translation>
    </message>
    <message>
        <source>After the rollback the cluster runs entry #%1 (revision %2) while Git wants %3: %4 shows &lt;b&gt;OutOfSync&lt;/b&gt; until Git is updated by a revert or an image override.</source>
        <translation>Nach dem Rollback läuft im Cluster Eintrag #%1 (Revision %2), während Git %3 verlangt: %4 zeigt &lt;b&gt;OutOfSync&lt;/b&gt;, bis Git durch einen Revert oder ein überschriebenes Image aktualisiert wird.</translation>
    </message>
    <message>
        <source>Automated sync is suspended for %1 until someone resumes it.</source>
        <translation>Der automatische Sync ist für %1 ausgesetzt, bis ihn jemand fortsetzt.</translation>
    </message>
    <message>
        <source>Automated sync stays on and skips revision %1 until a newer commit changes %2.</source>
        <translation>Der automatische Sync bleibt aktiv und überspringt Revision %1, bis ein neuerer Commit %2 ändert.</translation>
    </message>
    <message>
        <source>The rollback is running.</source>
        <translation>Der Rollback läuft.</translation>
    </message>
    <message>
        <source>%1 is not in the workspace.</source>
        <translation>%1 ist nicht im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Loading the history of %1…</source>
        <translation>Der Verlauf von %1 wird geladen…</translation>
    </message>
    <message>
        <source>%1 has no history to roll back to.</source>
        <translation>%1 hat keinen Verlauf, auf den zurückgesetzt werden kann.</translation>
    </message>
    <message>
        <source>Choose a history entry.</source>
        <translation>Wählen Sie einen Verlaufseintrag.</translation>
    </message>
    <message>
        <source>Entry #%1 is what runs now.</source>
        <translation>Eintrag #%1 läuft bereits.</translation>
    </message>
    <message>
        <source>Sync window: %1</source>
        <translation>Sync-Fenster: %1</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>Vorschau wird erstellt…</translation>
    </message>
</context>
<context>
    <name>capstan::ui::HistoryView</name>
    <message>
        <source>&amp;Diff Selected</source>
        <translation>Auswahl &amp;vergleichen</translation>
    </message>
    <message>
        <source>Mark &amp;Bad…</source>
        <translation>Als &amp;schlecht markieren…</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>Sync-Verlauf</translation>
    </message>
    <message>
        <source>Select two entries to diff the manifests each applied.</source>
        <translation>Zwei Einträge wählen, um die jeweils angewendeten Manifeste zu vergleichen.</translation>
    </message>
    <message>
        <source>Mark Bad</source>
        <translation>Als schlecht markieren</translation>
    </message>
    <message>
        <source>Why is this revision bad? Automated syncs and rollbacks will warn about it.</source>
        <translation>Warum ist diese Revision schlecht? Automatische Syncs und Rollbacks warnen davor.</translation>
    </message>
    <message>
        <source>Git log</source>
        <translation>Git-Log</translation>
    </message>
    <message>
        <source>S&amp;ync History</source>
        <translation>Sync-Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;Git Log</source>
        <translation>&amp;Git-Log</translation>
    </message>
    <message>
        <source>History source</source>
        <translation>Verlaufsquelle</translation>
    </message>
    <message>
        <source>Select two commits to diff what the application renders at each.</source>
        <translation>Zwei Commits wählen, um zu vergleichen, was die Anwendung jeweils rendert.</translation>
    </message>
</context>
<context>
    <name>capstan::ui::MainWindow</name>
    <message>
        <source>Capstan</source>
        <translation>Capstan</translation>
    </message>
    <message>
        <source>Open a manifest with File → Open Manifest… (Ctrl+O).</source>
        <translation>Öffnen Sie ein Manifest mit Datei → Manifest öffnen… (Strg+O).</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Manifest…</source>
        <translation>Manifest ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Capstan</source>
        <translation>&amp;Über Capstan</translation>
    </message>
    <message>
        <source>Open Manifest</source>
        <translation>Manifest öffnen</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 — Capstan</source>
        <translation>%1 — Capstan</translation>
    </message>
    <message>
        <source>About Capstan</source>
        <translation>Über Capstan</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Capstan %1&lt;/h3&gt;&lt;p&gt;A desktop console for GitOps deployments: what Git wants, what the cluster runs, and the way between them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Capstan %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für GitOps-Deployments: was Git will, was der Cluster ausführt, und der Weg dazwischen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>&amp;Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;Recent Workspaces</source>
        <translation>&amp;Zuletzt geöffnete Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find Application</source>
        <translation>Anwendung &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>&amp;Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Manifest Viewer</source>
        <translation>&amp;Manifest-Betrachter</translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation>A&amp;nwendung</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Sync…</source>
        <translation>&amp;Synchronisieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Diff</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Sync &amp;Windows…</source>
        <translation>Sync-&amp;Fenster…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>Refreshed %1 · branch %2 · %3</source>
        <translation>Aktualisiert %1 · Branch %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n Anwendung</numerusform>
            <numerusform>%n Anwendungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>R&amp;ollback…</source>
        <translation>&amp;Rollback…</translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation>&amp;Hochstufen…</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Argo CD in %1 (namespace %2) — Capstan</source>
        <translation>Argo CD in %1 (Namespace %2) — Capstan</translation>
    </message>
</context>
<context>
    <name>capstan::ui::MatrixCellDelegate</name>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
</context>
<context>
    <name>capstan::ui::MatrixView</name>
    <message>
        <source>Environment matrix</source>
        <translation>Umgebungsmatrix</translation>
    </message>
    <message>
        <source>No application names its service and environment. The matrix places those labelled %1 and %2, or named SERVICE-ENVIRONMENT.</source>
        <translation>Keine Anwendung nennt ihren Dienst und ihre Umgebung. Die Matrix ordnet Anwendungen mit den Labels %1 und %2 ein, oder solche namens DIENST-UMGEBUNG.</translation>
    </message>
</context>
<context>
    <name>capstan::ui::OperationModel</name>
    <message>
        <source>%1 / wave %2</source>
        <translation>%1 / Welle %2</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>capstan::ui::PromoteDialog</name>
    <message>
        <source>Confirm promotion</source>
        <translation>Hochstufung bestätigen</translation>
    </message>
    <message>
        <source>Promote %1</source>
        <translation>%1 hochstufen</translation>
    </message>
    <message>
        <source>From environment</source>
        <translation>Ausgangsumgebung</translation>
    </message>
    <message>
        <source>To environment</source>
        <translation>Zielumgebung</translation>
    </message>
    <message>
        <source>Approval note</source>
        <translation>Freigabenotiz</translation>
    </message>
    <message>
        <source>Why this promotion is approved (change ticket, reviewer)</source>
        <translation>Warum diese Hochstufung freigegeben ist (Change-Ticket, prüfende Person)</translation>
    </message>
    <message>
        <source>Promotion preview</source>
        <translation>Vorschau der Hochstufung</translation>
    </message>
    <message>
        <source>Promotion status</source>
        <translation>Status der Hochstufung</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>Approval note:</source>
        <translation>Freigabenotiz:</translation>
    </message>
    <message>
        <source>Choose two different environments.</source>
        <translation>Wählen Sie zwei verschiedene Umgebungen.</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>Vorschau wird erstellt…</translation>
    </message>
    <message>
        <source>%1 requires an approval note.</source>
        <translation>%1 verlangt eine Freigabenotiz.</translation>
    </message>
    <message>
        <source>Committed %1: %2</source>
        <translation>Commit %1 erstellt: %2</translation>
    </message>
    <message>
        <source>Will commit: %1</source>
        <translation>Geplanter Commit: %1</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Commit wird erstellt…</translation>
    </message>
</context>
<context>
    <name>capstan::ui::RemoteController</name>
    <message>
        <source>&amp;Repository</source>
        <translation>&amp;Repository</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>&amp;Abrufen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Pull (Fast-Forward)</source>
        <translation>&amp;Nachziehen (Fast-Forward)</translation>
    </message>
    <message>
        <source>P&amp;ush…</source>
        <translation>Ü&amp;bertragen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Access Token…</source>
        <translation>&amp;Zugriffstoken…</translation>
    </message>
    <message>
        <source>Git remote status</source>
        <translation>Status des Git-Remotes</translation>
    </message>
    <message>
        <source>The desktop keyring is not available (%1): a token is used for this session only and never written to a file.</source>
        <translation>Der Schlüsselbund der Arbeitsumgebung ist nicht verfügbar (%1): Ein Token gilt nur für diese Sitzung und wird nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>No remote</source>
        <translation>Kein Remote</translation>
    </message>
    <message>
        <source>%1 unreachable — working from the local clone</source>
        <translation>%1 nicht erreichbar — es wird mit dem lokalen Klon gearbeitet</translation>
    </message>
    <message>
        <source>%1 has diverged from %2: %3 to push, %4 to pull</source>
        <translation>%1 weicht von %2 ab: %3 zu übertragen, %4 nachzuziehen</translation>
    </message>
    <message>
        <source>Commits to push: %1</source>
        <translation>Zu übertragende Commits: %1</translation>
    </message>
    <message>
        <source>Commits behind %1: %2</source>
        <translation>Commits hinter %1: %2</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>Up to date with %1</source>
        <translation>Auf dem Stand von %1</translation>
    </message>
    <message>
        <source>Remote: %1</source>
        <translation>Remote: %1</translation>
    </message>
    <message>
        <source>The repository has no remote named origin.</source>
        <translation>Das Repository hat kein Remote namens origin.</translation>
    </message>
    <message>
        <source>Last fetched %1</source>
        <translation>Zuletzt abgerufen: %1</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>Nachziehen</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>%1 übertragen</translation>
    </message>
    <message numerus="yes">
        <source>Push %n commit(s) from %1 to %2?</source>
        <translation>
            <numerusform>%n Commit von %1 nach %2 übertragen?</numerusform>
            <numerusform>%n Commits von %1 nach %2 übertragen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Access Token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Token for %1 (kept in the desktop&apos;s keyring):</source>
        <translation>Token für %1 (im Schlüsselbund der Arbeitsumgebung gespeichert):</translation>
    </message>
</context>
<context>
    <name>capstan::ui::ResourceDiffList</name>
    <message>
        <source>Changed resources</source>
        <translation>Geänderte Ressourcen</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Desired (Git)</source>
        <translation>Soll (Git)</translation>
    </message>
</context>
<context>
    <name>capstan::ui::ResourceDiffModel</name>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>%1: %2, %3 added, %4 removed, %5 changed</source>
        <translation>%1: %2, %3 hinzugefügt, %4 entfernt, %5 geändert</translation>
    </message>
</context>
<context>
    <name>capstan::ui::ResourceTreeModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>capstan::ui::RollbackDialog</name>
    <message>
        <source>Confirm rollback</source>
        <translation>Rollback bestätigen</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>Rollback von %1</translation>
    </message>
    <message>
        <source>Image to roll back to</source>
        <translation>Image für den Rollback</translation>
    </message>
    <message>
        <source>Commit to revert</source>
        <translation>Rückgängig zu machender Commit</translation>
    </message>
    <message>
        <source>Rollback strategy</source>
        <translation>Rollback-Strategie</translation>
    </message>
    <message>
        <source>Rollback preview</source>
        <translation>Rollback-Vorschau</translation>
    </message>
    <message>
        <source>Rollback status</source>
        <translation>Rollback-Status</translation>
    </message>
    <message>
        <source>Reverts one commit; the commit reads &quot;revert: …&quot;.</source>
        <translation>Macht einen Commit rückgängig; die Commit-Nachricht lautet „revert: …“.</translation>
    </message>
    <message>
        <source>Revert:</source>
        <translation>Rückgängig machen:</translation>
    </message>
    <message>
        <source>Overrides the image in Git; the commit reads &quot;rollback: …&quot;.</source>
        <translation>Überschreibt das Image in Git; die Commit-Nachricht lautet „rollback: …“.</translation>
    </message>
    <message>
        <source>Set image:</source>
        <translation>Image setzen:</translation>
    </message>
    <message>
        <source>&amp;Git revert</source>
        <translation>&amp;Git-Revert</translation>
    </message>
    <message>
        <source>&amp;History rollback</source>
        <translation>Rollback aus dem &amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Image override</source>
        <translation>&amp;Image überschreiben</translation>
    </message>
    <message>
        <source>Loading the commits and images of %1…</source>
        <translation>Commits und Images von %1 werden geladen…</translation>
    </message>
    <message>
        <source>Will apply history entry #%1.</source>
        <translation>Geplant: Verlaufseintrag #%1 anwenden.</translation>
    </message>
    <message>
        <source>%1 (marked bad)</source>
        <translation>%1 (als schlecht markiert)</translation>
    </message>
    <message>
        <source>Choose a commit to revert.</source>
        <translation>Wählen Sie einen Commit, der rückgängig gemacht werden soll.</translation>
    </message>
    <message>
        <source>No image to suggest; choose one.</source>
        <translation>Kein Image zum Vorschlagen; wählen Sie eines.</translation>
    </message>
    <message>
        <source>Warning: %1 is flagged. Previewing…</source>
        <translation>Warnung: %1 ist markiert. Vorschau wird erstellt…</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>Vorschau wird erstellt…</translation>
    </message>
    <message>
        <source>Committed %1: %2</source>
        <translation>Commit %1 erstellt: %2</translation>
    </message>
    <message>
        <source>Will commit: %1</source>
        <translation>Geplanter Commit: %1</translation>
    </message>
    <message>
        <source>Rolling back to history entry #%1…</source>
        <translation>Wird auf Verlaufseintrag #%1 zurückgesetzt…</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Commit wird erstellt…</translation>
    </message>
</context>
<context>
    <name>capstan::ui::Status</name>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>OutOfSync</source>
        <translation>OutOfSync</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Requires pruning</source>
        <translation>Bereinigung nötig</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>Progressing</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Manual only</source>
        <translation>Nur manuell</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Gesperrt</translation>
    </message>
</context>
<context>
    <name>capstan::ui::SyncDialog</name>
    <message>
        <source>&amp;Prune resources no longer in Git</source>
        <translation>Nicht mehr in Git enthaltene Ressourcen be&amp;reinigen</translation>
    </message>
    <message>
        <source>D&amp;ry run (change nothing)</source>
        <translation>&amp;Probelauf (nichts ändern)</translation>
    </message>
    <message>
        <source>&amp;Selected resources only</source>
        <translation>Nur &amp;ausgewählte Ressourcen</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Terminate</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Sync %1</source>
        <translation>%1 synchronisieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → %2 (%3 %4) in %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → %2 (%3 %4) in %5</translation>
    </message>
    <message>
        <source>Sync window: %1</source>
        <translation>Sync-Fenster: %1</translation>
    </message>
    <message>
        <source>Sync window state</source>
        <translation>Zustand des Sync-Fensters</translation>
    </message>
    <message>
        <source>What the sync will change</source>
        <translation>Was der Sync ändern wird</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Desired (Git)</source>
        <translation>Soll (Git)</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Sync-Fortschritt</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Resources to sync</source>
        <translation>Zu synchronisierende Ressourcen</translation>
    </message>
    <message>
        <source>Sync result</source>
        <translation>Sync-Ergebnis</translation>
    </message>
    <message>
        <source>Terminating…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The sync is running.</source>
        <translation>Der Sync läuft.</translation>
    </message>
    <message>
        <source>The application has errors that stop a sync.</source>
        <translation>Die Anwendung hat Fehler, die einen Sync verhindern.</translation>
    </message>
    <message>
        <source>Sync is blocked — sync window: %1</source>
        <translation>Sync ist gesperrt — Sync-Fenster: %1</translation>
    </message>
    <message>
        <source>Starting the sync…</source>
        <translation>Der Sync wird gestartet…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>capstan::ui::SyncWindowCalendar</name>
    <message>
        <source>Sync-window calendar</source>
        <translation>Sync-Fenster-Kalender</translation>
    </message>
    <message>
        <source>%1 %2 – %3</source>
        <translation>%1 %2 – %3</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>sperren</translation>
    </message>
    <message>
        <source>deny (manual sync allowed)</source>
        <translation>sperren (manueller Sync erlaubt)</translation>
    </message>
    <message>
        <source>deny, manual sync allowed</source>
        <translation>sperren, manueller Sync erlaubt</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>capstan::ui::YamlView</name>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop GitOps deployment console</source>
        <translation>Desktop-Konsole für GitOps-Deployments</translation>
    </message>
    <message>
        <source>A GitOps repository to open, or a manifest to view (default: the demo workspace).</source>
        <translation>Ein zu öffnendes GitOps-Repository oder ein anzuzeigendes Manifest (Vorgabe: der Demo-Arbeitsbereich).</translation>
    </message>
</context>
</TS>
