<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>capstan::ui::AppTreePanel</name>
    <message numerus="yes">
        <source>%n application(s): </source>
        <translation>
            <numerusform>%n application: </numerusform>
            <numerusform>%n applications: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::ApplicationPage</name>
    <message numerus="yes">
        <source>required: %n approver(s), typed name and note</source>
        <translation>
            <numerusform>required: %n approver, typed name and note</numerusform>
            <numerusform>required: %n approvers, typed name and note</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::ApprovalGate</name>
    <message numerus="yes">
        <source>The project requires %n different approver(s).</source>
        <translation>
            <numerusform>The project requires %n different approver.</numerusform>
            <numerusform>The project requires %n different approvers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::DiffArea</name>
    <message numerus="yes">
        <source>⋯ %n unchanged lines</source>
        <translation>
            <numerusform>⋯ %n unchanged line</numerusform>
            <numerusform>⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::EngineWorker</name>
    <message numerus="yes">
        <source>%1 moved forward by %n commit(s).</source>
        <translation>
            <numerusform>%1 moved forward by %n commit.</numerusform>
            <numerusform>%1 moved forward by %n commits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The remote had moved on: %n commit(s) replayed on its tip and pushed (%1 is now %2).</source>
        <translation>
            <numerusform>The remote had moved on: %n commit replayed on its tip and pushed (%1 is now %2).</numerusform>
            <numerusform>The remote had moved on: %n commits replayed on its tip and pushed (%1 is now %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n application</numerusform>
            <numerusform>%n applications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ui::RemoteController</name>
    <message numerus="yes">
        <source>Push %n commit(s) from %1 to %2?</source>
        <translation>
            <numerusform>Push %n commit from %1 to %2?</numerusform>
            <numerusform>Push %n commits from %1 to %2?</numerusform>
        </translation>
    </message>
</context>
</TS>
