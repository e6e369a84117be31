<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>capstan::ui::MainWindow</name>
    <message>
        <source>Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a manifest with File → Open Manifest… (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Manifest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Capstan %1&lt;/h3&gt;&lt;p&gt;A desktop console for GitOps deployments: what Git wants, what the cluster runs, and the way between them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ui::YamlView</name>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop GitOps deployment console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manifest to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
