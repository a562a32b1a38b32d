CREATE TABLE "Forces" (
    "Code" character varying(60) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    CONSTRAINT "PK_Forces" PRIMARY KEY ("Code")
);


CREATE TABLE "Inspections" (
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
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Inspections" PRIMARY KEY ("Id")
);


CREATE TABLE "ApiKeys" (
    "Id" uuid NOT NULL,
    "ClientName" character varying(200) NOT NULL,
    "Role" character varying(40) NOT NULL,
    "ForceCode" character varying(60),
    "SecretHash" character varying(64) NOT NULL,
    "Hint" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    CONSTRAINT "PK_ApiKeys" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiKeys_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "CollaborationMemberships" (
    "CollaborationCode" character varying(60) NOT NULL,
    "MemberCode" character varying(60) NOT NULL,
    CONSTRAINT "PK_CollaborationMemberships" PRIMARY KEY ("CollaborationCode", "MemberCode"),
    CONSTRAINT "FK_CollaborationMemberships_Forces_CollaborationCode" FOREIGN KEY ("CollaborationCode") REFERENCES "Forces" ("Code") ON DELETE CASCADE,
    CONSTRAINT "FK_CollaborationMemberships_Forces_MemberCode" FOREIGN KEY ("MemberCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ActionPlans" (
    "Id" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Title" character varying(400) NOT NULL,
    "InspectionId" uuid,
    "OwnerName" character varying(200),
    "Description" character varying(20000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ActionPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ActionPlans_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionPlans_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Findings" (
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
    CONSTRAINT "PK_Findings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Findings_Findings_CauseOfConcernId" FOREIGN KEY ("CauseOfConcernId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Findings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Gradings" (
    "Id" uuid NOT NULL,
    "InspectionId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    "Area" character varying(60) NOT NULL,
    "Grade" character varying(40) NOT NULL,
    "GivenOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Gradings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Gradings_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_Gradings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "InspectionForce" (
    "InspectionId" uuid NOT NULL,
    "ForceCode" character varying(60) NOT NULL,
    CONSTRAINT "PK_InspectionForce" PRIMARY KEY ("InspectionId", "ForceCode"),
    CONSTRAINT "FK_InspectionForce_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_InspectionForce_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE CASCADE
);


CREATE TABLE "PlanActions" (
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
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PlanActions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanActions_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "FindingAddressee" (
    "Id" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "ForceCode" character varying(60),
    "Name" character varying(200),
    CONSTRAINT "PK_FindingAddressee" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FindingAddressee_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FindingAddressee_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ForceResponses" (
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
    CONSTRAINT "PK_ForceResponses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ForceResponses_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceResponses_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceResponses_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ActionFinding" (
    "ActionId" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    CONSTRAINT "PK_ActionFinding" PRIMARY KEY ("ActionId", "FindingId"),
    CONSTRAINT "FK_ActionFinding_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionFinding_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Evidence" (
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
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Evidence" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Evidence_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "ForceResponses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Evidence_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ProgressUpdates" (
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
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ProgressUpdates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProgressUpdates_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgressUpdates_ForceResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "ForceResponses" ("Id") ON DELETE RESTRICT
);


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


CREATE INDEX "IX_ProgressUpdates_ResponseId_EffectiveOn" ON "ProgressUpdates" ("ResponseId", "EffectiveOn");


CREATE INDEX "IX_ProgressUpdates_SupersededByFindingId" ON "ProgressUpdates" ("SupersededByFindingId");


