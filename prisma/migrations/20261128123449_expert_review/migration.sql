-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('MAIL', 'PANEL_PREREAD');

-- CreateEnum
CREATE TYPE "ReviewAssignmentStatus" AS ENUM ('PROPOSED', 'INVITED', 'ACCEPTED', 'SUBMITTED', 'DECLINED', 'CANCELLED', 'OVERDUE', 'WITHDRAWN_CONFLICT');

-- CreateEnum
CREATE TYPE "AssignmentOrigin" AS ENUM ('MANUAL', 'AUTO');

-- CreateEnum
CREATE TYPE "AssignmentRunStatus" AS ENUM ('PROPOSED', 'COMMITTED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "InvitationResponse" AS ENUM ('ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "DeclarationMoment" AS ENUM ('ON_ACCEPT', 'ON_SUBMIT');

-- CreateEnum
CREATE TYPE "ConflictReason" AS ENUM ('SAME_INSTITUTION', 'FORMER_INSTITUTION', 'TEAM_MEMBER', 'CO_AUTHOR', 'APPLICANT_AVOIDANCE', 'EXPERT_DECLARED', 'STAFF_MARKED');

-- CreateEnum
CREATE TYPE "ReviewRecommendation" AS ENUM ('PRIORITY', 'FUNDABLE', 'NOT_FUNDABLE');

-- CreateEnum
CREATE TYPE "ReviewConfidence" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "NonConsensusStatus" AS ENUM ('DETECTED', 'ROUTED', 'DISMISSED');

-- CreateTable
CREATE TABLE "ExpertProfile" (
    "userId" UUID NOT NULL,
    "institutionId" UUID,
    "institutionName" TEXT NOT NULL DEFAULT '',
    "country" CHAR(2) NOT NULL DEFAULT 'CN',
    "languages" TEXT[] DEFAULT ARRAY['zh']::TEXT[],
    "nameVariants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "disciplineCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" "ProfessionalTitle",
    "loadLimitPerCall" INTEGER NOT NULL DEFAULT 10,
    "unavailableFrom" DATE,
    "unavailableUntil" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "reviewsSubmitted" INTEGER NOT NULL DEFAULT 0,
    "reviewsLate" INTEGER NOT NULL DEFAULT 0,
    "invitationsDeclined" INTEGER NOT NULL DEFAULT 0,
    "qualityRatingAvg" DECIMAL(3,2),
    "creditScore" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExpertProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ExpertAffiliationHistory" (
    "id" UUID NOT NULL,
    "expertUserId" UUID NOT NULL,
    "institutionId" UUID,
    "institutionName" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,

    CONSTRAINT "ExpertAffiliationHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentRun" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "stage" "ReviewStage" NOT NULL,
    "status" "AssignmentRunStatus" NOT NULL DEFAULT 'PROPOSED',
    "options" JSONB NOT NULL,
    "seed" INTEGER,
    "summary" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssignmentRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "expertUserId" UUID NOT NULL,
    "stage" "ReviewStage" NOT NULL,
    "status" "ReviewAssignmentStatus" NOT NULL DEFAULT 'PROPOSED',
    "origin" "AssignmentOrigin" NOT NULL,
    "runId" UUID,
    "affinity" DECIMAL(10,4),
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewInvitation" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3),
    "respondedAt" TIMESTAMPTZ(3),
    "response" "InvitationResponse",
    "declineReason" TEXT,
    "suggestedExpert" TEXT,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "lastReminderAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReviewInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "moment" "DeclarationMoment" NOT NULL,
    "hasConflict" BOOLEAN NOT NULL,
    "statement" TEXT,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetectedConflict" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "expertUserId" UUID NOT NULL,
    "reason" "ConflictReason" NOT NULL,
    "detail" JSONB NOT NULL,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL,
    "dismissedById" UUID,
    "dismissedAt" TIMESTAMPTZ(3),
    "dismissedReason" TEXT,

    CONSTRAINT "DetectedConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "applicationVersionNo" INTEGER NOT NULL,
    "ruleVersionId" UUID NOT NULL,
    "scores" JSONB NOT NULL DEFAULT '{}',
    "weightedScore" DECIMAL(7,4),
    "normalisedScore" DECIMAL(7,4),
    "recommendation" "ReviewRecommendation",
    "confidence" "ReviewConfidence",
    "commentToApplicant" TEXT NOT NULL DEFAULT '',
    "confidentialComment" TEXT NOT NULL DEFAULT '',
    "language" VARCHAR(8) NOT NULL DEFAULT 'zh',
    "nonConsensusSupport" BOOLEAN NOT NULL DEFAULT false,
    "nonConsensusReason" TEXT NOT NULL DEFAULT '',
    "status" "ReviewStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "qualityRating" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreNormalisation" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "stage" "ReviewStage" NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "rawMean" DECIMAL(7,4) NOT NULL,
    "weightedMean" DECIMAL(7,4) NOT NULL,
    "normalisedMean" DECIMAL(7,4) NOT NULL,
    "rank" INTEGER NOT NULL,
    "percentileBp" INTEGER NOT NULL,
    "minScore" DECIMAL(7,4) NOT NULL,
    "maxScore" DECIMAL(7,4) NOT NULL,
    "range" DECIMAL(7,4) NOT NULL,
    "stdDev" DECIMAL(7,4) NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoreNormalisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NonConsensusFlag" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "measure" VARCHAR(16) NOT NULL,
    "dispersion" DECIMAL(7,4) NOT NULL,
    "threshold" DECIMAL(7,4) NOT NULL,
    "supportingReviewIds" UUID[],
    "status" "NonConsensusStatus" NOT NULL DEFAULT 'DETECTED',
    "justification" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NonConsensusFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicantAvoidance" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "expertUserId" UUID,
    "name" TEXT NOT NULL,
    "institutionName" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,

    CONSTRAINT "ApplicantAvoidance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExpertProfile_active_idx" ON "ExpertProfile"("active");

-- CreateIndex
CREATE INDEX "ExpertProfile_disciplineCodes_idx" ON "ExpertProfile" USING GIN ("disciplineCodes");

-- CreateIndex
CREATE INDEX "ExpertProfile_keywords_idx" ON "ExpertProfile" USING GIN ("keywords");

-- CreateIndex
CREATE INDEX "ExpertAffiliationHistory_expertUserId_idx" ON "ExpertAffiliationHistory"("expertUserId");

-- CreateIndex
CREATE INDEX "ExpertAffiliationHistory_institutionId_idx" ON "ExpertAffiliationHistory"("institutionId");

-- CreateIndex
CREATE INDEX "AssignmentRun_callId_createdAt_idx" ON "AssignmentRun"("callId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewAssignment_expertUserId_status_idx" ON "ReviewAssignment"("expertUserId", "status");

-- CreateIndex
CREATE INDEX "ReviewAssignment_callId_status_idx" ON "ReviewAssignment"("callId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_applicationId_expertUserId_stage_key" ON "ReviewAssignment"("applicationId", "expertUserId", "stage");

-- CreateIndex
CREATE INDEX "ReviewInvitation_assignmentId_idx" ON "ReviewInvitation"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_assignmentId_moment_key" ON "ConflictDeclaration"("assignmentId", "moment");

-- CreateIndex
CREATE INDEX "DetectedConflict_expertUserId_idx" ON "DetectedConflict"("expertUserId");

-- CreateIndex
CREATE UNIQUE INDEX "DetectedConflict_applicationId_expertUserId_reason_key" ON "DetectedConflict"("applicationId", "expertUserId", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "Review_assignmentId_key" ON "Review"("assignmentId");

-- CreateIndex
CREATE INDEX "ScoreNormalisation_callId_stage_rank_idx" ON "ScoreNormalisation"("callId", "stage", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreNormalisation_applicationId_stage_key" ON "ScoreNormalisation"("applicationId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "NonConsensusFlag_applicationId_key" ON "NonConsensusFlag"("applicationId");

-- CreateIndex
CREATE INDEX "NonConsensusFlag_callId_status_idx" ON "NonConsensusFlag"("callId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicantAvoidance_applicationId_ordinal_key" ON "ApplicantAvoidance"("applicationId", "ordinal");

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAffiliationHistory" ADD CONSTRAINT "ExpertAffiliationHistory_expertUserId_fkey" FOREIGN KEY ("expertUserId") REFERENCES "ExpertProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertAffiliationHistory" ADD CONSTRAINT "ExpertAffiliationHistory_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRun" ADD CONSTRAINT "AssignmentRun_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRun" ADD CONSTRAINT "AssignmentRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_expertUserId_fkey" FOREIGN KEY ("expertUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssignmentRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInvitation" ADD CONSTRAINT "ReviewInvitation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetectedConflict" ADD CONSTRAINT "DetectedConflict_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetectedConflict" ADD CONSTRAINT "DetectedConflict_expertUserId_fkey" FOREIGN KEY ("expertUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_ruleVersionId_fkey" FOREIGN KEY ("ruleVersionId") REFERENCES "ProgramRuleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreNormalisation" ADD CONSTRAINT "ScoreNormalisation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreNormalisation" ADD CONSTRAINT "ScoreNormalisation_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonConsensusFlag" ADD CONSTRAINT "NonConsensusFlag_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonConsensusFlag" ADD CONSTRAINT "NonConsensusFlag_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantAvoidance" ADD CONSTRAINT "ApplicantAvoidance_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantAvoidance" ADD CONSTRAINT "ApplicantAvoidance_expertUserId_fkey" FOREIGN KEY ("expertUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
