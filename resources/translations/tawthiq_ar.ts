<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator account</source>
        <translation>حساب مدير النظام</translation>
    </message>
    <message>
        <source>The first account manages the others.</source>
        <translation>الحساب الأول هو الذي يدير الحسابات الأخرى.</translation>
    </message>
    <message>
        <source>The administrator creates the accounts of the documenters and reviewers who use this database, and may do everything they do. Every change is recorded under the name of the account that made it. Choose a password you will remember: it cannot be recovered.</source>
        <translation>ينشئ مدير النظام حسابات الموثّقين والمراجعين الذين يستخدمون قاعدة البيانات هذه، ويستطيع القيام بكل ما يقومون به. يُسجَّل كل تعديل باسم الحساب الذي أجراه. اختر كلمة مرور تتذكرها: لا يمكن استعادتها إن نُسيت.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>اسم المستخدم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>أعد كتابة كلمة المرور:</translation>
    </message>
    <message>
        <source>one word, for instance amal</source>
        <translation>كلمة واحدة بلا مسافات، مثل: أمل</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>%n حرف على الأقل</numerusform>
            <numerusform>حرف واحد على الأقل</numerusform>
            <numerusform>حرفان على الأقل</numerusform>
            <numerusform>%n أحرف على الأقل</numerusform>
            <numerusform>%n حرفاً على الأقل</numerusform>
            <numerusform>%n حرف على الأقل</numerusform>
        </translation>
    </message>
    <message>
        <source>A user name is one word, without spaces.</source>
        <translation>اسم المستخدم كلمة واحدة بلا مسافات.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>تحتاج كلمة المرور إلى %n حرف على الأقل.</numerusform>
            <numerusform>تحتاج كلمة المرور إلى حرف واحد على الأقل.</numerusform>
            <numerusform>تحتاج كلمة المرور إلى حرفين على الأقل.</numerusform>
            <numerusform>تحتاج كلمة المرور إلى %n أحرف على الأقل.</numerusform>
            <numerusform>تحتاج كلمة المرور إلى %n حرفاً على الأقل.</numerusform>
            <numerusform>تحتاج كلمة المرور إلى %n حرف على الأقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>كلمتا المرور مختلفتان؛ اكتب كلمة المرور نفسها مرتين.</translation>
    </message>
</context>
<context>
    <name>AppStart</name>
    <message>
        <source>%1 is already open in another Tawthiq window%2. It is opened here read-only: you can read, but not save.</source>
        <translation>⁨%1⁩ مفتوحة في نافذة أخرى من توثيق⁨%2⁩. فُتحت هنا للقراءة فقط: يمكنك القراءة دون الحفظ.</translation>
    </message>
    <message>
        <source> (process %1)</source>
        <translation> (العملية ⁨%1⁩)</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Change %1</source>
        <translation>تعديل ⁨%1⁩</translation>
    </message>
    <message>
        <source>Change %1 of a victim</source>
        <translation>تعديل ⁨%1⁩ لضحية</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Incident identifier</source>
        <translation>معرّف الحادثة</translation>
    </message>
    <message>
        <source>Victim identifier</source>
        <translation>معرّف الضحية</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>آخر تعديل</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>أدخله</translation>
    </message>
    <message>
        <source>Database of origin</source>
        <translation>قاعدة البيانات الأصلية</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>حالة المراجعة</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Date known to the</source>
        <translation>دقة التاريخ</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>District</source>
        <translation>المنطقة</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>الناحية</translation>
    </message>
    <message>
        <source>Locality</source>
        <translation>البلدة أو الحي</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>خط العرض</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>خط الطول</translation>
    </message>
    <message>
        <source>Means of attack</source>
        <translation>وسيلة الهجوم</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>الجهة المرتكبة</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>إسناد المسؤولية</translation>
    </message>
    <message>
        <source>Facility hit</source>
        <translation>المنشأة المستهدفة</translation>
    </message>
    <message>
        <source>Reported deaths</source>
        <translation>عدد القتلى المُبلَّغ عنه</translation>
    </message>
    <message>
        <source>Number of sources</source>
        <translation>عدد المصادر</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>Grandfather&apos;s name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>الكنية</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>الاسم بالأحرف اللاتينية</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Civilian</source>
        <translation>مدني</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>المهنة</translation>
    </message>
    <message>
        <source>Governorate of origin</source>
        <translation>محافظة المنشأ</translation>
    </message>
    <message>
        <source>Locality of origin</source>
        <translation>بلدة المنشأ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>قتيل أو جريح</translation>
    </message>
    <message>
        <source>Death date</source>
        <translation>تاريخ الوفاة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>From package</source>
        <translation>من الحزمة</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>اكتُشف في</translation>
    </message>
    <message>
        <source>%1, exported %2 by the database %3</source>
        <translation>%1، صُدِّرت في %2 من قاعدة البيانات %3</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <source>Victim: %1</source>
        <translation>ضحية: %1</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>مجهول الاسم</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Ours (here)</source>
        <translation>نسختنا (هنا)</translation>
    </message>
    <message>
        <source>Theirs (incoming)</source>
        <translation>نسختهم (الواردة)</translation>
    </message>
    <message>
        <source>Ours (here), version %1</source>
        <translation>نسختنا (هنا)، الإصدار %1</translation>
    </message>
    <message>
        <source>Theirs (incoming), version %1</source>
        <translation>نسختهم (الواردة)، الإصدار %1</translation>
    </message>
    <message>
        <source>The two versions differ here</source>
        <translation>تختلف النسختان هنا</translation>
    </message>
    <message>
        <source>Only the fields that differ</source>
        <translation>الحقول المختلفة فقط</translation>
    </message>
    <message>
        <source>Conflicts waiting for a reviewer</source>
        <translation>تعارضات بانتظار المراجع</translation>
    </message>
    <message>
        <source>Our version and theirs, field by field</source>
        <translation>نسختنا ونسختهم، حقلاً حقلاً</translation>
    </message>
    <message>
        <source>&amp;Keep ours</source>
        <translation>&amp;إبقاء نسختنا</translation>
    </message>
    <message>
        <source>The record stays as it is here; their version is set aside.</source>
        <translation>يبقى السجل كما هو هنا، وتُترك نسختهم جانباً.</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;اعتماد نسختهم</translation>
    </message>
    <message>
        <source>Their version replaces the record here.</source>
        <translation>تحلّ نسختهم محلّ السجل هنا.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a reviewer: a package brought a newer version of a record that had also been changed here since it was last imported.</source>
        <translation>
            <numerusform>لا تعارضات بانتظار المراجع (%n).</numerusform>
            <numerusform>تعارض واحد بانتظار المراجع: جاءت حزمة بنسخة أحدث من سجل عُدِّل هنا أيضاً منذ آخر استيراد له.</numerusform>
            <numerusform>تعارضان بانتظار المراجع: جاءت حزمة بنسخة أحدث من سجل عُدِّل هنا أيضاً منذ آخر استيراد له.</numerusform>
            <numerusform>%n تعارضات بانتظار المراجع: جاءت حزمة بنسخة أحدث من سجل عُدِّل هنا أيضاً منذ آخر استيراد له.</numerusform>
            <numerusform>%n تعارضاً بانتظار المراجع: جاءت حزمة بنسخة أحدث من سجل عُدِّل هنا أيضاً منذ آخر استيراد له.</numerusform>
            <numerusform>%n تعارض بانتظار المراجع: جاءت حزمة بنسخة أحدث من سجل عُدِّل هنا أيضاً منذ آخر استيراد له.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: every imported record agrees with the copy here.</source>
        <translation>لا تعارضات: كل سجل مستورد يوافق النسخة الموجودة هنا.</translation>
    </message>
    <message>
        <source>The conflicts could not be read: %1</source>
        <translation>تعذّرت قراءة التعارضات: %1</translation>
    </message>
    <message>
        <source>The incident of %1 in %2</source>
        <translation>حادثة %1 في %2</translation>
    </message>
    <message>
        <source>%1, victim of the incident of %2 in %3</source>
        <translation>%1، ضحية حادثة %2 في %3،</translation>
    </message>
    <message>
        <source>An unnamed victim</source>
        <translation>ضحية مجهولة الاسم</translation>
    </message>
    <message>
        <source>was changed here (version %1) and in %2 (version %3, package %4 exported %5). Found at the import of %6.</source>
        <translation>عُدِّل هنا (الإصدار %1) وفي %2 (الإصدار %3، الحزمة %4 المصدَّرة في %5). اكتُشف التعارض عند استيراد %6.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ.</source>
        <translation>
            <numerusform>لا حقول مختلفة (%n).</numerusform>
            <numerusform>يختلف حقل واحد.</numerusform>
            <numerusform>يختلف حقلان.</numerusform>
            <numerusform>تختلف %n حقول.</numerusform>
            <numerusform>يختلف %n حقلاً.</numerusform>
            <numerusform>يختلف %n حقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a reviewer or an admin can settle a conflict.</source>
        <translation>لا يحسم التعارض إلا مراجع أو مدير.</translation>
    </message>
    <message>
        <source>Kept our version.</source>
        <translation>أُبقيت نسختنا.</translation>
    </message>
    <message>
        <source>Took their version.</source>
        <translation>اعتُمدت نسختهم.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Where to keep the records</source>
        <translation>أين تُحفظ السجلات</translation>
    </message>
    <message>
        <source>All records are kept in one file on this computer.</source>
        <translation>تُحفظ السجلات كلها في ملف واحد على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The usual place is your own data folder, which other users of this computer cannot read. Choose another place only if your organisation asks you to (for instance an encrypted drive). Keep copies of this file: it holds all your work.</source>
        <translation>المكان المعتاد هو مجلد بياناتك الخاص، الذي لا يستطيع مستخدمو هذا الحاسوب الآخرون قراءته. لا تختر مكاناً آخر إلا إذا طلبت منك منظمتك ذلك (قرص مشفّر مثلاً). احتفظ بنسخ من هذا الملف: فهو يحوي عملك كله.</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>ملف قاعدة البيانات:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>ملف قاعدة البيانات</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Tawthiq database (*.db)</source>
        <translation>قاعدة بيانات توثيق (*.db)</translation>
    </message>
    <message>
        <source>This file already exists: Tawthiq will open it and keep what it holds.</source>
        <translation>هذا الملف موجود مسبقاً: سيفتحه توثيق ويحتفظ بما فيه.</translation>
    </message>
    <message>
        <source>Give the file in which to keep the records.</source>
        <translation>حدّد الملف الذي تُحفظ فيه السجلات.</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name inside it.</source>
        <translation>‏⁨%1⁩ مجلد؛ حدّد اسم ملف داخله.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made: %2.</source>
        <translation>تعذّر إنشاء المجلد ⁨%1⁩: ⁨%2⁩.</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Scan the database</source>
        <translation>فحص قاعدة البيانات</translation>
    </message>
    <message>
        <source>Show decided pairs</source>
        <translation>عرض الأزواج المحسومة</translation>
    </message>
    <message>
        <source>Likely duplicate pairs</source>
        <translation>أزواج السجلات المكررة المحتملة</translation>
    </message>
    <message>
        <source>The two records side by side</source>
        <translation>السجلان جنباً إلى جنب</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>الشخص نفسه</translation>
    </message>
    <message>
        <source>Different people</source>
        <translation>شخصان مختلفان</translation>
    </message>
    <message>
        <source>Undo decision</source>
        <translation>التراجع عن القرار</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to review.</source>
        <translation>
            <numerusform>لا أزواج للمراجعة (%n).</numerusform>
            <numerusform>زوج واحد للمراجعة.</numerusform>
            <numerusform>زوجان للمراجعة.</numerusform>
            <numerusform>%n أزواج للمراجعة.</numerusform>
            <numerusform>%n زوجاً للمراجعة.</numerusform>
            <numerusform>%n زوج للمراجعة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last scan: %1.</source>
        <translation>آخر فحص: ⁨%1⁩.</translation>
    </message>
    <message>
        <source>Not scanned yet: only pairs found around records saved or imported are listed.</source>
        <translation>لم يُفحص بعد: لا تظهر إلا الأزواج التي وُجدت حول السجلات المحفوظة أو المستوردة.</translation>
    </message>
    <message>
        <source>The pairs could not be read: %1</source>
        <translation>تعذّرت قراءة الأزواج: ⁨%1⁩</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>التكرار</translation>
    </message>
    <message>
        <source>Looking for likely duplicates…</source>
        <translation>جارٍ البحث عن السجلات المكررة المحتملة…</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>Grandfather&apos;s name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>الكنية</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>الاسم بالأحرف اللاتينية</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Civilian</source>
        <translation>مدني</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>قتيل أو جريح</translation>
    </message>
    <message>
        <source>Death date</source>
        <translation>تاريخ الوفاة</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Locality</source>
        <translation>البلدة أو الحي</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>الجهة المرتكبة</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>السجل الأول</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>السجل الثاني</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>التاريخان</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>The same, spelled differently</source>
        <translation>القيمة نفسها بإملاء مختلف</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>مختلف</translation>
    </message>
    <message>
        <source>Known in one record only</source>
        <translation>معروف في سجل واحد فقط</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>The database holds no incidents yet.</source>
        <translation>لا تحوي قاعدة البيانات أي حادثة بعد.</translation>
    </message>
    <message>
        <source>Enter a first incident, look around with demonstration data, or load a gazetteer so that districts and sub-districts can be chosen.</source>
        <translation>أدخل حادثة أولى، أو تعرّف على التطبيق بالبيانات التجريبية، أو حمّل دليل الأماكن لتتمكن من اختيار المناطق والنواحي.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>&amp;Import a package…</source>
        <translation>&amp;استيراد حزمة…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Exchange package, for another Tawthiq or an analyst (.zip)</source>
        <translation>حزمة تبادل، لنسخة أخرى من توثيق أو لمحلل بيانات (⁨.zip⁩)</translation>
    </message>
    <message>
        <source>For spreadsheets: one row per victim, with labels (.csv)</source>
        <translation>لجداول البيانات: صف لكل ضحية، بالتسميات لا بالرموز (⁨.csv⁩)</translation>
    </message>
    <message>
        <source>Approved records (the version a reviewer approved)</source>
        <translation>السجلات المعتمدة (النسخة التي اعتمدها المراجع)</translation>
    </message>
    <message>
        <source>All records, in their newest version</source>
        <translation>كل السجلات، بأحدث نسخها</translation>
    </message>
    <message>
        <source>Only incidents between</source>
        <translation>الحوادث الواقعة بين</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>Where to write the file</source>
        <translation>أين يُكتب الملف</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>التصدير:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>السجلات:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>التواريخ:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <source>Export for spreadsheets</source>
        <translation>تصدير لجداول البيانات</translation>
    </message>
    <message>
        <source>Spreadsheet (*.csv)</source>
        <translation>جدول بيانات (*.csv)</translation>
    </message>
    <message>
        <source>Export a package</source>
        <translation>تصدير حزمة</translation>
    </message>
    <message>
        <source>Exchange package (*.zip)</source>
        <translation>حزمة تبادل (*.zip)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2.</source>
        <translation>كُتب ⁨%1⁩ صفاً في ⁨%2⁩.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 incidents, %3 victims, %4 decisions, %5 comments.</source>
        <translation>كُتبت ⁨%1⁩: حوادث ⁨%2⁩، ضحايا ⁨%3⁩، قرارات ⁨%4⁩، تعليقات ⁨%5⁩.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>تعذّر التصدير: ⁨%1⁩</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search names, Arabic or Latin</source>
        <translation>ابحث في الأسماء، بالعربية أو باللاتينية</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>All governorates</source>
        <translation>كل المحافظات</translation>
    </message>
    <message>
        <source>All perpetrators</source>
        <translation>كل الجهات المرتكبة</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up Tawthiq</source>
        <translation>إعداد توثيق</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>ال&amp;تالي</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>السجل التاريخي</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When (UTC)</source>
        <translation>الوقت (بالتوقيت العالمي)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <source>What</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>الحقول</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <source>Incident %1: %2 entries</source>
        <translation>الحادثة ⁨%1⁩: عدد القيود ⁨%2⁩</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a package</source>
        <translation>استيراد حزمة</translation>
    </message>
    <message>
        <source>A package: a .zip file or a folder</source>
        <translation>حزمة: ملف ⁨.zip⁩ أو مجلد</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ملف…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>مجلد…</translation>
    </message>
    <message>
        <source>The whole package is checked first: if any row is wrong, nothing is imported and the problems are listed here. Records already here are matched by their identifier and version, so importing a package twice changes nothing.</source>
        <translation>تُفحص الحزمة كاملةً أولاً: إن كان أي صف خاطئاً لا يُستورد شيء وتُعرض المشكلات هنا. تُطابَق السجلات الموجودة هنا بمعرّفها ونسختها، فلا يغيّر استيراد الحزمة مرتين شيئاً.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Show the conflicts</source>
        <translation>عرض التعارضات</translation>
    </message>
    <message>
        <source>Exchange package (*.zip)</source>
        <translation>حزمة تبادل (*.zip)</translation>
    </message>
    <message>
        <source>Import a package folder</source>
        <translation>استيراد مجلد حزمة</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>تعذّر الاستيراد: ⁨%1⁩</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>محدَّث</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>دون تغيير</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تعارضات</translation>
    </message>
    <message>
        <source>Conflicts keep both versions until a reviewer settles them on the Conflicts page (View ▸ Conflicts).</source>
        <translation>في حالات التعارض تُحفظ النسختان إلى أن يحسم المراجع أيّهما تُعتمد في صفحة التعارضات (عرض ▸ تعارضات).</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… و⁨%1⁩ غيرها.</translation>
    </message>
</context>
<context>
    <name>IncidentFields</name>
    <message>
        <source>&amp;Date</source>
        <translation>ال&amp;تاريخ</translation>
    </message>
    <message>
        <source>Date known to the</source>
        <translation>دقة التاريخ</translation>
    </message>
    <message>
        <source>&amp;Governorate</source>
        <translation>ال&amp;محافظة</translation>
    </message>
    <message>
        <source>District</source>
        <translation>المنطقة</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>الناحية</translation>
    </message>
    <message>
        <source>&amp;Locality</source>
        <translation>البلدة أو ال&amp;حي</translation>
    </message>
    <message>
        <source>Means of &amp;attack</source>
        <translation>&amp;وسيلة الهجوم</translation>
    </message>
    <message>
        <source>&amp;Perpetrator</source>
        <translation>الجهة ال&amp;مرتكبة</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>إسناد المسؤولية</translation>
    </message>
    <message>
        <source>Facility hit</source>
        <translation>المنشأة المستهدفة</translation>
    </message>
    <message>
        <source>Reported deaths</source>
        <translation>عدد القتلى المُبلَّغ عنه</translation>
    </message>
    <message>
        <source>Number of sources</source>
        <translation>عدد المصادر</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>المص&amp;ادر</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>المل&amp;خص</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>مثال: ⁦2016-03-25⁩</translation>
    </message>
    <message>
        <source>Import a gazetteer to choose districts and sub-districts.</source>
        <translation>استورد دليل الأماكن لتتمكن من اختيار المناطق والنواحي.</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>&amp;Save incident</source>
        <translation>&amp;حفظ الحادثة</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Add &amp;victim</source>
        <translation>إضافة &amp;ضحية</translation>
    </message>
    <message>
        <source>Add &amp;unidentified victims…</source>
        <translation>إضافة ضحايا &amp;مجهولي الهوية…</translation>
    </message>
    <message>
        <source>&amp;Remove victim</source>
        <translation>ح&amp;ذف الضحية</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>تجا&amp;هل التعديلات</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>السجل ال&amp;تاريخي…</translation>
    </message>
    <message>
        <source>The history of this incident (%1)</source>
        <translation>السجل التاريخي لهذه الحادثة (⁨%1⁩)</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>Incident of %1 (version %2)</source>
        <translation>حادثة ⁨%1⁩ (النسخة ⁨%2⁩)</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>حادثة جديدة</translation>
    </message>
    <message>
        <source>Unsaved incident</source>
        <translation>حادثة غير محفوظة</translation>
    </message>
    <message>
        <source>The incident in the form has unsaved changes. Discard them?</source>
        <translation>في الاستمارة تعديلات على الحادثة لم تُحفظ. هل تريد تجاهلها؟</translation>
    </message>
    <message>
        <source>Unsaved changes to this incident were restored.</source>
        <translation>استُعيدت تعديلات غير محفوظة على هذه الحادثة.</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>فتح حادثة</translation>
    </message>
    <message>
        <source>Unsaved work from %1 was restored.</source>
        <translation>استُعيد عمل غير محفوظ من ⁨%1⁩.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problem(s) to correct, listed above.</source>
        <translation>
            <numerusform>لم تُحفظ: %n مشكلة يجب تصحيحها، مذكورة أعلاه.</numerusform>
            <numerusform>لم تُحفظ: مشكلة واحدة يجب تصحيحها، مذكورة أعلاه.</numerusform>
            <numerusform>لم تُحفظ: مشكلتان يجب تصحيحهما، مذكورتان أعلاه.</numerusform>
            <numerusform>لم تُحفظ: %n مشكلات يجب تصحيحها، مذكورة أعلاه.</numerusform>
            <numerusform>لم تُحفظ: %n مشكلةً يجب تصحيحها، مذكورة أعلاه.</numerusform>
            <numerusform>لم تُحفظ: %n مشكلة يجب تصحيحها، مذكورة أعلاه.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>لم يتم الحفظ.</translation>
    </message>
    <message>
        <source>The incident was not saved</source>
        <translation>لم تُحفظ الحادثة</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>&amp;New incident</source>
        <translation>حادثة &amp;جديدة</translation>
    </message>
    <message>
        <source>Load &amp;demonstration data</source>
        <translation>تحميل البيانات ال&amp;تجريبية</translation>
    </message>
    <message>
        <source>Import &amp;gazetteer…</source>
        <translation>استيراد &amp;دليل الأماكن…</translation>
    </message>
    <message>
        <source>Show the &amp;list</source>
        <translation>عرض ال&amp;قائمة</translation>
    </message>
    <message>
        <source>The list of incidents and victims</source>
        <translation>قائمة الحوادث والضحايا</translation>
    </message>
    <message>
        <source>Import gazetteer</source>
        <translation>استيراد دليل الأماكن</translation>
    </message>
    <message>
        <source>Gazetteer (*.csv);;All files (*)</source>
        <translation>دليل الأماكن (*.csv);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The new language applies when Tawthiq is next started.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل توثيق في المرة القادمة.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Tawthiq</source>
        <translation>مرحباً بك في توثيق</translation>
    </message>
    <message>
        <source>A few questions set Tawthiq up on this computer.</source>
        <translation>بضعة أسئلة تُعِدّ توثيق على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Tawthiq keeps the records of civilian casualties: incidents and their victims, checked for likely duplicates, reviewed, counted and exchanged with your office. Everything stays on this computer until you export it.</source>
        <translation>يحفظ توثيق سجلات الضحايا المدنيين: الحوادث وضحاياها، مع التحقق من السجلات المكرّرة المحتملة، ومراجعتها، وإحصائها، وتبادلها مع مكتبك. يبقى كل شيء على هذا الحاسوب إلى أن تصدّره.</translation>
    </message>
    <message>
        <source>Language of the interface (you can change it later in the settings):</source>
        <translation>لغة الواجهة (يمكنك تغييرها لاحقاً من الإعدادات):</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Tawthiq is locked</source>
        <translation>توثيق مقفل</translation>
    </message>
    <message>
        <source>The window locked itself after a time without use, so that nobody else can read the records. Enter the password of %1 to go on.</source>
        <translation>أُقفلت النافذة تلقائياً بعد مدة دون استخدام، كي لا يقرأ السجلاتِ أحدٌ غيرك. أدخل كلمة مرور ⁨%1⁩ للمتابعة.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>That is not the password; try again.</source>
        <translation>هذه ليست كلمة المرور؛ حاول مجدداً.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Tawthiq</source>
        <translation>الدخول إلى توثيق</translation>
    </message>
    <message>
        <source>Log in to open %1.</source>
        <translation>سجّل الدخول لفتح ⁨%1⁩.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ا&amp;سم المستخدم:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>دخول</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;قفل</translation>
    </message>
    <message>
        <source>The list of incidents and victims</source>
        <translation>قائمة الحوادث والضحايا</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>The review queue</source>
        <translation>قائمة انتظار المراجعة</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>المكرّرات</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>السجلات المكرّرة المحتملة</translation>
    </message>
    <message>
        <source>Tallies</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>The tallies</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تعارضات</translation>
    </message>
    <message>
        <source>Import conflicts</source>
        <translation>تعارضات الاستيراد</translation>
    </message>
    <message>
        <source>Tawthiq — %1</source>
        <translation>توثيق — ⁨%1⁩</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>الصفحات</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>قاعدة البيانات: ⁨%1⁩</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>المستخدم: ⁨%1⁩</translation>
    </message>
    <message>
        <source>%1 incidents, %2 victims</source>
        <translation>الحوادث: ⁨%1⁩، الضحايا: ⁨%2⁩</translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <source>Likely duplicates</source>
        <translation>التكرار المحتمل</translation>
    </message>
    <message>
        <source>Likely duplicates of the victim being typed</source>
        <translation>السجلات التي قد تكون للضحية قيد الإدخال</translation>
    </message>
    <message>
        <source>Type a given name and a father&apos;s or family name.</source>
        <translation>اكتب الاسم واسم الأب أو الكنية.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) already in the database may be this person.</source>
        <translation>
            <numerusform>لا سجلات في قاعدة البيانات قد تكون لهذا الشخص (%n).</numerusform>
            <numerusform>سجل واحد في قاعدة البيانات قد يكون لهذا الشخص.</numerusform>
            <numerusform>سجلان في قاعدة البيانات قد يكونان لهذا الشخص.</numerusform>
            <numerusform>%n سجلات في قاعدة البيانات قد تكون لهذا الشخص.</numerusform>
            <numerusform>%n سجلاً في قاعدة البيانات قد يكون لهذا الشخص.</numerusform>
            <numerusform>%n سجل في قاعدة البيانات قد يكون لهذا الشخص.</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicate.</source>
        <translation>لا يوجد تكرار محتمل.</translation>
    </message>
    <message>
        <source>The lookup failed: %1</source>
        <translation>تعذّر البحث: ⁨%1⁩</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Loading demonstration data</source>
        <translation>جارٍ تحميل البيانات التجريبية</translation>
    </message>
    <message>
        <source>Importing the gazetteer</source>
        <translation>جارٍ استيراد دليل الأماكن</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>%1 will appear here.</source>
        <translation>ستظهر هنا ⁨%1⁩.</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Victim %1, %2</source>
        <translation>الضحية ⁨%1⁩، ⁨%2⁩</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <source>Check your choices, then press Create.</source>
        <translation>راجع اختياراتك، ثم اضغط «إنشاء».</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>ملف قاعدة البيانات</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>قاعدة البيانات</translation>
    </message>
    <message>
        <source>existing; it will be opened as it is</source>
        <translation>موجودة؛ ستُفتح كما هي</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>مدير النظام</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>the places of %1</source>
        <translation>الأماكن الواردة في ⁨%1⁩</translation>
    </message>
    <message>
        <source>the demonstration data</source>
        <translation>البيانات التجريبية</translation>
    </message>
    <message>
        <source>an empty database</source>
        <translation>قاعدة بيانات فارغة</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Tawthiq could not be set up: %1 Go back to change your choices.</source>
        <translation>تعذّر إعداد توثيق: ⁨%1⁩ ارجع لتغيير اختياراتك.</translation>
    </message>
</context>
<context>
    <name>RecordsBrowser</name>
    <message>
        <source>&amp;Open incident</source>
        <translation>&amp;فتح الحادثة</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>السجل ال&amp;تاريخي…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>السجل التاريخي…</translation>
    </message>
    <message>
        <source>The history of the selected incident (%1)</source>
        <translation>السجل التاريخي للحادثة المحددة (⁨%1⁩)</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Incidents: %1 · Victims: %2</source>
        <translation>الحوادث: ⁨%1⁩ · الضحايا: ⁨%2⁩</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Locality</source>
        <translation>البلدة أو الحي</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع الحادثة</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>الجهة المرتكبة</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>Reported killed</source>
        <translation>عدد القتلى المُبلَّغ عنه</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>(unidentified)</source>
        <translation>(مجهول الهوية)</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>الاسم بالأحرف اللاتينية</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Civilian status</source>
        <translation>مدني أو مقاتل</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>قتيل أو جريح</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>الجهة المسؤولة</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>Documenter</source>
        <translation>الموثّق</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>تكرارات محتملة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الصفة</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>المآل</translation>
    </message>
    <message>
        <source>Likely the same as</source>
        <translation>يُحتمل أنه نفسه</translation>
    </message>
    <message>
        <source>(unidentified)</source>
        <translation>(مجهول الهوية)</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Documenter</source>
        <translation>الموثّق</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>إلى تاريخ</translation>
    </message>
    <message>
        <source>Documenter:</source>
        <translation>الموثّق:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>من:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>إلى:</translation>
    </message>
    <message>
        <source>Incidents waiting for review</source>
        <translation>حوادث بانتظار المراجعة</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>A comment for the documenter (needed to return or reject)</source>
        <translation>تعليق للموثّق (مطلوب للإعادة أو الرفض)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>ا&amp;عتماد</translation>
    </message>
    <message>
        <source>&amp;Return to documenter</source>
        <translation>إ&amp;عادة إلى الموثّق</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>إضافة &amp;تعليق</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>السجل ال&amp;تاريخي…</translation>
    </message>
    <message>
        <source>Reading the queue…</source>
        <translation>جارٍ قراءة قائمة المراجعة…</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>⁨%1⁩ بانتظار المراجعة</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>تعذّرت قراءة قائمة المراجعة: %1</translation>
    </message>
    <message>
        <source>All documenters</source>
        <translation>جميع الموثّقين</translation>
    </message>
    <message>
        <source>Nothing is waiting for review.</source>
        <translation>لا شيء بانتظار المراجعة.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>%1 — %2 by %3, %4. Entered by %5.</source>
        <translation>⁨%1⁩ — ⁨%2⁩، الجهة المسؤولة: ⁨%3⁩، المكان: %4. أدخلها ⁨%5⁩.</translation>
    </message>
    <message>
        <source>A new version of an approved incident: the approved one counts until this is approved.</source>
        <translation>نسخة جديدة من حادثة معتمدة: تبقى النسخة المعتمدة هي المحتسبة حتى تُعتمد هذه.</translation>
    </message>
    <message>
        <source>(no sources given)</source>
        <translation>(لم تُذكر مصادر)</translation>
    </message>
    <message>
        <source>Sources (%1): %2</source>
        <translation>المصادر (⁨%1⁩): ⁨%2⁩</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>لا تعليقات بعد.</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>اعتُمد: ⁨%1⁩.</translation>
    </message>
    <message>
        <source>Returned to the documenter: %1.</source>
        <translation>أُعيد إلى الموثّق: ⁨%1⁩.</translation>
    </message>
    <message>
        <source>Rejected: %1.</source>
        <translation>رُفض: ⁨%1⁩.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>What to start with</source>
        <translation>بماذا تبدأ</translation>
    </message>
    <message>
        <source>Places and examples can also be loaded later.</source>
        <translation>يمكن تحميل الأماكن والأمثلة لاحقاً أيضاً.</translation>
    </message>
    <message>
        <source>Incidents are placed by governorate, district and sub-district. A gazetteer file lists these places with their codes; your office can give you one.</source>
        <translation>تُحدَّد أماكن الحوادث بالمحافظة والمنطقة والناحية. يسرد ملف دليل الأماكن هذه الأماكن مع رموزها؛ ويمكن لمكتبك تزويدك به.</translation>
    </message>
    <message>
        <source>Load the places of a gazetteer file</source>
        <translation>تحميل الأماكن من ملف دليل الأماكن</translation>
    </message>
    <message>
        <source>Load the demonstration data, to learn and try Tawthiq</source>
        <translation>تحميل البيانات التجريبية، للتعلّم وتجربة توثيق</translation>
    </message>
    <message>
        <source>Invented incidents and victims, with reviews and likely duplicates to look at. Do not enter real records in a database with demonstration data: make another one for that.</source>
        <translation>حوادث وضحايا مُختلَقون، مع مراجعات وسجلات مكرّرة محتملة للاطلاع عليها. لا تُدخل سجلات حقيقية في قاعدة بيانات فيها بيانات تجريبية: أنشئ قاعدة أخرى لذلك.</translation>
    </message>
    <message>
        <source>With neither, Tawthiq starts empty; both can be loaded later.</source>
        <translation>إن لم تختر أياً منهما، يبدأ توثيق فارغاً؛ ويمكن تحميل كليهما لاحقاً.</translation>
    </message>
    <message>
        <source>Choose the gazetteer file, or untick its box.</source>
        <translation>اختر ملف دليل الأماكن، أو ألغِ تحديد خانته.</translation>
    </message>
    <message>
        <source>gazetteer file (CSV)</source>
        <translation>ملف دليل الأماكن (CSV)</translation>
    </message>
    <message>
        <source>Gazetteer file</source>
        <translation>ملف دليل الأماكن</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Gazetteer (*.csv)</source>
        <translation>دليل الأماكن (*.csv)</translation>
    </message>
</context>
<context>
    <name>TalliesView</name>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>من يُحتسب</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>المعتمدة</translation>
    </message>
    <message>
        <source>All not rejected</source>
        <translation>كل غير المرفوضة</translation>
    </message>
    <message>
        <source>Civilians</source>
        <translation>المدنيون</translation>
    </message>
    <message>
        <source>Combatants</source>
        <translation>المقاتلون</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>صفة غير معروفة</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy the sentence to the clipboard</source>
        <translation>نسخ الجملة إلى الحافظة</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>تصدير الجدول بصيغة CSV…</translation>
    </message>
    <message>
        <source>Export charts as PNG…</source>
        <translation>تصدير الرسوم البيانية بصيغة PNG…</translation>
    </message>
    <message>
        <source>By perpetrator</source>
        <translation>حسب الجهة المرتكبة</translation>
    </message>
    <message>
        <source>By governorate</source>
        <translation>حسب المحافظة</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>حسب الشهر</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>كل التواريخ</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>تواريخ محدّدة</translation>
    </message>
    <message>
        <source>The tallies could not be read: %1</source>
        <translation>تعذّرت قراءة الإحصاءات: ⁨%1⁩</translation>
    </message>
    <message>
        <source>(%1 more awaiting review)</source>
        <translation>(و⁨%1⁩ غيرهم بانتظار المراجعة)</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>تصدير الجدول بصيغة CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>تصدير الرسوم البيانية بصيغة PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <source>The image could not be written to %1.</source>
        <translation>تعذّرت كتابة الصورة في ⁨%1⁩.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>تعذّرت كتابة الملف: ⁨%1⁩</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>أطفال</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>سيدات</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>رجال</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Killed by perpetrator</source>
        <translation>القتلى حسب الجهة المرتكبة</translation>
    </message>
    <message>
        <source>Killed per month</source>
        <translation>القتلى حسب الشهر</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>القتلى</translation>
    </message>
</context>
<context>
    <name>UnidentifiedDialog</name>
    <message>
        <source>Men (male adults)</source>
        <translation>رجال (ذكور بالغون)</translation>
    </message>
    <message>
        <source>Women (female adults)</source>
        <translation>سيدات (إناث بالغات)</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>أطفال ذكور</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>أطفال إناث</translation>
    </message>
    <message>
        <source>Children, sex unknown</source>
        <translation>أطفال، الجنس غير معروف</translation>
    </message>
    <message>
        <source>Age and sex unknown</source>
        <translation>العمر والجنس غير معروفين</translation>
    </message>
    <message>
        <source>Add unidentified victims</source>
        <translation>إضافة ضحايا مجهولي الهوية</translation>
    </message>
    <message>
        <source>How many victims whose names are not known?</source>
        <translation>كم عدد الضحايا الذين لا تُعرف أسماؤهم؟</translation>
    </message>
    <message>
        <source>Civilian status</source>
        <translation>مدني أو مقاتل</translation>
    </message>
    <message numerus="yes">
        <source>%n victim(s) will be added.</source>
        <translation>
            <numerusform>لن تُضاف أي ضحية.</numerusform>
            <numerusform>ستُضاف ضحية واحدة.</numerusform>
            <numerusform>ستُضاف ضحيتان.</numerusform>
            <numerusform>ستُضاف %n ضحايا.</numerusform>
            <numerusform>ستُضاف %n ضحية.</numerusform>
            <numerusform>ستُضاف %n ضحية.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Updating the database</source>
        <translation>تحديث قاعدة البيانات</translation>
    </message>
    <message>
        <source>The database %1 was made by an older version of Tawthiq and is being updated to the new version. On a large database this takes several minutes.</source>
        <translation>أُنشئت قاعدة البيانات ⁨%1⁩ بإصدار أقدم من توثيق، ويجري الآن تحديثها إلى الإصدار الجديد. قد يستغرق ذلك عدة دقائق في قاعدة بيانات كبيرة.</translation>
    </message>
    <message>
        <source>Do not close Tawthiq or switch off the computer until the update has finished.</source>
        <translation>لا تغلق توثيق ولا تطفئ الحاسوب حتى ينتهي التحديث.</translation>
    </message>
    <message>
        <source>Progress of the update</source>
        <translation>تقدّم التحديث</translation>
    </message>
    <message>
        <source>The update of %1 to the new version failed: %2. The step that failed changed nothing; the next start tries it again.</source>
        <translation>تعذّر تحديث ⁨%1⁩ إلى الإصدار الجديد: ⁨%2⁩. الخطوة التي تعذّرت لم تغيّر شيئاً؛ وستُعاد محاولتها عند التشغيل التالي.</translation>
    </message>
</context>
<context>
    <name>VictimDelegate</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>مثال: ⁦2016-03-25⁩</translation>
    </message>
</context>
<context>
    <name>VictimsModel</name>
    <message>
        <source>Given name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>Grandfather</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>الكنية</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>الاسم بالأحرف اللاتينية</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Civilian status</source>
        <translation>مدني أو مقاتل</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>قتيل أو جريح</translation>
    </message>
    <message>
        <source>Death date</source>
        <translation>تاريخ الوفاة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
</TS>
