-- A database as the migrations up to 20261121150000_ResponseDueOn left it (release 1.x, before model snapshots),
-- written by 'pg_dump --inserts --no-owner --no-privileges' after 'ComplianceApi migrate' (psql meta-commands
-- and session settings removed). Frozen: MigrationsTests upgrades it.

CREATE TABLE public."ActionFinding" (
    "ActionId" uuid NOT NULL,
    "FindingId" uuid NOT NULL
);

CREATE TABLE public."ActionPlans" (
    "Id" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Title" character varying(400) NOT NULL,
    "InspectionId" uuid,
    "OwnerName" character varying(200),
    "Description" character varying(20000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."ApiKeys" (
    "Id" uuid NOT NULL,
    "ClientName" character varying(200) NOT NULL,
    "Role" character varying(40) NOT NULL,
    "ForceCode" character varying(60),
    "SecretHash" character varying(64) NOT NULL,
    "Hint" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone
);

CREATE TABLE public."CollaborationMemberships" (
    "CollaborationCode" character varying(60) NOT NULL,
    "MemberCode" character varying(60) NOT NULL
);

CREATE TABLE public."CommitteeReports" (
    "Id" uuid NOT NULL,
    "CommitteeId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Reference" character varying(120) NOT NULL,
    "Title" character varying(400),
    "ReportedOn" date NOT NULL,
    "StatementIssuedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."Committees" (
    "Id" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Body" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."DataVersions" (
    "Id" integer NOT NULL,
    "Stamp" uuid NOT NULL
);

CREATE TABLE public."Evidence" (
    "Id" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "ResponseId" uuid,
    "ActionId" uuid,
    "Title" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Reference" character varying(200),
    "Url" character varying(2000),
    "Date" date,
    "Description" character varying(20000),
    "RecordedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."FindingAddressee" (
    "Id" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "ForceCode" character varying(60),
    "Name" character varying(200)
);

CREATE TABLE public."Findings" (
    "Id" uuid NOT NULL,
    "InspectionId" uuid NOT NULL,
    "Reference" character varying(120) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Text" character varying(20000) NOT NULL,
    "BusinessArea" character varying(40) NOT NULL,
    "DeadlineText" character varying(200),
    "DueDate" date,
    "CauseOfConcernId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "DeadlineKind" character varying(40) DEFAULT 'None'::character varying NOT NULL,
    "DeadlinePrecision" character varying(40)
);

CREATE TABLE public."ForceResponses" (
    "Id" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "OwnerName" character varying(200),
    "OwnerRole" character varying(200),
    "GovernanceBoard" character varying(200),
    "Constraints" character varying(20000),
    "TargetDate" date,
    "NextReviewOn" date,
    "Status" character varying(40) NOT NULL,
    "Rag" character varying(40),
    "PositionStatement" character varying(20000),
    "StatusEffectiveOn" date,
    "ClosedBy" character varying(200),
    "ClosedOn" date,
    "SupersededByFindingId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "RevisedTargetDate" date,
    "DetailsEffectiveOn" date,
    "TargetRevisedOn" date,
    "TrackedSince" date DEFAULT '-infinity'::date NOT NULL,
    "DueOn" date
);

CREATE TABLE public."Forces" (
    "Code" character varying(60) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(40) NOT NULL
);

CREATE TABLE public."Gradings" (
    "Id" uuid NOT NULL,
    "InspectionId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Area" character varying(60) NOT NULL,
    "Grade" character varying(40) NOT NULL,
    "GivenOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."InspectionForce" (
    "InspectionId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL
);

CREATE TABLE public."Inspections" (
    "Id" uuid NOT NULL,
    "Reference" character varying(120) NOT NULL,
    "Inspectorate" character varying(40) NOT NULL,
    "Title" character varying(400) NOT NULL,
    "Type" character varying(40) NOT NULL,
    "PublishedOn" date,
    "FieldworkStartedOn" date,
    "FieldworkEndedOn" date,
    "PublicationStatus" character varying(40) NOT NULL,
    "Link" character varying(2000),
    "AllForcesInScope" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."IssuedStatements" (
    "Id" uuid NOT NULL,
    "CommitteeId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "AsOf" date NOT NULL,
    "PreviousStatementId" uuid,
    "IssuedBy" character varying(200) NOT NULL,
    "IssuedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."PlanActions" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Title" character varying(400) NOT NULL,
    "OwnerName" character varying(200),
    "OwnerRole" character varying(200),
    "DueOn" date,
    "Status" character varying(40) NOT NULL,
    "CompletedOn" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."ProgressUpdates" (
    "Id" uuid NOT NULL,
    "ResponseId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "EffectiveOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "Rag" character varying(40),
    "Narrative" character varying(20000) NOT NULL,
    "Author" character varying(200) NOT NULL,
    "SignedOffBy" character varying(200),
    "SupersededByFindingId" uuid,
    "RecordedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."ResponseRevisions" (
    "Id" uuid NOT NULL,
    "ResponseId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "EffectiveOn" date,
    "OwnerName" character varying(200),
    "OwnerRole" character varying(200),
    "GovernanceBoard" character varying(200),
    "Constraints" character varying(20000),
    "TargetDate" date,
    "NextReviewOn" date,
    "ChangedBy" character varying(200) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."StatementLines" (
    "Id" uuid NOT NULL,
    "StatementId" uuid,
    "Position" integer NOT NULL,
    "Section" character varying(40) NOT NULL,
    "Change" character varying(40),
    "ResponseId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "FindingId" uuid NOT NULL,
    "FindingKind" character varying(40) NOT NULL,
    "FindingReference" character varying(120) NOT NULL,
    "FindingText" character varying(20000) NOT NULL,
    "DeadlineText" character varying(200),
    "InspectionId" uuid NOT NULL,
    "InspectionReference" character varying(120) NOT NULL,
    "InspectionTitle" character varying(400) NOT NULL,
    "OwnerName" character varying(200),
    "OwnerRole" character varying(200),
    "Status" character varying(40) NOT NULL,
    "Rag" character varying(40),
    "DerivedRag" character varying(40),
    "FindingDueDate" date,
    "RevisedDueDate" date,
    "DueDate" date,
    "PositionStatement" character varying(20000),
    "StatusEffectiveOn" date,
    "IsOverdue" boolean NOT NULL,
    "DaysOverdue" integer NOT NULL,
    "PreviousStatus" character varying(40),
    "PreviousRag" character varying(40),
    "PreviousDueDate" date
);

CREATE TABLE public."TargetDateChanges" (
    "Id" uuid NOT NULL,
    "ResponseId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "PreviousTargetDate" date,
    "NewTargetDate" date NOT NULL,
    "Reason" character varying(20000) NOT NULL,
    "EffectiveOn" date NOT NULL,
    "ChangedBy" character varying(200) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);

INSERT INTO public."CollaborationMemberships" VALUES ('bch', 'bedfordshire');
INSERT INTO public."CollaborationMemberships" VALUES ('bch', 'cambridgeshire');
INSERT INTO public."CollaborationMemberships" VALUES ('bch', 'hertfordshire');

INSERT INTO public."DataVersions" VALUES (1, '6f0d3c2a-8e1b-4b7c-9a45-2d1e0f9b7c31');

INSERT INTO public."Forces" VALUES ('avon-and-somerset', 'Avon and Somerset Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('bedfordshire', 'Bedfordshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('cambridgeshire', 'Cambridgeshire Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('cheshire', 'Cheshire Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('city-of-london', 'City of London Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('cleveland', 'Cleveland Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('cumbria', 'Cumbria Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('derbyshire', 'Derbyshire Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('devon-and-cornwall', 'Devon and Cornwall Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('dorset', 'Dorset Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('durham', 'Durham Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('dyfed-powys', 'Dyfed-Powys Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('essex', 'Essex Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('gloucestershire', 'Gloucestershire Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('greater-manchester', 'Greater Manchester Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('gwent', 'Gwent Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('hampshire', 'Hampshire and Isle of Wight Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('hertfordshire', 'Hertfordshire Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('humberside', 'Humberside Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('kent', 'Kent Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('lancashire', 'Lancashire Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('leicestershire', 'Leicestershire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('lincolnshire', 'Lincolnshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('merseyside', 'Merseyside Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('metropolitan', 'Metropolitan Police Service', 'Territorial');
INSERT INTO public."Forces" VALUES ('norfolk', 'Norfolk Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('north-wales', 'North Wales Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('north-yorkshire', 'North Yorkshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('northamptonshire', 'Northamptonshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('northumbria', 'Northumbria Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('nottinghamshire', 'Nottinghamshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('south-wales', 'South Wales Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('south-yorkshire', 'South Yorkshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('staffordshire', 'Staffordshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('suffolk', 'Suffolk Constabulary', 'Territorial');
INSERT INTO public."Forces" VALUES ('surrey', 'Surrey Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('sussex', 'Sussex Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('thames-valley', 'Thames Valley Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('warwickshire', 'Warwickshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('west-mercia', 'West Mercia Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('west-midlands', 'West Midlands Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('west-yorkshire', 'West Yorkshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('wiltshire', 'Wiltshire Police', 'Territorial');
INSERT INTO public."Forces" VALUES ('british-transport-police', 'British Transport Police', 'National');
INSERT INTO public."Forces" VALUES ('ministry-of-defence-police', 'Ministry of Defence Police', 'National');
INSERT INTO public."Forces" VALUES ('civil-nuclear-constabulary', 'Civil Nuclear Constabulary', 'National');
INSERT INTO public."Forces" VALUES ('bch', 'Bedfordshire, Cambridgeshire and Hertfordshire', 'Collaboration');

INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121000000_InitialSchema', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121100000_DeadlineResolution', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121110000_ResponseHistory', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121120000_BenchmarkIndexes', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121130000_CommitteeStatements', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121140000_DataVersion', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261121150000_ResponseDueOn', '10.0.15');

ALTER TABLE ONLY public."ActionFinding"
    ADD CONSTRAINT "PK_ActionFinding" PRIMARY KEY ("ActionId", "FindingId");

ALTER TABLE ONLY public."ActionPlans"
    ADD CONSTRAINT "PK_ActionPlans" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."ApiKeys"
    ADD CONSTRAINT "PK_ApiKeys" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."CollaborationMemberships"
    ADD CONSTRAINT "PK_CollaborationMemberships" PRIMARY KEY ("CollaborationCode", "MemberCode");

ALTER TABLE ONLY public."CommitteeReports"
    ADD CONSTRAINT "PK_CommitteeReports" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Committees"
    ADD CONSTRAINT "PK_Committees" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."DataVersions"
    ADD CONSTRAINT "PK_DataVersions" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Evidence"
    ADD CONSTRAINT "PK_Evidence" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."FindingAddressee"
    ADD CONSTRAINT "PK_FindingAddressee" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Findings"
    ADD CONSTRAINT "PK_Findings" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."ForceResponses"
    ADD CONSTRAINT "PK_ForceResponses" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Forces"
    ADD CONSTRAINT "PK_Forces" PRIMARY KEY ("Code");

ALTER TABLE ONLY public."Gradings"
    ADD CONSTRAINT "PK_Gradings" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."InspectionForce"
    ADD CONSTRAINT "PK_InspectionForce" PRIMARY KEY ("InspectionId", "ForceCode");

ALTER TABLE ONLY public."Inspections"
    ADD CONSTRAINT "PK_Inspections" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."IssuedStatements"
    ADD CONSTRAINT "PK_IssuedStatements" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."PlanActions"
    ADD CONSTRAINT "PK_PlanActions" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."ProgressUpdates"
    ADD CONSTRAINT "PK_ProgressUpdates" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."ResponseRevisions"
    ADD CONSTRAINT "PK_ResponseRevisions" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."StatementLines"
    ADD CONSTRAINT "PK_StatementLines" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."TargetDateChanges"
    ADD CONSTRAINT "PK_TargetDateChanges" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId");

CREATE INDEX "IX_ActionFinding_FindingId" ON public."ActionFinding" USING btree ("FindingId");

CREATE INDEX "IX_ActionPlans_ForceCode" ON public."ActionPlans" USING btree ("ForceCode");

CREATE INDEX "IX_ActionPlans_InspectionId" ON public."ActionPlans" USING btree ("InspectionId");

CREATE INDEX "IX_ApiKeys_ForceCode" ON public."ApiKeys" USING btree ("ForceCode");

CREATE UNIQUE INDEX "IX_ApiKeys_SecretHash" ON public."ApiKeys" USING btree ("SecretHash");

CREATE INDEX "IX_CollaborationMemberships_MemberCode" ON public."CollaborationMemberships" USING btree ("MemberCode");

CREATE UNIQUE INDEX "IX_CommitteeReports_CommitteeId_Reference" ON public."CommitteeReports" USING btree ("CommitteeId", "Reference");

CREATE UNIQUE INDEX "IX_Committees_ForceCode_Name" ON public."Committees" USING btree ("ForceCode", "Name");

CREATE INDEX "IX_Evidence_ActionId" ON public."Evidence" USING btree ("ActionId");

CREATE INDEX "IX_Evidence_ResponseId" ON public."Evidence" USING btree ("ResponseId");

CREATE INDEX "IX_FindingAddressee_FindingId" ON public."FindingAddressee" USING btree ("FindingId");

CREATE INDEX "IX_FindingAddressee_ForceCode" ON public."FindingAddressee" USING btree ("ForceCode");

CREATE INDEX "IX_Findings_CauseOfConcernId" ON public."Findings" USING btree ("CauseOfConcernId");

CREATE INDEX "IX_Findings_DueDate" ON public."Findings" USING btree ("DueDate");

CREATE UNIQUE INDEX "IX_Findings_InspectionId_Reference" ON public."Findings" USING btree ("InspectionId", "Reference");

CREATE UNIQUE INDEX "IX_ForceResponses_FindingId_ForceCode" ON public."ForceResponses" USING btree ("FindingId", "ForceCode");

CREATE INDEX "IX_ForceResponses_ForceCode_DueOn_Status_Id" ON public."ForceResponses" USING btree ("ForceCode", "DueOn", "Status", "Id");

CREATE INDEX "IX_ForceResponses_ForceCode_Id" ON public."ForceResponses" USING btree ("ForceCode", "Id");

CREATE INDEX "IX_ForceResponses_ForceCode_Status" ON public."ForceResponses" USING btree ("ForceCode", "Status");

CREATE INDEX "IX_ForceResponses_SupersededByFindingId" ON public."ForceResponses" USING btree ("SupersededByFindingId");

CREATE UNIQUE INDEX "IX_Forces_Name" ON public."Forces" USING btree ("Name");

CREATE INDEX "IX_Gradings_ForceCode" ON public."Gradings" USING btree ("ForceCode");

CREATE UNIQUE INDEX "IX_Gradings_InspectionId_ForceCode_Area" ON public."Gradings" USING btree ("InspectionId", "ForceCode", "Area");

CREATE INDEX "IX_InspectionForce_ForceCode" ON public."InspectionForce" USING btree ("ForceCode");

CREATE INDEX "IX_Inspections_PublishedOn" ON public."Inspections" USING btree ("PublishedOn");

CREATE UNIQUE INDEX "IX_Inspections_Reference" ON public."Inspections" USING btree ("Reference");

CREATE INDEX "IX_IssuedStatements_CommitteeId_AsOf" ON public."IssuedStatements" USING btree ("CommitteeId", "AsOf");

CREATE INDEX "IX_IssuedStatements_PreviousStatementId" ON public."IssuedStatements" USING btree ("PreviousStatementId");

CREATE UNIQUE INDEX "IX_IssuedStatements_ReportId" ON public."IssuedStatements" USING btree ("ReportId");

CREATE INDEX "IX_PlanActions_ForceCode_Status" ON public."PlanActions" USING btree ("ForceCode", "Status");

CREATE INDEX "IX_PlanActions_PlanId" ON public."PlanActions" USING btree ("PlanId");

CREATE INDEX "IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt" ON public."ProgressUpdates" USING btree ("ResponseId", "EffectiveOn", "RecordedAt");

CREATE INDEX "IX_ProgressUpdates_SupersededByFindingId" ON public."ProgressUpdates" USING btree ("SupersededByFindingId");

CREATE INDEX "IX_ResponseRevisions_ResponseId_EffectiveOn_RecordedAt" ON public."ResponseRevisions" USING btree ("ResponseId", "EffectiveOn", "RecordedAt");

CREATE INDEX "IX_StatementLines_StatementId_Position" ON public."StatementLines" USING btree ("StatementId", "Position");

CREATE INDEX "IX_TargetDateChanges_ResponseId_EffectiveOn_RecordedAt" ON public."TargetDateChanges" USING btree ("ResponseId", "EffectiveOn", "RecordedAt");

ALTER TABLE ONLY public."ActionFinding"
    ADD CONSTRAINT "FK_ActionFinding_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES public."Findings"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ActionFinding"
    ADD CONSTRAINT "FK_ActionFinding_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES public."PlanActions"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."ActionPlans"
    ADD CONSTRAINT "FK_ActionPlans_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ActionPlans"
    ADD CONSTRAINT "FK_ActionPlans_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES public."Inspections"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ApiKeys"
    ADD CONSTRAINT "FK_ApiKeys_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."CollaborationMemberships"
    ADD CONSTRAINT "FK_CollaborationMemberships_Forces_CollaborationCode" FOREIGN KEY ("CollaborationCode") REFERENCES public."Forces"("Code") ON DELETE CASCADE;

ALTER TABLE ONLY public."CollaborationMemberships"
    ADD CONSTRAINT "FK_CollaborationMemberships_Forces_MemberCode" FOREIGN KEY ("MemberCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."CommitteeReports"
    ADD CONSTRAINT "FK_CommitteeReports_Committees_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES public."Committees"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Committees"
    ADD CONSTRAINT "FK_Committees_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Evidence"
    ADD CONSTRAINT "FK_Evidence_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES public."ForceResponses"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Evidence"
    ADD CONSTRAINT "FK_Evidence_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES public."PlanActions"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."FindingAddressee"
    ADD CONSTRAINT "FK_FindingAddressee_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES public."Findings"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."FindingAddressee"
    ADD CONSTRAINT "FK_FindingAddressee_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Findings"
    ADD CONSTRAINT "FK_Findings_Findings_CauseOfConcernId" FOREIGN KEY ("CauseOfConcernId") REFERENCES public."Findings"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Findings"
    ADD CONSTRAINT "FK_Findings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES public."Inspections"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ForceResponses"
    ADD CONSTRAINT "FK_ForceResponses_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES public."Findings"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ForceResponses"
    ADD CONSTRAINT "FK_ForceResponses_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES public."Findings"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ForceResponses"
    ADD CONSTRAINT "FK_ForceResponses_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Gradings"
    ADD CONSTRAINT "FK_Gradings_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."Gradings"
    ADD CONSTRAINT "FK_Gradings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES public."Inspections"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."InspectionForce"
    ADD CONSTRAINT "FK_InspectionForce_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES public."Forces"("Code") ON DELETE RESTRICT;

ALTER TABLE ONLY public."InspectionForce"
    ADD CONSTRAINT "FK_InspectionForce_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES public."Inspections"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."IssuedStatements"
    ADD CONSTRAINT "FK_IssuedStatements_CommitteeReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES public."CommitteeReports"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."IssuedStatements"
    ADD CONSTRAINT "FK_IssuedStatements_Committees_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES public."Committees"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."IssuedStatements"
    ADD CONSTRAINT "FK_IssuedStatements_IssuedStatements_PreviousStatementId" FOREIGN KEY ("PreviousStatementId") REFERENCES public."IssuedStatements"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."PlanActions"
    ADD CONSTRAINT "FK_PlanActions_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES public."ActionPlans"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ProgressUpdates"
    ADD CONSTRAINT "FK_ProgressUpdates_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES public."Findings"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ProgressUpdates"
    ADD CONSTRAINT "FK_ProgressUpdates_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES public."ForceResponses"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."ResponseRevisions"
    ADD CONSTRAINT "FK_ResponseRevisions_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES public."ForceResponses"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."StatementLines"
    ADD CONSTRAINT "FK_StatementLines_IssuedStatements_StatementId" FOREIGN KEY ("StatementId") REFERENCES public."IssuedStatements"("Id") ON DELETE RESTRICT;

ALTER TABLE ONLY public."TargetDateChanges"
    ADD CONSTRAINT "FK_TargetDateChanges_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES public."ForceResponses"("Id") ON DELETE RESTRICT;

