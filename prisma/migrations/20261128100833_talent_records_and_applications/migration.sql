-- CreateEnum
CREATE TYPE "CareerKind" AS ENUM ('EDUCATION', 'WORK');

-- CreateEnum
CREATE TYPE "WorkType" AS ENUM ('PAPER', 'MONOGRAPH', 'PATENT', 'SOFTWARE', 'STANDARD', 'REPORT', 'ARTEFACT');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED', 'UNDER_REVIEW', 'PANEL', 'DECIDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "BudgetMode" AS ENUM ('LINE_ITEM', 'LUMP_SUM');

-- CreateEnum
CREATE TYPE "MemberConfirmation" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED');

-- CreateEnum
CREATE TYPE "InstitutionReviewOutcome" AS ENUM ('RECOMMEND', 'RETURN');

-- CreateEnum
CREATE TYPE "FormalCheckOutcome" AS ENUM ('PASS', 'FAIL');

-- AlterEnum
ALTER TYPE "TaxonomyKind" ADD VALUE 'DISCIPLINE_GBT13745';

-- AlterTable
ALTER TABLE "ResearcherProfile" ADD COLUMN     "idNumberCiphertext" TEXT,
ADD COLUMN     "idNumberHash" CHAR(64),
ADD COLUMN     "idNumberMasked" VARCHAR(18),
ADD COLUMN     "phone" VARCHAR(30);

-- CreateTable
CREATE TABLE "CareerEntry" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "CareerKind" NOT NULL,
    "organization" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Honour" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL DEFAULT '',
    "year" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Honour_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepresentativeWork" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" "WorkType" NOT NULL,
    "title" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "venue" TEXT NOT NULL DEFAULT '',
    "year" INTEGER NOT NULL,
    "identifier" TEXT NOT NULL DEFAULT '',
    "citation" TEXT NOT NULL DEFAULT '',
    "contributionStatement" TEXT NOT NULL,
    "evidenceFileId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RepresentativeWork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "finding" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "barsApplications" BOOLEAN NOT NULL DEFAULT true,
    "barsReviewing" BOOLEAN NOT NULL DEFAULT true,
    "recordedById" UUID NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokeReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "ownerId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Discipline" (
    "id" UUID NOT NULL,
    "editionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "Discipline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "challengeId" UUID,
    "ruleVersionId" UUID NOT NULL,
    "applicantId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "code" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "disciplineCode" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "abstract" TEXT NOT NULL DEFAULT '',
    "abstractEn" TEXT NOT NULL DEFAULT '',
    "content" JSONB NOT NULL DEFAULT '{}',
    "durationMonths" INTEGER,
    "budgetMode" "BudgetMode" NOT NULL,
    "lumpSumFen" BIGINT,
    "lumpSumPlan" TEXT NOT NULL DEFAULT '',
    "ageOnDeadline" INTEGER,
    "youthTrack" BOOLEAN NOT NULL DEFAULT false,
    "currentVersionNo" INTEGER NOT NULL DEFAULT 0,
    "returnComment" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationMember" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "responsibility" TEXT NOT NULL DEFAULT '',
    "monthsPerYear" INTEGER NOT NULL DEFAULT 6,
    "confirmation" "MemberConfirmation" NOT NULL DEFAULT 'PENDING',
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApplicationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "justification" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationFunding" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "source" "FundingSourceKind" NOT NULL,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "ApplicationFunding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationAttachment" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "slotKey" TEXT NOT NULL,
    "fileId" UUID NOT NULL,

    CONSTRAINT "ApplicationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationWork" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "workId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "ApplicationWork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationVersion" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshotSha256" CHAR(64) NOT NULL,
    "idempotencyKey" UUID NOT NULL,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApplicationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionReview" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "institutionId" UUID NOT NULL,
    "outcome" "InstitutionReviewOutcome" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "batchId" UUID,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InstitutionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormalCheck" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "outcome" "FormalCheckOutcome" NOT NULL,
    "reasonCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT NOT NULL DEFAULT '',
    "checkedById" UUID NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FormalCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormalCheckReason" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "ordinal" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FormalCheckReason_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareerEntry_userId_kind_idx" ON "CareerEntry"("userId", "kind");

-- CreateIndex
CREATE INDEX "Honour_userId_idx" ON "Honour"("userId");

-- CreateIndex
CREATE INDEX "RepresentativeWork_userId_idx" ON "RepresentativeWork"("userId");

-- CreateIndex
CREATE INDEX "CreditRecord_userId_idx" ON "CreditRecord"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_ownerId_idx" ON "StoredFile"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Discipline_editionId_code_key" ON "Discipline"("editionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Application_code_key" ON "Application"("code");

-- CreateIndex
CREATE INDEX "Application_callId_status_idx" ON "Application"("callId", "status");

-- CreateIndex
CREATE INDEX "Application_institutionId_callId_status_idx" ON "Application"("institutionId", "callId", "status");

-- CreateIndex
CREATE INDEX "Application_applicantId_status_idx" ON "Application"("applicantId", "status");

-- CreateIndex
CREATE INDEX "ApplicationMember_userId_confirmation_idx" ON "ApplicationMember"("userId", "confirmation");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationMember_applicationId_userId_key" ON "ApplicationMember"("applicationId", "userId");

-- CreateIndex
CREATE INDEX "BudgetLine_applicationId_idx" ON "BudgetLine"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationFunding_applicationId_source_key" ON "ApplicationFunding"("applicationId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationAttachment_applicationId_slotKey_key" ON "ApplicationAttachment"("applicationId", "slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationWork_applicationId_workId_key" ON "ApplicationWork"("applicationId", "workId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationVersion_idempotencyKey_key" ON "ApplicationVersion"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationVersion_applicationId_number_key" ON "ApplicationVersion"("applicationId", "number");

-- CreateIndex
CREATE INDEX "InstitutionReview_applicationId_idx" ON "InstitutionReview"("applicationId");

-- CreateIndex
CREATE INDEX "InstitutionReview_institutionId_decidedAt_idx" ON "InstitutionReview"("institutionId", "decidedAt");

-- CreateIndex
CREATE INDEX "FormalCheck_applicationId_idx" ON "FormalCheck"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "FormalCheckReason_code_key" ON "FormalCheckReason"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ResearcherProfile_idNumberHash_key" ON "ResearcherProfile"("idNumberHash");

-- AddForeignKey
ALTER TABLE "CareerEntry" ADD CONSTRAINT "CareerEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Honour" ADD CONSTRAINT "Honour_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentativeWork" ADD CONSTRAINT "RepresentativeWork_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentativeWork" ADD CONSTRAINT "RepresentativeWork_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditRecord" ADD CONSTRAINT "CreditRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditRecord" ADD CONSTRAINT "CreditRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "TaxonomyEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_ruleVersionId_fkey" FOREIGN KEY ("ruleVersionId") REFERENCES "ProgramRuleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMember" ADD CONSTRAINT "ApplicationMember_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMember" ADD CONSTRAINT "ApplicationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationFunding" ADD CONSTRAINT "ApplicationFunding_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAttachment" ADD CONSTRAINT "ApplicationAttachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAttachment" ADD CONSTRAINT "ApplicationAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationWork" ADD CONSTRAINT "ApplicationWork_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationWork" ADD CONSTRAINT "ApplicationWork_workId_fkey" FOREIGN KEY ("workId") REFERENCES "RepresentativeWork"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationVersion" ADD CONSTRAINT "ApplicationVersion_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionReview" ADD CONSTRAINT "InstitutionReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionReview" ADD CONSTRAINT "InstitutionReview_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormalCheck" ADD CONSTRAINT "FormalCheck_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
