CREATE TABLE "Forces" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Forces" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL
);


CREATE TABLE "Inspections" (
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


CREATE TABLE "ApiKeys" (
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


CREATE TABLE "CollaborationMemberships" (
    "CollaborationCode" TEXT NOT NULL,
    "MemberCode" TEXT NOT NULL,
    CONSTRAINT "PK_CollaborationMemberships" PRIMARY KEY ("CollaborationCode", "MemberCode"),
    CONSTRAINT "FK_CollaborationMemberships_Forces_CollaborationCode" FOREIGN KEY ("CollaborationCode") REFERENCES "Forces" ("Code") ON DELETE CASCADE,
    CONSTRAINT "FK_CollaborationMemberships_Forces_MemberCode" FOREIGN KEY ("MemberCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ActionPlans" (
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


CREATE TABLE "Findings" (
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
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Findings_Findings_CauseOfConcernId" FOREIGN KEY ("CauseOfConcernId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Findings_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Gradings" (
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


CREATE TABLE "InspectionForce" (
    "InspectionId" TEXT NOT NULL,
    "ForceCode" TEXT NOT NULL,
    CONSTRAINT "PK_InspectionForce" PRIMARY KEY ("InspectionId", "ForceCode"),
    CONSTRAINT "FK_InspectionForce_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_InspectionForce_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE CASCADE
);


CREATE TABLE "PlanActions" (
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


CREATE TABLE "FindingAddressee" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FindingAddressee" PRIMARY KEY,
    "FindingId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ForceCode" TEXT NULL,
    "Name" TEXT NULL,
    CONSTRAINT "FK_FindingAddressee_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FindingAddressee_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ForceResponses" (
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
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ForceResponses_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceResponses_Findings_SupersededByFindingId" FOREIGN KEY ("SupersededByFindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceResponses_Forces_ForceCode" FOREIGN KEY ("ForceCode") REFERENCES "Forces" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ActionFinding" (
    "ActionId" TEXT NOT NULL,
    "FindingId" TEXT NOT NULL,
    CONSTRAINT "PK_ActionFinding" PRIMARY KEY ("ActionId", "FindingId"),
    CONSTRAINT "FK_ActionFinding_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionFinding_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Evidence" (
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


CREATE TABLE "ProgressUpdates" (
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


