<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln paragraphs</source>
        <translation>
            <numerusform>%Ln paragraph</numerusform>
            <numerusform>%Ln paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>%Ln block</numerusform>
            <numerusform>%Ln blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln derivatives of %1</source>
        <translation>
            <numerusform>%Ln derivative of %1</numerusform>
            <numerusform>%Ln derivatives of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>among %Ln documents</source>
        <translation>
            <numerusform>among %Ln document</numerusform>
            <numerusform>among %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files skipped</source>
        <translation>
            <numerusform>%Ln file skipped</numerusform>
            <numerusform>%Ln files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln other documents compared</source>
        <translation>
            <numerusform>Show the %Ln other document compared</numerusform>
            <numerusform>Show the %Ln other documents compared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message numerus="yes">
        <source>%n quotations: %1 verbatim, %2 altered, %3 with no source</source>
        <translation>
            <numerusform>%n quotation: %1 verbatim, %2 altered, %3 with no source</numerusform>
            <numerusform>%n quotations: %1 verbatim, %2 altered, %3 with no source</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message numerus="yes">
        <source>Longest verbatim run: %n words</source>
        <translation>
            <numerusform>Longest verbatim run: %n word</numerusform>
            <numerusform>Longest verbatim run: %n words</numerusform>
        </translation>
    </message>
</context>
</TS>
