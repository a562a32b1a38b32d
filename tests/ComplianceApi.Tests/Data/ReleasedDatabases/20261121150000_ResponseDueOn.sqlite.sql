-- A database as the migrations up to 20261121150000_ResponseDueOn left it (release 1.x, before model snapshots),
-- written by 'sqlite3 compliance.db .dump' after 'ComplianceApi migrate'. Frozen: MigrationsTests upgrades it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261121000000_InitialSchema','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261121100000_DeadlineResolution','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261121110000_ResponseHistory','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261121120000_BenchmarkIndexes','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261121130000_CommitteeStatements','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261121140000_DataVersion','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261121150000_ResponseDueOn','10.0.15');
CREATE TABLE IF NOT EXISTS "Forces" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Forces" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL
);
INSERT INTO Forces VALUES('avon-and-somerset','Avon and Somerset Constabulary','Territorial');
INSERT INTO Forces VALUES('bedfordshire','Bedfordshire Police','Territorial');
INSERT INTO Forces VALUES('cambridgeshire','Cambridgeshire Constabulary','Territorial');
INSERT INTO Forces VALUES('cheshire','Cheshire Constabulary','Territorial');
INSERT INTO Forces VALUES('city-of-london','City of London Police','Territorial');
INSERT INTO Forces VALUES('cleveland','Cleveland Police','Territorial');
INSERT INTO Forces VALUES('cumbria','Cumbria Constabulary','Territorial');
INSERT INTO Forces VALUES('derbyshire','Derbyshire Constabulary','Territorial');
INSERT INTO Forces VALUES('devon-and-cornwall','Devon and Cornwall Police','Territorial');
INSERT INTO Forces VALUES('dorset','Dorset Police','Territorial');
INSERT INTO Forces VALUES('durham','Durham Constabulary','Territorial');
INSERT INTO Forces VALUES('dyfed-powys','Dyfed-Powys Police','Territorial');
INSERT INTO Forces VALUES('essex','Essex Police','Territorial');
INSERT INTO Forces VALUES('gloucestershire','Gloucestershire Constabulary','Territorial');
INSERT INTO Forces VALUES('greater-manchester','Greater Manchester Police','Territorial');
INSERT INTO Forces VALUES('gwent','Gwent Police','Territorial');
INSERT INTO Forces VALUES('hampshire','Hampshire and Isle of Wight Constabulary','Territorial');
INSERT INTO Forces VALUES('hertfordshire','Hertfordshire Constabulary','Territorial');
INSERT INTO Forces VALUES('humberside','Humberside Police','Territorial');
INSERT INTO Forces VALUES('kent','Kent Police','Territorial');
INSERT INTO Forces VALUES('lancashire','Lancashire Constabulary','Territorial');
INSERT INTO Forces VALUES('leicestershire','Leicestershire Police','Territorial');
INSERT INTO Forces VALUES('lincolnshire','Lincolnshire Police','Territorial');
INSERT INTO Forces VALUES('merseyside','Merseyside Police','Territorial');
INSERT INTO Forces VALUES('metropolitan','Metropolitan Police Service','Territorial');
INSERT INTO Forces VALUES('norfolk','Norfolk Constabulary','Territorial');
INSERT INTO Forces VALUES('north-wales','North Wales Police','Territorial');
INSERT INTO Forces VALUES('north-yorkshire','North Yorkshire Police','Territorial');
INSERT INTO Forces VALUES('northamptonshire','Northamptonshire Police','Territorial');
INSERT INTO Forces VALUES('northumbria','Northumbria Police','Territorial');
INSERT INTO Forces VALUES('nottinghamshire','Nottinghamshire Police','Territorial');
INSERT INTO Forces VALUES('south-wales','South Wales Police','Territorial');
INSERT INTO Forces VALUES('south-yorkshire','South Yorkshire Police','Territorial');
INSERT INTO Forces VALUES('staffordshire','Staffordshire Police','Territorial');
INSERT INTO Forces VALUES('suffolk','Suffolk Constabulary','Territorial');
INSERT INTO Forces VALUES('surrey','Surrey Police','Territorial');
INSERT INTO Forces VALUES('sussex','Sussex Police','Territorial');
INSERT INTO Forces VALUES('thames-valley','Thames Valley Police','Territorial');
INSERT INTO Forces VALUES('warwickshire','Warwickshire Police','Territorial');
INSERT INTO Forces VALUES('west-mercia','West Mercia Police','Territorial');
INSERT INTO Forces VALUES('west-midlands','West Midlands Police','Territorial');
INSERT INTO Forces VALUES('west-yorkshire','West Yorkshire Police','Territorial');
INSERT INTO Forces VALUES('wiltshire','Wiltshire Police','Territorial');
INSERT INTO Forces VALUES('british-transport-police','British Transport Police','National');
INSERT INTO Forces VALUES('ministry-of-defence-police','Ministry of Defence Police','National');
INSERT INTO Forces VALUES('civil-nuclear-constabulary','Civil Nuclear Constabulary','National');
INSERT INTO Forces VALUES('bch','Bedfordshire, Cambridgeshire and Hertfordshire','Collaboration');
CREATE TABLE IF NOT EXISTS "Inspections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Inspections" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "Inspectorate" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "PublishedOn" TEXT NULL,
    "FieldworkStartedOn" TEXT NULL,
    "FieldworkEndedOn" TEXT NULL,
    "PublicationStatus" TEXT NOT NULL,
    "Link" TEXT NULL,
    "AllForcesInScope" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "ApiKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "ClientName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "ForceCode" TEXT NULL,
    "SecretHash" TEXT NOT NULL,
    "Hint" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiKeys_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "CollaborationMemberships" (
    "CollaborationCode" TEXT NOT NULL,
    "MemberCode" TEXT NOT NULL,
    CONSTRAINT "PK_CollaborationMemberships" PRIMARY KEY ("CollaborationCode", "MemberCode"),
    CONSTRAINT "FK_CollaborationMemberships_Forces_CollaborationCode" FOREIGN KEY ("CollaborationCode") REFERENCES "Forces" ("Code") ON DELETE CASCADE,
    CONSTRAINT "FK_CollaborationMemberships_Forces_MemberCode" FOREIGN KEY ("MemberCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);
INSERT INTO CollaborationMemberships VALUES('bch','bedfordshire');
INSERT INTO CollaborationMemberships VALUES('bch','cambridgeshire');
INSERT INTO CollaborationMemberships VALUES('bch','hertfordshire');
CREATE TABLE IF NOT EXISTS "ActionPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionPlans" PRIMARY KEY,
    "ForceCode" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "InspectionId" TEXT NULL,
    "OwnerName" TEXT NULL,
    "Description" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ActionPlans_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionPlans_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Findings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Findings" PRIMARY KEY,
    "InspectionId" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "BusinessArea" TEXT NOT NULL,
    "DeadlineText" TEXT NULL,
    "DueDate" TEXT NULL,
    "CauseOfConcernId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL, "DeadlineKind" TEXT NOT NULL DEFAULT 'None', "DeadlinePrecision" TEXT NULL,
    CONSTRAINT "FK_Findings_Findings_CauseOfConcernId" FOREIGN KEY ("CauseOfConcernId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Findings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Gradings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Gradings" PRIMARY KEY,
    "InspectionId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "Area" TEXT NOT NULL,
    "Grade" TEXT NOT NULL,
    "GivenOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Gradings_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_Gradings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "InspectionForce" (
    "InspectionId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    CONSTRAINT "PK_InspectionForce" PRIMARY KEY ("InspectionId", "ForceCode"),
    CONSTRAINT "FK_InspectionForce_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_InspectionForce_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "PlanActions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanActions" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerName" TEXT NULL,
    "OwnerRole" TEXT NULL,
    "DueOn" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CompletedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PlanActions_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "FindingAddressee" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FindingAddressee" PRIMARY KEY,
    "FindingId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ForceCode" TEXT NULL,
    "Name" TEXT NULL,
    CONSTRAINT "FK_FindingAddressee_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FindingAddressee_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ForceResponses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ForceResponses" PRIMARY KEY,
    "FindingId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "OwnerName" TEXT NULL,
    "OwnerRole" TEXT NULL,
    "GovernanceBoard" TEXT NULL,
    "Constraints" TEXT NULL,
    "TargetDate" TEXT NULL,
    "NextReviewOn" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Rag" TEXT NULL,
    "PositionStatement" TEXT NULL,
    "StatusEffectiveOn" TEXT NULL,
    "ClosedBy" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "SupersededByFindingId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL, "RevisedTargetDate" TEXT NULL, "DetailsEffectiveOn" TEXT NULL, "TargetRevisedOn" TEXT NULL, "TrackedSince" TEXT NOT NULL DEFAULT '0001-01-01', "DueOn" TEXT NULL,
    CONSTRAINT "FK_ForceResponses_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceResponses_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceResponses_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ActionFinding" (
    "ActionId" TEXT NOT NULL,
    "FindingId" TEXT NOT NULL,
    CONSTRAINT "PK_ActionFinding" PRIMARY KEY ("ActionId", "FindingId"),
    CONSTRAINT "FK_ActionFinding_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionFinding_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Evidence" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Evidence" PRIMARY KEY,
    "ForceCode" TEXT NOT NULL,
    "ResponseId" TEXT NULL,
    "ActionId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "Url" TEXT NULL,
    "Date" TEXT NULL,
    "Description" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Evidence_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "ForceResponses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Evidence_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ProgressUpdates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProgressUpdates" PRIMARY KEY,
    "ResponseId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "EffectiveOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Rag" TEXT NULL,
    "Narrative" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "SignedOffBy" TEXT NULL,
    "SupersededByFindingId" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProgressUpdates_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgressUpdates_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "ForceResponses" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ResponseRevisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResponseRevisions" PRIMARY KEY,
    "ResponseId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "EffectiveOn" TEXT NULL,
    "OwnerName" TEXT NULL,
    "OwnerRole" TEXT NULL,
    "GovernanceBoard" TEXT NULL,
    "Constraints" TEXT NULL,
    "TargetDate" TEXT NULL,
    "NextReviewOn" TEXT NULL,
    "ChangedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ResponseRevisions_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "ForceResponses" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "TargetDateChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TargetDateChanges" PRIMARY KEY,
    "ResponseId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "PreviousTargetDate" TEXT NULL,
    "NewTargetDate" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "EffectiveOn" TEXT NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_TargetDateChanges_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "ForceResponses" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Committees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Committees" PRIMARY KEY,
    "ForceCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Committees_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "CommitteeReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommitteeReports" PRIMARY KEY,
    "CommitteeId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "Title" TEXT NULL,
    "ReportedOn" TEXT NOT NULL,
    "StatementIssuedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CommitteeReports_Committees_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES "Committees" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "IssuedStatements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IssuedStatements" PRIMARY KEY,
    "CommitteeId" TEXT NOT NULL,
    "ReportId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "AsOf" TEXT NOT NULL,
    "PreviousStatementId" TEXT NULL,
    "IssuedBy" TEXT NOT NULL,
    "IssuedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IssuedStatements_Committees_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES "Committees" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IssuedStatements_CommitteeReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "CommitteeReports" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IssuedStatements_IssuedStatements_PreviousStatementId" FOREIGN KEY ("PreviousStatementId") REFERENCES "IssuedStatements" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "StatementLines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StatementLines" PRIMARY KEY,
    "StatementId" TEXT NULL,
    "Position" INTEGER NOT NULL,
    "Section" TEXT NOT NULL,
    "Change" TEXT NULL,
    "ResponseId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    "FindingId" TEXT NOT NULL,
    "FindingKind" TEXT NOT NULL,
    "FindingReference" TEXT NOT NULL,
    "FindingText" TEXT NOT NULL,
    "DeadlineText" TEXT NULL,
    "InspectionId" TEXT NOT NULL,
    "InspectionReference" TEXT NOT NULL,
    "InspectionTitle" TEXT NOT NULL,
    "OwnerName" TEXT NULL,
    "OwnerRole" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Rag" TEXT NULL,
    "DerivedRag" TEXT NULL,
    "FindingDueDate" TEXT NULL,
    "RevisedDueDate" TEXT NULL,
    "DueDate" TEXT NULL,
    "PositionStatement" TEXT NULL,
    "StatusEffectiveOn" TEXT NULL,
    "IsOverdue" INTEGER NOT NULL,
    "DaysOverdue" INTEGER NOT NULL,
    "PreviousStatus" TEXT NULL,
    "PreviousRag" TEXT NULL,
    "PreviousDueDate" TEXT NULL,
    CONSTRAINT "FK_StatementLines_IssuedStatements_StatementId" FOREIGN KEY ("StatementId") REFERENCES "IssuedStatements" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "DataVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataVersions" PRIMARY KEY,
    "Stamp" TEXT NOT NULL
);
INSERT INTO DataVersions VALUES(1,'6F0D3C2A-8E1B-4B7C-9A45-2D1E0F9B7C31');
CREATE INDEX "IX_ActionFinding_FindingId" ON "ActionFinding" ("FindingId");
CREATE INDEX "IX_ActionPlans_ForceCode" ON "ActionPlans" ("ForceCode");
CREATE INDEX "IX_ActionPlans_InspectionId" ON "ActionPlans" ("InspectionId");
CREATE INDEX "IX_ApiKeys_ForceCode" ON "ApiKeys" ("ForceCode");
CREATE UNIQUE INDEX "IX_ApiKeys_SecretHash" ON "ApiKeys" ("SecretHash");
CREATE INDEX "IX_CollaborationMemberships_MemberCode" ON "CollaborationMemberships" ("MemberCode");
CREATE INDEX "IX_Evidence_ActionId" ON "Evidence" ("ActionId");
CREATE INDEX "IX_Evidence_ResponseId" ON "Evidence" ("ResponseId");
CREATE INDEX "IX_FindingAddressee_FindingId" ON "FindingAddressee" ("FindingId");
CREATE INDEX "IX_FindingAddressee_ForceCode" ON "FindingAddressee" ("ForceCode");
CREATE INDEX "IX_Findings_CauseOfConcernId" ON "Findings" ("CauseOfConcernId");
CREATE INDEX "IX_Findings_DueDate" ON "Findings" ("DueDate");
CREATE UNIQUE INDEX "IX_Findings_InspectionId_Reference" ON "Findings" ("InspectionId", "Reference");
CREATE UNIQUE INDEX "IX_ForceResponses_FindingId_ForceCode" ON "ForceResponses" ("FindingId", "ForceCode");
CREATE INDEX "IX_ForceResponses_ForceCode_Status" ON "ForceResponses" ("ForceCode", "Status");
CREATE INDEX "IX_ForceResponses_SupersededByFindingId" ON "ForceResponses" ("SupersededByFindingId");
CREATE UNIQUE INDEX "IX_Forces_Name" ON "Forces" ("Name");
CREATE INDEX "IX_Gradings_ForceCode" ON "Gradings" ("ForceCode");
CREATE UNIQUE INDEX "IX_Gradings_InspectionId_ForceCode_Area" ON "Gradings" ("InspectionId", "ForceCode", "Area");
CREATE INDEX "IX_InspectionForce_ForceCode" ON "InspectionForce" ("ForceCode");
CREATE INDEX "IX_Inspections_PublishedOn" ON "Inspections" ("PublishedOn");
CREATE UNIQUE INDEX "IX_Inspections_Reference" ON "Inspections" ("Reference");
CREATE INDEX "IX_PlanActions_ForceCode_Status" ON "PlanActions" ("ForceCode", "Status");
CREATE INDEX "IX_PlanActions_PlanId" ON "PlanActions" ("PlanId");
CREATE INDEX "IX_ProgressUpdates_SupersededByFindingId" ON "ProgressUpdates" ("SupersededByFindingId");
CREATE INDEX "IX_ResponseRevisions_ResponseId_EffectiveOn_RecordedAt" ON "ResponseRevisions" ("ResponseId", "EffectiveOn", "RecordedAt");
CREATE INDEX "IX_TargetDateChanges_ResponseId_EffectiveOn_RecordedAt" ON "TargetDateChanges" ("ResponseId", "EffectiveOn", "RecordedAt");
CREATE INDEX "IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt" ON "ProgressUpdates" ("ResponseId", "EffectiveOn", "RecordedAt");
CREATE INDEX "IX_ForceResponses_ForceCode_Id" ON "ForceResponses" ("ForceCode", "Id");
CREATE UNIQUE INDEX "IX_Committees_ForceCode_Name" ON "Committees" ("ForceCode", "Name");
CREATE UNIQUE INDEX "IX_CommitteeReports_CommitteeId_Reference" ON "CommitteeReports" ("CommitteeId", "Reference");
CREATE INDEX "IX_IssuedStatements_CommitteeId_AsOf" ON "IssuedStatements" ("CommitteeId", "AsOf");
CREATE UNIQUE INDEX "IX_IssuedStatements_ReportId" ON "IssuedStatements" ("ReportId");
CREATE INDEX "IX_IssuedStatements_PreviousStatementId" ON "IssuedStatements" ("PreviousStatementId");
CREATE INDEX "IX_StatementLines_StatementId_Position" ON "StatementLines" ("StatementId", "Position");
CREATE INDEX "IX_ForceResponses_ForceCode_DueOn_Status_Id" ON "ForceResponses" ("ForceCode", "DueOn", "Status", "Id");
COMMIT;
