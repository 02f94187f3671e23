<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message numerus="yes">
        <source>%n conflict(s) wait for a reviewer: a package brought a newer version of a record that had also been changed here since it was last imported.</source>
        <translation>
            <numerusform>%n conflict waits for a reviewer: a package brought a newer version of a record that had also been changed here since it was last imported.</numerusform>
            <numerusform>%n conflicts wait for a reviewer: a package brought a newer version of records that had also been changed here since they were last imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ.</source>
        <translation>
            <numerusform>%n field differs.</numerusform>
            <numerusform>%n fields differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message numerus="yes">
        <source>%n pair(s) to review.</source>
        <translation>
            <numerusform>%n pair to review.</numerusform>
            <numerusform>%n pairs to review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message numerus="yes">
        <source>Not saved: %n problem(s) to correct, listed above.</source>
        <translation>
            <numerusform>Not saved: %n problem to correct, listed above.</numerusform>
            <numerusform>Not saved: %n problems to correct, listed above.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message numerus="yes">
        <source>%n record(s) already in the database may be this person.</source>
        <translation>
            <numerusform>%n record already in the database may be this person.</numerusform>
            <numerusform>%n records already in the database may be this person.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnidentifiedDialog</name>
    <message numerus="yes">
        <source>%n victim(s) will be added.</source>
        <translation>
            <numerusform>%n victim will be added.</numerusform>
            <numerusform>%n victims will be added.</numerusform>
        </translation>
    </message>
</context>
</TS>
