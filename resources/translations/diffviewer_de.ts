<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ComparisonView</name>
    <message>
        <source>Original ¶ %1 → derivative ¶ %2</source>
        <translation>Original ¶ %1 → Ableitung ¶ %2</translation>
    </message>
    <message>
        <source>Similarity: %1% (%2)</source>
        <translation>Ähnlichkeit: %1% (%2)</translation>
    </message>
    <message>
        <source>Quotation (%1): %2</source>
        <translation>Zitat (%1): %2</translation>
    </message>
    <message>
        <source>Drop the original here
or choose File ▸ Open Original… (Ctrl+O)</source>
        <translation>Original hier ablegen
oder Datei ▸ Original öffnen… wählen (Strg+O)</translation>
    </message>
    <message>
        <source>Drop the derivative here
or choose File ▸ Open Derivative… (Ctrl+Shift+O)</source>
        <translation>Ableitung hier ablegen
oder Datei ▸ Ableitung öffnen… wählen (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Inline: </source>
        <translation>Fortlaufend: </translation>
    </message>
    <message>
        <source> (paragraph numbers are the derivative&apos;s; (n): an original paragraph it dropped)</source>
        <translation> (Absatznummern der Ableitung; (n): ein Absatz des Originals, den sie weggelassen hat)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>Ableitung</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>Moved phrase %1: kept by the derivative, in its paragraph %2</source>
        <translation>Verschobene Wortgruppe %1: von der Ableitung beibehalten, in ihrem Absatz %2</translation>
    </message>
    <message>
        <source>Moved phrase %1: moved here from paragraph %2 of the original</source>
        <translation>Verschobene Wortgruppe %1: hierher verschoben aus Absatz %2 des Originals</translation>
    </message>
    <message>
        <source>Moved phrase %1: moved here from elsewhere in the original</source>
        <translation>Verschobene Wortgruppe %1: hierher verschoben von einer anderen Stelle des Originals</translation>
    </message>
    <message>
        <source>Moved phrase %1: the original had these words here; the derivative has them elsewhere in this block</source>
        <translation>Verschobene Wortgruppe %1: Das Original hatte diese Wörter hier; die Ableitung hat sie an anderer Stelle in diesem Block</translation>
    </message>
    <message>
        <source>Moved phrase %1: kept by the derivative, elsewhere in this block</source>
        <translation>Verschobene Wortgruppe %1: von der Ableitung beibehalten, an anderer Stelle in diesem Block</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln paragraphs</source>
        <translation>
            <numerusform>%Ln Absatz</numerusform>
            <numerusform>%Ln Absätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>%Ln Block</numerusform>
            <numerusform>%Ln Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln Änderung</numerusform>
            <numerusform>%Ln Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln derivatives of %1</source>
        <translation>
            <numerusform>%Ln Ableitung von %1</numerusform>
            <numerusform>%Ln Ableitungen von %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>among %Ln documents</source>
        <translation>
            <numerusform>unter %Ln Dokument</numerusform>
            <numerusform>unter %Ln Dokumenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files skipped</source>
        <translation>
            <numerusform>%Ln Datei übersprungen</numerusform>
            <numerusform>%Ln Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln other documents compared</source>
        <translation>
            <numerusform>Das %Ln andere verglichene Dokument zeigen</numerusform>
            <numerusform>Die %Ln anderen verglichenen Dokumente zeigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Text in either document</source>
        <translation>Text in einem der beiden Dokumente</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>¶%1 in %2: still comparing…</source>
        <translation>¶%1 in %2: wird noch verglichen…</translation>
    </message>
    <message>
        <source>¶%1 in %2: %3</source>
        <translation>¶%1 in %2: %3</translation>
    </message>
    <message>
        <source>(similarity %1%)</source>
        <translation>(Ähnlichkeit %1%)</translation>
    </message>
    <message>
        <source>moved to another place</source>
        <translation>an eine andere Stelle verschoben</translation>
    </message>
    <message>
        <source>a quotation from it was altered</source>
        <translation>ein Zitat daraus wurde verändert</translation>
    </message>
    <message>
        <source>moved (left edge)</source>
        <translation>verschoben (linker Rand)</translation>
    </message>
    <message>
        <source>Corner flag: a quotation from that paragraph was altered. Below each column: +N new paragraphs, “N” quotations with no source in the original.</source>
        <translation>Eckmarkierung: Ein Zitat aus diesem Absatz wurde verändert. Unter jeder Spalte: +N neue Absätze, “N” Zitate ohne Quelle im Original.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Blocks: the band colour between the panes. Words: removed words are struck out, added words underlined; a replacement is shown in orange on both sides; words the derivative kept but moved are shown in green at both places (hover one to outline both). A dashed band joins two paragraphs in different blocks that share text (a sentence moved between them, or a paragraph split across two).</source>
        <translation>Blöcke: die Farbe des Bands zwischen den Spalten. Wörter: Entfernte Wörter sind durchgestrichen, hinzugefügte unterstrichen; eine Ersetzung erscheint auf beiden Seiten orange; Wörter, die die Ableitung beibehalten, aber verschoben hat, erscheinen an beiden Stellen grün (mit der Maus auf eine Stelle zeigen, um beide zu umranden). Ein gestricheltes Band verbindet zwei Absätze in verschiedenen Blöcken, die Text gemeinsam haben (ein Satz wurde zwischen ihnen verschoben oder ein Absatz auf zwei aufgeteilt).</translation>
    </message>
    <message>
        <source>removed word</source>
        <translation>entferntes Wort</translation>
    </message>
    <message>
        <source>added word</source>
        <translation>hinzugefügtes Wort</translation>
    </message>
    <message>
        <source>moved words</source>
        <translation>verschobene Wörter</translation>
    </message>
    <message>
        <source>shares text across blocks</source>
        <translation>blockübergreifend geteilter Text</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Documents past these limits are not compared until you choose to go on anyway.</source>
        <translation>Dokumente über diesen Grenzen werden erst verglichen, wenn Sie sich entscheiden, trotzdem fortzufahren.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest file:</source>
        <translation>Größte Datei:</translation>
    </message>
    <message>
        <source>Maximum paragraphs:</source>
        <translation>Höchstzahl der Absätze:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>reStructuredText</source>
        <translation>reStructuredText</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Word documents</source>
        <translation>Word-Dokumente</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument-Text</translation>
    </message>
    <message>
        <source>RTF documents</source>
        <translation>RTF-Dokumente</translation>
    </message>
    <message>
        <source>EPUB books</source>
        <translation>EPUB-Bücher</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>All files, source code included</source>
        <translation>Alle Dateien, auch Quelltext</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Derivatives Found</source>
        <translation>Gefundene Ableitungen</translation>
    </message>
    <message>
        <source>Open or drop two documents to compare them.</source>
        <translation>Öffnen Sie zwei Dokumente oder legen Sie sie hier ab, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the comparison (Esc)</source>
        <translation>Vergleich abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Open &amp;Original…</source>
        <translation>&amp;Original öffnen…</translation>
    </message>
    <message>
        <source>Choose the original document</source>
        <translation>Dokument als Original auswählen</translation>
    </message>
    <message>
        <source>Open &amp;Derivative…</source>
        <translation>Ab&amp;leitung öffnen…</translation>
    </message>
    <message>
        <source>Choose the derivative document</source>
        <translation>Dokument als Ableitung auswählen</translation>
    </message>
    <message>
        <source>&amp;Swap Sides</source>
        <translation>Seiten &amp;tauschen</translation>
    </message>
    <message>
        <source>Make the derivative the original and back</source>
        <translation>Die Ableitung zum Original machen und umgekehrt</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read both files again</source>
        <translation>Beide Dateien neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Cancel Comparison</source>
        <translation>Vergleich &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Add Derivatives…</source>
        <translation>Ableitungen &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Compare more documents with the original</source>
        <translation>Weitere Dokumente mit dem Original vergleichen</translation>
    </message>
    <message>
        <source>F&amp;ind Derivatives…</source>
        <translation>Ableitungen s&amp;uchen…</translation>
    </message>
    <message>
        <source>Search a folder for documents derived from the original</source>
        <translation>Einen Ordner nach Dokumenten durchsuchen, die vom Original abgeleitet sind</translation>
    </message>
    <message>
        <source>Re&amp;move Derivative</source>
        <translation>Ableitung &amp;entfernen</translation>
    </message>
    <message>
        <source>Stop comparing the shown derivative</source>
        <translation>Die angezeigte Ableitung nicht mehr vergleichen</translation>
    </message>
    <message>
        <source>&amp;Sort Derivatives by Similarity</source>
        <translation>Ableitungen nach Ähnlichkeit &amp;sortieren</translation>
    </message>
    <message>
        <source>Most similar first</source>
        <translation>Ähnlichste zuerst</translation>
    </message>
    <message>
        <source>Ne&amp;xt Derivative</source>
        <translation>&amp;Nächste Ableitung</translation>
    </message>
    <message>
        <source>Pre&amp;vious Derivative</source>
        <translation>&amp;Vorherige Ableitung</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save the comparison as HTML, PDF, JSON or text</source>
        <translation>Den Vergleich als HTML, PDF, JSON oder Text speichern</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Copy Block</source>
        <translation>Block &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected block&apos;s text</source>
        <translation>Den Text des ausgewählten Blocks kopieren</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>&amp;Nächste Änderung</translation>
    </message>
    <message>
        <source>Go to the next change</source>
        <translation>Zur nächsten Änderung springen</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>&amp;Vorherige Änderung</translation>
    </message>
    <message>
        <source>Go to the previous change</source>
        <translation>Zur vorherigen Änderung springen</translation>
    </message>
    <message>
        <source>Go to the next moved paragraph</source>
        <translation>Zum nächsten verschobenen Absatz springen</translation>
    </message>
    <message>
        <source>Next &amp;Moved Paragraph</source>
        <translation>Nächster ve&amp;rschobener Absatz</translation>
    </message>
    <message>
        <source>Previous Mo&amp;ved Paragraph</source>
        <translation>Vorheriger verschobener A&amp;bsatz</translation>
    </message>
    <message>
        <source>Go to the previous moved paragraph</source>
        <translation>Zum vorherigen verschobenen Absatz springen</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Inline</source>
        <translation>&amp;Fortlaufend</translation>
    </message>
    <message>
        <source>Ignore &amp;Case</source>
        <translation>&amp;Groß-/Kleinschreibung ignorieren</translation>
    </message>
    <message>
        <source>Ignore &amp;Punctuation</source>
        <translation>&amp;Satzzeichen ignorieren</translation>
    </message>
    <message>
        <source>Ignore &amp;Whitespace</source>
        <translation>&amp;Leerraum ignorieren</translation>
    </message>
    <message>
        <source>Show &amp;Typographic Changes</source>
        <translation>&amp;Typografische Änderungen zeigen</translation>
    </message>
    <message>
        <source>Show curly or straight quotes, dashes and hyphenation (open sourced, open-sourced) as changes</source>
        <translation>Geschwungene oder gerade Anführungszeichen, Striche und Bindestrich-Schreibung (E Mail, E-Mail) als Änderungen zeigen</translation>
    </message>
    <message>
        <source>Compare &amp;Words</source>
        <translation>&amp;Wörter vergleichen</translation>
    </message>
    <message>
        <source>Compare C&amp;haracters</source>
        <translation>&amp;Zeichen vergleichen</translation>
    </message>
    <message>
        <source>Show &amp;Markup Source</source>
        <translation>Markup als &amp;Quelltext zeigen</translation>
    </message>
    <message>
        <source>Show Markdown and reStructuredText as source with syntax colours, not as text</source>
        <translation>Markdown und reStructuredText als Quelltext mit Syntaxfarben zeigen, nicht als Text</translation>
    </message>
    <message>
        <source>&amp;Wrap Lines</source>
        <translation>Zeilen &amp;umbrechen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>&amp;About diffviewer</source>
        <translation>&amp;Über diffviewer</translation>
    </message>
    <message>
        <source>&amp;Limits…</source>
        <translation>Gr&amp;enzen…</translation>
    </message>
    <message>
        <source>Largest file and most paragraphs compared without asking</source>
        <translation>Größte Datei und höchste Absatzzahl, die ohne Rückfrage verglichen werden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Derivatives</source>
        <translation>Ab&amp;leitungen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Comparing %1 of %2… %p%</source>
        <translation>Vergleich %1 von %2… %p%</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Comparing… %p%</source>
        <translation>Wird verglichen… %p%</translation>
    </message>
    <message>
        <source>Comparing with %1…</source>
        <translation>Vergleich mit %1…</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>Compare Anyway</source>
        <translation>Trotzdem vergleichen</translation>
    </message>
    <message>
        <source>%1 could not be compared. Open or drop another derivative.</source>
        <translation>%1 konnte nicht verglichen werden. Öffnen Sie eine andere Ableitung oder legen Sie sie hier ab.</translation>
    </message>
    <message>
        <source>Comparison with %1 cancelled. Open or drop another derivative.</source>
        <translation>Vergleich mit %1 abgebrochen. Öffnen Sie eine andere Ableitung oder legen Sie sie hier ab.</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot open: %1</source>
        <translation>Öffnen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Open or drop a second document to compare.</source>
        <translation>Öffnen Sie ein zweites Dokument oder legen Sie es hier ab, um zu vergleichen.</translation>
    </message>
    <message>
        <source>Similarity: the share of the original&apos;s words that survive in the derivative.</source>
        <translation>Ähnlichkeit: der Anteil der Wörter des Originals, die in der Ableitung erhalten bleiben.</translation>
    </message>
    <message>
        <source>%1 was removed or renamed on disk; showing the version read before.</source>
        <translation>%1 wurde auf dem Datenträger entfernt oder umbenannt; die zuvor gelesene Fassung wird angezeigt.</translation>
    </message>
    <message>
        <source>%1 changed on disk and was reloaded.</source>
        <translation>%1 wurde auf dem Datenträger geändert und neu geladen.</translation>
    </message>
    <message>
        <source>Open Original</source>
        <translation>Original öffnen</translation>
    </message>
    <message>
        <source>Open Derivative</source>
        <translation>Ableitung öffnen</translation>
    </message>
    <message>
        <source>Add Derivatives</source>
        <translation>Ableitungen hinzufügen</translation>
    </message>
    <message>
        <source>%1 is a folder; drop files to compare.</source>
        <translation>%1 ist ein Ordner; legen Sie Dateien zum Vergleichen ab.</translation>
    </message>
    <message>
        <source>No recent comparisons</source>
        <translation>Keine früheren Vergleiche</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>No more changes below.</source>
        <translation>Weiter unten keine Änderungen mehr.</translation>
    </message>
    <message>
        <source>No more changes above.</source>
        <translation>Weiter oben keine Änderungen mehr.</translation>
    </message>
    <message>
        <source>No moved paragraph below.</source>
        <translation>Weiter unten kein verschobener Absatz mehr.</translation>
    </message>
    <message>
        <source>No moved paragraph above.</source>
        <translation>Weiter oben kein verschobener Absatz mehr.</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message>
        <source>Block similarity %1% (%2)</source>
        <translation>Blockähnlichkeit %1% (%2)</translation>
    </message>
    <message>
        <source>Block: %1</source>
        <translation>Block: %1</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>About diffviewer</source>
        <translation>Über diffviewer</translation>
    </message>
    <message>
        <source>diffviewer %1

See how a document was reworded.</source>
        <translation>diffviewer %1

Sehen Sie, wie ein Dokument umformuliert wurde.</translation>
    </message>
    <message>
        <source>Find Derivatives in Folder</source>
        <translation>Ableitungen in einem Ordner suchen</translation>
    </message>
    <message>
        <source>Cannot search for derivatives: %1</source>
        <translation>Suche nach Ableitungen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>OverviewRuler</name>
    <message>
        <source>Where the changes are: click to jump there</source>
        <translation>Wo die Änderungen sind: klicken, um dorthin zu springen</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <source>Only altered or unsourced</source>
        <translation>Nur veränderte und quellenlose</translation>
    </message>
    <message>
        <source>Show only the quotations that were altered and those with no source</source>
        <translation>Nur veränderte Zitate und solche ohne Quelle zeigen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>¶</source>
        <translation>¶</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Quotations appear here once two documents are compared.</source>
        <translation>Zitate erscheinen hier, sobald zwei Dokumente verglichen wurden.</translation>
    </message>
    <message>
        <source>Quotations not checked: string literals in a program are not quotations.</source>
        <translation>Zitate nicht geprüft: Zeichenkettenliterale in einem Programm sind keine Zitate.</translation>
    </message>
    <message numerus="yes">
        <source>%n quotations: %1 verbatim, %2 altered, %3 with no source</source>
        <translation>
            <numerusform>%n Zitat: %1 wörtlich, %2 verändert, %3 ohne Quelle</numerusform>
            <numerusform>%n Zitate: %1 wörtlich, %2 verändert, %3 ohne Quelle</numerusform>
        </translation>
    </message>
    <message>
        <source>The original never says this.</source>
        <translation>Das steht nirgends im Original.</translation>
    </message>
    <message>
        <source>Word for word in original ¶%1.</source>
        <translation>Wörtlich im Original ¶%1.</translation>
    </message>
    <message>
        <source>Original ¶%1 says:</source>
        <translation>Im Original ¶%1 steht:</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Finding files…</source>
        <translation>Dateien werden gesucht…</translation>
    </message>
    <message>
        <source>Reading files %1 of %2</source>
        <translation>Dateien werden gelesen: %1 von %2</translation>
    </message>
    <message>
        <source>Looking for candidates…</source>
        <translation>Kandidaten werden gesucht…</translation>
    </message>
    <message>
        <source>Comparing %1 of %2</source>
        <translation>Wird verglichen: %1 von %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the search; the documents read so far stay in the index</source>
        <translation>Suche beenden; die bisher gelesenen Dokumente bleiben im Index</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Of the original</source>
        <translation>Vom Original</translation>
    </message>
    <message>
        <source>From the original</source>
        <translation>Aus dem Original</translation>
    </message>
    <message>
        <source>Quotations</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>How much of the original the document holds</source>
        <translation>Wie viel des Originals das Dokument enthält</translation>
    </message>
    <message>
        <source>How much of the document comes from the original</source>
        <translation>Wie viel des Dokuments aus dem Original stammt</translation>
    </message>
    <message>
        <source>Its quotations, checked against the original</source>
        <translation>Seine Zitate, am Original geprüft</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>Warum sie übersprungen wurde</translation>
    </message>
    <message>
        <source>The closest documents that were compared and judged not to derive</source>
        <translation>Die ähnlichsten verglichenen Dokumente, die nicht als abgeleitet gelten</translation>
    </message>
    <message>
        <source>Open Comparison</source>
        <translation>Vergleich öffnen</translation>
    </message>
    <message>
        <source>Compare the original with the selected document (double click)</source>
        <translation>Das Original mit dem gewählten Dokument vergleichen (Doppelklick)</translation>
    </message>
    <message>
        <source>Add as Derivatives</source>
        <translation>Als Ableitungen hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected documents (or, with none selected, every derivative) as tabs</source>
        <translation>Die gewählten Dokumente (oder, wenn keines gewählt ist, alle Ableitungen) als Reiter hinzufügen</translation>
    </message>
    <message>
        <source>File ▸ Find Derivatives… searches a folder for documents derived from the original.</source>
        <translation>Datei ▸ Ableitungen suchen… durchsucht einen Ordner nach Dokumenten, die vom Original abgeleitet sind.</translation>
    </message>
    <message>
        <source>Searched %1 in %2 s: %3 files read, %4 unchanged since the last search</source>
        <translation>%1 in %2 s durchsucht: %3 Dateien gelesen, %4 seit der letzten Suche unverändert</translation>
    </message>
    <message>
        <source>Searching %1 for derivatives of %2…</source>
        <translation>%1 wird nach Ableitungen von %2 durchsucht…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1
Paragraphs linked with the original: %2
The original&apos;s words kept word for word: %3</source>
        <translation>%1
Mit dem Original verknüpfte Absätze: %2
Wörtlich übernommene Wörter des Originals: %3</translation>
    </message>
    <message>
        <source>derives from another</source>
        <translation>von einem anderen abgeleitet</translation>
    </message>
    <message>
        <source>Shares text with the original, but is far closer to %1</source>
        <translation>Teilt Text mit dem Original, steht aber %1 viel näher</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Changed names and numbers:</source>
        <translation>Geänderte Namen und Zahlen:</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>Ableitung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>The summary appears once two documents are compared.</source>
        <translation>Die Zusammenfassung erscheint, sobald zwei Dokumente verglichen wurden.</translation>
    </message>
    <message>
        <source>Of the original: %1 kept word for word, %2 reworded, %3 dropped</source>
        <translation>Vom Original: %1 wörtlich beibehalten, %2 umformuliert, %3 weggelassen</translation>
    </message>
    <message>
        <source>Of the derivative: %1 is new (no source)</source>
        <translation>Von der Ableitung: %1 ist neu (ohne Quelle)</translation>
    </message>
    <message>
        <source>Blocks: %1 copied, %2 lightly edited, %3 reworded, %4 new, %5 dropped</source>
        <translation>Blöcke: %1 kopiert, %2 leicht bearbeitet, %3 umformuliert, %4 neu, %5 weggelassen</translation>
    </message>
    <message numerus="yes">
        <source>Longest verbatim run: %n words</source>
        <translation>
            <numerusform>Längste wörtliche Passage: %n Wort</numerusform>
            <numerusform>Längste wörtliche Passage: %n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <source>No names or numbers were swapped.</source>
        <translation>Keine Namen oder Zahlen wurden ausgetauscht.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <source>lightly edited</source>
        <translation>leicht bearbeitet</translation>
    </message>
    <message>
        <source>reworded</source>
        <translation>umformuliert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>weggelassen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>edited or reworded</source>
        <translation>bearbeitet oder umformuliert</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>verbatim</source>
        <translation>wörtlich</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>verändert</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>ohne Quelle</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <source>light edit</source>
        <translation>leichte Bearbeitung</translation>
    </message>
    <message>
        <source>rewrite</source>
        <translation>Umformulierung</translation>
    </message>
    <message>
        <source>excerpt</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <source>does not derive</source>
        <translation>nicht abgeleitet</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word-Dokument</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument-Text</translation>
    </message>
    <message>
        <source>RTF</source>
        <translation>RTF</translation>
    </message>
    <message>
        <source>EPUB book</source>
        <translation>EPUB-Buch</translation>
    </message>
    <message>
        <source>source code</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <source> (%1 of them moved)</source>
        <translation> (davon %1 verschoben)</translation>
    </message>
    <message>
        <source>Words: %1 kept%2, %3 changed, %4 added, %5 removed</source>
        <translation>Wörter: %1 beibehalten%2, %3 geändert, %4 hinzugefügt, %5 entfernt</translation>
    </message>
    <message>
        <source>Paragraphs: %1 moved, %2 added, %3 removed</source>
        <translation>Absätze: %1 verschoben, %2 hinzugefügt, %3 entfernt</translation>
    </message>
    <message>
        <source>Similarity %1%</source>
        <translation>Ähnlichkeit %1%</translation>
    </message>
</context>
</TS>
